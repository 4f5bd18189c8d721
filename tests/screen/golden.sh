#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Golden screens: the exact text (and look) of the main screens of the
# shipped library at 80x24, in French and English, in colour, --plain and
# --ascii, compared with tests/screens/*.txt.  A change of what a patient
# sees shows up as a diff there; 'make update-screens' writes the new
# screens (review them with git diff before committing).
#
# Each file is the screen's text, then its style map (tests/screen/cells.py:
# a letter per cell for its colours and attributes, with a legend).
. "$srcdir/tests/screen/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_ "python3 is not installed"

golden=$srcdir/tests/screens
update=${UPDATE_SCREENS:-}
failed=
mkdir -p "$tmp/screens"

# grab: captures the screen into $tmp/raw, for shot.
grab () {
  tmux_ capture-pane -p -e > "$tmp/raw" || framework_failure_ "capture-pane"
}

# shot NAME: saves the screen as NAME and compares it with its golden
# copy (or replaces the copy, when updating).  With KEEP, the screen
# grabbed last is saved, not the one shown now.
shot () {
  [ "${2:-}" = keep ] || grab
  python3 "$srcdir/tests/screen/cells.py" --styles < "$tmp/raw" \
    > "$tmp/screens/$1.txt" || framework_failure_ "cells.py"
  if [ -n "$update" ]; then
    cp "$tmp/screens/$1.txt" "$golden/$1.txt"
  elif [ ! -f "$golden/$1.txt" ]; then
    echo "golden: no $golden/$1.txt (run make update-screens)" >&2
    failed="$failed $1"
  elif ! cmp -s "$golden/$1.txt" "$tmp/screens/$1.txt"; then
    diff -u "$golden/$1.txt" "$tmp/screens/$1.txt" >&2
    failed="$failed $1"
  fi
}

# settle ERE: waits until the last frame after the last event matches ERE
# and the screen has stopped changing (a frame can take several writes).
settle () {
  wait_frame "$1"
  _prev=
  _i=0
  while [ $_i -lt "$patience" ]; do
    _now=$(tmux_ capture-pane -p -e | cksum)
    [ "$_now" = "$_prev" ] && return 0
    _prev=$_now
    sleep 0.1
    _i=$((_i + 1))
  done
  fail_ "the screen never settled"
}

# restart: a new kiosk in a new tmux server for the next round.
restart () {
  stop_kiosk_
  tmux_ kill-server 2>/dev/null
  sock="mk-test-$$-$test_name-$1"
  : > "$trace"
  rm -f "$tmp/exit"
}

round=0
for mode in colour plain ascii; do
  case $mode in
    colour) flags= ;;
    plain) flags=--plain ;;
    ascii) flags=--ascii ;;
  esac
  for lang in fr en; do
    round=$((round + 1))
    restart "$round"
    # shellcheck disable=SC2086
    start_kiosk $flags
    settle "screen=0 "
    [ "$lang" = fr ] && shot "language-$mode"
    if [ "$lang" = fr ]; then send Enter; else send Down Enter; fi
    settle "screen=1 .* lang=$lang "
    shot "home-$lang-$mode"
    send Down Down Enter
    settle "screen=2 page=mesotherapie "
    shot "page-$lang-$mode"
    send '!'
    settle "screen=2 page=signes-alerte "
    shot "warning-$lang-$mode"
    send /
    settle "screen=7 "
    send_literal fievre
    settle "screen=7 "
    shot "search-$lang-$mode"
    send Escape
    settle "screen=2 "
    send '?'
    settle "screen=3 "
    shot "help-$lang-$mode"
    _before=$(events)
    tmux_ resize-window -x 39 -y 11
    wait_trace "resize 39x11"
    settle "screen=3 "
    shot "small-$lang-$mode"
    tmux_ resize-window -x 80 -y 24
    wait_trace "resize 80x24"
    settle "screen=3 "

    # Kiosk mode: the attract screen, and the countdown before a reset.
    # The countdown shows for one second: a grab that comes after the
    # reset (on a loaded machine) is taken again, in a new round.
    try=0
    while :; do
      round=$((round + 1))
      try=$((try + 1))
      restart "$round"
      # shellcheck disable=SC2086
      start_kiosk --kiosk --idle 4 $flags
      settle "screen=4 "
      [ "$lang" = fr ] && [ $try -eq 1 ] && shot "attract-$mode"
      # The attract screen's entries choose the language.
      if [ "$lang" = fr ]; then send Enter; else send Down Enter; fi
      settle "screen=1 .* lang=$lang "
      wait_trace " idle 1$"
      # The frame drawn after it, and nothing more on its way.
      _i=0
      until awk '/ idle 1$/ { i = 1 } i && / frame / { f = 1 } END { exit !f }' \
          "$trace"; do
        [ $_i -lt "$patience" ] || fail_ "no frame after the countdown"
        sleep 0.05
        _i=$((_i + 1))
      done
      grab
      cp "$tmp/raw" "$tmp/raw1"
      sleep 0.1
      grab
      if cmp -s "$tmp/raw" "$tmp/raw1" && ! grep -q "idle-reset" "$trace"
      then
        break
      fi
      [ $try -lt 5 ] || fail_ "the countdown never stayed long enough to be seen"
    done
    shot "countdown-$lang-$mode" keep
    wait_trace "idle-reset"
  done
done

if [ -n "$update" ]; then
  echo "golden: screens written to $golden; review them with git diff" >&2
  exit 0
fi
[ -z "$failed" ] || fail_ "screens differ from tests/screens:$failed (if the change is meant, run make update-screens and review the diff)"
exit 0
