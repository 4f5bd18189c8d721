/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* field.c -- a line of text typed into a field.  */

#include "system.h"

#include <string.h>
#include <unistr.h>

#include "field.h"
#include "utf8.h"

void
field_init (struct field *f, size_t max)
{
  f->max = max < FIELD_MAX ? max : FIELD_MAX;
  field_clear (f);
}

bool
field_add (struct field *f, uint32_t uc)
{
  size_t n = strlen (f->text), off;
  uint8_t buf[6];
  uint32_t bad;
  int len;

  if (uc > 0x10FFFF)
    return false;
  len = u8_uctomb (buf, (ucs4_t) uc, (int) sizeof buf);
  if (len <= 0 || n + (size_t) len > f->max
      || utf8_check ((const char *) buf, (size_t) len, false, &off, &bad)
           != UTF8_OK)
    return false;
  memcpy (f->text + n, buf, (size_t) len);
  f->text[n + (size_t) len] = '\0';
  return true;
}

bool
field_erase (struct field *f)
{
  size_t n = strlen (f->text);
  const uint8_t *prev;
  ucs4_t uc;

  if (n == 0)
    return false;
  prev = u8_prev (&uc, (const uint8_t *) f->text + n,
                  (const uint8_t *) f->text);
  n = prev != NULL ? (size_t) (prev - (const uint8_t *) f->text) : 0;
  explicit_bzero (f->text + n, sizeof f->text - n);
  return true;
}

void
field_clear (struct field *f)
{
  explicit_bzero (f->text, sizeof f->text);
}

size_t
field_len (const struct field *f)
{
  return strlen (f->text);
}
