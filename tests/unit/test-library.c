/* test-library.c -- layered content directories: replace, add, hide;
   settings merged key by key; pages read lazily, headers first.  */

#include "system.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "library.h"
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
  CHECK_INT (library_count (lib), 4);
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

int
main (void)
{
  snprintf (root, sizeof root, "/tmp/mk-test-library.XXXXXX");
  if (mkdtemp (root) == NULL)
    return 99;
  RUN (test_layers);
  RUN (test_broken_page);
  RUN (test_page_limit);
  {
    char *cmd = xasprintf ("rm -rf '%s'", root);

    if (system (cmd) != 0)
      fprintf (stderr, "could not remove %s\n", root);
    free (cmd);
  }
  return unit_done ();
}
