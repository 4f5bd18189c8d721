/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* textsize.h -- larger text on the Linux console: which font, and when
   to give the console its own font back.

   On the Linux console the kiosk can show its text larger by loading a
   larger console font (Terminus bold, 24x12, 28x14 or 32x16, from
   Debian's console-setup fonts); the screen then has fewer columns and
   lines, and the layout follows as after any resize.  This module is the
   pure part: the sizes and their fonts, which size a step up or down
   leads to on a screen of a given size in pixels (a size that would
   leave fewer columns or lines than the kiosk needs is skipped), what
   showing a size takes (loading a font file, giving back the console's
   own font, or nothing), and the PSF font format (version 1 and 2, with
   their Unicode tables), read from memory.  The console's own font is
   saved before the first load and given back when the size returns to
   normal, at the end of a visit, on exit and after a crash (console.c
   does the ioctls).  No curses, no I/O here.  */

#ifndef MESOKIOSK_TEXTSIZE_H
#define MESOKIOSK_TEXTSIZE_H

#include <stddef.h>
#include <stdint.h>

enum textsize_size
{
  TEXTSIZE_NORMAL,      /* The console's own font.  */
  TEXTSIZE_LARGE,       /* Terminus bold 12x24.  */
  TEXTSIZE_LARGER,      /* 14x28.  */
  TEXTSIZE_LARGEST,     /* 16x32.  */
  TEXTSIZE_COUNT
};

/* The names of the sizes in kiosk.yaml (text_size), NULL-terminated.  */
extern const char *const textsize_names[];

/* The font file of SIZE (a name in the console fonts' directory), and
   its cell in pixels; NULL for TEXTSIZE_NORMAL.  */
const char *textsize_file (enum textsize_size size);
unsigned textsize_width (enum textsize_size size);
unsigned textsize_height (enum textsize_size size);

struct textsize
{
  enum textsize_size current;   /* What the console shows.  */
  bool saved;                   /* The console's own font is saved: it
                                   was changed, and is to be given back.  */
  unsigned pixel_w, pixel_h;    /* The screen, in pixels (0: unknown).  */
  unsigned normal_w, normal_h;  /* The console's own cell (0: unknown).  */
  unsigned min_cols, min_rows;  /* What the kiosk needs.  */
  bool failed[TEXTSIZE_COUNT];  /* A size whose font would not load.  */
};

/* A console of COLS x ROWS cells of CELL_W x CELL_H pixels, its own
   font, on which the kiosk needs MIN_COLS x MIN_ROWS.  */
void textsize_init (struct textsize *t, unsigned cols, unsigned rows,
                    unsigned cell_w, unsigned cell_h, unsigned min_cols,
                    unsigned min_rows);

/* True if SIZE leaves the kiosk room on T's screen (and did not fail).  */
bool textsize_fits (const struct textsize *t, enum textsize_size size);
/* The size one step from the current one in direction DIR (+1 larger,
   -1 smaller) that fits, or the current one if there is none.  */
enum textsize_size textsize_step (const struct textsize *t, int dir);
/* The largest size not above WANT that fits: the one to start with.  */
enum textsize_size textsize_best (const struct textsize *t,
                                  enum textsize_size want);

enum textsize_op
{
  TEXTSIZE_KEEP,        /* Nothing to do.  */
  TEXTSIZE_LOAD,        /* Save the console's font if not saved, then
                           load textsize_file (SIZE).  */
  TEXTSIZE_RESTORE      /* Give the console its own font back.  */
};

/* What showing SIZE takes.  */
enum textsize_op textsize_plan (const struct textsize *t,
                                enum textsize_size size);
/* Records the result of doing textsize_plan (T, SIZE): OK, or the font
   did not load (the size is not offered again).  */
void textsize_done (struct textsize *t, enum textsize_size size, bool ok);
/* What the end of a visit, an exit or a crash takes: RESTORE if the
   console's font was changed.  */
enum textsize_op textsize_plan_restore (const struct textsize *t);

/* A console font read from a PSF file: COUNT glyphs of WIDTH x HEIGHT
   pixels, each a row of (WIDTH + 7) / 8 bytes per line, as the kernel
   takes them (KDFONTOP: 32 lines a glyph, HEIGHT of them used), and the
   Unicode characters each glyph shows.  */
struct textsize_font
{
  unsigned width, height, count;
  unsigned char *data;          /* Owned: COUNT * 32 * pitch bytes.  */
  size_t size;
  struct textsize_unipair
  {
    uint16_t unicode, glyph;
  } *map;                       /* Owned, or NULL without a table.  */
  size_t nmap;
};

/* Reads the N bytes of a PSF 1 or 2 file at BUF into *F (textsize_font_
   free()s).  Returns false, with *F empty, if it is not one the console
   can take (at most 512 glyphs of at most 32 x 32 pixels).  */
bool textsize_font_parse (const unsigned char *buf, size_t n,
                          struct textsize_font *f);
void textsize_font_free (struct textsize_font *f);

#endif /* MESOKIOSK_TEXTSIZE_H */
