#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# A cut-off escape or mouse sequence never stops the timers or the
# signals: ESC [ M and fewer than the three bytes of a mouse report (the
# Linux console's Macro key, Alt-[ then M, a serial line that lost bytes)
# on the terminal types that report the mouse so (linux, screen, tmux,
# rxvt), and an SGR mouse report without its final byte on xterm.  The
# kiosk reads its input without waiting, the cut-off sequence times out
# into plain keys, the visit is forgotten on time, and SIGTERM ends the
# kiosk within a second; SIGUSR1 reloads the content.
. "$srcdir/tests/screen/lib.sh"

DATADIR_=$srcdir/tests/content-good

# took_input N: waits until the kiosk has handled event N, or sits in
# read() on its terminal (the bug this test is about: then it cannot
# time anything out nor take a signal).
took_input () {
  _i=0
  while [ $_i -lt $patience ]; do
    grep -E -q "^[0-9.]+ event $1 " "$trace" && return 0
    in_read && return 0
    sleep 0.1
    _i=$((_i + 1))
  done
  show_screen
  fail_ "the kiosk neither handled the input nor waits for more"
}

# Each case: TERM, then the bytes in hex.
for case in "linux 1b 5b 4d" "linux 1b 5b 4d 20" "linux 1b 5b 4d 20 21" \
            "screen 1b 5b 4d 23" "tmux 1b 5b 4d 20 30" "rxvt 1b 5b 4d" \
            "xterm-256color 1b 5b 3c 30 3b 31 30" \
            "xterm-256color 1b 5b 3c 30 3b 31 30 3b 35"; do
  set -- $case
  t=$1; shift
  tmux_ kill-server 2>/dev/null
  sock="mk-test-$$-$test_name-$(echo "$t $*" | tr ' ' '-')"
  rm -f "$tmp/exit"
  : > "$trace"
  TERM_=$t start_kiosk --kiosk --idle 3
  open_example_page

  # The visit is forgotten 3 s after the last input, and 1 s of
  # countdown.
  before=$(events)
  tmux_ send-keys -H "$@"
  took_input $((before + 1))
  reset_on_time 4 "TERM=$t, bytes $*: "

  # The reload signal is obeyed too.
  before=$(events)
  tmux_ send-keys -H "$@"
  took_input $((before + 1))
  kill -USR1 "$(kiosk_pid)"
  _i=0
  until grep -q "content reloaded" "$tmp/stderr" 2>/dev/null; do
    [ $_i -ge $patience ] && { show_screen; fail_ "TERM=$t, bytes $*: SIGUSR1 not obeyed"; }
    sleep 0.1
    _i=$((_i + 1))
  done

  # SIGTERM within a second, also with a cut-off sequence just read.
  before=$(events)
  tmux_ send-keys -H "$@"
  took_input $((before + 1))
  term_obeyed "TERM=$t, bytes $*: "
done
exit 0
