/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* dump.c -- a laid-out page as plain text.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "dump.h"
#include "xalloc.h"

struct dump_line
{
  char *buf;
  size_t len, cap;
};

static void
dump_piece (void *ctx, const char *s, size_t len, unsigned cols,
            unsigned repeat, enum style_role role)
{
  struct dump_line *d = ctx;
  (void) cols;
  (void) role;

  d->buf = xgrow (d->buf, &d->cap, d->len + len * repeat + 1, 1);
  for (unsigned r = 0; r < repeat; r++)
    {
      memcpy (d->buf + d->len, s, len);
      d->len += len;
    }
}

void
dump_layout (FILE *f, const struct layout *l, enum charset cs)
{
  const struct layout_glyphs *g = layout_glyphs (cs);
  struct dump_line d = { NULL, 0, 0 };

  for (size_t i = 0; i < l->nlines; i++)
    {
      d.len = 0;
      layout_render_line (l, i, g, dump_piece, &d);
      while (d.len > 0 && d.buf[d.len - 1] == ' ')
        d.len--;
      fwrite (d.buf != NULL ? d.buf : "", 1, d.len, f);
      fputc ('\n', f);
    }
  free (d.buf);
}
