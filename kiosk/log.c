/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* log.c -- where problems go while the kiosk runs.  */

#include "system.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "i18n.h"
#include "log.h"
#include "utf8.h"
#include "xalloc.h"

enum { LOG_KEEP = 200 };

static bool log_defer;
static char *log_kept[LOG_KEEP];
static size_t log_nkept, log_dropped;

void
log_init (bool defer)
{
  log_defer = defer;
  if (defer)
    openlog (PACKAGE, LOG_PID, LOG_USER);
}

static void
log_keep (char *line)
{
  if (log_nkept < LOG_KEEP)
    log_kept[log_nkept++] = line;
  else
    {
      free (line);
      log_dropped++;
    }
}

void
log_diags (struct diag_list *l)
{
  i18n_staff_begin ();
  for (size_t i = 0; i < l->n; i++)
    {
      char *text = NULL;
      size_t len = 0;
      FILE *mem;

      if (!log_defer)
        {
          diag_print (stderr, &l->items[i], false);
          continue;
        }
      mem = open_memstream (&text, &len);
      if (mem == NULL)
        continue;
      diag_print (mem, &l->items[i], false);
      fclose (mem);
      if (len > 0 && text[len - 1] == '\n')
        text[len - 1] = '\0';
      syslog (l->items[i].sev == DIAG_ERROR ? LOG_ERR : LOG_WARNING, "%s",
              text);
      log_keep (text);
    }
  i18n_staff_end ();
  diag_list_done (l);
}

void
log_message (const char *fmt, ...)
{
  va_list ap;
  char *msg, *safe;

  va_start (ap, fmt);
  msg = xvasprintf (fmt, ap);
  va_end (ap);
  safe = utf8_escape (msg, strlen (msg));
  free (msg);
  if (!log_defer)
    {
      fprintf (stderr, "%s: %s\n", PACKAGE, safe);
      free (safe);
      return;
    }
  syslog (LOG_NOTICE, "%s", safe);
  log_keep (safe);
}

void
log_flush (void)
{
  for (size_t i = 0; i < log_nkept; i++)
    {
      fprintf (stderr, "%s\n", log_kept[i]);
      free (log_kept[i]);
    }
  if (log_dropped > 0)
    fprintf (stderr, _("%s: %zu more messages were dropped\n"), PACKAGE,
             log_dropped);
  log_nkept = log_dropped = 0;
}
