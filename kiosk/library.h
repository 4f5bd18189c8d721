/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* library.h -- all the content the kiosk can show, read lazily.

   A library is a stack of content directories ("layers"): the shipped
   library first, then the clinic's.  Each layer may hold a kiosk.yaml
   (settings; later layers override keys) and one directory per language
   of <id>.yaml pages.  A page in a later layer replaces the page with the
   same id and language of an earlier one; the settings can hide pages.

   Opening a library reads the settings and lists the files, but parses no
   page: a menu needs only page headers (library_header()), a page view
   needs one complete page (library_page()), and library_load_next() lets
   the kiosk read the rest while it waits for a key.  Every page returned
   stays valid until library_free().  Problems go into the library's diag
   list.  No curses here.  */

#ifndef MESOKIOSK_LIBRARY_H
#define MESOKIOSK_LIBRARY_H

#include "diag.h"
#include "need.h"
#include "page.h"
#include "settings.h"

enum
{
  LIBRARY_MAX_LAYERS = 16,
  LIBRARY_MAX_PAGES = 4096,     /* Pages (an id in a language) kept; the
                                   same page in lower layers does not
                                   count.  */
  LIBRARY_MAX_SCAN = 4 * LIBRARY_MAX_PAGES      /* Pages listed to choose
                                                   from: past this, files
                                                   are only counted.  */
};

struct library;
struct search_index;

/* Opens the NLAYERS directories at LAYERS (lowest first).  A layer that
   does not exist is skipped with a warning when REQUIRE says it must exist
   (bit i for layer i).  Never returns NULL.  */
struct library *library_open (const char *const *layers, size_t nlayers,
                              uint32_t require);
void library_free (struct library *lib);

const struct settings *library_settings (const struct library *lib);
/* Problems found so far; the caller may print and clear them.  */
struct diag_list *library_diags (struct library *lib);

/* The clinic's settings file, where staff set what the shipped library
   leaves unset or set for every clinic: the kiosk.yaml of the topmost
   clinic layer that has one; if none has, that of the topmost clinic
   layer that exists, or else of the last layer asked for (to be made).
   NULL if the library has no layer above the shipped one.  *EXISTS
   tells whether the file exists (and was read).  */
const char *library_clinic_settings (const struct library *lib,
                                     bool *exists);
/* True if O is a place in a clinic's settings file, not in the shipped
   kiosk.yaml (which staff do not edit).  False when the library has no
   clinic layer.  */
bool library_clinic_origin (const struct library *lib,
                            const struct origin *o);

/* Returns at least the header of page ID in LANG, or NULL if there is no
   such file, it is hidden, or it is broken.  */
const struct page *library_header (struct library *lib, const char *id,
                                   const char *lang);
/* Returns the complete page ID in LANG, or NULL (missing or broken).  */
const struct page *library_page (struct library *lib, const char *id,
                                 const char *lang);
/* True if a page file ID exists in LANG (it may still turn out broken).  */
bool library_exists (const struct library *lib, const char *id,
                     const char *lang);

/* True if page ID in LANG was read and is kept from patients because it
   is a clinic's page without a review (unreviewed_pages: hide).  */
bool library_unreviewed_hidden (const struct library *lib, const char *id,
                                const char *lang);

/* Reads one more page completely; returns false when all are read.  */
bool library_load_next (struct library *lib);
/* Reads every page completely.  */
void library_load_all (struct library *lib);

/* How many times a page file was read (a header, or a whole page): what
   showing a screen cost, for the tests and the benchmark.  */
size_t library_reads (const struct library *lib);

/* The languages that have a page directory in some layer, sorted.  */
size_t library_languages (const struct library *lib, const char ***langs);

/* Visits every page file, by id then language: ID, LANG, PATH of the
   file that wins.  */
size_t library_count (const struct library *lib);
void library_entry (struct library *lib, size_t i, const char **id,
                    const char **lang, const char **path);

/* The search index over every page that reads without error (all are
   read, the first time).  Valid until library_free().  */
const struct search_index *library_search_index (struct library *lib);

/* Looking without reading: what the session uses (need.h).  A const
   library is never read from.  */
enum library_state
{
  LIBRARY_ABSENT,       /* No such file (or it is hidden).  */
  LIBRARY_UNREAD,       /* There is a file, not read as far as asked.  */
  LIBRARY_BROKEN,       /* Reading it failed: see the diagnostics.  */
  LIBRARY_READY         /* *PAGE is it.  */
};

/* Page ID in LANG as far as it is read: complete with FULL, or at least
   its header.  Sets *PAGE when it returns LIBRARY_READY, else NULL.  */
enum library_state library_peek (const struct library *lib, const char *id,
                                 const char *lang, bool full,
                                 const struct page **page);
/* The search index if it is built, else NULL.  */
const struct search_index *library_peek_index (const struct library *lib);
/* Reads what N asks for; returns false if there was nothing to read (it
   was read already, or there is no such file), so a caller that asks
   again and again cannot loop forever.  */
bool library_supply (struct library *lib, const struct need *n);
/* The page file I (0 <= I < library_count()), in no particular order:
   unlike library_entry(), it puts nothing in order.  */
void library_file (const struct library *lib, size_t i, const char **id,
                   const char **lang);

#endif /* MESOKIOSK_LIBRARY_H */
