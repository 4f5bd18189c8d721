/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* textsize.c -- larger text on the Linux console: which font, and when to
   give the console its own font back.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "textsize.h"
#include "xalloc.h"

const char *const textsize_names[] = { "normal", "large", "larger",
                                       "largest", NULL };

static const struct
{
  const char *file;
  unsigned width, height;
} textsize_fonts[TEXTSIZE_COUNT] = {
  [TEXTSIZE_NORMAL] = { NULL, 0, 0 },
  [TEXTSIZE_LARGE] = { "Lat15-TerminusBold24x12.psf.gz", 12, 24 },
  [TEXTSIZE_LARGER] = { "Lat15-TerminusBold28x14.psf.gz", 14, 28 },
  [TEXTSIZE_LARGEST] = { "Lat15-TerminusBold32x16.psf.gz", 16, 32 },
};
_Static_assert (ARRAY_SIZE (textsize_names) == TEXTSIZE_COUNT + 1,
                "a name per text size");

const char *
textsize_file (enum textsize_size size)
{
  return size < TEXTSIZE_COUNT ? textsize_fonts[size].file : NULL;
}

unsigned
textsize_width (enum textsize_size size)
{
  return size < TEXTSIZE_COUNT ? textsize_fonts[size].width : 0;
}

unsigned
textsize_height (enum textsize_size size)
{
  return size < TEXTSIZE_COUNT ? textsize_fonts[size].height : 0;
}

void
textsize_init (struct textsize *t, unsigned cols, unsigned rows,
               unsigned cell_w, unsigned cell_h, unsigned min_cols,
               unsigned min_rows)
{
  memset (t, 0, sizeof *t);
  t->current = TEXTSIZE_NORMAL;
  t->normal_w = cell_w;
  t->normal_h = cell_h;
  t->pixel_w = cols * cell_w;
  t->pixel_h = rows * cell_h;
  t->min_cols = min_cols;
  t->min_rows = min_rows;
}

bool
textsize_fits (const struct textsize *t, enum textsize_size size)
{
  unsigned w, h;

  if (size >= TEXTSIZE_COUNT)
    return false;
  if (size == TEXTSIZE_NORMAL)
    return true;
  if (t->failed[size])
    return false;
  w = textsize_width (size);
  h = textsize_height (size);
  /* A font no larger than the console's own is no larger text.  */
  if (t->normal_h != 0 && h <= t->normal_h)
    return false;
  if (t->pixel_w == 0 || t->pixel_h == 0)
    return true;
  return t->pixel_w / w >= t->min_cols && t->pixel_h / h >= t->min_rows;
}

enum textsize_size
textsize_step (const struct textsize *t, int dir)
{
  int s = (int) t->current;

  for (s += dir; s >= 0 && s < TEXTSIZE_COUNT; s += dir)
    if (textsize_fits (t, (enum textsize_size) s))
      return (enum textsize_size) s;
  return t->current;
}

enum textsize_size
textsize_best (const struct textsize *t, enum textsize_size want)
{
  int s = want < TEXTSIZE_COUNT ? (int) want : TEXTSIZE_COUNT - 1;

  for (; s > 0; s--)
    if (textsize_fits (t, (enum textsize_size) s))
      return (enum textsize_size) s;
  return TEXTSIZE_NORMAL;
}

enum textsize_op
textsize_plan (const struct textsize *t, enum textsize_size size)
{
  if (size == t->current || size >= TEXTSIZE_COUNT)
    return TEXTSIZE_KEEP;
  if (size == TEXTSIZE_NORMAL)
    return t->saved ? TEXTSIZE_RESTORE : TEXTSIZE_KEEP;
  return TEXTSIZE_LOAD;
}

void
textsize_done (struct textsize *t, enum textsize_size size, bool ok)
{
  enum textsize_op op = textsize_plan (t, size);

  if (op == TEXTSIZE_KEEP)
    return;
  if (!ok)
    {
      /* A font that did not load is not offered again; what the console
         shows did not change (a failed load leaves it as it was).  */
      if (op == TEXTSIZE_LOAD)
        t->failed[size] = true;
      return;
    }
  if (op == TEXTSIZE_LOAD)
    t->saved = true;
  else
    t->saved = false;
  t->current = size;
}

enum textsize_op
textsize_plan_restore (const struct textsize *t)
{
  return t->saved ? TEXTSIZE_RESTORE : TEXTSIZE_KEEP;
}

/* ------------------------------------------------------------------ */
/* PSF fonts.  */

void
textsize_font_free (struct textsize_font *f)
{
  free (f->data);
  free (f->map);
  memset (f, 0, sizeof *f);
}

static uint32_t
textsize_le32 (const unsigned char *p)
{
  return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16
         | (uint32_t) p[3] << 24;
}

static void
textsize_map_add (struct textsize_font *f, size_t *cap, uint32_t uc,
                  unsigned glyph)
{
  if (uc > 0xFFFF)
    return;                     /* The console's map holds the BMP.  */
  f->map = xgrow (f->map, cap, f->nmap + 1, sizeof *f->map);
  f->map[f->nmap].unicode = (uint16_t) uc;
  f->map[f->nmap].glyph = (uint16_t) glyph;
  f->nmap++;
}

/* Decodes one UTF-8 character at P (END bounds it) into *UC; returns its
   length, or 0 if it is not one.  */
static size_t
textsize_utf8 (const unsigned char *p, const unsigned char *end,
               uint32_t *uc)
{
  size_t len = p[0] < 0x80 ? 1 : (p[0] & 0xE0) == 0xC0 ? 2
               : (p[0] & 0xF0) == 0xE0 ? 3 : (p[0] & 0xF8) == 0xF0 ? 4 : 0;
  uint32_t v;

  if (len == 0 || (size_t) (end - p) < len)
    return 0;
  v = len == 1 ? p[0] : p[0] & (0x7F >> len);
  for (size_t i = 1; i < len; i++)
    {
      if ((p[i] & 0xC0) != 0x80)
        return 0;
      v = v << 6 | (p[i] & 0x3F);
    }
  *uc = v;
  return len;
}

/* Copies COUNT glyphs of HEIGHT rows of PITCH bytes (CHARSIZE bytes
   each) from SRC into F's kernel layout, 32 rows a glyph.  */
static void
textsize_glyphs (struct textsize_font *f, const unsigned char *src,
                 unsigned charsize, unsigned pitch)
{
  f->size = (size_t) f->count * 32 * pitch;
  f->data = xcalloc (1, f->size);
  for (unsigned g = 0; g < f->count; g++)
    memcpy (f->data + (size_t) g * 32 * pitch, src + (size_t) g * charsize,
            (size_t) pitch * f->height);
}

bool
textsize_font_parse (const unsigned char *buf, size_t n,
                     struct textsize_font *f)
{
  size_t cap = 0;

  memset (f, 0, sizeof *f);
  if (n >= 4 && buf[0] == 0x36 && buf[1] == 0x04)
    {
      /* PSF 1: 256 or 512 glyphs, 8 pixels wide.  */
      unsigned mode = buf[2], charsize = buf[3];
      const unsigned char *p, *end = buf + n;

      f->width = 8;
      f->height = charsize;
      f->count = mode & 0x01 ? 512 : 256;
      if (charsize == 0 || charsize > 32
          || 4 + (size_t) f->count * charsize > n)
        return false;
      textsize_glyphs (f, buf + 4, charsize, 1);
      if (!(mode & 0x06))
        return true;
      p = buf + 4 + (size_t) f->count * charsize;
      for (unsigned g = 0; g < f->count && p + 2 <= end; g++)
        {
          bool seq = false;

          for (; p + 2 <= end; p += 2)
            {
              unsigned v = (unsigned) p[0] | (unsigned) p[1] << 8;

              if (v == 0xFFFF)
                {
                  p += 2;
                  break;
                }
              if (v == 0xFFFE)
                seq = true;     /* Sequences are not mapped.  */
              else if (!seq)
                textsize_map_add (f, &cap, v, g);
            }
        }
      return true;
    }
  if (n >= 32 && buf[0] == 0x72 && buf[1] == 0xb5 && buf[2] == 0x4a
      && buf[3] == 0x86)
    {
      /* PSF 2.  */
      uint32_t headersize = textsize_le32 (buf + 8);
      uint32_t flags = textsize_le32 (buf + 12);
      uint32_t length = textsize_le32 (buf + 16);
      uint32_t charsize = textsize_le32 (buf + 20);
      uint32_t height = textsize_le32 (buf + 24);
      uint32_t width = textsize_le32 (buf + 28);
      unsigned pitch = (width + 7) / 8;
      const unsigned char *p, *end = buf + n;

      if (width == 0 || width > 32 || height == 0 || height > 32
          || length == 0 || length > 512 || charsize < pitch * height
          || headersize < 32 || headersize > n
          || (n - headersize) / charsize < length)
        return false;
      f->width = width;
      f->height = height;
      f->count = length;
      textsize_glyphs (f, buf + headersize, charsize, pitch);
      if (!(flags & 0x01))
        return true;
      p = buf + headersize + (size_t) length * charsize;
      for (unsigned g = 0; g < length && p < end; g++)
        {
          bool seq = false;

          while (p < end && *p != 0xFF)
            {
              uint32_t uc;
              size_t len;

              if (*p == 0xFE)
                {
                  seq = true;
                  p++;
                  continue;
                }
              len = textsize_utf8 (p, end, &uc);
              if (len == 0)
                {
                  p++;
                  continue;
                }
              if (!seq)
                textsize_map_add (f, &cap, uc, g);
              p += len;
            }
          if (p < end)
            p++;                /* The 0xFF that ends the glyph's list.  */
        }
      return true;
    }
  return false;
}
