/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* term.h -- the terminal: set up, read, and always restored.

   term_init() starts curses on the process's terminal with newterm(), so
   an unknown TERM falls back to vt100 instead of exiting; kiosk mode uses
   raw() so that Ctrl-C, Ctrl-\, Ctrl-Z and Ctrl-S are ordinary keys.
   Input does not go through curses: term_fill() reads what the terminal
   sent, once, without waiting, and says when the terminal is gone (end
   of file, an error); term_read() decodes it (ttyin.c) into model input
   (struct input) and taps.  An incomplete sequence waits at most
   term_input_timeout() milliseconds, then becomes plain keys.  A fatal signal restores the saved terminal modes before the
   program dies, so a crash never leaves the terminal unusable.  */

#ifndef MESOKIOSK_TERM_H
#define MESOKIOSK_TERM_H

#include "action.h"
#include "translit.h"

enum term_event_kind
{
  TEV_NONE,
  TEV_KEY,
  TEV_RESIZE,
  TEV_MOUSE
};

enum term_button
{
  TB_PRESS,             /* The left button (a finger) goes down, */
  TB_DRAG,              /* moves while down, */
  TB_RELEASE,           /* and goes up: kiosk/gesture.h makes a tap or
                           a drag of them.  */
  TB_WHEEL_UP,
  TB_WHEEL_DOWN
};

struct term_event
{
  enum term_event_kind kind;
  struct input in;              /* TEV_KEY.  */
  int y, x;                     /* TEV_MOUSE.  */
  enum term_button button;      /* TEV_MOUSE.  */
};

struct term_info
{
  const char *name;             /* The terminal type in use.  */
  bool fallback;                /* TERM was unknown: NAME is vt100.  */
  bool colour;
  bool mouse;
  enum charset charset;
};

/* Sets the terminal up.  FORCE_ASCII draws ASCII only.  On failure returns
   false with a message in *ERR (static).  */
bool term_init (bool kiosk, bool force_ascii, bool plain,
                struct term_info *info, const char **err);
/* Restores the terminal; safe to call twice.  */
void term_done (void);
/* Calls FN (async-signal-safe; NULL: none) when a fatal signal ends the
   program, before the terminal is restored: the console's font goes
   back (console.h).  */
void term_on_fatal (void (*fn) (void));
enum term_input
{
  TERM_INPUT_OK,                /* Read what there was (maybe nothing).  */
  TERM_INPUT_GONE               /* End of file or an error: the terminal
                                   is gone.  */
};

/* Reads what the terminal sent at NOW (monotonic seconds), without
   waiting; call it when poll() says the terminal is readable.  */
enum term_input term_fill (double now);
/* Takes the next event read, at NOW; returns false if there is none.  */
bool term_read (struct term_event *ev, double now);
/* Milliseconds until an incomplete sequence read times out, or -1.  */
int term_input_timeout (double now);
/* The socket where gpm's events come when ncurses is gpm's client (the
   Linux console with gpm running), or -1; the loop polls it too, and
   calls term_gpm_fill() when it is ready, which reads one of its events
   for term_read().  */
int term_gpm_fd (void);
void term_gpm_fill (double now);
/* gpm's socket hung up or failed: it is not polled again.  */
void term_gpm_drop (void);
/* After SIGWINCH: takes the terminal's new size; returns true with a
   TEV_RESIZE in *EV if it changed.  */
bool term_resize (struct term_event *ev);

#endif /* MESOKIOSK_TERM_H */
