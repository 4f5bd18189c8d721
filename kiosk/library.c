/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* library.c -- all the content the kiosk can show, read lazily.  */

#include "system.h"

#include <dirent.h>
#include <errno.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "i18n.h"
#include "library.h"
#include "load.h"
#include "search.h"
#include "xalloc.h"

enum ref_state
{
  REF_UNREAD,
  REF_HEADER,           /* HEADER holds the header only.  */
  REF_COMPLETE,         /* FULL holds the page.  */
  REF_BROKEN,           /* Reading it failed; see the diagnostics.  */
  REF_HIDDEN            /* A clinic's page without a review, which the
                           settings keep from patients.  */
};

/* The same page in a lower layer, in LIB->PATHS.  */
struct page_below
{
  const char *path;
  unsigned layer;
  struct page_below *next;      /* The layer below that, or NULL.  */
};

struct page_ref
{
  const char *id;       /* In LIB->PATHS, after PATH.  */
  const char *lang;     /* Points into LIB->LANGS.  */
  const char *path;     /* In LIB->PATHS: the file read.  */
  struct page_below *below;     /* The same page in the layers below,
                                   highest first: read in turn when PATH
                                   does not load.  */
  unsigned layer;               /* Of PATH: 0 is the shipped library.  */
  enum ref_state state;
  struct page *header;  /* Owned, or NULL.  */
  struct page *full;    /* Owned, or NULL.  */
};

struct library
{
  struct settings settings;
  struct page_ref *refs;        /* In the order found, until sorted.  */
  size_t nrefs, refs_cap;
  bool sorted;                  /* REFS are by id, then language.  */
  uint32_t *slots;              /* The refs by (id, language): index + 1,
                                   or 0; open addressing.  */
  size_t nslots;                /* A power of two, above 2 NREFS.  */
  char **langs;                 /* Owned, sorted.  */
  size_t nlangs, langs_cap;
  size_t next;                  /* Next ref library_load_next() reads.  */
  struct arena paths;           /* Paths and ids of the refs.  */
  size_t reads;                 /* Page files read so far.  */
  size_t unlisted;              /* Page files past LIBRARY_MAX_SCAN.  */
  struct diag_list diags;
  struct search_index *index;   /* Owned; built by the first search.  */
  char *shipped_settings;       /* Owned: layer 0's kiosk.yaml, or NULL.  */
  char *clinic_settings;        /* Owned: the clinic's kiosk.yaml (see
                                   library_clinic_settings()), or NULL.  */
  bool clinic_settings_read;    /* It exists and was read.  */
};

/* The slot where (ID, LANG) starts its probe; LANG is interned.  */
static size_t
library_hash (const struct library *lib, const char *id, const char *lang)
{
  uint64_t h = UINT64_C (14695981039346656037) ^ (uintptr_t) lang;

  for (; *id != '\0'; id++)
    h = (h ^ (unsigned char) *id) * UINT64_C (1099511628211);
  return (size_t) (h ^ (h >> 32)) & (lib->nslots - 1);
}

/* The ref of ID in the interned language LANG, or NULL.  */
static struct page_ref *
library_lookup (const struct library *lib, const char *id, const char *lang)
{
  if (lib->nslots == 0)
    return NULL;
  for (size_t k = library_hash (lib, id, lang);; k = (k + 1) & (lib->nslots - 1))
    {
      uint32_t v = lib->slots[k];
      struct page_ref *ref;

      if (v == 0)
        return NULL;
      ref = &lib->refs[v - 1];
      if (ref->lang == lang && strcmp (ref->id, id) == 0)
        return ref;
    }
}

/* Puts ref I in the table (it is not there).  */
static void
library_slot (struct library *lib, size_t i)
{
  size_t k = library_hash (lib, lib->refs[i].id, lib->refs[i].lang);

  while (lib->slots[k] != 0)
    k = (k + 1) & (lib->nslots - 1);
  lib->slots[k] = (uint32_t) i + 1;
}

/* Makes the table again, for N refs to come (the refs moved, or more are
   coming than it has room for).  */
static void
library_rehash (struct library *lib, size_t n)
{
  size_t want = 64;

  while (want < 2 * n + 2)
    want *= 2;
  if (want != lib->nslots)
    {
      free (lib->slots);
      lib->slots = xcalloc (want, sizeof *lib->slots);
      lib->nslots = want;
    }
  else
    memset (lib->slots, 0, want * sizeof *lib->slots);
  for (size_t i = 0; i < lib->nrefs; i++)
    library_slot (lib, i);
}

/* The interned copy of LANG, or NULL if no directory has that name.  */
static const char *
library_lang (const struct library *lib, const char *lang)
{
  for (size_t i = 0; i < lib->nlangs; i++)
    if (strcmp (lib->langs[i], lang) == 0)
      return lib->langs[i];
  return NULL;
}

static struct page_ref *
library_find (const struct library *lib, const char *id, const char *lang)
{
  const char *ilang = lang != NULL ? library_lang (lib, lang) : NULL;

  return ilang != NULL ? library_lookup (lib, id, ilang) : NULL;
}

static const char *
library_intern_lang (struct library *lib, const char *lang)
{
  for (size_t i = 0; i < lib->nlangs; i++)
    if (strcmp (lib->langs[i], lang) == 0)
      return lib->langs[i];
  lib->langs = xgrow (lib->langs, &lib->langs_cap, lib->nlangs + 1, sizeof *lib->langs);
  lib->langs[lib->nlangs] = xstrdup (lang);
  return lib->langs[lib->nlangs++];
}

/* Whether PATH is a directory: 1 if it is, 0 if it is not or does not
   exist, -1 if it cannot be told (a symbolic link that loops or points
   nowhere, no permission), with errno set.  */
static int
library_dir_state (const char *path)
{
  struct stat st;

  if (stat (path, &st) == 0)
    return S_ISDIR (st.st_mode) ? 1 : 0;
  if (errno == ENOENT)
    {
      struct stat lst;

      /* A symbolic link to nothing says more than "no such file".  */
      if (lstat (path, &lst) == 0 && S_ISLNK (lst.st_mode))
        {
          errno = ENOENT;
          return -1;
        }
      return 0;
    }
  return -1;
}

/* Sets REF's path to DIR/NAME and its id to NAME without ".yaml" (NAME
   is N bytes), in LIB's arena: a library holds a path and an id per page
   file, and asprintf() and two allocations would cost several times
   this.  */
static void
library_set_path (struct library *lib, struct page_ref *ref, const char *dir,
                  size_t dirlen, const char *name, size_t n)
{
  char *path = arena_alloc (&lib->paths, dirlen + 1 + n + 1 + n - 5 + 1);

  memcpy (path, dir, dirlen);
  path[dirlen] = '/';
  memcpy (path + dirlen + 1, name, n + 1);
  memcpy (path + dirlen + 1 + n + 1, name, n - 5);
  path[dirlen + 1 + n + 1 + n - 5] = '\0';
  ref->path = path;
  ref->id = path + dirlen + 1 + n + 1;
}

/* The order of refs: by id, then by language (interned: equal languages
   are equal pointers).  */
static inline int
library_ref_order (const struct page_ref *x, const struct page_ref *y)
{
  int c = strcmp (x->id, y->id);

  return c != 0 || x->lang == y->lang ? c : strcmp (x->lang, y->lang);
}

/* Merges the sorted runs A[0..NA) and B[0..NB) into OUT.  */
static void
library_merge (const struct page_ref *const *a, size_t na,
               const struct page_ref *const *b, size_t nb,
               const struct page_ref **out)
{
  size_t i = 0, j = 0, k = 0;

  while (i < na && j < nb)
    out[k++] = library_ref_order (b[j], a[i]) < 0 ? b[j++] : a[i++];
  while (i < na)
    out[k++] = a[i++];
  while (j < nb)
    out[k++] = b[j++];
}

/* Puts the refs in order, by id then language: what the visits of every
   page (library_entry(), library_load_next()) go by.  Not done at open:
   the first screen needs a few lookups, not the order of a thousand
   files.  A merge sort of pointers of its own: qsort() calls its
   comparison through a pointer and moves elements through a generic
   swap.  */
static void
library_sort (struct library *lib)
{
  size_t n = lib->nrefs;
  const struct page_ref **a, **b;
  struct page_ref *sorted;

  if (lib->sorted)
    return;
  lib->sorted = true;
  if (n < 2)
    return;
  a = xmalloc (2 * n * sizeof *a);
  b = a + n;
  sorted = xmalloc (lib->refs_cap * sizeof *sorted);
  {
    const struct page_ref **buf = a;

    /* Bottom-up: runs of WIDTH become runs of 2 WIDTH, from A to B, and
       the two swap.  */
    for (size_t k = 0; k < n; k++)
      a[k] = &lib->refs[k];
    for (size_t width = 1; width < n; width *= 2)
      {
        const struct page_ref **t;

        for (size_t lo = 0; lo < n; lo += 2 * width)
          {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;

            library_merge (a + lo, mid - lo, a + mid, hi - mid, b + lo);
          }
        t = a;
        a = b;
        b = t;
      }
    for (size_t k = 0; k < n; k++)
      sorted[k] = *a[k];
    free (buf);
  }
  free (lib->refs);
  lib->refs = sorted;
  library_rehash (lib, n);
}

/* Adds the pages of LAYER/LANG, replacing those of lower layers.  */
static void
library_scan_lang (struct library *lib, const char *layer, unsigned li,
                   const char *lang)
{
  char *dir = xasprintf ("%s/%s", layer, lang);
  size_t dirlen = strlen (dir);
  DIR *d = opendir (dir);
  struct dirent *e;
  const char *ilang;

  if (d == NULL)
    {
      diag_add (&lib->diags, DIAG_ERROR, dir, 0, 0,
                _("cannot read this directory: %s"), strerror (errno));
      free (dir);
      return;
    }
  ilang = library_intern_lang (lib, lang);
  while ((e = readdir (d)) != NULL)
    {
      size_t n = strlen (e->d_name);
      struct page_ref ref;

      if (e->d_name[0] == '.' || n < 6
          || strcmp (e->d_name + n - 5, ".yaml") != 0)
        {
          if (n > 4 && strcmp (e->d_name + n - 4, ".yml") == 0)
            diag_add (&lib->diags, DIAG_WARNING, dir, 0, 0,
                      _("'%s' is ignored: page files end in '.yaml'"),
                      e->d_name);
          continue;
        }
      ref = (struct page_ref) { .lang = ilang, .layer = li };
      library_set_path (lib, &ref, dir, dirlen, e->d_name, n);
      if (!page_id_valid (ref.id))
        {
          diag_add (&lib->diags, DIAG_WARNING, dir, 0, 0,
                    _("'%s' is ignored: a page file is named after its id"
                      " (lowercase letters, digits and '-') and ends in"
                      " '.yaml'"), e->d_name);
          continue;
        }
      {
        /* This layer's other directories are of other languages: a page
           of the same id and language is from a lower layer.  */
        struct page_ref *old = library_lookup (lib, ref.id, ilang);

        if (old != NULL)
          {
            /* A higher layer replaces the page; the one it replaces is
               kept for when it does not load.  */
            struct page_below *b = arena_alloc (&lib->paths, sizeof *b);

            b->path = old->path;
            b->layer = old->layer;
            b->next = old->below;
            old->below = b;
            old->path = ref.path;
            old->id = ref.id;
            old->layer = li;
            continue;
          }
      }
      /* Past the limit, pages are kept for library_limit() to choose
         from, up to a bound on what a directory can cost.  */
      if (lib->nrefs >= LIBRARY_MAX_SCAN)
        {
          lib->unlisted++;
          continue;
        }
      lib->refs = xgrow (lib->refs, &lib->refs_cap, lib->nrefs + 1, sizeof *lib->refs);
      lib->refs[lib->nrefs++] = ref;
      if (2 * lib->nrefs + 2 > lib->nslots)
        library_rehash (lib, 2 * lib->nrefs);
      else
        library_slot (lib, lib->nrefs - 1);
    }
  closedir (d);
  free (dir);
}

static void
library_scan (struct library *lib, const char *layer, unsigned li)
{
  DIR *d = opendir (layer);
  struct dirent *e;
  char **langs = NULL;
  size_t n = 0, cap = 0;

  if (d == NULL)
    {
      diag_add (&lib->diags, DIAG_ERROR, layer, 0, 0,
                _("cannot read this directory: %s"), strerror (errno));
      return;
    }
  while ((e = readdir (d)) != NULL)
    {
      char *path;
      int state;

      if (!settings_lang_valid (e->d_name))
        continue;
      path = xasprintf ("%s/%s", layer, e->d_name);
      state = library_dir_state (path);
      if (state > 0)
        {
          langs = xgrow (langs, &cap, n + 1, sizeof *langs);
          langs[n++] = xstrdup (e->d_name);
        }
      else if (state < 0)
        diag_add (&lib->diags, DIAG_ERROR, path, 0, 0,
                  _("this language directory is skipped: %s"),
                  errno == ENOENT ? _("it is a symbolic link to nothing")
                                  : strerror (errno));
      free (path);
    }
  closedir (d);
  for (size_t i = 0; i < n; i++)
    {
      library_scan_lang (lib, layer, li, langs[i]);
      free (langs[i]);
    }
  free (langs);
}

static int
library_str_cmp (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static bool
library_has_lang (void *ctx, const char *lang)
{
  return library_lang (ctx, lang) != NULL;
}

/* Drops the pages the settings hide.  */
static void
library_hide (struct library *lib)
{
  size_t j = 0;

  for (size_t i = 0; i < lib->nrefs; i++)
    {
      if (settings_hidden (&lib->settings, lib->refs[i].id))
        continue;
      lib->refs[j++] = lib->refs[i];
    }
  if (j < lib->nrefs)
    {
      lib->nrefs = j;
      library_rehash (lib, j);
    }
}

/* Which pages come first when there are too many: 0 for those the menu
   lists and the warning-signs page, 1 for the clinic's own files, 2 for
   the rest.  */
static int
library_priority (const struct library *lib, const struct page_ref *ref)
{
  const struct settings *set = &lib->settings;

  if (strcmp (ref->id, set->warning_page) == 0)
    return 0;
  for (size_t i = 0; i < set->menu.n; i++)
    if (strcmp (ref->id, set->menu.v[i]) == 0)
      return 0;
  return ref->layer > 0 ? 1 : 2;
}

/* The refs by priority, then id and language (the order of library_sort
   within each priority).  */
static const struct library *library_limit_lib;

static int
library_limit_order (const void *a, const void *b)
{
  const struct page_ref *x = a, *y = b;
  int px = library_priority (library_limit_lib, x);
  int py = library_priority (library_limit_lib, y);

  if (px != py)
    return px < py ? -1 : 1;
  return library_ref_order (x, y);
}

/* With more pages than LIBRARY_MAX_PAGES, keeps those that matter most
   (library_priority()), whatever the order of the directories, and says
   which are left out.  */
static void
library_limit (struct library *lib)
{
  enum { NAMED = 8 };
  size_t n = lib->nrefs, out, named;
  char *list;

  if (n <= LIBRARY_MAX_PAGES && lib->unlisted == 0)
    return;
  library_limit_lib = lib;
  qsort (lib->refs, n, sizeof *lib->refs, library_limit_order);
  library_limit_lib = NULL;
  if (n > LIBRARY_MAX_PAGES)
    n = LIBRARY_MAX_PAGES;
  out = lib->nrefs - n;
  named = out < NAMED ? out : NAMED;
  list = xstrdup ("");
  for (size_t i = 0; i < named; i++)
    {
      char *next = xasprintf ("%s%s%s", list, i > 0 ? ", " : "",
                              lib->refs[n + i].path);

      free (list);
      list = next;
    }
  if (out + lib->unlisted > named)
    {
      /* TRANSLATORS: the end of a list of files, "a, b and 12 more".  */
      char *next = xasprintf (_("%s and %zu more"), list,
                              out + lib->unlisted - named);

      free (list);
      list = next;
    }
  diag_add (&lib->diags, DIAG_ERROR, NULL, 0, 0,
            ngettext ("too many pages: the limit is %d (a page is an id in"
                      " a language); the menu's pages, the warning signs"
                      " and the clinic's files are kept, and %zu page is"
                      " left out: %s",
                      "too many pages: the limit is %d (a page is an id in"
                      " a language); the menu's pages, the warning signs"
                      " and the clinic's files are kept, and %zu pages are"
                      " left out: %s", out + lib->unlisted),
            (int) LIBRARY_MAX_PAGES, out + lib->unlisted, list);
  free (list);
  lib->nrefs = n;
  /* In the order of library_sort() again, for the visits.  */
  lib->sorted = false;
  library_rehash (lib, n);
}

struct library *
library_open (const char *const *layers, size_t nlayers, uint32_t require)
{
  struct library *lib = xcalloc (1, sizeof *lib);

  arena_init (&lib->paths);
  settings_init (&lib->settings);
  diag_list_init (&lib->diags);
  i18n_staff_begin ();
  if (nlayers > LIBRARY_MAX_LAYERS)
    {
      diag_add (&lib->diags, DIAG_ERROR, NULL, 0, 0,
                _("too many content directories: the limit is %d"),
                (int) LIBRARY_MAX_LAYERS);
      nlayers = LIBRARY_MAX_LAYERS;
    }
  for (size_t i = 0; i < nlayers; i++)
    {
      char *path, *buf;
      size_t len;

      switch (library_dir_state (layers[i]))
        {
        case 1:
          break;
        case 0:
          if (require & (UINT32_C (1) << i))
            diag_add (&lib->diags, DIAG_ERROR, layers[i], 0, 0,
                      _("no such content directory"));
          continue;
        default:
          diag_add (&lib->diags, DIAG_ERROR, layers[i], 0, 0,
                    _("cannot read this content directory: %s"),
                    errno == ENOENT ? _("it is a symbolic link to nothing")
                                    : strerror (errno));
          continue;
        }
      path = xasprintf ("%s/kiosk.yaml", layers[i]);
      if (load_read_file (path, false, &buf, &len, &lib->diags) > 0)
        {
          load_settings (path, buf, len, &lib->settings, &lib->diags);
          free (buf);
          if (i > 0)
            {
              free (lib->clinic_settings);
              lib->clinic_settings = xstrdup (path);
              lib->clinic_settings_read = true;
            }
        }
      else if (i > 0 && !lib->clinic_settings_read)
        {
          /* No file to read here: the one staff would make.  */
          free (lib->clinic_settings);
          lib->clinic_settings = xstrdup (path);
        }
      if (i == 0)
        lib->shipped_settings = path;
      else
        free (path);
      library_scan (lib, layers[i], (unsigned) i);
    }
  if (lib->clinic_settings == NULL && nlayers > 1)
    /* No clinic layer exists (yet): its kiosk.yaml is where the clinic's
       settings go all the same.  */
    lib->clinic_settings = xasprintf ("%s/kiosk.yaml", layers[nlayers - 1]);
  if (lib->nlangs > 1)
    qsort (lib->langs, lib->nlangs, sizeof *lib->langs, library_str_cmp);
  settings_add_to_menu (&lib->settings, &lib->diags);
  settings_keep_languages (&lib->settings, library_has_lang, lib,
                           (const char *const *) lib->langs, lib->nlangs,
                           &lib->diags);
  settings_keep_fallback (&lib->settings, &lib->diags);
  library_hide (lib);
  library_limit (lib);
  i18n_staff_end ();
  return lib;
}

void
library_free (struct library *lib)
{
  if (lib == NULL)
    return;
  search_index_free (lib->index);
  for (size_t i = 0; i < lib->nrefs; i++)
    {
      page_free (lib->refs[i].header);
      page_free (lib->refs[i].full);
    }
  free (lib->refs);
  free (lib->slots);
  for (size_t i = 0; i < lib->nlangs; i++)
    free (lib->langs[i]);
  free (lib->langs);
  settings_done (&lib->settings);
  diag_list_done (&lib->diags);
  free (lib->shipped_settings);
  free (lib->clinic_settings);
  arena_done (&lib->paths);
  free (lib);
#ifdef __GLIBC__
  /* A library read in full is tens of megabytes of small blocks; freed,
     glibc would keep them resident (a failed reload of 4,096 pages left
     the kiosk at 41 MB instead of 22, against the unit's 64 MB limit).
     Give them back to the system.  */
  malloc_trim (0);
#endif
}

const struct settings *
library_settings (const struct library *lib)
{
  return &lib->settings;
}

struct diag_list *
library_diags (struct library *lib)
{
  return &lib->diags;
}

const char *
library_clinic_settings (const struct library *lib, bool *exists)
{
  *exists = lib->clinic_settings_read;
  return lib->clinic_settings;
}

bool
library_clinic_origin (const struct library *lib, const struct origin *o)
{
  if (o == NULL || o->file == NULL || lib->clinic_settings == NULL)
    return false;
  return lib->shipped_settings == NULL
         || strcmp (o->file, lib->shipped_settings) != 0;
}

/* True if the settings keep REF's unreviewed pages from patients: its
   complete page must be read to know whether it has a review.  */
static bool
library_may_hide (const struct library *lib, const struct page_ref *ref)
{
  return ref->layer > 0
         && lib->settings.unreviewed_pages == UNREVIEWED_HIDE
         && strcmp (ref->id, lib->settings.warning_page) != 0;
}

/* Applies the settings to complete page P of REF, a clinic's page without
   a review: patients see it marked, as it is, or not at all (but the
   warning-signs page is never hidden).  Returns false if it is hidden.  */
static bool
library_review_policy (const struct library *lib,
                       const struct page_ref *ref, struct page *p)
{
  p->layer = ref->layer;
  if (ref->layer == 0 || p->review.by != NULL)
    return true;
  if (library_may_hide (lib, ref))
    return false;
  if (lib->settings.unreviewed_pages == UNREVIEWED_SHOW)
    return true;
  /* TRANSLATORS: above a page that the clinic added or changed and that
     none of its doctors has reviewed yet.  */
  p->review_note = arena_strdup (&p->arena,
                                 i18n_gettext_in (p->lang,
                                                  N_("The clinic has not"
                                                     " reviewed this page"
                                                     " yet.")));
  return true;
}

/* Reads REF's file in MODE; returns false if it does not load.  A header
   read that fails is redone in full, so that its problems are reported
   once, by the full read.  */
static bool
library_read_file (struct library *lib, struct page_ref *ref,
                   enum load_mode mode)
{
  char *buf;
  size_t len;
  struct page *p;

  i18n_staff_begin ();
  lib->reads++;
  if (load_read_file (ref->path, true, &buf, &len, &lib->diags) <= 0)
    {
      i18n_staff_end ();
      return false;
    }
  if (mode == LOAD_HEADER)
    {
      struct diag_list scratch;

      diag_list_init (&scratch);
      p = load_page (ref->path, buf, len, ref->lang, ref->id, LOAD_HEADER,
                     &lib->settings, &scratch);
      diag_list_done (&scratch);
      if (p != NULL)
        {
          ref->header = p;
          ref->state = REF_HEADER;
          free (buf);
          i18n_staff_end ();
          return true;
        }
    }
  p = load_page (ref->path, buf, len, ref->lang, ref->id, LOAD_FULL,
                 &lib->settings, &lib->diags);
  free (buf);
  i18n_staff_end ();
  if (p == NULL)
    return false;
  if (!library_review_policy (lib, ref, p))
    {
      /* Read, and kept from patients: not a file that does not load.  */
      page_free (p);
      ref->state = REF_HIDDEN;
      return true;
    }
  ref->full = p;
  ref->state = REF_COMPLETE;
  return true;
}

/* Reads REF in MODE.  A file that does not load (a clinic's copy with a
   mistake, empty, unreadable) gives way to the same page in the layer
   below, with its problems reported and a word on what is shown
   instead; the page is broken only when no layer's file loads.  */
static void
library_read (struct library *lib, struct page_ref *ref, enum load_mode mode)
{
  while (!library_read_file (lib, ref, mode))
    {
      if (ref->below == NULL)
        {
          ref->state = REF_BROKEN;
          return;
        }
      i18n_staff_begin ();
      diag_add (&lib->diags, DIAG_WARNING, ref->path, 0, 0,
                _("this page does not load; the kiosk shows '%s' instead"
                  " until it is fixed"), ref->below->path);
      i18n_staff_end ();
      ref->path = ref->below->path;
      ref->layer = ref->below->layer;
      ref->below = ref->below->next;
    }
}

const struct page *
library_header (struct library *lib, const char *id, const char *lang)
{
  struct page_ref *ref = library_find (lib, id, lang);

  if (ref == NULL)
    return NULL;
  if (ref->state == REF_UNREAD)
    library_read (lib, ref,
                  library_may_hide (lib, ref) ? LOAD_FULL : LOAD_HEADER);
  if (ref->state == REF_HIDDEN)
    return NULL;
  return ref->full != NULL ? ref->full : ref->header;
}

const struct page *
library_page (struct library *lib, const char *id, const char *lang)
{
  struct page_ref *ref = library_find (lib, id, lang);

  if (ref == NULL)
    return NULL;
  if (ref->state == REF_UNREAD || ref->state == REF_HEADER)
    library_read (lib, ref, LOAD_FULL);
  return ref->full;
}

bool
library_exists (const struct library *lib, const char *id, const char *lang)
{
  const struct page_ref *ref = library_find (lib, id, lang);

  return ref != NULL && ref->state != REF_BROKEN
         && ref->state != REF_HIDDEN;
}

bool
library_unreviewed_hidden (const struct library *lib, const char *id,
                           const char *lang)
{
  const struct page_ref *ref = library_find (lib, id, lang);

  return ref != NULL && ref->state == REF_HIDDEN;
}

bool
library_load_next (struct library *lib)
{
  library_sort (lib);
  while (lib->next < lib->nrefs)
    {
      struct page_ref *ref = &lib->refs[lib->next++];

      if (ref->state == REF_UNREAD || ref->state == REF_HEADER)
        {
          library_read (lib, ref, LOAD_FULL);
          return true;
        }
    }
  return false;
}

void
library_load_all (struct library *lib)
{
  while (library_load_next (lib))
    continue;
}

size_t
library_reads (const struct library *lib)
{
  return lib->reads;
}

size_t
library_languages (const struct library *lib, const char ***langs)
{
  *langs = (const char **) lib->langs;
  return lib->nlangs;
}

size_t
library_count (const struct library *lib)
{
  return lib->nrefs;
}

void
library_entry (struct library *lib, size_t i, const char **id,
               const char **lang, const char **path)
{
  library_sort (lib);
  *id = lib->refs[i].id;
  *lang = lib->refs[i].lang;
  *path = lib->refs[i].path;
}

const struct search_index *
library_search_index (struct library *lib)
{
  if (lib->index != NULL)
    return lib->index;
  library_load_all (lib);
  lib->index = search_index_new ();
  for (size_t i = 0; i < lib->nrefs; i++)
    if (lib->refs[i].state == REF_COMPLETE)
      search_index_add (lib->index, lib->refs[i].full);
  return lib->index;
}

/* ------------------------------------------------------------------ */
/* Looking without reading (need.h).  */

enum library_state
library_peek (const struct library *lib, const char *id, const char *lang,
              bool full, const struct page **page)
{
  const struct page_ref *ref = library_find (lib, id, lang);

  *page = NULL;
  if (ref == NULL)
    return LIBRARY_ABSENT;
  switch (ref->state)
    {
    case REF_BROKEN:
      return LIBRARY_BROKEN;
    case REF_COMPLETE:
      *page = ref->full;
      return LIBRARY_READY;
    case REF_HEADER:
      if (full)
        return LIBRARY_UNREAD;
      *page = ref->header;
      return LIBRARY_READY;
    case REF_UNREAD:
    default:
      return LIBRARY_UNREAD;
    }
}

const struct search_index *
library_peek_index (const struct library *lib)
{
  return lib->index;
}

bool
library_supply (struct library *lib, const struct need *n)
{
  struct page_ref *ref;

  switch (n->kind)
    {
    case NEED_HEADER:
    case NEED_PAGE:
      ref = library_find (lib, n->id, n->lang);
      if (ref == NULL || ref->state == REF_BROKEN
          || ref->state == REF_COMPLETE
          || (ref->state == REF_HEADER && n->kind == NEED_HEADER))
        return false;
      library_read (lib, ref, n->kind == NEED_PAGE ? LOAD_FULL : LOAD_HEADER);
      return true;
    case NEED_INDEX:
      if (lib->index != NULL)
        return false;
      library_search_index (lib);
      return true;
    case NEED_NOTHING:
    default:
      return false;
    }
}

void
library_file (const struct library *lib, size_t i, const char **id,
              const char **lang)
{
  *id = lib->refs[i].id;
  *lang = lib->refs[i].lang;
}
