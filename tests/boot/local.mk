# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
## tests/boot/local.mk: 'make check-boot', the Debian package booted in a
## virtual machine (tests/boot/README).  Not part of 'make check': it
## needs root, builds the .deb and boots Debian 12 under qemu; CI runs it
## (scripts/dev.sh test).

# BOOT_FLAGS: more options for check-boot.sh (e.g. --accel tcg).
BOOT_FLAGS =
check-boot: distdir
	$(SHELL) $(srcdir)/tests/boot/check-boot.sh \
	  --srcdir '$(abs_top_srcdir)' --distdir '$(abs_top_builddir)/$(distdir)' \
	  --work '$(abs_top_builddir)/tests/boot/work' $(BOOT_FLAGS)
	-rm -rf '$(distdir)'
.PHONY: check-boot

clean-local: clean-boot
clean-boot:
	-rm -rf tests/boot/work
.PHONY: clean-boot

EXTRA_DIST += \
	tests/boot/README \
	tests/boot/boot.py \
	tests/boot/check-boot.sh \
	tests/boot/mkroot.sh
