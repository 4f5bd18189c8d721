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

# Arguments are quoted through the filter the content goes through: an
# escape sequence given on the command line never reaches the terminal.
esc=$(printf '\033]2;x\007')
csi=$(printf '\033[2J')
for args in "--lang=$esc" "--theme=$esc" "--idle=$esc" "--width=$csi" \
            "--$esc" "-$(printf '\033')" "$csi" "--help=$esc" "--lang" \
            "--check --content=$tmp/nope$esc"; do
  case $args in
    --check*) MESOKIOSK_DATADIR="$srcdir/tests/content-good" \
                kiosk_env "$MESOKIOSK" --check "${args#--check }" \
                > "$tmp/err" 2>&1 ;;
    *) kiosk_env "$MESOKIOSK" "$args" > "$tmp/out" 2> "$tmp/err" ;;
  esac
  status=$?
  [ $status -eq 2 ] || fail_ "'$args' exited with $status, expected 2"
  LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$tmp/err" \
    && { od -c "$tmp/err" >&2; fail_ "'$args': a control character in the output"; }
  case $args in
    --check*) grep -q 'nope\\x1B]2;x\\x07: error: no such content directory' "$tmp/err" \
                || { cat "$tmp/err" >&2; fail_ "'$args': not reported"; } ;;
    *) grep -q "Try 'mesokiosk --help'" "$tmp/err" || fail_ "'$args': no hint" ;;
  esac
done
kiosk_env "$MESOKIOSK" "--lang=$esc" 2> "$tmp/err"
grep -Fqx "mesokiosk: '\\x1B]2;x\\x07' is not a language code (such as fr or en)" \
  "$tmp/err" || { cat "$tmp/err" >&2; fail_ "--lang: the argument is not shown escaped"; }
kiosk_env "$MESOKIOSK" "--$esc" 2> "$tmp/err"
grep -Fqx "mesokiosk: unrecognized option '--\\x1B]2;x\\x07'" "$tmp/err" \
  || { cat "$tmp/err" >&2; fail_ "an unknown option is not shown escaped"; }
MESOKIOSK_DATADIR="$srcdir/tests/content-good" \
  kiosk_env "$MESOKIOSK" --dump "$csi" > "$tmp/out" 2> "$tmp/err"
[ $? -eq 1 ] || fail_ "--dump of no page: not 1"
LC_ALL=C grep -q "$(printf '\033')" "$tmp/err" && fail_ "--dump: ESC on stderr"
grep -Fq "there is no page '\\x1B[2J' in 'fr'" "$tmp/err" \
  || { cat "$tmp/err" >&2; fail_ "--dump: the page id is not shown escaped"; }

# A write that fails (a full disk, a closed output) is said, and the exit
# status says it failed.
if [ -w /dev/full ]; then
  for args in "--dump signes-alerte" "--check" "--help" "--version"; do
    MESOKIOSK_DATADIR="$srcdir/tests/content-good" \
      kiosk_env "$MESOKIOSK" $args > /dev/full 2> "$tmp/err"
    status=$?
    [ $status -eq 1 ] || fail_ "'$args' to a full disk exited with $status"
    grep -q "^mesokiosk: write error: No space left on device" "$tmp/err" \
      || { cat "$tmp/err" >&2; fail_ "'$args' to a full disk: no message"; }
  done
fi
for args in "--dump signes-alerte" "--check"; do
  MESOKIOSK_DATADIR="$srcdir/tests/content-good" \
    kiosk_env "$MESOKIOSK" $args >&- 2> "$tmp/err"
  status=$?
  [ $status -eq 1 ] || fail_ "'$args' with its output closed exited with $status"
  grep -q "^mesokiosk: write error: " "$tmp/err" \
    || { cat "$tmp/err" >&2; fail_ "'$args' with its output closed: no message"; }
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
