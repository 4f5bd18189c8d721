/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* loadfile.c -- loads one content file and prints what the loader says.

   Usage: loadfile FILE...
   A file whose name starts with "kiosk" is read as settings; any other as
   a French page whose id is the file name without ".yaml".  Prints every
   diagnostic in GNU format, then "ok" or "rejected".  Used by the
   broken-content corpus test, under the sanitizers and valgrind too.  */

#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "xalloc.h"

static int
load_one (const char *path)
{
  const char *base = strrchr (path, '/');
  struct diag_list d;
  struct settings set;
  char *buf, *id;
  size_t len;
  bool ok;

  base = base != NULL ? base + 1 : path;
  diag_list_init (&d);
  settings_init (&set);
  if (load_read_file (path, true, &buf, &len, &d) <= 0)
    ok = false;
  else if (strncmp (base, "kiosk", 5) == 0)
    ok = load_settings (path, buf, len, &set, &d);
  else
    {
      struct page *p;

      id = xstrdup (base);
      if (strlen (id) > 5 && strcmp (id + strlen (id) - 5, ".yaml") == 0)
        id[strlen (id) - 5] = '\0';
      p = load_page (path, buf, len, "fr", id, LOAD_FULL, &set, &d);
      ok = p != NULL;
      page_free (p);
      free (id);
    }
  free (buf);
  diag_list_print (stdout, &d, false);
  puts (ok ? "ok" : "rejected");
  diag_list_done (&d);
  settings_done (&set);
  return ok ? 0 : 1;
}

int
main (int argc, char **argv)
{
  int status = 0;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      fputs ("usage: loadfile FILE...\n", stderr);
      return 2;
    }
  for (int i = 1; i < argc; i++)
    status |= load_one (argv[i]);
  return status;
}
