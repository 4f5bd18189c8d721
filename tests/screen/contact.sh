#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# The clinic's number from anywhere: '#' (or F3), a button where the bar
# has room, and the last entry of the home menu open a screen with the
# contact card, which a phone's camera reads back to the exact card; '#'
# again goes back.  With no phone number none of them is there.
. "$srcdir/tests/screen/lib.sh"

make_clinic "$tmp/clinic" 'clinic:' '  name: Cabinet du Parc' \
  '  phone: "01 02 03 04 05"'
# 100 columns: room for the button after the others (at 80 the home
# menu's entry and the key are the way).
COLS_=100 start_kiosk --kiosk --content "$tmp/clinic"
wait_for "Touch the screen or press a key"
send Down Enter
wait_for "Take the clinic's number home"
expect_screen "# Number"
# From a page, by its key; the same key goes back to the page.
send '!'
wait_for "Call 15 now"
send '#'
wait_frame "screen=8 "
expect_screen "Cabinet du Parc" "Home › Our number"
screen | grep -q "01.02.03.04.05" || { show_screen; fail_ "no phone number as text"; }
if command -v zbarimg >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
  screen > "$tmp/card"
  python3 "$srcdir/tests/tools/qr2pbm.py" "$tmp/card" > "$tmp/card.pbm" \
    || fail_ "no code on the screen"
  printf 'MECARD:N:Cabinet du Parc;TEL:0102030405;;\n' > "$tmp/exp"
  zbarimg --raw -q "$tmp/card.pbm" > "$tmp/got" 2>/dev/null
  compare "$tmp/exp" "$tmp/got"
fi
send '#'
wait_for "Call 15 now"
# F3 too, and Back returns.
send F3
wait_frame "screen=8 "
send BSpace
wait_for "Call 15 now"
# The button.
send Home
wait_for "Take the clinic's number home"
click_button "Number"
wait_frame "screen=8 "
# The home menu's last entry.
send Home
wait_for "Take the clinic's number home"
click_text "Take the clinic's number home"
wait_frame "screen=8 "
# The help says which key.
send F1
expect_screen "# or F3"
tmux_ kill-server 2>/dev/null

# No phone number: no entry, no button, no help line, and the key does
# nothing.
sock="mk-test-$$-$test_name-nophone"
: > "$trace"
rm -f "$tmp/exit"
make_clinic "$tmp/clinic" 'clinic:' '  name: Cabinet du Parc'
start_kiosk --kiosk --content "$tmp/clinic"
wait_for "Touch the screen or press a key"
send Down Enter
wait_for "About this information"
refuse_screen "Take the clinic's number home" "# Number"
send '#'
last_frame | grep -q "screen=1 " || fail_ "'#' with no phone: $(last_frame)"
grep -q " event [0-9]* contact ignored" "$trace" || fail_ "'#' was not ignored"
send F1
wait_for "Keys and buttons"
refuse_screen "# or F3"
exit 0
