#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# A patient who types a word, misspelt or in the other language, without
# knowing any key, reaches the right page (the shipped library): typing on
# a page or the menu opens the search; typos are forgiven; the other
# language is searched; symptoms put the warning signs first; a result
# opens at its match; no result, and Enter opens nothing.
. "$srcdir/tests/screen/lib.sh"

DATADIR_=$srcdir/content

# first_result: the first result's line (the line after the first arrow).
first_result () { screen | grep -m 1 -E '^ *(→|->) '; }

# query LANG TEXT: a fresh kiosk in LANG, TEXT typed on its home screen.
round=0
query () {
  round=$((round + 1))
  stop_kiosk_
  tmux_ kill-server 2>/dev/null
  sock="mk-test-$$-$test_name-$round"
  : > "$trace"
  rm -f "$tmp/exit"
  start_kiosk --lang "$1"
  wait_frame "screen=1 "
  send_literal "$2"
  wait_frame "screen=7 "
}

# A letter typed on the menu opens the search with it in the box.
query en b
wait_for "Search: b_"
# ... and on a page too: 'bleu' does not go back and change the language.
send Escape
wait_frame "screen=1 "
send Enter
wait_frame "screen=2 page=signes-alerte "
send_literal bleu
wait_frame "screen=7 "
wait_for "Search: bleu_"
last_frame | grep -q " lang=en " || fail_ "typing changed the language"

# Typos: the page first that has the word as it should be.
for t in "en|bruse|After the session" "en|pregant|Before your session" \
    "fr|enceinnte|Avant la séance" "en|hematom|After the session" \
    "fr|hematom|Après la séance"; do
  lang=${t%%|*}; rest=${t#*|}; word=${rest%%|*}; want=${rest#*|}
  query "$lang" "$word"
  wait_for "${word}_"
  first_result | grep -q -F -- "$want" \
    || { show_screen; fail_ "$lang '$word': '$want' is not first"; }
done

# The other language: an English word typed in French finds the English
# pages, labelled, and opening one switches to English; Back returns.
query fr bruise
wait_for "(English)"
send Enter
wait_frame "screen=2 .* lang=en "
send BSpace
wait_frame "screen=7 .* lang=fr "
expect_screen "bruise_"

# Symptoms first: the warning signs lead.
for t in "fr|peau froide" "en|cold skin" "fr|fièvre" "en|swollen lips"; do
  query "${t%%|*}" "${t#*|}"
  first_result | grep -q -E "Warning signs|Signes d'alerte" \
    || { show_screen; fail_ "'${t#*|}': the warning signs are not first"; }
done

# A result opens at its match, highlighted (the search's match colours:
# black on cyan, which reads on the console as on xterm), whatever the
# place of the match on the page.
query en haematoma
send Enter
wait_frame "screen=2 "
tmux_ capture-pane -p -e | python3 "$srcdir/tests/screen/cells.py" --styles \
  > "$tmp/cells"
python3 - "$tmp/cells" <<'PY' || { show_screen; fail_ "the match is not on the screen, highlighted"; }
import sys
text, rest = open(sys.argv[1]).read().split('--- styles ---\n')
rows = text.split('\n')
lines = rest.split('\n')
styles, legend = lines[:len(rows)], {l[0]: l[3:] for l in lines[len(rows):] if ': ' in l}
for r, row in enumerate(rows):
    c = row.lower().find('haematoma')
    if c >= 0 and r < len(styles) and c < len(styles[r]):
        if 'bg=cyan' in legend.get(styles[r][c], ''):
            sys.exit(0)
sys.exit(1)
PY

# No result: it says so, and Enter opens nothing.
query en xqzw
wait_for "No page speaks of"
expect_screen "Warning signs: when to call" "Back to the list of topics"
_before=$(events)
send Enter
wait_trace "^[0-9.]+ event $((_before + 1)) follow ignored"
last_frame | grep -q "screen=7 " || fail_ "Enter on no result opened a page"
exit 0
