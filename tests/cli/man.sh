#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# The manual pages parse cleanly in mandoc and groff: an ISO date in .TH
# (mandoc cannot read "November 2026"), and no raw non-ASCII character,
# which groff without preconv warns about (a raw "œ" is an invalid
# character there); accents are groff escapes such as \('e.
. "$srcdir/tests/lib.sh"

command -v mandoc > /dev/null || skip_ "no mandoc (apt-get install mandoc)"
command -v groff > /dev/null || skip_ "no groff (apt-get install groff-base)"

for page in "$srcdir"/man/*.[1-8]; do
  name=$(basename "$page")
  sed -n '/^\.TH/p' "$page" | grep -Eq '"[0-9]{4}-[0-9]{2}-[0-9]{2}"' \
    || fail_ "$name: .TH has no ISO date (YYYY-MM-DD)"
  mandoc -Tlint -W warning "$page" > "$tmp/mandoc" 2>&1
  [ -s "$tmp/mandoc" ] && { cat "$tmp/mandoc" >&2; fail_ "$name: mandoc warns"; }
  LC_ALL=C groff -ww -z -man -Tutf8 "$page" > "$tmp/groff" 2>&1
  [ -s "$tmp/groff" ] && { cat "$tmp/groff" >&2; fail_ "$name: groff warns"; }
  if LC_ALL=C grep -n '[^ -~	]' "$page" > "$tmp/raw"; then
    cat "$tmp/raw" >&2
    fail_ "$name: raw non-ASCII characters (use groff escapes)"
  fi
done
exit 0
