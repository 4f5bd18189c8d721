/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* field.h -- a line of text typed into a field: the search box, the PIN.

   Characters are added at the end and erased from it, a whole character
   at a time (UTF-8); a field never holds more than its size, nor a
   control or an invisible character, so what is typed can be drawn and
   searched as it is.  Clearing a field wipes its bytes (a PIN must not
   stay in memory).  No curses here.  */

#ifndef MESOKIOSK_FIELD_H
#define MESOKIOSK_FIELD_H

#include <stddef.h>
#include <stdint.h>

enum { FIELD_MAX = 64 };        /* Bytes of text, at most.  */

struct field
{
  char text[FIELD_MAX + 1];     /* UTF-8, NUL-terminated.  */
  size_t max;                   /* Bytes it may hold (<= FIELD_MAX).  */
};

/* An empty field of MAX bytes at most.  */
void field_init (struct field *f, size_t max);
/* Adds character UC; false (and no change) if it is not a character, is
   a control or invisible, or does not fit.  */
bool field_add (struct field *f, uint32_t uc);
/* Erases the last character; false if the field is empty.  */
bool field_erase (struct field *f);
/* Empties the field, wiping what it held.  */
void field_clear (struct field *f);
/* The bytes of text, and whether there are none.  */
size_t field_len (const struct field *f);

#endif /* MESOKIOSK_FIELD_H */
