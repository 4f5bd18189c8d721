/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* typo.c -- French typography, applied when a page is laid out.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "typo.h"
#include "xalloc.h"

#define NBSP "\xC2\xA0"

static bool
typo_is_word (ucs4_t uc)
{
  return uc_is_alnum (uc) || uc == ')' || uc == 0xBB /* » */;
}

/* The character that ends just before byte I of S, or 0.  */
static ucs4_t
typo_prev (const char *s, size_t i)
{
  const uint8_t *p;
  ucs4_t uc;

  if (i == 0)
    return 0;
  p = u8_prev (&uc, (const uint8_t *) s + i, (const uint8_t *) s);
  return p != NULL ? uc : 0;
}

static ucs4_t
typo_next (const char *s, size_t n, size_t i)
{
  ucs4_t uc;

  if (i >= n)
    return 0;
  u8_mbtouc (&uc, (const uint8_t *) s + i, n - i);
  return uc;
}

static bool
typo_is_space_or_end (ucs4_t uc)
{
  return uc == 0 || uc == ' ' || uc == '\n' || uc == 0xA0 || uc == 0xBB
         || uc == ')' || uc == '"';
}

bool
typo_is_french (const char *lang)
{
  return lang != NULL && lang[0] == 'f' && lang[1] == 'r'
         && (lang[2] == '\0' || lang[2] == '_');
}

char *
typo_french (const char *s, size_t n, size_t *outlen)
{
  char *out = NULL;
  size_t len = 0, cap = 0, i = 0;
  bool changed = false;

  /* Fast path: nothing to do without these signs.  */
  if (memchr (s, ':', n) == NULL && memchr (s, ';', n) == NULL
      && memchr (s, '!', n) == NULL && memchr (s, '?', n) == NULL
      && memmem (s, n, "\xC2\xAB", 2) == NULL
      && memmem (s, n, "\xC2\xBB", 2) == NULL)
    return NULL;
  out = xgrow (out, &cap, n + 16, 1);
  while (i < n)
    {
      ucs4_t uc;
      int clen = u8_mbtouc (&uc, (const uint8_t *) s + i, n - i);
      ucs4_t next = typo_next (s, n, i + clen);
      ucs4_t prev;
      bool insert = false;

      out = xgrow (out, &cap, len + clen + 8, 1);
      if (uc == ' ' && (next == ':' || next == ';' || next == '!'
                        || next == '?' || next == 0xBB))
        {
          /* "mot :" -> "mot\u00A0:"  */
          memcpy (out + len, NBSP, 2);
          len += 2;
          changed = true;
          i += clen;
          continue;
        }
      prev = typo_prev (s, i);
      if (typo_is_word (prev))
        switch (uc)
          {
          case ';':
          case '!':
          case '?':
            insert = typo_is_space_or_end (next) || next == '!'
                     || next == '?';
            break;
          case ':':
            /* Not in "12:30" nor in "http://".  */
            insert = !uc_is_digit (prev) && typo_is_space_or_end (next);
            break;
          case 0xBB:
            insert = true;
            break;
          default:
            break;
          }
      if (insert)
        {
          /* "mot:" -> "mot\u00A0:"  */
          memcpy (out + len, NBSP, 2);
          len += 2;
          changed = true;
        }
      memcpy (out + len, s + i, clen);
      len += clen;
      i += clen;
      if (uc == 0xAB /* « */)
        {
          if (next == ' ')
            i++;                /* Replace the space.  */
          if (next != 0xA0)
            {
              memcpy (out + len, NBSP, 2);
              len += 2;
              changed = true;
            }
        }
    }
  if (!changed)
    {
      free (out);
      return NULL;
    }
  out[len] = '\0';
  *outlen = len;
  return out;
}
