#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Every source file compiles, warning-free, as ./configure --disable-nls
# builds it: gettext.h then turns gettext() and friends into macros, and a
# <libintl.h> included after them, or a format hidden behind ngettext(),
# breaks the build (issue 17).  This build's config.h, less ENABLE_NLS,
# and its compiler and flags, read from its Makefile.
. "$srcdir/tests/lib.sh"

[ -f config.h ] && [ -f Makefile ] || framework_failure_ "not in a build directory"
var () { sed -n "s/^$1 = //p" Makefile | head -n 1; }
cc=$(var CC)
flags="$(var WARN_CFLAGS) $(var NCURSESW_CFLAGS) $(var YAML_CFLAGS)"
[ -n "$cc" ] || framework_failure_ "no CC in the Makefile"

mkdir "$tmp/inc"
grep -v 'ENABLE_NLS' config.h > "$tmp/inc/config.h"
grep -q 'define ENABLE_NLS' config.h \
  || echo "note: this build has NLS off already" >&2

n=0
for f in "$srcdir"/kiosk/*.c; do
  # shellcheck disable=SC2086
  $cc -fsyntax-only -Werror $flags -I"$tmp/inc" -I"$srcdir/kiosk" \
    -DLOCALEDIR='"/x"' -DPKGDATADIR='"/x"' -DSYSCONFDIR='"/x"' \
    -DPKGLIBEXECDIR='"/x"' "$f" \
    2> "$tmp/err" || { cat "$tmp/err" >&2; fail_ "$f does not build without NLS"; }
  n=$((n + 1))
done
[ "$n" -gt 10 ] || framework_failure_ "only $n source files found"
exit 0
