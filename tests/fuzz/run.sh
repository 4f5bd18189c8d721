#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# tests/fuzz/run.sh -- build and run the libFuzzer targets (outside CI).
#
#   tests/fuzz/run.sh [--runs N] [--time SECONDS] [--build DIR]
#                     [--work DIR] [--target load|layout|all] [--parallel]
#
# Builds tests/fuzz/fuzz-load and fuzz-layout with clang (libFuzzer,
# AddressSanitizer, UndefinedBehaviorSanitizer) straight from the model's
# sources in kiosk/, makes a seed corpus from the YAML files of the tree,
# runs each target for N executions or SECONDS seconds, whichever comes
# first, and prints the executions, the coverage and any crash file.
# Rerunnable: the corpus grows in the work directory and is reused.
#
#   --runs N       executions per target (default 100000; 0: no limit)
#   --time S       seconds per target (default: no limit)
#   --build DIR    a configured build directory, for config.h (default:
#                  the current directory if it has config.h, else the
#                  source tree, else its _build)
#   --work DIR     corpora, binaries, logs, crashes (default
#                  $TMPDIR/mesokiosk-fuzz)
#   --target T     load, layout or all (default all)
#   --parallel     run the targets at the same time
#
# The same settings come from the environment: FUZZ_RUNS, FUZZ_TIME (or
# FUZZ_SECONDS),
# FUZZ_BUILD, FUZZ_WORK, FUZZ_TARGET, FUZZ_PARALLEL=1; FUZZ_ARGS adds
# libFuzzer options (e.g. FUZZ_ARGS=-jobs=2), CC chooses the compiler.
# Exit status: 0 if no target crashed, 1 if one did, 2 on a usage or
# build problem.  See tests/fuzz/README.

set -u

here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(cd "$here/../.." && pwd)
runs=${FUZZ_RUNS:-100000}
time_limit=${FUZZ_TIME:-${FUZZ_SECONDS:-0}}
build=${FUZZ_BUILD:-}
work=${FUZZ_WORK:-${TMPDIR:-/tmp}/mesokiosk-fuzz}
target=${FUZZ_TARGET:-all}
parallel=${FUZZ_PARALLEL:-0}
cc=${CC:-clang}
case $cc in *clang*) ;; *) cc=clang ;; esac

usage () {
  sed -n '3,5p' "$0" | sed 's/^# *//' >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=${2:?}; shift 2 ;;
    --runs=*) runs=${1#*=}; shift ;;
    --time) time_limit=${2:?}; shift 2 ;;
    --time=*) time_limit=${1#*=}; shift ;;
    --build) build=${2:?}; shift 2 ;;
    --build=*) build=${1#*=}; shift ;;
    --work) work=${2:?}; shift 2 ;;
    --work=*) work=${1#*=}; shift ;;
    --target) target=${2:?}; shift 2 ;;
    --target=*) target=${1#*=}; shift ;;
    --parallel) parallel=1; shift ;;
    -h|--help) usage ;;
    *) echo "run.sh: unknown argument '$1'" >&2; usage ;;
  esac
done

case $target in
  all) targets="load layout" ;;
  load|layout) targets=$target ;;
  *) echo "run.sh: --target is load, layout or all" >&2; exit 2 ;;
esac
case $runs$time_limit in
  *[!0-9]*) echo "run.sh: --runs and --time take whole numbers" >&2; exit 2 ;;
esac

if [ -z "$build" ]; then
  for d in . "$srcdir" "$srcdir/_build"; do
    if [ -f "$d/config.h" ]; then build=$d; break; fi
  done
fi
if [ -z "$build" ] || [ ! -f "$build/config.h" ]; then
  echo "run.sh: no config.h: configure the tree and give --build DIR" >&2
  exit 2
fi
build=$(cd "$build" && pwd)
command -v "$cc" >/dev/null 2>&1 || { echo "run.sh: $cc is not installed" >&2; exit 2; }

mkdir -p "$work/obj" "$work/crashes" "$work/logs" || exit 2
work=$(cd "$work" && pwd)

# ---- Build -------------------------------------------------------------
# The model's sources, without the view and the wiring (curses, signals,
# the terminal, the log).  Each object is rebuilt when its source or a
# header is newer.
cflags="-g -O1 -std=gnu11 -fno-omit-frame-pointer -I$build -I$srcdir/kiosk"
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
libs="-lyaml -lunistring -lcrypt -lqrencode"
newest_header=$(ls -t "$srcdir"/kiosk/*.h "$here"/*.h "$build/config.h" | head -n 1)

echo "== building in $work/obj (config.h from $build)"
objs=
for src in "$srcdir"/kiosk/*.c; do
  base=$(basename "$src" .c)
  case $base in
    main|loop|term|theme|view|log|signals) continue ;;
  esac
  obj="$work/obj/$base.o"
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$newest_header" -nt "$obj" ]; then
    # shellcheck disable=SC2086
    if ! $cc $cflags $san -fsanitize=fuzzer-no-link -c "$src" -o "$obj" 2> "$work/obj/$base.err"; then
      # Someone may be editing it: go on without it; the link says
      # whether a target needs it.
      echo "warning: kiosk/$base.c does not compile; left out:" >&2
      head -n 5 "$work/obj/$base.err" >&2
      rm -f "$obj"
      continue
    fi
  fi
  objs="$objs $obj"
done
rm -f "$work/obj/libmodel-fuzz.a"
# shellcheck disable=SC2086
ar rcs "$work/obj/libmodel-fuzz.a" $objs || exit 2

for t in $targets; do
  # shellcheck disable=SC2086
  if ! $cc $cflags $san -fsanitize=fuzzer -o "$work/fuzz-$t" \
       "$here/fuzz-$t.c" "$work/obj/libmodel-fuzz.a" $libs; then
    echo "run.sh: cannot build fuzz-$t" >&2
    exit 2
  fi
done

# ---- Seed corpus -------------------------------------------------------
# The YAML files of the tree, as they are for the loader and turned into
# the layout target's format, and the saved regressions (seeds.sh), so
# every run replays them first.
sh "$here/seeds.sh" "$srcdir" "$work/seeds-load" "$work/seeds-layout" || exit 2
mkdir -p "$work/corpus-load" "$work/corpus-layout" || exit 2

# ---- Run ---------------------------------------------------------------
opts_for () {
  case $1 in
    load) echo "-max_len=65536 -timeout=10" ;;
    layout) echo "-max_len=16384 -timeout=10" ;;
  esac
}

run_one () {
  t=$1
  log="$work/logs/fuzz-$t.log"
  n=$runs
  [ "$n" -eq 0 ] && n=-1          # libFuzzer: -1 is no limit
  # Every run starts from the grown corpus and the seeds; new inputs go
  # into the corpus (the first directory).
  # shellcheck disable=SC2046,SC2086
  ( cd "$work" && ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0} \
      UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
      TMPDIR=$work "./fuzz-$t" $(opts_for "$t") -runs="$n" \
        -max_total_time="$time_limit" -print_final_stats=1 \
        -artifact_prefix="$work/crashes/$t-" ${FUZZ_ARGS:-} \
        "$work/corpus-$t" "$work/seeds-$t" ) > "$log" 2>&1
  echo $? > "$work/logs/fuzz-$t.status"
}

report () {
  t=$1
  log="$work/logs/fuzz-$t.log"
  status=$(cat "$work/logs/fuzz-$t.status" 2>/dev/null || echo 99)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  last=$(grep -E '^#[0-9]+.* cov: ' "$log" | tail -n 1)
  cov=$(printf '%s\n' "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
  ft=$(printf '%s\n' "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
  corp=$(printf '%s\n' "$last" | sed -n 's/.* corp: \([^ ]*\).*/\1/p')
  files=$(ls "$work/corpus-$t" | wc -l)
  printf 'fuzz-%s: %s execs (%s exec/s), cov %s, ft %s, corpus %s (%s files in %s), exit %s\n' \
    "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" \
    "$files" "$work/corpus-$t" "$status"
  crash=$(sed -n 's/.*Test unit written to //p' "$log" | tail -n 1)
  if [ -n "$crash" ]; then
    printf 'fuzz-%s: CRASH: %s\n' "$t" "$crash"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*invariant broken|.*runtime error)' "$log" | head -n 5 | sed "s/^/fuzz-$t:   /"
    return 1
  fi
  [ "$status" -eq 0 ] || { printf 'fuzz-%s: failed, see %s\n' "$t" "$log"; return 1; }
  return 0
}

echo "== running: $targets (runs=$runs, time=${time_limit}s; logs in $work/logs)"
if [ "$parallel" = 1 ]; then
  pids=
  for t in $targets; do run_one "$t" & pids="$pids $!"; done
  # shellcheck disable=SC2086
  wait $pids
else
  for t in $targets; do run_one "$t"; done
fi

failed=0
for t in $targets; do report "$t" || failed=1; done
exit $failed
