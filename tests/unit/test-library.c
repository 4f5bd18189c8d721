/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* test-library.c -- layered content directories: replace, add, hide;
   settings merged key by key; pages read lazily, headers first.  */

#include "system.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "library.h"
#include "fetch.h"
#include "session.h"
#include "unit.h"
#include "xalloc.h"

static char root[64];

static void
put (const char *path, const char *text)
{
  char *full = xasprintf ("%s/%s", root, path);
  char *slash = strrchr (full, '/');
  FILE *f;

  *slash = '\0';
  for (char *p = full + strlen (root) + 1; (p = strchr (p, '/')) != NULL; p++)
    {
      *p = '\0';
      mkdir (full, 0755);
      *p = '/';
    }
  mkdir (full, 0755);
  *slash = '/';
  f = fopen (full, "w");
  if (f == NULL)
    abort ();
  fputs (text, f);
  fclose (f);
  free (full);
}

static char *
page_yaml (const char *id, const char *title)
{
  return xasprintf ("id: %s\ntitle: %s\nsummary: S.\nblocks:\n  - text: T\n",
                    id, title);
}

static void
test_layers (void)
{
  char *a = xasprintf ("%s/shipped", root), *b = xasprintf ("%s/clinic", root);
  const char *layers[] = { a, b };
  struct library *lib;
  const struct settings *set;
  char *y;

  put ("shipped/kiosk.yaml", "clinic: {name: Shipped, phone: '1'}\n"
                             "idle_seconds: 60\nmenu: [one, two]\n");
  put ("shipped/fr/one.yaml", y = page_yaml ("one", "Un"));
  free (y);
  put ("shipped/en/one.yaml", y = page_yaml ("one", "One"));
  free (y);
  put ("shipped/fr/two.yaml", y = page_yaml ("two", "Deux"));
  free (y);
  put ("shipped/fr/three.yaml", y = page_yaml ("three", "Trois"));
  free (y);
  put ("clinic/kiosk.yaml", "clinic: {phone: '2'}\nhide: [three]\n");
  put ("clinic/fr/one.yaml", y = page_yaml ("one", "Un, version clinique"));
  free (y);
  put ("clinic/fr/four.yaml", y = page_yaml ("four", "Quatre"));
  free (y);
  put ("clinic/fr/notes.txt", "ignored\n");

  lib = library_open (layers, 2, 3);
  set = library_settings (lib);
  CHECK_INT (library_diags (lib)->n, 0);
  /* Settings: key by key.  */
  CHECK_STR (set->clinic.name, "Shipped");
  CHECK_STR (set->clinic.phone, "2");
  CHECK_INT (set->idle_seconds, 60);
  CHECK_INT (set->menu.n, 2);
  /* Replace, keep, add, hide.  */
  CHECK_STR (library_header (lib, "one", "fr")->title, "Un, version clinique");
  CHECK_STR (library_header (lib, "one", "en")->title, "One");
  CHECK (library_header (lib, "four", "fr") != NULL);
  CHECK (library_header (lib, "three", "fr") == NULL);
  CHECK (!library_exists (lib, "three", "fr"));
  CHECK (!library_exists (lib, "one", "de"));   /* No such language.  */
  CHECK_INT (library_count (lib), 4);
  /* The visit goes by id, then language, whatever the directories'
     order.  */
  {
    static const char *const want[][2] = {
      { "four", "fr" }, { "one", "en" }, { "one", "fr" }, { "two", "fr" }
    };

    for (size_t i = 0; i < library_count (lib) && i < 4; i++)
      {
        const char *id, *lang, *path;

        library_entry (lib, i, &id, &lang, &path);
        CHECK_STR (id, want[i][0]);
        CHECK_STR (lang, want[i][1]);
      }
  }
  /* After the sort, the lookups still find their pages.  */
  CHECK_STR (library_header (lib, "one", "fr")->title, "Un, version clinique");
  CHECK (library_exists (lib, "four", "fr"));
  /* Lazy: a header first, then the whole page; both stay valid.  */
  {
    const struct page *h = library_header (lib, "two", "fr");
    const struct page *p;

    CHECK (h != NULL && !h->complete);
    p = library_page (lib, "two", "fr");
    CHECK (p != NULL && p->complete);
    CHECK_STR (h->title, "Deux");
    CHECK_INT (p->nblocks, 1);
    CHECK (library_header (lib, "two", "fr") == p);
  }
  /* Everything else, one page at a time.  */
  {
    int n = 0;

    while (library_load_next (lib))
      n++;
    CHECK_INT (n, 3);
    CHECK (!library_load_next (lib));
  }
  library_free (lib);

  /* A missing layer that must exist is an error; one that need not
     exist is skipped quietly.  */
  {
    char *nope = xasprintf ("%s/nope", root);
    const char *l2[] = { a, nope };

    lib = library_open (l2, 2, 2);
    CHECK_INT (library_diags (lib)->nerrors, 1);
    library_free (lib);
    lib = library_open (l2, 2, 1);
    CHECK_INT (library_diags (lib)->nerrors, 0);
    library_free (lib);
    free (nope);
  }
  free (a);
  free (b);
}

static void
test_broken_page (void)
{
  char *dir = xasprintf ("%s/broken", root);
  const char *layers[] = { dir };
  struct library *lib;

  put ("broken/fr/good.yaml", "id: good\ntitle: G\nsummary: S.\n"
                              "blocks: [{link: bad}]\n");
  /* A header that reads well, with a broken body: the page is refused
     when read in full, and the error is reported once.  */
  put ("broken/fr/bad.yaml", "id: bad\ntitle: B\nsummary: S.\n"
                             "blocks: [{txet: x}]\n");
  lib = library_open (layers, 1, 1);
  CHECK (library_header (lib, "bad", "fr") != NULL);
  CHECK (library_page (lib, "bad", "fr") == NULL);
  CHECK (!library_exists (lib, "bad", "fr"));
  CHECK_INT (library_diags (lib)->nerrors, 1);
  check_library (lib);
  /* And the link to it now leads nowhere.  */
  {
    const struct diag_list *d = library_diags (lib);
    int found = 0;

    for (size_t i = 0; i < d->n; i++)
      found += strstr (d->items[i].msg, "the link to 'bad' leads nowhere")
               != NULL && d->items[i].line == 4;
    CHECK_INT (found, 1);
  }
  library_free (lib);
  free (dir);
}

/* 4096 page files are read; the 4097th is refused with a message.  */
static void
test_page_limit (void)
{
  char *dir = xasprintf ("%s/many", root);
  const char *layers[] = { dir };
  struct library *lib;
  struct diag_list *d;

  for (int i = 1; i <= LIBRARY_MAX_PAGES; i++)
    {
      char *path = xasprintf ("many/fr/p%d.yaml", i);

      put (path, "");
      free (path);
    }
  lib = library_open (layers, 1, 1);
  CHECK_INT (library_count (lib), LIBRARY_MAX_PAGES);
  CHECK_INT (library_diags (lib)->nerrors, 0);
  /* Every one of them can be looked up, the first and the last found.  */
  {
    size_t found = 0;

    for (int i = 1; i <= LIBRARY_MAX_PAGES; i++)
      {
        char *id = xasprintf ("p%d", i);

        found += library_exists (lib, id, "fr");
        free (id);
      }
    CHECK_INT (found, LIBRARY_MAX_PAGES);
    CHECK (!library_exists (lib, "p0", "fr"));
  }
  library_free (lib);
  put ("many/fr/q.yaml", "");
  lib = library_open (layers, 1, 1);
  d = library_diags (lib);
  CHECK_INT (library_count (lib), LIBRARY_MAX_PAGES);
  CHECK_INT (d->nerrors, 1);
  CHECK (d->n > 0 && strstr (d->items[0].msg, "too many pages: the limit is"
                             " 4096 files") != NULL);
  library_free (lib);
  free (dir);
}

/* A menu of 300 topics: the first screen reads the titles it shows, not
   300 files; the rest comes as the patient moves.  One topic has no file
   and one is broken: they are left out of the menu.  */
static void
test_big_menu (void)
{
  enum { N = 300 };
  char *dir = xasprintf ("%s/big", root);
  const char *layers[] = { dir };
  static const struct profile pf = { CHARSET_UTF8, false, false };
  struct session_config c = { .profile = &pf, .lang = "fr" };
  char *menu = xstrdup ("languages: [fr]\nmenu:\n  - nowhere\n");
  struct library *lib;
  struct session *s;
  const struct layout *l;
  size_t reads;

  for (int i = 1; i <= N; i++)
    {
      char *id = xasprintf ("t%03d", i), *path = xasprintf ("big/fr/%s.yaml",
                                                            id);
      char *title = xasprintf ("Sujet %d", i);
      char *yaml = i == 150 ? xstrdup ("id: t150\ntitle: [broken\n")
                            : page_yaml (id, title);
      char *m = xasprintf ("%s  - %s\n", menu, id);

      put (path, yaml);
      free (menu);
      menu = m;
      free (id);
      free (path);
      free (title);
      free (yaml);
    }
  put ("big/kiosk.yaml", menu);
  free (menu);
  lib = library_open (layers, 1, 1);
  CHECK_INT (library_diags (lib)->nerrors, 0);
  s = session_new (lib, &c);
  fetch_resize (s, lib, 72, 21);
  l = session_layout (s);
  reads = library_reads (lib);
  CHECK (!l->complete);
  CHECK (l->nlines > 21);
  CHECK (reads >= 18 && reads <= 30);
  CHECK_INT (session_selected (s), 0);
  CHECK_STR (l->links[0].target, "t001");
  /* A page down reads about a screen more.  */
  fetch_handle (s, lib, ACT_PAGE_DOWN, 0);
  CHECK (library_reads (lib) > reads && library_reads (lib) <= reads + 25);
  CHECK (session_layout (s)->nlines >= session_top (s) + 21);
  /* Shift-Tab from the first link wraps round to the last one: all of the
     menu is laid out then, without the missing and the broken topic.  */
  fetch_handle (s, lib, ACT_TOP, 0);
  fetch_handle (s, lib, ACT_TOP, 0);       /* At the top: selects the first.  */
  CHECK_INT (session_selected (s), 0);
  fetch_handle (s, lib, ACT_PREV_LINK, 0);
  l = session_layout (s);
  CHECK (l->complete);
  if (!l->complete || l->nlinks != N - 1)
    return;
  CHECK_INT (l->nlinks, N - 1);
  CHECK_INT (session_selected (s), N - 2);
  CHECK_STR (l->links[N - 2].target, "t300");
  CHECK_STR (l->links[148].target, "t149");
  CHECK_STR (l->links[149].target, "t151");
  CHECK_INT (session_top (s), l->nlines - 21);
  /* Tab wraps to the first.  */
  fetch_handle (s, lib, ACT_NEXT_LINK, 0);
  CHECK_INT (session_selected (s), 0);
  CHECK_INT (session_top (s), l->links[0].line);
  session_free (s);
  library_free (lib);

  /* End goes to the bottom of a menu laid out only in part.  */
  lib = library_open (layers, 1, 1);
  s = session_new (lib, &c);
  fetch_resize (s, lib, 72, 21);
  CHECK (!session_layout (s)->complete);
  fetch_handle (s, lib, ACT_BOTTOM, 0);
  l = session_layout (s);
  CHECK (l->complete);
  CHECK_INT (session_top (s), l->nlines - 21);
  /* Tab through the first screen and past it: the next link is there.  */
  fetch_handle (s, lib, ACT_TOP, 0);
  fetch_handle (s, lib, ACT_TOP, 0);
  for (int i = 0; i < 25; i++)
    fetch_handle (s, lib, ACT_NEXT_LINK, 0);
  CHECK_INT (session_selected (s), 25);
  CHECK (session_top (s) > 0);
  session_free (s);
  library_free (lib);
  free (dir);
}

int
main (void)
{
  snprintf (root, sizeof root, "/tmp/mk-test-library.XXXXXX");
  if (mkdtemp (root) == NULL)
    return 99;
  RUN (test_layers);
  RUN (test_broken_page);
  RUN (test_page_limit);
  RUN (test_big_menu);
  {
    char *cmd = xasprintf ("rm -rf '%s'", root);

    if (system (cmd) != 0)
      fprintf (stderr, "could not remove %s\n", root);
    free (cmd);
  }
  return unit_done ();
}
