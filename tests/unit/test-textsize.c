/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* test-textsize.c -- larger text on the console: the choice of font for a
   screen, when the console's own font is given back, and PSF fonts read
   from memory (textsize.c).  The ioctls are console.c's, checked on a
   real console by mesokiosk --check-console.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "textsize.h"
#include "unit.h"

/* A 1080p console of 8x16 cells: 240x67.  */
static void
test_choice_1080p (void)
{
  struct textsize t;

  textsize_init (&t, 240, 67, 8, 16, 40, 12);
  CHECK_INT (t.current, TEXTSIZE_NORMAL);
  CHECK (textsize_fits (&t, TEXTSIZE_LARGE));
  CHECK (textsize_fits (&t, TEXTSIZE_LARGEST));
  CHECK_INT (textsize_step (&t, 1), TEXTSIZE_LARGE);
  CHECK_INT (textsize_step (&t, -1), TEXTSIZE_NORMAL);
  CHECK_INT (textsize_best (&t, TEXTSIZE_LARGEST), TEXTSIZE_LARGEST);
  CHECK_STR (textsize_file (TEXTSIZE_LARGE), "Lat15-TerminusBold24x12.psf.gz");
  CHECK_STR (textsize_file (TEXTSIZE_LARGEST),
             "Lat15-TerminusBold32x16.psf.gz");
  CHECK (textsize_file (TEXTSIZE_NORMAL) == NULL);
  CHECK_INT (textsize_width (TEXTSIZE_LARGER), 14);
  CHECK_INT (textsize_height (TEXTSIZE_LARGER), 28);
}

/* A small screen: 640x400 (80x25 of 8x16) leaves 40x12 at 16x32, just
   enough; 320 pixels wide would not be, and that size is skipped.  */
static void
test_choice_small (void)
{
  struct textsize t;

  textsize_init (&t, 80, 25, 8, 16, 40, 12);
  CHECK (textsize_fits (&t, TEXTSIZE_LARGEST));
  textsize_init (&t, 60, 25, 8, 16, 40, 12);
  /* 480 px: 40 columns at 12, 34 at 14, 30 at 16.  */
  CHECK (textsize_fits (&t, TEXTSIZE_LARGE));
  CHECK (!textsize_fits (&t, TEXTSIZE_LARGER));
  CHECK (!textsize_fits (&t, TEXTSIZE_LARGEST));
  CHECK_INT (textsize_best (&t, TEXTSIZE_LARGEST), TEXTSIZE_LARGE);
  t.current = TEXTSIZE_LARGE;
  CHECK_INT (textsize_step (&t, 1), TEXTSIZE_LARGE);   /* None larger.  */
  /* A console whose own font is already as large: no larger text.  */
  textsize_init (&t, 120, 33, 16, 32, 40, 12);
  CHECK (!textsize_fits (&t, TEXTSIZE_LARGE));
  CHECK (!textsize_fits (&t, TEXTSIZE_LARGEST));
  CHECK_INT (textsize_step (&t, 1), TEXTSIZE_NORMAL);
}

/* The console's own font is saved at the first load and given back when
   the size comes back to normal, and at the end (a visit, an exit, a
   crash); a size that fails is not offered again.  */
static void
test_plan_and_restore (void)
{
  struct textsize t;

  textsize_init (&t, 240, 67, 8, 16, 40, 12);
  CHECK_INT (textsize_plan_restore (&t), TEXTSIZE_KEEP);
  CHECK_INT (textsize_plan (&t, TEXTSIZE_NORMAL), TEXTSIZE_KEEP);
  CHECK_INT (textsize_plan (&t, TEXTSIZE_LARGE), TEXTSIZE_LOAD);
  textsize_done (&t, TEXTSIZE_LARGE, true);
  CHECK_INT (t.current, TEXTSIZE_LARGE);
  CHECK (t.saved);
  CHECK_INT (textsize_plan_restore (&t), TEXTSIZE_RESTORE);
  /* Larger: another load, the saved font stays the console's own.  */
  CHECK_INT (textsize_plan (&t, TEXTSIZE_LARGER), TEXTSIZE_LOAD);
  textsize_done (&t, TEXTSIZE_LARGER, true);
  CHECK (t.saved);
  /* The same size again: nothing.  */
  CHECK_INT (textsize_plan (&t, TEXTSIZE_LARGER), TEXTSIZE_KEEP);
  /* Back to normal: the console's own font, not a Terminus 16.  */
  CHECK_INT (textsize_plan (&t, TEXTSIZE_NORMAL), TEXTSIZE_RESTORE);
  textsize_done (&t, TEXTSIZE_NORMAL, true);
  CHECK_INT (t.current, TEXTSIZE_NORMAL);
  CHECK (!t.saved);
  CHECK_INT (textsize_plan_restore (&t), TEXTSIZE_KEEP);
  /* A font that does not load: nothing changed, and it is skipped.  */
  textsize_done (&t, TEXTSIZE_LARGE, false);
  CHECK_INT (t.current, TEXTSIZE_NORMAL);
  CHECK (!t.saved);
  CHECK (!textsize_fits (&t, TEXTSIZE_LARGE));
  CHECK_INT (textsize_step (&t, 1), TEXTSIZE_LARGER);
  CHECK_INT (textsize_best (&t, TEXTSIZE_LARGE), TEXTSIZE_NORMAL);
}

static void
put32 (unsigned char *p, uint32_t v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
  p[2] = (v >> 16) & 0xff;
  p[3] = (v >> 24) & 0xff;
}

/* A PSF 2 font of 3 glyphs of 12x24 with a Unicode table: glyph 0 is
   'A' and U+00C0, glyph 1 a sequence only, glyph 2 '\u2500'.  */
static void
test_psf2 (void)
{
  unsigned char buf[32 + 3 * 48 + 32];
  struct textsize_font f;
  size_t n = 32;

  memset (buf, 0, sizeof buf);
  put32 (buf, 0x864ab572);
  put32 (buf + 8, 32);          /* headersize */
  put32 (buf + 12, 1);          /* unicode table */
  put32 (buf + 16, 3);          /* glyphs */
  put32 (buf + 20, 48);         /* bytes a glyph: 2 x 24 */
  put32 (buf + 24, 24);
  put32 (buf + 28, 12);
  for (int g = 0; g < 3; g++)
    for (int i = 0; i < 48; i++)
      buf[n++] = (unsigned char) (g * 48 + i);
  memcpy (buf + n, "A\xC3\x80\xFF", 4);
  n += 4;
  memcpy (buf + n, "\xFE" "e\xCC\x81\xFF", 5);
  n += 5;
  memcpy (buf + n, "\xE2\x94\x80\xFF", 4);
  n += 4;
  CHECK (textsize_font_parse (buf, n, &f));
  CHECK_INT (f.width, 12);
  CHECK_INT (f.height, 24);
  CHECK_INT (f.count, 3);
  /* 32 rows a glyph of 2 bytes, as the kernel takes them.  */
  CHECK_INT (f.size, 3 * 32 * 2);
  CHECK_INT (f.data[0], 0);
  CHECK_INT (f.data[47], 47);
  CHECK_INT (f.data[48], 0);    /* Padding rows.  */
  CHECK_INT (f.data[64], 48);   /* Glyph 1.  */
  CHECK_INT (f.data[128 + 47], 143);
  CHECK_INT (f.nmap, 3);
  CHECK_INT (f.map[0].unicode, 'A');
  CHECK_INT (f.map[0].glyph, 0);
  CHECK_INT (f.map[1].unicode, 0xC0);
  CHECK_INT (f.map[2].unicode, 0x2500);
  CHECK_INT (f.map[2].glyph, 2);
  textsize_font_free (&f);
  /* Cut short, or too wide: refused.  */
  CHECK (!textsize_font_parse (buf, 32 + 2 * 48, &f));
  CHECK (f.data == NULL);
  put32 (buf + 28, 40);
  CHECK (!textsize_font_parse (buf, n, &f));
}

/* A PSF 1 font: 256 glyphs of 8x16, with a table (glyph 65 is 'A').  */
static void
test_psf1 (void)
{
  size_t n = 4 + 256 * 16 + 256 * 2 + 4;
  unsigned char *buf = calloc (1, n);
  struct textsize_font f;
  unsigned char *t;

  buf[0] = 0x36;
  buf[1] = 0x04;
  buf[2] = 0x02;                /* Has a table.  */
  buf[3] = 16;
  buf[4 + 65 * 16] = 0x18;
  t = buf + 4 + 256 * 16;
  for (int g = 0; g < 256; g++)
    {
      if (g == 65)
        {
          *t++ = 'A';
          *t++ = 0;
        }
      *t++ = 0xff;
      *t++ = 0xff;
    }
  CHECK (textsize_font_parse (buf, (size_t) (t - buf), &f));
  CHECK_INT (f.width, 8);
  CHECK_INT (f.height, 16);
  CHECK_INT (f.count, 256);
  CHECK_INT (f.data[65 * 32], 0x18);
  CHECK_INT (f.nmap, 1);
  CHECK_INT (f.map[0].unicode, 'A');
  CHECK_INT (f.map[0].glyph, 65);
  textsize_font_free (&f);
  CHECK (!textsize_font_parse ((const unsigned char *) "junk", 4, &f));
  free (buf);
}

/* The real fonts, where Debian's console-setup-linux put them: read
   whole, the Unicode table covers what the kiosk shows on the console
   (French letters, « », the frame's lines, the bullet).  */
static void
test_real_fonts (void)
{
  for (int s = TEXTSIZE_LARGE; s < TEXTSIZE_COUNT; s++)
    {
      char cmd[512];
      FILE *p;
      unsigned char *buf = malloc (1 << 20);
      size_t n;
      struct textsize_font f;
      static const uint16_t need[] = { 0xE9, 0xE0, 0xE7, 0xAB, 0xBB, 0x2500,
                                       0x2502, 0x250C, 0x2022, 'A' };

      snprintf (cmd, sizeof cmd,
                "gzip -dc /usr/share/consolefonts/%s 2>/dev/null",
                textsize_file ((enum textsize_size) s));
      p = popen (cmd, "r");
      n = p != NULL ? fread (buf, 1, 1 << 20, p) : 0;
      if (p != NULL)
        pclose (p);
      if (n == 0)
        {
          printf ("%s: not installed (console-setup-linux), not checked\n",
                  textsize_file ((enum textsize_size) s));
          free (buf);
          continue;
        }
      CHECK (textsize_font_parse (buf, n, &f));
      CHECK_INT (f.width, textsize_width ((enum textsize_size) s));
      CHECK_INT (f.height, textsize_height ((enum textsize_size) s));
      CHECK_INT (f.count, 256);
      for (size_t k = 0; k < ARRAY_SIZE (need); k++)
        {
          bool found = false;

          for (size_t i = 0; i < f.nmap; i++)
            found = found || f.map[i].unicode == need[k];
          if (!found)
            printf ("U+%04X missing from %s\n", need[k],
                    textsize_file ((enum textsize_size) s));
          CHECK (found);
        }
      textsize_font_free (&f);
      free (buf);
    }
}

int
main (void)
{
  RUN (test_choice_1080p);
  RUN (test_choice_small);
  RUN (test_plan_and_restore);
  RUN (test_psf2);
  RUN (test_psf1);
  RUN (test_real_fonts);
  return unit_done ();
}
