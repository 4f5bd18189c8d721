#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# The contact card on the warning-signs page: the code --dump draws (as
# the screen does) decodes back to the exact contact text, for a plain
# name, for one with accents and MECARD's special characters, and for a
# long one; it is text where the terminal cannot draw it, and absent
# when no phone is set.
. "$srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_ "python3 is needed to make an image"
command -v zbarimg >/dev/null 2>&1 || skip_ "zbarimg (zbar-tools) is needed to read the code"
export MESOKIOSK_DATADIR="$srcdir/tests/content-good"

# decode DUMP: the text of the code in DUMP.
decode () {
  python3 "$srcdir/tests/tools/qr2pbm.py" "$1" > "$tmp/code.pbm" \
    || fail_ "no code in $1"
  zbarimg --raw -q "$tmp/code.pbm" 2>/dev/null
}

for l in fr en; do
  kiosk_env "$MESOKIOSK" --dump signes-alerte --lang "$l" > "$tmp/$l" \
    || fail_ "--dump signes-alerte --lang $l"
  printf 'MECARD:N:Clinique des Tests;TEL:0102030405;;\n' > "$tmp/exp"
  decode "$tmp/$l" > "$tmp/got"
  compare "$tmp/exp" "$tmp/got"
done
grep -q "code to save this number\." "$tmp/en" || fail_ "no hint beside the code"

# Accents, a semicolon, a comma and a colon in the name; an international
# number written with spaces, brackets and dashes.
mkdir -p "$tmp/clinic"
cat > "$tmp/clinic/kiosk.yaml" <<'YAML'
clinic:
  name: "Cabinet médical; Dr Ève, Paris: 2e"
  phone: "+33 (0)1 23-45-67-89"
YAML
kiosk_env "$MESOKIOSK" --content "$tmp/clinic" --dump signes-alerte --lang fr > "$tmp/out"
printf 'MECARD:N:Cabinet médical\\; Dr Ève\\, Paris\\: 2e;TEL:+330123456789;;\n' > "$tmp/exp"
decode "$tmp/out" > "$tmp/got"
compare "$tmp/exp" "$tmp/got"

# A long name: the card keeps the words that fit a version 4 code (19 rows
# with its quiet zone, 17 of them with blocks), so that the screen of the
# card fits 80x24; the page still shows the whole name.
cat > "$tmp/clinic/kiosk.yaml" <<'YAML'
clinic:
  name: "Centre de médecine esthétique et du sport des Lilas"
  phone: "04 11 22 33 44"
YAML
kiosk_env "$MESOKIOSK" --content "$tmp/clinic" --dump signes-alerte --lang fr > "$tmp/out"
printf 'MECARD:N:Centre de médecine esthétique et du sport des;TEL:0411223344;;\n' > "$tmp/exp"
decode "$tmp/out" > "$tmp/got"
compare "$tmp/exp" "$tmp/got"
rows=$(grep -c '[▀▄█]' "$tmp/out")
[ "$rows" -le 17 ] || fail_ "the code takes $rows rows"
grep -q "du sport des Lilas" "$tmp/out" || fail_ "the page does not show the whole name"

# Where it cannot be drawn: the name and number as text.
for opt in --ascii --plain; do
  kiosk_env "$MESOKIOSK" --dump signes-alerte --lang en $opt > "$tmp/out"
  grep -q '[▀▄█]' "$tmp/out" && fail_ "$opt: a code"
  grep -q "^Clinique des Tests: 01.02.03.04.05$" "$tmp/out" || { cat "$tmp/out" >&2; fail_ "$opt: no number as text"; }
done
env -i PATH="$PATH" LANG=C MESOKIOSK_DATADIR="$MESOKIOSK_DATADIR" \
  MESOKIOSK_CLINICDIR="$MESOKIOSK_CLINICDIR" \
  "$MESOKIOSK" --dump signes-alerte --lang fr > "$tmp/out" || fail_ "LANG=C dump"
grep -q "^Clinique des Tests : 01 02 03 04 05$" "$tmp/out" || { cat "$tmp/out" >&2; fail_ "LANG=C: no number as text"; }

# No phone: no card, no line.
printf 'clinic:\n  name: Sans Numero\n' > "$tmp/clinic/kiosk.yaml"
mkdir -p "$tmp/nophone"
cp -r "$srcdir/tests/content-good/." "$tmp/nophone/"
sed -i '/phone:/d' "$tmp/nophone/kiosk.yaml"
MESOKIOSK_DATADIR="$tmp/nophone" kiosk_env "$MESOKIOSK" --dump signes-alerte --lang en > "$tmp/out"
grep -q '[▀▄█]' "$tmp/out" && fail_ "a code with no phone"
grep -q "Clinique des Tests:" "$tmp/out" && fail_ "a number line with no phone"
exit 0
