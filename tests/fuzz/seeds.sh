#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# tests/fuzz/seeds.sh -- make the seed corpora of the fuzz targets.
#
#   tests/fuzz/seeds.sh SRCDIR LOAD-DIR LAYOUT-DIR
#
# Used by run.sh (before fuzzing) and replay.sh (in 'make check').
# LOAD-DIR gets every YAML file of SRCDIR's content/, tests/content-good,
# tests/content-bad and tests/content-lang3 as it is, each page once more
# with the id "p" (the one fuzz-load expects), and the saved regressions
# (tests/fuzz/regressions/*.load).  LAYOUT-DIR gets the same
# pages turned into the layout target's format (see fuzz-layout.c): two
# option bytes, then each value after a separator byte that says what it
# is, at three option sets per page; a few hand-made edge cases; and the
# saved regressions (*.layout).  Existing files are overwritten.

set -u
[ $# -eq 3 ] || { sed -n '3p' "$0" | sed 's/^# *//' >&2; exit 2; }
srcdir=$1
load=$2
layout=$3
mkdir -p "$load" "$layout" || exit 2

for f in "$srcdir"/tests/fuzz/regressions/*.load; do
  [ -f "$f" ] && cp "$f" "$load/regression-$(basename "$f")"
done
for f in "$srcdir"/tests/fuzz/regressions/*.layout; do
  [ -f "$f" ] && cp "$f" "$layout/regression-$(basename "$f")"
done

find "$srcdir/content" "$srcdir/tests/content-good" \
     "$srcdir/tests/content-bad" "$srcdir/tests/content-lang3" \
     -type f -name '*.yaml' 2>/dev/null | LC_ALL=C sort |
while read -r f; do
  rel=${f#"$srcdir"/}
  name=$(printf '%s' "$rel" | tr '/' '_')
  cp "$f" "$load/$name" || exit 2
  # fuzz-load reads every input as fr/p.yaml: a page whose id is not "p"
  # stops at the id check, so each page is also given with that id.
  if grep -q '^id: ' "$f"; then
    sed 's/^id: .*/id: p/' "$f" > "$load/$name.p" || exit 2
  fi
  # Three option sets per page: 40 columns UTF-8; 80 columns, French,
  # notice, link labels; 8 columns, ASCII, plain, layout_text too.
  for opts in '32 3' '72 116' '193 138'; do
    # shellcheck disable=SC2086
    set -- $opts
    LC_ALL=C awk -v w="$1" -v fl="$2" '
      function sep(k) { printf "%c", k }
      function val(s) {
        if (s == ">-" || s == ">" || s == "|" || s == "|-") return
        sub(/^["'"'"']/, "", s); sub(/["'"'"']$/, "", s); printf "%s", s
      }
      BEGIN { printf "%c%c", w + 0, fl + 0; mode = "" }
      {
        line = $0; sub(/^[ \t]+/, "", line)
        if (line ~ /^#/ || line == "") next
        if (line ~ /^title: /)        { sep(mode == "warning" ? 6 : 13); val(substr(line, 8)); next }
        if (line ~ /^summary: /)      { sep(1); val(substr(line, 10)); next }
        if (line ~ /^- heading: /)    { mode = ""; sep(2); val(substr(line, 12)); next }
        if (line ~ /^- text: /)       { mode = ""; sep(3); val(substr(line, 9)); next }
        if (line ~ /^text: /)         { sep(7); val(substr(line, 7)); next }
        if (line ~ /^- list:/)        { mode = "list"; first = 1; next }
        if (line ~ /^list:/)          { mode = "wlist"; next }
        if (line ~ /^- warning:/)     { mode = "warning"; next }
        if (line ~ /^- link: /)       { mode = "link"; sep(9); printf "%s", substr(line, 9); next }
        if (line ~ /^label: /)        { sep(23); val(substr(line, 8)); sep(24); printf "%c%c%c%c", 33, 36, 35, 37; next }
        if (line ~ /^- / && mode == "list")  { sep(first ? 5 : 4); first = 0; val(substr(line, 3)); next }
        if (line ~ /^- / && mode == "wlist") { sep(8); val(substr(line, 3)); next }
        if (line ~ /^[a-z_]+:/) next
        printf " %s", line
      }' "$f" > "$layout/$name.$1" || exit 2
  done
done || exit 2

# A few hand-made edge cases for the layout: a wide character at 8
# columns, a long word in a box, French signs at the edge.
printf '\000\000\003\346\227\245\346\234\254\350\252\236\346\227\245\346\234\254\006T\007mot-tres-tres-long-sans-espace\010x' > "$layout/edge-wide"
printf '\001\004\003Oui ; non : peut-\303\252tre ! \302\253 guillemets \302\273 ?\012\012fin' > "$layout/edge-french"
printf '\040\042\011lien\027note avec une marque\030\001\003\002\004' > "$layout/edge-marks"
exit 0
