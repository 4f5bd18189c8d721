#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# The text is laid out again on resize; too small a window says so, and
# the kiosk recovers when it grows.
. "$srcdir/tests/screen/lib.sh"

DATADIR_=$srcdir/tests/content-good
start_kiosk --lang en
wait_for "Warning signs"
send Down Down Enter
wait_for "An example page"
# At 80 columns, this paragraph takes three lines.
wait_for "the terminal, with accents:"

# The screen shows the page as --dump lays it out at the new width.
tmux_ resize-window -x 50 -y 20
wait_trace "resize 50x20"
MESOKIOSK_DATADIR=$DATADIR_ kiosk_env "$MESOKIOSK" --dump exemple --lang en \
  --width 48 > "$tmp/dump48"
wait_for "$(sed -n 6p "$tmp/dump48")"
expect_screen "$(sed -n 7p "$tmp/dump48")" "$(sed -n 8p "$tmp/dump48")"
refuse_screen "the terminal, with accents:"

tmux_ resize-window -x 30 -y 8
wait_for "too small"
tmux_ resize-window -x 100 -y 30
wait_for "An example page"
expect_screen "A paragraph long enough to be broken into several lines at the width"

# Many resizes, fast: it survives and ends on the right layout.
for s in 40x12 90x40 20x5 80x24 45x15 120x50 80x24; do
  tmux_ resize-window -x "${s%x*}" -y "${s#*x}"
done
wait_trace "resize 80x24"
wait_for "the terminal, with accents:"
send F10
[ "$(wait_exit)" = 0 ] || fail_ "bad exit status"
