/* session.c -- one patient's visit, as a state machine.  */

#include "system.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "history.h"
#include "i18n.h"
#include "search.h"
#include "session.h"
#include "utf8.h"
#include "xalloc.h"

struct session
{
  struct library *lib;          /* Borrowed.  */
  struct session_config cfg;    /* CFG.LANG is not kept.  */
  char lang[16];                /* Interface language; "" before a choice.  */
  enum screen_id screen;
  char *page_id;                /* SCREEN_PAGE: owned id.  */
  const struct page *page;      /* Shown: from the library or SYNTHETIC.  */
  struct page *synthetic;       /* Owned, or NULL.  */
  const char *page_lang;        /* Language of PAGE.  */
  char *notice;                 /* Owned, or NULL: shown above the page.  */
  struct layout *layout;        /* Owned, or NULL before a resize.  */
  struct layout *prepared;      /* Owned, or NULL: PREPARED_PAGE laid out
                                   ahead of time (session_prepare()).  */
  const struct page *prepared_page;
  unsigned prepared_width;
  char prepared_lang[16];
  unsigned width, rows;
  size_t top;
  int32_t selected;
  struct history history;
  char *message;                /* Owned, or NULL.  */
  double now;                   /* Monotonic seconds, from the loop.  */
  unsigned idle_left;           /* Countdown shown, in seconds; 0: none.  */
  char pin[PIN_MAX_DIGITS + 1]; /* What was typed on the PIN screen.  */
  char query[SESSION_QUERY_MAX + 1];    /* The search text, UTF-8.  */
  bool touched;                 /* Any action was handled.  */
};

unsigned
session_measure (unsigned cols)
{
  if (cols > SESSION_MEASURE + 4)
    return SESSION_MEASURE;
  if (cols > 20)
    return cols - 2;
  return cols > LAYOUT_MIN_WIDTH ? cols : LAYOUT_MIN_WIDTH;
}

/* ------------------------------------------------------------------ */
/* Layout and movement.  */

static bool
session_is_menu (const struct session *s)
{
  return s->screen == SCREEN_LANGUAGE || s->screen == SCREEN_HOME
         || s->screen == SCREEN_ATTRACT || s->screen == SCREEN_STAFF;
}

static bool session_extend (struct session *s, size_t lines);

/* A scroll of everything, to the top or the bottom.  */
#define SESSION_ALL (LONG_MAX / 4)

/* The last top line that still fills the screen.  A layout is made a
   little at a time (session_extend()): as far as the screen at the top
   and one line more, which tells whether there is more below.  */
static size_t
session_max_top (struct session *s)
{
  size_t n;

  session_extend (s, s->top + (size_t) s->rows + 1);
  n = s->layout != NULL ? s->layout->nlines : 0;
  return n > s->rows ? n - s->rows : 0;
}

static const struct layout_link *
session_link (const struct session *s, int32_t k)
{
  if (s->layout == NULL || k < 0 || (size_t) k >= s->layout->nlinks)
    return NULL;
  return &s->layout->links[k];
}

/* True if some line of link K is on screen.  */
static bool
session_link_visible (const struct session *s, int32_t k)
{
  const struct layout_link *l = session_link (s, k);

  return l != NULL && l->line < s->top + s->rows
         && l->line + l->nlines > s->top;
}

/* Scrolls so that link K is wholly on screen (or starts at the top).  */
static void
session_show_link (struct session *s, int32_t k)
{
  const struct layout_link *l = session_link (s, k);

  if (l == NULL)
    return;
  if (l->line < s->top)
    s->top = l->line;
  else if (l->line + l->nlines > s->top + s->rows)
    {
      size_t want = l->line + l->nlines - s->rows;

      s->top = want < l->line ? want : l->line;
    }
  if (s->top > session_max_top (s))
    s->top = session_max_top (s);
}

static int32_t
session_first_visible_link (const struct session *s)
{
  for (size_t k = 0; s->layout != NULL && k < s->layout->nlinks; k++)
    if (session_link_visible (s, (int32_t) k))
      return (int32_t) k;
  return -1;
}

static int32_t
session_last_visible_link (const struct session *s)
{
  for (size_t k = s->layout != NULL ? s->layout->nlinks : 0; k-- > 0;)
    if (session_link_visible (s, (int32_t) k))
      return (int32_t) k;
  return -1;
}

/* After a scroll: a selection that left the screen moves to a visible
   link on menus, and is dropped on pages.  */
static void
session_fix_selection (struct session *s, bool down)
{
  if (s->selected >= 0 && session_link_visible (s, s->selected))
    return;
  if (session_is_menu (s))
    s->selected = down ? session_first_visible_link (s)
                       : session_last_visible_link (s);
  else
    s->selected = -1;
}

static const struct page *session_find_page (struct session *s,
                                             const char *id, bool header);

/* What a link's label is looked up with: the titles of other pages, in
   the language of the page the link is on.  */
struct session_label_ctx
{
  struct session *s;
  const char *lang;
};

static const char *
session_link_label (void *ctx, const char *target)
{
  struct session_label_ctx *c = ctx;
  struct session *s = c->s;
  const struct page *p = library_header (s->lib, target, c->lang);

  if (p == NULL)
    p = session_find_page (s, target, true);
  return p != NULL ? p->title : NULL;
}

static bool
session_lang_is_french (const char *lang)
{
  return lang != NULL && lang[0] == 'f' && lang[1] == 'r'
         && (lang[2] == '\0' || lang[2] == '_');
}

/* The options to lay out a page in language LANG with, NOTICE above it,
   at the session's width; C is the context of the link labels.  */
static void
session_layout_options (struct session *s, const char *lang,
                        const char *notice, struct layout_options *o,
                        struct session_label_ctx *c)
{
  c->s = s;
  c->lang = lang;
  memset (o, 0, sizeof *o);
  o->width = s->width;
  o->charset = s->cfg.charset;
  o->french = session_lang_is_french (lang);
  o->plain = s->cfg.plain;
  o->rows = s->rows;
  o->notice = notice;
  o->notice_french = session_lang_is_french (s->lang);
  o->link_label = session_link_label;
  o->ctx = c;
}

/* Lays out page P (in language LANG, with NOTICE above it) at the
   session's width, as far as LINES lines (SIZE_MAX: all of it).  */
static struct layout *
session_layout_page (struct session *s, const struct page *p,
                     const char *lang, const char *notice, size_t lines)
{
  struct layout_options o;
  struct session_label_ctx c;

  session_layout_options (s, lang, notice, &o, &c);
  return layout_page_part (p, &o, lines);
}

/* Lays out more of the page shown, up to LINES lines; returns true if
   lines were added.  */
static bool
session_extend (struct session *s, size_t lines)
{
  struct layout_options o;
  struct session_label_ctx c;

  if (s->layout == NULL || s->layout->complete || s->layout->nlines >= lines
      || s->page == NULL)
    return false;
  /* The notice is laid out already: it comes first.  */
  session_layout_options (s, s->page_lang, NULL, &o, &c);
  return layout_more (s->layout, s->page, &o, lines);
}

/* Lays out the page shown as far as link K, if it has one.  */
static void
session_extend_links (struct session *s, int32_t k)
{
  while (s->layout != NULL && !s->layout->complete && k >= 0
         && (size_t) k >= s->layout->nlinks
         && session_extend (s, s->layout->nlines + s->rows + 1))
    continue;
}

/* Lays out the page shown past block BLOCK (an anchor's).  */
static void
session_extend_block (struct session *s, uint32_t block)
{
  while (s->layout != NULL && !s->layout->complete
         && (s->layout->nlines == 0
             || s->layout->lines[s->layout->nlines - 1].block <= block)
         && session_extend (s, s->layout->nlines + s->rows + 1))
    continue;
}

/* True if the layout prepared ahead of time is page P as it would be laid
   out now.  */
static bool
session_prepared_is (const struct session *s, const struct page *p)
{
  return s->prepared != NULL && s->prepared_page == p
         && s->prepared_width == s->width
         && strcmp (s->prepared_lang, s->lang) == 0;
}

/* Drops the layout prepared ahead of time.  */
static void
session_drop_prepared (struct session *s)
{
  layout_free (s->prepared);
  s->prepared = NULL;
  s->prepared_page = NULL;
}

/* Lays the page out again; with KEEP, the line at the top of the screen
   stays there.  */
static void
session_relayout (struct session *s, bool keep)
{
  uint32_t block = 0, offset = 0;

  if (s->width == 0 || s->page == NULL)
    return;
  if (keep && s->layout != NULL && s->top < s->layout->nlines)
    {
      block = s->layout->lines[s->top].block;
      offset = s->layout->lines[s->top].offset;
    }
  layout_free (s->layout);
  if (!keep && session_prepared_is (s, s->page))
    {
      /* Laid out while the patient was reading the previous screen.  */
      s->layout = s->prepared;
      s->prepared = NULL;
      s->prepared_page = NULL;
    }
  else
    s->layout = session_layout_page (s, s->page, s->page_lang, s->notice,
                                     (size_t) s->rows + 1);
  if (keep)
    session_extend_block (s, block);
  s->top = keep ? layout_find_anchor (s->layout, block, offset) : 0;
  if (s->top > session_max_top (s))
    s->top = session_max_top (s);
  session_extend_links (s, s->selected);
  if (s->selected >= 0 && (size_t) s->selected >= s->layout->nlinks)
    s->selected = -1;
  /* A menu always has a selection, so that Enter does something.  */
  if (session_is_menu (s) && s->selected < 0 && s->layout->nlinks > 0)
    {
      s->selected = 0;
      session_show_link (s, 0);
    }
}

unsigned
session_resize (struct session *s, unsigned width, unsigned rows)
{
  if (width < LAYOUT_MIN_WIDTH)
    width = LAYOUT_MIN_WIDTH;
  if (rows < 1)
    rows = 1;
  if (width == s->width && rows == s->rows && s->layout != NULL)
    return REDRAW_NONE;
  s->rows = rows;
  if (width != s->width || s->layout == NULL)
    {
      s->width = width;
      session_relayout (s, true);
    }
  if (s->top > session_max_top (s))
    s->top = session_max_top (s);
  if (s->selected >= 0)
    session_show_link (s, s->selected);
  return REDRAW_FULL;
}

/* ------------------------------------------------------------------ */
/* Screens.  */

static void
session_set_message (struct session *s, const char *msg)
{
  free (s->message);
  s->message = msg != NULL ? xstrdup (msg) : NULL;
}

static void
session_clear_page (struct session *s)
{
  page_free (s->synthetic);
  s->synthetic = NULL;
  s->page = NULL;
  free (s->page_id);
  s->page_id = NULL;
  free (s->notice);
  s->notice = NULL;
}

static struct block *
session_add_link (struct page *p, const char *target, const char *label)
{
  struct block *b = page_add_block (p, BLOCK_LINK);

  b->target = arena_strdup (&p->arena, target);
  b->text = label != NULL ? arena_strdup (&p->arena, label) : NULL;
  return b;
}

/* MSGID translated into every offered language, joined with SEP
   (caller frees).  */
static char *
session_every_language (struct session *s, const char *msgid,
                        const char *sep)
{
  const struct settings *set = library_settings (s->lib);
  char *all = NULL;

  for (size_t i = 0; i < set->languages.n; i++)
    {
      const char *lang = set->languages.v[i];
      const char *t;
      char *next;

      if (!settings_lang_valid (lang))
        continue;
      i18n_set_language (lang);
      t = gettext (msgid);
      /* The same text twice (an untranslated language) is shown once.  */
      if (all != NULL && strstr (all, t) != NULL)
        continue;
      next = xasprintf ("%s%s%s", all ? all : "", all ? sep : "", t);
      free (all);
      all = next;
    }
  i18n_set_language (s->lang[0] != '\0' ? s->lang : set->default_language);
  return all != NULL ? all : xstrdup (gettext (msgid));
}

/* Adds a link per offered language to P.  */
static void
session_language_links (struct session *s, struct page *p)
{
  const struct settings *set = library_settings (s->lib);

  for (size_t i = 0; i < set->languages.n; i++)
    {
      const char *lang = set->languages.v[i];
      char *target;

      if (!settings_lang_valid (lang))
        continue;
      target = xasprintf ("lang:%s", lang);
      session_add_link (p, target, i18n_native_name (lang));
      free (target);
    }
}

static struct page *
session_language_page (struct session *s)
{
  struct page *p = page_new ();
  /* TRANSLATORS: on the language screen, before a language is chosen;
     every language's version is shown.  */
  char *prompt = session_every_language (s, N_("Choose your language"),
                                         " \xC2\xB7 ");

  p->summary = arena_strdup (&p->arena, prompt);
  free (prompt);
  session_language_links (s, p);
  p->complete = true;
  return p;
}

static struct page *
session_attract_page (struct session *s)
{
  struct page *p = page_new ();
  /* TRANSLATORS: the attract screen, between patients; every language's
     version is shown, one per line.  */
  char *invite = session_every_language (s, N_("Touch the screen or press a"
                                               " key"), "\n");
  char *about = session_every_language (s, N_("Information about"
                                              " mesotherapy"), " \xC2\xB7 ");

  /* The clinic's name is on the top line already.  */
  p->title = arena_strdup (&p->arena, about);
  page_add_block (p, BLOCK_TEXT)->text = arena_strdup (&p->arena, invite);
  free (invite);
  free (about);
  session_language_links (s, p);
  p->complete = true;
  return p;
}

static struct page *
session_pin_page (struct session *s)
{
  struct page *p = page_new ();
  struct block *b;
  unsigned wait = s->cfg.guard != NULL
                    ? pin_guard_wait (s->cfg.guard, s->now) : 0;
  char stars[PIN_MAX_DIGITS + 1];
  char *line;
  size_t n = strlen (s->pin);

  memset (stars, '*', n);
  stars[n] = '\0';
  p->title = arena_strdup (&p->arena, _("Staff only"));
  p->summary = arena_strdup (&p->arena,
                             _("Type the staff PIN, then press Enter."
                               " Press Escape to go back."));
  if (!pin_hash_valid (s->cfg.pin_hash))
    {
      b = page_add_block (p, BLOCK_WARNING);
      b->text = arena_strdup (&p->arena,
                              _("No staff PIN is set. Set staff_pin in"
                                " kiosk.yaml (see mesokiosk --hash-pin),"
                                " or stop the kiosk from its service."));
    }
  else if (wait > 0)
    {
      line = xasprintf (_("Too many wrong PINs. Wait %u seconds."), wait);
      b = page_add_block (p, BLOCK_WARNING);
      b->text = arena_strdup (&p->arena, line);
      free (line);
    }
  /* TRANSLATORS: the PIN field; the stars stand for the digits typed.  */
  line = xasprintf (_("PIN: %s_"), stars);
  page_add_block (p, BLOCK_HEADING)->text = arena_strdup (&p->arena, line);
  free (line);
  p->complete = true;
  return p;
}

static struct page *
session_staff_page (struct session *s)
{
  struct page *p = page_new ();

  p->title = arena_strdup (&p->arena, _("Staff menu"));
  p->summary = arena_strdup (&p->arena, _("Choose, then press Enter."));
  session_add_link (p, "staff:back", _("Back to the kiosk"));
  session_add_link (p, "staff:reload", _("Read the content again"));
  session_add_link (p, "staff:quit", _("Quit the kiosk"));
  p->complete = true;
  return p;
}

/* The language that page ID is best shown in, or NULL.  */
static const struct page *
session_find_page (struct session *s, const char *id, bool header)
{
  const struct settings *set = library_settings (s->lib);
  const char *const *langs;
  const struct page *p;
  size_t n;

  p = header ? library_header (s->lib, id, s->lang)
             : library_page (s->lib, id, s->lang);
  if (p != NULL)
    return p;
  p = header ? library_header (s->lib, id, set->default_language)
             : library_page (s->lib, id, set->default_language);
  if (p != NULL)
    return p;
  for (size_t i = 0; i < set->languages.n; i++)
    {
      p = header ? library_header (s->lib, id, set->languages.v[i])
                 : library_page (s->lib, id, set->languages.v[i]);
      if (p != NULL)
        return p;
    }
  n = library_languages (s->lib, (const char ***) &langs);
  for (size_t i = 0; i < n; i++)
    {
      p = header ? library_header (s->lib, id, langs[i])
                 : library_page (s->lib, id, langs[i]);
      if (p != NULL)
        return p;
    }
  return NULL;
}

static struct page *
session_home_page (struct session *s)
{
  const struct settings *set = library_settings (s->lib);
  struct page *p = page_new ();

  /* TRANSLATORS: the title of the home screen.  */
  p->title = arena_strdup (&p->arena, _("Mesotherapy: information for"
                                        " patients"));
  p->summary = arena_strdup (&p->arena,
                             _("Choose a topic with the arrow keys and"
                               " Enter, or touch it."));
  /* The titles are read when the menu is laid out, as far as the screen
     goes: a menu of a thousand topics shows its first screen without
     reading a thousand files.  A topic with no readable page is left out
     then (the links are optional).  */
  if (set->menu.n > 0)
    for (size_t i = 0; i < set->menu.n; i++)
      {
        const char *id = set->menu.v[i];
        struct block *b;

        if (settings_hidden (set, id))
          continue;
        b = session_add_link (p, id, NULL);
        b->optional = true;
        b->urgent = strcmp (id, set->warning_page) == 0;
      }
  else
    for (size_t i = 0; i < library_count (s->lib); i++)
      {
        const char *id, *lang, *path;
        struct block *b;

        library_entry (s->lib, i, &id, &lang, &path);
        if (strcmp (lang, s->lang) != 0)
          continue;
        b = session_add_link (p, id, NULL);
        b->optional = true;
        b->urgent = strcmp (id, set->warning_page) == 0;
      }
  p->complete = true;
  return p;
}

static const struct
{
  const char *keys;
  const char *what;
  bool quit;
} session_help_keys[] = {
  /* TRANSLATORS: names of keys on the help screen.  */
  { N_("Up and Down arrows"),
    N_("select the next or previous link, or scroll a line"), false },
  { N_("Page Up, Page Down, Space"), N_("scroll a screen"), false },
  { N_("Home, End"), N_("go to the start or the end"), false },
  { N_("Tab"), N_("select the next link"), false },
  { N_("Enter, Right arrow"), N_("open the selected link"), false },
  { N_("Backspace, Left arrow, B"), N_("go back"), false },
  { N_("H"), N_("home: the list of topics"), false },
  { N_("W or !"), N_("warning signs: when to call"), false },
  { N_("/"), N_("search for a word, then choose a page"), false },
  { N_("L"), N_("change the language"), false },
  { N_("?"), N_("this help; press it again to close"), false },
  { N_("Q"), N_("quit"), true },
};

static struct page *
session_help_page (struct session *s)
{
  struct page *p = page_new ();
  struct block *b;
  const char **items = arena_alloc (&p->arena, ARRAY_SIZE (session_help_keys)
                                               * sizeof *items);
  size_t n = 0;

  p->title = arena_strdup (&p->arena, _("Keys and buttons"));
  p->summary = arena_strdup (&p->arena,
                             _("You can also touch a link or a button on"
                               " the screen."));
  for (size_t i = 0; i < ARRAY_SIZE (session_help_keys); i++)
    {
      char *line;

      if (session_help_keys[i].quit && s->cfg.kiosk)
        continue;
      /* TRANSLATORS: a line of the help screen: "keys: what they do".  */
      line = xasprintf (_("%s: %s"), _(session_help_keys[i].keys),
                        _(session_help_keys[i].what));
      items[n++] = arena_strdup (&p->arena, line);
      free (line);
    }
  b = page_add_block (p, BLOCK_LIST);
  b->items.v = items;
  b->items.n = n;
  p->complete = true;
  return p;
}

static struct page *
session_search_page (struct session *s)
{
  const struct settings *set = library_settings (s->lib);
  struct page *p = page_new ();
  struct search_result r;
  struct block *b;
  char *line;

  p->title = arena_strdup (&p->arena, _("Search"));
  p->summary = arena_strdup (&p->arena,
                             _("Type a word, such as bruise or fever. The"
                               " pages that speak of it show below."));
  /* TRANSLATORS: the search field; %s is what the patient typed, and the
     underscore stands for the cursor.  */
  line = xasprintf (_("Search: %s_"), s->query);
  page_add_block (p, BLOCK_HEADING)->text = arena_strdup (&p->arena, line);
  free (line);
  p->complete = true;
  if (s->query[0] == '\0')
    {
      page_add_block (p, BLOCK_TEXT)->text
        = arena_strdup (&p->arena, _("Press Enter to open the page chosen,"
                                     " Escape to go back."));
      return p;
    }
  search_run (library_search_index (s->lib), s->query, s->lang,
              SESSION_MAX_HITS, s->width > 4 ? s->width - 4 : s->width, &r);
  if (r.n == 0)
    {
      /* TRANSLATORS: %s is what the patient typed.  */
      line = xasprintf (_("No page speaks of \"%s\". Try a shorter word, or"
                          " another one."), s->query);
      page_add_block (p, BLOCK_TEXT)->text = arena_strdup (&p->arena, line);
      free (line);
      if (session_find_page (s, set->warning_page, true) != NULL)
        {
          page_add_block (p, BLOCK_TEXT)->text
            = arena_strdup (&p->arena, _("If you are worried about how you"
                                         " feel, read this page:"));
          session_add_link (p, set->warning_page, NULL)->urgent = true;
        }
    }
  for (size_t i = 0; i < r.n; i++)
    {
      const struct search_hit *h = &r.hits[i];

      b = session_add_link (p, h->page->id, h->page->title);
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

/* The notice above page P when it is not in the patient's language
   (caller frees), or NULL.  */
static char *
session_notice (const struct session *s, const struct page *p)
{
  if (s->lang[0] == '\0' || strcmp (p->lang, s->lang) == 0)
    return NULL;
  return xasprintf (
    /* TRANSLATORS: shown above a page that exists only in another
       language; both %s are language names.  */
    _("This page is not available in %s yet; it is shown in %s."),
    i18n_name (s->lang), i18n_name (p->lang));
}

/* Shows SCREEN (and page ID for SCREEN_PAGE), at the top.  Returns false,
   changing nothing, if the page cannot be shown.  */
static bool
session_show (struct session *s, enum screen_id screen, const char *id)
{
  const struct page *p = NULL;
  struct page *synthetic = NULL;

  switch (screen)
    {
    case SCREEN_PAGE:
      p = session_find_page (s, id, false);
      if (p == NULL)
        return false;
      break;
    case SCREEN_LANGUAGE:
      synthetic = session_language_page (s);
      break;
    case SCREEN_ATTRACT:
      synthetic = session_attract_page (s);
      break;
    case SCREEN_PIN:
      synthetic = session_pin_page (s);
      break;
    case SCREEN_STAFF:
      synthetic = session_staff_page (s);
      break;
    case SCREEN_HOME:
      synthetic = session_home_page (s);
      break;
    case SCREEN_SEARCH:
      synthetic = session_search_page (s);
      break;
    case SCREEN_HELP:
    default:
      synthetic = session_help_page (s);
      break;
    }
  session_clear_page (s);
  s->screen = screen;
  if (synthetic != NULL)
    {
      s->synthetic = synthetic;
      s->page = synthetic;
      s->page_lang = s->lang;
    }
  else
    {
      s->page = p;
      s->page_id = xstrdup (id);
      s->page_lang = p->lang;
      s->notice = session_notice (s, p);
    }
  s->selected = -1;
  s->top = 0;
  layout_free (s->layout);
  s->layout = NULL;
  session_relayout (s, false);
  return true;
}

/* Remembers where the patient is, for Back.  */
static void
session_save (const struct session *s, struct history_entry *e)
{
  e->screen = s->screen;
  e->page_id = s->page_id;
  e->anchor_block = 0;
  e->anchor_offset = 0;
  if (s->layout != NULL && s->top < s->layout->nlines)
    {
      e->anchor_block = s->layout->lines[s->top].block;
      e->anchor_offset = s->layout->lines[s->top].offset;
    }
  e->selected = s->selected;
}

/* Shows the place saved in E.  */
static void
session_restore (struct session *s, const struct history_entry *e,
                 bool same_lang)
{
  if (!session_show (s, (enum screen_id) e->screen, e->page_id))
    session_show (s, SCREEN_HOME, NULL);
  if (s->layout == NULL)
    return;
  session_extend_block (s, e->anchor_block);
  s->top = same_lang
             ? layout_find_anchor (s->layout, e->anchor_block,
                                   e->anchor_offset)
             : e->anchor_block == LAYOUT_HEAD
                 ? 0
                 : layout_find_block (s->layout, e->anchor_block - 1);
  if (s->top > session_max_top (s))
    s->top = session_max_top (s);
  session_extend_links (s, e->selected);
  if (e->selected >= 0 && (size_t) e->selected < s->layout->nlinks)
    s->selected = e->selected;
}

/* Moves to SCREEN/ID, pushing the current place on the history.  */
static unsigned
session_go (struct session *s, enum screen_id screen, const char *id)
{
  struct history_entry e;

  session_save (s, &e);
  e.page_id = e.page_id != NULL ? xstrdup (e.page_id) : NULL;
  if (!session_show (s, screen, id))
    {
      free (e.page_id);
      session_set_message (s, _("Sorry, this page cannot be shown right"
                                " now."));
      return REDRAW_FULL;
    }
  history_push (&s->history, &e);
  free (e.page_id);
  return REDRAW_FULL;
}

static void
session_set_lang (struct session *s, const char *lang)
{
  snprintf (s->lang, sizeof s->lang, "%s", lang);
  i18n_set_language (lang);
}

/* Switches to LANG and shows the same place in it.  */
static unsigned
session_switch_lang (struct session *s, const char *lang)
{
  struct history_entry e;
  bool stay = s->screen != SCREEN_LANGUAGE && s->screen != SCREEN_ATTRACT;

  session_save (s, &e);
  e.page_id = e.page_id != NULL ? xstrdup (e.page_id) : NULL;
  session_set_lang (s, lang);
  if (stay)
    session_restore (s, &e, false);
  else
    {
      history_push (&s->history, &e);
      session_show (s, SCREEN_HOME, NULL);
    }
  free (e.page_id);
  return REDRAW_FULL | RESULT_LANGUAGE;
}

static unsigned session_back (struct session *s);

static unsigned
session_follow (struct session *s, int32_t k)
{
  const struct layout_link *l = session_link (s, k);

  if (l == NULL)
    return RESULT_IGNORED;
  if (strncmp (l->target, "lang:", 5) == 0)
    {
      char lang[16];

      snprintf (lang, sizeof lang, "%s", l->target + 5);
      return session_switch_lang (s, lang);
    }
  if (strcmp (l->target, "staff:quit") == 0)
    return RESULT_QUIT;
  if (strcmp (l->target, "staff:reload") == 0)
    return session_back (s) | RESULT_RELOAD;
  if (strcmp (l->target, "staff:back") == 0)
    return session_back (s);
  {
    char *id = xstrdup (l->target);
    unsigned r = session_go (s, SCREEN_PAGE, id);

    free (id);
    return r;
  }
}

bool
session_prepare (struct session *s)
{
  const struct layout_link *l;
  const struct page *p;
  char *notice;

  session_extend_links (s, s->selected);
  l = session_link (s, s->selected);

  if (l == NULL || s->width == 0 || strchr (l->target, ':') != NULL)
    return false;
  p = session_find_page (s, l->target, false);
  if (p == NULL || session_prepared_is (s, p))
    return false;
  session_drop_prepared (s);
  notice = session_notice (s, p);
  s->prepared = session_layout_page (s, p, p->lang, notice, SIZE_MAX);
  free (notice);
  s->prepared_page = p;
  s->prepared_width = s->width;
  snprintf (s->prepared_lang, sizeof s->prepared_lang, "%s", s->lang);
  return true;
}

/* ------------------------------------------------------------------ */
/* Actions.  */

static unsigned
session_down (struct session *s)
{
  int32_t next = s->selected >= 0 ? s->selected + 1
                                  : session_first_visible_link (s);
  const struct layout_link *l = session_link (s, next);

  if (l != NULL && l->line < s->top + s->rows
      && (s->selected >= 0 || l->line >= s->top))
    {
      s->selected = next;
      session_show_link (s, next);
      return REDRAW_BODY;
    }
  if (s->top < session_max_top (s))
    {
      s->top++;
      session_fix_selection (s, true);
      return REDRAW_BODY;
    }
  return RESULT_IGNORED;
}

static unsigned
session_up (struct session *s)
{
  if (s->selected > 0)
    {
      const struct layout_link *l = session_link (s, s->selected - 1);

      if (l != NULL && l->line + l->nlines > s->top)
        {
          s->selected--;
          session_show_link (s, s->selected);
          return REDRAW_BODY;
        }
    }
  if (s->top > 0)
    {
      s->top--;
      session_fix_selection (s, false);
      return REDRAW_BODY;
    }
  if (s->selected >= 0 && !session_is_menu (s))
    {
      s->selected = -1;
      return REDRAW_BODY;
    }
  return RESULT_IGNORED;
}

static unsigned
session_scroll (struct session *s, long delta)
{
  size_t max, top = s->top;

  if (delta > 0)
    session_extend (s, top + (size_t) delta + s->rows);
  max = session_max_top (s);

  if (delta < 0)
    top = (size_t) -delta > top ? 0 : top - (size_t) -delta;
  else
    top = top + (size_t) delta > max ? max : top + (size_t) delta;
  if (top == s->top)
    {
      /* At the end already: on menus, the selection goes there.  */
      int32_t n = s->layout != NULL ? (int32_t) s->layout->nlinks : 0;
      int32_t want = delta < 0 ? 0 : n - 1;

      if (session_is_menu (s) && n > 0 && s->selected != want)
        {
          s->selected = want;
          return REDRAW_BODY;
        }
      return RESULT_IGNORED;
    }
  s->top = top;
  session_fix_selection (s, delta > 0);
  return REDRAW_BODY;
}

static unsigned
session_next_link (struct session *s, int dir)
{
  size_t n;
  int32_t k;

  /* The link after the selected one, or the last one (Shift-Tab from the
     first wraps round).  */
  session_extend_links (s, dir > 0 && s->selected >= 0 ? s->selected + 1
                           : dir < 0 && s->selected <= 0 ? INT32_MAX : -1);
  n = s->layout != NULL ? s->layout->nlinks : 0;

  if (n == 0)
    return RESULT_IGNORED;
  if (s->selected < 0)
    {
      k = dir > 0 ? session_first_visible_link (s)
                  : session_last_visible_link (s);
      if (k < 0)
        k = dir > 0 ? 0 : (int32_t) n - 1;
    }
  else
    k = (int32_t) ((s->selected + dir + (int32_t) n) % (int32_t) n);
  s->selected = k;
  session_show_link (s, k);
  return REDRAW_BODY;
}

static unsigned
session_back (struct session *s)
{
  struct history_entry e;

  if (!history_pop (&s->history, &e))
    return RESULT_IGNORED;
  session_restore (s, &e, true);
  free (e.page_id);
  return REDRAW_FULL;
}

static unsigned
session_cycle_lang (struct session *s)
{
  const struct settings *set = library_settings (s->lib);
  size_t n = set->languages.n, cur = n;

  if (s->screen == SCREEN_LANGUAGE || n < 2)
    return RESULT_IGNORED;
  for (size_t i = 0; i < n; i++)
    if (strcmp (set->languages.v[i], s->lang) == 0)
      cur = i;
  return session_switch_lang (s, set->languages.v[cur < n ? (cur + 1) % n
                                                          : 0]);
}

/* The PIN screen: digits, Backspace, Enter, Escape.  */
static unsigned
session_pin (struct session *s, enum action a, long arg)
{
  size_t n = strlen (s->pin);

  switch (a)
    {
    case ACT_CHAR:
      if (arg < '0' || arg > '9' || n >= PIN_MAX_DIGITS)
        return RESULT_IGNORED;
      s->pin[n] = (char) arg;
      s->pin[n + 1] = '\0';
      break;
    case ACT_BACK:
      if (n == 0)
        return session_back (s);
      s->pin[n - 1] = '\0';
      break;
    case ACT_CANCEL:
      return session_back (s);
    case ACT_FOLLOW:
      if (s->cfg.guard != NULL && pin_guard_wait (s->cfg.guard, s->now) > 0)
        break;
      if (pin_verify (s->cfg.pin_hash, s->pin))
        {
          if (s->cfg.guard != NULL)
            pin_guard_ok (s->cfg.guard);
          memset (s->pin, 0, sizeof s->pin);
          /* The staff menu replaces the PIN screen: Back leaves both.  */
          session_show (s, SCREEN_STAFF, NULL);
          return REDRAW_FULL;
        }
      if (s->cfg.guard != NULL)
        pin_guard_fail (s->cfg.guard, s->now);
      memset (s->pin, 0, sizeof s->pin);
      session_set_message (s, _("Wrong PIN."));
      break;
    default:
      return RESULT_IGNORED;
    }
  session_show (s, SCREEN_PIN, NULL);
  return REDRAW_FULL;
}

/* Shows the search screen again for a new query: results update as the
   patient types.  */
static unsigned
session_requery (struct session *s)
{
  session_show (s, SCREEN_SEARCH, NULL);
  return REDRAW_FULL;
}

/* The search screen: typed characters, Backspace, Escape; Enter opens
   the selected result, or the first one.  */
static unsigned
session_search (struct session *s, enum action a, long arg)
{
  size_t n = strlen (s->query);

  switch (a)
    {
    case ACT_CHAR:
      {
        uint8_t buf[6];
        int len;
        size_t off;
        uint32_t uc;

        if (arg < 0 || arg > 0x10FFFF)
          return RESULT_IGNORED;
        len = u8_uctomb (buf, (ucs4_t) arg, (int) sizeof buf);
        if (len <= 0 || n + (size_t) len > SESSION_QUERY_MAX
            || utf8_check ((const char *) buf, (size_t) len, false, &off,
                           &uc) != UTF8_OK)
          return RESULT_IGNORED;
        memcpy (s->query + n, buf, (size_t) len);
        s->query[n + (size_t) len] = '\0';
        return session_requery (s);
      }
    case ACT_BACK:
      {
        ucs4_t uc;
        const uint8_t *prev;

        if (n == 0)
          return session_back (s);
        prev = u8_prev (&uc, (const uint8_t *) s->query + n,
                        (const uint8_t *) s->query);
        s->query[prev != NULL ? prev - (const uint8_t *) s->query : 0] = '\0';
        return session_requery (s);
      }
    case ACT_FOLLOW:
      if (s->selected < 0 && s->layout != NULL && s->layout->nlinks > 0)
        s->selected = 0;
      return session_follow (s, s->selected);
    default:
      return 0;                 /* Not ours: the common handling.  */
    }
}

/* Between patients, any key that does not choose a language wakes the
   kiosk up to the language screen.  */
static bool
session_wakes (enum action a)
{
  switch (a)
    {
    case ACT_UP:
    case ACT_DOWN:
    case ACT_NEXT_LINK:
    case ACT_PREV_LINK:
    case ACT_FOLLOW:
    case ACT_CLICK:
    case ACT_WARNING_SIGNS:
    case ACT_HELP:
    case ACT_STAFF:
    case ACT_SCROLL_UP:
    case ACT_SCROLL_DOWN:
      return false;
    default:
      return true;
    }
}

static unsigned
session_act (struct session *s, enum action a, long arg)
{
  unsigned r = REDRAW_NONE;

  s->touched = true;
  if (s->idle_left > 0)
    {
      /* "Still there?": any action answers yes, and does nothing else.  */
      s->idle_left = 0;
      return REDRAW_FULL;
    }
  if (s->message != NULL)
    {
      session_set_message (s, NULL);
      r = REDRAW_FULL;
    }
  if (s->layout == NULL && a != ACT_QUIT)
    return r | RESULT_IGNORED;
  if (s->screen == SCREEN_PIN)
    return r | session_pin (s, a, arg);
  if (s->screen == SCREEN_SEARCH)
    {
      unsigned sr = session_search (s, a, arg);

      if (sr != 0)
        return r | sr;
    }
  if (s->screen == SCREEN_ATTRACT && session_wakes (a))
    return r | session_go (s, SCREEN_LANGUAGE, NULL);
  switch (a)
    {
    case ACT_UP:
      return r | session_up (s);
    case ACT_DOWN:
      return r | session_down (s);
    case ACT_PAGE_UP:
      return r | session_scroll (s, -(long) (s->rows > 1 ? s->rows - 1 : 1));
    case ACT_PAGE_DOWN:
      return r | session_scroll (s, (long) (s->rows > 1 ? s->rows - 1 : 1));
    case ACT_SCROLL_UP:
      return r | session_scroll (s, -3);
    case ACT_SCROLL_DOWN:
      return r | session_scroll (s, 3);
    case ACT_TOP:
      return r | session_scroll (s, -(long) SESSION_ALL);
    case ACT_BOTTOM:
      return r | session_scroll (s, (long) SESSION_ALL);
    case ACT_NEXT_LINK:
      return r | session_next_link (s, 1);
    case ACT_PREV_LINK:
      return r | session_next_link (s, -1);
    case ACT_FOLLOW:
      return r | session_follow (s, s->selected);
    case ACT_CLICK:
      if (arg < 0 || (size_t) arg >= s->layout->nlines
          || s->layout->lines[arg].link < 0)
        return r | RESULT_IGNORED;
      s->selected = s->layout->lines[arg].link;
      return r | session_follow (s, s->selected);
    case ACT_BACK:
    case ACT_CANCEL:
      return r | session_back (s);
    case ACT_HOME:
      if (s->screen == SCREEN_HOME)
        return r | session_scroll (s, -(long) SESSION_ALL);
      if (s->lang[0] == '\0')
        return r | RESULT_IGNORED;
      return r | session_go (s, SCREEN_HOME, NULL);
    case ACT_LANGUAGE:
      return r | session_cycle_lang (s);
    case ACT_HELP:
      if (s->screen == SCREEN_HELP)
        return r | session_back (s);
      return r | session_go (s, SCREEN_HELP, NULL);
    case ACT_WARNING_SIGNS:
      {
        const struct settings *set = library_settings (s->lib);
        const char *id = set->warning_page;

        if (s->screen == SCREEN_PAGE && strcmp (s->page_id, id) == 0)
          return r | session_scroll (s, -(long) SESSION_ALL);
        if (s->lang[0] == '\0')
          session_set_lang (s, set->default_language);
        return r | session_go (s, SCREEN_PAGE, id) | RESULT_LANGUAGE;
      }
    case ACT_STAFF:
      if (s->screen == SCREEN_STAFF)
        return r | RESULT_IGNORED;
      memset (s->pin, 0, sizeof s->pin);
      if (!s->cfg.kiosk && !pin_hash_valid (s->cfg.pin_hash))
        return r | session_go (s, SCREEN_STAFF, NULL);
      return r | session_go (s, SCREEN_PIN, NULL);
    case ACT_QUIT:
      return r | (s->cfg.kiosk ? RESULT_IGNORED : RESULT_QUIT);
    case ACT_SEARCH:
      if (s->screen == SCREEN_SEARCH)
        return r | RESULT_IGNORED;
      if (s->lang[0] == '\0')
        session_set_lang (s, library_settings (s->lib)->default_language);
      memset (s->query, 0, sizeof s->query);
      return r | session_go (s, SCREEN_SEARCH, NULL) | RESULT_LANGUAGE;
    case ACT_CHAR:
    case ACT_NONE:
    case ACT_COUNT:
      break;
    }
  return r | RESULT_IGNORED;
}

unsigned
session_handle (struct session *s, enum action a, long arg)
{
  unsigned r = session_act (s, a, arg);

  /* What the view shows is laid out, and one line more.  */
  session_extend (s, s->top + (size_t) s->rows + 1);
  return r;
}

/* ------------------------------------------------------------------ */
/* Life and state.  */

struct session *
session_new (struct library *lib, const struct session_config *cfg)
{
  struct session *s = xcalloc (1, sizeof *s);
  const struct settings *set = library_settings (lib);
  const char *lang = cfg->lang;

  s->lib = lib;
  s->cfg = *cfg;
  s->cfg.lang = NULL;
  s->selected = -1;
  history_init (&s->history);
  if (lang == NULL && set->languages.n == 1)
    lang = set->languages.v[0];
  if (cfg->attract)
    {
      i18n_set_language (lang != NULL ? lang : set->default_language);
      session_show (s, SCREEN_ATTRACT, NULL);
    }
  else if (lang != NULL)
    {
      session_set_lang (s, lang);
      session_show (s, SCREEN_HOME, NULL);
    }
  else
    {
      i18n_set_language (set->default_language);
      session_show (s, SCREEN_LANGUAGE, NULL);
    }
  return s;
}

void
session_free (struct session *s)
{
  if (s == NULL)
    return;
  session_clear_page (s);
  layout_free (s->layout);
  session_drop_prepared (s);
  history_done (&s->history);
  free (s->message);
  free (s);
}

unsigned
session_set_library (struct session *s, struct library *lib)
{
  struct history_entry e;

  session_save (s, &e);
  e.page_id = e.page_id != NULL ? xstrdup (e.page_id) : NULL;
  /* The old library's pages are about to go: drop every pointer.  */
  session_clear_page (s);
  session_drop_prepared (s);
  layout_free (s->layout);
  s->layout = NULL;
  s->lib = lib;
  session_restore (s, &e, true);
  free (e.page_id);
  return REDRAW_FULL;
}

void
session_set_time (struct session *s, double now)
{
  s->now = now;
}

unsigned
session_idle (struct session *s, unsigned seconds)
{
  if (s->idle_left == seconds)
    return REDRAW_NONE;
  s->idle_left = seconds;
  return REDRAW_FULL;
}

unsigned
session_idle_left (const struct session *s)
{
  return s->idle_left;
}

bool
session_pristine (const struct session *s)
{
  return s->screen == SCREEN_ATTRACT && !s->touched;
}

bool
session_text_input (const struct session *s)
{
  return s->screen == SCREEN_PIN || s->screen == SCREEN_SEARCH;
}

const char *
session_query (const struct session *s)
{
  return s->query;
}

enum screen_id
session_screen (const struct session *s)
{
  return s->screen;
}

const char *
session_lang (const struct session *s)
{
  return s->lang;
}

const struct layout *
session_layout (const struct session *s)
{
  return s->layout;
}

size_t
session_top (const struct session *s)
{
  return s->top;
}

unsigned
session_rows (const struct session *s)
{
  return s->rows;
}

int
session_selected (const struct session *s)
{
  return s->selected;
}

const char *
session_message (const struct session *s)
{
  return s->message;
}

const char *
session_page_id (const struct session *s)
{
  return s->page_id;
}

const char *
session_page_lang (const struct session *s)
{
  return s->page_lang;
}

size_t
session_history_depth (const struct session *s)
{
  return s->history.n;
}

size_t
session_crumbs (const struct session *s, const char **v, size_t max)
{
  size_t n = 0;

  if (max == 0 || s->screen == SCREEN_LANGUAGE
      || s->screen == SCREEN_ATTRACT)
    return 0;
  /* TRANSLATORS: the first item of the breadcrumb (Home > Risks).  */
  v[n++] = C_("breadcrumb", "Home");
  if (n < max && s->screen == SCREEN_PAGE && s->page != NULL)
    v[n++] = s->page->title;
  else if (n < max && s->screen == SCREEN_HELP)
    v[n++] = C_("breadcrumb", "Help");
  else if (n < max && s->screen == SCREEN_SEARCH)
    v[n++] = C_("breadcrumb", "Search");
  else if (n < max && (s->screen == SCREEN_PIN || s->screen == SCREEN_STAFF))
    v[n++] = C_("breadcrumb", "Staff");
  return n;
}
