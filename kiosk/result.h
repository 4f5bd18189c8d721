/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* result.h -- what a transition of the session did, as one typed enum.

   Every transition (session_handle(), a resize, a new library, the idle
   countdown, and the viewport's moves under them) returns one of these.
   They are ordered: where a transition does two things (a message taken
   down, then a scroll), result_max() keeps the one that asks for more.
   RESULT_NEED is apart: the transition is not done and changed nothing
   that a second try would not change the same way; the caller reads what
   session_need() says and calls it again (fetch.c).  No curses here.  */

#ifndef MESOKIOSK_RESULT_H
#define MESOKIOSK_RESULT_H

enum result
{
  RESULT_IGNORED,       /* Nothing changed: nothing to draw.  */
  RESULT_BODY,          /* The scroll or the selection changed: draw the
                           text and the status line.  */
  RESULT_FULL,          /* The screen, the page or a message changed:
                           draw everything.  */
  RESULT_LANGUAGE,      /* As FULL, and the patient's language changed:
                           the loop makes it the interface language.  */
  RESULT_RELOAD,        /* As FULL, and staff asked to read the content
                           again.  */
  RESULT_QUIT,          /* The patient or staff asked to quit.  */
  RESULT_NEED           /* Not done yet: supply session_need(), then try
                           again.  */
};

/* The result of doing A, then B (neither RESULT_NEED).  */
static inline enum result
result_max (enum result a, enum result b)
{
  return a > b ? a : b;
}

/* How much of the screen R asks to redraw: RESULT_IGNORED, RESULT_BODY
   or RESULT_FULL.  */
static inline enum result
result_redraw (enum result r)
{
  return r == RESULT_NEED ? RESULT_IGNORED
         : r > RESULT_FULL ? RESULT_FULL : r;
}

#endif /* MESOKIOSK_RESULT_H */
