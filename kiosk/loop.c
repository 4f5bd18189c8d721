/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* loop.c -- the one event loop of the kiosk.  */

#include "system.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "curses_compat.h"
#include "fetch.h"
#include "gesture.h"
#include "log.h"
#include "screens.h"
#include "i18n.h"
#include "loop.h"
#include "signals.h"
#include "term.h"

ATTR_NOINLINE void
loop_frame_drawn (unsigned long frame)
{
  /* Keeps the call: callgrind --dump-after=loop_frame_drawn counts the
     instructions up to each frame.  */
  __asm__ volatile ("" : : "r" (frame) : "memory");
}

unsigned
loop_countdown (unsigned idle)
{
  unsigned c = idle / 4;

  return c < 1 ? 1 : c > 15 ? 15 : c;
}

/* The smallest whole number not below X >= 0 (no libm: it would cost a
   few hundred kilobytes of resident memory for two calls).  */
static unsigned long
loop_ceil (double x)
{
  unsigned long n = (unsigned long) x;

  return (double) n < x ? n + 1 : n;
}

double
loop_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

void
loop_trace (struct app *app, const char *fmt, ...)
{
  va_list ap;

  if (app->trace == NULL)
    return;
  va_start (ap, fmt);
  fprintf (app->trace, "%.3f ", loop_now ());
  vfprintf (app->trace, fmt, ap);
  va_end (ap);
  fputc ('\n', app->trace);
  fflush (app->trace);
}

/* Makes the language of the patient's screen the interface language
   (what the view's own words are drawn in).  */
static void
loop_language (struct app *app)
{
  i18n_set_language (session_ui_lang (app->session));
}

enum result
loop_fit (struct app *app)
{
  struct view *v = &app->view;

  view_fit (v, app->session);
  if (!v->too_small)
    fetch_resize (app->session, app->lib, (unsigned) v->body_width,
                  (unsigned) v->body_rows);
  a11y_refresh (app);
  return RESULT_FULL;
}

static enum result
loop_action (struct app *app, enum action a, long arg)
{
  enum result r;

  a11y_before (app, a);
  r = fetch_handle (app->session, app->lib, a, arg);
  if (r == RESULT_LANGUAGE)
    {
      /* The buttons' words change length: the bar may take more rows.  */
      loop_language (app);
      loop_fit (app);
    }
  r = result_max (r, a11y_after (app, a));
  app->events++;
  loop_trace (app, "event %lu %s %s%s", app->events, action_name (a),
              r == RESULT_IGNORED ? "ignored" : "done",
              r == RESULT_QUIT ? " quit" : "");
  return r;
}

/* Handles one terminal event.  */
static enum result
loop_event (struct app *app, const struct term_event *ev)
{
  struct session *s = app->session;
  enum action a;
  long arg = 0;

  switch (ev->kind)
    {
    case TEV_RESIZE:
      app->events++;
      loop_trace (app, "event %lu resize %dx%d", app->events, COLS, LINES);
      return loop_fit (app);
    case TEV_MOUSE:
      switch (ev->button)
        {
        case TB_WHEEL_UP:
          return loop_action (app, ACT_SCROLL_UP, 0);
        case TB_WHEEL_DOWN:
          return loop_action (app, ACT_SCROLL_DOWN, 0);
        case TB_PRESS:
          /* Nothing yet: a tap acts on the release, a drag as it moves.  */
          gesture_press (&app->gesture, ev->y, ev->x);
          return RESULT_IGNORED;
        case TB_DRAG:
          {
            int delta;

            if (gesture_move (&app->gesture, ev->y, ev->x, &delta)
                != GESTURE_SCROLL)
              return RESULT_IGNORED;
            return loop_action (app, ACT_DRAG, delta);
          }
        case TB_RELEASE:
        default:
          {
            int ty, tx, delta;
            enum result r = RESULT_IGNORED;

            /* The release's place is the drag's last stretch (a terminal
               that reports no moves scrolls by it all).  */
            if (gesture_move (&app->gesture, ev->y, ev->x, &delta)
                == GESTURE_SCROLL)
              r = loop_action (app, ACT_DRAG, delta);
            if (gesture_release (&app->gesture, ev->y, ev->x, &ty, &tx)
                != GESTURE_TAP)
              return r;
            a = view_hit (&app->view, s, ty, tx, &arg);
            a11y_tapped (app, a);
            return loop_action (app, a, arg);
          }
        }
    case TEV_KEY:
      a = action_for_input (&ev->in, app->profile.kiosk,
                            session_text_input (s), &arg);
      a = a11y_key (app, &ev->in, a);
      return loop_action (app, a, arg);
    default:
      return RESULT_IGNORED;
    }
}

/* Reads the content again; with STAFF, tells the staff menu how it
   went.  */
static void
loop_reload (struct app *app, bool staff)
{
  struct library *lib = library_open (app->layers, app->nlayers,
                                      app->require);
  struct diag_list *d;
  char *report;

  /* Everything is read and checked before it replaces what is shown.  */
  i18n_staff_begin ();
  check_library (lib);
  d = library_diags (lib);
  i18n_staff_end ();
  report = staff ? screens_reload_report (session_ui_lang (app->session),
                                          library_count (lib), d,
                                          d->nerrors > 0)
                 : NULL;
  i18n_staff_begin ();
  if (d->nerrors > 0)
    {
      log_message (_("reload: the content has %zu errors; the previous"
                     " content is kept"), d->nerrors);
      log_diags (d);
      library_free (lib);
      i18n_staff_end ();
    }
  else
    {
      log_diags (d);
      log_message (_("content reloaded"));
      i18n_staff_end ();
      fetch_set_library (app->session, lib);
      library_free (app->lib);
      app->lib = lib;
    }
  if (report != NULL)
    {
      session_report (app->session, report);
      fetch_fill (app->session, app->lib);
    }
  free (report);
}

/* A new visit: the old session, and all it knew, is gone.  */
static enum result
loop_reset (struct app *app)
{
  session_free (app->session);
  app->session = session_new (app->lib, &app->scfg);
  loop_language (app);
  a11y_reset (app);
  app->events++;
  loop_trace (app, "event %lu idle-reset", app->events);
  return loop_fit (app);
}

/* Milliseconds until the idle timer needs a look, or -1 for never.  */
static int
loop_idle_timeout (const struct app *app, double now)
{
  double due, left;
  unsigned shown;

  if (app->idle == 0 || session_pristine (app->session))
    return -1;
  shown = session_idle_left (app->session);
  due = app->last_input + app->idle;
  if (shown > 0)
    /* The next whole second of the countdown.  */
    due += (double) (app->countdown - shown + 1);
  left = due - now;
  return left <= 0 ? 0 : (int) loop_ceil (left * 1000);
}

/* Shows, updates or ends the "Still there?" countdown.  */
static enum result
loop_idle (struct app *app, double now)
{
  double elapsed = now - app->last_input;
  unsigned left;
  enum result r;

  if (app->idle == 0 || session_pristine (app->session)
      || elapsed < app->idle)
    return RESULT_IGNORED;
  if (elapsed >= app->idle + app->countdown)
    return loop_reset (app);
  left = (unsigned) loop_ceil (app->idle + app->countdown - elapsed);
  r = session_idle (app->session, left);
  if (r != RESULT_IGNORED)
    {
      loop_trace (app, "idle %u", left);
      a11y_countdown (app, left);
    }
  return r;
}

int
loop_run (struct app *app, int signal_fd)
{
  struct pollfd fds[4];
  enum result redraw = RESULT_FULL;     /* What to draw next.  */
  bool quit = false;
  bool loading = true;
  bool preparing = false;       /* A frame was drawn since the last
                                   session_prepare().  */

  fds[0].fd = STDIN_FILENO;
  fds[0].events = POLLIN;
  fds[1].fd = signal_fd;
  fds[1].events = POLLIN;
  app->last_input = loop_now ();
  loop_language (app);
  loop_fit (app);
  a11y_start (app);
  for (;;)
    {
      struct term_event ev;
      unsigned sig;
      double now;
      int n, timeout, pending;

      if (redraw != RESULT_IGNORED)
        {
          view_draw (&app->view, app->session, app->lib,
                     redraw == RESULT_FULL);
          wnoutrefresh (stdscr);
          doupdate ();
          app->frames++;
          preparing = true;
          loop_trace (app, "frame %lu screen=%d page=%s lang=%s top=%zu"
                      " selected=%d depth=%zu", app->frames,
                      (int) session_screen (app->session),
                      session_page_id (app->session)
                        ? session_page_id (app->session) : "-",
                      session_lang (app->session),
                      session_top (app->session),
                      session_selected (app->session),
                      session_history_depth (app->session));
          loop_frame_drawn (app->frames);
        }
      if (quit)
        return 0;
      redraw = RESULT_IGNORED;
      now = loop_now ();
      timeout = loading || preparing ? 0 : loop_idle_timeout (app, now);
      /* An incomplete escape sequence read waits only so long.  */
      pending = term_input_timeout (now);
      if (pending >= 0 && (timeout < 0 || pending < timeout))
        timeout = pending;
      if (timeout != 0)
        /* For the tests: the kiosk sleeps (never on a busy loop).  */
        loop_trace (app, "wait %d", timeout);
      fds[2].fd = a11y_fd (app);
      fds[2].events = POLLIN;
      fds[2].revents = 0;
      /* gpm's socket, on the Linux console: its clicks wake the loop.  */
      fds[3].fd = term_gpm_fd ();
      fds[3].events = POLLIN;
      fds[3].revents = 0;
      n = poll (fds, 4, timeout);
      if (n < 0 && errno != EINTR)
        {
          i18n_staff_begin ();
          log_message (_("cannot wait for input: %s"), strerror (errno));
          i18n_staff_end ();
          return 1;
        }
      /* The terminal is gone when it says so: a hang-up, an error, end
         of file; never for input that means nothing to the kiosk.  */
      if ((fds[0].revents & (POLLHUP | POLLERR | POLLNVAL))
          && !(fds[0].revents & POLLIN))
        return 0;
      sig = signals_take ();
      if (sig & SIGNALS_QUIT)
        return 0;
      if (sig & SIGNALS_RELOAD)
        {
          loop_reload (app, false);
          redraw = RESULT_FULL;
        }
      now = loop_now ();
      session_set_time (app->session, now);
      if (fds[2].fd >= 0 && (fds[2].revents & (POLLIN | POLLHUP | POLLERR)))
        redraw = result_max (redraw, result_redraw (a11y_voice (app)));
      if ((sig & SIGNALS_RESIZE) && term_resize (&ev))
        {
          app->last_input = now;
          redraw = result_max (redraw, result_redraw (loop_event (app, &ev)));
        }
      if ((fds[0].revents & POLLIN) && term_fill (now) == TERM_INPUT_GONE)
        return 0;
      if (fds[3].fd >= 0 && (fds[3].revents & POLLIN))
        term_gpm_fill (now);
      else if (fds[3].fd >= 0
               && (fds[3].revents & (POLLHUP | POLLERR | POLLNVAL)))
        term_gpm_drop ();
      while (term_read (&ev, now))
        {
          enum result r;

          app->last_input = now;
          r = loop_event (app, &ev);
          if (r == RESULT_RELOAD)
            loop_reload (app, true);
          redraw = result_max (redraw, result_redraw (r));
          if (r == RESULT_QUIT)
            {
              quit = true;
              break;
            }
        }
      redraw = result_max (redraw, result_redraw (loop_idle (app, now)));
      if (n == 0 && preparing)
        {
          /* Nothing to do: lay out the page the patient may open next.  */
          preparing = false;
          if (fetch_prepare (app->session, app->lib))
            loop_trace (app, "prepared");
        }
      else if (n == 0 && loading)
        {
          /* Nothing to do: read one more page of the library.  */
          size_t before = library_diags (app->lib)->nerrors;

          loading = library_load_next (app->lib);
          if (library_diags (app->lib)->nerrors > before)
            redraw = result_max (redraw, fetch_set_library (app->session,
                                                            app->lib));
          if (library_diags (app->lib)->n > 0)
            log_diags (library_diags (app->lib));
        }
    }
}
