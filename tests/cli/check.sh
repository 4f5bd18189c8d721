#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# --check: GNU-format messages, a summary line, exit 0 / 1 (--strict) / 2.
. "$srcdir/tests/lib.sh"

good=$srcdir/tests/content-good

MESOKIOSK_DATADIR=$good kiosk_env "$MESOKIOSK" --check > "$tmp/out"
status=$?
[ $status -eq 0 ] || { cat "$tmp/out" >&2; fail_ "good content: exit $status"; }
grep -qx "No problems found in 6 pages." "$tmp/out" || fail_ "no summary"

# A clinic layer with mistakes, over the good library.
mkdir -p "$tmp/clinic/fr" "$tmp/clinic/en"
cat > "$tmp/clinic/kiosk.yaml" <<'YAML'
idle_seconds: 5000000
menu: [signes-alerte, nulle-part]
YAML
cat > "$tmp/clinic/fr/nouvelle.yaml" <<'YAML'
id: nouvelle
title: Nouvelle page
summary: Une page ajoutée par la clinique.
blocks:
  - text: Voir aussi.
  - link: introuvable
YAML
cat > "$tmp/clinic/fr/apres-seance.yaml" <<'YAML'
id: apres-seance
title: Après
summary: Remplacée.
blocks:
  - txet: oups
YAML
(cd "$tmp" && MESOKIOSK_DATADIR=$good kiosk_env "$MESOKIOSK" --check \
   --content clinic) > "$tmp/out"
status=$?
[ $status -eq 2 ] || { cat "$tmp/out" >&2; fail_ "broken content: exit $status"; }
cat > "$tmp/exp" <<'EOF2'
clinic/kiosk.yaml:1:15: error: 'idle_seconds' is 5000000; it must be between 2 and 86400 (this setting is ignored)
     1 | idle_seconds: 5000000
       |               ^
clinic/fr/apres-seance.yaml:5:5: error: block 1: unknown key 'txet' in block; did you mean 'text'?
     5 |   - txet: oups
       |     ^
clinic/fr/apres-seance.yaml: warning: this page does not load; the kiosk shows 'GOOD/fr/apres-seance.yaml' instead until it is fixed
clinic/kiosk.yaml:2:23: error: the menu lists 'nulle-part', but there is no such page
     2 | menu: [signes-alerte, nulle-part]
       |                       ^
clinic/fr/nouvelle.yaml:6:11: error: the link to 'introuvable' leads nowhere: there is no such page
     6 |   - link: introuvable
       |           ^
clinic/fr/nouvelle.yaml: warning: the page 'nouvelle' has no version in 'en'; the kiosk will show it in another language
clinic/fr/nouvelle.yaml: warning: the page 'nouvelle' has no review: patients see that the clinic has not reviewed it (add review: with by, date and next)
clinic/fr/nouvelle.yaml: warning: the page 'nouvelle' lists no sources (add sources: with title, publisher, year and url; or 'sources: []' on a page with no medical facts)
4 errors, 4 warnings in 7 pages.
EOF2
sed "s|$good|GOOD|g" "$tmp/out" > "$tmp/got"
compare "$tmp/exp" "$tmp/got"

# A link and a menu entry a letter off: the page they must mean.
cat > "$tmp/clinic/kiosk.yaml" <<'YAML'
menu: [signes-alerte, apres-seence]
YAML
sed -i 's/- link: introuvable/- link: exemples/' "$tmp/clinic/fr/nouvelle.yaml"
(cd "$tmp" && MESOKIOSK_DATADIR=$good kiosk_env "$MESOKIOSK" --check \
   --content clinic) > "$tmp/out"
cat > "$tmp/exp" <<'EOF2'
clinic/kiosk.yaml:1:23: error: the menu lists 'apres-seence', but there is no such page; did you mean 'apres-seance'?
     1 | menu: [signes-alerte, apres-seence]
       |                       ^
clinic/fr/nouvelle.yaml:6:11: error: the link to 'exemples' leads nowhere: there is no such page; did you mean 'exemple'?
     6 |   - link: exemples
       |           ^
EOF2
grep -A2 "no such page; did you mean" "$tmp/out" | grep -v "^--$" > "$tmp/got"
compare "$tmp/exp" "$tmp/got"
LANGUAGE_=fr
(cd "$tmp" && MESOKIOSK_DATADIR=$good kiosk_env "$MESOKIOSK" --check \
   --content clinic) > "$tmp/out"
LANGUAGE_=
grep -qx "clinic/fr/nouvelle.yaml:6:11: erreur: le lien vers 'exemples' ne mène nulle part : cette page n'existe pas ; vouliez-vous dire 'exemple' ?" "$tmp/out" \
  || { cat "$tmp/out" >&2; fail_ "no did-you-mean in French"; }
sed -i 's/- link: exemples/- link: introuvable/' "$tmp/clinic/fr/nouvelle.yaml"

# A setting the clinic has not set is told in the clinic's kiosk.yaml, at
# its 'clinic:' or at line 1, with what to add: never in the shipped
# content/kiosk.yaml, which staff must not edit.
shipped=$srcdir/content
mkdir -p "$tmp/site"
printf '# Nos réglages\nidle_seconds: 300\nclinic:\n  name: Cabinet Martin\n' > "$tmp/site/kiosk.yaml"
(cd "$tmp" && MESOKIOSK_DATADIR=$shipped kiosk_env "$MESOKIOSK" --check \
   --content site) > "$tmp/out"
cat > "$tmp/exp" <<'EOF2'
site/kiosk.yaml:3:1: warning: the clinic's phone number is not set: add 'phone:' with the number under 'clinic:' here; until then the pages say "the number you were given" instead, and show no contact card
     3 | clinic:
       | ^
EOF2
grep -A2 "phone" "$tmp/out" > "$tmp/got"
compare "$tmp/exp" "$tmp/got"
grep -q "content/kiosk.yaml" "$tmp/out" && { cat "$tmp/out" >&2; fail_ "the shipped kiosk.yaml is named"; }
printf 'idle_seconds: 300\n' > "$tmp/site/kiosk.yaml"
(cd "$tmp" && LANGUAGE_=fr MESOKIOSK_DATADIR=$shipped kiosk_env "$MESOKIOSK" --check \
   --content site) > "$tmp/out"
grep -qx "site/kiosk.yaml:1: avertissement: le numéro de téléphone de la clinique n'est pas renseigné : ajoutez 'clinic:' à ce fichier, avec 'phone:' et le numéro en dessous ; d'ici là, les pages disent « le numéro qui vous a été donné » à la place, et n'affichent pas de fiche contact" "$tmp/out" \
  || { cat "$tmp/out" >&2; fail_ "the phone not told at line 1 of the clinic's file"; }

# A language offered without pages.
printf 'languages: [fr, en, de]\n' > "$tmp/clinic/kiosk.yaml"
rm "$tmp/clinic/fr/apres-seance.yaml"
(cd "$tmp" && MESOKIOSK_DATADIR=$good kiosk_env "$MESOKIOSK" --check \
   --content clinic) > "$tmp/out"
[ $? -eq 2 ] || fail_ "language without pages: not 2"
grep -qx "clinic/kiosk.yaml:1:21: error: the language 'de' is offered, but there is no directory of pages for it" "$tmp/out" \
  || { cat "$tmp/out" >&2; fail_ "language without pages not reported"; }

# Warnings only: 0, or 1 with --strict.
rm "$tmp/clinic/kiosk.yaml"
sed -i 's/- link: introuvable/- link: exemple/' "$tmp/clinic/fr/nouvelle.yaml"
(cd "$tmp" && MESOKIOSK_DATADIR=$good kiosk_env "$MESOKIOSK" --check \
   --content clinic) > "$tmp/out"
[ $? -eq 0 ] || { cat "$tmp/out" >&2; fail_ "warnings only: not 0"; }
(cd "$tmp" && MESOKIOSK_DATADIR=$good kiosk_env "$MESOKIOSK" --check \
   --strict --content clinic) > "$tmp/out"
[ $? -eq 1 ] || { cat "$tmp/out" >&2; fail_ "warnings with --strict: not 1"; }

# Review dates: a page past its next review date is a warning, so
# --strict fails; the day is the one MESOKIOSK_TODAY gives (for tests).
rm -r "$tmp/clinic"
MESOKIOSK_TODAY=2027-11-02 MESOKIOSK_DATADIR=$good kiosk_env "$MESOKIOSK" --check > "$tmp/out"
[ $? -eq 0 ] || { cat "$tmp/out" >&2; fail_ "overdue reviews: not 0"; }
grep -qx "GOOD/fr/signes-alerte.yaml:8:9: warning: the page 'signes-alerte' was due for review on 2027-11-01: review it, then update 'date' and 'next'" \
  "$(sed "s|$good|GOOD|g" "$tmp/out" > "$tmp/got"; echo "$tmp/got")" \
  || { cat "$tmp/out" >&2; fail_ "an overdue review is not reported"; }
grep -qx "0 errors, 6 warnings in 6 pages." "$tmp/out" || { cat "$tmp/out" >&2; fail_ "not one warning a page"; }
MESOKIOSK_TODAY=2027-11-02 MESOKIOSK_DATADIR=$good kiosk_env "$MESOKIOSK" --check --strict > "$tmp/out"
[ $? -eq 1 ] || fail_ "overdue reviews with --strict: not 1"
# The day before, nothing is due.
MESOKIOSK_TODAY=2027-11-01 MESOKIOSK_DATADIR=$good kiosk_env "$MESOKIOSK" --check --strict > "$tmp/out" \
  || { cat "$tmp/out" >&2; fail_ "a review due today is reported as overdue"; }
# A day that is not a date: said so, and the real day is used.
MESOKIOSK_TODAY=demain MESOKIOSK_DATADIR=$good kiosk_env "$MESOKIOSK" --check > "$tmp/out"
grep -qx "warning: MESOKIOSK_TODAY is 'demain', not a date such as 2027-01-31; today's date is used" "$tmp/out" \
  || { cat "$tmp/out" >&2; fail_ "a bad MESOKIOSK_TODAY is not reported"; }

# A missing --content directory is an error.
MESOKIOSK_DATADIR=$good kiosk_env "$MESOKIOSK" --check --content "$tmp/nope" > "$tmp/out"
[ $? -eq 2 ] || fail_ "missing directory: not 2"
grep -q "nope: error: no such content directory" "$tmp/out" || fail_ "missing directory not named"
exit 0
