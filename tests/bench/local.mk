# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
## tests/bench/local.mk: 'make bench', mesokiosk against less and a bare
## ncursesw program (tests/bench/README).  Not part of 'make check': a run
## takes minutes and needs valgrind, strace, less and python3.

# The search driver links only the model, like the unit tests; built for
# 'make bench' only.
EXTRA_PROGRAMS = tests/bench/searchbench
tests_bench_searchbench_SOURCES = tests/bench/searchbench.c
tests_bench_searchbench_LDADD = $(MODEL_LIBS)
CLEANFILES += tests/bench/searchbench$(EXEEXT)

# BENCH_FLAGS: more options for bench.sh, e.g. make bench BENCH_FLAGS=-k.
BENCH_FLAGS =
# A missed target is reported in the table and does not fail 'make bench'
# unless BENCH_STRICT=1 (bench.sh exits 1); a benchmark that cannot run
# fails it (exit 2).
BENCH_STRICT =
bench: kiosk/mesokiosk$(EXEEXT) tests/bench/searchbench$(EXEEXT)
	$(AM_V_at)$(MKDIR_P) tests/bench
	@st=0; CC='$(CC)' MK_CFLAGS='$(CFLAGS)' $(SHELL) \
	  $(srcdir)/tests/bench/bench.sh -m kiosk/mesokiosk$(EXEEXT) \
	  -s tests/bench/searchbench$(EXEEXT) $(BENCH_FLAGS) || st=$$?; \
	if test $$st = 1; then \
	  echo "bench: some targets are missed: see tests/bench/results.md"; \
	  test -z '$(BENCH_STRICT)' || exit 1; \
	elif test $$st != 0; then exit $$st; fi
.PHONY: bench

clean-local: clean-bench
clean-bench:
	-rm -rf tests/bench/work
.PHONY: clean-bench

EXTRA_DIST += \
	tests/bench/README \
	tests/bench/bench.sh \
	tests/bench/floor.c \
	tests/bench/genlib.py \
	tests/bench/ptydrive.py \
	tests/bench/searchbench.c \
	tests/bench/yamlparse.c
