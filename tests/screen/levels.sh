#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# The three levels of warning box look different without relying on
# colour: each has its own frame, word, place and attributes, in colour,
# in mono (--theme mono) and with --plain; in colour each also has its
# own colours.  The warning-signs page leads with them, emergency first.
. "$srcdir/tests/screen/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_ "python3 is needed to read the attributes"
sgr () { tmux_ capture-pane -e -p | python3 "$srcdir/tests/tools/sgr.py" "$1"; }
# row TEXT: the 1-based row of TEXT; col TEXT: its column (in characters).
col () { screen | grep -F -- "$1" | head -n 1 | python3 -c \
  'import sys; t = sys.argv[1]; print(sys.stdin.read().index(t) + 1)' "$1"; }

DATADIR_=$srcdir/tests/content-good
# TERM is screen (lib.sh), the terminal tmux is: its keys are the ones tmux sends.

# Colour (40 rows, so that the end of the page shows the whole card).
ROWS_=40 start_kiosk --lang en
wait_for "Warning signs"
send '!'
wait_for "Call 15 now"
expect_screen "═ Emergency ═" "─ Urgent " "┄ Information ┄"
# Emergency first, then urgent, then information; information set in.
re=$(row_of "═ Emergency ═"); ru=$(row_of "─ Urgent "); ri=$(row_of "┄ Information ┄")
[ "$re" -lt "$ru" ] && [ "$ru" -lt "$ri" ] || { show_screen; fail_ "the boxes are not in order"; }
[ "$(col "╔═ Emergency")" -eq "$(col "┌─ Urgent")" ] \
  && [ "$(col "╭┄ Information")" -eq $(($(col "┌─ Urgent") + 2)) ] \
  || { show_screen; fail_ "the information box is not set in"; }
# Frames of their own.
screen | grep -q "^ *║ Call 15 now *║$" || { show_screen; fail_ "no double frame"; }
screen | grep -q "^ *│ Call the clinic today *│$" || { show_screen; fail_ "no single frame"; }
screen | grep -q "^ *┆ Call the clinic in the next few days *┆$" || { show_screen; fail_ "no dotted frame"; }
e=$(sgr "Emergency"); u=$(sgr "Urgent"); i=$(sgr "Information")
[ "$e" = "bold underline fg=white bg=red" ] || { show_screen; fail_ "emergency word in colour: '$e'"; }
[ "$u" = "fg=black bg=white" ] || { show_screen; fail_ "urgent word in colour: '$u'"; }
[ "$i" = "bold fg=white bg=blue" ] || { show_screen; fail_ "information word in colour: '$i'"; }
[ "$(sgr "Call 15 now")" = "bold fg=white bg=red" ] || fail_ "emergency title: '$(sgr "Call 15 now")'"
[ "$(sgr "Your face")" = "bold" ] || fail_ "emergency text: '$(sgr "Your face")'"
# At the end of the page, the clinic's contact card: dark modules on white
# whatever the terminal's colours, the number beside it.
send End
wait_for "█▀▀▀▀▀█"
nb=$(printf '\302\240')
expect_screen "Clinique des Tests" "01${nb}02${nb}03${nb}04${nb}05" "code to save this number."
[ "$(sgr "█▀▀▀▀▀█")" = "fg=black bg=white" ] || { show_screen; fail_ "the code: '$(sgr "█▀▀▀▀▀█")'"; }
send F10
[ "$(wait_exit)" = 0 ] || fail_ "colour: bad exit status"

# Mono: no colour at all, and still three looks.
tmux_ kill-server 2>/dev/null
sock="mk-test-$$-$test_name-mono"
rm -f "$tmp/exit"; : > "$trace"
start_kiosk --lang en --theme mono
wait_for "Warning signs"
send '!'
wait_for "Call 15 now"
tmux_ capture-pane -e -p | grep -a -q "$(printf '\033')\[3[0-7]m\|$(printf '\033')\[4[0-7]m" \
  && { tmux_ capture-pane -e -p | cat -v >&2; fail_ "colours in mono"; }
e=$(sgr "Emergency"); u=$(sgr "Urgent"); i=$(sgr "Information")
[ "$e" = "underline reverse" ] || { show_screen; fail_ "emergency word in mono: '$e'"; }
[ "$u" = "reverse" ] || { show_screen; fail_ "urgent word in mono: '$u'"; }
[ "$i" = "bold" ] || { show_screen; fail_ "information word in mono: '$i'"; }
[ "$(sgr "Your face")" = "bold" ] || fail_ "emergency text in mono: '$(sgr "Your face")'"
[ "$(sgr "A lump appears")" = "" ] || fail_ "information text in mono: '$(sgr "A lump appears")'"
screen | grep -q "^ *║ Call 15 now *║$" && screen | grep -q "^ *┆ Call the clinic in" \
  || { show_screen; fail_ "mono: the frames are not those of the levels"; }
send F10
[ "$(wait_exit)" = 0 ] || fail_ "mono: bad exit status"

# Plain: no frames; the word, on a line of its own, and the place.
tmux_ kill-server 2>/dev/null
sock="mk-test-$$-$test_name-plain"
rm -f "$tmp/exit"; : > "$trace"
start_kiosk --lang en --plain
wait_for "Warning signs"
send '!'
wait_for "Call 15 now"
refuse_screen "║" "│" "┆" "═" "┄"
c=$(col "Call 15 now")
[ "$(col "Emergency:")" = "$c" ] && [ "$(col "Urgent:")" = "$c" ] \
  && [ "$(col "Information:")" = $((c + 2)) ] \
  || { show_screen; fail_ "plain: the words are not in their places"; }
[ "$(row_of "Emergency:")" -lt "$(row_of "Urgent:")" ] \
  && [ "$(row_of "Urgent:")" -lt "$(row_of "Information:")" ] \
  || { show_screen; fail_ "plain: the boxes are not in order"; }
e=$(sgr "Emergency:"); u=$(sgr "Urgent:"); i=$(sgr "Information:")
[ "$e" != "$u" ] && [ "$u" != "$i" ] && [ "$e" != "$i" ] \
  || { show_screen; fail_ "plain: the words look the same ('$e', '$u', '$i')"; }
send F10
[ "$(wait_exit)" = 0 ] || fail_ "plain: bad exit status"
exit 0
