#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# The catalogs are complete (GNU hello's po-check): every source file that
# marks strings is in locale/POTFILES.in, and the French catalog has every
# message of the sources, translated, none fuzzy.  'make locale-check' runs
# this too.
. "$srcdir/tests/lib.sh"

cd "$srcdir" || exit 99
grep -l -E '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|L_|LC_|ngettext) ?\(' kiosk/*.c | sort > "$tmp/marked"
sed -e '/^#/d' -e '/^$/d' locale/POTFILES.in | sort > "$tmp/listed"
compare "$tmp/marked" "$tmp/listed"

command -v xgettext >/dev/null 2>&1 || skip_ "no xgettext"
xgettext --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=L_:2 --keyword=LC_:2c,3 \
  --from-code=UTF-8 --add-comments=TRANSLATORS: -o "$tmp/now.pot" \
  $(cat "$tmp/listed") || framework_failure_ "xgettext"
for po in locale/*.po; do
  msgcmp "$po" "$tmp/now.pot" 2> "$tmp/msgcmp" \
    || { head -n 20 "$tmp/msgcmp" >&2; fail_ "$po lacks messages: run make -C locale update-po"; }
  LC_ALL=C msgfmt -c --statistics -o /dev/null "$po" 2> "$tmp/stats" \
    || { cat "$tmp/stats" >&2; fail_ "$po does not compile"; }
  grep -E -q 'untranslated|fuzzy' "$tmp/stats" \
    && { cat "$tmp/stats" >&2; fail_ "$po is not complete"; }
done
exit 0
