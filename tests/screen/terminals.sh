#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Any terminal: xterm, the Linux console, vt100/vt220, screen, and a
# non-UTF-8 locale (transliterated text, ASCII frames).
. "$srcdir/tests/screen/lib.sh"

DATADIR_=$srcdir/tests/content-good
for t in xterm-256color linux vt100 vt220 screen dumb unknown-terminal; do
  tmux_ kill-server 2>/dev/null
  sock="mk-test-$$-$test_name-$t"
  rm -f "$tmp/exit"
  : > "$trace"
  TERM_=$t start_kiosk --lang fr
  wait_for "Signes d'alerte"
  send '!'
  wait_for "Appelez le 15 tout de suite"
  # The warning boxes have a frame and a word, with or without colour.
  screen | grep -q "Urgence vitale" && screen | grep -q "─ Urgent \|- Urgent " \
    || { show_screen; fail_ "TERM=$t: no warning word"; }
  screen | grep -Eq '(┌|\+)[─-]' || { show_screen; fail_ "TERM=$t: no frame"; }
  # The bottom line, whole: box-drawing text (the Linux console), the
  # terminal's line-drawing set (which tmux keeps between SO and SI), or
  # ASCII where the terminal has no such set; never a mix.
  so=$(printf '\016')
  tmux_ capture-pane -p -e | LC_ALL=C grep -Eq \
      "└(─){70}┘|${so}mq{70}.*┘|\+-{70}\+" \
    || { show_screen; fail_ "TERM=$t: the frame's bottom line is not whole"; }
  # Ctrl-C quits outside kiosk mode: a vt100 has no F10.
  tmux_ send-keys C-c
  status=$(wait_exit)
  [ "$status" = 0 ] || { cat "$tmp/stderr" >&2; fail_ "TERM=$t: exit status $status"; }
done

# LANG=C: ASCII only, accents transliterated, ASCII frames.
tmux_ kill-server 2>/dev/null
sock="mk-test-$$-$test_name-C"
rm -f "$tmp/exit"
: > "$trace"
LANG_=C TERM_=vt100 start_kiosk --lang fr
wait_for "Apres la seance"
send '!'
wait_for "Appelez la clinique aujourd'hui"
expect_screen "devient froide, pale ou de plus en plus"
screen | grep -q "^ *+- Urgent -" || { show_screen; fail_ "no ASCII frame"; }
screen | grep -q "^ *#= Urgence vitale =" || { show_screen; fail_ "no ASCII frame of the emergency box"; }
LC_ALL=C screen | LC_ALL=C grep -q '[^ -~]' && { show_screen; fail_ "non-ASCII under LANG=C"; }
# A word with an accent typed in the search box (tmux sends it in UTF-8):
# the accent is kept (shown as ASCII), and so is the rest of the word.
send_literal "/séance"
wait_for "seance_"
expect_screen "-> Apres la seance"
send Escape
tmux_ send-keys C-c
status=$(wait_exit)
[ "$status" = 0 ] || { cat "$tmp/stderr" >&2; fail_ "LANG=C: exit status $status"; }
exit 0
