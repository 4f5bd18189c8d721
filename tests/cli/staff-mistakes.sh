#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# The mistakes staff make in YAML pages and kiosk.yaml (tests/staff-mistakes,
# see its README): each gives its plain message, in English and in French, at
# the line and column of the mistake, with that line shown under it; and the
# kiosk goes on showing the other pages.
. "$srcdir/tests/lib.sh"

corpus=$srcdir/tests/staff-mistakes
shipped=$srcdir/content
cd "$tmp" || exit 99

good_page () {
  cat <<'YAML'
id: bonne
title: Une bonne page
summary: Elle se lit sans erreur.
review: {by: Dr Martin, date: 2026-01-05, next: 2027-01-05}
sources: []
blocks:
  - text: Cette page se lit toujours.
YAML
}

n=0
for f in "$corpus"/*.yaml; do
  name=$(basename "$f" .yaml)
  rm -rf clinic
  mkdir -p clinic/fr
  good_page > clinic/fr/bonne.yaml
  case $name in
    kiosk*) cp "$f" clinic/kiosk.yaml; file=clinic/kiosk.yaml ;;
    *) cp "$f" "clinic/fr/$name.yaml"; file=clinic/fr/$name.yaml ;;
  esac
  [ -f "$corpus/$name.expect" ] || framework_failure_ "$name has no .expect"
  for lang in en fr; do
    case $lang in en) word=error ;; fr) word=erreur ;; esac
    LANGUAGE_=$lang MESOKIOSK_DATADIR=$shipped kiosk_env "$MESOKIOSK" --check \
      --content clinic > out 2>&1
    status=$?
    [ $status -eq 2 ] || { cat out >&2; fail_ "$name ($lang): exit $status, not 2"; }
    grep "^$lang " "$corpus/$name.expect" | sed "s|^$lang \([0-9]*:[0-9]*\) |$file:\1: $word: |" > exp
    [ -s exp ] || framework_failure_ "$name: no '$lang' line in its .expect"
    grep ": $word: " out > got
    compare exp got
    grep -q "YAML syntax error\|erreur de syntaxe YAML" out \
      && { cat out >&2; fail_ "$name ($lang): libyaml's words"; }
    # Under each message, its line of the file, and a caret.
    while IFS= read -r msg; do
      line=$(printf '%s\n' "$msg" | sed "s|^$file:\([0-9]*\):.*|\1|")
      text=$(sed -n "${line}p" "$file" | sed 's/\t/\\t/g')
      grep -F -A1 -x -- "$msg" out | sed -n 2p > shown
      printf '%6s | %s\n' "$line" "$text" > want
      compare want shown
    done < exp
  done
  # The rest is still shown: the clinic's good page and the shipped ones.
  MESOKIOSK_DATADIR=$shipped kiosk_env "$MESOKIOSK" --content clinic \
    --dump bonne --lang fr > page 2> errs \
    || { cat errs >&2; fail_ "$name: the clinic's good page is not shown"; }
  grep -q "Cette page se lit toujours" page || fail_ "$name: the good page is empty"
  MESOKIOSK_DATADIR=$shipped kiosk_env "$MESOKIOSK" --content clinic \
    --dump signes-alerte --lang fr > page 2> errs \
    || { cat errs >&2; fail_ "$name: the warning signs are not shown"; }
  n=$((n + 1))
done
[ $n -ge 20 ] || fail_ "only $n mistakes in the corpus"
exit 0
