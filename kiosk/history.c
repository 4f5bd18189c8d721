/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* history.c -- the back stack of a session.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "xalloc.h"

void
history_init (struct history *h)
{
  h->n = 0;
}

void
history_done (struct history *h)
{
  for (size_t i = 0; i < h->n; i++)
    free (h->items[i].page_id);
  h->n = 0;
}

void
history_push (struct history *h, const struct history_entry *e)
{
  if (h->n == HISTORY_MAX)
    {
      /* Full: the entry in the middle goes.  The oldest are the way
         Home (the language choice, Home, the first pages), the newest
         where the patient just was: Back keeps going both ways.  */
      size_t mid = HISTORY_MAX / 2;

      free (h->items[mid].page_id);
      memmove (h->items + mid, h->items + mid + 1,
               (HISTORY_MAX - mid - 1) * sizeof *h->items);
      h->n--;
    }
  h->items[h->n] = *e;
  h->items[h->n].page_id = e->page_id != NULL ? xstrdup (e->page_id) : NULL;
  h->n++;
}

bool
history_pop (struct history *h, struct history_entry *e)
{
  if (h->n == 0)
    return false;
  *e = h->items[--h->n];
  return true;
}

const struct history_entry *
history_top (const struct history *h)
{
  return h->n > 0 ? &h->items[h->n - 1] : NULL;
}
