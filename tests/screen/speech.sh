#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Speech, through the test voice (MESOKIOSK_SPEECH_LOG: every utterance,
# stop and change of rate or volume is a line of a file): F12 turns it on
# and the page is read in order, in the page's language; a link is said
# when it is selected; any key stops the voice; F12 reads on; F6 makes it
# faster; the language button is said in its own language.
. "$srcdir/tests/screen/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_ "python3 is not installed"

log=$tmp/speech.log
SPEECH_LOG_=$log
# Each utterance lasts 20 ms: the page goes by quickly, a frame at a time.
SPEECH_PACE_=20
LANGUAGE_=

# said: the "say" lines of the log since line $1 (1-based).
said () { sed -n "${1:-1},\$p" "$log" | sed -n 's/^say //p'; }
# wait_said TEXT: waits until the log has said TEXT ("LANG TEXT").
wait_said () {
  _i=0
  while [ $_i -lt $patience ]; do
    said | grep -F -x -q -- "$1" && return 0
    sleep 0.1
    _i=$((_i + 1))
  done
  echo "---- speech log ----" >&2; cat "$log" >&2
  show_screen
  fail_ "never said '$1'"
}
log_lines () { wc -l < "$log" 2>/dev/null || echo 0; }

# 1. A page read in order, all of it, in French: every word the page
# shows is said, in the order of the screen (the dump is the same layout
# as text), but bullets, arrows and frames.
start_kiosk --lang fr
wait_for "Signes d'alerte"
[ -e "$log" ] && fail_ "speech started before F12"
send '!'
wait_frame "page=signes-alerte"
send F12
wait_trace "speech on"
wait_said "fr Signes d'alerte : quand appeler"
wait_trace "speech end [0-9]+"
MESOKIOSK_DATADIR=$srcdir/content LANGUAGE=fr \
  "$MESOKIOSK" --dump signes-alerte --lang fr --width 72 > "$tmp/dump.txt" \
  || fail_ "--dump failed"
_i=0
while :; do
  said | python3 -c '
import re, sys
dump = open(sys.argv[1], encoding="utf-8").read()
said = sys.stdin.read()
def words(t):
    t = t.replace("\u00a0", " ").replace("\u202f", " ")
    t = re.sub(r"^(fr|en) ", "", t, flags=re.M)
    return [w for w in re.split(r"\s+", t)
            if w and not re.fullmatch(r"[\u2022\u2192\u2500-\u257f|+-]+", w)]
d, s = words(dump), words(said)
if d == s:
    sys.exit(0)
n = next((i for i, (a, b) in enumerate(zip(d, s)) if a != b), min(len(d), len(s)))
sys.stderr.write("differ at word %d: dump %r, said %r\n" % (n, d[n:n+6], s[n:n+6]))
sys.exit(1)' "$tmp/dump.txt" 2> "$tmp/order.err" && break
  _i=$((_i + 1))
  [ $_i -lt "$patience" ] || { cat "$tmp/order.err" >&2; cat "$log" >&2;
                              fail_ "the page was not said in order"; }
  sleep 0.1
done
# The screen followed the reading: with no key pressed, frames were drawn
# further down the page as it was read.
awk '/ speech on$/ { on = 1 } on && / frame .* page=signes-alerte / {
       sub(/.* top=/, ""); sub(/ .*/, ""); if ($0 + 0 > 0) found = 1 }
     / event [0-9]+ / && on && !/ listen / { exit }
     END { exit !found }' "$trace" \
  || { cat "$trace" >&2; fail_ "the screen did not follow the reading"; }
# Every sentence in the French voice; the warning's label too (the
# interface is French).
said | grep -v -q '^fr ' && { said >&2; fail_ "not all in French"; }
said | grep -q -x "fr Appelez le 15 tout de suite" \
  || fail_ "the emergency box's title was not said"

# 2. A link said when it is selected (the page's links: Tab).
mark=$(($(log_lines) + 1))
send Tab
wait_frame "selected=[0-9]"
said "$mark" | tail -n 1 | grep -q '^fr ' || fail_ "no link said: $(said "$mark")"
label=$(said "$mark" | tail -n 1)
# It is a label of the page's links, and the only thing said.
[ "$(said "$mark" | wc -l)" -eq 1 ] || fail_ "more than the link: $(said "$mark")"
sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' "$tmp/dump.txt" \
  | grep -q -F -- "→ ${label#fr }" \
  || fail_ "'$label' is not a link of the page"

# 3. The language button, tapped: its label is said in its own language
# (English, in the English voice), then the page in English.
mark=$(($(log_lines) + 1))
click_button "English"
wait_frame "lang=en"
wait_said "en Warning signs: when to call"
[ "$(said "$mark" | head -n 1)" = "en English" ] \
  || fail_ "the button's label was not said first, in English: $(said "$mark")"
said "$mark" | grep -q '^fr ' && fail_ "French after the switch: $(said "$mark")"
stop_kiosk_
tmux_ kill-server 2>/dev/null

# 4. Any key stops the voice at once, and F12 reads on from the sentence
# that was cut.  Each utterance lasts 30 s here: the key comes while the
# first one sounds.
: > "$log"
SPEECH_PACE_=30000
sock="mk-test-$$-$test_name-2"
: > "$trace"
# Wide enough for the bar to have room for "Arrêter l'écoute".
COLS_=132
start_kiosk --lang fr
send '!'
wait_frame "page=signes-alerte"
send F12
wait_said "fr Signes d'alerte : quand appeler"
send NPage
wait_trace "speech stop"
grep -q '^stop$' "$log" || fail_ "the voice was not stopped"
[ "$(said | wc -l)" -eq 1 ] || fail_ "more was said: $(said)"
# F12 on a scrolled page reads on from the top of the screen.
mark=$(($(log_lines) + 1))
send F12
_i=0
until [ -n "$(said "$mark")" ]; do
  _i=$((_i + 1)); [ $_i -lt "$patience" ] || fail_ "F12 read nothing"
  sleep 0.1
done
said "$mark" | grep -q -x "fr Signes d'alerte : quand appeler" \
  && fail_ "F12 read the title of a scrolled page, not what shows"
# F12 while it speaks: a pause (a stop, nothing new said).
mark=$(($(log_lines) + 1))
send F12
wait_trace "speech stop"
[ -z "$(said "$mark")" ] || fail_ "F12 did not pause: $(said "$mark")"
# F12 again: the same sentence again.
first=$(said | tail -n 1)
mark=$(($(log_lines) + 1))
send F12
_i=0
until [ -n "$(said "$mark")" ]; do
  _i=$((_i + 1)); [ $_i -lt "$patience" ] || fail_ "F12 did not read on"
  sleep 0.1
done
[ "$(said "$mark")" = "$first" ] || fail_ "read on from '$(said "$mark")', not '$first'"

# 5. Faster: the rate goes up, it says so, and the reading goes on.
mark=$(($(log_lines) + 1))
send F6
wait_said "fr Plus rapide."
sed -n "$mark,\$p" "$log" | grep -q '^rate 185$' \
  || fail_ "the rate did not change: $(sed -n "$mark,\$p" "$log")"
send F8
wait_said "fr Plus fort."
grep -q '^volume 120$' "$log" || fail_ "the volume did not change"

# 6. The Listen button, tapped, turns speech off; the bar says Écouter
# again.
click_button "Arrêter l'écoute"
wait_trace "speech off"
wait_for "Écouter"
grep -q '^close$' "$log" || fail_ "the voice was not closed"

# Speech on again, then quit while it speaks: a clean exit (under
# valgrind and the sanitizers, no leak).
send F12
wait_trace "speech on"
send F10
status=$(wait_exit)
[ "$status" = 0 ] || { cat "$tmp/stderr" >&2; fail_ "exit status $status"; }
[ -s "$tmp/stderr" ] && { cat "$tmp/stderr" >&2; fail_ "messages on stderr"; }
exit 0
