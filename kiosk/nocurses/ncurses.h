/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* kiosk/nocurses/ncurses.h -- stands in for the curses header of that name in the
   model's build (it comes first on the model's include path): the model
   never draws, so including it is an error.  See curses_compat.h.  */
#error "the model (libmodel.a) must not include <ncurses.h>: only the view draws"
