#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Replays the saved fuzz crashes (tests/fuzz/regressions/) and the seed
# corpus (seeds.sh) through the fuzz targets' LLVMFuzzerTestOneInput(),
# built without libFuzzer (replay.c).  A broken invariant traps and a
# sanitizer report aborts: each target must get through every file.
. "$srcdir/tests/lib.sh"

: "${FUZZ_REPLAY_DIR:=./tests/fuzz}"
for t in load layout; do
  [ -x "$FUZZ_REPLAY_DIR/replay-$t" ] \
    || framework_failure_ "no $FUZZ_REPLAY_DIR/replay-$t"
done

sh "$srcdir/tests/fuzz/seeds.sh" "$srcdir" "$tmp/load" "$tmp/layout" \
  || framework_failure_ "cannot make the seed corpus"
n=$(ls "$tmp/load" | wc -l)
[ "$n" -ge 60 ] || fail_ "only $n load seeds"
for f in "$srcdir"/tests/fuzz/regressions/*; do
  case $f in
    *.load|*.layout) ;;
    *) fail_ "$f: a regression file ends in .load or .layout" ;;
  esac
done

for t in load layout; do
  # fuzz-load writes scratch directories under TMPDIR.
  # fuzz-load writes scratch directories under TMPDIR.  valgrind goes
  # after timeout: it does not follow children.
  TMPDIR=$tmp timeout 900 ${MESOKIOSK_VALGRIND:-} \
    "$FUZZ_REPLAY_DIR/replay-$t" "$tmp/$t"/* > "$tmp/$t.out" 2>&1
  status=$?
  if [ $status -ne 0 ]; then
    cat "$tmp/$t.out" >&2
    fail_ "replay-$t exited with $status (rerun with REPLAY_VERBOSE=1)"
  fi
  if [ -s "$tmp/$t.out" ]; then
    cat "$tmp/$t.out" >&2
    fail_ "replay-$t printed something"
  fi
done
exit 0
