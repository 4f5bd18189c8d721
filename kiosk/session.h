/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* session.h -- one patient's visit, as a state machine.

   A session owns everything a patient can leave behind: the language,
   the screen, the page shown and where in it (its viewport), the back
   history, what was typed, messages.  Ending a visit is session_free()
   and a new visit is session_new(), so nothing of one patient can show to
   the next.

   session_handle() applies one action and returns what changed (result.h).
   Transitions are pure: they print nothing, call no curses, read no file
   and leave the process's language alone.  They see the library through a
   const pointer; when they need a page, a title or the search index that
   is not read yet, they return RESULT_NEED, changing nothing, and
   session_need() says what to read (fetch.c does it and tries again).  A
   change of language is RESULT_LANGUAGE: the loop makes session_ui_lang()
   the interface language.  The view reads the state through the
   accessors below.  Screens other than pages are synthetic pages
   (screens.h); moving through any of them is the viewport's
   (viewport.h).  No curses here.  */

#ifndef MESOKIOSK_SESSION_H
#define MESOKIOSK_SESSION_H

#include "action.h"
#include "layout.h"
#include "library.h"
#include "need.h"
#include "pin.h"
#include "profile.h"
#include "result.h"

/* The screens, with the word the breadcrumb shows for each.  */
enum screen_id
{
  SCREEN_LANGUAGE,      /* Choose a language.  */
  SCREEN_HOME,          /* The menu of topics.  */
  SCREEN_PAGE,          /* A content page.  */
  SCREEN_HELP,          /* Keys and buttons.  */
  SCREEN_ATTRACT,       /* Kiosk mode, between patients.  */
  SCREEN_PIN,           /* Staff: type the PIN.  */
  SCREEN_STAFF,         /* Staff: quit, reload.  */
  SCREEN_SEARCH,        /* The search box and its results.  */
  SCREEN_CONTACT,       /* The clinic's number as a QR code.  */
  SCREEN_COUNT
};

struct session_config
{
  const struct profile *profile;        /* Borrowed: outlives sessions.  */
  const char *lang;             /* Start in this language, or NULL to
                                   start on the language screen.
                                   Borrowed.  */
  bool attract;                 /* Start on the attract screen.  */
  const char *pin_hash;         /* The staff PIN's hash, or NULL.
                                   Borrowed.  */
  struct pin_guard *guard;      /* Borrowed: outlives every session, so
                                   a new visit does not reset it.  */
};

struct session;

/* Starts a visit over LIB (borrowed; must outlive the session, or be
   replaced by session_set_library()).  Call session_resize() before
   drawing, and session_fill() after every call that changes anything.  */
struct session *session_new (const struct library *lib,
                             const struct session_config *cfg);
void session_free (struct session *s);

/* Applies action A (ARG: the layout line for ACT_CLICK, the character
   for ACT_CHAR).  */
enum result session_handle (struct session *s, enum action a, long arg);
/* What the last RESULT_NEED (or a true session_fill() or
   session_prepare()) asks for: valid until the next session call.  */
const struct need *session_need (const struct session *s);

/* Lays out what the screen shows, and one line more.  Returns true if it
   needs something first (session_need()): supply it, then call again.  */
bool session_fill (struct session *s);
/* Lays out, ahead of time, the page the selected link leads to, so that
   opening it costs only drawing.  Returns true if it did some work or
   needs something (session_need()); false when there is nothing to do.  */
bool session_prepare (struct session *s);

/* Sets the text area: WIDTH columns, ROWS lines.  Keeps the text at the
   top of the screen in view.  */
enum result session_resize (struct session *s, unsigned width,
                            unsigned rows);
/* Replaces the library (after a reload) and shows the same place in it.
   May return RESULT_NEED: then the old library's pages are already
   forgotten, and the call is made again with the same LIB.  */
enum result session_set_library (struct session *s,
                                 const struct library *lib);

/* Tells staff the result of a reload they asked for (TEXT, copied): the
   staff menu shows it.  */
enum result session_report (struct session *s, const char *text);

/* Tells the session the time (monotonic seconds), for the PIN brake.  */
void session_set_time (struct session *s, double now);

/* Shows the "Still there?" countdown with SECONDS left (0 removes it).
   While it shows, the next action only removes it.  */
enum result session_idle (struct session *s, unsigned seconds);
unsigned session_idle_left (const struct session *s);
/* True when there is nothing to forget: nothing was done since the visit
   started (no idle timer runs then).  */
bool session_pristine (const struct session *s);
/* True when a text field has the focus (typed keys are text): the PIN,
   the search box.  */
bool session_text_input (const struct session *s);
/* The layout line of that text field (where the cursor goes), or
   SIZE_MAX.  */
size_t session_field_line (const struct session *s);

/* The state, for drawing.  */
enum screen_id session_screen (const struct session *s);
/* The language the patient chose, or "" before a choice.  */
const char *session_lang (const struct session *s);
/* The language the screen is in: the patient's, or the one the kiosk
   starts in before a choice.  */
const char *session_ui_lang (const struct session *s);
/* The language the language key switches to, or NULL if it does
   nothing here.  */
const char *session_next_lang (const struct session *s);
/* True if the contact key opens the clinic's number (a phone number is
   set), so its button is shown.  */
bool session_has_contact (const struct session *s);
const struct layout *session_layout (const struct session *s);
size_t session_top (const struct session *s);
unsigned session_rows (const struct session *s);
int session_selected (const struct session *s);
/* A one-off message for the status line, or NULL.  */
const char *session_message (const struct session *s);
/* Fills V with up to MAX breadcrumb items ("Home", page title); returns
   how many.  The strings are valid until the next session call.  */
size_t session_crumbs (const struct session *s, const char **v, size_t max);
/* The id of the page shown, or NULL on other screens.  */
const char *session_page_id (const struct session *s);
/* The language of the page shown (it differs from session_lang() when
   the page is missing in that language).  */
const char *session_page_lang (const struct session *s);
/* The search text typed (UTF-8; "" when none).  */
const char *session_query (const struct session *s);
/* How many entries the back history holds.  */
size_t session_history_depth (const struct session *s);

/* Reading aloud (a11y.c): the page shown (synthetic or not, NULL if
   none); laying the whole of it out (true if it needs something first,
   as session_fill()); the highlight of the sentence read, scrolled into
   view (viewport_highlight()), and where it is.  */
const struct page *session_page (const struct session *s);
bool session_complete (struct session *s);
enum result session_highlight (struct session *s, uint32_t off,
                               uint32_t end, size_t line, size_t nlines);
void session_highlighted (const struct session *s, uint32_t *off,
                          uint32_t *end);

enum
{
  SESSION_QUERY_MAX = 64,       /* Bytes of search text kept (at most
                                   FIELD_MAX).  */
  SESSION_LANG_MAX = 8          /* Bytes of a language code, with its
                                   NUL ("fr", "pt_BR").  */
};

#endif /* MESOKIOSK_SESSION_H */
