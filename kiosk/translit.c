/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* translit.c -- text for terminals that cannot show every character.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "translit.h"
#include "xalloc.h"

/* Letters and signs with no Unicode decomposition to ASCII.  */
static const struct
{
  uint32_t uc;
  const char *ascii;
} translit_table[] = {
  { 0x00A1, "!" }, { 0x00A2, "c" }, { 0x00A3, "GBP" }, { 0x00A9, "(c)" },
  { 0x00AB, "\"" }, { 0x00AE, "(R)" }, { 0x00B0, "o" }, { 0x00B1, "+/-" },
  { 0x00B7, "." }, { 0x00BB, "\"" }, { 0x00BF, "?" }, { 0x00C6, "AE" },
  { 0x00D0, "D" }, { 0x00D7, "x" }, { 0x00D8, "O" }, { 0x00DE, "Th" },
  { 0x00DF, "ss" }, { 0x00E6, "ae" }, { 0x00F0, "d" }, { 0x00F7, "/" },
  { 0x00F8, "o" }, { 0x00FE, "th" }, { 0x0110, "D" }, { 0x0111, "d" },
  { 0x0131, "i" }, { 0x0141, "L" }, { 0x0142, "l" }, { 0x0152, "OE" },
  { 0x0153, "oe" }, { 0x2010, "-" }, { 0x2011, "-" }, { 0x2012, "-" },
  { 0x2013, "-" }, { 0x2014, "-" }, { 0x2015, "-" }, { 0x2018, "'" },
  { 0x2019, "'" }, { 0x201A, "'" }, { 0x201B, "'" }, { 0x201C, "\"" },
  { 0x201D, "\"" }, { 0x201E, "\"" }, { 0x201F, "\"" }, { 0x2022, "*" },
  { 0x2039, "<" }, { 0x203A, ">" }, { 0x2044, "/" }, { 0x20AC, "EUR" },
  { 0x2122, "TM" }, { 0x2190, "<-" }, { 0x2191, "^" }, { 0x2192, "->" },
  { 0x2193, "v" }, { 0x2212, "-" }, { 0x2248, "~" }, { 0x2264, "<=" },
  { 0x2265, ">=" }, { 0x25B6, ">" }, { 0x25BA, ">" },
};

/* What the Linux console's Lat15 fonts can show.  */
static bool
translit_in_latin (ucs4_t uc)
{
  switch (uc)
    {
    case 0x0152: case 0x0153: case 0x0160: case 0x0161: case 0x0178:
    case 0x017D: case 0x017E: case 0x2013: case 0x2014: case 0x2018:
    case 0x2019: case 0x201C: case 0x201D: case 0x201E: case 0x2022:
    case 0x2026: case 0x20AC:
      return true;
    default:
      return (uc >= 0x20 && uc < 0x7f) || (uc >= 0xA0 && uc <= 0xFF)
             || (uc >= 0x2190 && uc <= 0x2193)
             || (uc >= 0x2500 && uc <= 0x257F);
    }
}

static void
translit_put (char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
  *buf = xgrow (*buf, cap, *len + n + 1, 1);
  memcpy (*buf + *len, s, n);
  *len += n;
}

/* Appends the ASCII form of UC; DEPTH bounds the decomposition.  */
static void
translit_ascii (char **buf, size_t *len, size_t *cap, ucs4_t uc, int depth)
{
  ucs4_t dec[UC_DECOMPOSITION_MAX_LENGTH];
  int tag, n;
  char c;

  if (uc < 0x80)
    {
      c = (char) uc;
      translit_put (buf, len, cap, &c, 1);
      return;
    }
  if (uc == 0x00A0 || uc == 0x202F)
    {
      translit_put (buf, len, cap, "\xC2\xA0", 2);
      return;
    }
  if ((uc >= 0x2000 && uc <= 0x200A) || uc == 0x205F || uc == 0x3000)
    {
      translit_put (buf, len, cap, " ", 1);
      return;
    }
  if (uc >= 0x2500 && uc <= 0x257F)
    {
      /* Box drawing: vertical-ish, horizontal-ish, corners.  */
      static const char box[] = "-|";
      c = (uc == 0x2502 || uc == 0x2503 || uc == 0x2551) ? box[1]
          : (uc <= 0x2501 || uc == 0x2550) ? box[0] : '+';
      translit_put (buf, len, cap, &c, 1);
      return;
    }
  for (size_t i = 0; i < ARRAY_SIZE (translit_table); i++)
    if (translit_table[i].uc == uc)
      {
        translit_put (buf, len, cap, translit_table[i].ascii,
                      strlen (translit_table[i].ascii));
        return;
      }
  if (uc_is_general_category (uc, UC_CATEGORY_M))
    return;                     /* Accents alone vanish.  */
  n = depth < 4 ? uc_decomposition (uc, &tag, dec) : -1;
  if (n > 0)
    {
      size_t before = *len;

      for (int i = 0; i < n; i++)
        translit_ascii (buf, len, cap, dec[i], depth + 1);
      if (*len > before)
        return;
    }
  translit_put (buf, len, cap, "?", 1);
}

char *
translit (const char *s, size_t n, enum charset cs, size_t *outlen)
{
  char *buf = NULL;
  size_t len = 0, cap = 0, i = 0, done = 0;

  if (cs == CHARSET_UTF8)
    return NULL;
  while (i < n)
    {
      ucs4_t uc;
      int clen;

      if ((unsigned char) s[i] < 0x80)
        {
          i++;
          continue;
        }
      clen = u8_mbtouc (&uc, (const uint8_t *) s + i, n - i);
      if (cs == CHARSET_LATIN && translit_in_latin (uc))
        {
          i += clen;
          continue;
        }
      translit_put (&buf, &len, &cap, s + done, i - done);
      if (cs == CHARSET_LATIN && uc == 0x202F)
        translit_put (&buf, &len, &cap, "\xC2\xA0", 2);
      else
        translit_ascii (&buf, &len, &cap, uc, 0);
      i += clen;
      done = i;
    }
  if (done == 0)
    return NULL;
  translit_put (&buf, &len, &cap, s + done, n - done);
  buf[len] = '\0';
  *outlen = len;
  return buf;
}

char *
translit_dup (const char *s, enum charset cs)
{
  size_t n = strlen (s), outlen;
  char *t = translit (s, n, cs, &outlen);

  return t != NULL ? t : xstrndup (s, n);
}
