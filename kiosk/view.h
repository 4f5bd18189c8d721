/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* view.h -- draws a session on the terminal; only draws.

   The screen is a header line, the text area, a status line (where the
   patient is, whether there is more below, messages) and a bar of
   buttons.  Every screen of the session is a laid-out page, drawn by one
   function; the "terminal too small" screen is a state of the view.  The
   view also maps taps on the screen back to actions (hit testing), since
   only it knows where it drew things.  */

#ifndef MESOKIOSK_VIEW_H
#define MESOKIOSK_VIEW_H

#include "action.h"
#include "library.h"
#include "profile.h"
#include "session.h"

enum
{
  VIEW_MIN_COLS = 40,
  VIEW_MIN_ROWS = 12,
  VIEW_MAX_BUTTONS = 12,        /* The bar's, and the status line's.  */
  VIEW_MAX_BAR_ROWS = 2
};

/* Something to tap: a button of the bar, or a zone of the status line
   (Page Up, Page Down).  */
struct view_button
{
  int y;                        /* Its row.  */
  int x0, x1;                   /* Columns [x0, x1).  */
  enum action action;
};

struct view
{
  const struct profile *pf;     /* Borrowed.  */
  int cols, rows;               /* Terminal size.  */
  int body_y, body_rows, body_x, body_width;
  int status_y, bar_y;          /* BAR_ROWS rows of buttons from BAR_Y.  */
  int bar_rows;
  bool too_small;
  struct view_button buttons[VIEW_MAX_BUTTONS];
  int nbuttons;                 /* The first NBAR are the bar's.  */
  int nbar;
  /* The accessibility buttons, as the loop says (a11y.c): Listen (or
     Stop listening when speech is on), and A+ (A- at the largest text)
     on a console whose font can change.  */
  enum { VIEW_SPEECH_HIDDEN, VIEW_SPEECH_OFF, VIEW_SPEECH_ON } speech;
  bool text_size, text_largest;
};

void view_init (struct view *v, const struct profile *pf);
/* Reads the terminal size and places the screen's parts for S's language
   (the button bar takes one or two rows): the text area is BODY_WIDTH by
   BODY_ROWS (unless TOO_SMALL).  */
void view_fit (struct view *v, const struct session *s);
/* Draws into curses' buffer (the caller calls doupdate()): everything
   with FULL, else only what a scroll or a new selection changes (the
   text and the status line).  */
void view_draw (struct view *v, const struct session *s,
                const struct library *lib, bool full);
/* The action for a tap at (Y, X): a button, or a link (ACT_CLICK with
   *ARG the layout line); ACT_NONE elsewhere.  */
enum action view_hit (const struct view *v, const struct session *s, int y,
                      int x, long *arg);
/* The label of the button for action A as the bar shows it (translated),
   and the language it is in (*LANG: the interface's, or the other
   language's for the language button); NULL if no button does A.  */
const char *view_button_label (const struct view *v,
                               const struct session *s, enum action a,
                               const char **lang);

#endif /* MESOKIOSK_VIEW_H */
