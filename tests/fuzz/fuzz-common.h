/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* fuzz-common.h -- what the fuzz targets check on every input.

   Included by fuzz-load.c and fuzz-layout.c only (it defines static
   functions).  Each check ends in __builtin_trap() when a property the
   rest of the program relies on does not hold, so libFuzzer keeps the
   input as a crash:

   - a layout: every span lies inside the text buffer, is valid UTF-8
     without controls or line feeds, and measures what it says; every
     rendered line (layout_render_line(), as the view and --dump draw it)
     fits the width, and a framed line fills it exactly (else the right
     side of the warning box is out of line); frames open, continue and
     close in order (none in plain mode); ASCII output is ASCII; anchors
     never decrease, and layout_find_anchor() / layout_find_block() give
     lines that exist;
   - text meant for a terminal (diagnostics as printed) is valid UTF-8
     with no control or invisible character but the line feed.  */

#ifndef MESOKIOSK_FUZZ_COMMON_H
#define MESOKIOSK_FUZZ_COMMON_H

#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "utf8.h"

#define FUZZ_ASSERT(cond)                                               \
  do                                                                    \
    {                                                                   \
      if (!(cond))                                                      \
        {                                                               \
          fprintf (stderr, "%s:%d: invariant broken: %s\n", __FILE__,   \
                   __LINE__, #cond);                                    \
          __builtin_trap ();                                            \
        }                                                               \
    }                                                                   \
  while (0)

/* A line being rendered.  */
struct fuzz_line
{
  char *buf;
  size_t len, cap;
  size_t cols;                  /* Sum of the columns the pieces claim.  */
};

static void
fuzz_piece (void *ctx, const char *s, size_t len, unsigned cols,
            unsigned repeat, enum style_role role)
{
  struct fuzz_line *d = ctx;

  FUZZ_ASSERT ((unsigned) role < ROLE_COUNT);
  FUZZ_ASSERT (repeat > 0);
  FUZZ_ASSERT (utf8_check (s, len, false, NULL, NULL) == UTF8_OK);
  FUZZ_ASSERT (utf8_width (s, len) == cols);
  if (d->len + len * repeat + 1 > d->cap)
    {
      d->cap = (d->len + len * repeat + 1) * 2;
      d->buf = realloc (d->buf, d->cap);
      if (d->buf == NULL)
        abort ();
    }
  for (unsigned r = 0; r < repeat; r++)
    {
      memcpy (d->buf + d->len, s, len);
      d->len += len;
    }
  d->cols += (size_t) cols * repeat;
}

static int
fuzz_anchor_cmp (const struct layout_line *a, const struct layout_line *b)
{
  if (a->block != b->block)
    return a->block < b->block ? -1 : 1;
  if (a->offset != b->offset)
    return a->offset < b->offset ? -1 : 1;
  return 0;
}

/* With FUZZ_VERBOSE in the environment (running one input by hand),
   prints each line: frame, indent, anchor, link, then its spans.  */
static void
fuzz_print_layout (const struct layout *l)
{
  static int verbose = -1;

  if (verbose < 0)
    verbose = getenv ("FUZZ_VERBOSE") != NULL;
  if (!verbose)
    return;
  fprintf (stderr, "layout: width %u, %zu lines\n", l->width, l->nlines);
  for (size_t i = 0; i < l->nlines; i++)
    {
      const struct layout_line *line = &l->lines[i];

      fprintf (stderr, "%3zu f%u i%u c%u b%u o%u:%u k%d |", i,
               (unsigned) line->frame, (unsigned) line->indent,
               (unsigned) line->cols, (unsigned) line->block,
               (unsigned) (line->offset >> 16),
               (unsigned) (line->offset & 0xFFFF), (int) line->link);
      for (size_t k = 0; k < line->nspans; k++)
        {
          const struct layout_span *sp = &l->spans[line->span + k];

          fprintf (stderr, "[r%u c%u \"", (unsigned) sp->role,
                   (unsigned) sp->cols);
          for (size_t b = 0; b < sp->len; b++)
            {
              unsigned char c = (unsigned char) l->text[sp->off + b];

              if (c < 0x20 || c == 0x7f || c == '"' || c == '\\')
                fprintf (stderr, "\\x%02X", c);
              else
                fputc (c, stderr);
            }
          fprintf (stderr, "\"]");
        }
      fputc ('\n', stderr);
    }
}

/* Checks L, laid out with O for a page of NBLOCKS blocks.  SEED picks the
   extra anchor queries.  */
static void
fuzz_check_layout (const struct layout *l, const struct layout_options *o,
                   size_t nblocks, uint32_t seed)
{
  const struct layout_glyphs *g = layout_glyphs (o->charset);
  struct fuzz_line d = { NULL, 0, 0, 0 };
  size_t next_span = 0;
  bool open = false;

  fuzz_print_layout (l);
  FUZZ_ASSERT (l->width == o->width);
  FUZZ_ASSERT (l->text_len == 0 || l->text != NULL);
  FUZZ_ASSERT (l->text == NULL || l->text[l->text_len] == '\0');
  for (size_t i = 0; i < l->nlines; i++)
    {
      const struct layout_line *line = &l->lines[i];
      size_t cols = 0, w;

      /* Spans: in order, inside the buffers, measured right.  */
      FUZZ_ASSERT (line->span == next_span);
      FUZZ_ASSERT ((size_t) line->span + line->nspans <= l->nspans);
      next_span += line->nspans;
      for (size_t k = 0; k < line->nspans; k++)
        {
          const struct layout_span *sp = &l->spans[line->span + k];

          FUZZ_ASSERT ((size_t) sp->off + sp->len <= l->text_len);
          FUZZ_ASSERT (sp->role < ROLE_COUNT);
          FUZZ_ASSERT (utf8_check (l->text + sp->off, sp->len, false, NULL,
                                   NULL) == UTF8_OK);
          FUZZ_ASSERT (utf8_width (l->text + sp->off, sp->len) == sp->cols);
          if (o->charset == CHARSET_ASCII)
            for (size_t b = 0; b < sp->len; b++)
              FUZZ_ASSERT ((unsigned char) l->text[sp->off + b] < 0x80);
          cols += sp->cols;
        }
      FUZZ_ASSERT (cols == line->cols);

      /* Frames: TOP, SIDE..., BOTTOM; none in plain mode.  */
      switch (line->frame)
        {
        case FRAME_NONE:
          FUZZ_ASSERT (!open);
          break;
        case FRAME_TOP:
          FUZZ_ASSERT (!o->plain);
          FUZZ_ASSERT (!open);
          open = true;
          break;
        case FRAME_SIDE:
          FUZZ_ASSERT (open);
          break;
        case FRAME_BOTTOM:
          FUZZ_ASSERT (open);
          open = false;
          break;
        default:
          FUZZ_ASSERT (!"unknown frame");
        }

      /* Links.  */
      FUZZ_ASSERT (line->link >= -1);
      FUZZ_ASSERT (line->link < 0 || (size_t) line->link < l->nlinks);
      if (line->link >= 0)
        {
          const struct layout_link *k = &l->links[line->link];

          FUZZ_ASSERT (i >= k->line && i < (size_t) k->line + k->nlines);
        }

      /* Anchors never decrease.  */
      if (i > 0)
        FUZZ_ASSERT (fuzz_anchor_cmp (&l->lines[i - 1], line) <= 0);
      FUZZ_ASSERT (line->block <= nblocks);

      /* The line as drawn.  */
      d.len = 0;
      d.cols = 0;
      layout_render_line (l, i, g, fuzz_piece, &d);
      w = utf8_width (d.buf != NULL ? d.buf : "", d.len);
      FUZZ_ASSERT (w == d.cols);
      FUZZ_ASSERT (w <= o->width);
      if (line->frame != FRAME_NONE)
        FUZZ_ASSERT (w == o->width);
      if (o->charset == CHARSET_ASCII)
        for (size_t b = 0; b < d.len; b++)
          FUZZ_ASSERT ((unsigned char) d.buf[b] < 0x80);
    }
  FUZZ_ASSERT (!open);
  FUZZ_ASSERT (next_span == l->nspans);
  free (d.buf);

  for (size_t k = 0; k < l->nlinks; k++)
    {
      const struct layout_link *lk = &l->links[k];

      FUZZ_ASSERT (lk->nlines >= 1);
      FUZZ_ASSERT ((size_t) lk->line + lk->nlines <= l->nlines);
      FUZZ_ASSERT (lk->block < nblocks);
      for (size_t i = lk->line; i < (size_t) lk->line + lk->nlines; i++)
        FUZZ_ASSERT (l->lines[i].link == (int32_t) k);
      FUZZ_ASSERT (k == 0 || lk->line >= l->links[k - 1].line
                              + l->links[k - 1].nlines);
    }

  /* Anchors: each line's own anchor finds that line or a later one with
     the same anchor; any anchor finds a line that is not after it.  */
  for (size_t i = 0; i < l->nlines; i++)
    {
      const struct layout_line *line = &l->lines[i];
      size_t j = layout_find_anchor (l, line->block, line->offset);

      FUZZ_ASSERT (j >= i && j < l->nlines);
      FUZZ_ASSERT (fuzz_anchor_cmp (&l->lines[j], line) == 0);
    }
  for (unsigned q = 0; q < 8; q++)
    {
      uint32_t block, offset;
      size_t j;

      seed = seed * 1103515245u + 12345u;
      block = (seed >> 8) % (uint32_t) (nblocks + 2);
      seed = seed * 1103515245u + 12345u;
      offset = (seed & 7) << 16 | ((seed >> 8) & 0x3FF);
      j = layout_find_anchor (l, block, offset);
      FUZZ_ASSERT (j == 0 || j < l->nlines);
      if (j > 0)
        FUZZ_ASSERT (l->lines[j].block < block
                     || (l->lines[j].block == block
                         && l->lines[j].offset <= offset));
      if (j + 1 < l->nlines)
        FUZZ_ASSERT (l->lines[j + 1].block > block
                     || (l->lines[j + 1].block == block
                         && l->lines[j + 1].offset > offset)
                     || j == 0);
      j = layout_find_block (l, block);
      FUZZ_ASSERT (j == 0 || j < l->nlines);
    }
}

/* Checks that the LEN bytes at S are safe to show on a terminal: valid
   UTF-8, no control or invisible character but the line feed.  (Only
   fuzz-load.c prints diagnostics.)  */
static void fuzz_check_terminal_safe (const char *s, size_t len)
  __attribute__ ((unused));
static void
fuzz_check_terminal_safe (const char *s, size_t len)
{
  size_t off = 0;
  uint32_t uc = 0;
  enum utf8_problem p = utf8_check (s, len, true, &off, &uc);

  if (p != UTF8_OK)
    {
      fprintf (stderr, "unsafe output at byte %zu (U+%04X, problem %d):\n",
               off, (unsigned) uc, (int) p);
      fwrite (s, 1, len, stderr);
      fputc ('\n', stderr);
    }
  FUZZ_ASSERT (p == UTF8_OK);
}

/* A cheap hash of the input, to pick options deterministically.  */
static uint32_t
fuzz_hash (const uint8_t *data, size_t size)
{
  uint32_t h = 2166136261u;

  for (size_t i = 0; i < size; i++)
    h = (h ^ data[i]) * 16777619u;
  return h;
}

#endif /* MESOKIOSK_FUZZ_COMMON_H */
