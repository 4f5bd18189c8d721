/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* session.c -- one patient's visit, as a state machine.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "history.h"
#include "i18n.h"
#include "qr.h"
#include "screens.h"
#include "session.h"
#include "viewport.h"
#include "xalloc.h"

_Static_assert ((int) SESSION_QUERY_MAX <= (int) FIELD_MAX
                && (int) PIN_MAX_DIGITS <= (int) FIELD_MAX,
                "the search box and the PIN fit a field");
_Static_assert (SESSION_LANG_MAX > sizeof "abc_DE" - 1,
                "a language buffer holds every code settings_lang_valid()"
                " takes");

struct session
{
  const struct library *lib;    /* Borrowed.  */
  struct session_config cfg;    /* Its pointers are borrowed.  */
  char lang[SESSION_LANG_MAX];  /* The patient's language; "" before a
                                   choice.  */
  enum screen_id screen;
  char *page_id;                /* SCREEN_PAGE: owned id.  */
  const struct page *page;      /* Shown: from the library or SYNTHETIC.  */
  struct page *synthetic;       /* Owned, or NULL.  */
  char *notice;                 /* Owned, or NULL: shown above the page.  */
  struct viewport vp;           /* Where in PAGE, and its layout.  */
  struct screens_labels labels; /* Link titles, looked up in LIB.  */
  struct need need;             /* What RESULT_NEED asks for.  */
  struct history history;
  struct history_entry *reload; /* Owned, or NULL: the place a new library
                                   is to show, until it does.  */
  char *message;                /* Owned, or NULL.  */
  char *hit_id;                 /* Owned, or NULL: the page of the search
                                   result being opened, and the words to
                                   highlight there.  */
  char *highlight;
  char *report;                 /* Owned, or NULL: the last reload's
                                   result, for the staff menu.  */
  double now;                   /* Monotonic seconds, from the loop.  */
  unsigned idle_left;           /* Countdown shown, in seconds; 0: none.  */
  struct field pin;             /* What was typed on the PIN screen.  */
  struct field query;           /* The search text.  */
  bool touched;                 /* Any action was handled.  */
};

static enum result session_back (struct session *s);

bool
session_has_contact (const struct session *s)
{
  return qr_has_contact (library_settings (s->lib));
}

static const struct settings *
session_settings (const struct session *s)
{
  return library_settings (s->lib);
}

/* The language a screen is built in for language LANG ("": none
   chosen).  */
static const char *
session_ui_for (const struct session *s, const char *lang)
{
  if (lang[0] != '\0')
    return lang;
  if (s->cfg.lang != NULL)
    return s->cfg.lang;
  return session_settings (s)->default_language;
}

static void
session_set_message (struct session *s, const char *msg)
{
  free (s->message);
  s->message = msg != NULL ? xstrdup (msg) : NULL;
}

/* After a viewport move: what it needs is the labels'.  */
static enum result
session_moved (struct session *s, enum result r)
{
  if (r == RESULT_NEED)
    s->need = s->labels.need;
  return r;
}

static bool
session_is_menu (enum screen_id screen)
{
  return screen == SCREEN_LANGUAGE || screen == SCREEN_HOME
         || screen == SCREEN_ATTRACT || screen == SCREEN_STAFF;
}

/* ------------------------------------------------------------------ */
/* Showing a screen.  */

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

/* The page of SCREEN (ID for SCREEN_PAGE) for a patient reading LANG:
   *PAGE from the library, or *SYNTHETIC built for it (caller frees).
   Returns RESULT_FULL, RESULT_NEED (S->NEED says what), or
   RESULT_IGNORED if the page cannot be shown.  */
static enum result
session_build (struct session *s, enum screen_id screen, const char *id,
               const char *lang, const struct page **page,
               struct page **synthetic)
{
  const struct settings *set = session_settings (s);
  const char *ui = session_ui_for (s, lang);
  const struct search_index *ix;

  *page = NULL;
  *synthetic = NULL;
  switch (screen)
    {
    case SCREEN_PAGE:
      *page = screens_find (s->lib, id, ui, true, &s->need);
      if (*page != NULL)
        return RESULT_FULL;
      return s->need.kind != NEED_NOTHING ? RESULT_NEED : RESULT_IGNORED;
    case SCREEN_LANGUAGE:
      *synthetic = screens_language (set);
      break;
    case SCREEN_ATTRACT:
      *synthetic = screens_attract (set);
      break;
    case SCREEN_PIN:
      *synthetic = screens_pin (ui, field_len (&s->pin),
                                s->cfg.guard != NULL
                                  ? pin_guard_wait (s->cfg.guard, s->now)
                                  : 0,
                                pin_hash_valid (s->cfg.pin_hash));
      break;
    case SCREEN_STAFF:
      *synthetic = screens_staff (ui, s->report);
      break;
    case SCREEN_HOME:
      *synthetic = screens_home (s->lib, ui);
      break;
    case SCREEN_SEARCH:
      ix = library_peek_index (s->lib);
      if (ix == NULL)
        {
          s->need = (struct need) { NEED_INDEX, NULL, NULL };
          return RESULT_NEED;
        }
      *synthetic = screens_search (s->lib, ix, s->query.text, ui,
                                   s->vp.opts.width);
      break;
    case SCREEN_CONTACT:
      /* No phone number: nothing to take home (no button offers it).  */
      *synthetic = qr_page_new (set, ui);
      if (*synthetic == NULL)
        return RESULT_IGNORED;
      break;
    case SCREEN_HELP:
    case SCREEN_COUNT:
    default:
      *synthetic = screens_help (ui, s->cfg.profile->kiosk,
                                 qr_has_contact (set));
      break;
    }
  return RESULT_FULL;
}

/* Shows SCREEN (and page ID for SCREEN_PAGE) at the top, for a patient
   reading LANG (which becomes the session's).  Returns RESULT_FULL, or
   RESULT_LANGUAGE if the language changed; RESULT_NEED or RESULT_IGNORED
   (the page cannot be shown) change nothing.  */
static enum result
session_show (struct session *s, enum screen_id screen, const char *id,
              const char *lang)
{
  const struct page *page;
  struct page *synthetic;
  struct layout_options o;
  enum result r = session_build (s, screen, id, lang, &page, &synthetic);
  char *keep_id = screen == SCREEN_PAGE ? xstrdup (id) : NULL;
  bool changed = strcmp (s->lang, lang) != 0;
  const char *ui;

  if (r != RESULT_FULL)
    {
      free (keep_id);
      return r;
    }
  session_clear_page (s);
  if (changed)
    snprintf (s->lang, sizeof s->lang, "%s", lang);
  ui = session_ui_for (s, s->lang);
  s->screen = screen;
  s->synthetic = synthetic;
  s->page = synthetic != NULL ? synthetic : page;
  s->page_id = keep_id;
  if (page != NULL)
    s->notice = s->lang[0] != '\0' ? screens_notice (ui, page) : NULL;
  screens_options (&o, s->cfg.profile, s->vp.opts.width, s->page->lang, ui,
                   s->notice, &s->labels);
  /* A search result opens with its words highlighted (once).  */
  if (screen == SCREEN_PAGE)
    o.highlight = s->highlight;
  viewport_show (&s->vp, s->page, &o, session_is_menu (screen));
  free (s->highlight);
  s->highlight = NULL;
  return changed ? RESULT_LANGUAGE : RESULT_FULL;
}

/* Remembers where the patient is, for Back (E->PAGE_ID is borrowed).  */
static void
session_save (const struct session *s, struct history_entry *e)
{
  struct viewport_mark m;

  viewport_mark (&s->vp, &m);
  e->screen = s->screen;
  e->page_id = s->page_id;
  snprintf (e->lang, sizeof e->lang, "%s", s->lang);
  e->back_to_lang = false;
  e->anchor_block = m.block;
  e->anchor_offset = m.offset;
  e->selected = m.selected;
}

/* Shows the place saved in E, in language LANG; SAME_LANG: the place was
   saved in the same layout (the very line), else only its block.  */
static enum result
session_restore (struct session *s, const struct history_entry *e,
                 const char *lang, bool same_lang)
{
  struct viewport_mark m = { e->anchor_block, e->anchor_offset,
                             e->selected };
  enum result r = session_show (s, (enum screen_id) e->screen, e->page_id,
                                lang);

  if (r == RESULT_NEED)
    return r;
  if (r == RESULT_IGNORED)
    return session_show (s, SCREEN_HOME, NULL, lang);
  viewport_seek (&s->vp, &m, same_lang);
  return r;
}

/* Moves to SCREEN/ID in LANG, pushing the current place on the history;
   BACK_TO_LANG: Back returns to the language of now, too.  */
static enum result
session_go_back_to (struct session *s, enum screen_id screen,
                    const char *id, const char *lang, bool back_to_lang)
{
  struct history_entry e;
  enum result r;

  session_save (s, &e);
  e.back_to_lang = back_to_lang;
  e.page_id = e.page_id != NULL ? xstrdup (e.page_id) : NULL;
  r = session_show (s, screen, id, lang);
  if (r == RESULT_IGNORED)
    {
      session_set_message (s, L_(session_ui_for (s, s->lang),
                                 "Sorry, this page cannot be shown right"
                                 " now."));
      r = RESULT_FULL;
    }
  else if (r != RESULT_NEED)
    history_push (&s->history, &e);
  free (e.page_id);
  return r;
}

static enum result
session_go (struct session *s, enum screen_id screen, const char *id,
            const char *lang)
{
  return session_go_back_to (s, screen, id, lang, false);
}

/* Opens a search result: SPEC is "LANG:BLOCK:ID:TERMS" (screens.c), the
   page at its match, with the words highlighted.  A page in another
   language switches the language in place, and Back returns to the
   patient's own.  */
static enum result
session_open_hit (struct session *s, const char *spec)
{
  char lang[SESSION_LANG_MAX];
  const char *p = strchr (spec, ':'), *q, *r;
  unsigned long block;
  enum result res;

  if (p == NULL || (size_t) (p - spec) >= sizeof lang)
    return RESULT_IGNORED;
  memcpy (lang, spec, (size_t) (p - spec));
  lang[p - spec] = '\0';
  block = strtoul (p + 1, NULL, 10);
  q = strchr (p + 1, ':');
  r = q != NULL ? strchr (q + 1, ':') : NULL;
  if (r == NULL)
    return RESULT_IGNORED;
  /* Kept in the session: a need may point at the id while it is read.  */
  free (s->hit_id);
  s->hit_id = xstrndup (q + 1, (size_t) (r - q - 1));
  free (s->highlight);
  s->highlight = r[1] != '\0' ? xstrdup (r + 1) : NULL;
  res = session_go_back_to (s, SCREEN_PAGE, s->hit_id, lang,
                            strcmp (lang, s->lang) != 0);
  if (res == RESULT_FULL || res == RESULT_LANGUAGE)
    viewport_seek_match (&s->vp, (uint32_t) block);
  return res;
}

/* Switches to LANG and shows the same place in it.  */
static enum result
session_switch_lang (struct session *s, const char *lang)
{
  struct history_entry e;
  enum result r;

  if (s->screen == SCREEN_LANGUAGE || s->screen == SCREEN_ATTRACT)
    {
      /* The choice is made: home, and Back comes to the choice.  */
      session_save (s, &e);
      e.page_id = NULL;
      history_push (&s->history, &e);
      session_show (s, SCREEN_HOME, NULL, lang);
      return RESULT_LANGUAGE;
    }
  /* S->PAGE_ID is borrowed by E and by a need: session_show() copies it
     before it lets the old page go.  */
  session_save (s, &e);
  r = session_show (s, s->screen, s->page_id, lang);
  if (r == RESULT_IGNORED)
    r = session_show (s, SCREEN_HOME, NULL, lang);
  else if (r != RESULT_NEED)
    {
      struct viewport_mark m = { e.anchor_block, e.anchor_offset,
                                 e.selected };

      viewport_seek (&s->vp, &m, false);
    }
  return r == RESULT_NEED ? r : RESULT_LANGUAGE;
}

static enum result
session_back (struct session *s)
{
  const struct history_entry *e = history_top (&s->history);
  struct history_entry gone;
  enum result r;

  if (e == NULL)
    return RESULT_IGNORED;
  r = session_restore (s, e, e->back_to_lang ? e->lang : s->lang, true);
  if (r == RESULT_NEED)
    return r;
  history_pop (&s->history, &gone);
  free (gone.page_id);
  return r == RESULT_LANGUAGE ? r : RESULT_FULL;
}

static enum result
session_follow (struct session *s, int32_t k)
{
  const struct layout_link *l = viewport_link (&s->vp, k);

  if (l == NULL)
    return RESULT_IGNORED;
  if (strncmp (l->target, "lang:", 5) == 0)
    {
      char lang[SESSION_LANG_MAX];

      snprintf (lang, sizeof lang, "%s", l->target + 5);
      return session_switch_lang (s, lang);
    }
  if (strcmp (l->target, "staff:quit") == 0)
    return RESULT_QUIT;
  if (strcmp (l->target, "staff:reload") == 0)
    return RESULT_RELOAD;       /* The menu stays, to show the result.  */
  if (strcmp (l->target, "staff:back") == 0)
    return session_back (s);
  if (strncmp (l->target, "hit:", 4) == 0)
    return session_open_hit (s, l->target + 4);
  if (strcmp (l->target, "go:home") == 0)
    return session_go (s, SCREEN_HOME, NULL, s->lang);
  if (strcmp (l->target, "go:contact") == 0)
    return session_go (s, SCREEN_CONTACT, NULL, s->lang);
  /* The target stays valid until the page is shown (session_show()
     copies it first), and so while a need is read.  */
  return session_go (s, SCREEN_PAGE, l->target, s->lang);
}

static enum result
session_cycle_lang (struct session *s)
{
  const char *next = session_next_lang (s);

  return next != NULL ? session_switch_lang (s, next) : RESULT_IGNORED;
}

/* ------------------------------------------------------------------ */
/* The text fields: PIN and search.  */

/* The PIN screen: digits, Backspace, Enter, Escape.  */
static enum result
session_pin (struct session *s, enum action a, long arg)
{
  switch (a)
    {
    case ACT_CHAR:
      if (arg < '0' || arg > '9' || !field_add (&s->pin, (uint32_t) arg))
        return RESULT_IGNORED;
      break;
    case ACT_BACK:
      if (!field_erase (&s->pin))
        return session_back (s);
      break;
    case ACT_CANCEL:
      return session_back (s);
    case ACT_FOLLOW:
      if (s->cfg.guard != NULL && pin_guard_wait (s->cfg.guard, s->now) > 0)
        break;
      if (pin_verify (s->cfg.pin_hash, s->pin.text))
        {
          if (s->cfg.guard != NULL)
            pin_guard_ok (s->cfg.guard);
          field_clear (&s->pin);
          /* The staff menu replaces the PIN screen: Back leaves both.  */
          return session_show (s, SCREEN_STAFF, NULL, s->lang);
        }
      if (s->cfg.guard != NULL)
        pin_guard_fail (s->cfg.guard, s->now);
      field_clear (&s->pin);
      session_set_message (s, L_(session_ui_for (s, s->lang),
                                 "Wrong PIN."));
      break;
    default:
      return RESULT_IGNORED;
    }
  return session_show (s, SCREEN_PIN, NULL, s->lang);
}

/* The search screen: typed characters and Backspace change the query,
   and the results follow; Enter opens the selected result, or the first.
   Other actions are not the box's: RESULT_NEED is never returned for
   them, so *MINE says whether it handled A.  */
static enum result
session_search (struct session *s, enum action a, long arg, bool *mine)
{
  struct field before = s->query;
  enum result r;

  *mine = true;
  switch (a)
    {
    case ACT_CHAR:
      if (arg < 0 || !field_add (&s->query, (uint32_t) arg))
        return RESULT_IGNORED;
      break;
    case ACT_BACK:
      if (!field_erase (&s->query))
        return session_back (s);
      break;
    case ACT_FOLLOW:
      /* Enter opens the result chosen, or the first one; where there is
         none, it opens nothing (the links offered then are to be
         chosen).  */
      if (s->vp.selected < 0)
        {
          const struct layout_link *l = viewport_link (&s->vp, 0);

          if (l == NULL || strncmp (l->target, "hit:", 4) != 0)
            return RESULT_IGNORED;
          s->vp.selected = 0;
        }
      return session_follow (s, s->vp.selected);
    default:
      *mine = false;
      return RESULT_IGNORED;
    }
  /* The results follow the query.  */
  r = session_show (s, SCREEN_SEARCH, NULL, s->lang);
  if (r == RESULT_NEED)
    s->query = before;
  return r;
}

/* ------------------------------------------------------------------ */
/* Actions.  */

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
    case ACT_TYPE:
      return false;
    default:
      return true;
    }
}

/* The rows of a page-down: a screen, less a line kept for context.  */
static long
session_screenful (const struct session *s)
{
  return (long) (s->vp.rows > 1 ? s->vp.rows - 1 : 1);
}

static enum result
session_act (struct session *s, enum action a, long arg)
{
  const struct settings *set = session_settings (s);
  struct viewport *vp = &s->vp;
  enum result r;

  switch (a)
    {
    case ACT_UP:
      return session_moved (s, viewport_up (vp));
    case ACT_DOWN:
      return session_moved (s, viewport_down (vp));
    case ACT_PAGE_UP:
      return session_moved (s, viewport_scroll (vp, -session_screenful (s)));
    case ACT_PAGE_DOWN:
      return session_moved (s, viewport_scroll (vp, session_screenful (s)));
    case ACT_SCROLL_UP:
      return session_moved (s, viewport_scroll (vp, -3));
    case ACT_SCROLL_DOWN:
      return session_moved (s, viewport_scroll (vp, 3));
    case ACT_DRAG:
      return arg != 0 ? session_moved (s, viewport_scroll (vp, arg))
                      : RESULT_IGNORED;
    case ACT_TOP:
      return session_moved (s, viewport_scroll (vp, -VIEWPORT_ALL));
    case ACT_BOTTOM:
      return session_moved (s, viewport_scroll (vp, VIEWPORT_ALL));
    case ACT_NEXT_LINK:
      return session_moved (s, viewport_next_link (vp, 1));
    case ACT_PREV_LINK:
      return session_moved (s, viewport_next_link (vp, -1));
    case ACT_FOLLOW:
      return session_follow (s, vp->selected);
    case ACT_CLICK:
      {
        int32_t was = vp->selected;
        int32_t k = arg >= 0 ? viewport_select_line (vp, (size_t) arg) : -1;

        if (k < 0)
          return RESULT_IGNORED;
        r = session_follow (s, k);
        if (r == RESULT_NEED)
          vp->selected = was;
        return r;
      }
    case ACT_BACK:
    case ACT_CANCEL:
      return session_back (s);
    case ACT_HOME:
      if (s->screen == SCREEN_HOME)
        return session_moved (s, viewport_scroll (vp, -VIEWPORT_ALL));
      if (s->lang[0] == '\0')
        return RESULT_IGNORED;
      return session_go (s, SCREEN_HOME, NULL, s->lang);
    case ACT_LANGUAGE:
      return session_cycle_lang (s);
    case ACT_HELP:
      if (s->screen == SCREEN_HELP)
        return session_back (s);
      return session_go (s, SCREEN_HELP, NULL, s->lang);
    case ACT_CONTACT:
      if (s->screen == SCREEN_CONTACT)
        return session_back (s);
      if (!qr_has_contact (set))
        return RESULT_IGNORED;  /* No number: the key does nothing.  */
      if (s->lang[0] == '\0')
        return session_go (s, SCREEN_CONTACT, NULL, set->default_language);
      return session_go (s, SCREEN_CONTACT, NULL, s->lang);
    case ACT_WARNING_SIGNS:
      if (s->screen == SCREEN_PAGE
          && strcmp (s->page_id, set->warning_page) == 0)
        return session_moved (s, viewport_scroll (vp, -VIEWPORT_ALL));
      return session_go (s, SCREEN_PAGE, set->warning_page,
                         s->lang[0] != '\0' ? s->lang
                                             : set->default_language);
    case ACT_STAFF:
      if (s->screen == SCREEN_STAFF)
        return RESULT_IGNORED;
      field_clear (&s->pin);
      if (!s->cfg.profile->kiosk && !pin_hash_valid (s->cfg.pin_hash))
        return session_go (s, SCREEN_STAFF, NULL, s->lang);
      return session_go (s, SCREEN_PIN, NULL, s->lang);
    case ACT_QUIT:
      return s->cfg.profile->kiosk ? RESULT_IGNORED : RESULT_QUIT;
    case ACT_SEARCH:
    case ACT_TYPE:
      /* '/' opens an empty box; a letter typed anywhere opens it with
         that letter in it.  */
      if (s->screen == SCREEN_SEARCH)
        return RESULT_IGNORED;
      field_clear (&s->query);
      if (a == ACT_TYPE && (arg < 0 || !field_add (&s->query, (uint32_t) arg)))
        return RESULT_IGNORED;
      return session_go (s, SCREEN_SEARCH, NULL,
                         s->lang[0] != '\0' ? s->lang
                                             : set->default_language);
    case ACT_CHAR:
    case ACT_NONE:
    case ACT_COUNT:
    default:
      return RESULT_IGNORED;
    }
}

enum result
session_handle (struct session *s, enum action a, long arg)
{
  enum result r = RESULT_IGNORED;
  bool mine;

  s->need.kind = NEED_NOTHING;
  s->labels.need.kind = NEED_NOTHING;
  s->touched = true;
  if (s->idle_left > 0)
    {
      /* "Still there?": any action answers yes, and does nothing else.  */
      s->idle_left = 0;
      return RESULT_FULL;
    }
  if (s->message != NULL)
    {
      /* Taking it down twice (when the action is tried again after a
         need) is taking it down once.  */
      session_set_message (s, NULL);
      r = RESULT_FULL;
    }
  if (s->vp.layout == NULL && a != ACT_QUIT)
    return r;
  if (s->screen == SCREEN_PIN)
    {
      enum result p = session_pin (s, a, arg);

      return p == RESULT_NEED ? p : result_max (r, p);
    }
  if (s->screen == SCREEN_SEARCH)
    {
      enum result q = session_search (s, a, arg, &mine);

      if (mine)
        return q == RESULT_NEED ? q : result_max (r, q);
    }
  if (s->screen == SCREEN_ATTRACT && session_wakes (a))
    {
      enum result w = session_go (s, SCREEN_LANGUAGE, NULL, s->lang);

      return w == RESULT_NEED ? w : result_max (r, w);
    }
  {
    enum result t = session_act (s, a, arg);

    return t == RESULT_NEED ? t : result_max (r, t);
  }
}

const struct need *
session_need (const struct session *s)
{
  return &s->need;
}

bool
session_fill (struct session *s)
{
  s->need.kind = NEED_NOTHING;
  s->labels.need.kind = NEED_NOTHING;
  if (viewport_fill (&s->vp))
    return false;
  s->need = s->labels.need;
  return true;
}

bool
session_prepare (struct session *s)
{
  const struct layout_link *l;
  const struct page *p;
  struct layout_options o;
  char *notice;
  const char *ui = session_ui_for (s, s->lang);
  bool did, waiting;

  s->need.kind = NEED_NOTHING;
  s->labels.need.kind = NEED_NOTHING;
  l = viewport_link (&s->vp, s->vp.selected);
  if (l == NULL || s->vp.layout == NULL || strchr (l->target, ':') != NULL)
    return false;
  p = screens_find (s->lib, l->target, ui, true, &s->need);
  if (p == NULL)
    return s->need.kind != NEED_NOTHING;
  notice = s->lang[0] != '\0' ? screens_notice (ui, p) : NULL;
  screens_options (&o, s->cfg.profile, s->vp.opts.width, p->lang, ui,
                   notice, &s->labels);
  did = viewport_prepare (&s->vp, p, &o, &waiting);
  free (notice);
  if (waiting)
    s->need = s->labels.need;
  return did;
}

/* ------------------------------------------------------------------ */
/* Life and state.  */

struct session *
session_new (const struct library *lib, const struct session_config *cfg)
{
  struct session *s = xcalloc (1, sizeof *s);
  const struct settings *set = library_settings (lib);
  const char *lang = cfg->lang;

  s->lib = lib;
  s->cfg = *cfg;
  s->labels.lib = lib;
  viewport_init (&s->vp);
  history_init (&s->history);
  field_init (&s->pin, PIN_MAX_DIGITS);
  field_init (&s->query, SESSION_QUERY_MAX);
  if (lang == NULL && set->languages.n == 1)
    lang = set->languages.v[0];
  s->cfg.lang = lang;
  if (cfg->attract)
    session_show (s, SCREEN_ATTRACT, NULL, "");
  else if (lang != NULL)
    session_show (s, SCREEN_HOME, NULL, lang);
  else
    session_show (s, SCREEN_LANGUAGE, NULL, "");
  return s;
}

void
session_free (struct session *s)
{
  if (s == NULL)
    return;
  session_clear_page (s);
  viewport_done (&s->vp);
  history_done (&s->history);
  if (s->reload != NULL)
    free (s->reload->page_id);
  free (s->reload);
  free (s->message);
  free (s->hit_id);
  free (s->highlight);
  free (s->report);
  field_clear (&s->pin);
  free (s);
}

enum result
session_resize (struct session *s, unsigned width, unsigned rows)
{
  return viewport_resize (&s->vp, width, rows);
}

enum result
session_set_library (struct session *s, const struct library *lib)
{
  enum result r;

  if (s->reload == NULL)
    {
      struct history_entry e;

      session_save (s, &e);
      s->reload = xmalloc (sizeof *s->reload);
      *s->reload = e;
      s->reload->page_id = e.page_id != NULL ? xstrdup (e.page_id) : NULL;
      /* The old library's pages are about to go: drop every pointer.  */
      session_clear_page (s);
      viewport_clear (&s->vp);
    }
  s->lib = lib;
  s->labels.lib = lib;
  s->need.kind = NEED_NOTHING;
  r = session_restore (s, s->reload, s->lang, true);
  if (r == RESULT_NEED)
    return r;
  free (s->reload->page_id);
  free (s->reload);
  s->reload = NULL;
  return RESULT_FULL;
}

enum result
session_report (struct session *s, const char *text)
{
  free (s->report);
  s->report = text != NULL ? xstrdup (text) : NULL;
  if (s->screen != SCREEN_STAFF)
    return RESULT_IGNORED;
  /* Shown again with the result, where the selection was.  */
  {
    struct viewport_mark m;

    viewport_mark (&s->vp, &m);
    session_show (s, SCREEN_STAFF, NULL, s->lang);
    viewport_seek (&s->vp, &m, false);
  }
  return RESULT_FULL;
}

void
session_set_time (struct session *s, double now)
{
  s->now = now;
}

enum result
session_idle (struct session *s, unsigned seconds)
{
  if (s->idle_left == seconds)
    return RESULT_IGNORED;
  s->idle_left = seconds;
  return RESULT_FULL;
}

unsigned
session_idle_left (const struct session *s)
{
  return s->idle_left;
}

bool
session_pristine (const struct session *s)
{
  /* Any screen a visit starts on (the attract screen, the language
     screen, the menu), as long as nothing was done on it.  */
  return !s->touched;
}

bool
session_text_input (const struct session *s)
{
  return s->screen == SCREEN_PIN || s->screen == SCREEN_SEARCH;
}

size_t
session_field_line (const struct session *s)
{
  const struct layout *l = s->vp.layout;
  size_t line;

  if (!session_text_input (s) || l == NULL || s->page == NULL
      || s->page->nblocks == 0)
    return SIZE_MAX;
  /* The search box is the search screen's first block; the PIN field,
     the PIN screen's last (screens.c).  */
  line = layout_find_block (l, s->screen == SCREEN_SEARCH
                                 ? 0 : (uint32_t) s->page->nblocks - 1);
  return line < l->nlines ? line : SIZE_MAX;
}

const char *
session_query (const struct session *s)
{
  return s->query.text;
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

const char *
session_ui_lang (const struct session *s)
{
  return session_ui_for (s, s->lang);
}

const char *
session_next_lang (const struct session *s)
{
  const struct settings *set = session_settings (s);
  size_t n = set->languages.n;
  /* Before a patient chooses, the one after the language shown.  */
  const char *now = session_ui_for (s, s->lang);

  if (n < 2 || s->screen == SCREEN_LANGUAGE)
    return NULL;
  for (size_t i = 0; i < n; i++)
    if (strcmp (set->languages.v[i], now) == 0)
      return set->languages.v[(i + 1) % n];
  return set->languages.v[0];
}

const struct layout *
session_layout (const struct session *s)
{
  return s->vp.layout;
}

size_t
session_top (const struct session *s)
{
  return s->vp.top;
}

unsigned
session_rows (const struct session *s)
{
  return s->vp.rows;
}

int
session_selected (const struct session *s)
{
  return s->vp.selected;
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
  return s->page != NULL ? s->page->lang : "";
}

size_t
session_history_depth (const struct session *s)
{
  return s->history.n;
}

size_t
session_crumbs (const struct session *s, const char **v, size_t max)
{
  const char *ui = session_ui_for (s, s->lang);
  size_t n = 0;

  if (max == 0 || s->screen == SCREEN_LANGUAGE
      || s->screen == SCREEN_ATTRACT)
    return 0;
  /* TRANSLATORS: the first item of the breadcrumb (Home > Risks).  */
  v[n++] = LC_(ui, "breadcrumb", "Home");
  if (n < max && s->screen == SCREEN_PAGE && s->page != NULL)
    v[n++] = s->page->title;
  else if (n < max && s->screen == SCREEN_HELP)
    v[n++] = LC_(ui, "breadcrumb", "Help");
  else if (n < max && s->screen == SCREEN_SEARCH)
    v[n++] = LC_(ui, "breadcrumb", "Search");
  else if (n < max && s->screen == SCREEN_CONTACT)
    v[n++] = LC_(ui, "breadcrumb", "Our number");
  else if (n < max && (s->screen == SCREEN_PIN || s->screen == SCREEN_STAFF))
    v[n++] = LC_(ui, "breadcrumb", "Staff");
  return n;
}

/* ------------------------------------------------------------------ */
/* Reading aloud.  */

const struct page *
session_page (const struct session *s)
{
  return s->page;
}

bool
session_complete (struct session *s)
{
  s->need.kind = NEED_NOTHING;
  s->labels.need.kind = NEED_NOTHING;
  if (viewport_complete (&s->vp))
    return false;
  s->need = s->labels.need;
  return true;
}

enum result
session_highlight (struct session *s, uint32_t off, uint32_t end,
                   size_t line, size_t nlines)
{
  return viewport_highlight (&s->vp, off, end, line, nlines);
}

void
session_highlighted (const struct session *s, uint32_t *off, uint32_t *end)
{
  *off = s->vp.mark_off;
  *end = s->vp.mark_end;
}
