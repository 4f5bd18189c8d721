/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* history.h -- the back stack of a session.

   Each entry remembers a screen, the page it showed (by id, so going back
   after a language switch shows the page in the new language), and where
   the patient was on it.  The stack is bounded: when it is full, the
   entry in its middle is dropped, never the oldest (the way Home).
   It belongs to one session and dies with it.  No curses.  */

#ifndef MESOKIOSK_HISTORY_H
#define MESOKIOSK_HISTORY_H

#include <stdint.h>

enum { HISTORY_MAX = 64 };

enum { HISTORY_LANG_MAX = 8 };

struct history_entry
{
  int screen;                   /* enum screen_id.  */
  char *page_id;                /* Owned, or NULL.  */
  char lang[HISTORY_LANG_MAX];  /* The patient's language then.  */
  bool back_to_lang;            /* Back returns to LANG too (a search
                                   result opened in another language).  */
  uint32_t anchor_block, anchor_offset;
  int32_t selected;             /* Selected link, or -1.  */
};

struct history
{
  struct history_entry items[HISTORY_MAX];
  size_t n;
};

void history_init (struct history *h);
void history_done (struct history *h);
/* Pushes a copy of E (the page id is copied).  */
void history_push (struct history *h, const struct history_entry *e);
/* Pops the last entry into *E (the caller frees E->page_id); returns
   false if the stack is empty.  */
bool history_pop (struct history *h, struct history_entry *e);
/* The last entry, left on the stack, or NULL if it is empty.  */
const struct history_entry *history_top (const struct history *h);

#endif /* MESOKIOSK_HISTORY_H */
