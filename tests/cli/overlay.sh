#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Layers: a clinic page with the same id and language replaces the shipped
# one, a new id adds a page, the settings can hide a shipped page; the
# clinic's settings override only the keys they set.
. "$srcdir/tests/lib.sh"

export MESOKIOSK_DATADIR="$srcdir/tests/content-good"
mkdir -p "$tmp/clinic/en"
cat > "$tmp/clinic/kiosk.yaml" <<'YAML'
clinic:
  phone: "09 87 65 43 21"
hide: [exemple]
menu: [signes-alerte, apres-seance, horaires]
YAML
cat > "$tmp/clinic/en/apres-seance.yaml" <<'YAML'
id: apres-seance
title: After your session here
summary: The clinic's own version.
blocks:
  - text: Call us on {clinic.phone}.
YAML
cat > "$tmp/clinic/en/horaires.yaml" <<'YAML'
id: horaires
title: Opening hours
summary: When the clinic is open.
blocks:
  - text: Monday to Friday.
YAML
d () { kiosk_env "$MESOKIOSK" --content "$tmp/clinic" --dump "$@"; }

# Replace.
d apres-seance --lang en > "$tmp/out" || fail_ "replaced page"
grep -q "After your session here" "$tmp/out" || fail_ "not replaced"
grep -q "Call us on 09.87.65.43.21" "$tmp/out" || fail_ "clinic phone not used"
# Only in English: French still has the shipped page.
d apres-seance --lang fr > "$tmp/out" || fail_ "shipped French page"
grep -q "Après la séance" "$tmp/out" || fail_ "French page lost"
# Add.
d horaires --lang en > "$tmp/out" || fail_ "added page"
grep -q "Monday to Friday." "$tmp/out" || fail_ "not added"
# Hide.
d exemple --lang en > "$tmp/out" 2> "$tmp/err" && fail_ "hidden page shown"
grep -q "no page 'exemple'" "$tmp/err" || fail_ "hidden page: no message"
# Settings: the clinic's phone replaces the shipped one; the name stays.
d signes-alerte --lang en > "$tmp/out"
grep -q "call 09.87.65.43.21" "$tmp/out" || fail_ "phone not overridden"
# Links to a hidden page are left out, not faulted (tests/cli/hide.sh).
kiosk_env "$MESOKIOSK" --content "$tmp/clinic" --check > "$tmp/out"
grep -q "'exemple'" "$tmp/out" && fail_ "a link to a hidden page is reported"

# A clinic's copy that does not load gives way to the shipped page, in
# --check, --dump and the kiosk alike, with its errors reported.
mkdir -p "$tmp/broken/fr" "$tmp/broken/en"
cat > "$tmp/broken/fr/signes-alerte.yaml" <<'YAML'
id: signes-alerte
title: Signes d'alerte, version de la clinique
summary: S.
blocks:
  - txet: oops
YAML
: > "$tmp/broken/en/signes-alerte.yaml"
kiosk_env "$MESOKIOSK" --content "$tmp/broken" --check > "$tmp/out"
status=$?
[ $status -eq 2 ] || fail_ "broken copies: --check exited with $status"
shipped=$srcdir/tests/content-good
cat > "$tmp/exp" <<EOF
$tmp/broken/en/signes-alerte.yaml: error: the file is empty; expected a page (id, title, summary, blocks)
$tmp/broken/en/signes-alerte.yaml: warning: this page does not load; the kiosk shows '$shipped/en/signes-alerte.yaml' instead until it is fixed
$tmp/broken/fr/signes-alerte.yaml:5:5: error: block 1: unknown key 'txet' in block; did you mean 'text'?
     5 |   - txet: oops
       |     ^
$tmp/broken/fr/signes-alerte.yaml: warning: this page does not load; the kiosk shows '$shipped/fr/signes-alerte.yaml' instead until it is fixed
2 errors, 2 warnings in 6 pages.
EOF
compare "$tmp/exp" "$tmp/out"
for l in fr en; do
  kiosk_env "$MESOKIOSK" --content "$tmp/broken" --dump signes-alerte \
    --lang $l > "$tmp/out" 2> "$tmp/err" || fail_ "broken $l copy: no page"
  grep -q "^Quand appeler\|^When to call" "$tmp/out" \
    || fail_ "broken $l copy: not the shipped page"
  grep -q "does not load; the kiosk shows" "$tmp/err" \
    || fail_ "broken $l copy: not reported"
done
exit 0
