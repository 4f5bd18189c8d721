#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# --help, --version and usage errors (exit status 2).
. "$srcdir/tests/lib.sh"

kiosk_env "$MESOKIOSK" --help > "$tmp/help" || fail_ "--help failed"
for opt in --content --lang --kiosk --idle --check --dump --width --plain \
           --ascii --theme --help --version; do
  grep -q -- "$opt" "$tmp/help" || fail_ "--help does not mention $opt"
done
grep -q '^Usage: mesokiosk \[OPTION\]' "$tmp/help" || fail_ "no usage line"

kiosk_env "$MESOKIOSK" --version > "$tmp/version" || fail_ "--version failed"
head -n 1 "$tmp/version" | grep -Eq '^mesokiosk [0-9]+\.[0-9]+' \
  || fail_ "bad --version: $(head -n 1 "$tmp/version")"

# Usage errors: status 2, a message, a pointer to --help, nothing on stdout.
for args in "--nope" "--lang=FR1" "--idle=1" "--idle=abc" "--width=3" \
            "--theme=pink" "extra-argument" "--strict"; do
  kiosk_env "$MESOKIOSK" $args > "$tmp/out" 2> "$tmp/err"
  status=$?
  [ $status -eq 2 ] || fail_ "'$args' exited with $status, expected 2"
  [ -s "$tmp/out" ] && fail_ "'$args' printed on stdout"
  grep -q "Try 'mesokiosk --help'" "$tmp/err" || fail_ "'$args': no hint"
done

# French help, from the catalog.
if [ -n "${MESOKIOSK_LOCALEDIR:-}" ]; then
  LANGUAGE_=fr kiosk_env "$MESOKIOSK" --help > "$tmp/aide"
  grep -q "^Utilisation" "$tmp/aide" || fail_ "--help is not in French"
fi

# The kiosk needs a terminal.
kiosk_env "$MESOKIOSK" < /dev/null > "$tmp/out" 2> "$tmp/err"
[ $? -eq 1 ] || fail_ "without a terminal, the exit status is not 1"
grep -q "needs a terminal" "$tmp/err" || fail_ "no message without a terminal"
exit 0
