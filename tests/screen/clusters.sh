#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Emoji with skin tones, flags and an emoji heart inside a warning box:
# the box's right edge is straight on the terminal.  What tmux 3.3a
# draws, measured: a thumbs-up with a skin tone takes four columns (the
# sum of its parts; VTE and kitty give it two), a flag two, a heart with
# the emoji variation selector one (two elsewhere).  The kiosk draws
# neither skin tones nor variation selectors, and never cuts a flag in
# two, so the layout, ncursesw and the terminal agree on every line.
. "$srcdir/tests/screen/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_ "python3 is not installed"

DATADIR_=$srcdir/tests/content-good
for t in screen xterm-256color; do
  tmux_ kill-server 2>/dev/null
  sock="mk-test-$$-$test_name-$t"
  : > "$trace"
  COLS_=60 TERM_=$t start_kiosk --lang en --content "$srcdir/tests/content-emoji"
  wait_frame "screen=1 "
  send '!'
  wait_for "Straight edges"
  tmux_ capture-pane -p > "$tmp/screen"
  # The columns each line of the box takes, as the terminal counts them
  # (the C library's wcwidth(), which tmux follows for these characters).
  python3 - "$tmp/screen" <<'PY' || { show_screen; fail_ "TERM=$t: the box's right edge is not straight"; }
import ctypes, ctypes.util, sys
libc = ctypes.CDLL(ctypes.util.find_library('c'))
libc.setlocale(6, b'C.UTF-8')
def width(s):
    return sum(max(0, libc.wcwidth(ord(c))) for c in s)
box = [l.rstrip() for l in open(sys.argv[1], encoding='utf-8')
       if l.lstrip().startswith(('\u2502', '\u250c', '\u2514', '|', '+', 'mq'))]
widths = sorted(set(width(l) for l in box))
if len(box) < 8 or len(widths) != 1:
    print('box lines:', len(box), 'widths:', widths)
    for l in box:
        print(width(l), l)
    sys.exit(1)
PY
  screen | grep -q "$(printf '\360\237\217\275')" \
    && { show_screen; fail_ "TERM=$t: a skin tone is drawn"; }
  stop_kiosk_
done
exit 0
