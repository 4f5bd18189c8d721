#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# menu_add: a clinic adds its own page to the shipped menu without copying
# the menu; a page already in it is added once (a warning says so); a
# hidden page is skipped.
. "$srcdir/tests/screen/lib.sh"

make_clinic "$tmp/clinic" 'clinic: {phone: "01 02 03 04 05"}' \
  'menu_add: [horaires, risques]' 'hide: [praticien]'
mkdir -p "$tmp/clinic/en"
cat > "$tmp/clinic/en/horaires.yaml" <<'YAML'
id: horaires
title: Opening hours
summary: When we are here.
review: {by: Dr Test, date: 2026-11-01, next: 2027-11-01}
sources: []
blocks:
  - text: Monday to Friday.
YAML
start_kiosk --lang en --content "$tmp/clinic"
wait_for "Opening hours"
screen > "$tmp/menu"
# The shipped entries are all there, in order, then the clinic's.
grep -n "→" "$tmp/menu" | sed 's/^\([0-9]*\):.*→ /\1 /' > "$tmp/entries"
first=$(sed -n 1p "$tmp/entries" | cut -d' ' -f2-)
# (The very last is the clinic's number: tests/screen/contact.sh.)
last=$(tail -n 2 "$tmp/entries" | head -n 1 | cut -d' ' -f2-)
[ "$first" = "Warning signs: when to call" ] || { show_screen; fail_ "first entry: $first"; }
[ "$last" = "Opening hours" ] || { show_screen; fail_ "last entry: $last"; }
[ "$(grep -c "Risks and complications" "$tmp/menu")" = 1 ] \
  || { show_screen; fail_ "risques twice, or not at all"; }
grep -q "Choosing a practitioner" "$tmp/menu" && { show_screen; fail_ "a hidden page in the menu"; }
[ "$(wc -l < "$tmp/entries")" = 12 ] || { show_screen; fail_ "not 10 shipped entries, 1 added and the number"; }
# It opens.
send End Up Enter
wait_for "Monday to Friday."
send F10
[ "$(wait_exit)" = 0 ] || fail_ "exit status"

# --check: the duplicate is told at its place in the clinic's file.
kiosk_env () { env -i PATH="$PATH" HOME="$tmp" LANG=C.UTF-8 LANGUAGE=en \
  MESOKIOSK_DATADIR="$srcdir/content" MESOKIOSK_TODAY=2026-12-01 "$@"; }
kiosk_env "$MESOKIOSK" --content "$tmp/clinic" --check > "$tmp/out" 2>&1
grep -q "^$tmp/clinic/kiosk.yaml:2:22: warning: 'risques' is already in the menu" \
  "$tmp/out" || { cat "$tmp/out" >&2; fail_ "no warning for the duplicate"; }
grep -q ": error: " "$tmp/out" && { cat "$tmp/out" >&2; fail_ "errors"; }
env -i PATH="$PATH" HOME="$tmp" LANG=C.UTF-8 LANGUAGE=fr \
  MESOKIOSK_DATADIR="$srcdir/content" MESOKIOSK_LOCALEDIR="${MESOKIOSK_LOCALEDIR:-}" \
  "$MESOKIOSK" --content "$tmp/clinic" --check 2>&1 \
  | grep -q "kiosk.yaml:2:22: avertissement : 'risques' est déjà dans le menu\|kiosk.yaml:2:22: avertissement: 'risques' est déjà dans le menu" \
  || fail_ "the warning is not in French"
exit 0
