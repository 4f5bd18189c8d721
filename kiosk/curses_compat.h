/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* curses_compat.h -- the one place that includes the curses header.

   Only the view (term.c, theme.c, view.c, loop.c, main.c) includes this.
   The model (libmodel.a, and the unit tests that link only it) is
   compiled with MESOKIOSK_MODEL defined and kiosk/nocurses first on its
   include path, where every curses header is an #error: a stray include
   of this file or of <curses.h> in the model fails the build
   (tests/cli/boundary.sh proves it).  We need the wide-character API.  */

#ifndef MESOKIOSK_CURSES_COMPAT_H
#define MESOKIOSK_CURSES_COMPAT_H

#ifdef MESOKIOSK_MODEL
# error "the model (libmodel.a) must not include curses: only the view draws"
#endif

#ifndef NCURSES_WIDECHAR
# define NCURSES_WIDECHAR 1
#endif

#if defined HAVE_NCURSESW_CURSES_H
# include <ncursesw/curses.h>
#elif defined HAVE_NCURSES_CURSES_H
# include <ncurses/curses.h>
#else
# include <curses.h>
#endif

#endif /* MESOKIOSK_CURSES_COMPAT_H */
