/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* test-contrast.c -- every role of every theme is readable: a contrast of
   at least 4.5:1 (WCAG 2.x, as the European Accessibility Act's
   standard EN 301 549 asks of text) between its foreground and its
   background, as the Linux console and xterm show them with their own
   palettes.

   The theme table is kiosk/theme.c's own (theme_describe()); what this
   test models is how each terminal turns colours and attributes into
   pixels:

   - the Linux console (drivers/tty/vt/vt.c: the default palette, and
     build_attr()): text in its own colours is grey (7) on black; bold
     is the bright version of the foreground; reverse swaps the two
     colours but keeps the bright bit where it was, so reverse and bold
     together give dark grey on grey; underline cannot be drawn and
     makes the text cyan (the console's underline colour) -- except that
     ncurses does not send underline with a colour pair there (terminfo
     linux: ncv#18), where it just disappears;
   - xterm with its default resources: black on white for its own
     colours; bold makes colours 0-7 bright (boldColors), not the
     default foreground; reverse swaps the two.

   A view test: it links theme.c and ncursesw (for the A_* and COLOR_*
   values), not the model.  */

#include "system.h"

#include <math.h>
#include <stdio.h>

#include "theme.h"

struct rgb
{
  unsigned char r, g, b;
};

struct palette
{
  const char *name;
  struct rgb ansi[16];
  struct rgb fg, bg;            /* The terminal's own colours.  */
  bool console;
};

static const struct palette palettes[] = {
  { "Linux console",
    { { 0, 0, 0 }, { 0xaa, 0, 0 }, { 0, 0xaa, 0 }, { 0xaa, 0x55, 0 },
      { 0, 0, 0xaa }, { 0xaa, 0, 0xaa }, { 0, 0xaa, 0xaa },
      { 0xaa, 0xaa, 0xaa }, { 0x55, 0x55, 0x55 }, { 0xff, 0x55, 0x55 },
      { 0x55, 0xff, 0x55 }, { 0xff, 0xff, 0x55 }, { 0x55, 0x55, 0xff },
      { 0xff, 0x55, 0xff }, { 0x55, 0xff, 0xff }, { 0xff, 0xff, 0xff } },
    { 0xaa, 0xaa, 0xaa }, { 0, 0, 0 }, true },
  { "xterm",
    { { 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 },
      { 0, 0, 238 }, { 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 },
      { 127, 127, 127 }, { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 },
      { 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 },
      { 255, 255, 255 } },
    { 0, 0, 0 }, { 255, 255, 255 }, false },
};

static const char *const theme_names[] = { "colour", "high-contrast",
                                           "mono" };
static const char *const role_names[] = {
#define ROLE_NAME(name) #name,
  ROLE_LIST (ROLE_NAME)
#undef ROLE_NAME
};

static double
channel (unsigned char c)
{
  double v = c / 255.0;

  return v <= 0.04045 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
}

static double
luminance (struct rgb c)
{
  return 0.2126 * channel (c.r) + 0.7152 * channel (c.g)
         + 0.0722 * channel (c.b);
}

static double
contrast (struct rgb a, struct rgb b)
{
  double la = luminance (a), lb = luminance (b);

  return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* What P shows for LOOK: *FG on *BG.  */
static void
shown (const struct palette *p, unsigned theme, const struct theme_look *look,
       struct rgb *fg, struct rgb *bg)
{
  bool pair = theme != THEME_MONO && !(look->fg < 0 && look->bg < 0);
  bool underline = look->underline;
  int f = look->fg, b = look->bg;       /* ANSI, or -1: own colour.  */

  if (p->console)
    {
      /* Colour numbers as the console keeps them: the own colours are
         7 on 0; bright is bit 3.  */
      if (f < 0)
        f = 7;
      if (b < 0)
        b = 0;
      if (pair && underline)
        underline = false;      /* ncv: not sent with a colour pair.  */
      if (underline)
        f = 6 | (f & 8);        /* The underline colour: cyan.  */
      if (look->reverse)
        {
          int t = f;

          f = (b & 7) | (f & 8);
          b = (t & 7) | (b & 8);
        }
      if (look->bold)
        f ^= 8;
      *fg = p->ansi[f];
      *bg = p->ansi[b & 7];
      return;
    }
  *fg = f < 0 ? p->fg : p->ansi[look->bold && f < 8 ? f + 8 : f];
  *bg = b < 0 ? p->bg : p->ansi[b];
  if (look->reverse)
    {
      struct rgb t = *fg;

      *fg = *bg;
      *bg = t;
    }
}

int
main (void)
{
  int failures = 0, checks = 0;

  for (size_t i = 0; i < ARRAY_SIZE (palettes); i++)
    for (unsigned theme = 0; theme < ARRAY_SIZE (theme_names); theme++)
      for (int role = 0; role < ROLE_COUNT; role++)
        {
          struct theme_look look;
          struct rgb fg, bg;
          double c;

          theme_describe (theme, (enum style_role) role, &look);
          shown (&palettes[i], theme, &look, &fg, &bg);
          c = contrast (fg, bg);
          checks++;
          if (c < 4.5)
            {
              failures++;
              printf ("%s, %s theme, %s: %.2f:1 (#%02x%02x%02x on"
                      " #%02x%02x%02x), below 4.5:1\n", palettes[i].name,
                      theme_names[theme], role_names[role], c, fg.r, fg.g,
                      fg.b, bg.r, bg.g, bg.b);
            }
        }
  printf ("%d checks, %d failed\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
