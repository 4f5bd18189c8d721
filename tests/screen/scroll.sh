#!/bin/sh
# Arrows, Page Down/Up, End/Home scroll a long page; the status line says
# when there is more below.
. "$srcdir/tests/screen/lib.sh"

DATADIR_=$srcdir/tests/content-good
start_kiosk --lang en
wait_for "Warning signs"
send Down Down Enter
wait_for "An example page"
expect_screen "More below: Page Down"

send Down
wait_gone "An example page"
expect_screen "It shows every kind of block"

send NPage
wait_for "Paragraph number 1."
refuse_screen "It shows every kind of block"

send End
wait_for "End of the page"
expect_screen "→ Warning signs" "→ After the session"
refuse_screen "More below"

send Home
wait_for "An example page"

# Nothing above the top: Up does nothing.
send Up
expect_screen "An example page"
grep -q '^event [0-9]* up ignored' "$trace" || fail_ "Up at the top was not ignored"

send End Down Down Enter
wait_for "What is normal"
send BSpace
wait_for "End of the page"
send q
[ "$(wait_exit)" = 0 ] || fail_ "bad exit status"
