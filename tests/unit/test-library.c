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

  put ("broken/kiosk.yaml", "languages: [fr]\n");
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

/* The number of diagnostics of D whose message has TEXT.  */
static int
count_diags (const struct diag_list *d, const char *text)
{
  int n = 0;

  for (size_t i = 0; i < d->n; i++)
    n += strstr (d->items[i].msg, text) != NULL;
  return n;
}

/* A clinic's copy that does not load (a YAML mistake, empty, not a
   file) gives way to the same page in the layer below, with its errors
   and a word on what is shown instead.  */
static void
test_broken_copy (void)
{
  char *a = xasprintf ("%s/fb-shipped", root), *b = xasprintf ("%s/fb-clinic", root);
  char *c = xasprintf ("%s/fb-third", root);
  const char *layers[] = { a, b, c };
  struct library *lib;
  struct diag_list *d;
  const struct page *p;
  char *y, *dir;

  put ("fb-shipped/fr/alerte.yaml", y = page_yaml ("alerte", "Alerte"));
  free (y);
  put ("fb-shipped/en/alerte.yaml", y = page_yaml ("alerte", "Warning"));
  free (y);
  put ("fb-shipped/en/apres.yaml", y = page_yaml ("apres", "After"));
  free (y);
  put ("fb-shipped/fr/seul.yaml", "id: seul\ntitle: [\n");
  /* A YAML mistake, an empty file, a directory.  */
  put ("fb-clinic/fr/alerte.yaml", "id: alerte\ntitle: Alerte, clinique\n"
                                   "summary: S.\nblocks:\n  - txet: T\n");
  put ("fb-clinic/en/alerte.yaml", "");
  dir = xasprintf ("%s/fb-clinic/en/apres.yaml", root);
  mkdir (dir, 0755);
  free (dir);
  /* Broken in two layers: the third is read first, then the second,
     then the shipped one.  */
  put ("fb-clinic/fr/seul.yaml", "");
  put ("fb-third/fr/seul.yaml", "id: seul\n");
  lib = library_open (layers, 3, 7);
  d = library_diags (lib);
  p = library_page (lib, "alerte", "fr");
  CHECK (p != NULL && strcmp (p->title, "Alerte") == 0);
  CHECK (p != NULL && strstr (p->file, "fb-shipped/fr/alerte.yaml") != NULL);
  CHECK_INT (count_diags (d, "unknown key 'txet'"), 1);
  CHECK_INT (count_diags (d, "this page does not load; the kiosk shows"), 1);
  p = library_header (lib, "alerte", "en");
  CHECK (p != NULL && strcmp (p->title, "Warning") == 0);
  CHECK (library_page (lib, "apres", "en") != NULL);
  CHECK (library_exists (lib, "apres", "en"));
  CHECK_INT (count_diags (d, "this page does not load; the kiosk shows"), 3);
  /* No layer loads: broken, with every file's problems.  */
  CHECK (library_page (lib, "seul", "fr") == NULL);
  CHECK (!library_exists (lib, "seul", "fr"));
  CHECK_INT (count_diags (d, "this page does not load; the kiosk shows"), 5);
  {
    int in_third = 0, in_clinic = 0, in_shipped = 0;

    for (size_t i = 0; i < d->n; i++)
      if (d->items[i].sev == DIAG_ERROR && d->items[i].file != NULL
          && strstr (d->items[i].file, "seul.yaml") != NULL)
        {
          in_third += strstr (d->items[i].file, "fb-third") != NULL;
          in_clinic += strstr (d->items[i].file, "fb-clinic") != NULL;
          in_shipped += strstr (d->items[i].file, "fb-shipped") != NULL;
        }
    CHECK (in_third > 0 && in_clinic > 0 && in_shipped > 0);
  }
  /* --check visits the page that won: the shipped one.  */
  for (size_t i = 0; i < library_count (lib); i++)
    {
      const char *id, *lang, *path;

      library_entry (lib, i, &id, &lang, &path);
      if (strcmp (id, "alerte") == 0)
        CHECK (strstr (path, "fb-shipped") != NULL);
    }
  library_free (lib);
  free (a);
  free (b);
  free (c);
}

/* A language directory that is a looping symbolic link, or one to
   nothing, is skipped with a message, as is a content directory that
   loops.  */
static void
test_bad_links (void)
{
  char *dir = xasprintf ("%s/links", root), *y, *path, *loop;
  const char *layers[2];
  struct library *lib;
  struct diag_list *d;

  put ("links/en/one.yaml", y = page_yaml ("one", "One"));
  free (y);
  path = xasprintf ("%s/links/fr", root);
  CHECK (symlink ("fr", path) == 0);            /* Loops.  */
  free (path);
  path = xasprintf ("%s/links/de", root);
  CHECK (symlink ("nowhere", path) == 0);
  free (path);
  loop = xasprintf ("%s/loop", root);
  CHECK (symlink ("loop", loop) == 0);
  layers[0] = dir;
  layers[1] = loop;
  lib = library_open (layers, 2, 1);
  d = library_diags (lib);
  CHECK (library_exists (lib, "one", "en"));
  CHECK_INT (count_diags (d, "this language directory is skipped: Too many"
                          " levels of symbolic links"), 1);
  CHECK_INT (count_diags (d, "this language directory is skipped: it is a"
                          " symbolic link to nothing"), 1);
  CHECK_INT (count_diags (d, "cannot read this content directory: Too many"
                          " levels of symbolic links"), 1);
  for (size_t i = 0; i < d->n; i++)
    if (strstr (d->items[i].msg, "skipped") != NULL)
      CHECK (strstr (d->items[i].file, "/links/fr") != NULL
             || strstr (d->items[i].file, "/links/de") != NULL);
  library_free (lib);
  free (loop);
  free (dir);
}

/* Languages offered without pages are left out; with none left, the
   kiosk offers those of fr and en that have pages.  */
static void
test_languages_without_pages (void)
{
  char *dir = xasprintf ("%s/langs", root);
  const char *layers[] = { dir };
  struct library *lib;
  const struct settings *set;
  char *y;

  put ("langs/en/one.yaml", y = page_yaml ("one", "One"));
  free (y);
  put ("langs/de/one.yaml", y = page_yaml ("one", "Eins"));
  free (y);
  put ("langs/kiosk.yaml", "languages: [de, it, es]\n");
  lib = library_open (layers, 1, 1);
  set = library_settings (lib);
  CHECK_INT (set->languages.n, 1);
  CHECK_STR (set->languages.v[0], "de");
  CHECK_INT (count_diags (library_diags (lib), "there is no directory of"
                          " pages for it"), 2);
  CHECK_INT (library_diags (lib)->nerrors, 2);
  library_free (lib);
  put ("langs/kiosk.yaml", "languages: [it, es]\n");
  lib = library_open (layers, 1, 1);
  set = library_settings (lib);
  CHECK_INT (set->languages.n, 1);
  CHECK_STR (set->languages.v[0], "en");
  CHECK_INT (count_diags (library_diags (lib), "no language is left to"
                          " offer; the kiosk offers en"), 1);
  CHECK_INT (library_diags (lib)->nerrors, 3);
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

  put ("many/kiosk.yaml", "languages: [fr]\n");
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
  /* Whatever the order of the directory, the last by id goes, by name.  */
  CHECK (d->n > 0 && strstr (d->items[0].msg, "too many pages: the limit is"
                             " 4096") != NULL
         && strstr (d->items[0].msg, "and 1 page is left out: ") != NULL
         && strstr (d->items[0].msg, "many/fr/q.yaml") != NULL);
  CHECK (!library_exists (lib, "q", "fr"));
  library_free (lib);

  /* Over the limit, the clinic's files, the menu's pages and the warning
     page come first: here they sort last by id, and the clinic's layer
     is read last.  */
  {
    char *clinic = xasprintf ("%s/many-clinic", root);
    const char *two[] = { dir, clinic };
    int left = 0;

    put ("many/fr/zz-menu.yaml", "");
    put ("many/fr/zz-alerte.yaml", "");
    put ("many-clinic/kiosk.yaml", "menu: [zz-menu]\n"
                                   "warning_page: zz-alerte\n");
    put ("many-clinic/fr/zz-clinique.yaml", "");
    put ("many-clinic/fr/zz-alerte.yaml", "");
    lib = library_open (two, 2, 3);
    d = library_diags (lib);
    CHECK_INT (library_count (lib), LIBRARY_MAX_PAGES);
    CHECK (library_exists (lib, "zz-menu", "fr"));
    CHECK (library_exists (lib, "zz-alerte", "fr"));
    CHECK (library_exists (lib, "zz-clinique", "fr"));
    CHECK (library_exists (lib, "p1", "fr"));
    /* Four shipped pages go: the last four by id.  */
    CHECK (!library_exists (lib, "q", "fr"));
    CHECK (!library_exists (lib, "p999", "fr"));
    CHECK (!library_exists (lib, "p998", "fr"));
    CHECK (!library_exists (lib, "p997", "fr"));
    CHECK (library_exists (lib, "p996", "fr"));
    for (size_t i = 0; i < d->n; i++)
      left += strstr (d->items[i].msg, "and 4 pages are left out: ") != NULL
              && strstr (d->items[i].msg, "p998.yaml, ") != NULL
              && strstr (d->items[i].msg, "p999.yaml, ") != NULL
              && strstr (d->items[i].msg, "q.yaml") != NULL;
    CHECK_INT (left, 1);
    CHECK_INT (d->nerrors, 1);
    /* And the visits still go by id.  */
    {
      const char *id, *lang, *path, *prev = "";
      bool ordered = true;

      for (size_t i = 0; i < library_count (lib); i++)
        {
          library_entry (lib, i, &id, &lang, &path);
          ordered &= strcmp (prev, id) < 0;
          prev = id;
        }
      CHECK (ordered);
    }
    library_free (lib);
    free (clinic);
  }
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
  RUN (test_broken_copy);
  RUN (test_languages_without_pages);
  RUN (test_bad_links);
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
