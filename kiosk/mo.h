/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* mo.h -- a compiled message catalog (.mo), read without gettext.

   A clinic's interface translation lives in its own directory, beside
   the shipped catalog, and gettext binds one directory per text domain:
   so the kiosk reads the clinic's mesokiosk.mo itself.  mo_parse()
   checks the file (GNU .mo format, either byte order, translations in
   UTF-8), keeps a copy, and drops each translation that is not valid
   UTF-8 or holds a control or invisible character (utf8_check()), so
   nothing from the file can act on the terminal.  Lookups are a binary
   search over the sorted messages.  Plural forms follow the catalog's
   Plural-Forms header (the C subset gettext knows).  No curses here.  */

#ifndef MESOKIOSK_MO_H
#define MESOKIOSK_MO_H

#include <stddef.h>

enum { MO_MAX_SIZE = 8 * 1024 * 1024 };        /* Bytes in one catalog.  */

struct mo;

/* Reads the LEN bytes at BUF (copied) as a .mo file.  Returns the
   catalog (caller frees with mo_free()), or NULL with *ERR set to why
   (translated; a static string).  *DROPPED counts the translations left
   out as unsafe to show.  */
struct mo *mo_parse (const char *buf, size_t len, const char **err,
                     size_t *dropped);
void mo_free (struct mo *mo);

/* The number of translated messages (the header left out).  */
size_t mo_count (const struct mo *mo);
/* True if the catalog's Plural-Forms header could not be read: its
   plural messages are then left out.  */
bool mo_plural_broken (const struct mo *mo);

/* The translation of KEY (a msgid, or msgctxt "\004" msgid), or NULL.
   Valid until mo_free().  */
const char *mo_lookup (const struct mo *mo, const char *key);
/* The translation of the plural message MSGID1 for the number N, or
   NULL.  */
const char *mo_lookup_plural (const struct mo *mo, const char *msgid1,
                              unsigned long n);

/* Evaluates the plural expression EXPR (the text after "plural=") for
   N into *FORM; false if it is not an expression gettext would read
   (or divides by zero).  */
bool mo_plural_eval (const char *expr, unsigned long n, unsigned long *form);

#endif /* MESOKIOSK_MO_H */
