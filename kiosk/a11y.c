/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* a11y.c -- speech and larger text, wired to the event loop.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "a11y.h"
#include "console.h"
#include "curses_compat.h"
#include "fetch.h"
#include "i18n.h"
#include "log.h"
#include "loop.h"
#include "settings.h"
#include "term.h"
#include "xalloc.h"

enum
{
  A11Y_RATE_STEP = 25,          /* Words a minute per key.  */
  A11Y_VOLUME_STEP = 20         /* Percent per key.  */
};

/* ------------------------------------------------------------------ */
/* Speech on and off.  */

/* Starts the voice: the test log if MESOKIOSK_SPEECH_LOG says so, else
   the speech helper.  */
static bool
a11y_voice_start (struct app *app)
{
  struct a11y *a = &app->a11y;
  char *err = NULL;

  if (a->voice != NULL)
    return true;
  /* Its messages are the staff's, in their language.  */
  i18n_staff_begin ();
  a->voice = a->log != NULL ? voice_open_log (a->log, a->pace, &err)
                            : voice_open_helper (a->helper, &err);
  if (a->voice == NULL)
    log_message ("%s", err);
  i18n_staff_end ();
  free (err);
  if (a->voice == NULL)
    return false;
  reader_set_voice (&a->reader, a->voice);
  loop_trace (app, "speech voice %s", a->log != NULL ? "log" : "helper");
  return true;
}

static void
a11y_voice_stop (struct app *app)
{
  struct a11y *a = &app->a11y;

  reader_set_voice (&a->reader, NULL);
  voice_close (a->voice);
  a->voice = NULL;
}

/* Forgets what the screen showed: the next look reads it afresh.  */
static void
a11y_forget_screen (struct a11y *a)
{
  a->page = NULL;
  a->layout = NULL;
  a->nlines = 0;
  a->selected = -1;
  a->screen = SCREEN_COUNT;
}

static bool
a11y_speech_on (struct app *app)
{
  struct a11y *a = &app->a11y;

  if (a->mode == SPEECH_OFF)
    return false;
  if (!a11y_voice_start (app))
    {
      a->on = false;
      return false;
    }
  a->on = true;
  a->failed = false;
  app->view.speech = VIEW_SPEECH_ON;
  a11y_forget_screen (a);
  loop_trace (app, "speech on");
  return true;
}

static void
a11y_speech_off (struct app *app)
{
  struct a11y *a = &app->a11y;

  reader_stop (&a->reader);
  a11y_voice_stop (app);
  a->on = false;
  app->view.speech = a->mode == SPEECH_OFF ? VIEW_SPEECH_HIDDEN
                                           : VIEW_SPEECH_OFF;
  loop_trace (app, "speech off");
}

/* ------------------------------------------------------------------ */
/* What the screen says.  */

static const char *
a11y_page_lang (const struct session *s)
{
  const char *l = session_page_lang (s);

  return l != NULL && l[0] != '\0' ? l : session_ui_lang (s);
}

/* True if screen SCREEN is read from the top when it opens (a page, the
   help, the clinic's number), rather than said as a menu (its title and
   the selected entry).  */
static bool
a11y_reads_all (enum screen_id screen)
{
  return screen == SCREEN_PAGE || screen == SCREEN_HELP
         || screen == SCREEN_CONTACT;
}

/* The utterances of the label of link K: [*FROM, *TO) of the page's.  */
static bool
a11y_link_range (const struct reader *r, int32_t k, size_t *from,
                 size_t *to)
{
  size_t i = speech_of_link (&r->page, k), j;

  if (i >= r->page.n)
    return false;
  for (j = i; j < r->page.n && r->page.v[j].link == k
              && r->page.v[j].item == 0; j++)
    continue;
  *from = i;
  *to = j;
  return true;
}

/* The utterances before the first link: a menu's title and words.  */
static size_t
a11y_head_end (const struct reader *r)
{
  for (size_t i = 0; i < r->page.n; i++)
    if (r->page.v[i].link >= 0)
      return i;
  return r->page.n;
}

/* Takes the screen's utterances (the whole page laid out if it is to be
   read: SAME, the same page as before).  */
static void
a11y_take_page (struct app *app, bool same)
{
  struct a11y *a = &app->a11y;
  struct session *s = app->session;

  if (a11y_reads_all (session_screen (s)))
    fetch_complete (s, app->lib);
  reader_set_page (&a->reader, session_layout (s), a11y_page_lang (s),
                   session_ui_lang (s), same);
  if (strcmp (a11y_page_lang (s), "mul") == 0)
    {
      /* The language choice: each version in its language.  */
      const struct strv *langs = &library_settings (app->lib)->languages;

      speech_split_every (&a->reader.page, langs->v, langs->n);
    }
  a->page = session_page (s);
  a->layout = session_layout (s);
  a->nlines = a->layout != NULL ? a->layout->nlines : 0;
  a->screen = session_screen (s);
}

/* Says the selected link's label (after what is queued).  */
static void
a11y_say_selected (struct app *app)
{
  struct reader *r = &app->a11y.reader;
  size_t from, to;

  if (a11y_link_range (r, session_selected (app->session), &from, &to))
    reader_read (r, from, to);
}

/* Reads the screen as it opens: a page from its title, a menu's title
   and selected entry.  */
static void
a11y_read_screen (struct app *app)
{
  struct reader *r = &app->a11y.reader;
  enum screen_id screen = session_screen (app->session);

  if (screen == SCREEN_ATTRACT)
    return;                     /* Nobody is there yet.  */
  if (a11y_reads_all (screen))
    {
      reader_read (r, 0, SIZE_MAX);
      return;
    }
  /* A menu: its title, then the entry selected, said in turn (after a
     button's label, if one was tapped).  */
  for (size_t i = 0; i < a11y_head_end (r); i++)
    reader_say (r, r->page.v[i].lang, r->page.v[i].text);
  if (session_selected (app->session) >= 0)
    {
      size_t from, to;

      if (a11y_link_range (r, session_selected (app->session), &from, &to))
        for (size_t i = from; i < to; i++)
          reader_say (r, r->page.v[i].lang, r->page.v[i].text);
    }
}

/* Read on: from where the reading stopped if that is on the screen,
   else from the top of the screen.  */
static void
a11y_read_on (struct app *app)
{
  struct reader *r = &app->a11y.reader;
  size_t top = session_top (app->session);
  size_t rows = session_rows (app->session);
  size_t at = r->resume;

  if (at >= r->page.n || r->page.v[at].line + r->page.v[at].nlines <= top
      || r->page.v[at].line >= top + rows)
    at = speech_at_line (&r->page, top);
  if (at >= r->page.n)
    at = 0;
  reader_read (r, at, SIZE_MAX);
}

/* The highlight follows the sentence read.  */
static enum result
a11y_highlight (struct app *app)
{
  const struct speech_utt *u = app->a11y.on
                                 ? reader_current (&app->a11y.reader)
                                 : NULL;
  enum result r;

  if (u != NULL && app->a11y.layout == session_layout (app->session)
      && u->end > u->off)
    r = session_highlight (app->session, u->off, u->end, u->line, u->nlines);
  else
    r = session_highlight (app->session, 0, 0, 0, 0);
  if (r != RESULT_IGNORED)
    fetch_fill (app->session, app->lib);
  return r;
}

/* After an action: says what changed on the screen.  */
static void
a11y_follow (struct app *app, enum action act)
{
  struct a11y *a = &app->a11y;
  struct session *s = app->session;
  const struct layout *l = session_layout (s);
  bool new_screen = session_page (s) != a->page
                    || session_screen (s) != a->screen;
  const char *tapped = act != ACT_NONE ? a->tapped : NULL;

  a->tapped = NULL;
  if (l == NULL)
    {
      a11y_forget_screen (a);
      return;
    }
  if (new_screen)
    {
      bool typing = session_screen (s) == SCREEN_SEARCH
                    && a->screen == SCREEN_SEARCH;

      a11y_take_page (app, false);
      a->selected = session_selected (s);
      /* A button's label first: the patient hears what was tapped.  */
      if (tapped != NULL)
        reader_say (&a->reader, a->tapped_lang, tapped);
      if (typing)
        {
          /* The results change with each letter: say the letter, not
             the results.  */
          const char *q = session_query (s);
          size_t n = strlen (q);

          if (n > 0)
            {
              size_t k = n - 1;

              while (k > 0 && ((unsigned char) q[k] & 0xC0) == 0x80)
                k--;
              reader_say (&a->reader, session_ui_lang (s), q + k);
            }
          return;
        }
      a11y_read_screen (app);
      return;
    }
  if (l != a->layout || l->nlines != a->nlines)
    a11y_take_page (app, true);
  if (tapped != NULL)
    reader_say (&a->reader, a->tapped_lang, tapped);
  if (session_selected (s) != a->selected)
    {
      a->selected = session_selected (s);
      if (a->selected >= 0)
        a11y_say_selected (app);
    }
}

/* ------------------------------------------------------------------ */
/* Text size.  */

/* Shows SIZE; returns true if the console's font changed.  */
static bool
a11y_show_size (struct app *app, enum textsize_size size)
{
  struct a11y *a = &app->a11y;
  enum textsize_op op;
  char *err = NULL;
  bool ok = true;

  if (a->console == NULL)
    return false;
  op = textsize_plan (&a->size, size);
  if (op == TEXTSIZE_KEEP)
    return false;
  /* Its messages are the staff's, in their language.  */
  i18n_staff_begin ();
  if (op == TEXTSIZE_RESTORE)
    ok = console_restore (a->console);
  else
    {
      char *file = xasprintf ("%s/%s", console_font_dir (),
                              textsize_file (size));

      ok = console_load (a->console, file, &err);
      free (file);
    }
  textsize_done (&a->size, size, ok);
  if (!ok && err != NULL)
    log_message ("%s", err);
  i18n_staff_end ();
  free (err);
  loop_trace (app, "text-size %s%s", textsize_names[a->size.current],
              ok ? "" : " failed");
  app->view.text_largest = textsize_step (&a->size, 1) == a->size.current;
  return ok;
}

/* After the console's font changed: curses takes the new size now,
   without waiting for the signal, and the layout follows.  */
static enum result
a11y_resized (struct app *app)
{
  struct winsize ws;

  if (ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0
      && ws.ws_col > 0)
    resizeterm (ws.ws_row, ws.ws_col);
  clearok (curscr, TRUE);
  return loop_fit (app);
}

static enum result
a11y_text_size (struct app *app, int dir, bool cycle)
{
  struct a11y *a = &app->a11y;
  enum textsize_size want;

  if (a->console == NULL)
    return RESULT_IGNORED;
  want = textsize_step (&a->size, dir);
  if (cycle && want == a->size.current)
    want = TEXTSIZE_NORMAL;     /* The button goes round.  */
  if (!a11y_show_size (app, want))
    return RESULT_IGNORED;
  return a11y_resized (app);
}

/* ------------------------------------------------------------------ */
/* Rate and volume.  */

static void
a11y_adjust (struct app *app, enum action act)
{
  struct a11y *a = &app->a11y;
  struct reader *r = &a->reader;
  bool reading = r->reading || r->playing_index != SIZE_MAX;
  const char *ui = session_ui_lang (app->session);
  const char *word;
  size_t resume;

  if (!a->on)
    return;
  switch (act)
    {
    case ACT_SPEECH_SLOWER:
      reader_set_rate (r, r->rate > A11Y_RATE_STEP
                            ? r->rate - A11Y_RATE_STEP : 0);
      /* TRANSLATORS: said aloud after the speech is made slower.  */
      word = L_(ui, "Slower.");
      break;
    case ACT_SPEECH_FASTER:
      reader_set_rate (r, r->rate + A11Y_RATE_STEP);
      /* TRANSLATORS: said aloud after the speech is made faster.  */
      word = L_(ui, "Faster.");
      break;
    case ACT_SPEECH_QUIETER:
      reader_set_volume (r, r->volume > A11Y_VOLUME_STEP
                              ? r->volume - A11Y_VOLUME_STEP : 0);
      /* TRANSLATORS: said aloud after the speech is made quieter.  */
      word = L_(ui, "Quieter.");
      break;
    case ACT_SPEECH_LOUDER:
    default:
      reader_set_volume (r, r->volume + A11Y_VOLUME_STEP);
      /* TRANSLATORS: said aloud after the speech is made louder.  */
      word = L_(ui, "Louder.");
      break;
    }
  loop_trace (app, "speech rate=%u volume=%u", r->rate, r->volume);
  reader_stop (r);
  resume = r->resume;
  reader_say (r, ui, word);
  /* The reading goes on at the new rate or volume.  */
  if (reading)
    reader_read (r, resume, SIZE_MAX);
}

/* ------------------------------------------------------------------ */
/* The loop's hooks.  */

void
a11y_init (struct app *app, const struct settings *set,
           const struct term_info *ti)
{
  struct a11y *a = &app->a11y;
  const char *helper = getenv ("MESOKIOSK_SPEAK");
  const char *log = getenv ("MESOKIOSK_SPEECH_LOG");
  const char *pace = getenv ("MESOKIOSK_SPEECH_PACE");
  unsigned fkey = settings_speech_fkey (set->speech_key);

  memset (a, 0, sizeof *a);
  a->mode = set->speech;
  a->rate0 = set->speech_rate;
  a->volume0 = set->speech_volume;
  a->size0 = (enum textsize_size) set->text_size;
  a->helper = helper != NULL && *helper != '\0'
                ? helper : PKGLIBEXECDIR "/mesokiosk-speak";
  a->log = log != NULL && *log != '\0' ? log : NULL;
  a->pace = pace != NULL ? (unsigned) strtoul (pace, NULL, 10) : 0;
  if (set->speech_key == SETTINGS_SPEECH_KEY_STAR)
    {
      a->listen_key = IK_CHAR;
      a->listen_char = '*';
    }
  else if (fkey >= 2 && fkey < 12)     /* F12 is in the key table.  */
    a->listen_key = (enum input_key) (IK_F1 + (int) fkey - 1);
  reader_init (&a->reader, a->rate0, a->volume0);
  a11y_forget_screen (a);
  app->view.speech = a->mode == SPEECH_OFF ? VIEW_SPEECH_HIDDEN
                                           : VIEW_SPEECH_OFF;
  /* Larger text: only on a Linux console whose font can change.  */
  if (ti->name != NULL && strncmp (ti->name, "linux", 5) == 0)
    {
      const char *err = NULL;

      a->console = console_open (STDOUT_FILENO, &err);
      if (a->console == NULL)
        loop_trace (app, "text-size unavailable: %s", err);
    }
  if (a->console != NULL)
    {
      unsigned cols, rows, w, h;

      console_geometry (a->console, &cols, &rows, &w, &h);
      textsize_init (&a->size, cols, rows, w, h, VIEW_MIN_COLS,
                     VIEW_MIN_ROWS);
      term_on_fatal (console_restore_crash);
      app->view.text_size = true;
      app->view.text_largest = textsize_step (&a->size, 1) == TEXTSIZE_NORMAL;
    }
}

void
a11y_start (struct app *app)
{
  struct a11y *a = &app->a11y;

  if (a->console != NULL && a->size0 != TEXTSIZE_NORMAL
      && a11y_show_size (app, textsize_best (&a->size, a->size0)))
    a11y_resized (app);
  if (a->mode == SPEECH_ALWAYS)
    a11y_speech_on (app);
}

void
a11y_done (struct app *app)
{
  struct a11y *a = &app->a11y;

  a11y_voice_stop (app);
  reader_done (&a->reader);
  console_close (a->console);
  a->console = NULL;
  term_on_fatal (NULL);
}

enum action
a11y_key (const struct app *app, const struct input *in, enum action a)
{
  const struct a11y *ay = &app->a11y;

  if (ay->listen_key != IK_NONE && in->key == ay->listen_key
      && (in->key != IK_CHAR || in->ch == ay->listen_char))
    return ACT_LISTEN;
  return a;
}

void
a11y_tapped (struct app *app, enum action act)
{
  struct a11y *a = &app->a11y;

  a->tapped = NULL;
  a->by_tap = act != ACT_NONE;
  if (!a->on || act == ACT_NONE || act == ACT_CLICK)
    return;
  a->tapped = view_button_label (&app->view, app->session, act,
                                 &a->tapped_lang);
}

void
a11y_before (struct app *app, enum action act)
{
  struct a11y *a = &app->a11y;

  a->pause = false;
  if (!a->on)
    return;
  /* Rate and volume go on with the reading (a11y_adjust()).  */
  if (act == ACT_SPEECH_SLOWER || act == ACT_SPEECH_FASTER
      || act == ACT_SPEECH_QUIETER || act == ACT_SPEECH_LOUDER)
    return;
  /* Any key stops the voice at once.  */
  a->pause = act == ACT_LISTEN && reader_busy (&a->reader);
  if (reader_busy (&a->reader))
    loop_trace (app, "speech stop");
  reader_stop (&a->reader);
}

enum result
a11y_after (struct app *app, enum action act)
{
  struct a11y *a = &app->a11y;
  enum result r = RESULT_IGNORED;

  if (session_idle_left (app->session) == 0)
    a->idle_shown = 0;
  switch (act)
    {
    case ACT_LISTEN:
      loop_trace (app, "speech listen t=%.6f", app->last_input);
      if (!a->on)
        {
          if (!a11y_speech_on (app))
            break;
          a11y_take_page (app, false);
          a->selected = session_selected (app->session);
          a11y_read_on (app);
        }
      else if (!a->pause)
        {
          if (session_page (app->session) != a->page
              || session_layout (app->session) != a->layout)
            a11y_take_page (app, session_page (app->session) == a->page);
          a11y_read_on (app);
        }
      r = RESULT_FULL;
      break;
    case ACT_SPEECH_TOGGLE:
      if (a->on)
        a11y_speech_off (app);
      else if (a11y_speech_on (app))
        {
          a11y_take_page (app, false);
          a->selected = session_selected (app->session);
          a11y_read_on (app);
        }
      r = RESULT_FULL;
      break;
    case ACT_SPEECH_SLOWER:
    case ACT_SPEECH_FASTER:
    case ACT_SPEECH_QUIETER:
    case ACT_SPEECH_LOUDER:
      a11y_adjust (app, act);
      r = a->on ? RESULT_BODY : RESULT_IGNORED;
      break;
    case ACT_TEXT_LARGER:
      r = a11y_text_size (app, 1, a->by_tap);
      break;
    case ACT_TEXT_SMALLER:
      r = a11y_text_size (app, -1, false);
      break;
    default:
      if (a->on)
        a11y_follow (app, act);
      break;
    }
  a->tapped = NULL;
  a->by_tap = false;
  if (a->on || r != RESULT_IGNORED)
    r = result_max (r, a11y_highlight (app));
  return r;
}

void
a11y_refresh (struct app *app)
{
  struct a11y *a = &app->a11y;

  if (!a->on || a->layout == NULL)
    return;
  if (session_layout (app->session) != a->layout
      && session_page (app->session) == a->page)
    {
      a11y_take_page (app, true);
      a11y_highlight (app);
    }
}

int
a11y_fd (const struct app *app)
{
  return app->a11y.voice != NULL ? app->a11y.voice->fd : -1;
}

enum result
a11y_voice (struct app *app)
{
  struct a11y *a = &app->a11y;
  struct voice_event ev;
  bool moved = false;

  while (a->voice != NULL && voice_next (a->voice, &ev))
    {
      switch (ev.kind)
        {
        case VOICE_BEGIN:
          loop_trace (app, "speech begin %u t=%.6f", ev.id, ev.t);
          break;
        case VOICE_END:
          loop_trace (app, "speech end %u", ev.id);
          break;
        default:
          loop_trace (app, "speech failed: %s", ev.msg);
          if (!a->failed)
            {
              i18n_staff_begin ();
              log_message (_("speech: %s"), _(ev.msg));
              i18n_staff_end ();
            }
          a->failed = true;
          break;
        }
      if (reader_event (&a->reader, &ev))
        moved = true;
      if (ev.kind == VOICE_FAILED)
        {
          /* No voice: speech is off until the patient tries again.  */
          a11y_speech_off (app);
          return RESULT_FULL;
        }
    }
  return moved ? a11y_highlight (app) : RESULT_IGNORED;
}

void
a11y_countdown (struct app *app, unsigned left)
{
  struct a11y *a = &app->a11y;
  char *secs, *msg;

  if (a->idle_shown != 0 || left == 0)
    {
      a->idle_shown = left;
      return;
    }
  a->idle_shown = left;
  /* More than one sense: the bell as well as the screen (and the
     voice).  */
  beep ();
  loop_trace (app, "countdown bell");
  if (!a->on)
    return;
  reader_stop (&a->reader);
  /* The same words as on the screen (view.c), in the same order.  */
  secs = xasprintf (ngettext ("Starting again in %u second.",
                              "Starting again in %u seconds.", left), left);
  msg = xasprintf ("%s %s %s", _("Still there?"),
                   _("Touch the screen or press a key to continue."), secs);
  reader_say (&a->reader, session_ui_lang (app->session), msg);
  free (msg);
  free (secs);
}

void
a11y_reset (struct app *app)
{
  struct a11y *a = &app->a11y;
  bool resized = false;

  a->idle_shown = 0;
  a->tapped = NULL;
  reader_stop (&a->reader);
  reader_set_rate (&a->reader, a->rate0);
  reader_set_volume (&a->reader, a->volume0);
  speech_list_clear (&a->reader.page);
  a->reader.layout = NULL;
  a->reader.resume = 0;
  a11y_forget_screen (a);
  if (a->on && a->mode != SPEECH_ALWAYS)
    a11y_speech_off (app);
  else if (!a->on && a->mode == SPEECH_ALWAYS)
    a11y_speech_on (app);
  if (a->console != NULL)
    {
      enum textsize_size start = textsize_best (&a->size, a->size0);

      resized = a11y_show_size (app, start);
    }
  if (resized)
    a11y_resized (app);
}
