#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# The broken-content corpus: every file gives its expected messages, and
# none crashes, hangs or leaks (this test also runs in the sanitizer build
# and under valgrind).  Then the limits, each at the limit and one past it.
. "$srcdir/tests/lib.sh"

: "${LOADFILE:?}"
run () { timeout 60 ${MESOKIOSK_VALGRIND:-} "$LOADFILE" "$@"; }

cd "$srcdir/tests/content-bad" || framework_failure_ "no corpus"
n=0
for f in *.yaml; do
  name=${f%.yaml}
  LANGUAGE=en run "$f" > "$tmp/$name.out" 2>&1
  status=$?
  [ $status -le 1 ] || { cat "$tmp/$name.out" >&2; fail_ "$f: exit status $status"; }
  compare "$name.err" "$tmp/$name.out"
  n=$((n + 1))
done
[ $n -ge 30 ] || fail_ "only $n files in the corpus"
cd "$tmp" || exit 99

# expect FILE STATUS TEXT: loading FILE ends with STATUS and prints TEXT.
expect () {
  LANGUAGE=en run "$1" > out 2>&1
  status=$?
  [ $status -eq "$2" ] || { cat out >&2; fail_ "$1: exit status $status, expected $2"; }
  grep -F -q -- "$3" out || { cat out >&2; fail_ "$1: no '$3'"; }
}

head_ () { printf 'id: %s\ntitle: T\nsummary: S.\nblocks:\n' "$1"; }
# A text block of N bytes of 'a' (printf's %*s pads, tr fills).
block_ () { printf '  - text: '; printf "%$1s" '' | tr ' ' a; printf '\n'; }

# Scalars: 16384 bytes load, 16385 do not.
{ head_ scalar-max; block_ 16384; } > scalar-max.yaml
expect scalar-max.yaml 0 ok
{ head_ scalar-over; block_ 16385; } > scalar-over.yaml
expect scalar-over.yaml 1 "scalar-over.yaml:5:11: error: this text is 16385 bytes long; the limit is 16384"

# Files: 262144 bytes load, one more byte does not.
{ head_ file-max; i=0; while [ $i -lt 25 ]; do block_ 10000; i=$((i+1)); done; } > file-max.yaml
size=$(wc -c < file-max.yaml)
{ cat file-max.yaml; block_ $((262144 - size - 11)); } > f && mv f file-max.yaml
[ "$(wc -c < file-max.yaml)" -eq 262144 ] || framework_failure_ "file-max is $(wc -c < file-max.yaml) bytes"
expect file-max.yaml 0 ok
{ cat file-max.yaml; printf '#'; } > file-over.yaml
expect file-over.yaml 1 "file-over.yaml: error: the file is 262145 bytes long; the limit is 262144 bytes"

# A 10 MB scalar is refused before it is read.
{ head_ ten-mb; block_ 10485760; } > ten-mb.yaml
expect ten-mb.yaml 1 "the limit is 262144 bytes"

# Nesting: the page is level 1; 16 levels load, 17 do not.
nest_ () { printf 'id: %s\ntitle: T\nsummary: S.\nblocks: [{text: a}]\nkeywords: ' "$1"
           i=1; while [ $i -lt "$2" ]; do printf '['; i=$((i+1)); done; }
nest_ nest-max 16 > nest-max.yaml; printf 'a' >> nest-max.yaml
i=1; while [ $i -lt 16 ]; do printf ']' >> nest-max.yaml; i=$((i+1)); done
expect nest-max.yaml 1 "'keywords, item 1' must be a text, not a list"
grep -q "nested more than" out && fail_ "16 levels were refused"
nest_ nest-over 17 > nest-over.yaml
expect nest-over.yaml 1 "nest-over.yaml:5:26: error: the structure is nested more than 16 levels deep"
# 10,000 levels: refused at once (libyaml alone takes minutes on this).
{ nest_ nest-deep 2; i=0; while [ $i -lt 100 ]; do printf '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['; i=$((i+1)); done; } > nest-deep.yaml
expect nest-deep.yaml 1 "nested more than 16 levels deep"

# Binary junk of every size from 1 to 64 bytes: never a crash.
i=1
while [ $i -le 64 ]; do
  head -c $i /dev/urandom > junk.yaml
  LANGUAGE=en run junk.yaml > out 2>&1
  [ $? -le 1 ] || { cat out >&2; fail_ "junk of $i bytes"; }
  i=$((i + 1))
done
exit 0
