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
#include "load.h"
#include "schema.h"
#include "utf8.h"
#include "xalloc.h"

/* What the checks share: the page ids, for "did you mean", and the
   last file read, for the source lines shown under messages.  */
struct check
{
  struct library *lib;
  const char **ids;             /* Owned array (NULL-terminated) of the
                                   ids of the pages that exist, borrowed
                                   from LIB.  */
  char *file;                   /* Owned: the path of BUF.  */
  char *buf;                    /* Owned: its text, or NULL.  */
  size_t len;
};

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

/* Every page id that exists in some language, once.  */
static void
check_ids (struct check *c)
{
  size_t n = library_count (c->lib), k = 0;

  c->ids = xcalloc (n + 1, sizeof *c->ids);
  for (size_t i = 0; i < n; i++)
    {
      const char *id, *lang, *path;

      library_entry (c->lib, i, &id, &lang, &path);
      if ((k == 0 || strcmp (c->ids[k - 1], id) != 0)
          && check_exists_any (c->lib, id))
        c->ids[k++] = id;
    }
  c->ids[k] = NULL;
}

/* Line LINE (1-based) of FILE, from C's copy of it; *LEN is its length.
   NULL if the file cannot be read or has no such line.  */
static const char *
check_line (struct check *c, const char *file, unsigned line, size_t *len)
{
  const char *p, *end;

  if (c->file == NULL || strcmp (c->file, file) != 0)
    {
      struct diag_list scratch;

      free (c->file);
      free (c->buf);
      diag_list_init (&scratch);
      c->file = xstrdup (file);
      if (load_read_file (file, true, &c->buf, &c->len, &scratch) <= 0)
        c->buf = NULL;
      diag_list_done (&scratch);
    }
  if (c->buf == NULL || line == 0)
    return NULL;
  p = c->buf;
  end = c->buf + c->len;
  if (c->len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  for (unsigned i = 1; i < line; i++)
    {
      while (p < end && *p != '\n' && *p != '\r')
        p++;
      if (p >= end)
        return NULL;
      if (*p == '\r' && p + 1 < end && p[1] == '\n')
        p++;
      p++;
    }
  {
    const char *q = p;

    while (q < end && *q != '\n' && *q != '\r')
      q++;
    *len = (size_t) (q - p);
  }
  return p;
}

/* Shows D's source line under it, like a compiler; with WORD, the caret
   goes under WORD's first place on the line at or after D's column.  */
static void
check_source (struct check *c, struct diag *d, const char *word)
{
  size_t len, off = 0, col;
  const char *line;

  if (d == NULL || d->file == NULL || d->line == 0)
    return;
  line = check_line (c, d->file, d->line, &len);
  if (line == NULL || len == 0 || len >= 4096)
    return;
  if (word != NULL && *word != '\0')
    {
      /* From the column (characters) to its byte.  */
      for (col = 1; col < d->col && off < len; col++)
        {
          off++;
          while (off < len && ((unsigned char) line[off] & 0xC0) == 0x80)
            off++;
        }
      for (size_t i = off; i + strlen (word) <= len; i++)
        if (memcmp (line + i, word, strlen (word)) == 0)
          {
            d->col = (unsigned) utf8_chars (line, i) + 1;
            break;
          }
    }
  diag_set_source (d, line, len);
}

static const struct origin *
check_item_at (const struct strv *v, size_t i)
{
  return v->at != NULL ? &v->at[i] : NULL;
}

/* Where to tell staff about setting K.  Where a clinic's file sets it,
   there.  Else in the clinic's own file, not in the shipped one (which
   staff must not edit): at the key UNDER (SET_COUNT: none) if that file
   gives it, else at its first line (line 0 if the file is still to be
   made).  Sets *HERE to whether the setting is where the origin points.
   Without a clinic layer, where the setting was read, if anywhere.  */
static struct origin
check_setting_at (struct check *c, const struct origin *set_at,
                  enum settings_key under, bool *here)
{
  const struct settings *set = library_settings (c->lib);
  bool exists;
  const char *file = library_clinic_settings (c->lib, &exists);
  struct origin none = { NULL, 0, 0 };

  *here = set_at != NULL && set_at->file != NULL;
  if (library_clinic_origin (c->lib, set_at))
    return *set_at;
  if (file == NULL)
    {
      /* Only the shipped library: where it says it, if it does.  */
      if (*here)
        return *set_at;
      return under != SET_COUNT && set->key_at[under].file != NULL
             ? set->key_at[under] : none;
    }
  *here = false;
  if (under != SET_COUNT && set->key_at[under].file != NULL
      && strcmp (set->key_at[under].file, file) == 0)
    return set->key_at[under];
  return (struct origin) { file, exists ? 1 : 0, 0 };
}

/* Reports a setting missing or left as shipped at O, with its source line
   when O points at a key.  */
static void
check_setting_diag (struct check *c, enum diag_severity sev,
                    const struct origin *o, const char *msg)
{
  struct diag *d = check_at (c->lib, sev, o->file != NULL ? o : NULL,
                             "%s", msg);

  if (o->col > 0)
    check_source (c, d, NULL);
}

/* Once, if the clinic's settings file does not exist: it is to be made.  */
static void
check_settings_file_note (struct check *c, bool *said)
{
  bool exists;
  const char *file = library_clinic_settings (c->lib, &exists);

  if (*said || file == NULL || exists)
    return;
  *said = true;
  diag_add (library_diags (c->lib), DIAG_NOTE, file, 0, 0,
            _("this file does not exist yet: create it, with only the"
              " settings the clinic changes"));
}

/* True if A and B are places in the same file.  */
static bool
check_same_file (const struct origin *a, const struct origin *b)
{
  return a != NULL && b != NULL && a->file != NULL && b->file != NULL
         && strcmp (a->file, b->file) == 0;
}

static void
check_settings (struct check *c)
{
  struct library *lib = c->lib;
  const struct settings *set = library_settings (lib);
  bool default_offered = false, here, said = false;
  struct origin o;
  char *msg;

  /* Each language offered is a code, offered once, with pages: the
     library saw to it (settings_keep_languages()).  */
  for (size_t i = 0; i < set->languages.n; i++)
    default_offered |= strcmp (set->languages.v[i],
                               set->default_language) == 0;
  if (!default_offered)
    {
      o = check_setting_at (c, &set->at[SET_DEFAULT_LANGUAGE],
                            SET_LANGUAGES, &here);
      if (here)
        msg = xasprintf (_("the default language '%s' is not one of the"
                           " languages offered"), set->default_language);
      else
        msg = xasprintf (_("the default language '%s' is not one of the"
                           " languages offered: add default_language: with"
                           " one of them to this file"),
                         set->default_language);
      check_setting_diag (c, DIAG_ERROR, &o, msg);
      free (msg);
      check_settings_file_note (c, &said);
    }
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
                               set->at[SET_HIDE].file != NULL
                                 ? &set->at[SET_HIDE] : NULL))
            check_at (lib, DIAG_WARNING, check_item_at (&set->menu, i),
                      _("the menu lists '%s', which is hidden: the menu"
                        " leaves it out"), id);
        }
      else if (!check_exists_any (lib, id))
        {
          const char *guess = schema_suggest (id, c->ids, 0);
          struct diag *d;

          if (guess != NULL)
            d = check_at (lib, DIAG_ERROR, check_item_at (&set->menu, i),
                          _("the menu lists '%s', but there is no such"
                            " page; did you mean '%s'?"), id, guess);
          else
            d = check_at (lib, DIAG_ERROR, check_item_at (&set->menu, i),
                          _("the menu lists '%s', but there is no such"
                            " page"), id);
          check_source (c, d, id);
        }
    }
  if (set->clinic.phone == NULL)
    {
      o = check_setting_at (c, NULL, SET_CLINIC, &here);
      if (o.col > 0)
        msg = xstrdup (_("the clinic's phone number is not set: add"
                         " 'phone:' with the number under 'clinic:' here;"
                         " until then the pages say \"the number you were"
                         " given\" instead, and show no contact card"));
      else
        msg = xstrdup (_("the clinic's phone number is not set: add"
                         " 'clinic:' to this file, with 'phone:' and the"
                         " number under it; until then the pages say \"the"
                         " number you were given\" instead, and show no"
                         " contact card"));
      check_setting_diag (c, DIAG_WARNING, &o, msg);
      free (msg);
      check_settings_file_note (c, &said);
    }
  else if (strpbrk (set->clinic.phone, "0123456789") == NULL)
    {
      o = check_setting_at (c, &set->clinic.at[CLINIC_PHONE], SET_CLINIC,
                            &here);
      if (here)
        msg = xasprintf (_("the clinic's phone number '%s' has no digits;"
                           " the warning-signs page shows no contact card"),
                         set->clinic.phone);
      else
        msg = xasprintf (_("the clinic's phone number '%s' has no digits:"
                           " give the clinic's own 'phone:' under 'clinic:'"
                           " in this file; until then the warning-signs"
                           " page shows no contact card"),
                         set->clinic.phone);
      check_setting_diag (c, DIAG_WARNING, &o, msg);
      free (msg);
      check_settings_file_note (c, &said);
    }
  if (!check_exists_any (lib, set->warning_page))
    {
      o = check_setting_at (c, &set->at[SET_WARNING_PAGE], SET_COUNT,
                            &here);
      if (here)
        msg = xasprintf (_("the warning-signs page '%s' does not exist; the"
                           " key that opens it will not work"),
                         set->warning_page);
      else
        msg = xasprintf (_("the warning-signs page '%s' does not exist; the"
                           " key that opens it will not work: add"
                           " warning_page: with the id of the clinic's page"
                           " to this file"), set->warning_page);
      check_setting_diag (c, DIAG_ERROR, &o, msg);
      free (msg);
      check_settings_file_note (c, &said);
    }
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
check_page (struct check *c, const struct page *p)
{
  struct library *lib = c->lib;
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
        {
          const char *guess = schema_suggest (b->target, c->ids, 0);
          struct diag *d;

          if (guess != NULL)
            d = check_at (lib, DIAG_ERROR, &at,
                          _("the link to '%s' leads nowhere: there is no"
                            " such page; did you mean '%s'?"), b->target,
                          guess);
          else
            d = check_at (lib, DIAG_ERROR, &at,
                          _("the link to '%s' leads nowhere: there is no"
                            " such page"), b->target);
          check_source (c, d, b->target);
        }
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
  struct check c = { lib, NULL, NULL, NULL, 0 };

  library_load_all (lib);
  check_ids (&c);
  check_settings (&c);
  today = check_today (lib);
  for (size_t i = 0; i < library_count (lib); i++)
    {
      const char *id, *lang, *path;
      const struct page *p;

      library_entry (lib, i, &id, &lang, &path);
      p = library_page (lib, id, lang);
      if (p != NULL)
        {
          check_page (&c, p);
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
  free (c.ids);
  free (c.file);
  free (c.buf);
}
