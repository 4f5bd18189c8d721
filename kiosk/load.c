/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* load.c -- YAML files into the content model.  */

#include "system.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "load.h"
#include "qr.h"
#include "readfile.h"
#include "schema.h"
#include "subst.h"
#include "xalloc.h"
#include "yamlread.h"

int
load_read_file (const char *path, bool required, char **buf, size_t *len,
                struct diag_list *diags)
{
  switch (readfile (path, YAMLREAD_MAX_FILE, buf, len))
    {
    case READFILE_OK:
      return 1;
    case READFILE_OPEN:
      if (errno == ENOENT && !required)
        return 0;
      diag_add (diags, DIAG_ERROR, path, 0, 0, _("cannot open: %s"),
                strerror (errno));
      return -1;
    case READFILE_NOT_FILE:
      diag_add (diags, DIAG_ERROR, path, 0, 0, _("not a regular file"));
      return -1;
    case READFILE_TOO_LARGE:
      diag_add (diags, DIAG_ERROR, path, 0, 0,
                _("the file is %lld bytes long; the limit is %d bytes"),
                (long long) *len, (int) YAMLREAD_MAX_FILE);
      *len = 0;
      return -1;
    case READFILE_READ:
    default:
      diag_add (diags, DIAG_ERROR, path, 0, 0, _("cannot read: %s"),
                strerror (errno));
      return -1;
    }
}

/* ------------------------------------------------------------------ */
/* Pages.  */

struct page_load
{
  struct page *page;
  const struct settings *set;
  enum load_mode mode;
};

/* The level names in the order staff read them; LEVEL_OF maps them.  */
static const char *const load_level_words[] = { "emergency", "urgent",
                                                "info", NULL };
static const enum warning_level load_level_of[] = {
  LEVEL_EMERGENCY, LEVEL_URGENT, LEVEL_INFO
};
_Static_assert (ARRAY_SIZE (load_level_words) == LEVEL_COUNT + 1,
                "a word for every warning level");
_Static_assert (ARRAY_SIZE (load_level_of) == LEVEL_COUNT,
                "a level for every word");

/* No 'level' was read.  */
enum { LOAD_NO_LEVEL = 99 };

struct warning_in
{
  const char *title, *text;
  struct strv list;
  unsigned level;               /* Index in LOAD_LEVEL_WORDS.  */
};

struct block_in
{
  const char *heading, *text, *link, *qr, *label;
  struct strv list;
  struct warning_in warning;
};

static const struct schema_field warning_fields[] = {
  { .key = "level", .type = SCHEMA_CHOICE,
    .offset = offsetof (struct warning_in, level),
    .choices = load_level_words },
  { .key = "title", .type = SCHEMA_STRING,
    .offset = offsetof (struct warning_in, title) },
  { .key = "text", .type = SCHEMA_STRING,
    .offset = offsetof (struct warning_in, text) },
  { .key = "list", .type = SCHEMA_STRINGS,
    .offset = offsetof (struct warning_in, list) },
};
SCHEMA_FITS (warning_fields);
static const struct schema warning_schema = {
  "warning", warning_fields, ARRAY_SIZE (warning_fields), 0, 0
};

enum { F_HEADING, F_TEXT, F_LIST, F_WARNING, F_LINK, F_QR, F_LABEL };
static const struct schema_field block_fields[] = {
  [F_HEADING] = { .key = "heading", .type = SCHEMA_STRING,
                  .offset = offsetof (struct block_in, heading) },
  [F_TEXT] = { .key = "text", .type = SCHEMA_STRING,
               .offset = offsetof (struct block_in, text) },
  [F_LIST] = { .key = "list", .type = SCHEMA_STRINGS,
               .offset = offsetof (struct block_in, list) },
  [F_WARNING] = { .key = "warning", .type = SCHEMA_MAP,
                  .offset = offsetof (struct block_in, warning),
                  .sub = &warning_schema },
  [F_LINK] = { .key = "link", .type = SCHEMA_STRING,
               .offset = offsetof (struct block_in, link) },
  [F_QR] = { .key = "qr", .type = SCHEMA_STRING,
             .offset = offsetof (struct block_in, qr) },
  [F_LABEL] = { .key = "label", .type = SCHEMA_STRING,
                .offset = offsetof (struct block_in, label) },
};
SCHEMA_FITS (block_fields);
static const struct schema block_schema = {
  "block", block_fields, ARRAY_SIZE (block_fields), 0, 0
};

/* Turns a block read without error into BI (with the fields SEEN) into
   a page block, checking the combination of keys.  */
static void
load_block (struct schema_reader *sr, struct page *p, struct block_in *bi,
            uint32_t seen, const yaml_mark_t *mark)
{
  static const enum block_kind kinds[] = {
    [F_HEADING] = BLOCK_HEADING, [F_TEXT] = BLOCK_TEXT,
    [F_LIST] = BLOCK_LIST, [F_WARNING] = BLOCK_WARNING,
    [F_LINK] = BLOCK_LINK, [F_QR] = BLOCK_QR
  };
  _Static_assert (ARRAY_SIZE (kinds) == F_QR + 1,
                  "a block kind for each field that makes a block");
  struct page_load *pl = sr->user;
  unsigned nkinds = 0, kind = 0;
  struct block *b;

  for (unsigned i = F_HEADING; i <= F_QR; i++)
    if (seen & (UINT32_C (1) << i))
      {
        if (nkinds == 0)
          kind = i;
        nkinds++;
      }
  if (nkinds == 0)
    {
      schema_error (sr, mark,
                    _("a block needs one of: heading, text, list, warning,"
                      " link, qr"));
      return;
    }
  if (nkinds > 1)
    {
      schema_error (sr, mark,
                    _("a block holds only one of heading, text, list,"
                      " warning, link, qr; start a new block with '-' for"
                      " each"));
      return;
    }
  if ((seen & (UINT32_C (1) << F_LABEL)) && kind != F_LINK)
    {
      schema_error (sr, mark, _("'label' belongs to a link block"));
      return;
    }
  if (kind == F_LINK && !page_id_valid (bi->link))
    {
      schema_error (sr, mark,
                    _("'%s' is not a page id (lowercase letters, digits"
                      " and '-')"), bi->link);
      return;
    }
  if (kind == F_WARNING && bi->warning.text == NULL
      && bi->warning.list.n == 0)
    {
      schema_error (sr, mark, _("a warning needs a 'text' or a 'list'"));
      return;
    }
  if (kind == F_QR && strcmp (bi->qr, "contact") != 0)
    {
      static const char *const qr_words[] = { "contact", NULL };

      if (schema_suggest (bi->qr, qr_words, 0) != NULL)
        schema_error (sr, mark, _("'qr' cannot be '%s'; did you mean"
                                  " 'contact'?"), bi->qr);
      else
        schema_error (sr, mark, _("'qr' can only be 'contact' (the"
                                  " clinic's name and phone number)"));
      return;
    }
  if (kind == F_WARNING && bi->warning.level == LOAD_NO_LEVEL)
    {
      char ctx[64];

      snprintf (ctx, sizeof ctx, _("block %u"), sr->block);
      yamlread_diag (sr->r, DIAG_WARNING, mark,
                     _("%s: this warning has no 'level'; it is shown as"
                       " urgent (add level: emergency, urgent or info)"),
                     ctx);
    }
  b = page_add_block (p, kinds[kind]);
  b->line = (unsigned) mark->line + 1;
  b->col = (unsigned) mark->column + 1;
  switch (kinds[kind])
    {
    case BLOCK_HEADING:
      b->text = bi->heading;
      break;
    case BLOCK_TEXT:
      b->text = bi->text;
      break;
    case BLOCK_LIST:
      b->items = bi->list;
      break;
    case BLOCK_WARNING:
      b->title = bi->warning.title;
      b->text = bi->warning.text;
      b->items = bi->warning.list;
      b->level = (uint8_t) (bi->warning.level < LEVEL_COUNT
                              ? load_level_of[bi->warning.level]
                              : LEVEL_URGENT);
      break;
    case BLOCK_LINK:
      b->target = bi->link;
      b->text = bi->label;
      break;
    case BLOCK_QR:
      qr_fill_block (p, b, pl->set);
      break;
    }
}

/* In a header read, the keys a menu does not need end the read once the
   title is in (and are skipped before): the rest of the file is not even
   decoded.  Returns true if the read goes on.  */
static bool
load_header_done (struct schema_reader *sr, const yaml_event_t *first,
                  bool *skipped)
{
  struct page_load *pl = sr->user;

  *skipped = false;
  if (pl->mode != LOAD_HEADER)
    return true;
  *skipped = true;
  if (pl->page->title != NULL)
    {
      sr->stop = true;
      return false;
    }
  return yamlread_skip (sr->r, first);
}

/* The custom reader of 'keywords': search words, for complete pages.  */
static bool
load_keywords (struct schema_reader *sr, void *target,
               const yaml_event_t *first)
{
  struct page *p = target;
  bool skipped, ok;
  bool alive = load_header_done (sr, first, &skipped);

  if (skipped)
    return alive;
  return schema_read_strings (sr, first, "keywords", &p->keywords, &ok);
}

/* The custom reader of 'summary': a menu has no use for it.  */
static bool
load_summary (struct schema_reader *sr, void *target,
              const yaml_event_t *first)
{
  struct page *p = target;
  bool skipped;
  bool alive = load_header_done (sr, first, &skipped);

  if (skipped)
    return alive;
  return schema_read_string (sr, first, "summary", &p->summary);
}

/* Reads the list of blocks of a page (the custom reader of 'blocks').  */
static bool
load_blocks (struct schema_reader *sr, void *target,
             const yaml_event_t *first)
{
  struct page_load *pl = sr->user;
  struct page *p = pl->page;
  unsigned saved = sr->block;
  unsigned n = 0;
  yaml_event_t ev;
  bool skipped;
  bool going = load_header_done (sr, first, &skipped);

  (void) target;
  if (skipped)
    return going;
  if (first->type != YAML_SEQUENCE_START_EVENT)
    {
      schema_error (sr, &first->start_mark,
                    _("'blocks' must be a list (each block starts with"
                      " '-'), not %s"), yamlread_kind (first));
      return yamlread_skip (sr->r, first);
    }
  for (;;)
    {
      struct block_in bi;
      uint32_t seen = 0;
      bool alive;

      if (!yamlread_next (sr->r, &ev))
        {
          sr->block = saved;
          return false;
        }
      if (ev.type == YAML_SEQUENCE_END_EVENT)
        {
          yaml_event_delete (&ev);
          break;
        }
      n++;
      sr->block = n;
      memset (&bi, 0, sizeof bi);
      bi.warning.level = LOAD_NO_LEVEL;
      if (ev.type != YAML_MAPPING_START_EVENT)
        {
          schema_error (sr, &ev.start_mark,
                        _("a block must be a mapping such as 'text: ...',"
                          " not %s"), yamlread_kind (&ev));
          alive = yamlread_skip (sr->r, &ev);
        }
      else
        {
          size_t before = sr->r->diags->nerrors;

          alive = schema_read_map (sr, &block_schema, &bi, &ev, &seen);
          if (alive && sr->r->diags->nerrors == before)
            load_block (sr, p, &bi, seen, &ev.start_mark);
        }
      yaml_event_delete (&ev);
      if (!alive)
        {
          sr->block = saved;
          return false;
        }
    }
  sr->block = saved;
  if (n == 0)
    schema_error (sr, &first->start_mark,
                  _("'blocks' is empty; a page needs at least one block"));
  return true;
}

/* The review of a page: who, when, and when next.  */
struct review_in
{
  const char *by, *date, *next;
  struct origin at[3];
};

enum { R_BY, R_DATE, R_NEXT };
static const struct schema_field review_fields[] = {
  [R_BY] = { .key = "by", .type = SCHEMA_STRING, .required = true,
             .offset = offsetof (struct review_in, by) },
  [R_DATE] = { .key = "date", .type = SCHEMA_STRING, .required = true,
               .offset = offsetof (struct review_in, date) },
  [R_NEXT] = { .key = "next", .type = SCHEMA_STRING, .required = true,
               .offset = offsetof (struct review_in, next) },
};
SCHEMA_FITS (review_fields);
static const struct schema review_schema = {
  "review", review_fields, ARRAY_SIZE (review_fields),
  offsetof (struct review_in, at), 0
};
_Static_assert (ARRAY_SIZE (review_fields)
                == ARRAY_SIZE (((struct review_in *) NULL)->at),
                "a place for every key of a review");

static yaml_mark_t
load_mark (const struct origin *o)
{
  yaml_mark_t m = { 0, o->line > 0 ? o->line - 1 : 0,
                    o->col > 0 ? o->col - 1 : 0 };

  return m;
}

/* Reads date KEY of a review (TEXT, read at O) into *D.  */
static bool
load_date (struct schema_reader *sr, const char *key, const char *text,
           const struct origin *o, struct page_date *d)
{
  yaml_mark_t m = load_mark (o);

  if (page_date_parse (text, d))
    return true;
  schema_error (sr, &m, _("'%s' is '%s'; write a real date as"
                          " year-month-day, such as 2027-01-31"),
                key, text);
  return false;
}

/* The custom reader of 'review'.  */
static bool
load_review (struct schema_reader *sr, void *target,
             const yaml_event_t *first)
{
  struct page *p = target;
  struct review_in ri;
  struct page_review rv;
  size_t before = sr->r->diags->nerrors;
  bool skipped, alive = load_header_done (sr, first, &skipped);

  if (skipped)
    return alive;
  if (first->type != YAML_MAPPING_START_EVENT)
    {
      schema_error (sr, &first->start_mark,
                    _("'review' must be a mapping of keys (by, date,"
                      " next), not %s"), yamlread_kind (first));
      return yamlread_skip (sr->r, first);
    }
  memset (&ri, 0, sizeof ri);
  if (!schema_read_map (sr, &review_schema, &ri, first, NULL))
    return false;
  if (sr->r->diags->nerrors != before || ri.by == NULL || ri.date == NULL
      || ri.next == NULL)
    return true;
  memset (&rv, 0, sizeof rv);
  {
    /* Both dates are checked, so that both mistakes show at once.  */
    bool ok = load_date (sr, "date", ri.date, &ri.at[R_DATE], &rv.date);

    ok = load_date (sr, "next", ri.next, &ri.at[R_NEXT], &rv.next) && ok;
    if (!ok)
      return true;
  }
  if (page_date_cmp (&rv.next, &rv.date) <= 0)
    {
      yaml_mark_t m = load_mark (&ri.at[R_NEXT]);

      schema_error (sr, &m, _("the next review (%s) must come after the"
                              " review (%s)"), ri.next, ri.date);
      return true;
    }
  rv.by = ri.by;
  rv.next_at = ri.at[R_NEXT];
  p->review = rv;
  return true;
}

struct source_in
{
  const char *title, *publisher, *url;
  unsigned year;
  struct origin at[4];
};

enum { S_TITLE, S_PUBLISHER, S_YEAR, S_URL };
static const struct schema_field source_fields[] = {
  [S_TITLE] = { .key = "title", .type = SCHEMA_STRING, .required = true,
                .offset = offsetof (struct source_in, title) },
  [S_PUBLISHER] = { .key = "publisher", .type = SCHEMA_STRING,
                    .required = true,
                    .offset = offsetof (struct source_in, publisher) },
  [S_YEAR] = { .key = "year", .type = SCHEMA_UINT,
               .offset = offsetof (struct source_in, year),
               .min = 1900, .max = 2999 },
  [S_URL] = { .key = "url", .type = SCHEMA_STRING,
              .offset = offsetof (struct source_in, url) },
};
SCHEMA_FITS (source_fields);
static const struct schema source_schema = {
  "source", source_fields, ARRAY_SIZE (source_fields),
  offsetof (struct source_in, at), 0
};
_Static_assert (ARRAY_SIZE (source_fields)
                == ARRAY_SIZE (((struct source_in *) NULL)->at),
                "a place for every key of a source");

/* True if URL is one a patient can type: http(s), no spaces.  */
static bool
load_url_valid (const char *url)
{
  size_t skip = strncmp (url, "https://", 8) == 0 ? 8
                : strncmp (url, "http://", 7) == 0 ? 7 : 0;

  return skip > 0 && url[skip] != '\0' && strpbrk (url, " \t\n") == NULL;
}

/* The custom reader of 'sources'.  */
static bool
load_sources (struct schema_reader *sr, void *target,
              const yaml_event_t *first)
{
  struct page *p = target;
  struct page_source *v = NULL;
  size_t n = 0, cap = 0, before = sr->r->diags->nerrors;
  const char *saved = sr->context;
  char ctx[64];
  yaml_event_t ev;
  bool skipped, alive = load_header_done (sr, first, &skipped);

  if (skipped)
    return alive;
  if (first->type != YAML_SEQUENCE_START_EVENT)
    {
      schema_error (sr, &first->start_mark,
                    _("'sources' must be a list (each source starts with"
                      " '-'), not %s"), yamlread_kind (first));
      return yamlread_skip (sr->r, first);
    }
  for (size_t i = 1;; i++)
    {
      struct source_in si;

      if (!yamlread_next (sr->r, &ev))
        {
          free (v);
          sr->context = saved;
          return false;
        }
      if (ev.type == YAML_SEQUENCE_END_EVENT)
        {
          yaml_event_delete (&ev);
          break;
        }
      snprintf (ctx, sizeof ctx, _("source %zu"), i);
      sr->context = ctx;
      memset (&si, 0, sizeof si);
      if (ev.type != YAML_MAPPING_START_EVENT)
        {
          schema_error (sr, &ev.start_mark,
                        _("a source must be a mapping with title,"
                          " publisher, year and url, not %s"),
                        yamlread_kind (&ev));
          alive = yamlread_skip (sr->r, &ev);
        }
      else
        {
          size_t errs = sr->r->diags->nerrors;

          alive = schema_read_map (sr, &source_schema, &si, &ev, NULL);
          if (alive && si.url != NULL && !load_url_valid (si.url))
            {
              yaml_mark_t m = load_mark (&si.at[S_URL]);

              schema_error (sr, &m, _("the url '%s' must start with"
                                      " https:// or http:// and hold no"
                                      " spaces"), si.url);
            }
          if (alive && sr->r->diags->nerrors == errs)
            {
              v = xgrow (v, &cap, n + 1, sizeof *v);
              v[n].title = si.title;
              v[n].publisher = si.publisher;
              v[n].url = si.url;
              v[n].year = si.year;
              n++;
            }
        }
      yaml_event_delete (&ev);
      if (!alive)
        {
          free (v);
          sr->context = saved;
          return false;
        }
    }
  sr->context = saved;
  if (sr->r->diags->nerrors == before)
    {
      p->sources = n > 0 ? arena_memdup (sr->arena, v, n * sizeof *v)
                         : NULL;
      p->nsources = n;
      p->has_sources = true;
    }
  free (v);
  return true;
}

static const char *
load_page_text (struct schema_reader *sr, const char *s, size_t n,
                const yaml_mark_t *mark)
{
  struct page_load *pl = sr->user;
  const char *out;
  size_t off, len;
  char *bad;

  switch (subst_expand (pl->set, pl->page->lang, &pl->page->arena, s, n,
                       &out, &off, &len))
    {
    case SUBST_OK:
      return out;
    case SUBST_UNCLOSED:
      schema_error (sr, mark,
                    _("a '{' has no matching '}'; write '{{' for a brace"));
      return NULL;
    case SUBST_UNKNOWN:
      bad = xstrndup (s + off + 1, len - 2);
      {
        const char *guess = schema_suggest (bad, subst_names, 0);

        if (guess != NULL)
          schema_error (sr, mark,
                        _("unknown placeholder '{%s}'; did you mean"
                          " '{%s}'?"), bad, guess);
        else
          {
            char *list = NULL;

            for (size_t i = 0; subst_names[i] != NULL; i++)
              {
                char *l = xasprintf ("%s%s{%s}", list ? list : "",
                                     list ? ", " : "", subst_names[i]);

                free (list);
                list = l;
              }
            schema_error (sr, mark,
                          _("unknown placeholder '{%s}'; the placeholders"
                            " are %s"), bad, list);
            free (list);
          }
      }
      free (bad);
      return NULL;
    }
  return NULL;
}

static const struct schema_field page_fields[] = {
  [PAGE_KEY_ID] = { .key = "id", .type = SCHEMA_STRING, .required = true,
                    .offset = offsetof (struct page, id) },
  [PAGE_KEY_TITLE] = { .key = "title", .type = SCHEMA_STRING,
                       .required = true,
                       .offset = offsetof (struct page, title) },
  [PAGE_KEY_SUMMARY] = { .key = "summary", .type = SCHEMA_CUSTOM,
                         .required = true, .read = load_summary },
  [PAGE_KEY_KEYWORDS] = { .key = "keywords", .type = SCHEMA_CUSTOM,
                          .read = load_keywords },
  [PAGE_KEY_BLOCKS] = { .key = "blocks", .type = SCHEMA_CUSTOM,
                        .required = true, .read = load_blocks },
  [PAGE_KEY_REVIEW] = { .key = "review", .type = SCHEMA_CUSTOM,
                        .read = load_review },
  [PAGE_KEY_SOURCES] = { .key = "sources", .type = SCHEMA_CUSTOM,
                         .read = load_sources },
};
_Static_assert (ARRAY_SIZE (page_fields) == PAGE_KEY_COUNT,
                "one field per page key, and page.at[] has a place for each");
SCHEMA_FITS (page_fields);
static const struct schema page_schema = {
  "page", page_fields, ARRAY_SIZE (page_fields), offsetof (struct page, at),
  0
};

/* Reads the one top-level mapping of a file; returns false on a fatal
   problem.  EMPTY_MSG is the error for an empty file.  */
static bool
load_document (struct schema_reader *sr, const struct schema *s,
               void *target, uint32_t *seen)
{
  yaml_event_t ev;
  bool alive;

  if (!yamlread_next (sr->r, &ev))
    {
      if (!sr->r->failed)
        diag_add (sr->r->diags, DIAG_ERROR, sr->r->file, 0, 0,
                  _("the file is empty; expected %s"),
                  s == &page_schema ? _("a page (id, title, summary,"
                                        " blocks)")
                                    : _("settings (keys such as clinic,"
                                        " languages, menu)"));
      return false;
    }
  alive = schema_read_map (sr, s, target, &ev, seen);
  yaml_event_delete (&ev);
  if (!alive)
    return false;
  /* Whatever follows the mapping (a second document, a syntax error).  */
  if (yamlread_next (sr->r, &ev))
    {
      yamlread_diag (sr->r, DIAG_ERROR, &ev.start_mark,
                     _("unexpected content after the end of the %s"),
                     s->what);
      yaml_event_delete (&ev);
      return false;
    }
  return !sr->r->failed;
}

/* D written out in LANG ("2 December 2026"), in A.  */
static const char *
load_date_words (struct arena *a, const struct page_date *d, const char *lang)
{
  static const char *const months[12] = {
    /* TRANSLATORS: month names, in dates such as "2 December 2026".  */
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"),
    N_("June"), N_("July"), N_("August"), N_("September"), N_("October"),
    N_("November"), N_("December")
  };
  const char *month = i18n_gettext_in (lang, months[d->month - 1]);
  char *s;
  const char *out;

  if (d->day == 1)
    /* TRANSLATORS: a date on the first of a month: %s is the month's
       name, %u the year (French: "1er %s %u").  */
    s = xasprintf (i18n_gettext_in (lang, N_("1 %s %u")), month,
                   (unsigned) d->year);
  else
    /* TRANSLATORS: a date: the day, the month's name and the year.  */
    s = xasprintf (i18n_gettext_in (lang, N_("%u %s %u")),
                   (unsigned) d->day, month, (unsigned) d->year);
  out = arena_strdup (a, s);
  free (s);
  return out;
}

/* The texts a complete page shows about itself, in its language.  */
static void
load_page_meta (struct page *p)
{
  if (p->nsources > 0)
    /* TRANSLATORS: the heading of the list of works a page's facts come
       from, at the end of each page.  */
    p->sources_label = arena_strdup (&p->arena,
                                     i18n_gettext_in (p->lang,
                                                      N_("Sources")));
  if (p->review.by != NULL)
    {
      const char *date = load_date_words (&p->arena, &p->review.date,
                                          p->lang);
      const char *next = load_date_words (&p->arena, &p->review.next,
                                          p->lang);
      /* TRANSLATORS: the last line of a page: who reviewed it (as the
         page's file gives it), on what date, and when it will be
         reviewed again.  */
      char *line = xasprintf (i18n_gettext_in (p->lang,
                                               N_("Reviewed by %s on %s."
                                                  " Next review due: %s.")),
                              p->review.by, date, next);

      p->review_line = arena_strdup (&p->arena, line);
      free (line);
    }
}

struct page *
load_page (const char *file, const char *buf, size_t len, const char *lang,
           const char *expect_id, enum load_mode mode,
           const struct settings *set, struct diag_list *diags)
{
  struct yamlread r;
  struct schema_reader sr;
  struct page_load pl;
  struct page *p = page_new ();
  size_t errors = diags->nerrors;
  uint32_t seen = 0;

  yamlread_init (&r, file, buf, len, diags);
  memset (&sr, 0, sizeof sr);
  sr.r = &r;
  sr.arena = &p->arena;
  sr.text_hook = load_page_text;
  sr.user = &pl;
  pl.page = p;
  pl.set = set;
  pl.mode = mode;
  p->lang = arena_strdup (&p->arena, lang);
  p->file = file != NULL ? arena_strdup (&p->arena, file) : NULL;
  if (!r.failed)
    load_document (&sr, &page_schema, p, &seen);
  if (sr.stop)
    {
      /* A header read: its errors are for the full read to report.  */
    }
  else if (diags->nerrors == errors && p->id != NULL)
    {
      yaml_mark_t id_at = { 0, p->at[PAGE_KEY_ID].line - 1,
                            p->at[PAGE_KEY_ID].col - 1 };
      yaml_mark_t title_at = { 0, p->at[PAGE_KEY_TITLE].line - 1,
                               p->at[PAGE_KEY_TITLE].col - 1 };

      if (!page_id_valid (p->id))
        yamlread_diag (&r, DIAG_ERROR, &id_at,
                       _("the id '%s' is not valid: use 1 to 64 lowercase"
                         " letters, digits and '-'"), p->id);
      else if (expect_id != NULL && strcmp (p->id, expect_id) != 0)
        yamlread_diag (&r, DIAG_ERROR, &id_at,
                       _("the id '%s' does not match the file name"
                         " '%s.yaml'; rename the file or change the id"),
                       p->id, expect_id);
      if (p->title != NULL && strchr (p->title, '\n') != NULL)
        yamlread_diag (&r, DIAG_ERROR, &title_at,
                       _("the title must be a single line"));
    }
  yamlread_done (&r);
  if (diags->nerrors != errors || (!sr.stop && r.failed))
    {
      page_free (p);
      return NULL;
    }
  if (p->id == NULL || p->title == NULL
      || (p->summary == NULL && mode == LOAD_FULL))
    {
      page_free (p);
      return NULL;
    }
  p->complete = mode == LOAD_FULL;
  if (p->complete)
    load_page_meta (p);
  return p;
}

/* ------------------------------------------------------------------ */
/* Settings.  */

/* The custom reader of 'clinic: cost:': one text for every language, or
   a mapping of language codes to texts.  */
static bool
load_cost (struct schema_reader *sr, void *target, const yaml_event_t *first)
{
  struct clinic_settings *c = target;
  const char **texts = NULL, **langs = NULL;
  size_t n = 0, cap = 0, lcap = 0;
  size_t before = sr->r->diags->nerrors;
  yaml_event_t key, value;

  if (first->type == YAML_SCALAR_EVENT)
    {
      const char *t;

      if (!schema_read_string (sr, first, "cost", &t))
        return false;
      if (t == NULL)
        return true;
      texts = arena_memdup (sr->arena, &t, sizeof t);
      t = "";
      langs = arena_memdup (sr->arena, &t, sizeof t);
      c->cost = (struct strv) { texts, 1, NULL };
      c->cost_lang = (struct strv) { langs, 1, NULL };
      return true;
    }
  if (first->type != YAML_MAPPING_START_EVENT)
    {
      schema_error (sr, &first->start_mark,
                    _("'cost' must be a text, or a text for each language"
                      " (fr: ..., en: ...), not %s"), yamlread_kind (first));
      return yamlread_skip (sr->r, first);
    }
  for (;;)
    {
      const char *lang = NULL, *t = NULL;

      if (!yamlread_next (sr->r, &key))
        goto fatal;
      if (key.type == YAML_MAPPING_END_EVENT)
        {
          yaml_event_delete (&key);
          break;
        }
      if (key.type != YAML_SCALAR_EVENT
          || !settings_lang_valid ((const char *) key.data.scalar.value))
        schema_error (sr, &key.start_mark,
                      _("in 'cost', each key is a language code (such as"
                        " fr or en)"));
      else
        lang = arena_strdup (sr->arena,
                             (const char *) key.data.scalar.value);
      if (key.type != YAML_SCALAR_EVENT && !yamlread_skip (sr->r, &key))
        {
          yaml_event_delete (&key);
          goto fatal;
        }
      yaml_event_delete (&key);
      if (!yamlread_next (sr->r, &value))
        goto fatal;
      if (!schema_read_string (sr, &value, "cost", &t))
        {
          yaml_event_delete (&value);
          goto fatal;
        }
      yaml_event_delete (&value);
      if (lang == NULL || t == NULL)
        continue;
      texts = xgrow (texts, &cap, n + 1, sizeof *texts);
      langs = xgrow (langs, &lcap, n + 1, sizeof *langs);
      texts[n] = t;
      langs[n++] = lang;
    }
  if (sr->r->diags->nerrors == before && n > 0)
    {
      c->cost = (struct strv) {
        arena_memdup (sr->arena, texts, n * sizeof *texts), n, NULL };
      c->cost_lang = (struct strv) {
        arena_memdup (sr->arena, langs, n * sizeof *langs), n, NULL };
    }
  free (texts);
  free (langs);
  return true;

fatal:
  free (texts);
  free (langs);
  return false;
}

static const struct schema_field clinic_fields[] = {
  [CLINIC_NAME] = { .key = "name", .type = SCHEMA_STRING,
                    .offset = offsetof (struct clinic_settings, name) },
  [CLINIC_PHONE] = { .key = "phone", .type = SCHEMA_STRING,
                     .offset = offsetof (struct clinic_settings, phone) },
  [CLINIC_COST] = { .key = "cost", .type = SCHEMA_CUSTOM,
                    .read = load_cost },
};
SCHEMA_FITS (clinic_fields);
_Static_assert (ARRAY_SIZE (clinic_fields)
                == ARRAY_SIZE (((struct clinic_settings *) NULL)->at),
                "a place for every key of clinic:");
static const struct schema clinic_schema = {
  "clinic", clinic_fields, ARRAY_SIZE (clinic_fields),
  offsetof (struct clinic_settings, at), 0
};

/* menu_add: a list, added to what the layers below added.  */
static bool
load_menu_add (struct schema_reader *sr, void *target,
               const yaml_event_t *first)
{
  struct settings *set = target;
  struct strv add = { NULL, 0, NULL };
  bool ok;

  if (!schema_read_strings (sr, first, "menu_add", &add, &ok))
    return false;
  if (ok)
    settings_strv_append (sr->arena, &set->menu_add, &add);
  return true;
}

static const struct schema_field settings_fields[] = {
  [SET_CLINIC] = { .key = "clinic", .type = SCHEMA_MAP,
                   .sub = &clinic_schema,
                   .offset = offsetof (struct settings, clinic) },
  [SET_EMERGENCY] = { .key = "emergency", .type = SCHEMA_STRING,
                      .offset = offsetof (struct settings, emergency) },
  [SET_LANGUAGES] = { .key = "languages", .type = SCHEMA_STRINGS,
                      .offset = offsetof (struct settings, languages) },
  [SET_DEFAULT_LANGUAGE] = { .key = "default_language",
                             .type = SCHEMA_STRING,
                             .offset = offsetof (struct settings,
                                                 default_language) },
  [SET_FALLBACK_LANGUAGE] = { .key = "fallback_language",
                              .type = SCHEMA_STRING,
                              .offset = offsetof (struct settings,
                                                  fallback_language) },
  [SET_IDLE] = { .key = "idle_seconds", .type = SCHEMA_UINT,
                 .offset = offsetof (struct settings, idle_seconds),
                 .min = SETTINGS_IDLE_MIN, .max = SETTINGS_IDLE_MAX },
  [SET_THEME] = { .key = "theme", .type = SCHEMA_CHOICE,
                  .offset = offsetof (struct settings, theme),
                  .choices = settings_theme_names },
  [SET_KIOSK] = { .key = "kiosk", .type = SCHEMA_BOOL,
                  .offset = offsetof (struct settings, kiosk) },
  [SET_PLAIN] = { .key = "plain", .type = SCHEMA_BOOL,
                  .offset = offsetof (struct settings, plain) },
  [SET_STAFF_PIN] = { .key = "staff_pin", .type = SCHEMA_STRING,
                      .offset = offsetof (struct settings, staff_pin) },
  [SET_MENU] = { .key = "menu", .type = SCHEMA_STRINGS,
                 .offset = offsetof (struct settings, menu) },
  [SET_HIDE] = { .key = "hide", .type = SCHEMA_STRINGS,
                 .offset = offsetof (struct settings, hide) },
  [SET_WARNING_PAGE] = { .key = "warning_page", .type = SCHEMA_STRING,
                         .offset = offsetof (struct settings,
                                             warning_page) },
  [SET_EMERGENCY_GENERAL] = { .key = "emergency_general",
                              .type = SCHEMA_STRING,
                              .offset = offsetof (struct settings,
                                                  emergency_general) },
  [SET_EMERGENCY_SMS] = { .key = "emergency_sms", .type = SCHEMA_STRING,
                          .offset = offsetof (struct settings,
                                              emergency_sms) },
  [SET_UNREVIEWED_PAGES] = { .key = "unreviewed_pages",
                             .type = SCHEMA_CHOICE,
                             .offset = offsetof (struct settings,
                                                 unreviewed_pages),
                             .choices = settings_unreviewed_names },
  [SET_SPEECH] = { .key = "speech", .type = SCHEMA_CHOICE,
                   .offset = offsetof (struct settings, speech),
                   .choices = settings_speech_names },
  [SET_SPEECH_KEY] = { .key = "speech_key", .type = SCHEMA_CHOICE,
                       .offset = offsetof (struct settings, speech_key),
                       .choices = settings_speech_key_names },
  [SET_SPEECH_RATE] = { .key = "speech_rate", .type = SCHEMA_UINT,
                        .offset = offsetof (struct settings, speech_rate),
                        .min = VOICE_RATE_MIN, .max = VOICE_RATE_MAX },
  [SET_SPEECH_VOLUME] = { .key = "speech_volume", .type = SCHEMA_UINT,
                          .offset = offsetof (struct settings,
                                              speech_volume),
                          .min = VOICE_VOLUME_MIN, .max = VOICE_VOLUME_MAX },
  [SET_MENU_ADD] = { .key = "menu_add", .type = SCHEMA_CUSTOM,
                     .read = load_menu_add },
  [SET_TEXT_SIZE] = { .key = "text_size", .type = SCHEMA_CHOICE,
                      .offset = offsetof (struct settings, text_size),
                      .choices = textsize_names },
};
_Static_assert (ARRAY_SIZE (settings_fields) == SET_COUNT,
                "one field per settings key, and settings.at[] has a place"
                " for each");
SCHEMA_FITS (settings_fields);
static const struct schema settings_schema = {
  "settings", settings_fields, ARRAY_SIZE (settings_fields),
  offsetof (struct settings, at), offsetof (struct settings, key_at)
};

/* The checks of settings that span more than one value (settings.c),
   their messages given the file's line and a caret.  */
static void
load_settings_check (struct yamlread *r, struct settings *set,
                     const struct strv *languages, const char *staff_pin,
                     const char *fallback)
{
  struct diag_list found;

  diag_list_init (&found);
  if (set->languages.v != languages->v || set->languages.n != languages->n)
    settings_check_languages (set, languages, &found);
  settings_check_fallback (set, fallback, &found);
  settings_check_pin (set, staff_pin, &found);
  for (size_t i = 0; i < found.n; i++)
    {
      const struct diag *d = &found.items[i];
      yaml_mark_t at = { 0, d->line > 0 ? d->line - 1 : 0,
                         d->col > 0 ? d->col - 1 : 0 };

      if (d->line > 0)
        yamlread_diag (r, d->sev, &at, "%s", d->msg);
      else
        diag_add (r->diags, d->sev, r->file, 0, 0, "%s", d->msg);
    }
  diag_list_done (&found);
}

bool
load_settings (const char *file, const char *buf, size_t len,
               struct settings *set, struct diag_list *diags)
{
  struct yamlread r;
  struct schema_reader sr;
  struct settings in;
  struct strv languages = set->languages;
  const char *staff_pin = set->staff_pin;
  const char *fallback = set->fallback_language;
  size_t errors = diags->nerrors;
  uint32_t seen = 0;

  /* Read into a copy so that a fatal problem half-way leaves SET alone
     for the keys not yet read; values read before it still count.  */
  in = *set;
  yamlread_init (&r, file, buf, len, diags);
  memset (&sr, 0, sizeof sr);
  sr.r = &r;
  sr.arena = &set->arena;
  sr.fallback = _("this setting is ignored");
  if (!r.failed)
    load_document (&sr, &settings_schema, &in, &seen);
  in.arena = set->arena;
  *set = in;
  load_settings_check (&r, set, &languages, staff_pin, fallback);
  yamlread_done (&r);
  return diags->nerrors == errors;
}
