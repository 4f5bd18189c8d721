#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# One real synthesis: the kiosk, with its real speech helper (espeak-ng)
# writing each utterance to a WAV file (MESOKIOSK_SPEAK_OUTPUT=wav:DIR),
# reads the warning-signs page in French, then in English; sox checks that
# the title's sound in each language is not silent and lasts as long as
# such a sentence can (0.03 to 0.15 s a character at 160 words a minute).
# The helper's own --wav renders a sentence of the page too.
. "$srcdir/tests/screen/lib.sh"

[ -x "${MESOKIOSK_SPEAK:-}" ] || skip_ "the speech helper is not built (espeak-ng?)"
sox=${SOX:-}
[ -n "$sox" ] && [ -x "$sox" ] || sox=$(command -v sox) \
  || skip_ "sox is not installed"

# check_wav FILE TEXT: FILE is TEXT said: sound, of a plausible length.
check_wav () {
  [ -s "$1" ] || fail_ "no sound in $1"
  "$sox" "$1" -n stat > "$tmp/stat" 2>&1 || { cat "$tmp/stat" >&2;
                                             fail_ "sox cannot read $1"; }
  len=$(awk -F: '/^Length \(seconds\)/ { gsub(/ /, "", $2); print $2 }' "$tmp/stat")
  rms=$(awk -F: '/^RMS +amplitude/ { gsub(/ /, "", $2); print $2 }' "$tmp/stat")
  max=$(awk -F: '/^Maximum amplitude/ { gsub(/ /, "", $2); print $2 }' "$tmp/stat")
  chars=$(printf '%s' "$2" | wc -m)
  awk -v l="$len" -v r="$rms" -v m="$max" -v c="$chars" 'BEGIN {
        exit !(r > 0.01 && m > 0.1 && l >= 0.03 * c && l <= 0.15 * c) }' \
    || { cat "$tmp/stat" >&2
         fail_ "$1 ('$2', $chars characters): $len s, RMS $rms, max $max"; }
  echo "$1: '$2': $len s, RMS $rms" >&2
}

# The helper alone: a sentence of the page, in each language.
fr="Après une séance, certains signes demandent d'appeler vite."
en="After a session, some signs mean you should call quickly."
"$MESOKIOSK_SPEAK" --wav "$tmp/fr.wav" --lang fr "$fr" 2> "$tmp/speak.err" \
  || { cat "$tmp/speak.err" >&2; fail_ "mesokiosk-speak --wav failed"; }
"$MESOKIOSK_SPEAK" --wav "$tmp/en.wav" --lang en "$en" \
  || fail_ "mesokiosk-speak --wav failed"
check_wav "$tmp/fr.wav" "$fr"
check_wav "$tmp/en.wav" "$en"
# French in the French voice: the same text in the English voice sounds
# otherwise (another length).
"$MESOKIOSK_SPEAK" --wav "$tmp/fr-en.wav" --lang en "$fr" \
  || fail_ "mesokiosk-speak --wav failed"
cmp -s "$tmp/fr.wav" "$tmp/fr-en.wav" && fail_ "French and English voices sound the same"

# The kiosk, through its helper.
mkdir "$tmp/wav"
SPEAK_OUTPUT_=wav:$tmp/wav
LANGUAGE_=
start_kiosk --lang fr
send '!'
wait_frame "page=signes-alerte"
send F12
wait_trace "speech begin 1 "
wait_trace "speech end 1$"
# The first utterance is the page's title, in French.
grep -q -x "fr Signes d'alerte : quand appeler" "$tmp/wav/1.txt" \
  || fail_ "the first utterance: $(cat "$tmp/wav/1.txt")"
check_wav "$tmp/wav/1.wav" "Signes d'alerte : quand appeler"
# English: the language key reads the page again, in English.
send F2
wait_frame "lang=en"
_i=0
until grep -l -x "en Warning signs: when to call" "$tmp/wav"/*.txt \
        > "$tmp/en.txt" 2>/dev/null; do
  _i=$((_i + 1)); [ $_i -lt "$patience" ] || fail_ "no English title said"
  sleep 0.1
done
id=$(basename "$(head -n 1 "$tmp/en.txt")" .txt)
wait_trace "speech end $id$"
check_wav "$tmp/wav/$id.wav" "Warning signs: when to call"
send F10
wait_exit > /dev/null
# The helper ended with the kiosk.
grep -q "mesokiosk-speak" "$tmp/stderr" && { cat "$tmp/stderr" >&2;
                                             fail_ "the helper complained"; }
exit 0
