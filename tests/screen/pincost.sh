#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# A staff PIN hash whose check would take minutes ($6$rounds=999999999)
# or days ($2b$31) is refused when the settings are read, with an error;
# a patient typing Ctrl-K, four digits and Enter then gets the PIN screen's
# answer at once, the kiosk keeps drawing, forgets the visit on time and
# obeys SIGTERM within a second.
. "$srcdir/tests/screen/lib.sh"

DATADIR_=$srcdir/tests/content-good
for hash in '$6$rounds=999999999$abcdefghijklmnop$0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcde' \
            '$2b$31$abcdefghijklmnopqrstuu0123456789abcdefghijklmnopqrstu'; do
  tmux_ kill-server 2>/dev/null
  sock="mk-test-$$-$test_name-${hash%%\$[a-z]*}$(echo "$hash" | cut -c2-3)"
  rm -f "$tmp/exit"
  : > "$trace"
  make_clinic "$tmp/clinic" "staff_pin: \"$hash\""
  start_kiosk --kiosk --idle 3 --content "$tmp/clinic"
  wait_for "Touch the screen or press a key"
  send Down Enter
  wait_for "Mesotherapy: information for patients"
  send C-k
  wait_for "Staff only"
  send_literal 1234
  # Checking the PIN takes no time: the Enter is handled, and the screen
  # says there is no PIN to check.
  send Enter
  expect_screen "Staff only" "No staff PIN is set"
  # The idle reset on time: 3 s after the last input, and 1 s of
  # countdown.
  last=$(grep '^[0-9.]* event' "$trace" | tail -n 1 | cut -d' ' -f1)
  wait_trace "idle-reset"
  reset=$(trace_time 'idle-reset')
  awk -v a="$last" -v b="$reset" 'BEGIN { d = b - a; exit !(d >= 3.9 && d <= 4.6) }' \
    || fail_ "reset after $last -> $reset, expected 4 s"
  wait_for "Touch the screen or press a key"
  kill -TERM "$(kiosk_pid)"
  _i=0
  until [ -s "$tmp/exit" ]; do
    [ $_i -ge 10 ] && { show_screen; fail_ "SIGTERM not obeyed within 1 s"; }
    sleep 0.1
    _i=$((_i + 1))
  done
  [ "$(cat "$tmp/exit")" = 0 ] || fail_ "exit status $(cat "$tmp/exit")"
  # The error is in the log.
  grep -q "'staff_pin': this hash costs too much to check" "$tmp/stderr" \
    || { cat "$tmp/stderr" >&2; fail_ "the refused hash is not reported"; }
done
exit 0
