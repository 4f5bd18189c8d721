#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Terminal injection: content and settings holding ESC, CSI, OSC, BEL, C1
# controls, bidi overrides and NUL never reach the terminal as controls —
# not on the screen (raw bytes captured with tmux pipe-pane), not in the
# log, not in --check's output.
. "$srcdir/tests/screen/lib.sh"

c=$tmp/clinic
mkdir -p "$c/fr" "$c/en"
cat > "$c/kiosk.yaml" <<'YAML'
clinic:
  name: "Clinique \e]0;pwned\a\e[2J"
  phone: "\u202e01 23"
emergency: "1\u009b5"
YAML
for l in fr en; do
cat > "$c/$l/piege.yaml" <<'YAML'
id: piege
title: "Piège \e[6n"
summary: "Bell \a and NUL \0 and C1 \u0085 and bidi \u202e."
blocks:
  - text: "OSC \e]52;c;cHduZWQ=\a"
YAML
cat > "$c/$l/visible.yaml" <<'YAML'
id: visible
title: Texte visible
summary: Une page sans piège, avec des barres obliques \e et \a écrites.
blocks:
  - text: 'Des caractères ordinaires : \e[31m reste du texte.'
YAML
done
# A file name with an escape sequence in it.
printf 'id: x\n' > "$c/fr/$(printf 'x\033[31mx').yaml"
printf 'menu: [visible, piege, signes-alerte]\n' >> "$c/kiosk.yaml"

DATADIR_=$srcdir/tests/content-good
start_kiosk --lang fr --content "$c"
tmux_ pipe-pane -o "cat >> '$tmp/raw'"
send Home
wait_for "Texte visible"
send Enter
wait_for "Des caractères ordinaires"
send '!'
wait_for "Signes d'alerte"
send F10
[ "$(wait_exit)" = 0 ] || fail_ "bad exit status"
sleep 0.2
[ -s "$tmp/raw" ] || framework_failure_ "nothing captured"

# check_bytes FILE WHAT [TEXT]: FILE holds none of the injected controls
# (with TEXT, not even the text of the sequences: --check shows source
# lines, where "\e]0;pwned" is harmless text).
check_bytes () {
  if [ -z "${3:-}" ]; then
    for pat in 'pwned' '\[6n' '\]52;' '\]0;'; do
      grep -a -q -- "$pat" "$1" && fail_ "$2: '$pat' reached the output"
    done
  fi
  LC_ALL=C grep -a -q "$(printf '\007')" "$1" && fail_ "$2: BEL reached the output"
  LC_ALL=C grep -a -q "$(printf '\302\205')\|$(printf '\302\233')" "$1" && fail_ "$2: a C1 control reached the output"
  LC_ALL=C grep -a -q "$(printf '\342\200\256')" "$1" && fail_ "$2: a bidi override reached the output"
  tr -d '\000' < "$1" | cmp -s - "$1" || fail_ "$2: NUL reached the output"
}
check_bytes "$tmp/raw" "screen"
# The log names the problems, escaped.
check_bytes "$tmp/stderr" "log"
LC_ALL=C grep -a -q "$(printf '\033')" "$tmp/stderr" && fail_ "ESC in the log"
grep -q 'piege.yaml:2:8: error: this text contains a control character (U+001B)' "$tmp/stderr" \
  || { cat "$tmp/stderr" >&2; fail_ "the log does not locate the problem"; }
grep -q 'x\\x1B\[31mx.yaml' "$tmp/stderr" || fail_ "the bad file name is not shown escaped"

MESOKIOSK_DATADIR=$DATADIR_ kiosk_env "$MESOKIOSK" --check --content "$c" > "$tmp/check" 2>&1
check_bytes "$tmp/check" "--check" text
LC_ALL=C grep -a -q "$(printf '\033')" "$tmp/check" && fail_ "ESC in --check's output"
exit 0
