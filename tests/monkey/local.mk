# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
## tests/monkey/local.mk: the monkey test (in 'make check') and the soak.

SCREEN_TESTS += tests/screen/monkey.sh

# 'make soak': tests/monkey/monkey.py for SOAK_SECONDS (default 30 min)
# with the resident memory read every minute; fails on a crash, a hang, a
# visit not forgotten, or RSS growth past SOAK_MARGIN_KIB (default 256).
# SOAK_SEED replays a run.  Not part of 'make check'.
SOAK_SECONDS = 1800
SOAK_MARGIN_KIB = 256
soak: all $(check_DATA)
	@$(AM_TESTS_ENVIRONMENT) \
	SOAK_SECONDS='$(SOAK_SECONDS)'; export SOAK_SECONDS; \
	SOAK_MARGIN_KIB='$(SOAK_MARGIN_KIB)'; export SOAK_MARGIN_KIB; \
	$(SHELL) $(srcdir)/tests/monkey/soak.sh
.PHONY: soak

EXTRA_DIST += \
	tests/monkey/monkey.py \
	tests/monkey/soak.sh
