/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* gesture.c -- a finger on a touch screen: a tap, or a drag that
   scrolls.  */

#include "system.h"

#include <stdlib.h>

#include "gesture.h"

void
gesture_init (struct gesture *g)
{
  g->down = false;
  g->moved = false;
  g->y0 = g->x0 = g->last_y = 0;
}

enum gesture_out
gesture_press (struct gesture *g, int y, int x)
{
  g->down = true;
  g->moved = false;
  g->y0 = g->last_y = y;
  g->x0 = x;
  return GESTURE_NONE;
}

enum gesture_out
gesture_move (struct gesture *g, int y, int x, int *delta)
{
  *delta = 0;
  if (!g->down)
    return GESTURE_NONE;
  if (y != g->y0 || abs (x - g->x0) > GESTURE_SLOP_COLS)
    g->moved = true;
  if (!g->moved || y == g->last_y)
    return GESTURE_NONE;
  /* The finger went up: the text follows it, what is below shows.  */
  *delta = g->last_y - y;
  g->last_y = y;
  return GESTURE_SCROLL;
}

enum gesture_out
gesture_release (struct gesture *g, int y, int x, int *ty, int *tx)
{
  if (!g->down)
    return GESTURE_NONE;
  g->down = false;
  if (g->moved || y != g->y0 || abs (x - g->x0) > GESTURE_SLOP_COLS)
    return GESTURE_NONE;        /* A drag: never a tap.  */
  *ty = g->y0;
  *tx = g->x0;
  return GESTURE_TAP;
}
