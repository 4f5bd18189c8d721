/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* utf8.c -- checks and measures UTF-8 text, through libunistring.  */

#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "utf8.h"
#include "xalloc.h"

/* Decodes one character; returns its length, or -1 for an invalid byte.  */
static int
utf8_next (const char *s, size_t n, ucs4_t *uc)
{
  int len = u8_mbtoucr (uc, (const uint8_t *) s, n);

  if (len < 0)
    {
      *uc = (unsigned char) s[0];
      return -1;
    }
  return len;
}

static enum utf8_problem
utf8_classify (ucs4_t uc, bool allow_newline)
{
  if (uc < 0x80)
    {
      if (uc == '\n' && allow_newline)
        return UTF8_OK;
      return uc < 0x20 || uc == 0x7f ? UTF8_CONTROL : UTF8_OK;
    }
  if (uc_is_general_category (uc, UC_CATEGORY_Cc))
    return UTF8_CONTROL;
  if (uc_is_general_category (uc, UC_CATEGORY_Cf)
      || uc_is_general_category (uc, UC_CATEGORY_Zl)
      || uc_is_general_category (uc, UC_CATEGORY_Zp))
    return UTF8_INVISIBLE;
  return UTF8_OK;
}

enum utf8_problem
utf8_check (const char *s, size_t n, bool allow_newline, size_t *off,
            uint32_t *uc)
{
  size_t i = 0;

  while (i < n)
    {
      unsigned char c = (unsigned char) s[i];
      ucs4_t u;
      int len;
      enum utf8_problem p;

      if (c >= 0x20 && c < 0x7f)
        {
          i++;
          continue;
        }
      len = utf8_next (s + i, n - i, &u);
      p = len < 0 ? UTF8_INVALID : utf8_classify (u, allow_newline);
      if (p != UTF8_OK)
        {
          if (off != NULL)
            *off = i;
          if (uc != NULL)
            *uc = u;
          return p;
        }
      i += len;
    }
  return UTF8_OK;
}

/* Appends the escaped form of one character to BUF (at least 16 bytes) and
   returns its length; 0 means the character is safe as it is.  */
static int
utf8_escape_one (char *buf, ucs4_t uc, int len)
{
  if (len < 0)
    return sprintf (buf, "\\x%02X", (unsigned) uc);
  switch (utf8_classify (uc, false))
    {
    case UTF8_OK:
      return 0;
    case UTF8_CONTROL:
      if (uc == '\n')
        return sprintf (buf, "\\n");
      if (uc == '\t')
        return sprintf (buf, "\\t");
      if (uc < 0x100)
        return sprintf (buf, "\\x%02X", (unsigned) uc);
      break;
    default:
      break;
    }
  return sprintf (buf, "<U+%04X>", (unsigned) uc);
}

char *
utf8_escape (const char *s, size_t n)
{
  size_t cap = n + 1, len = 0, i = 0;
  char *out = xmalloc (cap);

  while (i < n)
    {
      char esc[16];
      ucs4_t uc;
      int clen = utf8_next (s + i, n - i, &uc);
      int elen = utf8_escape_one (esc, uc, clen);
      const char *add = elen > 0 ? esc : s + i;
      size_t alen = elen > 0 ? (size_t) elen : (size_t) clen;

      out = xgrow (out, &cap, len + alen + 1, 1);
      memcpy (out + len, add, alen);
      len += alen;
      i += clen < 0 ? 1 : (size_t) clen;
    }
  out[len] = '\0';
  return out;
}

size_t
utf8_escaped_width (const char *s, size_t n, size_t nchars)
{
  size_t i = 0, width = 0;

  while (i < n && nchars-- > 0)
    {
      char esc[16];
      ucs4_t uc;
      int clen = utf8_next (s + i, n - i, &uc);
      int elen = utf8_escape_one (esc, uc, clen);

      if (elen > 0)
        width += elen;
      else
        {
          int w = uc_width (uc, "UTF-8");
          width += w > 0 ? (size_t) w : 0;
        }
      i += clen < 0 ? 1 : (size_t) clen;
    }
  return width;
}

bool
utf8_blank (const char *s, size_t n)
{
  size_t i = 0;

  while (i < n)
    {
      ucs4_t uc;
      int len = utf8_next (s + i, n - i, &uc);

      if (len < 0)
        return false;
      if (!uc_is_property_white_space (uc)
          && !uc_is_property_default_ignorable_code_point (uc)
          && uc != 0x2800)
        return false;
      i += (size_t) len;
    }
  return true;
}

size_t
utf8_width (const char *s, size_t n)
{
  int w = u8_width ((const uint8_t *) s, n, "UTF-8");

  return w > 0 ? (size_t) w : 0;
}

/* The grapheme cluster breaks of the N bytes at S (u8_grapheme_breaks():
   the whole of UAX #29, flags included, which u8_grapheme_next() of
   libunistring 1.0 gets wrong), in BUF if it has room, else in memory the
   caller frees (returned).  */
static char *
utf8_breaks (const char *s, size_t n, char *buf, size_t size, char **owned)
{
  char *p = n <= size ? buf : (*owned = xmalloc (n));

  u8_grapheme_breaks ((const uint8_t *) s, n, p);
  return p;
}

/* True if the N bytes at S are printable ASCII: one column each.  */
static bool
utf8_ascii (const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if ((unsigned char) s[i] < 0x20 || (unsigned char) s[i] >= 0x7f)
      return false;
  return true;
}

size_t
utf8_fit (const char *s, size_t n, size_t width, bool at_least_one,
          size_t *cols)
{
  char buf[256], *owned = NULL;
  const char *brk;
  size_t i = 0, w = 0;

  if (utf8_ascii (s, n))
    {
      size_t k = n < width ? n : width;

      if (k == 0 && at_least_one && n > 0)
        k = 1;
      *cols = k;
      return k;
    }
  /* A whole grapheme cluster at a time: a cut never leaves a flag's half,
     or a mark without its letter, to start the next line.  */
  brk = utf8_breaks (s, n, buf, sizeof buf, &owned);
  while (i < n)
    {
      size_t j = i, cw = 0;

      do
        {
          ucs4_t uc;
          int clen = utf8_next (s + j, n - j, &uc);
          int ucw = clen < 0 ? 1 : uc_width (uc, "UTF-8");

          cw += ucw > 0 ? (size_t) ucw : 0;
          j += clen < 0 ? 1 : (size_t) clen;
        }
      while (j < n && !brk[j]);
      if (w + cw > width && (i > 0 || !at_least_one))
        break;
      w += cw;
      i = j;
    }
  free (owned);
  *cols = w;
  return i;
}

/* Emoji modifiers (skin tones) and variation selectors: what terminals
   do not agree on when they follow a character.  */
static bool
utf8_ambiguous_extend (ucs4_t uc)
{
  return (uc >= 0x1F3FB && uc <= 0x1F3FF) || uc == 0xFE0E || uc == 0xFE0F;
}

char *
utf8_drawable (const char *s, size_t n, size_t *outlen)
{
  char buf[256], *owned = NULL, *out = NULL;
  const char *brk;
  size_t i = 0, len = 0;

  /* Fast path: their UTF-8 forms are F0 9F 8F BB..BF and EF B8 8E/8F.  */
  if (memmem (s, n, "\xF0\x9F\x8F", 3) == NULL
      && memmem (s, n, "\xEF\xB8", 2) == NULL)
    return NULL;
  brk = utf8_breaks (s, n, buf, sizeof buf, &owned);
  while (i < n)
    {
      ucs4_t uc;
      int clen = utf8_next (s + i, n - i, &uc);
      size_t step = clen < 0 ? 1 : (size_t) clen;

      if (!brk[i] && clen > 0 && utf8_ambiguous_extend (uc))
        {
          if (out == NULL)
            {
              out = xmalloc (n + 1);
              memcpy (out, s, i);
              len = i;
            }
        }
      else if (out != NULL)
        {
          memcpy (out + len, s + i, step);
          len += step;
        }
      i += step;
    }
  free (owned);
  if (out == NULL)
    return NULL;
  out[len] = '\0';
  *outlen = len;
  return out;
}

size_t
utf8_chars (const char *s, size_t n)
{
  size_t i = 0, count = 0;

  while (i < n)
    {
      ucs4_t uc;
      int clen = utf8_next (s + i, n - i, &uc);

      i += clen < 0 ? 1 : (size_t) clen;
      count++;
    }
  return count;
}
