#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Input that does nothing never ends the kiosk: right and middle clicks,
# lone button releases, clicks outside the window and lone invalid bytes
# (an accented key of a Latin-1 serial terminal under a UTF-8 locale),
# each in a write of its own, a hundred of each kind.  After each kind
# the kiosk is still there and answers the next key, and at the end it
# forgets the visit on time.  Only a terminal that is really gone (a
# hang-up, end of file, an I/O error) ends it.
. "$srcdir/tests/screen/lib.sh"

DATADIR_=$srcdir/tests/content-good
n=${HARMLESS_COUNT:-100}

# x10 B ROW COL: an X10 mouse report (TERM=screen), in hex for send-keys.
x10 () { printf '1b 5b 4d %x %x %x' $((32 + $1)) $((32 + $3)) $((32 + $2)); }
# sgr B ROW COL M|m: an SGR mouse report (TERM=xterm).
sgr () { printf '\033[<%d;%d;%d%s' "$1" "$3" "$2" "$4"; }

# mouse TERM B ROW COL PRESS: one report, in one write.
mouse () {
  if [ "$1" = screen ]; then
    if [ "$5" = press ]; then tmux_ send-keys -H $(x10 $2 $3 $4)
    else tmux_ send-keys -H $(x10 3 $3 $4); fi
  else
    if [ "$5" = press ]; then tmux_ send-keys -l -- "$(sgr $2 $3 $4 M)"
    else tmux_ send-keys -l -- "$(sgr $2 $3 $4 m)"; fi
  fi
}

# phase TERM KIND: N harmless inputs of KIND, then a key that must be
# handled by a kiosk still running.
phase () {
  i=0
  while [ $i -lt $n ]; do
    r=$((i % 20 + 3)); c=$((i * 3 % 70 + 5))
    case $2 in
      right) mouse $1 2 $r $c press; mouse $1 2 $r $c release ;;
      middle) mouse $1 1 $r $c press; mouse $1 1 $r $c release ;;
      release) mouse $1 0 $r $c release ;;
      outside) mouse $1 $((i % 3)) 150 200 press; mouse $1 0 150 200 release ;;
      invalid) tmux_ send-keys -H e9 ;;
    esac
    i=$((i + 1))
  done
  # In order: once this key is handled, all that came before was read.
  _want=$(($(events) + 1))
  tmux_ send-keys End
  _i=0
  until grep -E -q "^[0-9.]+ event $_want " "$trace"; do
    if [ -s "$tmp/exit" ] || [ $_i -ge $patience ]; then
      show_screen
      fail_ "TERM=$1: after $n inputs of kind '$2' the kiosk $(if [ -s "$tmp/exit" ]; then echo "ended (status $(cat "$tmp/exit"))"; else echo "does not answer"; fi)"
    fi
    sleep 0.1
    _i=$((_i + 1))
  done
}

for t in ${HARMLESS_TERMS:-screen xterm-256color}; do
  tmux_ kill-server 2>/dev/null
  sock="mk-test-$$-$test_name-$t"
  rm -f "$tmp/exit"
  : > "$trace"
  TERM_=$t start_kiosk --kiosk --idle 4
  open_example_page
  for kind in ${HARMLESS_KINDS:-right middle release outside invalid}; do
    phase $t $kind
  done
  expect_screen "An example page"
  # The visit is still forgotten on time: 4 s, then the 1 s countdown.
  reset_on_time 5 "TERM=$t: "
  [ -s "$tmp/exit" ] && fail_ "TERM=$t: the kiosk ended"
  stop_kiosk_
done
exit 0
