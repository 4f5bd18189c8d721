#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# The model/view boundary holds at compile time: a model source that
# includes curses, directly or through curses_compat.h, does not build with
# the model's flags (MODEL_BOUNDARY in Makefile.am), while the same source
# without that include does (so the failure is the boundary's, not
# another error's).
. "$srcdir/tests/lib.sh"

[ -n "${BOUNDARY_CC:-}" ] || framework_failure_ "BOUNDARY_CC is not set"

# stray INCLUDE: a model source like layout.c with one more include.
stray () {
  {
    echo '#include "system.h"'
    echo '#include "layout.h"'
    [ -n "$1" ] && echo "#include $1"
    echo 'int boundary_probe (void);'
    echo 'int boundary_probe (void) { return LAYOUT_MIN_WIDTH; }'
  } > "$tmp/stray.c"
}

stray ""
$BOUNDARY_CC -c -o "$tmp/stray.o" "$tmp/stray.c" 2> "$tmp/err" \
  || { cat "$tmp/err" >&2; fail_ "a model source without curses does not build"; }

for inc in '<curses.h>' '<ncursesw/curses.h>' '<ncurses.h>' '<term.h>' \
    '"curses_compat.h"'; do
  stray "$inc"
  if $BOUNDARY_CC -c -o "$tmp/stray.o" "$tmp/stray.c" 2> "$tmp/err"; then
    fail_ "a model source that includes $inc builds"
  fi
  grep -q 'the model (libmodel.a) must not include' "$tmp/err" \
    || { cat "$tmp/err" >&2; fail_ "including $inc fails, but not at the boundary"; }
done

# The flags are the ones the model is really built with.
grep -q 'kiosk_libmodel_a_CPPFLAGS = $(MODEL_BOUNDARY)' "$srcdir/Makefile.am" \
  || fail_ "libmodel.a is not built with MODEL_BOUNDARY"
grep -q 'UNIT_CPPFLAGS = $(MODEL_BOUNDARY)' "$srcdir/tests/local.mk" \
  || fail_ "the unit tests are not built with MODEL_BOUNDARY"
exit 0
