#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# The shipped library on screen, in both languages: from the home menu,
# what is normal after a session, what is not, and whom to call are at
# most three key presses away; every page of the menu opens.
. "$srcdir/tests/screen/lib.sh"

mkdir -p "$tmp/clinic"
printf 'clinic:\n  phone: "04 11 22 33 44"\n' > "$tmp/clinic/kiosk.yaml"
start_kiosk --lang fr --content "$tmp/clinic"
wait_for "Signes d'alerte"

# Whom to call, what is not normal: one press.
send Enter
wait_for "Appelez le 15 tout de suite"
expect_screen "Appelez la clinique tout de suite"
send Home
# What is normal: two presses.
send Down Enter
wait_for "Dans les jours qui suivent, de petites réactions sont fréquentes"
send Home

# Every entry of the menu, in French then in English.
for lang in fr en; do
  n=$(MESOKIOSK_DATADIR="$srcdir/content" kiosk_env "$MESOKIOSK" --check 2>/dev/null | head -n 0; \
      sed -n '/^menu:/,$p' "$srcdir/content/kiosk.yaml" | grep -c '^  - ')
  i=0
  while [ $i -lt "$n" ]; do
    send Home
    wait_frame "screen=1 .*lang=$lang .*selected=0 "
    k=0
    while [ $k -lt $i ]; do send Down; k=$((k + 1)); done
    send Enter
    wait_frame "screen=2 "
    id=$(last_frame | sed 's/.* page=\([^ ]*\) .*/\1/')
    title=$(MESOKIOSK_DATADIR="$srcdir/content" kiosk_env "$MESOKIOSK" \
              --content "$tmp/clinic" --dump "$id" --lang "$lang" | head -n 1)
    wait_for "$title"
    i=$((i + 1))
  done
  [ $lang = fr ] && { send F2; wait_frame " lang=en "; }
done
send F10
[ "$(wait_exit)" = 0 ] || fail_ "bad exit status"
[ -s "$tmp/stderr" ] && { cat "$tmp/stderr" >&2; fail_ "messages on stderr"; }
exit 0
