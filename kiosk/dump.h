/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* dump.h -- a laid-out page as plain text.

   mesokiosk --dump prints a page exactly as the kiosk lays it out (same
   line breaks, frames and bullets, no colours), for proofreading,
   handouts and tests.  No curses here.  */

#ifndef MESOKIOSK_DUMP_H
#define MESOKIOSK_DUMP_H

#include <stdio.h>

#include "layout.h"

/* Writes every line of L to F, frames drawn with the glyphs of CS.  */
void dump_layout (FILE *f, const struct layout *l, enum charset cs);

#endif /* MESOKIOSK_DUMP_H */
