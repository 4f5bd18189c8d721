/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* test-gesture.c -- taps and drags on a touch screen.  */

#include "system.h"

#include "gesture.h"
#include "unit.h"

static void
test_tap (void)
{
  struct gesture g;
  int y = -1, x = -1, d;

  gesture_init (&g);
  CHECK_INT (gesture_press (&g, 5, 10), GESTURE_NONE);
  /* A finger wanders a column or two: still a tap, where it was pressed.  */
  CHECK_INT (gesture_move (&g, 5, 11, &d), GESTURE_NONE);
  CHECK_INT (gesture_release (&g, 5, 12, &y, &x), GESTURE_TAP);
  CHECK_INT (y, 5);
  CHECK_INT (x, 10);
  /* A release with no press (a lost report) is nothing.  */
  CHECK_INT (gesture_release (&g, 5, 10, &y, &x), GESTURE_NONE);
  /* A press never released, then another: the second is the gesture.  */
  gesture_press (&g, 1, 1);
  gesture_press (&g, 8, 20);
  CHECK_INT (gesture_release (&g, 8, 20, &y, &x), GESTURE_TAP);
  CHECK_INT (y, 8);
}

static void
test_drag (void)
{
  struct gesture g;
  int y, x, d;

  gesture_init (&g);
  gesture_press (&g, 10, 10);
  /* Up three rows, one at a time: the text follows, three rows down the
     page; then back one.  */
  CHECK_INT (gesture_move (&g, 9, 10, &d), GESTURE_SCROLL);
  CHECK_INT (d, 1);
  CHECK_INT (gesture_move (&g, 7, 10, &d), GESTURE_SCROLL);
  CHECK_INT (d, 2);
  CHECK_INT (gesture_move (&g, 7, 11, &d), GESTURE_NONE);
  CHECK_INT (gesture_move (&g, 8, 11, &d), GESTURE_SCROLL);
  CHECK_INT (d, -1);
  /* Back where it started: still a drag, the release opens nothing.  */
  gesture_move (&g, 10, 10, &d);
  CHECK_INT (gesture_release (&g, 10, 10, &y, &x), GESTURE_NONE);
  /* Sideways past the slop: not a tap either, and no scroll.  */
  gesture_press (&g, 4, 4);
  CHECK_INT (gesture_move (&g, 4, 4 + GESTURE_SLOP_COLS + 1, &d),
             GESTURE_NONE);
  CHECK_INT (gesture_release (&g, 4, 4, &y, &x), GESTURE_NONE);
  /* A release far from the press, with no move reported between: a
     drag, not a tap.  */
  gesture_press (&g, 4, 4);
  CHECK_INT (gesture_release (&g, 12, 4, &y, &x), GESTURE_NONE);
  /* Moves with no finger down do nothing.  */
  CHECK_INT (gesture_move (&g, 1, 1, &d), GESTURE_NONE);
}

int
main (void)
{
  RUN (test_tap);
  RUN (test_drag);
  return unit_done ();
}
