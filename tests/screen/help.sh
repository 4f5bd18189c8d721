#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# '?' lists the keys in the current language; again closes it; the
# warning-signs key works from every screen.
. "$srcdir/tests/screen/lib.sh"

DATADIR_=$srcdir/tests/content-good
start_kiosk --lang en
wait_for "Warning signs"
send '?'
wait_for "Keys and buttons"
expect_screen "Page Up, Page Down, Space" "change the language"
send '?'
wait_for "Mesotherapy: information for patients"

send '!'
wait_for "When to call, and whom to call."
expect_screen "Call 15 now" "call 01"
send F10
[ "$(wait_exit)" = 0 ] || fail_ "bad exit status"
