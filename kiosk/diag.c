/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* diag.c -- problems found in content and settings, kept as data.  */

#include "system.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "utf8.h"
#include "xalloc.h"

void
diag_list_init (struct diag_list *l)
{
  memset (l, 0, sizeof *l);
}

static void
diag_done (struct diag *d)
{
  free (d->file);
  free (d->msg);
  free (d->source);
}

void
diag_list_done (struct diag_list *l)
{
  for (size_t i = 0; i < l->n; i++)
    diag_done (&l->items[i]);
  free (l->items);
  diag_list_init (l);
}

void
diag_list_take (struct diag_list *dst, struct diag_list *src)
{
  if (src->n == 0)
    return;
  dst->items = xgrow (dst->items, &dst->cap, dst->n + src->n, sizeof *dst->items);
  memcpy (dst->items + dst->n, src->items, src->n * sizeof *src->items);
  dst->n += src->n;
  dst->nerrors += src->nerrors;
  dst->nwarnings += src->nwarnings;
  free (src->items);
  diag_list_init (src);
}

struct diag *
diag_add (struct diag_list *l, enum diag_severity sev, const char *file,
          unsigned line, unsigned col, const char *fmt, ...)
{
  struct diag *d;
  va_list ap;

  l->items = xgrow (l->items, &l->cap, l->n + 1, sizeof *l->items);
  d = &l->items[l->n++];
  d->file = file != NULL ? xstrdup (file) : NULL;
  d->line = line;
  d->col = col;
  d->sev = sev;
  d->source = NULL;
  va_start (ap, fmt);
  d->msg = xvasprintf (fmt, ap);
  va_end (ap);
  diag_count (l, sev);
  return d;
}

void
diag_count (struct diag_list *l, enum diag_severity sev)
{
  if (sev == DIAG_ERROR)
    l->nerrors++;
  else if (sev == DIAG_WARNING)
    l->nwarnings++;
}

void
diag_set_source (struct diag *d, const char *src, size_t len)
{
  free (d->source);
  d->source = xstrndup (src, len);
}

/* Prints S with every control, invisible or invalid character escaped.  */
static void
diag_put (FILE *f, const char *s)
{
  char *safe = utf8_escape (s, strlen (s));

  fputs (safe, f);
  free (safe);
}

void
diag_print (FILE *f, const struct diag *d, bool context)
{
  /* TRANSLATORS: GNU-format severity words; editors look for them, so
     most translations keep them as they are.  */
  const char *sev = d->sev == DIAG_ERROR ? _("error")
                    : d->sev == DIAG_WARNING ? _("warning") : _("note");

  if (d->file != NULL)
    {
      diag_put (f, d->file);
      if (d->line > 0)
        fprintf (f, ":%u", d->line);
      if (d->line > 0 && d->col > 0)
        fprintf (f, ":%u", d->col);
      fputs (": ", f);
    }
  fprintf (f, "%s: ", sev);
  diag_put (f, d->msg);
  fputc ('\n', f);
  if (context && d->source != NULL && d->line > 0)
    {
      char *safe = utf8_escape (d->source, strlen (d->source));
      size_t caret = d->col > 0 ? utf8_escaped_width (d->source, strlen (d->source), d->col - 1) : 0;
      int gutter = fprintf (f, " %5u | ", d->line);

      fprintf (f, "%s\n", safe);
      fprintf (f, "%*s| %*s^\n", gutter - 2, "", (int) caret, "");
      free (safe);
    }
}

void
diag_list_print (FILE *f, const struct diag_list *l, bool context)
{
  for (size_t i = 0; i < l->n; i++)
    diag_print (f, &l->items[i], context);
}
