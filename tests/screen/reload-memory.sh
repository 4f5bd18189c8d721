#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# A reload of a big library that fails gives its memory back: the kiosk
# does not stay at twice its size (a failed reload of 4,096 pages left
# it at 41 MB against the unit's 64 MB limit).  1,024 pages in two
# languages, all read (a search reads them all), then a reload that finds
# an error: the resident memory after it is within 3 MB of before (it
# grew by 9.5 MB before the fix).  The peak while the two libraries are
# both in memory is about twice the library (41 MB for 4,096 pages).
. "$srcdir/tests/screen/lib.sh"

[ -n "${MESOKIOSK_VALGRIND:-}" ] && skip_ "valgrind has an allocator of its own"
[ -n "${ASAN_OPTIONS:-}" ] && skip_ "AddressSanitizer has an allocator of its own"
command -v python3 >/dev/null 2>&1 || skip_ "python3 is not installed"

python3 "$srcdir/tests/bench/genlib.py" 1024 "$tmp/big" > /dev/null \
  || framework_failure_ "genlib.py failed"
rss () { sed -n 's/^VmRSS:[^0-9]*\([0-9]*\).*/\1/p' "/proc/$(kiosk_pid)/status"; }

DATADIR_=$srcdir/tests/content-good
start_kiosk --lang fr --content "$tmp/big"
wait_frame "screen=1 "
# A search reads every page.
send /
wait_frame "screen=7 "
send_literal "peau"
before=$(rss)

printf 'id: casse\ntitle: [\n' > "$tmp/big/fr/casse.yaml"
kill -USR1 "$(kiosk_pid)"
i=0
until grep -q "previous content is kept" "$tmp/stderr"; do
  [ $i -ge $patience ] && fail_ "no log of the failed reload"
  sleep 0.1
  i=$((i + 1))
done
# Still answering, with the content it had.
send BSpace
after=$(rss)
echo "resident before the reload: $before kB, after: $after kB"
[ $((after - before)) -le 3072 ] \
  || fail_ "a failed reload left $((after - before)) kB more resident"
exit 0
