/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* loop.h -- the one event loop of the kiosk.

   It waits with poll() on the terminal and the signal pipe (no busy
   polling: an idle kiosk sleeps until something happens), turns input
   into actions for the session, redraws what the session says changed,
   and reads the rest of the library in the gaps between keys.  */

#ifndef MESOKIOSK_LOOP_H
#define MESOKIOSK_LOOP_H

#include <stdio.h>

#include "library.h"
#include "profile.h"
#include "session.h"
#include "a11y.h"
#include "gesture.h"
#include "view.h"

struct app
{
  struct library *lib;          /* Owned.  */
  struct session *session;      /* Owned.  */
  struct profile profile;       /* The one copy: all others borrow it.  */
  struct session_config scfg;
  struct view view;
  struct gesture gesture;       /* A finger on the screen, if any.  */
  const char *const *layers;    /* Content directories, for reloads.  */
  size_t nlayers;
  uint32_t require;
  FILE *trace;                  /* Test trace (MESOKIOSK_TRACE), or NULL.  */
  unsigned long events, frames;
  unsigned idle;                /* Seconds before "Still there?"; 0: never.  */
  unsigned countdown;           /* Seconds of "Still there?".  */
  double last_input;            /* When the last input came (monotonic).  */
  struct pin_guard guard;       /* Outlives sessions.  */
  struct a11y a11y;             /* Speech and text size (a11y.h).  */
};

/* The length of the "Still there?" countdown for an idle time: a quarter
   of it, from 1 to 15 seconds.  */
unsigned loop_countdown (unsigned idle);

/* Runs until the patient quits or a signal ends it; returns the exit
   status.  The terminal must be set up.  */
int loop_run (struct app *app, int signal_fd);

/* Reads the terminal's size and gives the text area to the session.  */
enum result loop_fit (struct app *app);
/* A line of the test trace (MESOKIOSK_TRACE), if there is one.  */
void loop_trace (struct app *app, const char *fmt, ...) ATTR_PRINTF (2, 3);
/* Monotonic seconds.  */
double loop_now (void);

/* Called after each frame reaches the terminal (benchmarks break here).  */
void loop_frame_drawn (unsigned long frame);

#endif /* MESOKIOSK_LOOP_H */
