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
  reset_on_time 4
  term_obeyed
  # The error is in the log.
  grep -q "'staff_pin': this hash costs too much to check" "$tmp/stderr" \
    || { cat "$tmp/stderr" >&2; fail_ "the refused hash is not reported"; }
done
exit 0
