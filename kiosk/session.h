/* session.h -- one patient's visit, as a state machine.

   A session owns everything a patient can leave behind: the language,
   the screen, the page shown and where in it, the selected link, the back
   history, messages.  Ending a visit is session_free() and a new visit is
   session_new(), so nothing of one patient can show to the next.

   session_handle() applies one action and returns what must be redrawn;
   it never prints or calls curses.  The view reads the state through the
   accessors below and tells the session the size of the text area with
   session_resize().  Screens other than pages (home menu, language choice,
   help) are built as synthetic pages, so one layout and one set of
   movement rules serve them all.  No curses here.  */

#ifndef MESOKIOSK_SESSION_H
#define MESOKIOSK_SESSION_H

#include "action.h"
#include "layout.h"
#include "library.h"
#include "pin.h"

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
  SCREEN_COUNT
};

/* What session_handle() returns: redraw flags and results.  */
enum
{
  REDRAW_NONE = 0,
  REDRAW_BODY = 1 << 0,         /* Scroll or selection changed.  */
  REDRAW_FULL = 1 << 1,         /* Screen, page or language changed.  */
  RESULT_IGNORED = 1 << 8,      /* The action did nothing here.  */
  RESULT_QUIT = 1 << 9,         /* The patient asked to quit.  */
  RESULT_LANGUAGE = 1 << 10,    /* The interface language changed.  */
  RESULT_RELOAD = 1 << 11       /* Staff asked to read the content again.  */
};

struct session_config
{
  enum charset charset;         /* What the terminal can show.  */
  bool plain;                   /* Screen-reader mode: no frames.  */
  bool kiosk;                   /* No quitting.  */
  const char *lang;             /* Start in this language, or NULL to
                                   start on the language screen.  */
  bool attract;                 /* Start on the attract screen.  */
  const char *pin_hash;         /* The staff PIN's hash, or NULL.  */
  struct pin_guard *guard;      /* Borrowed: outlives every session, so
                                   a new visit does not reset it.  */
};

struct session;

/* Starts a visit over LIB (borrowed; must outlive the session).  Call
   session_resize() before drawing.  */
struct session *session_new (struct library *lib,
                             const struct session_config *cfg);
void session_free (struct session *s);

/* Sets the text area: WIDTH columns for text, ROWS lines.  Keeps the
   text at the top of the screen in view.  */
unsigned session_resize (struct session *s, unsigned width, unsigned rows);

/* Applies action A (ARG: the layout line, for ACT_CLICK).  */
unsigned session_handle (struct session *s, enum action a, long arg);

/* Lays out, ahead of time, the page the selected link leads to, so that
   opening it costs only drawing (the loop calls it when it has nothing
   else to do).  Returns true if it did some work.  */
bool session_prepare (struct session *s);

/* Tells the session the time (monotonic seconds), for the PIN brake.  */
void session_set_time (struct session *s, double now);

/* Shows the "Still there?" countdown with SECONDS left (0 removes it).
   While it shows, the next action only removes it.  */
unsigned session_idle (struct session *s, unsigned seconds);
unsigned session_idle_left (const struct session *s);
/* True when there is nothing to forget: the attract screen, untouched.  */
bool session_pristine (const struct session *s);
/* True when a text field has the focus (typed keys are text): the PIN,
   the search box.  */
bool session_text_input (const struct session *s);

/* Replaces the library (after a reload) and shows the same place.  */
unsigned session_set_library (struct session *s, struct library *lib);

/* The state, for drawing.  */
enum screen_id session_screen (const struct session *s);
const char *session_lang (const struct session *s);
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

/* The width of the text column for a terminal COLS wide: every column
   minus a margin on narrow terminals, at most SESSION_MEASURE on wide
   ones (centred by the view).  */
enum { SESSION_MEASURE = 72 };

enum
{
  SESSION_QUERY_MAX = 64,       /* Bytes of search text kept.  */
  SESSION_MAX_HITS = 30         /* Search results shown.  */
};
unsigned session_measure (unsigned cols);

#endif /* MESOKIOSK_SESSION_H */
