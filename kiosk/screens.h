/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* screens.h -- the screens the kiosk builds itself, and how every page is
   laid out.

   The language choice, the attract screen, the home menu, help, search,
   and the staff's PIN and menu screens are pages made here (synthetic
   pages, caller frees with page_free()), so that one layout and one set
   of moves serve every screen.  They are built in the language they are
   given (i18n_gettext_in()), never in the process's interface language,
   and they read nothing: the library is looked at through its peeks.

   screens_options() is the one builder of layout options: the session and
   --dump lay out pages with it, so they show the same text.  Link labels
   come from screens_label(), the titles of the pages links lead to, found
   without reading; a title not read yet is a need (need.h).  No curses
   here.  */

#ifndef MESOKIOSK_SCREENS_H
#define MESOKIOSK_SCREENS_H

#include "layout.h"
#include "library.h"
#include "need.h"
#include "profile.h"
#include "search.h"

/* The context of screens_label(): where titles are looked up, and what
   the last label not known yet needs.  */
struct screens_labels
{
  const struct library *lib;    /* Borrowed.  */
  struct need need;
};

/* The layout_options link_label callback over a struct screens_labels.  */
const char *screens_label (void *ctx, const char *lang, const char *target,
                           const char **label_lang);

/* Fills *O to lay out a page in PAGE_LANG on a terminal of profile PF,
   WIDTH columns wide, for a patient reading UI_LANG (the language of the
   frame words and of NOTICE, a line shown first, or NULL); link labels
   come from LABELS (may be NULL: links without a label show their
   target).  */
void screens_options (struct layout_options *o, const struct profile *pf,
                      unsigned width, const char *page_lang,
                      const char *ui_lang, const char *notice,
                      struct screens_labels *labels);

/* Page ID best shown to a patient reading LANG: in LANG, else in the
   fallback language (settings_fallback()), an offered one, any one.  FULL: complete, else at
   least its header.  NULL if there is none readable, or if a file must be
   read first: then *NEED says which (else it is NEED_NOTHING).  */
const struct page *screens_find (const struct library *lib, const char *id,
                                 const char *lang, bool full,
                                 struct need *need);

/* The notice above page P for a patient reading UI_LANG when P is in
   another language (caller frees), or NULL.  */
char *screens_notice (const char *ui_lang, const struct page *p);

/* The synthetic screens, in language LANG.  */
struct page *screens_language (const struct settings *set);
struct page *screens_attract (const struct settings *set);
struct page *screens_home (const struct library *lib, const char *lang);
struct page *screens_help (const char *lang, bool kiosk, bool contact);
/* The PIN screen: TYPED digits typed so far, WAIT seconds before a try
   is allowed, HASH_SET whether a PIN is set at all.  */
struct page *screens_pin (const char *lang, size_t typed, unsigned wait,
                          bool hash_set);
/* The staff menu; REPORT, if not NULL, is the result of the last reload,
   shown above the choices.  */
struct page *screens_staff (const char *lang, const char *report);
/* The result of a reload for the staff menu, in LANG (caller frees):
   PAGES pages and the problems D found; KEPT says the previous content
   was kept (there were errors).  The first error is quoted.  */
char *screens_reload_report (const char *lang, size_t pages,
                             const struct diag_list *d, bool kept);
/* The search screen for QUERY over IX: results, with snippets fitting
   WIDTH columns, or a word of help.  */
struct page *screens_search (const struct library *lib,
                             const struct search_index *ix,
                             const char *query, const char *lang,
                             unsigned width);

/* The screens' results, at most.  */
enum { SCREENS_MAX_HITS = 30 };

#endif /* MESOKIOSK_SCREENS_H */
