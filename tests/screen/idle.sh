#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Kiosk mode with a 2-second idle time: "Still there?" exactly 2 s after
# the last input, then a new visit that remembers nothing (history,
# place, language).
. "$srcdir/tests/screen/lib.sh"

DATADIR_=$srcdir/tests/content-good
start_kiosk --kiosk --idle 2
wait_for "Touch the screen or press a key"
expect_screen "Français" "English"
# An untouched attract screen has nothing to forget: no timer runs.
grep -q "idle" "$trace" && fail_ "idle timer on the attract screen"

send Space                          # any key wakes it up
wait_for "Choose your language"
send Down Enter                     # English
wait_for "Mesotherapy: information for patients"
send Down Down Enter                # a page, scrolled
wait_for "An example page"
send NPage
wait_for "Paragraph number 1."

# No input now: the countdown, then a new visit.
wait_for "Still there?"
last=$(grep '^[0-9.]* event' "$trace" | tail -n 1 | cut -d' ' -f1)
shown=$(trace_time ' idle [0-9]')
awk -v a="$last" -v b="$shown" 'BEGIN { d = b - a; exit !(d >= 1.95 && d <= 2.5) }' \
  || fail_ "countdown after $last -> $shown, expected 2 s"
wait_trace "idle-reset"
wait_for "Information about mesotherapy"
reset=$(trace_time 'idle-reset')
awk -v a="$last" -v b="$reset" 'BEGIN { d = b - a; exit !(d >= 2.95 && d <= 3.5) }' \
  || fail_ "reset after $last -> $reset, expected 3 s"
refuse_screen "An example page" "Paragraph number" "Home"

# The next patient: no language, no history, no place.
last_frame | grep -q "screen=4 page=- lang= top=0 selected=0 depth=0" \
  || fail_ "after the reset: $(last_frame)"
send Space
wait_for "Choose your language"
last_frame | grep -q "screen=0 page=- lang= .* depth=1" \
  || fail_ "the visit did not start afresh: $(last_frame)"

# A key during the countdown keeps the visit.
send Down Enter
wait_for "Mesotherapy: information for patients"
wait_for "Still there?"
send Space
wait_gone "Still there?"
expect_screen "Mesotherapy: information for patients"

# Out of kiosk mode a visit starts on the menu, not on the attract screen:
# after a reset, the idle timer waits for the next patient's first key
# (it reset again and again, tens of thousands of times a second).
stop_kiosk_
tmux_ kill-server 2>/dev/null
sock="mk-test-$$-$test_name-nokiosk"
: > "$trace"
rm -f "$tmp/exit"
start_kiosk --lang en --idle 2
wait_for "Mesotherapy: information for patients"
send Down
wait_trace "idle-reset"
sleep 1
n=$(grep -c "idle-reset" "$trace")
[ "$n" = 1 ] || fail_ "$n resets after one idle visit"
expect_screen "Mesotherapy: information for patients"
# The next patient's key starts the timer again.
send Down
wait_for "Still there?"
exit 0
