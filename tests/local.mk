# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
## tests/local.mk: the test suite, run by 'make check'.

UNIT_TESTS = \
	tests/unit/test-gesture \
	tests/unit/test-layout \
	tests/unit/test-library \
	tests/unit/test-load \
	tests/unit/test-mo \
	tests/unit/test-pin \
	tests/unit/test-review \
	tests/unit/test-search \
	tests/unit/test-session \
	tests/unit/test-speech \
	tests/unit/test-text \
	tests/unit/test-textsize \
	tests/unit/test-ttyin \
	tests/unit/test-viewport

# View tests: they link the view's sources and ncursesw, not the model.
VIEW_TESTS = tests/view/test-contrast

check_PROGRAMS = $(UNIT_TESTS) $(VIEW_TESTS) tests/tools/loadfile

# Unit tests and tools see only the model: no curses.
UNIT_CPPFLAGS = $(MODEL_BOUNDARY) $(AM_CPPFLAGS) -I$(top_srcdir)/tests/unit
tests_unit_test_layout_SOURCES = tests/unit/test-layout.c tests/unit/unit.h
tests_unit_test_layout_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_layout_LDADD = $(MODEL_LIBS)
tests_unit_test_library_SOURCES = tests/unit/test-library.c tests/unit/unit.h
tests_unit_test_library_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_library_LDADD = $(MODEL_LIBS)
tests_unit_test_load_SOURCES = tests/unit/test-load.c tests/unit/unit.h
tests_unit_test_load_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_load_LDADD = $(MODEL_LIBS)
tests_unit_test_mo_SOURCES = tests/unit/test-mo.c tests/unit/unit.h
tests_unit_test_mo_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_mo_LDADD = $(MODEL_LIBS)
tests_unit_test_pin_SOURCES = tests/unit/test-pin.c tests/unit/unit.h
tests_unit_test_pin_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_pin_LDADD = $(MODEL_LIBS)
tests_unit_test_review_SOURCES = tests/unit/test-review.c tests/unit/unit.h
tests_unit_test_review_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_review_LDADD = $(MODEL_LIBS)
tests_unit_test_search_SOURCES = tests/unit/test-search.c tests/unit/unit.h
tests_unit_test_search_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_search_LDADD = $(MODEL_LIBS)
tests_unit_test_session_SOURCES = tests/unit/test-session.c tests/unit/unit.h
tests_unit_test_session_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_session_LDADD = $(MODEL_LIBS)
tests_unit_test_speech_SOURCES = tests/unit/test-speech.c tests/unit/unit.h
tests_unit_test_speech_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_speech_LDADD = $(MODEL_LIBS)
tests_unit_test_textsize_SOURCES = tests/unit/test-textsize.c tests/unit/unit.h
tests_unit_test_textsize_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_textsize_LDADD = $(MODEL_LIBS)
tests_unit_test_text_SOURCES = tests/unit/test-text.c tests/unit/unit.h
tests_unit_test_text_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_text_LDADD = $(MODEL_LIBS)
tests_unit_test_ttyin_SOURCES = tests/unit/test-ttyin.c tests/unit/unit.h
tests_unit_test_ttyin_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_ttyin_LDADD = $(MODEL_LIBS)
tests_unit_test_gesture_SOURCES = tests/unit/test-gesture.c tests/unit/unit.h
tests_unit_test_gesture_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_gesture_LDADD = $(MODEL_LIBS)
tests_unit_test_viewport_SOURCES = tests/unit/test-viewport.c tests/unit/unit.h
tests_unit_test_viewport_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_unit_test_viewport_LDADD = $(MODEL_LIBS)
tests_view_test_contrast_SOURCES = tests/view/test-contrast.c \
	kiosk/theme.c kiosk/theme.h
tests_view_test_contrast_CFLAGS = $(AM_CFLAGS) $(NCURSESW_CFLAGS)
tests_view_test_contrast_LDADD = $(NCURSESW_LIBS) -lm
tests_tools_loadfile_SOURCES = tests/tools/loadfile.c
tests_tools_loadfile_CPPFLAGS = $(UNIT_CPPFLAGS)
tests_tools_loadfile_LDADD = $(MODEL_LIBS)

CLI_TESTS = \
	tests/cli/boundary.sh \
	tests/cli/check.sh \
	tests/cli/clinic-locale.sh \
	tests/cli/content-list.sh \
	tests/cli/content.sh \
	tests/cli/corpus.sh \
	tests/cli/dump.sh \
	tests/cli/hide.sh \
	tests/cli/locale.sh \
	tests/cli/man.sh \
	tests/cli/nls.sh \
	tests/cli/options.sh \
	tests/cli/overlay.sh \
	tests/cli/qr.sh \
	tests/cli/spdx.sh \
	tests/cli/staff-mistakes.sh \
	tests/cli/unit.sh

SCREEN_TESTS = \
	tests/screen/contact.sh \
	tests/screen/drag.sh \
	tests/screen/menu-add.sh \
	tests/screen/clinic-lang.sh \
	tests/screen/clusters.sh \
	tests/screen/cutoff.sh \
	tests/screen/forgive.sh \
	tests/screen/touch.sh \
	tests/screen/golden.sh \
	tests/screen/gone.sh \
	tests/screen/harmless.sh \
	tests/screen/help.sh \
	tests/screen/idle.sh \
	tests/screen/inject.sh \
	tests/screen/lang3.sh \
	tests/screen/levels.sh \
	tests/screen/lockdown.sh \
	tests/screen/mouse.sh \
	tests/screen/reload.sh \
	tests/screen/reload-memory.sh \
	tests/screen/signals.sh \
	tests/screen/terminals.sh \
	tests/screen/navigate.sh \
	tests/screen/pincost.sh \
	tests/screen/plain.sh \
	tests/screen/resize.sh \
	tests/screen/scroll.sh \
	tests/screen/search.sh \
	tests/screen/shipped.sh \
	tests/screen/speech.sh \
	tests/screen/speech-always.sh \
	tests/screen/speech-idle.sh \
	tests/screen/speech-real.sh

TESTS = $(UNIT_TESTS) $(VIEW_TESTS) $(CLI_TESTS) $(SCREEN_TESTS)
TEST_EXTENSIONS = .sh
SH_LOG_COMPILER = $(SHELL)

# The French catalog, where the uninstalled program finds it.
TEST_LOCALEDIR = tests/locale
# German is the third language of tests/content-lang3, for the tests only.
check_DATA = $(TEST_LOCALEDIR)/fr/LC_MESSAGES/$(PACKAGE).mo \
	$(TEST_LOCALEDIR)/de/LC_MESSAGES/$(PACKAGE).mo
$(TEST_LOCALEDIR)/fr/LC_MESSAGES/$(PACKAGE).mo: $(top_srcdir)/locale/fr.po
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(MSGFMT) -c -o $@ $(top_srcdir)/locale/fr.po
$(TEST_LOCALEDIR)/de/LC_MESSAGES/$(PACKAGE).mo: \
		$(top_srcdir)/tests/content-lang3/de.po
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	  $(MSGFMT) -c -o $@ $(top_srcdir)/tests/content-lang3/de.po

clean-local: clean-local-tests
clean-local-tests:
	rm -rf $(TEST_LOCALEDIR)

# Valgrind: 'make check-valgrind' runs the suite with every program under
# valgrind; tests/valgrind.supp documents each suppression.
VALGRIND_FLAGS = --quiet --error-exitcode=97 --leak-check=full \
	--errors-for-leak-kinds=definite --show-leak-kinds=definite \
	--suppressions=$(abs_top_srcdir)/tests/valgrind.supp
# MESOKIOSK_TODAY: review dates are checked against a fixed day, so that
# the suite gives the same results on the day a review falls due.
AM_TESTS_ENVIRONMENT = \
	srcdir='$(abs_top_srcdir)'; export srcdir; \
	MESOKIOSK='$(abs_top_builddir)/kiosk/mesokiosk'; export MESOKIOSK; \
	LOADFILE='$(abs_top_builddir)/tests/tools/loadfile'; export LOADFILE; \
	MESOKIOSK_SPEAK='$(abs_top_builddir)/kiosk/mesokiosk-speak'; \
	export MESOKIOSK_SPEAK; SOX='$(SOX)'; export SOX; \
	MESOKIOSK_LOCALEDIR='$(abs_top_builddir)/$(TEST_LOCALEDIR)'; \
	export MESOKIOSK_LOCALEDIR; \
	MESOKIOSK_DATADIR='$(abs_top_srcdir)/content'; export MESOKIOSK_DATADIR; \
	MESOKIOSK_CLINICDIR='$(abs_top_builddir)/tests/no-clinic-dir'; \
	export MESOKIOSK_CLINICDIR; \
	MESOKIOSK_VALGRIND='$(MESOKIOSK_VALGRIND)'; export MESOKIOSK_VALGRIND; \
	MESOKIOSK_PATIENCE='$(MESOKIOSK_PATIENCE)'; export MESOKIOSK_PATIENCE; \
	UPDATE_SCREENS='$(UPDATE_SCREENS)'; export UPDATE_SCREENS; \
	BOUNDARY_CC='$(CC) $(MODEL_BOUNDARY) -I$(abs_top_builddir)'; \
	BOUNDARY_CC="$$BOUNDARY_CC -I$(abs_top_srcdir)/kiosk $(NCURSESW_CFLAGS)"; \
	BOUNDARY_CC="$$BOUNDARY_CC $(YAML_CFLAGS)"; export BOUNDARY_CC; \
	LANGUAGE=en; export LANGUAGE; LANG=C.UTF-8; export LANG; \
	MESOKIOSK_TODAY=2027-06-01; export MESOKIOSK_TODAY; \
	unset LC_ALL LC_MESSAGES LC_CTYPE;

# Set by check-valgrind.
MESOKIOSK_VALGRIND =
MESOKIOSK_PATIENCE =
UPDATE_SCREENS =
check-valgrind:
	$(MAKE) $(AM_MAKEFLAGS) check \
	  LOG_COMPILER='$(VALGRIND) $(VALGRIND_FLAGS)' \
	  MESOKIOSK_VALGRIND='$(VALGRIND) $(VALGRIND_FLAGS)' \
	  MESOKIOSK_PATIENCE=600
.PHONY: check-valgrind

EXTRA_DIST += \
	tests/lib.sh \
	tests/screen/lib.sh \
	tests/screen/cells.py \
	tests/screens \
	tests/valgrind.supp \
	tests/lsan.supp \
	tests/content/overlap.py \
	tests/content/readability.py \
	tests/tools/qr2pbm.py \
	tests/tools/sgr.py \
	tests/content-bad \
	tests/content-emoji \
	tests/content-good \
	tests/content-lang3 \
	tests/staff-mistakes \
	$(CLI_TESTS) $(SCREEN_TESTS)

# Golden screens (tests/screen/golden.sh): write what the screens show now
# into tests/screens, to review with git diff and commit.
update-screens: all
	$(MAKE) $(AM_MAKEFLAGS) check TESTS=tests/screen/golden.sh \
	  UPDATE_SCREENS=1
.PHONY: update-screens

# GNU hello's po-check: are the catalogs complete?
locale-check:
	srcdir='$(abs_top_srcdir)' $(SHELL) $(top_srcdir)/tests/cli/locale.sh
.PHONY: locale-check
