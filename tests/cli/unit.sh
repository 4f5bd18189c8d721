#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# The systemd unit is valid (systemd-analyze verify), starts the kiosk in
# kiosk mode on the instance's terminal, and restarts it.
. "$srcdir/tests/lib.sh"

unit=$srcdir/contrib/mesokiosk@.service.in
[ -f "$unit" ] || framework_failure_ "no unit"
sed -e "s|@bindir@|$(dirname "$MESOKIOSK")|g" "$unit" > "$tmp/mesokiosk@tty1.service"
grep -q "^ExecStart=$(dirname "$MESOKIOSK")/mesokiosk --kiosk$" "$tmp/mesokiosk@tty1.service" \
  || fail_ "ExecStart"
for l in 'Restart=always' 'TTYPath=/dev/%I' 'TTYReset=yes' 'StandardInput=tty-force' \
         'DynamicUser=yes' 'ProtectSystem=strict'; do
  grep -qx -- "$l" "$tmp/mesokiosk@tty1.service" || fail_ "no '$l'"
done
for l in 'Conflicts=getty@%i.service'; do
  grep -q -- "^$l" "$tmp/mesokiosk@tty1.service" || fail_ "no '$l'"
done
command -v systemd-analyze >/dev/null 2>&1 || skip_ "no systemd-analyze"
systemd-analyze verify --man=no "$tmp/mesokiosk@tty1.service" > "$tmp/out" 2>&1 \
  || { cat "$tmp/out" >&2; fail_ "systemd-analyze verify"; }
[ -s "$tmp/out" ] && { cat "$tmp/out" >&2; fail_ "systemd-analyze complains"; }
exit 0
