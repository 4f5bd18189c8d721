/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* theme.h -- how each role looks on the terminal at hand.

   One X-macro table gives, for every role, its attributes in three
   themes: mono (attributes only, for vt100 and the like), colour, and
   high contrast.  The warning box never relies on colour alone: every
   theme gives it a frame, a word and bold or reverse video.  */

#ifndef MESOKIOSK_THEME_H
#define MESOKIOSK_THEME_H

#include "curses_compat.h"
#include "role.h"
#include "settings.h"

/* Chooses the theme: THEME (enum theme) if the terminal has colours,
   mono otherwise.  Call after the terminal is set up.  */
void theme_init (unsigned theme);
/* Sets the attributes of ROLE on W.  */
void theme_apply (WINDOW *w, enum style_role role);
/* What THEME's table gives ROLE: colours (-1: the terminal's default;
   none in the mono theme) and attributes.  For the contrast test.  */
struct theme_look
{
  short fg, bg;
  bool bold, underline, reverse;
};
void theme_describe (unsigned theme, enum style_role role,
                     struct theme_look *look);

/* The theme in use (THEME_MONO when the terminal has no colours).  */
unsigned theme_current (void);

#endif /* MESOKIOSK_THEME_H */
