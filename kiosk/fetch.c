/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* fetch.c -- reading what the session needs, between its transitions.  */

#include "system.h"

#include "fetch.h"

void
fetch_fill (struct session *s, struct library *lib)
{
  while (session_fill (s) && library_supply (lib, session_need (s)))
    continue;
}

enum result
fetch_handle (struct session *s, struct library *lib, enum action a,
              long arg)
{
  enum result r;

  while ((r = session_handle (s, a, arg)) == RESULT_NEED)
    if (!library_supply (lib, session_need (s)))
      {
        /* Nothing more can be read: the action cannot be done.  */
        r = RESULT_IGNORED;
        break;
      }
  fetch_fill (s, lib);
  return r;
}

enum result
fetch_resize (struct session *s, struct library *lib, unsigned width,
              unsigned rows)
{
  enum result r = session_resize (s, width, rows);

  fetch_fill (s, lib);
  return r;
}

enum result
fetch_set_library (struct session *s, struct library *lib)
{
  enum result r;

  while ((r = session_set_library (s, lib)) == RESULT_NEED)
    if (!library_supply (lib, session_need (s)))
      break;
  fetch_fill (s, lib);
  return RESULT_FULL;
}

bool
fetch_prepare (struct session *s, struct library *lib)
{
  bool did = false;

  while (session_prepare (s))
    {
      const struct need *n = session_need (s);

      did = true;
      if (n->kind != NEED_NOTHING && !library_supply (lib, n))
        break;
    }
  return did;
}

struct layout *
fetch_layout (struct library *lib, const struct page *p,
              const struct layout_options *o, struct screens_labels *labels)
{
  struct layout *l;

  labels->need.kind = NEED_NOTHING;
  l = layout_page (p, o);
  while (!l->complete && l->waiting && library_supply (lib, &labels->need))
    {
      labels->need.kind = NEED_NOTHING;
      layout_more (l, p, o, SIZE_MAX);
    }
  return l;
}

void
fetch_complete (struct session *s, struct library *lib)
{
  while (session_complete (s) && library_supply (lib, session_need (s)))
    continue;
}
