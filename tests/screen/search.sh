#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Search on screen: '/' and the Search button open the box; results come
# as the patient types, whatever the case and the accents, on word
# prefixes, with the match highlighted; Enter or a tap opens a result and
# Back comes back to the results; the language key keeps the query; no
# result offers the warning signs; letters typed are text, not commands.
. "$srcdir/tests/screen/lib.sh"

# French typography: a no-break space before ':' and '?', inside « ».
nb=$(printf '\302\240')

start_kiosk --kiosk
wait_for "Touchez l'écran ou appuyez sur une touche"
send Enter
wait_frame "screen=1 .*lang=fr "

# The key, and a prefix in capitals: ECCH finds "ecchymose".
send /
wait_frame "screen=7 "
wait_for "Chercher${nb}: _"
send_literal "ECCH"
wait_for "Chercher${nb}: ECCH_"
wait_for "Après la séance${nb}: ce qui est normal"
expect_screen "Accueil › Recherche"
# Enter opens the first result; Back comes back to the same results.
send Enter
wait_frame "screen=2 page=apres-seance "
send BSpace
wait_frame "screen=7 "
expect_screen "Chercher${nb}: ECCH_" "Après la séance${nb}: ce qui est normal"

# Without accents: "mesotherapie" finds "mésothérapie", the page of that
# title first.  Letters that are commands elsewhere (q, h, l, b) are text.
send BSpace BSpace BSpace BSpace
wait_for "Chercher${nb}: _"
send_literal "mesotherapie"
wait_for "Chercher${nb}: mesotherapie_"
first=$(screen | grep -m 1 '→' | sed 's/^ *→ *//')
[ "$first" = "La mésothérapie, c'est quoi${nb}?" ] \
  || { show_screen; fail_ "the best result is '$first'"; }
# The match is highlighted: the snippet draws "mésothérapie" with an
# attribute of its own (tmux -e shows the SGR sequences).
tmux_ capture-pane -e -p | grep -a -q "$(printf '\033')\[[0-9;]*m[Mm]ésothérapie" \
  || { tmux_ capture-pane -e -p | cat -v >&2; fail_ "no highlighted match"; }

# oedeme finds œdème (a search word of the warning-signs page).
i=0
while [ $i -lt 12 ]; do send BSpace; i=$((i + 1)); done
send_literal "oedeme"
wait_for "Chercher${nb}: oedeme_"
wait_for "Signes d'alerte${nb}: quand appeler"

# The language key is text here; the language button switches and keeps
# the query, now searched in English.
send_literal "q"
wait_for "Chercher${nb}: oedemeq_"
send BSpace
click_button "English"
wait_for "Search: oedeme_"
wait_for "Warning signs: when to call"

# Nothing found: a friendly message and the warning-signs page, one tap
# away.
send_literal "xyz"
wait_for "No page speaks of \"oedemexyz\""
click_text "Warning signs: when to call"
wait_frame "screen=2 page=signes-alerte lang=en "

# '!' is not text: the warning signs are one key away, even here.
send !
wait_frame "screen=2 page=signes-alerte "
send BSpace
wait_frame "screen=7 "

# Escape leaves the search box (back to the menu it came from); the
# Search button opens it again, empty.
send BSpace
wait_frame "screen=7 "
send Escape
wait_frame "screen=1 "
click_button "Search"
wait_frame "screen=7 "
wait_for "Search: _"

# A visit forgets the query: SIGTERM ends the kiosk cleanly.
kill -TERM "$(kiosk_pid)"
[ "$(wait_exit)" = 0 ] || fail_ "bad exit status"
[ -s "$tmp/stderr" ] && { cat "$tmp/stderr" >&2; fail_ "messages on stderr"; }
exit 0
