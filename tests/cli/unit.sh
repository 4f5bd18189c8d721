#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# The systemd unit is valid (systemd-analyze verify), starts the kiosk in
# kiosk mode on the instance's terminal, restarts it without limit, reloads
# it with a signal without touching the terminal, and is sandboxed to an
# exposure of at most 2.0 (systemd-analyze security --offline).  What it
# does on a real systemd: tests/boot (make check-boot).
. "$srcdir/tests/lib.sh"

unit=$srcdir/contrib/mesokiosk@.service.in
[ -f "$unit" ] || framework_failure_ "no unit"
sed -e "s|@bindir@|$(dirname "$MESOKIOSK")|g" "$unit" > "$tmp/mesokiosk@tty1.service"
grep -q "^ExecStart=$(dirname "$MESOKIOSK")/mesokiosk --kiosk$" "$tmp/mesokiosk@tty1.service" \
  || fail_ "ExecStart"
for l in 'Type=idle' 'Restart=always' 'StartLimitIntervalSec=0' \
         'TTYPath=/dev/%I' 'StandardInput=tty-force' 'DefaultInstance=tty1' \
         'ExecReload=/bin/sh -c '"'"'kill -USR1 $$MAINPID'"'" \
         'LoadCredential=staff_pin:mesokiosk.staff_pin' \
         'DynamicUser=yes' 'ProtectSystem=strict' 'SystemCallFilter=@system-service'; do
  grep -qx -- "$l" "$tmp/mesokiosk@tty1.service" || fail_ "no '$l'"
done
for l in 'Conflicts=getty@%i.service' 'After=getty@%i.service' \
         'Conflicts=rescue.service'; do
  grep -q -- "^$l" "$tmp/mesokiosk@tty1.service" || fail_ "no '$l'"
done
# systemd 252 applies these to ExecReload='s process too, which hung up
# (TTYVHangup) or reset (TTYReset) the running kiosk's terminal on reload.
for l in TTYReset TTYVHangup TTYVTDisallocate; do
  grep -q "^$l=" "$tmp/mesokiosk@tty1.service" && fail_ "$l= is back"
done
# TERM is left to systemd (vt220 on a serial line).
grep -q '^Environment=.*TERM=' "$tmp/mesokiosk@tty1.service" && fail_ "TERM is set"
command -v systemd-analyze >/dev/null 2>&1 || skip_ "no systemd-analyze"
systemd-analyze verify --man=no "$tmp/mesokiosk@tty1.service" > "$tmp/out" 2>&1 \
  || { cat "$tmp/out" >&2; fail_ "systemd-analyze verify"; }
[ -s "$tmp/out" ] && { cat "$tmp/out" >&2; fail_ "systemd-analyze complains"; }
systemd-analyze security --offline=true --no-pager "$tmp/mesokiosk@tty1.service" \
  > "$tmp/sec" 2>&1 || { cat "$tmp/sec" >&2; fail_ "systemd-analyze security"; }
level=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$tmp/sec")
[ -n "$level" ] || { cat "$tmp/sec" >&2; fail_ "no exposure level"; }
awk -v l="$level" 'BEGIN { exit !(l <= 2.0) }' \
  || { grep '✗' "$tmp/sec" >&2; fail_ "exposure $level, more than 2.0"; }
exit 0
