#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# The monkey: a seeded storm of about 20,000 random keys, pastes, mouse
# sequences, taps, resizes (1x1 to 300x100), idle pauses and signals
# against the kiosk in a pseudo-terminal (tests/monkey/monkey.py).  It must
# survive, forget the visit on time after each idle pause, wait in poll()
# and never in read(), still answer, show at the end the very screen a
# fresh kiosk shows after the same keys, write nothing to stderr, and end
# with status 0 on SIGTERM.  A failure prints the seed: replay with
# MONKEY_SEED=N (and MONKEY_EVENTS=N) or monkey.py --seed N.
#
# MONKEY_KNOWN_BUGS (default: none) names checks that only warn, for a
# kiosk bug found but not fixed yet (monkey.py --known-bugs): for example
# blocked-read, the kiosk waiting in read() for another key after an
# input, which a mouse event left out of the mousemask once caused.
. "$srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_ "python3 is not installed"
python3 -c 'import pty, termios, fcntl' 2>/dev/null \
  || skip_ "python3 has no pty support here"

# Under valgrind everything is ten to fifty times slower: far fewer events.
if [ -n "${MESOKIOSK_VALGRIND:-}" ]; then
  events=${MONKEY_EVENTS:-2000}
  max=${MONKEY_SECONDS:-900}
else
  events=${MONKEY_EVENTS:-20000}
  max=${MONKEY_SECONDS:-240}
fi

# Niced: the storm keeps a core busy, and the other screen tests running
# beside it in 'make check -j2' time the kiosk to a tenth of a second.
nice=
command -v nice >/dev/null 2>&1 && nice="nice -n 5"
$nice python3 "$srcdir/tests/monkey/monkey.py" \
  --binary "$MESOKIOSK" \
  --srcdir "$srcdir" \
  --datadir "$srcdir/tests/content-good" \
  --prefix "${MESOKIOSK_VALGRIND:-}" \
  --seed "${MONKEY_SEED:-20241124}" \
  --events "$events" --max-seconds "$max" \
  --idle 3 --term xterm-256color \
  --known-bugs "${MONKEY_KNOWN_BUGS-}"
status=$?
case $status in
  0) exit 0 ;;
  77) skip_ "monkey.py skipped" ;;
  1) fail_ "the monkey broke the kiosk (see the seed and trace above)" ;;
  *) framework_failure_ "monkey.py exited with $status" ;;
esac
