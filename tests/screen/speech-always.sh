#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# The staff's speech settings: "speech: always" speaks at every visit
# without a key (but never to the attract screen), comes back after the
# reset, and starts at the clinic's rate; "speech: off" has no Listen
# button and F12 does nothing.
. "$srcdir/tests/screen/lib.sh"

log=$tmp/speech.log
SPEECH_LOG_=$log
LANGUAGE_=
said () { sed -n 's/^say //p' "$log" 2>/dev/null; }

make_clinic "$tmp/always" "speech: always" "speech_rate: 200" \
  "speech_volume: 150" "idle_seconds: 3"
start_kiosk --kiosk --content "$tmp/always"
wait_trace "speech on"
wait_for "Touchez l'écran"
# Nobody there yet: nothing said.
[ -z "$(said)" ] || fail_ "said to the attract screen: $(said)"
send Space
wait_for "Choisissez votre langue"
_i=0
until said | grep -q -x "fr Français"; do
  _i=$((_i + 1)); [ $_i -lt "$patience" ] || { cat "$log" >&2;
                                             fail_ "the choice was not said"; }
  sleep 0.1
done
# A menu: its title in each language, then the entry selected.
said | grep -q -x "en Choose your language" \
  || fail_ "the title not in English too: $(said)"
grep -q '^rate 200$' "$log" && grep -q '^volume 150$' "$log" \
  || fail_ "not at the clinic's rate and volume: $(cat "$log")"
# The reset: speech stays on for the next patient, at the clinic's rate,
# and nothing is said to the attract screen.
wait_trace "idle-reset"
wait_for "Touchez l'écran"
n=$(said | wc -l)
send Space
wait_for "Choisissez votre langue"
_i=0
until [ "$(said | wc -l)" -gt "$n" ]; do
  _i=$((_i + 1)); [ $_i -lt "$patience" ] || fail_ "speech did not stay on"
  sleep 0.1
done
stop_kiosk_
tmux_ kill-server 2>/dev/null

# speech: off.
sock="mk-test-$$-$test_name-2"
: > "$trace"
: > "$log"
make_clinic "$tmp/off" "speech: off"
COLS_=132
start_kiosk --lang fr --content "$tmp/off"
wait_for "Signes d'alerte"
refuse_screen "Écouter" "Listen"
send F12
wait_frame "screen=1"
grep -q "speech on" "$trace" && fail_ "F12 turned speech on"
[ -s "$log" ] && fail_ "something was said: $(cat "$log")"
stop_kiosk_
tmux_ kill-server 2>/dev/null

# No speech helper (a kiosk built without espeak-ng): F12 says why in the
# log, and the kiosk goes on.
sock="mk-test-$$-$test_name-3"
: > "$trace"
SPEECH_LOG_=
MESOKIOSK_SPEAK=$tmp/no-such-helper
start_kiosk --lang fr
send F12
wait_trace "event [0-9]+ listen"
refuse_screen "Arrêter l'écoute"
send '!'
wait_frame "page=signes-alerte"
grep -q -F "$tmp/no-such-helper" "$tmp/stderr" \
  || fail_ "no message: $(cat "$tmp/stderr")"
exit 0
