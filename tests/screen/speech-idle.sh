#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Speech in kiosk mode: F12 on the attract screen starts it (the language
# choice is said, each language in its own voice); the "Still there?"
# countdown rings the bell and is said; the reset stops speech and
# forgets it and its rate: nothing is said to the next patient.
. "$srcdir/tests/screen/lib.sh"

log=$tmp/speech.log
SPEECH_LOG_=$log
LANGUAGE_=
DATADIR_=$srcdir/tests/content-good

said () { sed -n "${1:-1},\$p" "$log" | sed -n 's/^say //p'; }
wait_said () {
  _i=0
  while [ $_i -lt $patience ]; do
    said | grep -F -q -- "$1" && return 0
    sleep 0.1
    _i=$((_i + 1))
  done
  echo "---- speech log ----" >&2; cat "$log" >&2
  show_screen
  fail_ "never said '$1'"
}

start_kiosk --kiosk --idle 4
wait_for "Touchez l'écran"
send F12
wait_trace "speech on"
wait_for "Choisissez votre langue"
# The choice, read on: the languages in their own voices.
wait_said "en English"
said | grep -q -x "fr Français" || fail_ "Français not said in French: $(said)"
said | grep -q "^en Choose your language" \
  || fail_ "the English title not in English: $(said)"
send Enter
wait_frame "lang=fr"
send F6
wait_said "fr Plus rapide."
grep -q '^rate 185$' "$log" || fail_ "the rate did not change"

# No input: the countdown, with the bell, said in French.
wait_trace "countdown bell"
wait_said "fr Vous êtes toujours là ? Pour continuer, touchez l'écran ou une touche. L'écran revient au début dans"
wait_trace "idle-reset"
wait_trace "speech off"
wait_for "Touchez l'écran"
grep -q '^close$' "$log" || fail_ "the voice was not closed at the reset"
# Nothing is said after the reset, even when the next patient comes.
mark=$(($(wc -l < "$log") + 1))
send Space
wait_for "Choisissez votre langue"
send Down
wait_frame "selected=1"
[ "$(wc -l < "$log")" -lt "$mark" ] || fail_ "said after the reset: $(sed -n "$mark,\$p" "$log")"

# F12 again: speech at the kiosk's rate, not the last patient's.
send F12
wait_trace "speech voice log"
_i=0
until sed -n "$mark,\$p" "$log" | grep -q '^say '; do
  _i=$((_i + 1)); [ $_i -lt "$patience" ] || fail_ "F12 said nothing"
  sleep 0.1
done
sed -n "$mark,\$p" "$log" | grep -q '^rate 160$' \
  || fail_ "the rate was not reset: $(sed -n "$mark,\$p" "$log")"
exit 0
