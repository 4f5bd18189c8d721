/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* need.h -- what the session asks the library for, as data.

   The session, its screens and its viewport never read a file: they see
   the library through a const pointer and its peek functions
   (library_peek()), which read nothing.  When a transition needs what is
   not read yet (the page a link leads to, the title of a link's page, the
   search index), it describes it in a struct need, changes nothing, and
   returns RESULT_NEED; library_supply() reads it, and the transition is
   tried again (fetch.c).  No curses here.  */

#ifndef MESOKIOSK_NEED_H
#define MESOKIOSK_NEED_H

enum need_kind
{
  NEED_NOTHING,
  NEED_HEADER,          /* At least the title of page ID in LANG.  */
  NEED_PAGE,            /* All of page ID in LANG.  */
  NEED_INDEX            /* The search index (every page read).  */
};

struct need
{
  enum need_kind kind;
  const char *id;       /* Borrowed: valid until the session's next
                           transition.  */
  const char *lang;     /* Borrowed, as ID.  */
};

#endif /* MESOKIOSK_NEED_H */
