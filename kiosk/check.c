/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* check.c -- what no single file can show: links, languages, settings.  */

#include "system.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "xalloc.h"

/* True if page ID exists (and is not broken) in some language.  */
static bool
check_exists_any (const struct library *lib, const char *id)
{
  const char *const *langs;
  size_t n = library_languages (lib, (const char ***) &langs);

  for (size_t i = 0; i < n; i++)
    if (library_exists (lib, id, langs[i]))
      return true;
  return false;
}

static struct diag *
check_at (struct library *lib, enum diag_severity sev,
          const struct origin *o, const char *fmt, ...) ATTR_PRINTF (4, 5);

static struct diag *
check_at (struct library *lib, enum diag_severity sev,
          const struct origin *o, const char *fmt, ...)
{
  va_list ap;
  char *msg;
  struct diag *d;

  va_start (ap, fmt);
  msg = xvasprintf (fmt, ap);
  va_end (ap);
  d = diag_add (library_diags (lib), sev, o != NULL ? o->file : NULL,
                o != NULL ? o->line : 0, o != NULL ? o->col : 0, "%s", msg);
  free (msg);
  return d;
}

static const struct origin *
check_item_at (const struct strv *v, size_t i)
{
  return v->at != NULL ? &v->at[i] : NULL;
}

static const struct origin *
check_key_at (const struct settings *set, enum settings_key k)
{
  return set->at[k].file != NULL ? &set->at[k] : NULL;
}

/* True if A and B are places in the same file.  */
static bool
check_same_file (const struct origin *a, const struct origin *b)
{
  return a != NULL && b != NULL && a->file != NULL && b->file != NULL
         && strcmp (a->file, b->file) == 0;
}

static void
check_settings (struct library *lib)
{
  const struct settings *set = library_settings (lib);
  bool default_offered = false;

  /* Each language offered is a code, offered once, with pages: the
     library saw to it (settings_keep_languages()).  */
  for (size_t i = 0; i < set->languages.n; i++)
    default_offered |= strcmp (set->languages.v[i],
                               set->default_language) == 0;
  if (!default_offered)
    check_at (lib, DIAG_ERROR, check_key_at (set, SET_DEFAULT_LANGUAGE),
              _("the default language '%s' is not one of the languages"
                " offered"), set->default_language);
  for (size_t i = 0; i < set->hide.n; i++)
    if (strcmp (set->hide.v[i], set->warning_page) == 0)
      check_at (lib, DIAG_ERROR, check_item_at (&set->hide, i),
                _("the warning-signs page '%s' cannot be hidden: patients"
                  " must always find it; it is still shown"),
                set->warning_page);
  for (size_t i = 0; i < set->menu.n; i++)
    {
      const char *id = set->menu.v[i];

      /* The menu skips a hidden page: only a file that both lists it and
         hides it is told (not the shipped menu a clinic hides from).  */
      if (settings_hidden (set, id))
        {
          if (check_same_file (check_item_at (&set->menu, i),
                               check_key_at (set, SET_HIDE)))
            check_at (lib, DIAG_WARNING, check_item_at (&set->menu, i),
                      _("the menu lists '%s', which is hidden: the menu"
                        " leaves it out"), id);
        }
      else if (!check_exists_any (lib, id))
        check_at (lib, DIAG_ERROR, check_item_at (&set->menu, i),
                  _("the menu lists '%s', but there is no such page"), id);
    }
  if (set->clinic.phone == NULL)
    check_at (lib, DIAG_WARNING, check_key_at (set, SET_CLINIC),
              _("the clinic's phone number is not set (clinic: phone: in"
                " kiosk.yaml); the pages say \"the number you were"
                " given\" instead, and show no contact card"));
  else if (strpbrk (set->clinic.phone, "0123456789") == NULL)
    check_at (lib, DIAG_WARNING, check_key_at (set, SET_CLINIC),
              _("the clinic's phone number '%s' has no digits; the"
                " warning-signs page shows no contact card"),
              set->clinic.phone);
  if (!check_exists_any (lib, set->warning_page))
    check_at (lib, DIAG_ERROR, check_key_at (set, SET_WARNING_PAGE),
              _("the warning-signs page '%s' does not exist; the key"
                " that opens it will not work"), set->warning_page);
}

/* The link targets of P, joined, its number of warnings and their levels
   (*LEVELS, joined; caller frees).  */
static char *
check_shape (const struct page *p, size_t *warnings, char **levels)
{
  char *s = xstrdup ("");

  *warnings = 0;
  *levels = xstrdup ("");
  for (size_t i = 0; i < p->nblocks; i++)
    {
      const struct block *b = &p->blocks[i];
      char *t;

      if (b->kind == BLOCK_WARNING)
        {
          (*warnings)++;
          t = xasprintf ("%s%s%s", *levels, **levels ? " " : "",
                         page_level_names[b->level < LEVEL_COUNT
                                          ? b->level : LEVEL_URGENT]);
          free (*levels);
          *levels = t;
        }
      else if (b->kind == BLOCK_LINK)
        {
          t = xasprintf ("%s%s%s", s, *s ? " " : "", b->target);
          free (s);
          s = t;
        }
    }
  return s;
}

/* Today, or the day MESOKIOSK_TODAY gives (YYYY-MM-DD, for tests).  */
static struct page_date
check_today (struct library *lib)
{
  const char *env = getenv ("MESOKIOSK_TODAY");
  struct page_date d = { 0, 0, 0 };
  time_t now = time (NULL);
  struct tm tm;

  if (env != NULL && *env != '\0')
    {
      if (page_date_parse (env, &d))
        return d;
      check_at (lib, DIAG_WARNING, NULL,
                _("MESOKIOSK_TODAY is '%s', not a date such as 2027-01-31;"
                  " today's date is used"), env);
    }
  if (localtime_r (&now, &tm) != NULL)
    {
      d.year = (uint16_t) (tm.tm_year + 1900);
      d.month = (uint8_t) (tm.tm_mon + 1);
      d.day = (uint8_t) tm.tm_mday;
    }
  return d;
}

/* Who reviewed P, when, and its sources.  */
static void
check_review (struct library *lib, const struct page *p,
              const struct page_date *today)
{
  struct origin top = { p->file, 0, 0 };

  if (p->review.by == NULL)
    {
      if (p->review_note != NULL)
        check_at (lib, DIAG_WARNING, &top,
                  _("the page '%s' has no review: patients see that the"
                    " clinic has not reviewed it (add review: with by, date"
                    " and next)"), p->id);
      else
        check_at (lib, DIAG_WARNING, &top,
                  _("the page '%s' has no review (add review: with by,"
                    " date and next)"), p->id);
    }
  else if (today->year != 0 && page_date_cmp (&p->review.next, today) < 0)
    {
      char due[16];

      snprintf (due, sizeof due, "%04u-%02u-%02u",
                (unsigned) p->review.next.year,
                (unsigned) p->review.next.month,
                (unsigned) p->review.next.day);
      check_at (lib, DIAG_WARNING, &p->review.next_at,
                _("the page '%s' was due for review on %s: review it, then"
                  " update 'date' and 'next'"), p->id, due);
    }
  if (!p->has_sources)
    check_at (lib, DIAG_WARNING, &top,
              _("the page '%s' lists no sources (add sources: with title,"
                " publisher, year and url; or 'sources: []' on a page with"
                " no medical facts)"), p->id);
}

static void
check_page (struct library *lib, const struct page *p)
{
  const struct settings *set = library_settings (lib);
  struct origin top = { p->file, 0, 0 };

  for (size_t i = 0; i < p->nblocks; i++)
    {
      const struct block *b = &p->blocks[i];
      struct origin at = { p->file, b->line, b->col };

      /* A link to a page the settings hide is left out of the page: the
         shipped pages stay as they are, and are not faulted for it.  */
      if (b->kind != BLOCK_LINK || library_exists (lib, b->target, p->lang)
          || settings_hidden (set, b->target))
        continue;
      if (check_exists_any (lib, b->target))
        check_at (lib, DIAG_WARNING, &at,
                  _("the link to '%s' leads to a page that exists only in"
                    " another language"), b->target);
      else
        check_at (lib, DIAG_ERROR, &at,
                  _("the link to '%s' leads nowhere: there is no such"
                    " page"), b->target);
    }
  /* Compare with the same page in the other offered languages, once per
     pair: from the first language of the pair.  */
  for (size_t i = 0; i < set->languages.n; i++)
    {
      const char *lang = set->languages.v[i];
      const struct page *q;
      size_t wp, wq;
      char *sp, *sq;

      if (strcmp (lang, p->lang) == 0 || !settings_lang_valid (lang))
        continue;
      if (!library_exists (lib, p->id, lang))
        {
          check_at (lib, DIAG_WARNING, &top,
                    _("the page '%s' has no version in '%s'; the kiosk"
                      " will show it in another language"), p->id, lang);
          continue;
        }
      if (strcmp (lang, p->lang) < 0)
        continue;
      q = library_page (lib, p->id, lang);
      if (q == NULL)
        continue;
      {
        char *lp, *lq;

        sp = check_shape (p, &wp, &lp);
        sq = check_shape (q, &wq, &lq);
        if (strcmp (sp, sq) != 0)
          check_at (lib, DIAG_WARNING, &top,
                    _("the links differ from the '%s' version (%s here, %s"
                      " there)"), lang, *sp ? sp : "-", *sq ? sq : "-");
        if (wp != wq)
          check_at (lib, DIAG_WARNING, &top,
                    _("%zu warning boxes here, %zu in the '%s' version"),
                    wp, wq, lang);
        else if (strcmp (lp, lq) != 0)
          check_at (lib, DIAG_WARNING, &top,
                    _("the warning boxes are not of the same levels as in"
                      " the '%s' version (%s here, %s there)"), lang, lp,
                    lq);
        free (lp);
        free (lq);
      }
      free (sp);
      free (sq);
    }
}

void
check_library (struct library *lib)
{
  struct page_date today;

  library_load_all (lib);
  check_settings (lib);
  today = check_today (lib);
  for (size_t i = 0; i < library_count (lib); i++)
    {
      const char *id, *lang, *path;
      const struct page *p;

      library_entry (lib, i, &id, &lang, &path);
      p = library_page (lib, id, lang);
      if (p != NULL)
        {
          check_page (lib, p);
          check_review (lib, p, &today);
        }
      else if (library_unreviewed_hidden (lib, id, lang))
        {
          struct origin top = { path, 0, 0 };

          check_at (lib, DIAG_WARNING, &top,
                    _("the page '%s' has no review: patients do not see it"
                      " (unreviewed_pages: hide; add review: with by, date"
                      " and next)"), id);
        }
    }
}
