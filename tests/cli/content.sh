#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# The shipped library (issue 3's quality bar): complete in both languages
# with the same links and warning boxes, clean for --check --strict once a
# clinic sets its phone; every page says what it is about on its first
# screen; every page reads easily (Kandel-Moles for French, Flesch for
# English, each >= 60, printed); the warning signs mention cold, pale and
# painful skin and show the configured numbers; they lead with the three
# levels of box, emergency first; every page carries its sources and its
# review, due after the day the test pins.
. "$srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_ "python3 is needed to score readability"
export MESOKIOSK_DATADIR="$srcdir/content"
# The review dates are checked against this day, not the real one: the
# suite must not fail on the day the next review falls due (--check does,
# for the staff).
export MESOKIOSK_TODAY=2027-06-01
mkdir -p "$tmp/clinic"
cat > "$tmp/clinic/kiosk.yaml" <<'YAML'
clinic:
  name: Centre du Test
  phone: "04 11 22 33 44"
emergency: "112"
YAML

# Shipped alone: only the warning about the phone number.
kiosk_env "$MESOKIOSK" --check > "$tmp/out"
[ $? -eq 0 ] || { cat "$tmp/out" >&2; fail_ "--check on the shipped library"; }
grep -q "phone number is not set" "$tmp/out" || fail_ "no warning about the phone"
# With the clinic's settings: not a single warning.
kiosk_env "$MESOKIOSK" --check --strict --content "$tmp/clinic" > "$tmp/out" \
  || { cat "$tmp/out" >&2; fail_ "--check --strict"; }

ids=$(cd "$srcdir/content/fr" && ls *.yaml | sed 's/\.yaml$//')
[ "$(echo $ids | wc -w)" -ge 11 ] || fail_ "fewer than 11 pages"
for l in fr en; do
  for id in $ids; do
    [ -f "$srcdir/content/$l/$id.yaml" ] || fail_ "$id is missing in $l"
    kiosk_env "$MESOKIOSK" --content "$tmp/clinic" --dump "$id" --lang "$l" \
      --width 72 > "$tmp/$l-$id" || fail_ "--dump $id --lang $l"
    # The first screen (21 lines of text at 80x24) holds the title and a
    # summary of one or two sentences.
    summary=$(sed -n '2,/^$/p' "$tmp/$l-$id" | tr '\n' ' ')
    n=$(printf '%s' "$summary" | grep -o '[.!?]' | wc -l)
    [ "$n" -ge 1 ] && [ "$n" -le 2 ] || fail_ "$l/$id: summary of $n sentences"
    [ "$(sed -n '/^$/=' "$tmp/$l-$id" | head -n 1)" -le 21 ] \
      || fail_ "$l/$id: the summary does not fit the first screen"
    # Sources and review at the end of every page.
    grep -qx "Sources" "$tmp/$l-$id" || fail_ "$l/$id: no sources"
    tail -n 3 "$tmp/$l-$id" | grep -Eq "^(Reviewed by|Relu par) " \
      || fail_ "$l/$id: no review line at the end"
    score=$(python3 "$srcdir/tests/content/readability.py" --lang "$l" "$tmp/$l-$id")
    status=$?
    printf '%s/%s: %s\n' "$l" "$id" "$score"
    [ $status -eq 0 ] || fail_ "$l/$id reads at $score, below 60"
  done
done

# The warning signs lead with the three levels: emergency (a double
# frame), then urgent, then information, before anything else.
for l in fr en; do
  frames=$(grep -o '^ *[╔┌╭]' "$tmp/$l-signes-alerte" | tr -d ' ' | tr -d '\n')
  [ "$frames" = "╔┌╭" ] || fail_ "$l: the boxes are '$frames', not emergency, urgent, information"
  sed -n '/^$/{n;p;q}' "$tmp/$l-signes-alerte" | grep -q '^╔═ ' \
    || fail_ "$l: the page does not start with the emergency box"
done

# The warning signs, in each language.
nb=$(printf '\302\240')
for w in froide pâle douloureuse; do
  grep -q "$w" "$tmp/fr-signes-alerte" || fail_ "French warning signs: no '$w'"
done
for w in cold pale painful; do
  grep -q "$w" "$tmp/en-signes-alerte" || fail_ "English warning signs: no '$w'"
done
for l in fr en; do
  grep -q "04${nb}11${nb}22${nb}33${nb}44" "$tmp/$l-signes-alerte" || fail_ "$l: no clinic phone"
  grep -q "112" "$tmp/$l-signes-alerte" || fail_ "$l: no emergency number"
  grep -q "15" "$tmp/$l-signes-alerte" && fail_ "$l: a hard-coded 15"
  grep -q "114" "$tmp/$l-signes-alerte" || fail_ "$l: no number for text messages"
  # The contact card, in half blocks, beside the number.
  grep -q "▀.*04${nb}11${nb}22${nb}33${nb}44" "$tmp/$l-signes-alerte" \
    || fail_ "$l: no contact card beside the number"
done

# No sentence of the source articles, when they are at hand.
seeds=$srcdir/../shared/seeds
if [ -d "$seeds" ]; then
  python3 "$srcdir/tests/content/overlap.py" --run=6 "$seeds" "$srcdir/content" \
    || fail_ "the content copies the sources"
else
  echo "seeds not found: overlap not checked"
fi
exit 0
