/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* fuzz-load.c -- libFuzzer target for the content loader.

   Each input is read as a page (load_page(), in LOAD_FULL and LOAD_HEADER
   modes, language "fr", expected id "p") and as settings (load_settings()
   over fresh defaults).  Every diagnostic is printed, with and without its
   source line and caret, into a memory stream, and what would reach a
   terminal must be safe (fuzz_check_terminal_safe()).  A page that loads
   must hold what the loader promises: a valid id equal to the file name,
   a title on one line, checked text everywhere, a complete block of each
   kind; its header read must agree; and it is laid out at a width, charset
   and mode taken from the input's hash, with every layout invariant
   checked (fuzz-common.h).

   The cross-file checker (check_library()) needs directories: for one
   input in 16 among those that load as a page or as settings, the input
   is written as fr/p.yaml (and kiosk.yaml) of a scratch layer over a
   small fixed one, and check_library() runs on the two.  That costs a few
   file writes, so it is kept to a fraction of the inputs.

   Built by tests/fuzz/run.sh; see tests/fuzz/README.  */

#include "system.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "diag.h"
#include "layout.h"
#include "library.h"
#include "load.h"
#include "page.h"
#include "settings.h"
#include "fuzz-common.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *fuzz_dir;          /* Scratch directory for check_library.  */
static char *fuzz_layers[2];

static void
fuzz_write (const char *dir, const char *name, const void *data, size_t n)
{
  char *path;
  FILE *f;

  if (asprintf (&path, "%s/%s", dir, name) < 0)
    abort ();
  f = fopen (path, "wb");
  if (f == NULL || fwrite (data, 1, n, f) != n || fclose (f) != 0)
    {
      fprintf (stderr, "fuzz-load: cannot write %s: %s\n", path,
               strerror (errno));
      abort ();
    }
  free (path);
}

static void
fuzz_remove (const char *dir, const char *name)
{
  char *path;

  if (asprintf (&path, "%s/%s", dir, name) < 0)
    abort ();
  unlink (path);
  free (path);
}

static char *
fuzz_mkdir (const char *parent, const char *name)
{
  char *path;

  if (asprintf (&path, "%s/%s", parent, name) < 0)
    abort ();
  if (mkdir (path, 0700) != 0 && errno != EEXIST)
    {
      fprintf (stderr, "fuzz-load: cannot create %s: %s\n", path,
               strerror (errno));
      abort ();
    }
  return path;
}

static void
fuzz_cleanup (void)
{
  static const char *const files[] = {
    "base/kiosk.yaml", "base/en/p.yaml", "base/en/signes-alerte.yaml",
    "base/fr/signes-alerte.yaml", "base/fr/autre.yaml", "top/kiosk.yaml",
    "top/fr/p.yaml", "base/en", "base/fr", "top/fr", "base", "top", NULL
  };

  if (fuzz_dir == NULL)
    return;
  for (size_t i = 0; files[i] != NULL; i++)
    {
      char *path;

      if (asprintf (&path, "%s/%s", fuzz_dir, files[i]) < 0)
        abort ();
      if (unlink (path) != 0)
        rmdir (path);
      free (path);
    }
  rmdir (fuzz_dir);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  static const char base_settings[] =
    "clinic:\n  name: Clinique\n  phone: \"01 02 03\"\n"
    "languages: [fr, en]\ndefault_language: fr\nmenu: [p, signes-alerte]\n";
  static const char en_p[] =
    "id: p\ntitle: P\nsummary: S.\nblocks:\n  - link: signes-alerte\n"
    "  - warning:\n      text: W.\n";
  static const char alert_fr[] =
    "id: signes-alerte\ntitle: Alerte\nsummary: S.\nblocks:\n"
    "  - text: \"Appelez le {emergency}.\"\n  - link: p\n";
  static const char alert_en[] =
    "id: signes-alerte\ntitle: Alert\nsummary: S.\nblocks:\n"
    "  - text: \"Call {emergency}.\"\n  - link: p\n";
  static const char autre_fr[] =
    "id: autre\ntitle: Autre\nsummary: S.\nblocks:\n  - link: p\n";
  const char *tmp = getenv ("TMPDIR");
  char *base, *top, *d;
  (void) argc;
  (void) argv;

  setlocale (LC_ALL, "C.UTF-8");
  if (asprintf (&fuzz_dir, "%s/mesokiosk-fuzz-load.XXXXXX",
                tmp != NULL && *tmp != '\0' ? tmp : "/tmp") < 0
      || mkdtemp (fuzz_dir) == NULL)
    {
      fprintf (stderr, "fuzz-load: cannot create a scratch directory\n");
      abort ();
    }
  atexit (fuzz_cleanup);
  base = fuzz_mkdir (fuzz_dir, "base");
  top = fuzz_mkdir (fuzz_dir, "top");
  free (fuzz_mkdir (base, "en"));
  free (fuzz_mkdir (base, "fr"));
  d = fuzz_mkdir (top, "fr");
  free (d);
  fuzz_write (base, "kiosk.yaml", base_settings, sizeof base_settings - 1);
  fuzz_write (base, "en/p.yaml", en_p, sizeof en_p - 1);
  fuzz_write (base, "fr/signes-alerte.yaml", alert_fr, sizeof alert_fr - 1);
  fuzz_write (base, "en/signes-alerte.yaml", alert_en, sizeof alert_en - 1);
  fuzz_write (base, "fr/autre.yaml", autre_fr, sizeof autre_fr - 1);
  fuzz_layers[0] = base;
  fuzz_layers[1] = top;
  return 0;
}

/* Prints every diagnostic of D as --check does (with CONTEXT) and as the
   kiosk's log does (without); the output must be safe for a terminal.  */
static void
fuzz_print_diags (const struct diag_list *d)
{
  for (int context = 0; context < 2; context++)
    {
      char *out = NULL;
      size_t len = 0;
      FILE *f = open_memstream (&out, &len);

      if (f == NULL)
        abort ();
      diag_list_print (f, d, context);
      for (size_t i = 0; i < d->n; i++)
        diag_print (f, &d->items[i], context);
      fclose (f);
      fuzz_check_terminal_safe (out, len);
      free (out);
    }
  /* Every problem is counted; past a file's cap it is only counted, and
     a note (not counted) says so.  */
  {
    size_t kept = 0, notes = 0;

    for (size_t i = 0; i < d->n; i++)
      {
        if (d->items[i].sev == DIAG_NOTE)
          notes++;
        else
          kept++;
      }
    FUZZ_ASSERT (notes > 0 ? d->nerrors + d->nwarnings > kept
                           : d->nerrors + d->nwarnings == kept);
  }
}

static void
fuzz_check_text (const char *s, bool allow_newline)
{
  FUZZ_ASSERT (s != NULL);
  FUZZ_ASSERT (*s != '\0');
  FUZZ_ASSERT (utf8_check (s, strlen (s), allow_newline, NULL, NULL)
               == UTF8_OK);
}

static void
fuzz_check_strv (const struct strv *v, bool allow_empty)
{
  FUZZ_ASSERT (allow_empty || v->n > 0);
  for (size_t i = 0; i < v->n; i++)
    fuzz_check_text (v->v[i], true);
}

/* What a page the loader accepted must hold.  */
static void
fuzz_check_page (const struct page *p, enum load_mode mode)
{
  FUZZ_ASSERT (p->id != NULL && strcmp (p->id, "p") == 0);
  FUZZ_ASSERT (strcmp (p->lang, "fr") == 0);
  fuzz_check_text (p->title, false);
  fuzz_check_text (p->summary, true);
  fuzz_check_strv (&p->keywords, true);
  FUZZ_ASSERT (p->complete == (mode == LOAD_FULL));
  if (mode == LOAD_HEADER)
    return;
  FUZZ_ASSERT (p->nblocks > 0);
  for (size_t i = 0; i < p->nblocks; i++)
    {
      const struct block *b = &p->blocks[i];

      FUZZ_ASSERT (b->line > 0 && b->col > 0);
      switch (b->kind)
        {
        case BLOCK_HEADING:
        case BLOCK_TEXT:
          fuzz_check_text (b->text, true);
          break;
        case BLOCK_LIST:
          fuzz_check_strv (&b->items, true);
          break;
        case BLOCK_WARNING:
          FUZZ_ASSERT (b->level < LEVEL_COUNT);
          FUZZ_ASSERT (b->text != NULL || b->items.n > 0);
          if (b->text != NULL)
            fuzz_check_text (b->text, true);
          if (b->title != NULL)
            fuzz_check_text (b->title, true);
          fuzz_check_strv (&b->items, true);
          break;
        case BLOCK_LINK:
          FUZZ_ASSERT (b->target != NULL && page_id_valid (b->target));
          if (b->text != NULL)
            fuzz_check_text (b->text, true);
          break;
        case BLOCK_QR:
          FUZZ_ASSERT ((b->qr == NULL) == (b->qr_size == 0));
          FUZZ_ASSERT (b->qr == NULL || b->title != NULL);
          break;
        default:
          FUZZ_ASSERT (!"unknown block kind");
        }
    }
  FUZZ_ASSERT (p->review.by == NULL
               || page_date_cmp (&p->review.date, &p->review.next) < 0);
  FUZZ_ASSERT (p->nsources == 0 || p->has_sources);
  for (size_t i = 0; i < p->nsources; i++)
    {
      fuzz_check_text (p->sources[i].title, true);
      fuzz_check_text (p->sources[i].publisher, true);
    }
}

static const char *
fuzz_link_label (void *ctx, const char *lang, const char *target,
                 const char **label_lang)
{
  (void) ctx;
  (void) lang;
  (void) label_lang;
  return target[0] == 'a' ? NULL : "Un titre de page « cible » : voilà !";
}

static void
fuzz_layout (const struct page *p, uint32_t h)
{
  struct layout_options o;
  struct layout *l;

  memset (&o, 0, sizeof o);
  o.width = LAYOUT_MIN_WIDTH + h % 193;
  o.charset = (enum charset) ((h >> 8) % 3);
  o.french = true;
  o.plain = (h >> 10) & 1;
  o.level_labels[LEVEL_URGENT] = (h >> 11) & 1 ? "Attention" : "Avertissement important";
  o.notice = (h >> 12) & 1 ? "Cette page n'existe pas en anglais : la voici"
                             " en français." : NULL;
  o.notice_french = (h >> 13) & 1;
  o.link_label = fuzz_link_label;
  l = layout_page (p, &o);
  fuzz_check_layout (l, &o, p->nblocks, h);
  layout_free (l);
}

static void
fuzz_check_library (const uint8_t *data, size_t size, bool page_ok,
                    bool settings_ok)
{
  struct library *lib;
  const char *const *langs;
  size_t nlangs;
  const char *layers[2] = { fuzz_layers[0], fuzz_layers[1] };

  if (page_ok)
    fuzz_write (fuzz_layers[1], "fr/p.yaml", data, size);
  else
    fuzz_remove (fuzz_layers[1], "fr/p.yaml");
  if (settings_ok)
    fuzz_write (fuzz_layers[1], "kiosk.yaml", data, size);
  else
    fuzz_remove (fuzz_layers[1], "kiosk.yaml");
  lib = library_open (layers, 2, 1);
  check_library (lib);
  if (getenv ("FUZZ_VERBOSE") != NULL)
    {
      fprintf (stderr, "check_library: %zu pages, %zu diagnostics\n",
               library_count (lib), library_diags (lib)->n);
      diag_list_print (stderr, library_diags (lib), true);
    }
  fuzz_print_diags (library_diags (lib));
  nlangs = library_languages (lib, (const char ***) &langs);
  for (size_t i = 0; i < nlangs; i++)
    {
      const struct page *h = library_header (lib, "p", langs[i]);
      const struct page *f = library_page (lib, "p", langs[i]);

      if (f != NULL)
        FUZZ_ASSERT (h != NULL && f->complete);
    }
  for (size_t i = 0; i < library_count (lib); i++)
    {
      const char *id, *lang, *path;

      library_entry (lib, i, &id, &lang, &path);
      FUZZ_ASSERT (page_id_valid (id));
    }
  library_free (lib);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* An exact copy, without a terminating NUL: the loader takes a length
     and must not read past it.  */
  char *buf = malloc (size > 0 ? size : 1);
  struct settings set, fresh;
  struct diag_list d;
  struct page *full, *head;
  uint32_t h = fuzz_hash (data, size);
  bool settings_ok;

  if (buf == NULL)
    abort ();
  memcpy (buf, data, size);

  /* Placeholders are filled from settings with spaces in the phone
     number (no-break spaces), as a clinic's are.  */
  settings_init (&set);
  {
    static const char clinic[] =
      "clinic:\n  name: Clinique « Test »\n  phone: \"01 23 45 67 89\"\n";
    struct diag_list cd;

    diag_list_init (&cd);
    FUZZ_ASSERT (load_settings ("kiosk.yaml", clinic, sizeof clinic - 1,
                                &set, &cd));
    diag_list_done (&cd);
  }

  diag_list_init (&d);
  full = load_page ("fr/p.yaml", buf, size, "fr", "p", LOAD_FULL, &set, &d);
  FUZZ_ASSERT ((full == NULL) == (d.nerrors > 0));
  fuzz_print_diags (&d);
  diag_list_done (&d);

  diag_list_init (&d);
  head = load_page ("fr/p.yaml", buf, size, "fr", "p", LOAD_HEADER, &set,
                    &d);
  fuzz_print_diags (&d);
  diag_list_done (&d);

  if (full != NULL)
    {
      fuzz_check_page (full, LOAD_FULL);
      /* The header read of a good page gives the same header.  */
      FUZZ_ASSERT (head != NULL);
      FUZZ_ASSERT (strcmp (head->title, full->title) == 0);
      /* A header read stops once the title is in: the summary is there
         only if it came before the title.  */
      FUZZ_ASSERT (head->summary == NULL
                   || strcmp (head->summary, full->summary) == 0);
      fuzz_layout (full, h);
    }
  if (head != NULL)
    {
      FUZZ_ASSERT (head->id != NULL && head->title != NULL);
      FUZZ_ASSERT (utf8_check (head->title, strlen (head->title), true,
                               NULL, NULL) == UTF8_OK);
      FUZZ_ASSERT (head->nblocks == 0);
    }
  page_free (full);

  diag_list_init (&d);
  settings_init (&fresh);
  settings_ok = load_settings ("kiosk.yaml", buf, size, &fresh, &d);
  FUZZ_ASSERT (settings_ok == (d.nerrors == 0));
  fuzz_print_diags (&d);
  FUZZ_ASSERT (fresh.idle_seconds >= SETTINGS_IDLE_MIN
               && fresh.idle_seconds <= SETTINGS_IDLE_MAX);
  FUZZ_ASSERT (fresh.theme <= THEME_MONO);
  if (settings_ok)
    {
      const char *const *strs[] = { &fresh.clinic.name, &fresh.clinic.phone,
                                    &fresh.emergency, &fresh.default_language,
                                    &fresh.staff_pin, &fresh.warning_page };

      for (size_t i = 0; i < ARRAY_SIZE (strs); i++)
        if (*strs[i] != NULL)
          fuzz_check_text (*strs[i], true);
      fuzz_check_strv (&fresh.languages, true);
      fuzz_check_strv (&fresh.menu, true);
      fuzz_check_strv (&fresh.hide, true);
    }
  diag_list_done (&d);
  settings_done (&fresh);

  /* The cross-file checks, for a fraction of the inputs that load.  */
  if ((full != NULL || head != NULL || settings_ok) && (h >> 16) % 16 == 0)
    fuzz_check_library (data, size, full != NULL || head != NULL,
                        settings_ok);

  page_free (head);
  settings_done (&set);
  free (buf);
  return 0;
}
