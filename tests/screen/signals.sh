#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# SIGTERM, SIGHUP and crashes end the program with the terminal restored
# (stty -a the same before and after).
. "$srcdir/tests/screen/lib.sh"

DATADIR_=$srcdir/tests/content-good
for sig in TERM HUP SEGV ABRT; do
  rm -f "$tmp/exit" "$tmp/stty-after"
  : > "$trace"
  tmux_ kill-server 2>/dev/null
  sock="mk-test-$$-$test_name-$sig"
  start_kiosk --kiosk
  wait_for "Touch the screen or press a key"
  kill -$sig "$(kiosk_pid)"
  status=$(wait_exit)
  case $sig in
    TERM|HUP) [ "$status" = 0 ] || fail_ "SIG$sig: exit status $status" ;;
    *) [ "$status" -gt 128 ] || fail_ "SIG$sig: exit status $status" ;;
  esac
  i=0
  while [ ! -s "$tmp/stty-after" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
  cmp -s "$tmp/stty-before" "$tmp/stty-after" || {
    diff "$tmp/stty-before" "$tmp/stty-after" >&2
    fail_ "SIG$sig: terminal modes changed"
  }
done
exit 0
