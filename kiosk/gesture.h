/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* gesture.h -- a finger on a touch screen: a tap, or a drag that scrolls.

   Touch screens (and mice) report a press, moves while pressed, and a
   release.  A gesture is a tap when the finger did not move between the
   press and the release: it acts on the release, where it was pressed.
   Once the finger has moved (a row, or a few columns), it is a drag: each
   move scrolls by the rows moved (finger up, the text goes up: what is
   below comes into view), and the release does nothing, so a drag never
   opens a link.  Pure: the loop feeds it the terminal's reports.  No
   curses here.  */

#ifndef MESOKIOSK_GESTURE_H
#define MESOKIOSK_GESTURE_H

enum gesture_out
{
  GESTURE_NONE,         /* Nothing to do (yet).  */
  GESTURE_TAP,          /* A tap at (Y, X).  */
  GESTURE_SCROLL        /* Scroll DELTA rows (> 0: show what is below).  */
};

/* Columns a finger may wander and still tap.  */
enum { GESTURE_SLOP_COLS = 2 };

struct gesture
{
  bool down;            /* A press not released yet.  */
  bool moved;           /* It has become a drag.  */
  int y0, x0;           /* Where it was pressed.  */
  int last_y;           /* Where the last scroll left it.  */
};

void gesture_init (struct gesture *g);
/* The finger is down at (Y, X) (a new press forgets a press that was never
   released).  */
enum gesture_out gesture_press (struct gesture *g, int y, int x);
/* The finger moved to (Y, X), still down; a drag sets *DELTA.  */
enum gesture_out gesture_move (struct gesture *g, int y, int x, int *delta);
/* The finger is up at (Y, X): a tap (it never moved) sets *TY, *TX to
   where it was pressed.  Where the report of a release carries a place,
   call gesture_move() with it first, for the last stretch of a drag.  */
enum gesture_out gesture_release (struct gesture *g, int y, int x, int *ty,
                                  int *tx);

#endif /* MESOKIOSK_GESTURE_H */
