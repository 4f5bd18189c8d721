#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# tests/monkey/soak.sh -- the long monkey run ('make soak'), with the
# kiosk's resident memory watched.
#
#   tests/monkey/soak.sh [SECONDS] [SEED]
#
# Runs tests/monkey/monkey.py for SECONDS (default $SOAK_SECONDS, else
# 1800; at most 10,000,000 events) with a pause past the idle time every
# 30 s.  Every 60 s it settles the kiosk in the same state (80x24, visit
# forgotten, attract screen) and prints its VmRSS from /proc/PID/status;
# it also prints the RSS after the first frame and at the end.  It fails
# like the monkey does, and if the RSS at the end exceeds the first
# settled RSS after the warm-up (a fifth of the run, at least 60 s) by
# more than SOAK_MARGIN_KIB (default 256).  SOAK_KNOWN_BUGS (default
# none, see tests/screen/monkey.sh) lists the checks that only warn.
# MESOKIOSK (the program) and srcdir default to the build and source trees
# around this script.

set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${srcdir:=$(cd "$here/../.." && pwd)}"
: "${MESOKIOSK:=./kiosk/mesokiosk}"
seconds=${1:-${SOAK_SECONDS:-1800}}
seed=${2:-${SOAK_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}}
margin=${SOAK_MARGIN_KIB:-256}

case $seconds in
  ''|*[!0-9]*) echo "soak.sh: SECONDS is a whole number" >&2; exit 2 ;;
esac
case $seed in
  ''|*[!0-9]*) echo "soak.sh: SEED is a whole number" >&2; exit 2 ;;
esac
command -v python3 >/dev/null 2>&1 \
  || { echo "soak.sh: python3 is needed" >&2; exit 77; }
[ -x "$MESOKIOSK" ] || {
  echo "soak.sh: no program at $MESOKIOSK (run from the build directory" \
       "or set MESOKIOSK)" >&2
  exit 2
}

warmup=$((seconds / 5))
[ $warmup -lt 60 ] && warmup=60

exec python3 "$here/monkey.py" \
  --binary "$MESOKIOSK" \
  --datadir "$srcdir/tests/content-good" \
  --srcdir "$srcdir" \
  --prefix "${MESOKIOSK_VALGRIND:-}" \
  --seed "$seed" \
  --events 10000000 --max-seconds "$seconds" \
  --idle 3 --term xterm-256color \
  --long-pause-every 30 --checkpoint-every 60 \
  --rss-warmup "$warmup" --rss-margin-kib "$margin" \
  --known-bugs "${SOAK_KNOWN_BUGS-}"
