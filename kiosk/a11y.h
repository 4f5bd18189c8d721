/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* a11y.h -- speech and larger text, wired to the event loop.

   For patients who cannot read the screen: the kiosk reads aloud, in
   the language of each text, through a voice (voice.h) that the loop
   polls and never waits for; what it reads comes from the screen's
   layout (speech.h), in the order of a reader (reader.h).  A page is
   read from its title on when it opens; a link is said when it is
   selected, a button when it is tapped; any key stops the voice at
   once; the listen key (F12, or the speech_key setting) turns speech on
   and then reads on from where it stopped, the screen following the
   sentence read (highlighted, scrolled into view).  The patient can
   make it faster, slower, louder and quieter.  The "Still there?"
   countdown rings the terminal's bell and is said.

   For patients with poor eyesight, on the Linux console: A+ and A-
   (the + and - keys, and a button) load a larger console font
   (textsize.h, console.h); the layout follows at once, as after a
   resize.

   Everything a patient changes here (speech on, rate, volume, text
   size) is part of the visit: a11y_reset() forgets it with the session.
   With speech off nothing of the speech synthesiser is started or
   loaded; off a console, no font is read.  This is the view's side: it
   rings the bell and resizes curses.  */

#ifndef MESOKIOSK_A11Y_H
#define MESOKIOSK_A11Y_H

#include "action.h"
#include "reader.h"
#include "result.h"
#include "session.h"
#include "textsize.h"
#include "voice.h"

struct app;
struct console;
struct settings;
struct term_info;

struct a11y
{
  /* The staff's settings, for the whole run.  */
  unsigned mode;                /* enum speech_mode.  */
  enum input_key listen_key;    /* The speech_key setting, or IK_NONE.  */
  uint32_t listen_char;         /* With IK_CHAR.  */
  unsigned rate0, volume0;      /* At the start of a visit.  */
  enum textsize_size size0;     /* Text size a visit starts with.  */
  const char *helper;           /* The speech helper's path.  */
  const char *log;              /* MESOKIOSK_SPEECH_LOG, or NULL.  */
  unsigned pace;                /* MESOKIOSK_SPEECH_PACE, milliseconds.  */

  /* The visit's.  */
  bool on;                      /* Speech is on.  */
  struct reader reader;
  struct voice *voice;          /* Owned, while speech is on.  */
  bool failed;                  /* The voice could not speak: said once.  */
  const char *tapped;           /* A button's label to say first, and its
                                   language (borrowed, valid until the
                                   action is done).  */
  const char *tapped_lang;
  bool by_tap;                  /* The action came from a tap.  */
  bool pause;                   /* The listen key came while speaking.  */
  unsigned idle_shown;          /* The countdown, as last announced.  */

  /* What the screen showed when last looked at, to tell what changed.  */
  const struct page *page;
  const struct layout *layout;
  size_t nlines;
  int selected;
  enum screen_id screen;

  /* Larger text (Linux console only).  */
  struct console *console;      /* Owned, or NULL: not offered.  */
  struct textsize size;
};

/* Reads the settings and the environment; finds out whether the
   terminal is a console whose font can change (TI).  Starts nothing.  */
void a11y_init (struct app *app, const struct settings *set,
                const struct term_info *ti);
/* After the first fit: the start text size, and speech if it is always
   on.  */
void a11y_start (struct app *app);
/* Stops speech and gives the console its font back.  */
void a11y_done (struct app *app);

/* The action for input IN, which the key table mapped to A: the speech
   key of the settings is the listen key too.  */
enum action a11y_key (const struct app *app, const struct input *in,
                      enum action a);
/* A tap made action A (ACT_NONE: it hit nothing): a button's label is
   said before what it leads to.  */
void a11y_tapped (struct app *app, enum action a);
/* Before action A: any key stops the voice.  */
void a11y_before (struct app *app, enum action a);
/* After action A (done by the session): the speech and text size
   actions, and what is said of what changed.  Returns what to redraw.  */
enum result a11y_after (struct app *app, enum action a);
/* After a resize or a new library: the reading keeps its place.  */
void a11y_refresh (struct app *app);

/* The voice's descriptor for poll() (-1: none), and what to do when it
   is readable.  */
int a11y_fd (const struct app *app);
enum result a11y_voice (struct app *app);

/* The "Still there?" countdown shows LEFT seconds.  */
void a11y_countdown (struct app *app, unsigned left);
/* A new visit: speech as the settings say, rate, volume and text size
   as at the start.  */
void a11y_reset (struct app *app);

#endif /* MESOKIOSK_A11Y_H */
