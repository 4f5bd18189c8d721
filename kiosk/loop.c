/* loop.c -- the one event loop of the kiosk.  */

#include "system.h"

#include <errno.h>
#include <stdarg.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "curses_compat.h"
#include "log.h"
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

static void
loop_trace (struct app *app, const char *fmt, ...) ATTR_PRINTF (2, 3);

static void
loop_trace (struct app *app, const char *fmt, ...)
{
  va_list ap;

  if (app->trace == NULL)
    return;
  va_start (ap, fmt);
  vfprintf (app->trace, fmt, ap);
  va_end (ap);
  fputc ('\n', app->trace);
  fflush (app->trace);
}

static unsigned
loop_action (struct app *app, enum action a, long arg)
{
  unsigned r = session_handle (app->session, a, arg);

  app->events++;
  loop_trace (app, "event %lu %s %s%s", app->events, action_name (a),
              (r & RESULT_IGNORED) ? "ignored" : "done",
              (r & RESULT_QUIT) ? " quit" : "");
  return r;
}

/* Handles one terminal event; returns session result flags.  */
static unsigned
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
      return view_fit (&app->view, s);
    case TEV_MOUSE:
      if (ev->button == TB_WHEEL_UP)
        a = ACT_SCROLL_UP;
      else if (ev->button == TB_WHEEL_DOWN)
        a = ACT_SCROLL_DOWN;
      else
        a = view_hit (&app->view, s, ev->y, ev->x, &arg);
      return loop_action (app, a, arg);
    case TEV_KEY:
      a = action_for_input (&ev->in, app->scfg.kiosk);
      return loop_action (app, a, arg);
    default:
      return REDRAW_NONE;
    }
}

static void
loop_reload (struct app *app)
{
  struct library *lib = library_open (app->layers, app->nlayers,
                                      app->require);
  struct diag_list *d;

  library_load_all (lib);
  d = library_diags (lib);
  if (d->nerrors > 0)
    {
      log_message (_("reload: the content has %zu errors; the previous"
                     " content is kept"), d->nerrors);
      log_diags (d);
      library_free (lib);
      return;
    }
  log_diags (d);
  session_set_library (app->session, lib);
  library_free (app->lib);
  app->lib = lib;
  log_message (_("content reloaded"));
}

int
loop_run (struct app *app, int signal_fd)
{
  struct pollfd fds[2];
  unsigned flags = REDRAW_FULL;
  bool loading = true;

  fds[0].fd = STDIN_FILENO;
  fds[0].events = POLLIN;
  fds[1].fd = signal_fd;
  fds[1].events = POLLIN;
  flags |= view_fit (&app->view, app->session);
  for (;;)
    {
      struct term_event ev;
      unsigned sig;
      int n;

      if (flags & (REDRAW_FULL | REDRAW_BODY))
        {
          if (flags & RESULT_LANGUAGE)
            flags |= view_fit (&app->view, app->session);
          view_draw (&app->view, app->session, app->lib);
          wnoutrefresh (stdscr);
          doupdate ();
          app->frames++;
          loop_trace (app, "frame %lu screen=%d page=%s lang=%s top=%zu"
                      " selected=%d", app->frames,
                      (int) session_screen (app->session),
                      session_page_id (app->session)
                        ? session_page_id (app->session) : "-",
                      session_lang (app->session),
                      session_top (app->session),
                      session_selected (app->session));
          loop_frame_drawn (app->frames);
        }
      if (flags & RESULT_QUIT)
        return 0;
      flags = 0;
      n = poll (fds, 2, loading ? 0 : -1);
      if (n < 0 && errno != EINTR)
        {
          log_message (_("cannot wait for input: %s"), strerror (errno));
          return 1;
        }
      if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL))
        return 0;               /* The terminal is gone.  */
      sig = signals_take ();
      if (sig & SIGNALS_QUIT)
        return 0;
      if (sig & SIGNALS_RELOAD)
        {
          loop_reload (app);
          flags |= REDRAW_FULL;
        }
      while (term_read (&ev))
        {
          flags |= loop_event (app, &ev);
          if (flags & RESULT_QUIT)
            break;
        }
      if (n == 0 && loading)
        {
          /* Nothing to do: read one more page of the library.  */
          size_t before = library_diags (app->lib)->nerrors;

          loading = library_load_next (app->lib);
          if (library_diags (app->lib)->nerrors > before)
            flags |= session_set_library (app->session, app->lib);
          if (library_diags (app->lib)->n > 0)
            log_diags (library_diags (app->lib));
        }
    }
}
