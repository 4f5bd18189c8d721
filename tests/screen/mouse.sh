#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Everything is reachable by tapping: menu entries, links, the buttons at
# the bottom; the wheel scrolls.
. "$srcdir/tests/screen/lib.sh"

DATADIR_=$srcdir/tests/content-good
start_kiosk --kiosk
wait_for "Touch the screen or press a key"
click_text "English"
wait_for "Mesotherapy: information for patients"

# A menu entry.
click_text "After the session"
wait_for "What is normal in the days that follow."
# A link in a page.
click_text "What is not normal: warning signs"
wait_for "When to call, and whom to call."
# The buttons.
click_button "Back"
wait_for "What is normal in the days that follow."
click_button "Home"
wait_for "Mesotherapy: information for patients"
click_button "Warning signs"
wait_for "When to call, and whom to call."
click_button "?"
wait_for "Keys and buttons"
click_button "Français"
wait_for "Touches et boutons"

# The wheel scrolls a long page.
tmux_ send-keys Home
wait_trace " event [0-9]+ home "
wait_for "Une page d'exemple"
click_text "Une page d'exemple"
wait_for "Titre de section"
before=$(events)
click 10 10 65
wait_trace "^[0-9.]+ event $((before + 1)) scroll-down done"
wait_trace "frame [0-9]+ .*page=exemple .*top=3 "
click 10 10 64
wait_trace "frame [0-9]+ .*page=exemple .*top=0 "
# A tap on plain text does nothing.
click_text "Titre de section"
grep -q " event [0-9]* none ignored" "$trace" || fail_ "a tap on text did something"
# After a tap (a press, then a release the kiosk does not use) or another
# button, nothing waits for another key: a signal is handled at once.
click_button "Aide"
wait_for "Touches et boutons"
# The middle and right buttons do nothing, and leave nothing waiting.
click 5 5 1
click 5 5 2
sleep 0.2
kill -TERM "$(kiosk_pid)"
[ "$(wait_exit)" = 0 ] || fail_ "SIGTERM after a tap: not handled"
exit 0
