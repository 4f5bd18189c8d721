/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* typo.h -- French typography, applied when a page is laid out.

   French puts a no-break space before ; : ! ? and inside « », so that the
   sign never starts a line alone.  Staff type ordinary spaces (or none);
   typo_french() turns them into no-break spaces (U+00A0, which every
   console font has), and inserts one where it is missing and safe
   ("Attention:" but not "12:30" or "http://").  No curses here.  */

#ifndef MESOKIOSK_TYPO_H
#define MESOKIOSK_TYPO_H

#include <stddef.h>

/* True if text in LANG ("fr", "fr_CA"...) takes French spacing.  */
bool typo_is_french (const char *lang);

/* Returns a malloc'd copy of the N bytes at S with French spacing and
   sets *OUTLEN, or returns NULL if nothing changes.  */
char *typo_french (const char *s, size_t n, size_t *outlen);

#endif /* MESOKIOSK_TYPO_H */
