/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* translit.h -- text for terminals that cannot show every character.

   CHARSET_UTF8 shows everything.  CHARSET_LATIN is for the Linux console,
   whose fonts hold Latin-1, Latin Extended-A, common punctuation, arrows
   and box drawing but not, for example, CJK or symbols.  CHARSET_ASCII is
   for non-UTF-8 locales and serial terminals.  Characters outside the
   charset are written as their closest ASCII (é -> e, œ -> oe, « -> "),
   using Unicode decompositions from libunistring and a short table for
   letters that have none.  No-break spaces are kept (layout needs them
   and turns them into spaces at the end).  No curses here.  */

#ifndef MESOKIOSK_TRANSLIT_H
#define MESOKIOSK_TRANSLIT_H

#include <stddef.h>

enum charset
{
  CHARSET_UTF8,
  CHARSET_LATIN,
  CHARSET_ASCII
};

/* Returns a malloc'd copy of the N bytes at S (valid UTF-8) that uses only
   characters of CS, and sets *OUTLEN; returns NULL if S needs no change.  */
char *translit (const char *s, size_t n, enum charset cs, size_t *outlen);

/* Returns a malloc'd NUL-terminated copy of S for CS (never NULL).  */
char *translit_dup (const char *s, enum charset cs);

#endif /* MESOKIOSK_TRANSLIT_H */
