/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* screens.c -- the screens the kiosk builds itself, and how every page is
   laid out.  */

#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "pin.h"
#include "qr.h"
#include "screens.h"
#include "xalloc.h"

/* ------------------------------------------------------------------ */
/* Finding pages, and laying them out.  */

/* Looks page ID up in LANG; true if the search ends here: with the page,
   or with *NEED set to what must be read first.  */
static bool
screens_try (const struct library *lib, const char *id, const char *lang,
             bool full, const struct page **p, struct need *need)
{
  switch (library_peek (lib, id, lang, full, p))
    {
    case LIBRARY_READY:
      return true;
    case LIBRARY_UNREAD:
      *need = (struct need) { full ? NEED_PAGE : NEED_HEADER, id, lang };
      return true;
    case LIBRARY_ABSENT:
    case LIBRARY_BROKEN:
    default:
      return false;
    }
}

const struct page *
screens_find (const struct library *lib, const char *id, const char *lang,
              bool full, struct need *need)
{
  const struct settings *set = library_settings (lib);
  const char *const *langs;
  const struct page *p = NULL;
  size_t n;

  need->kind = NEED_NOTHING;
  if (lang != NULL && lang[0] != '\0'
      && screens_try (lib, id, lang, full, &p, need))
    return p;
  if (screens_try (lib, id, settings_fallback (set), full, &p, need))
    return p;
  for (size_t i = 0; i < set->languages.n; i++)
    if (screens_try (lib, id, set->languages.v[i], full, &p, need))
      return p;
  n = library_languages (lib, (const char ***) &langs);
  for (size_t i = 0; i < n; i++)
    if (screens_try (lib, id, langs[i], full, &p, need))
      return p;
  return NULL;
}

const char *
screens_label (void *ctx, const char *lang, const char *target,
               const char **label_lang)
{
  struct screens_labels *c = ctx;
  const struct page *p = screens_find (c->lib, target, lang, false,
                                       &c->need);

  if (p != NULL)
    {
      *label_lang = p->lang;
      return p->title;
    }
  return c->need.kind != NEED_NOTHING ? LAYOUT_WAIT : NULL;
}

static bool
screens_gone (void *ctx, const char *target)
{
  const struct screens_labels *c = ctx;

  return settings_hidden (library_settings (c->lib), target);
}

static bool
screens_is_french (const char *lang)
{
  return lang != NULL && lang[0] == 'f' && lang[1] == 'r'
         && (lang[2] == '\0' || lang[2] == '_');
}

void
screens_options (struct layout_options *o, const struct profile *pf,
                 unsigned width, const char *page_lang, const char *ui_lang,
                 const char *notice, struct screens_labels *labels)
{
  memset (o, 0, sizeof *o);
  o->width = width;
  o->charset = pf->charset;
  o->french = screens_is_french (page_lang);
  o->plain = pf->plain;
  /* The words on the frames of the warning boxes, for the patient.  */
  for (int k = 0; k < LEVEL_COUNT; k++)
    o->level_labels[k] = L_(ui_lang, layout_level_word ((enum warning_level) k));
  o->notice = notice;
  o->notice_french = screens_is_french (ui_lang);
  if (labels != NULL)
    {
      o->link_label = screens_label;
      o->link_gone = screens_gone;
      o->ctx = labels;
    }
}

char *
screens_notice (const char *ui_lang, const struct page *p)
{
  if (ui_lang == NULL || ui_lang[0] == '\0' || p->lang == NULL
      || strcmp (p->lang, ui_lang) == 0)
    return NULL;
  return xasprintf (
    /* TRANSLATORS: shown above a page that exists only in another
       language; both %s are language names.  */
    L_(ui_lang, "This page is not available in %s yet; it is shown in %s."),
    i18n_name_in (ui_lang, ui_lang), i18n_name_in (ui_lang, p->lang));
}

/* ------------------------------------------------------------------ */
/* Building pages.  */

/* A new synthetic page in LANG.  */
static struct page *
screens_page (const char *lang)
{
  struct page *p = page_new ();

  p->lang = arena_strdup (&p->arena, lang);
  p->complete = true;
  return p;
}

static struct block *
screens_add_link (struct page *p, const char *target, const char *label)
{
  struct block *b = page_add_block (p, BLOCK_LINK);

  b->target = arena_strdup (&p->arena, target);
  b->text = label != NULL ? arena_strdup (&p->arena, label) : NULL;
  return b;
}

static void
screens_add_text (struct page *p, enum block_kind kind, const char *text)
{
  page_add_block (p, kind)->text = arena_strdup (&p->arena, text);
}

/* MSGID translated into every offered language, joined with SEP (caller
   frees).  */
static char *
screens_every_language (const struct settings *set, const char *msgid,
                        const char *sep)
{
  char *all = NULL;

  for (size_t i = 0; i < set->languages.n; i++)
    {
      const char *lang = set->languages.v[i];
      const char *t;
      char *next;

      if (!settings_lang_valid (lang))
        continue;
      t = L_(lang, msgid);
      /* The same text twice (an untranslated language) is shown once.  */
      if (all != NULL && strstr (all, t) != NULL)
        continue;
      next = xasprintf ("%s%s%s", all ? all : "", all ? sep : "", t);
      free (all);
      all = next;
    }
  return all != NULL ? all : xstrdup (L_(set->default_language, msgid));
}

/* Adds a link per offered language to P.  */
static void
screens_language_links (const struct settings *set, struct page *p)
{
  for (size_t i = 0; i < set->languages.n; i++)
    {
      const char *lang = set->languages.v[i];
      char *target;

      if (!settings_lang_valid (lang))
        continue;
      target = xasprintf ("lang:%s", lang);
      screens_add_link (p, target, i18n_native_name (lang));
      free (target);
    }
}

/* The language of the screens that speak every language at once (ISO
   639-2 "mul"): no one language's typography applies to them.  */
static const char screens_every[] = "mul";

struct page *
screens_language (const struct settings *set)
{
  struct page *p = screens_page (screens_every);
  /* TRANSLATORS: on the language screen, before a language is chosen;
     every language's version is shown.  */
  char *prompt = screens_every_language (set, N_("Choose your language"),
                                         " \xC2\xB7 ");

  p->summary = arena_strdup (&p->arena, prompt);
  free (prompt);
  screens_language_links (set, p);
  return p;
}

struct page *
screens_attract (const struct settings *set)
{
  struct page *p = screens_page (screens_every);
  /* TRANSLATORS: the attract screen, between patients; every language's
     version is shown, one per line.  */
  char *invite = screens_every_language (set, N_("Touch the screen or press"
                                                 " a key"), "\n");
  char *about = screens_every_language (set, N_("Information about"
                                                " mesotherapy"),
                                        " \xC2\xB7 ");

  /* The clinic's name is on the top line already.  */
  p->title = arena_strdup (&p->arena, about);
  screens_add_text (p, BLOCK_TEXT, invite);
  free (invite);
  free (about);
  screens_language_links (set, p);
  return p;
}

struct page *
screens_pin (const char *lang, size_t typed, unsigned wait, bool hash_set)
{
  struct page *p = screens_page (lang);
  char stars[PIN_MAX_DIGITS + 1];
  char *line;

  if (typed > PIN_MAX_DIGITS)
    typed = PIN_MAX_DIGITS;
  memset (stars, '*', typed);
  stars[typed] = '\0';
  p->title = arena_strdup (&p->arena, L_(lang, "Staff only"));
  p->summary = arena_strdup (&p->arena,
                             L_(lang, "Type the staff PIN, then press"
                                " Enter. Press Escape to go back."));
  if (!hash_set)
    screens_add_text (p, BLOCK_WARNING,
                      L_(lang, "No staff PIN is set. Set staff_pin in"
                         " kiosk.yaml (see mesokiosk --hash-pin), or stop"
                         " the kiosk from its service."));
  else if (wait > 0)
    {
      line = xasprintf (L_(lang, "Too many wrong PINs. Wait %u seconds."),
                        wait);
      screens_add_text (p, BLOCK_WARNING, line);
      free (line);
    }
  /* TRANSLATORS: the PIN field; the stars stand for the digits typed.  */
  line = xasprintf (L_(lang, "PIN: %s_"), stars);
  screens_add_text (p, BLOCK_HEADING, line);
  free (line);
  return p;
}

struct page *
screens_staff (const char *lang, const char *report)
{
  struct page *p = screens_page (lang);

  p->title = arena_strdup (&p->arena, L_(lang, "Staff menu"));
  p->summary = arena_strdup (&p->arena, L_(lang, "Choose, then press"
                                           " Enter."));
  if (report != NULL)
    screens_add_text (p, BLOCK_TEXT, report);
  screens_add_link (p, "staff:back", L_(lang, "Back to the kiosk"));
  screens_add_link (p, "staff:reload", L_(lang, "Read the content again"));
  screens_add_link (p, "staff:quit", L_(lang, "Quit the kiosk"));
  return p;
}

char *
screens_reload_report (const char *lang, size_t pages,
                       const struct diag_list *d, bool kept)
{
  const struct diag *first = NULL;
  char *head, *quote = NULL, *all;
  size_t len = 0;
  FILE *f;

  for (size_t i = 0; i < d->n && first == NULL; i++)
    if (d->items[i].sev == DIAG_ERROR)
      first = &d->items[i];
  if (kept)
    /* TRANSLATORS: after "Read the content again" on the staff menu.  */
    head = xasprintf (L_(lang, "%zu errors: the previous content is kept."
                         " Run mesokiosk --check for all of them. The"
                         " first:"), d->nerrors);
  else if (d->nwarnings > 0)
    head = xasprintf (L_(lang, "Content read again: %zu pages, no errors,"
                         " %zu warnings (mesokiosk --check lists them)."),
                      pages, d->nwarnings);
  else
    head = xasprintf (L_(lang, "Content read again: %zu pages, no errors."),
                      pages);
  if (first == NULL)
    return head;
  /* The error as --check prints it (file:line:column: error: ...), its
     controls escaped.  */
  f = open_memstream (&quote, &len);
  if (f == NULL)
    return head;
  diag_print (f, first, false);
  fclose (f);
  while (len > 0 && quote[len - 1] == '\n')
    quote[--len] = '\0';
  all = xasprintf ("%s\n%s", head, quote);
  free (head);
  free (quote);
  return all;
}

static int
screens_id_order (const void *a, const void *b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Adds a menu entry for page ID: its label is its title, read when the
   menu is laid out as far as it shows; a topic with no readable page is
   left out then.  */
static void
screens_add_topic (const struct settings *set, struct page *p, const char *id)
{
  struct block *b = screens_add_link (p, id, NULL);

  b->optional = true;
  b->urgent = strcmp (id, set->warning_page) == 0;
}

/* The last entry of the menu: the clinic's number as a code, when there
   is one (its button has no room on every screen).  */
static void
screens_add_contact (const struct settings *set, struct page *p,
                     const char *lang)
{
  if (qr_has_contact (set))
    /* TRANSLATORS: the last entry of the home menu; it shows the clinic's
       number as a code a phone's camera saves.  */
    screens_add_link (p, "go:contact",
                      L_(lang, "Take the clinic's number home"));
}

struct page *
screens_home (const struct library *lib, const char *lang)
{
  const struct settings *set = library_settings (lib);
  struct page *p = screens_page (lang);

  /* TRANSLATORS: the title of the home screen.  */
  p->title = arena_strdup (&p->arena, L_(lang, "Mesotherapy: information"
                                         " for patients"));
  p->summary = arena_strdup (&p->arena,
                             L_(lang, "Choose a topic with the arrow keys"
                                " and Enter, or touch it."));
  /* The titles are read when the menu is laid out, as far as the screen
     goes: a menu of a thousand topics shows its first screen without
     reading a thousand files.  */
  if (set->menu.n > 0)
    {
      for (size_t i = 0; i < set->menu.n; i++)
        if (!settings_hidden (set, set->menu.v[i]))
          screens_add_topic (set, p, set->menu.v[i]);
      screens_add_contact (set, p, lang);
      return p;
    }
  {
    /* No menu set: every page of the language, by id.  */
    size_t n = library_count (lib), k = 0;
    const char **ids = n > 0 ? xmalloc (n * sizeof *ids) : NULL;

    for (size_t i = 0; i < n; i++)
      {
        const char *id, *plang;

        library_file (lib, i, &id, &plang);
        if (strcmp (plang, lang) == 0)
          ids[k++] = id;
      }
    if (k > 1)
      qsort (ids, k, sizeof *ids, screens_id_order);
    for (size_t i = 0; i < k; i++)
      screens_add_topic (set, p, ids[i]);
    free (ids);
  }
  screens_add_contact (set, p, lang);
  return p;
}

/* The help lines shown only out of kiosk mode, or with a phone number.  */
enum { SCREENS_HELP_NOT_KIOSK = 1, SCREENS_HELP_CONTACT = 2 };

static const struct
{
  const char *keys;
  const char *what;
  unsigned only;        /* SCREENS_HELP_*: when the line is shown.  */
} screens_help_keys[] = {
  /* TRANSLATORS: names of keys on the help screen.  Letters are not
     commands: typing a word searches for it.  */
  { N_("Type a word"), N_("search for it, then choose a page"), 0 },
  { N_("Up and Down arrows"),
    N_("select the next or previous link, or scroll a line"), 0 },
  { N_("Page Up, Page Down, Space"), N_("scroll a screen"), 0 },
  { N_("End"), N_("go to the end of the page"), 0 },
  { N_("Tab"), N_("select the next link"), 0 },
  { N_("Enter, Right arrow"), N_("open the selected link"), 0 },
  { N_("Backspace, Left arrow, Escape"), N_("go back"), 0 },
  { N_("Home"), N_("home: the list of topics"), 0 },
  { N_("! or F9"), N_("warning signs: when to call"), 0 },
  { N_("F2"), N_("change the language"), 0 },
  { N_("# or F3"), N_("the clinic's number as a code your phone's camera"
                      " saves"), SCREENS_HELP_CONTACT },
  { N_("F12"), N_("listen: the screen is read aloud in the headphones;"
                  " F12 again pauses, and again reads on"), 0 },
  { N_("F5, F6"), N_("speech slower, faster"), 0 },
  { N_("F7, F8"), N_("speech quieter, louder"), 0 },
  { N_("+ and -"), N_("larger or smaller text, where the screen can"), 0 },
  { N_("? or F1"), N_("this help; press it again to close"), 0 },
  { N_("F10"), N_("quit"), SCREENS_HELP_NOT_KIOSK },
};

struct page *
screens_help (const char *lang, bool kiosk, bool contact)
{
  struct page *p = screens_page (lang);
  struct block *b;
  const char **items = arena_alloc (&p->arena,
                                    ARRAY_SIZE (screens_help_keys)
                                    * sizeof *items);
  size_t n = 0;

  p->title = arena_strdup (&p->arena, L_(lang, "Keys and buttons"));
  p->summary = arena_strdup (&p->arena,
                             L_(lang, "You can also touch a link or a"
                                " button on the screen."));
  for (size_t i = 0; i < ARRAY_SIZE (screens_help_keys); i++)
    {
      char *line;

      unsigned only = screens_help_keys[i].only;

      if (((only & SCREENS_HELP_NOT_KIOSK) && kiosk)
          || ((only & SCREENS_HELP_CONTACT) && !contact))
        continue;
      /* TRANSLATORS: a line of the help screen: "keys: what they do".  */
      line = xasprintf (L_(lang, "%s: %s"),
                        L_(lang, screens_help_keys[i].keys),
                        L_(lang, screens_help_keys[i].what));
      items[n++] = arena_strdup (&p->arena, line);
      free (line);
    }
  b = page_add_block (p, BLOCK_LIST);
  b->items.v = items;
  b->items.n = n;
  return p;
}

/* The link target that opens hit H at its match: "hit:LANG:BLOCK:ID:TERMS"
   (session.c reads it back; caller frees).  */
static char *
screens_hit_target (const struct search_hit *h)
{
  return xasprintf ("hit:%s:%u:%s:%s", h->page->lang, (unsigned) h->block,
                    h->page->id, h->terms != NULL ? h->terms : "");
}

/* Puts the warning-signs page first when the query matched a symptom on
   it (one of its keywords, which name the signs it is for): a patient who
   types "peau froide" must see when to call before anything else, one who
   types "bleu" the page that says bruises are normal.  */
static void
screens_symptoms_first (struct search_result *r, const char *warning_page)
{
  for (size_t i = 1; i < r->n; i++)
    if (r->hits[i].alarm && strcmp (r->hits[i].page->id, warning_page) == 0)
      {
        struct search_hit h = r->hits[i];

        memmove (r->hits + 1, r->hits, i * sizeof *r->hits);
        r->hits[0] = h;
        return;
      }
}

struct page *
screens_search (const struct library *lib, const struct search_index *ix,
                const char *query, const char *lang, unsigned width)
{
  const struct settings *set = library_settings (lib);
  struct page *p = screens_page (lang);
  struct search_result r;
  struct need ignored;
  unsigned snippet = width > 4 ? width - 4 : width;
  bool elsewhere = false;
  char *line;

  p->title = arena_strdup (&p->arena, L_(lang, "Search"));
  p->summary = arena_strdup (&p->arena,
                             L_(lang, "Type a word, such as bruise or"
                                " fever. The pages that speak of it show"
                                " below."));
  /* TRANSLATORS: the search field; %s is what the patient typed, and the
     underscore stands for the cursor.  */
  line = xasprintf (L_(lang, "Search: %s_"), query);
  screens_add_text (p, BLOCK_HEADING, line);
  free (line);
  if (query[0] == '\0')
    {
      screens_add_text (p, BLOCK_TEXT,
                        L_(lang, "Press Enter to open the page chosen,"
                           " Escape to go back."));
      return p;
    }
  search_run (ix, query, lang, SCREENS_MAX_HITS, snippet, &r);
  if (r.n == 0)
    {
      /* Nothing in the patient's language: the others, labelled.  */
      search_run (ix, query, NULL, SCREENS_MAX_HITS, snippet, &r);
      elsewhere = r.n > 0;
    }
  screens_symptoms_first (&r, set->warning_page);
  if (r.n == 0)
    {
      /* TRANSLATORS: %s is what the patient typed.  */
      line = xasprintf (L_(lang, "No page speaks of \"%s\". Try a shorter"
                           " word, or another one."), query);
      screens_add_text (p, BLOCK_TEXT, line);
      free (line);
      /* Every page is read for the index: no need can arise.  Enter opens
         neither: they are there to be chosen.  */
      if (screens_find (lib, set->warning_page, lang, false, &ignored)
          != NULL)
        {
          screens_add_text (p, BLOCK_TEXT,
                            L_(lang, "If you are worried about how you"
                               " feel, read this page:"));
          screens_add_link (p, set->warning_page, NULL)->urgent = true;
        }
      screens_add_link (p, "go:home", L_(lang, "Back to the list of"
                                         " topics"));
    }
  else if (elsewhere)
    {
      line = xasprintf (L_(lang, "No page in %s speaks of \"%s\"; these"
                           " pages in another language do:"),
                        i18n_name_in (lang, lang), query);
      screens_add_text (p, BLOCK_TEXT, line);
      free (line);
    }
  for (size_t i = 0; i < r.n; i++)
    {
      const struct search_hit *h = &r.hits[i];
      char *target = screens_hit_target (h);
      char *label = elsewhere
                      ? xasprintf ("%s (%s)", h->page->title,
                                   i18n_native_name (h->page->lang))
                      : xstrdup (h->page->title);
      struct block *b = screens_add_link (p, target, label);

      /* A result in another language keeps its own typography.  */
      b->lang = h->page->lang;
      free (target);
      free (label);
      b->urgent = strcmp (h->page->id, set->warning_page) == 0;
      if (h->snippet == NULL || h->snippet[0] == '\0')
        continue;
      b->note = arena_strdup (&p->arena, h->snippet);
      if (h->nranges > 0)
        b->marks = arena_memdup (&p->arena, h->ranges,
                                 h->nranges * sizeof *h->ranges);
      b->nmarks = h->nranges;
    }
  search_result_done (&r);
  return p;
}
