#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# --plain, for screen readers: no frames or decorations, and the cursor on
# the text being read (the selected link, or the first line).  Also: wide
# terminals get a comfortable measure (72 columns, centred), narrow ones
# use every column.
. "$srcdir/tests/screen/lib.sh"

cursor () { tmux_ display -p '#{cursor_x} #{cursor_y}'; }

DATADIR_=$srcdir/tests/content-good
COLS_=100 ROWS_=30 start_kiosk --plain --lang en
wait_for "Mesotherapy: information for patients"
# The first entry is selected: the cursor is on it.
row=$(($(row_of "Warning signs") - 1))
[ "$(cursor)" = "14 $row" ] || { show_screen; fail_ "cursor at $(cursor), not 14 $row"; }
send Enter
wait_for "When to call, and whom to call."
refuse_screen "┌" "│" "└" "+-"
expect_screen "Emergency:" "Call 15 now" "Urgent:" "  Information:"
# Nothing selected: the cursor is on the first line of text.
[ "$(cursor)" = "14 1" ] || { show_screen; fail_ "cursor at $(cursor), not 14 1"; }
send Tab
row=$(($(row_of "After the session") - 1))
[ "$(cursor)" = "14 $row" ] || { show_screen; fail_ "cursor at $(cursor), not on the link"; }

# The measure: at 100 columns the text starts at column 15 (0-based 14)
# and no line is longer than 72; at 44 columns it uses 42.
[ "$(col_of "When to call, and whom to call.")" = 15 ] || { show_screen; fail_ "not centred"; }
# (wc -L counts columns in the locale; awk may count bytes.)
[ "$(screen | sed -n '2,27p' | LC_ALL=C.UTF-8 wc -L)" -le $((14 + 72 + 1)) ] \
  || { show_screen; fail_ "a line is longer than the measure"; }
tmux_ resize-window -x 44 -y 20
wait_trace "resize 44x20"
# The selected link stays on the screen, so the page may have scrolled.
wait_for "After the session"
[ "$(col_of "→ After the session")" = 2 ] || { show_screen; fail_ "narrow: not at column 2"; }

# The search box: the cursor sits on what is typed, at its end (it was on
# the title line).
send /
wait_for "Search: _"
send_literal "fever"
wait_for "Search: fever_"
row=$(($(row_of "Search: fever_") - 1))
col=$(($(col_of "Search: fever_") - 1 + 13))
[ "$(cursor)" = "$col $row" ] || { show_screen; fail_ "search box: cursor at $(cursor), not $col $row"; }
send F10
[ "$(wait_exit)" = 0 ] || fail_ "bad exit status"
