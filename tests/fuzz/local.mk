# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
## tests/fuzz/local.mk: the libFuzzer targets.
##
## 'make fuzz' builds them with clang (libFuzzer, ASan, UBSan) from the
## model's sources and runs each for FUZZ_RUNS executions or FUZZ_SECONDS
## seconds (0: no limit), whichever comes first; see tests/fuzz/README.
## 'make check' replays the saved crashes and the seed corpus through the
## same targets, built with the normal compiler (replay.c).

FUZZ_RUNS = 100000
FUZZ_SECONDS = 0
FUZZ_TARGET = all
FUZZ_CC = clang
FUZZ_WORK = $(abs_top_builddir)/tests/fuzz/work

fuzz: $(top_builddir)/config.h
	CC='$(FUZZ_CC)' FUZZ_RUNS='$(FUZZ_RUNS)' FUZZ_TIME='$(FUZZ_SECONDS)' \
	  FUZZ_TARGET='$(FUZZ_TARGET)' \
	  $(SHELL) $(top_srcdir)/tests/fuzz/run.sh \
	    --build '$(abs_top_builddir)' --work '$(FUZZ_WORK)'
fuzz-clean:
	rm -rf '$(FUZZ_WORK)'
.PHONY: fuzz fuzz-clean

clean-local: clean-local-fuzz
clean-local-fuzz:
	rm -rf tests/fuzz/work

# The replay drivers: each fuzz target with a plain main().
FUZZ_REPLAY = tests/fuzz/replay-load tests/fuzz/replay-layout
check_PROGRAMS += $(FUZZ_REPLAY)
tests_fuzz_replay_load_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-load.c \
	tests/fuzz/fuzz-common.h
tests_fuzz_replay_load_CPPFLAGS = $(MODEL_BOUNDARY) $(AM_CPPFLAGS)
tests_fuzz_replay_load_LDADD = $(MODEL_LIBS)
tests_fuzz_replay_layout_SOURCES = tests/fuzz/replay.c \
	tests/fuzz/fuzz-layout.c tests/fuzz/fuzz-common.h
tests_fuzz_replay_layout_CPPFLAGS = $(MODEL_BOUNDARY) $(AM_CPPFLAGS)
tests_fuzz_replay_layout_LDADD = $(MODEL_LIBS)

TESTS += tests/fuzz/replay.sh
AM_TESTS_ENVIRONMENT += \
	FUZZ_REPLAY_DIR='$(abs_top_builddir)/tests/fuzz'; \
	export FUZZ_REPLAY_DIR;

EXTRA_DIST += \
	tests/fuzz/README \
	tests/fuzz/run.sh \
	tests/fuzz/seeds.sh \
	tests/fuzz/replay.sh \
	tests/fuzz/regressions
