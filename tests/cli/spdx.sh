#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Every source file carries a licence (an SPDX-License-Identifier line) and
# a copyright line in its first 20 lines: C and headers, shell, Python,
# Makefile fragments, configure.ac, the unit, debian/rules.  The files are
# git's when the source is a checkout (so a new file is caught as soon as
# it is added), else those of the tree, less what autoreconf, autopoint,
# configure and the builds make.
. "$srcdir/tests/lib.sh"

cd "$srcdir" || framework_failure_ "no source directory"
pattern='(\.(c|h|sh|py|mk)$|(^|/)Makefile\.am$|^configure\.ac$|^contrib/.*\.in$|^\.ci/run$|^debian/rules$|^locale/Makevars$)'
if [ -d .git ] || [ -f .git ]; then
  git ls-files > "$tmp/all" 2> /dev/null || framework_failure_ "git ls-files failed"
else
  find . \( -name .git -o -name 'autom4te.cache' -o -name '_build*' \
            -o -path ./m4 -o -path ./build-aux -o -path ./tests/boot/work \
            -o -path ./debian/.debhelper -o -path ./debian/mesokiosk \
            -o -path './obj-*' -o -path './mesokiosk-*' \) -prune \
         -o -type f -print | sed 's|^\./||' \
    | grep -v -x -e config.h -e aclocal.m4 -e configure > "$tmp/all"
fi
grep -E "$pattern" "$tmp/all" > "$tmp/sources" || true
[ "$(wc -l < "$tmp/sources")" -gt 50 ] \
  || framework_failure_ "only $(wc -l < "$tmp/sources") source files found"

bad=0
while IFS= read -r f; do
  [ -f "$f" ] || continue
  head -n 20 "$f" > "$tmp/head"
  if ! grep -q 'SPDX-License-Identifier: [A-Za-z0-9.+-]' "$tmp/head"; then
    echo "$f: no SPDX-License-Identifier line in its first 20 lines" >&2
    bad=$((bad + 1))
  fi
  if ! grep -q 'Copyright ([Cc]) [0-9]' "$tmp/head"; then
    echo "$f: no copyright line in its first 20 lines" >&2
    bad=$((bad + 1))
  fi
done < "$tmp/sources"
[ "$bad" -eq 0 ] || fail_ "$bad licence notices missing (see above)"
exit 0
