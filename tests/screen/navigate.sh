#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Start, choose French, open a page from the menu, switch to English in
# place, go back twice, quit.
. "$srcdir/tests/screen/lib.sh"

DATADIR_=$srcdir/tests/content-good
start_kiosk
wait_for "Français"
expect_screen "English" "Clinique des Tests"

send Enter
wait_for "Signes d'alerte"
expect_screen "Après la séance" "Une page d'exemple"

send Down Down Enter
# The page's title is also a label of the menu: wait for the page's frame,
# and for its last line to be on the screen.
wait_frame "page=exemple"
wait_for "Paragraphe numéro 1"
expect_screen "Titre de section" "Une page d'exemple"

# The language switches in place: same page, other language.
send F2
wait_for "An example page"
expect_screen "Section heading" "F2 Français"
refuse_screen "Une page d'exemple"

send BSpace
wait_for "After the session"
expect_screen "Warning signs" "An example page"

send BSpace
wait_for "English"
expect_screen "Français"

send F10
status=$(wait_exit)
[ "$status" = 0 ] || fail_ "exit status $status"
[ -s "$tmp/stderr" ] && { cat "$tmp/stderr" >&2; fail_ "messages on stderr"; }
exit 0
