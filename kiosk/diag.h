/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* diag.h -- problems found in content and settings, kept as data.

   Loaders never print: they append a struct diag to a diag_list, and
   loading goes on.  One printer writes them in the GNU format
   "file:line:column: error: message" (1-based line and column, columns
   count characters), optionally followed by the source line and a caret,
   so editors can jump to the place.  The printer escapes control and
   invisible characters, so nothing from a file can act on a terminal.  */

#ifndef MESOKIOSK_DIAG_H
#define MESOKIOSK_DIAG_H

#include <stdio.h>

enum diag_severity
{
  DIAG_WARNING,
  DIAG_ERROR,
  DIAG_NOTE             /* Says something about other diags; not counted.  */
};

struct diag
{
  char *file;                   /* Owned; may be NULL.  */
  unsigned line, col;           /* 1-based; 0 when unknown.  */
  enum diag_severity sev;
  char *msg;                    /* Owned.  */
  char *source;                 /* Owned copy of the source line, or NULL.  */
};

struct diag_list
{
  struct diag *items;           /* Owned, with everything they point to.  */
  size_t n, cap;
  size_t nerrors, nwarnings;
};

void diag_list_init (struct diag_list *l);
void diag_list_done (struct diag_list *l);
/* Moves every diag of SRC to the end of DST; SRC is left empty.  */
void diag_list_take (struct diag_list *dst, struct diag_list *src);

/* Appends a diag and returns it (valid until the next append).  */
struct diag *diag_add (struct diag_list *l, enum diag_severity sev,
                       const char *file, unsigned line, unsigned col,
                       const char *fmt, ...) ATTR_PRINTF (6, 7);
/* Counts a problem of SEV without keeping it (one past a cap): the
   counts stay true, and loaders that compare them still see it.  */
void diag_count (struct diag_list *l, enum diag_severity sev);
/* Attaches a copy of the LEN bytes at SRC as D's source line.  */
void diag_set_source (struct diag *d, const char *src, size_t len);

/* Prints D in GNU format; with CONTEXT, also its source line and a caret.  */
void diag_print (FILE *f, const struct diag *d, bool context);
void diag_list_print (FILE *f, const struct diag_list *l, bool context);

#endif /* MESOKIOSK_DIAG_H */
