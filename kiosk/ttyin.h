/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* ttyin.h -- the bytes a terminal sends, decoded into keys and taps.

   The kiosk reads its terminal itself, one non-blocking read() per
   wake-up of its poll(), and hands the bytes to a decoder: characters
   (UTF-8, or the locale's charset), keys (sequences from the terminal's
   description, added by the caller, and the common ones of xterm, the
   Linux console, vt100 and screen), and mouse reports in the X10
   (ESC [ M b x y) and SGR (ESC [ < b ; x ; y M) encodings.  A sequence
   still incomplete when no byte came for the decoder's delay times out
   into plain keys: Escape, then the bytes after it as they are.  So no
   input, complete or not, ever makes the kiosk wait for more: the caller
   asks ttyin_timeout() how long it may sleep.

   Time is passed in (seconds on any monotonic clock), so tests need no
   terminal and no clock.  The decoder holds at most TTYIN_BUFFER bytes;
   ttyin_room() says how many it can take.  No curses here.  */

#ifndef MESOKIOSK_TTYIN_H
#define MESOKIOSK_TTYIN_H

#include "action.h"

enum
{
  TTYIN_BUFFER = 512,           /* Bytes held at most.  */
  TTYIN_SEQ_MAX = 64,           /* Longest escape sequence taken whole.  */
  TTYIN_MAX_KEYS = 192          /* Sequences in the key table.  */
};

enum ttyin_kind
{
  TTYIN_KEY,
  TTYIN_MOUSE
};

/* The low bits of a mouse report's button: what xterm sends.  */
enum
{
  TTYIN_BUTTON_LEFT = 0,
  TTYIN_BUTTON_MIDDLE = 1,
  TTYIN_BUTTON_RIGHT = 2,
  TTYIN_BUTTON_NONE = 3,        /* X10: a release (of which, unknown).  */
  TTYIN_WHEEL = 64,             /* Plus 0 up, 1 down, 2 left, 3 right.  */
  TTYIN_MOTION = 32,
  TTYIN_EXTRA = 128             /* Buttons 8 to 11.  */
};

struct ttyin_event
{
  enum ttyin_kind kind;
  struct input in;              /* TTYIN_KEY.  */
  unsigned button;              /* TTYIN_MOUSE: the button code without
                                   the modifier bits (4, 8, 16).  */
  bool release;                 /* A release (SGR 'm', X10 button 3).  */
  int y, x;                     /* 0-based; may be outside the screen.  */
};

struct ttyin;

/* A decoder of UTF-8 text (UTF8), or of the locale's charset through
   mbrtowc() otherwise; DELAY is the seconds an incomplete sequence waits
   for the rest.  */
struct ttyin *ttyin_new (bool utf8, double delay);
void ttyin_free (struct ttyin *t);

/* Adds the sequence SEQ for KEY (a terminfo string); a sequence already
   in the table keeps its first key.  Returns false if the table is full
   or SEQ is not an escape sequence of at most TTYIN_SEQ_MAX bytes.  */
bool ttyin_add_key (struct ttyin *t, const char *seq, enum input_key key);
/* Adds the sequences common terminals send, after the caller's own.  */
void ttyin_add_defaults (struct ttyin *t);

/* How many bytes ttyin_feed() can take now.  */
size_t ttyin_room (const struct ttyin *t);
/* Adds the N bytes at BUF (at most ttyin_room()), read at NOW.  */
void ttyin_feed (struct ttyin *t, const void *buf, size_t n, double now);
/* Takes the next event at NOW into *EV; returns false if there is none
   yet (no bytes, or an incomplete sequence still within its delay).
   Bytes that decode to nothing (invalid ones) are dropped.  */
bool ttyin_next (struct ttyin *t, double now, struct ttyin_event *ev);
/* Milliseconds from NOW until an incomplete sequence times out (0: it
   has), or -1 if nothing waits.  */
int ttyin_timeout (const struct ttyin *t, double now);
/* Forgets every byte held.  */
void ttyin_clear (struct ttyin *t);

#endif /* MESOKIOSK_TTYIN_H */
