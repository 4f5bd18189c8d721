#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Drag to scroll: a finger dragged up or down scrolls the page and the
# menu (button-motion reports, X10 and SGR encodings); a tap acts on the
# release, and only where the finger did not move, so a drag never opens
# a link.
. "$srcdir/tests/screen/lib.sh"

# x10 BUTTON ROW COL: one X10 report (1-based ROW and COL); BUTTON 0 is a
# press of the left button, 32 a move with it down, 3 a release.
x10 () {
  tmux_ send-keys -l -- "$(printf '\033[M%b%b%b' \
    "\\0$(printf '%o' $((32 + $1)))" "\\0$(printf '%o' $((32 + $3)))" \
    "\\0$(printf '%o' $((32 + $2)))")"
}
# sgr BUTTON ROW COL M|m: one SGR report (m: a release).
sgr () { tmux_ send-keys -l -- "$(printf '\033[<%d;%d;%d%s' "$1" "$3" "$2" "$4")"; }

DATADIR_=$srcdir/tests/content-good
start_kiosk --lang en
wait_for "Warning signs"
send Down Down Enter
wait_frame "page=exemple .*top=0 "

# A finger up five rows, a row at a time: the page follows it.
x10 0 15 20
for r in 14 13 12 11 10; do x10 32 $r 20; done
x10 3 10 20
wait_frame "page=exemple .*top=5 "
# Down again two rows, in SGR reports.
sgr 0 10 20 M
sgr 32 11 20 M
sgr 32 12 20 M
sgr 0 12 20 m
wait_frame "page=exemple .*top=3 "
grep -q " event [0-9]* drag done" "$trace" || fail_ "no drag event in the trace"

# A drag that starts on a link and comes back to it opens nothing.
send End
wait_for "After the session"
r=$(row_of "→ After the session")
c=$(col_of "After the session")
x10 0 "$r" "$c"
x10 32 $((r - 2)) "$c"
x10 32 "$r" "$c"
x10 3 "$r" "$c"
# The wheel after it says the kiosk read all that; the page is the same.
_before=$(events)
click 5 5 65
wait_trace "^[0-9.]+ event $((_before + 1)) scroll-down"
last_frame | grep -q "page=exemple " || { show_screen; fail_ "a drag opened a link: $(last_frame)"; }
sed -n "/ event $_before /,\$p" "$trace" | grep -q " event [0-9]* click" \
  && fail_ "a drag was taken for a tap"

# A tap (press and release on the same place) opens the link.
r=$(row_of "→ After the session")
x10 0 "$r" "$c"
x10 3 "$r" "$c"
wait_frame "page=apres-seance "

# The menu scrolls under a finger too (the shipped library at 12 rows).
stop_kiosk_
tmux_ kill-server 2>/dev/null
sock="mk-test-$$-$test_name-menu"
: > "$trace"
rm -f "$tmp/exit"
DATADIR_=$srcdir/content ROWS_=12 start_kiosk --lang en
wait_frame "screen=1 .*top=0 "
sgr 0 8 10 M
for r in 7 6 5 4; do sgr 32 $r 10 M; done
sgr 0 4 10 m
wait_frame "screen=1 .*top=4 "
last_frame | grep -q "screen=1 " || fail_ "the drag left the menu: $(last_frame)"
send F10
[ "$(wait_exit)" = 0 ] || fail_ "exit status"
exit 0
