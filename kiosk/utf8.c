/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* utf8.c -- checks and measures UTF-8 text, through libunistring.  */

#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
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

size_t
utf8_width (const char *s, size_t n)
{
  int w = u8_width ((const uint8_t *) s, n, "UTF-8");

  return w > 0 ? (size_t) w : 0;
}

size_t
utf8_fit (const char *s, size_t n, size_t width, bool at_least_one,
          size_t *cols)
{
  size_t i = 0, w = 0;

  while (i < n)
    {
      ucs4_t uc;
      int clen = utf8_next (s + i, n - i, &uc);
      int cw = clen < 0 ? 1 : uc_width (uc, "UTF-8");

      if (cw < 0)
        cw = 0;
      if (w + (size_t) cw > width && (i > 0 || !at_least_one))
        break;
      w += (size_t) cw;
      i += clen < 0 ? 1 : (size_t) clen;
    }
  *cols = w;
  return i;
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
