# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# tests/lib.sh -- helpers for the shell tests (GNU hello style).
# Sourced by every tests/*/*.sh; automake's harness runs them from the build
# directory with srcdir, MESOKIOSK and friends in the environment.

set -u
: "${srcdir:=.}"
: "${MESOKIOSK:=./kiosk/mesokiosk}"
test_name=$(basename "$0" .sh)

# A private scratch directory, removed at exit.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mk-$test_name.XXXXXX") || exit 99
cleanup_hooks=
at_exit () { cleanup_hooks="$1; $cleanup_hooks"; }
trap 'eval "$cleanup_hooks"; rm -rf "$tmp"' EXIT

fail_ () { printf '%s: FAIL: %s\n' "$test_name" "$*" >&2; exit 1; }
skip_ () { printf '%s: SKIP: %s\n' "$test_name" "$*" >&2; exit 77; }
framework_failure_ () { printf '%s: ERROR: %s\n' "$test_name" "$*" >&2; exit 99; }

# compare EXPECTED ACTUAL: fails with a diff.
compare () {
  if ! cmp -s "$1" "$2"; then
    diff -u "$1" "$2" >&2
    fail_ "output differs from the expected ($1)"
  fi
}

# returns_ N COMMAND...: runs COMMAND and checks its exit status is N.
returns_ () {
  want=$1; shift
  "$@"; got=$?
  [ "$got" -eq "$want" ] || fail_ "'$*' exited with $got, expected $want"
}

# Environment for running the program: pinned, like lesstest's headers.
kiosk_env () {
  env -i PATH="$PATH" HOME="$tmp" LANG=C.UTF-8 LANGUAGE="${LANGUAGE_:-en}" \
    TERM="${TERM_:-xterm-256color}" \
    MESOKIOSK_DATADIR="${MESOKIOSK_DATADIR:-$srcdir/content}" \
    MESOKIOSK_LOCALEDIR="${MESOKIOSK_LOCALEDIR:-}" \
    MESOKIOSK_CLINICDIR="${MESOKIOSK_CLINICDIR:-}" \
    ${MESOKIOSK_TODAY:+MESOKIOSK_TODAY="$MESOKIOSK_TODAY"} \
    ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} \
    ${UBSAN_OPTIONS:+UBSAN_OPTIONS="$UBSAN_OPTIONS"} \
    ${LSAN_OPTIONS:+LSAN_OPTIONS="$LSAN_OPTIONS"} \
    ${VALGRIND_:+VALGRIND_=1} "$@"
}

# Runs the program under valgrind when the suite asks for it.
mesokiosk () {
  if [ -n "${MESOKIOSK_VALGRIND:-}" ]; then
    $MESOKIOSK_VALGRIND "$MESOKIOSK" "$@"
  else
    "$MESOKIOSK" "$@"
  fi
}
