#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# scripts/dev.sh -- the two Quick start commands of README.md.
#
#   scripts/dev.sh run [OPTION]...  install what is missing, build, and start
#                                   the kiosk on the shipped content
#   scripts/dev.sh test             install what is missing, build, and run
#                                   the whole test suite (normal build, then
#                                   a build with AddressSanitizer and
#                                   UndefinedBehaviorSanitizer, then valgrind,
#                                   then a clang build with no warning, then
#                                   make check-boot: the Debian package
#                                   booted under qemu, tests/boot/README)
#
# Debian packages are installed with apt-get (as root, or through sudo).
# Builds go to _build/ (and _build-asan/, _build-valgrind/); the kiosk is
# installed into _build/inst, so it finds its content and translations as
# an installed program would.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

packages="autoconf automake autopoint gettext make gcc pkg-config \
libncurses-dev libyaml-dev libunistring-dev libcrypt-dev libqrencode-dev \
libespeak-ng-dev espeak-ng-data"
test_packages="tmux valgrind python3 clang zbar-tools sox console-setup-linux \
mandoc groff-base"
# make check-boot (tests/boot/check-boot.sh installs the same if missing).
boot_packages="debhelper dpkg-dev lintian pkgconf systemd debootstrap \
qemu-system-x86 e2fsprogs python3-pyte util-linux"

say () { printf '==> %s\n' "$*" >&2; }

install_missing () {
  missing=
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' \
      || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  say "installing:$missing"
  if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

bootstrap () {
  if [ ! -x configure ] || [ configure.ac -nt configure ] \
     || [ Makefile.am -nt Makefile.in ]; then
    say "bootstrapping (autoreconf -fi)"
    autoreconf -fi
  fi
}

# build DIR [CONFIGURE-OPTION]...
build () {
  dir=$1; shift
  mkdir -p "$dir"
  if [ ! -f "$dir/Makefile" ]; then
    say "configuring $dir"
    (cd "$dir" && "$top/configure" --quiet --prefix="$top/$dir/inst" "$@")
  fi
  say "building $dir"
  make -C "$dir" -j"$(nproc 2>/dev/null || echo 2)" --no-print-directory >/dev/null
}

# summary DIR...: counts the test results of the last runs.
summary () {
  pass=0 fail=0 skip=0
  for d in "$@"; do
    for trs in $(find "$d/tests" -name '*.trs' 2>/dev/null); do
      r=$(sed -n 's/^:test-result: //p' "$trs" | head -n 1)
      case $r in
        PASS|XFAIL) pass=$((pass + 1)) ;;
        SKIP) skip=$((skip + 1)) ;;
        *) fail=$((fail + 1))
           log=${trs%.trs}.log
           echo "---- FAILED: $log (last lines) ----" >&2
           tail -n 40 "$log" >&2 ;;
      esac
    done
  done
  [ "$skip" -gt 0 ] && echo "$skip skipped"
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
}

case ${1:-} in
  run)
    shift
    install_missing $packages
    bootstrap
    build _build
    make -C _build install --no-print-directory >/dev/null
    exec "$top/_build/inst/bin/mesokiosk" "$@"
    ;;
  test)
    install_missing $packages $test_packages $boot_packages
    bootstrap
    status=0
    build _build
    say "running the test suite"
    make -C _build check --no-print-directory -j2 >/dev/null 2>&1 || status=1
    say "running the test suite with AddressSanitizer and UBSan"
    build _build-asan --enable-sanitizers
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    LSAN_OPTIONS=suppressions="$top/tests/lsan.supp":print_suppressions=0 \
      make -C _build-asan check --no-print-directory -j2 >/dev/null 2>&1 || status=1
    # Valgrind: the unit tests, screen sessions driven by keys and a short
    # monkey (tests/screen/monkey.sh, 2,000 events), about 2 minutes; the
    # whole suite under valgrind is too slow for CI.  In a build of its own
    # so that the results do not overwrite those of _build.
    say "running the unit tests and screen sessions under valgrind"
    build _build-valgrind
    vg_tests='$(UNIT_TESTS) tests/screen/navigate.sh tests/screen/scroll.sh'
    vg_tests="$vg_tests tests/screen/help.sh tests/screen/signals.sh"
    vg_tests="$vg_tests tests/screen/mouse.sh tests/screen/search.sh"
    vg_tests="$vg_tests tests/screen/monkey.sh tests/screen/speech.sh"
    vg_tests="$vg_tests tests/screen/speech-idle.sh"
    make -C _build-valgrind check-valgrind --no-print-directory -j2 \
      TESTS="$vg_tests" >/dev/null 2>&1 || status=1
    # clang too: the same warnings, as errors, and the unit tests.
    say "building with clang (warnings are errors) and running the unit tests"
    build _build-clang CC=clang --enable-werror || status=1
    make -C _build-clang check --no-print-directory -j2 \
      TESTS='$(UNIT_TESTS) tests/cli/boundary.sh' >/dev/null 2>&1 || status=1
    sum=$(summary _build _build-asan _build-valgrind _build-clang) || status=1
    # The package booted in a virtual machine: its own TAP lines, counted
    # in the closing line below.  A skip would count as a failure.
    say "make check-boot: the .deb in a Debian 12 virtual machine"
    boot_start=$(date +%s)
    boot_status=0
    make -C _build check-boot --no-print-directory > _build/check-boot.log 2>&1 \
      || boot_status=1
    grep -E '^(ok|not ok|check-boot:)' _build/check-boot.log >&2 || true
    boot_pass=$(grep -c '^ok ' _build/check-boot.log || true)
    boot_fail=$(grep '^not ok ' _build/check-boot.log | grep -vc '# TODO' || true)
    if [ $boot_status -ne 0 ] && [ "$boot_fail" -eq 0 ]; then
      boot_fail=1
      tail -n 40 _build/check-boot.log >&2
    fi
    echo "check-boot: $((boot_pass)) passed, $((boot_fail)) failed in $(( $(date +%s) - boot_start )) s"
    [ $boot_status -eq 0 ] || status=1
    printf '%s\n' "$sum" | grep skipped || true
    suite_pass=$(printf '%s\n' "$sum" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
    suite_fail=$(printf '%s\n' "$sum" | sed -n 's/^[0-9]* passed, \([0-9]*\) failed$/\1/p')
    echo "$((suite_pass + boot_pass)) passed, $((suite_fail + boot_fail)) failed"
    exit $status
    ;;
  *)
    sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
