#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Every shipped content file is listed in content/local.mk (so it is
# installed and distributed), and every listed file exists.
. "$srcdir/tests/lib.sh"

cd "$srcdir" || exit 99
[ -f content/local.mk ] || framework_failure_ "no content/local.mk"
find content -name '*.yaml' | sort > "$tmp/files"
sed -n 's/^[ 	]*\(content\/[^ \\]*\.yaml\).*/\1/p; s/^dist_content_DATA = \(content\/[^ ]*\)/\1/p' \
  content/local.mk | sort -u > "$tmp/listed"
compare "$tmp/files" "$tmp/listed"
