#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Arrows, Page Down/Up and End scroll a long page; the status line says
# when there is more below.
. "$srcdir/tests/screen/lib.sh"

DATADIR_=$srcdir/tests/content-good
start_kiosk --lang en
wait_for "Warning signs"
send Down Down Enter
# "An example page" is also a label of the menu: wait for the page.
wait_frame "page=exemple"
wait_for "More below: Page Down"

send Down
wait_trace "frame [0-9]+ .*page=exemple .*top=1 "
screen | sed -n 2p | grep -q "It shows every kind of block" \
  || { show_screen; fail_ "Down did not scroll a line"; }

# Page Down shows the next screen, one line of overlap: the lines of
# --dump from the 22nd.
MESOKIOSK_DATADIR=$DATADIR_ kiosk_env "$MESOKIOSK" --dump exemple --lang en \
  > "$tmp/dump"
send NPage
wait_trace "frame [0-9]+ .*top=21 "
screen | sed -n 2p | grep -qF "$(sed -n 22p "$tmp/dump")" \
  || { show_screen; fail_ "Page Down: not line 22 at the top"; }
refuse_screen "It shows every kind of block"

send End
wait_for "End of the page"
expect_screen "→ Warning signs" "→ After the session"
refuse_screen "More below"

# Page Up, again and again, comes back to the top.
i=0
until last_frame | grep -q "page=exemple .*top=0 "; do
  [ $i -lt 20 ] || { show_screen; fail_ "Page Up never reached the top"; }
  send PPage
  i=$((i + 1))
done
screen | sed -n 2p | grep -q "An example page" || { show_screen; fail_ "Page Up"; }

# Nothing above the top: Up does nothing.
send Up
expect_screen "An example page"
grep -q ' event [0-9]* up ignored' "$trace" || fail_ "Up at the top was not ignored"

send End Down Down Enter
wait_for "What is normal"
send BSpace
wait_for "End of the page"
# Home is the list of topics.
send Home
wait_frame "screen=1 "
send F10
[ "$(wait_exit)" = 0 ] || fail_ "bad exit status"
