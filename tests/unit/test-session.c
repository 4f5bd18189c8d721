/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* test-session.c -- the session state machine over the test library:
   navigation, history, language switch in place, resizes, quitting.  */

#include "system.h"

#include <string.h>
#include <unistr.h>

#include "fetch.h"
#include "history.h"
#include "library.h"
#include "session.h"
#include "unit.h"
#include "viewport.h"
#include "xalloc.h"

static struct library *lib;
static const struct profile screen = { CHARSET_UTF8, false, false };
static const struct profile kiosk_screen = { CHARSET_UTF8, false, true };

/* An action, with what it needs read (as the loop does it).  */
static enum result
handle (struct session *s, enum action a, long arg)
{
  return fetch_handle (s, lib, a, arg);
}

static enum result
resize (struct session *s, unsigned width, unsigned rows)
{
  return fetch_resize (s, lib, width, rows);
}

static struct session *
start (const char *lang, bool kiosk)
{
  struct session_config c = { .profile = kiosk ? &kiosk_screen : &screen,
                              .lang = lang };
  struct session *s = session_new (lib, &c);

  resize (s, 72, 21);
  return s;
}

/* The text of the title line of the page shown.  */
static const char *
title (const struct session *s, char *buf, size_t size)
{
  const struct layout *l = session_layout (s);
  const struct layout_span *sp;

  if (l == NULL || l->nlines == 0 || l->lines[0].nspans == 0)
    return "";
  sp = &l->spans[l->lines[0].span];
  snprintf (buf, size, "%.*s", (int) sp->len, l->text + sp->off);
  return buf;
}

static void
test_language_screen (void)
{
  struct session *s = start (NULL, false);
  const struct layout *l = session_layout (s);

  CHECK_INT (session_screen (s), SCREEN_LANGUAGE);
  CHECK_STR (session_lang (s), "");
  CHECK_INT (l->nlinks, 2);
  CHECK_STR (l->links[0].target, "lang:fr");
  CHECK_STR (l->links[1].target, "lang:en");
  /* A menu starts with its first entry selected.  */
  CHECK_INT (session_selected (s), 0);
  CHECK (handle (s, ACT_HOME, 0) == RESULT_IGNORED);
  CHECK (handle (s, ACT_LANGUAGE, 0) == RESULT_IGNORED);
  CHECK (handle (s, ACT_DOWN, 0) == RESULT_BODY);
  CHECK_INT (session_selected (s), 1);
  CHECK (handle (s, ACT_FOLLOW, 0) == RESULT_LANGUAGE);
  CHECK_STR (session_lang (s), "en");
  CHECK_INT (session_screen (s), SCREEN_HOME);
  /* Back returns to the language choice.  */
  CHECK (handle (s, ACT_BACK, 0) == RESULT_FULL);
  CHECK_INT (session_screen (s), SCREEN_LANGUAGE);
  CHECK (handle (s, ACT_BACK, 0) == RESULT_IGNORED);
  session_free (s);
}

static void
test_navigation (void)
{
  struct session *s = start ("fr", false);
  const struct layout *l = session_layout (s);
  const char *crumbs[4];
  char buf[128];
  size_t n;

  CHECK_INT (session_screen (s), SCREEN_HOME);
  /* The menu's three topics, then the clinic's number.  */
  CHECK_INT (l->nlinks, 4);
  CHECK_STR (l->links[0].target, "signes-alerte");
  CHECK_STR (l->links[3].target, "go:contact");
  /* Down moves the selection over visible entries.  */
  handle (s, ACT_DOWN, 0);
  handle (s, ACT_DOWN, 0);
  CHECK_INT (session_selected (s), 2);
  CHECK (handle (s, ACT_FOLLOW, 0) == RESULT_FULL);
  CHECK_INT (session_screen (s), SCREEN_PAGE);
  CHECK_STR (session_page_id (s), "exemple");
  CHECK_STR (title (s, buf, sizeof buf), "Une page d'exemple");
  n = session_crumbs (s, crumbs, 4);
  CHECK_INT (n, 2);
  CHECK_STR (crumbs[0], "Home");
  CHECK_STR (crumbs[1], "Une page d'exemple");
  /* Pages start with nothing selected, at the top.  */
  CHECK_INT (session_selected (s), -1);
  CHECK_INT (session_top (s), 0);
  /* Down scrolls a line when no link is in view.  */
  CHECK (handle (s, ACT_DOWN, 0) == RESULT_BODY);
  CHECK_INT (session_top (s), 1);
  CHECK (handle (s, ACT_PAGE_DOWN, 0) == RESULT_BODY);
  CHECK_INT (session_top (s), 21);
  CHECK (handle (s, ACT_PAGE_UP, 0) == RESULT_BODY);
  CHECK_INT (session_top (s), 1);
  CHECK (handle (s, ACT_UP, 0) == RESULT_BODY);
  CHECK (handle (s, ACT_UP, 0) == RESULT_IGNORED);
  /* End shows the last screen; the links are there.  */
  l = session_layout (s);
  handle (s, ACT_BOTTOM, 0);
  CHECK_INT (session_top (s), l->nlines - 21);
  CHECK (handle (s, ACT_DOWN, 0) == RESULT_BODY);
  CHECK_INT (session_selected (s), 0);
  CHECK (handle (s, ACT_DOWN, 0) == RESULT_BODY);
  CHECK_INT (session_selected (s), 1);
  CHECK (handle (s, ACT_DOWN, 0) == RESULT_IGNORED);
  /* Tab wraps around the links.  */
  handle (s, ACT_NEXT_LINK, 0);
  CHECK_INT (session_selected (s), 0);
  handle (s, ACT_PREV_LINK, 0);
  CHECK_INT (session_selected (s), 1);
  /* Follow, then Back restores the place and the selection.  */
  {
    size_t top = session_top (s);

    handle (s, ACT_FOLLOW, 0);
    CHECK_STR (session_page_id (s), "apres-seance");
    CHECK_INT (session_history_depth (s), 2);
    handle (s, ACT_BACK, 0);
    CHECK_STR (session_page_id (s), "exemple");
    CHECK_INT (session_top (s), top);
    CHECK_INT (session_selected (s), 1);
  }
  /* Help toggles.  */
  handle (s, ACT_HELP, 0);
  CHECK_INT (session_screen (s), SCREEN_HELP);
  handle (s, ACT_HELP, 0);
  CHECK_INT (session_screen (s), SCREEN_PAGE);
  /* The warning signs are one action away, then at the top.  */
  handle (s, ACT_WARNING_SIGNS, 0);
  CHECK_STR (session_page_id (s), "signes-alerte");
  CHECK (handle (s, ACT_WARNING_SIGNS, 0) == RESULT_IGNORED);
  /* Home.  */
  handle (s, ACT_HOME, 0);
  CHECK_INT (session_screen (s), SCREEN_HOME);
  CHECK (handle (s, ACT_QUIT, 0) == RESULT_QUIT);
  session_free (s);
}

static void
test_language_switch (void)
{
  struct session *s = start ("fr", false);
  char buf[128];
  const struct layout *l;
  uint32_t block;

  handle (s, ACT_DOWN, 0);
  handle (s, ACT_DOWN, 0);
  handle (s, ACT_FOLLOW, 0);
  handle (s, ACT_PAGE_DOWN, 0);
  l = session_layout (s);
  block = l->lines[session_top (s)].block;
  /* In place: same page, other language, about the same place.  */
  CHECK (handle (s, ACT_LANGUAGE, 0) == RESULT_LANGUAGE);
  CHECK_STR (session_lang (s), "en");
  CHECK_STR (session_page_id (s), "exemple");
  CHECK_STR (session_page_lang (s), "en");
  l = session_layout (s);
  CHECK (session_top (s) > 0);
  CHECK (l->lines[session_top (s)].block >= block);
  CHECK (l->lines[session_top (s)].block <= block + 1);
  handle (s, ACT_TOP, 0);
  CHECK_STR (title (s, buf, sizeof buf), "An example page");
  /* Back goes home, in the new language.  */
  handle (s, ACT_BACK, 0);
  CHECK_INT (session_screen (s), SCREEN_HOME);
  l = session_layout (s);
  CHECK_INT (session_selected (s), 2);
  CHECK_STR (title (s, buf, sizeof buf),
             "Mesotherapy: information for patients");
  handle (s, ACT_LANGUAGE, 0);
  CHECK_STR (session_lang (s), "fr");
  session_free (s);
}

static void
test_resize_and_clicks (void)
{
  struct session *s = start ("en", true);
  const struct layout *l;
  size_t line;

  /* Kiosk mode: no quitting.  */
  CHECK (handle (s, ACT_QUIT, 0) == RESULT_IGNORED);
  /* A tap on a menu line follows it.  */
  l = session_layout (s);
  line = l->links[1].line;
  CHECK (handle (s, ACT_CLICK, (long) line) == RESULT_FULL);
  CHECK_STR (session_page_id (s), "apres-seance");
  CHECK (handle (s, ACT_CLICK, 0) == RESULT_IGNORED);
  CHECK (handle (s, ACT_CLICK, 9999) == RESULT_IGNORED);
  handle (s, ACT_BACK, 0);
  handle (s, ACT_CLICK, (long) session_layout (s)->links[2].line);
  CHECK_STR (session_page_id (s), "exemple");
  /* A narrow terminal makes more lines; the top text stays in view.  */
  handle (s, ACT_PAGE_DOWN, 0);
  handle (s, ACT_PAGE_DOWN, 0);
  {
    uint32_t block = session_layout (s)->lines[session_top (s)].block;

    resize (s, 30, 10);
    l = session_layout (s);
    CHECK_INT (l->width, 30);
    CHECK_INT (l->lines[session_top (s)].block, block);
    resize (s, 72, 21);
    l = session_layout (s);
    CHECK_INT (l->lines[session_top (s)].block, block);
    /* Tiny sizes are clamped, never crash.  */
    resize (s, 0, 0);
    CHECK_INT (session_layout (s)->width, LAYOUT_MIN_WIDTH);
    CHECK (handle (s, ACT_PAGE_DOWN, 0) != RESULT_NEED);
  }
  session_free (s);
}

/* Before a patient chooses a language, the language key offers the one
   after the language shown, not the one shown.  */
static void
test_next_lang_before_choice (void)
{
  struct session_config c = { .profile = &kiosk_screen, .attract = true };
  struct session *s = session_new (lib, &c);

  resize (s, 72, 21);
  CHECK_INT (session_screen (s), SCREEN_ATTRACT);
  handle (s, ACT_HELP, 0);
  CHECK_INT (session_screen (s), SCREEN_HELP);
  CHECK_STR (session_lang (s), "");
  CHECK_STR (session_ui_lang (s), "fr");
  CHECK_STR (session_next_lang (s), "en");
  session_free (s);
}

static void
test_kiosk (void)
{
  struct pin_guard guard;
  const char *err;
  char *hash = pin_hash ("2468", &err);
  struct session_config c = { .profile = &kiosk_screen, .attract = true,
                              .pin_hash = hash, .guard = &guard };
  struct session *s;

  pin_guard_init (&guard);
  s = session_new (lib, &c);
  resize (s, 72, 21);
  /* Between patients: the attract screen, nothing to forget.  */
  CHECK_INT (session_screen (s), SCREEN_ATTRACT);
  CHECK (session_pristine (s));
  CHECK_INT (session_layout (s)->nlinks, 2);
  /* Any key wakes it to the language screen; Back returns.  */
  handle (s, ACT_NONE, 0);
  CHECK_INT (session_screen (s), SCREEN_LANGUAGE);
  CHECK (!session_pristine (s));
  handle (s, ACT_BACK, 0);
  CHECK_INT (session_screen (s), SCREEN_ATTRACT);
  /* Choosing a language on the attract screen goes home.  */
  handle (s, ACT_DOWN, 0);
  handle (s, ACT_FOLLOW, 0);
  CHECK_INT (session_screen (s), SCREEN_HOME);
  CHECK_STR (session_lang (s), "en");
  /* "Still there?": the next action only answers it.  */
  CHECK (session_idle (s, 5) == RESULT_FULL);
  CHECK_INT (session_idle_left (s), 5);
  handle (s, ACT_DOWN, 0);
  CHECK_INT (session_idle_left (s), 0);
  CHECK_INT (session_selected (s), 0);
  /* Staff: the PIN screen takes digits; the stars show, not the PIN.  */
  session_set_time (s, 1000);
  handle (s, ACT_STAFF, 0);
  CHECK_INT (session_screen (s), SCREEN_PIN);
  CHECK (session_text_input (s));
  handle (s, ACT_CHAR, '1');
  handle (s, ACT_CHAR, 'x');
  handle (s, ACT_CHAR, '2');
  handle (s, ACT_BACK, 0);
  handle (s, ACT_CHAR, '1');
  handle (s, ACT_CHAR, '1');
  handle (s, ACT_CHAR, '1');
  {
    const struct layout *l = session_layout (s);
    bool stars = false;

    for (size_t i = 0; i < l->nspans; i++)
      stars |= strncmp (l->text + l->spans[i].off, "PIN: ****_", 10) == 0;
    CHECK (stars);
  }
  /* Three wrong PINs, then a wait even for the right one.  */
  for (int i = 0; i < 3; i++)
    {
      if (i > 0)
        for (int k = 0; k < 4; k++)
          handle (s, ACT_CHAR, '9');
      handle (s, ACT_FOLLOW, 0);
      CHECK_STR (session_message (s), "Wrong PIN.");
    }
  for (const char *d = "2468"; *d; d++)
    handle (s, ACT_CHAR, *d);
  handle (s, ACT_FOLLOW, 0);
  CHECK_INT (session_screen (s), SCREEN_PIN);
  session_set_time (s, 1001.5);
  handle (s, ACT_FOLLOW, 0);
  CHECK_INT (session_screen (s), SCREEN_STAFF);
  /* The staff menu: back to where the patient was; quit; reload.  */
  handle (s, ACT_FOLLOW, 0);
  CHECK_INT (session_screen (s), SCREEN_HOME);
  handle (s, ACT_STAFF, 0);
  for (const char *d = "2468"; *d; d++)
    handle (s, ACT_CHAR, *d);
  handle (s, ACT_FOLLOW, 0);
  handle (s, ACT_DOWN, 0);
  /* Reload: the menu stays and shows how it went.  */
  CHECK (handle (s, ACT_FOLLOW, 0) == RESULT_RELOAD);
  CHECK_INT (session_screen (s), SCREEN_STAFF);
  CHECK (session_report (s, "Content read again: 3 pages, no errors.")
         == RESULT_FULL);
  fetch_fill (s, lib);
  CHECK_INT (session_screen (s), SCREEN_STAFF);
  CHECK_INT (session_selected (s), 1);
  {
    const struct layout *l = session_layout (s);
    bool shown = false;

    for (size_t i = 0; i < l->nspans; i++)
      shown |= strncmp (l->text + l->spans[i].off, "Content read again",
                        18) == 0;
    CHECK (shown);
  }
  handle (s, ACT_BACK, 0);
  CHECK_INT (session_screen (s), SCREEN_HOME);
  handle (s, ACT_STAFF, 0);
  for (const char *d = "2468"; *d; d++)
    handle (s, ACT_CHAR, *d);
  handle (s, ACT_FOLLOW, 0);
  handle (s, ACT_BOTTOM, 0);
  CHECK (handle (s, ACT_FOLLOW, 0) == RESULT_QUIT);
  /* Escape leaves the PIN screen.  */
  handle (s, ACT_STAFF, 0);
  handle (s, ACT_CANCEL, 0);
  CHECK (session_screen (s) != SCREEN_PIN);
  session_free (s);
  free (hash);
}

/* True if link K of L opens the search result ID in LANG.  */
static bool
hit_is (const struct layout *l, size_t k, const char *lang, const char *id)
{
  char *want = xasprintf ("hit:%s:", lang);
  const char *t = k < l->nlinks ? l->links[k].target : "";
  bool ok = strncmp (t, want, strlen (want)) == 0;
  const char *p = ok ? strchr (t + strlen (want), ':') : NULL;

  ok = p != NULL && strncmp (p + 1, id, strlen (id)) == 0
       && p[1 + strlen (id)] == ':';
  free (want);
  return ok;
}

/* Types the ASCII or UTF-8 text T on the search screen.  */
static void
type (struct session *s, const char *t)
{
  while (*t != '\0')
    {
      ucs4_t uc;
      int n = u8_mbtouc (&uc, (const uint8_t *) t, strlen (t));

      CHECK (handle (s, ACT_CHAR, (long) uc) == RESULT_FULL);
      t += n;
    }
}

static void
test_search (void)
{
  struct session *s = start ("fr", true);
  const struct layout *l;
  const char *crumbs[4];

  /* '/' opens an empty box; letters are text there, even q and h.  */
  CHECK (handle (s, ACT_SEARCH, 0) == RESULT_FULL);
  CHECK_INT (session_screen (s), SCREEN_SEARCH);
  CHECK (session_text_input (s));
  CHECK_STR (session_query (s), "");
  CHECK_INT (session_layout (s)->nlinks, 0);
  CHECK_INT (session_crumbs (s, crumbs, 4), 2);
  CHECK_STR (crumbs[1], "Search");
  /* Results come as the patient types: "APPEL" finds "Appelez" and the
     keyword "appeler", without the accents or the case.  */
  type (s, "APPEL");
  CHECK_STR (session_query (s), "APPEL");
  l = session_layout (s);
  CHECK (l->nlinks >= 1);
  CHECK (hit_is (l, 0, "fr", "signes-alerte"));
  /* "séance" typed as "seance" finds the page of that title first.  */
  for (int i = 0; i < 5; i++)
    handle (s, ACT_BACK, 0);
  CHECK_STR (session_query (s), "");
  CHECK_INT (session_screen (s), SCREEN_SEARCH);
  type (s, "seance");
  l = session_layout (s);
  CHECK (l->nlinks >= 1);
  CHECK (hit_is (l, 0, "fr", "apres-seance"));
  /* Backspace takes a whole character off, not a byte.  */
  type (s, "é");
  CHECK_STR (session_query (s), "seanceé");
  handle (s, ACT_BACK, 0);
  CHECK_STR (session_query (s), "seance");
  /* Controls and invisible characters are refused.  */
  CHECK (handle (s, ACT_CHAR, 0x1b) == RESULT_IGNORED);
  CHECK (handle (s, ACT_CHAR, 0x202e) == RESULT_IGNORED);
  CHECK (handle (s, ACT_CHAR, 0x110000) == RESULT_IGNORED);
  CHECK_STR (session_query (s), "seance");
  /* Enter opens the first result; Back comes back to the results.  */
  CHECK (handle (s, ACT_FOLLOW, 0) == RESULT_FULL);
  CHECK_INT (session_screen (s), SCREEN_PAGE);
  CHECK_STR (session_page_id (s), "apres-seance");
  CHECK (!session_text_input (s));
  handle (s, ACT_BACK, 0);
  CHECK_INT (session_screen (s), SCREEN_SEARCH);
  CHECK_STR (session_query (s), "seance");
  /* The query is kept when the language changes; results follow it.  */
  CHECK (handle (s, ACT_LANGUAGE, 0) == RESULT_LANGUAGE);
  CHECK_INT (session_screen (s), SCREEN_SEARCH);
  CHECK_STR (session_query (s), "seance");
  /* Nothing found: the warning-signs page and the topics are offered,
     but Enter opens neither: only a choice does.  */
  type (s, "xyz");
  l = session_layout (s);
  CHECK_INT (l->nlinks, 2);
  CHECK_STR (l->links[0].target, "signes-alerte");
  CHECK_STR (l->links[1].target, "go:home");
  CHECK (handle (s, ACT_FOLLOW, 0) == RESULT_IGNORED);
  CHECK_INT (session_screen (s), SCREEN_SEARCH);
  handle (s, ACT_NEXT_LINK, 0);
  CHECK (handle (s, ACT_FOLLOW, 0) == RESULT_FULL);
  CHECK_STR (session_page_id (s), "signes-alerte");
  /* Too long: the box stops taking characters.  */
  handle (s, ACT_SEARCH, 0);
  CHECK_STR (session_query (s), "");
  for (int i = 0; i < SESSION_QUERY_MAX; i++)
    handle (s, ACT_CHAR, 'a');
  CHECK_INT (strlen (session_query (s)), SESSION_QUERY_MAX);
  CHECK (handle (s, ACT_CHAR, 'a') == RESULT_IGNORED);
  /* Escape leaves the box.  */
  handle (s, ACT_CANCEL, 0);
  CHECK_INT (session_screen (s), SCREEN_PAGE);
  session_free (s);
  /* The next visit starts with no query.  */
  s = start ("fr", true);
  CHECK_STR (session_query (s), "");
  session_free (s);
}

/* A search that forgives: typos, the other language, symptoms first, and
   a result that opens at its match.  */
static void
test_search_forgives (void)
{
  struct session *s = start ("fr", true);
  const struct layout *l;
  bool marked = false;

  /* A symptom puts the warning signs first, though another page says
     "froide" as often.  */
  handle (s, ACT_SEARCH, 0);
  type (s, "froide");
  l = session_layout (s);
  CHECK_INT (l->nlinks, 2);
  CHECK (hit_is (l, 0, "fr", "signes-alerte"));
  CHECK (hit_is (l, 1, "fr", "apres-seance"));
  /* A typo: two letters swapped.  */
  handle (s, ACT_CANCEL, 0);
  handle (s, ACT_SEARCH, 0);
  type (s, "paragrahpe");
  l = session_layout (s);
  CHECK (l->nlinks >= 1);
  CHECK (hit_is (l, 0, "fr", "exemple"));
  /* A result opens at its match, highlighted: far down the page.  */
  handle (s, ACT_CANCEL, 0);
  handle (s, ACT_SEARCH, 0);
  type (s, "numero 15");
  CHECK (hit_is (session_layout (s), 0, "fr", "exemple"));
  CHECK (handle (s, ACT_FOLLOW, 0) == RESULT_FULL);
  CHECK_STR (session_page_id (s), "exemple");
  l = session_layout (s);
  CHECK (session_top (s) > 10);
  for (size_t i = session_top (s); i < session_top (s) + 21
       && i < l->nlines; i++)
    for (size_t k = 0; k < l->lines[i].nspans; k++)
      marked |= l->spans[l->lines[i].span + k].role == ROLE_MATCH;
  CHECK (marked);
  /* A word only the English pages have: they show, labelled, and opening
     one switches to English; Back comes back to French.  */
  handle (s, ACT_BACK, 0);
  CHECK_INT (session_screen (s), SCREEN_SEARCH);
  handle (s, ACT_CANCEL, 0);
  handle (s, ACT_SEARCH, 0);
  type (s, "really");
  l = session_layout (s);
  CHECK (l->nlinks >= 1);
  CHECK (hit_is (l, 0, "en", "exemple"));
  CHECK (handle (s, ACT_FOLLOW, 0) == RESULT_LANGUAGE);
  CHECK_STR (session_lang (s), "en");
  CHECK_STR (session_page_lang (s), "en");
  CHECK_STR (session_page_id (s), "exemple");
  CHECK (handle (s, ACT_BACK, 0) == RESULT_LANGUAGE);
  CHECK_STR (session_lang (s), "fr");
  CHECK_INT (session_screen (s), SCREEN_SEARCH);
  CHECK_STR (session_query (s), "really");
  session_free (s);
}

/* A page laid out ahead of time is the page laid out when opened.  */
static void
test_prepare (void)
{
  struct session *s = start ("fr", false);
  const struct layout *l;
  size_t nlines, len;
  char *text;

  /* Home: the first entry is selected; its page is laid out once.  */
  CHECK (fetch_prepare (s, lib));
  CHECK (!fetch_prepare (s, lib));
  handle (s, ACT_FOLLOW, 0);
  l = session_layout (s);
  CHECK_STR (session_page_id (s), "signes-alerte");
  nlines = l->nlines;
  len = l->text_len;
  text = xmalloc (len);
  memcpy (text, l->text, len);
  /* The same page laid out afresh (a resize there and back), as far as
     its end (a fresh layout is made a screen at a time).  */
  resize (s, 40, 21);
  resize (s, 72, 21);
  handle (s, ACT_BOTTOM, 0);
  l = session_layout (s);
  CHECK_INT (l->nlines, nlines);
  CHECK_INT (l->text_len, len);
  CHECK (l->text_len == len && memcmp (l->text, text, len) == 0);
  free (text);
  /* A link to a language or to nothing is not prepared; a width or a
     language change makes the prepared layout stale.  */
  handle (s, ACT_BACK, 0);
  CHECK (fetch_prepare (s, lib));
  resize (s, 60, 21);
  CHECK (fetch_prepare (s, lib));
  handle (s, ACT_LANGUAGE, 0);
  CHECK (fetch_prepare (s, lib));
  handle (s, ACT_FOLLOW, 0);
  CHECK_STR (session_lang (s), "en");
  CHECK_STR (session_page_lang (s), "en");
  session_free (s);
  s = start (NULL, false);
  CHECK (!fetch_prepare (s, lib));
  session_free (s);
}

/* Transitions read nothing: what they need comes through session_need()
   and is read by fetch.c, outside them.  */
static void
test_pure (void)
{
  char *dir = xasprintf ("%s/tests/content-good",
                         getenv ("srcdir") ? getenv ("srcdir") : ".");
  const char *layers[] = { dir };
  struct library *fresh = library_open (layers, 1, 1);
  struct session_config c = { .profile = &screen, .lang = "fr" };
  struct session *s = session_new (fresh, &c);
  static const enum action acts[] = {
    ACT_DOWN, ACT_DOWN, ACT_FOLLOW, ACT_PAGE_DOWN, ACT_BOTTOM,
    ACT_LANGUAGE, ACT_BACK, ACT_SEARCH, ACT_WARNING_SIGNS, ACT_HELP,
    ACT_NEXT_LINK, ACT_PREV_LINK, ACT_HOME
  };
  size_t needs = 0;

  CHECK_INT (library_reads (fresh), 0);
  session_resize (s, 72, 21);
  /* The home menu's titles are not read yet: filling it needs them.  */
  CHECK (session_fill (s));
  CHECK_INT (session_need (s)->kind, NEED_HEADER);
  CHECK_INT (library_reads (fresh), 0);
  fetch_fill (s, fresh);
  for (size_t i = 0; i < ARRAY_SIZE (acts); i++)
    {
      size_t before = library_reads (fresh);
      enum result r;

      while ((r = session_handle (s, acts[i], 0)) == RESULT_NEED)
        {
          CHECK_INT (library_reads (fresh), before);
          CHECK (session_need (s)->kind != NEED_NOTHING);
          needs++;
          CHECK (library_supply (fresh, session_need (s)));
          before = library_reads (fresh);
        }
      CHECK_INT (library_reads (fresh), before);
      while (session_fill (s))
        CHECK (library_supply (fresh, session_need (s)));
    }
  /* It did need things: a page, the index.  */
  CHECK (needs >= 2);
  CHECK_STR (session_page_id (s), NULL);
  CHECK_INT (session_screen (s), SCREEN_HOME);
  session_free (s);
  library_free (fresh);
  free (dir);
}

/* After more links than the history holds, Back still goes all the way:
   the pages in the middle are dropped, never Home nor the language
   choice below it.  */
static void
test_long_history (void)
{
  struct session *s = start (NULL, false);
  int links = 0, backs = 0, homes = 0;

  handle (s, ACT_DOWN, 0);
  handle (s, ACT_FOLLOW, 0);                    /* English: home.  */
  CHECK_INT (session_screen (s), SCREEN_HOME);
  while (links < 3 * HISTORY_MAX)
    {
      /* The warning signs, then the first link on them, and again.  */
      if (handle (s, ACT_WARNING_SIGNS, 0) != RESULT_IGNORED)
        links++;
      handle (s, ACT_NEXT_LINK, 0);
      if (handle (s, ACT_FOLLOW, 0) != RESULT_IGNORED)
        links++;
    }
  CHECK_INT (session_history_depth (s), HISTORY_MAX);
  while (handle (s, ACT_BACK, 0) != RESULT_IGNORED && backs < 1000)
    {
      backs++;
      homes += session_screen (s) == SCREEN_HOME;
    }
  CHECK_INT (backs, HISTORY_MAX);
  CHECK_INT (homes, 1);
  CHECK_INT (session_screen (s), SCREEN_LANGUAGE);
  session_free (s);
}

int
main (void)
{
  const char *srcdir = getenv ("srcdir");
  char *dir = xasprintf ("%s/tests/content-good", srcdir ? srcdir : ".");
  const char *layers[] = { dir };

  lib = library_open (layers, 1, 1);
  CHECK_INT (library_diags (lib)->n, 0);
  RUN (test_language_screen);
  RUN (test_navigation);
  RUN (test_language_switch);
  RUN (test_resize_and_clicks);
  RUN (test_kiosk);
  RUN (test_next_lang_before_choice);
  RUN (test_search);
  RUN (test_prepare);
  RUN (test_search_forgives);
  RUN (test_pure);
  RUN (test_long_history);
  library_free (lib);
  free (dir);
  return unit_done ();
}
