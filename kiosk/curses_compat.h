/* curses_compat.h -- the one place that includes the curses header.

   Only the view (term.c, theme.c, view.c, loop.c, main.c) includes this;
   the model is built into a library that never sees curses, so a stray
   include there fails the build.  We need the wide-character API.  */

#ifndef MESOKIOSK_CURSES_COMPAT_H
#define MESOKIOSK_CURSES_COMPAT_H

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
