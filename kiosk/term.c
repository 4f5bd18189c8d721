/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* term.c -- the terminal: set up, read, and always restored.  */

#include "system.h"

#include <dlfcn.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "curses_compat.h"
#include "i18n.h"
#include "term.h"
#include "ttyin.h"

/* On the Linux console ncurses connects to gpm for the mouse, and gpm
   keeps a few bytes it never frees: LeakSanitizer is told to look away
   from that one call (tests/valgrind.supp does the same for valgrind).  */
#if defined __SANITIZE_ADDRESS__
# include <sanitizer/lsan_interface.h>
# define term_lsan_disable() __lsan_disable ()
# define term_lsan_enable() __lsan_enable ()
#else
# define term_lsan_disable() ((void) 0)
# define term_lsan_enable() ((void) 0)
#endif

/* Seconds an incomplete escape sequence waits for the rest: a key's
   sequence comes in one write, and even at 9600 baud a byte takes a
   millisecond.  */
#define TERM_ESCAPE_DELAY 0.05

static SCREEN *term_screen;
static struct ttyin *term_in;   /* The input decoder.  */
/* gpm's events, read by term_gpm_fill() and not yet taken.  */
static struct ttyin_event term_gpm[8];
static size_t term_ngpm;
static bool term_gpm_gone;      /* gpm's socket hung up: not polled.  */
static bool term_drag;          /* Button-event tracking is on.  */

static struct ttyin *term_input_new (void);
static struct termios term_saved;
static bool term_have_saved;
/* What to write on a crash: leave the alternate screen, show the cursor,
   reset attributes.  Filled after newterm().  */
static char term_reset[128];
static size_t term_reset_len;

/* A string capability of the terminal, or NULL.  */
static const char *
term_cap (const char *name)
{
  char *s = tigetstr (name);

  return s == NULL || s == (char *) -1 ? NULL : s;
}

/* Adds S to what a crash writes.  */
static void
term_add_reset_text (const char *s)
{
  size_t n = strlen (s);

  if (term_reset_len + n < sizeof term_reset)
    {
      memcpy (term_reset + term_reset_len, s, n);
      term_reset_len += n;
    }
}

static void
term_add_reset (const char *cap)
{
  const char *s = term_cap (cap);

  if (s != NULL)
    term_add_reset_text (s);
}

static void (*volatile term_fatal_hook) (void);

void
term_on_fatal (void (*fn) (void))
{
  term_fatal_hook = fn;
}

/* Async-signal-safe: restores the terminal, then dies of SIG.  */
static void
term_fatal (int sig)
{
  if (term_fatal_hook != NULL)
    term_fatal_hook ();
  if (term_have_saved)
    tcsetattr (STDIN_FILENO, TCSANOW, &term_saved);
  if (term_reset_len > 0)
    {
      ssize_t r = write (STDOUT_FILENO, term_reset, term_reset_len);
      (void) r;
    }
  signal (sig, SIG_DFL);
  raise (sig);
}

static void
term_catch_fatal (void)
{
  static const int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
  struct sigaction sa;

  memset (&sa, 0, sizeof sa);
  sa.sa_handler = term_fatal;
  sigemptyset (&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;
  for (size_t i = 0; i < ARRAY_SIZE (sigs); i++)
    sigaction (sigs[i], &sa, NULL);
}

bool
term_init (bool kiosk, bool force_ascii, bool plain, struct term_info *info,
           const char **err)
{
  const char *name = getenv ("TERM");

  memset (info, 0, sizeof *info);
  if (!isatty (STDIN_FILENO) || !isatty (STDOUT_FILENO))
    {
      *err = _("the kiosk needs a terminal on its standard input and"
               " output");
      return false;
    }
  if (tcgetattr (STDIN_FILENO, &term_saved) == 0)
    term_have_saved = true;
  term_catch_fatal ();
  if (name == NULL || *name == '\0' || strcmp (name, "dumb") == 0)
    name = "vt100";
  term_screen = newterm (name, stdout, stdin);
  if (term_screen == NULL && strcmp (name, "vt100") != 0)
    {
      info->fallback = true;
      name = "vt100";
      term_screen = newterm (name, stdout, stdin);
    }
  if (term_screen == NULL)
    {
      *err = _("cannot set up the terminal (is TERM right?)");
      return false;
    }
  info->name = name;
  term_add_reset ("rmcup");
  term_add_reset ("cnorm");
  term_add_reset ("sgr0");
  if (kiosk)
    raw ();
  else
    cbreak ();
  noecho ();
  nonl ();
  /* The kiosk reads the terminal itself (term_fill()): ncurses would
     wait in read() for the rest of a cut-off mouse report, and cannot
     tell an input it drops from no input nor from a terminal gone.
     keypad() still asks the terminal for its keypad keys (smkx).  */
  keypad (stdscr, TRUE);
  meta (stdscr, TRUE);
  idlok (stdscr, TRUE);
  term_in = term_input_new ();
  /* The cursor shows for screen readers (--plain), on the text being
     read.  Hidden, it is left where curses' output ends: taking it back
     to the text after every frame cost a cursor move (6 bytes of each
     one-line scroll, 1% of a page-down's instructions).  A terminal that
     cannot hide it (vt100) keeps it on the text.  */
  if (plain)
    {
      curs_set (1);
      leaveok (stdscr, FALSE);
    }
  else
    leaveok (stdscr, curs_set (0) != ERR);
  info->colour = has_colors ();
  if (force_ascii || !i18n_utf8 ())
    info->charset = CHARSET_ASCII;
  else if (strncmp (name, "linux", 5) == 0)
    info->charset = CHARSET_LATIN;
  else
    info->charset = CHARSET_UTF8;
  /* ncurses turns the terminal's mouse reporting on and off, whose
     reports come in the terminal's input and are decoded by ttyin.c; on
     the Linux console it connects to gpm, whose events come on gpm's own
     socket (term_gpm_fd()).  term_mouse() keeps the presses, moves and
     releases of the left button (a finger: taps and drags) and the
     wheel.  */
  mouseinterval (0);
  term_lsan_disable ();
  info->mouse = mousemask (ALL_MOUSE_EVENTS & ~REPORT_MOUSE_POSITION,
                           NULL) != 0;
  term_lsan_enable ();
  /* A drag needs the moves while the button is down: xterm's
     button-event tracking (1002), which reports nothing while no button
     is down (no wake-up for a mouse that only hovers).  The Linux
     console's kernel reporting has no such mode: there, the wheel and
     the status line's zones scroll.  */
  term_drag = info->mouse && strncmp (name, "linux", 5) != 0;
  if (term_drag)
    {
      fputs ("\033[?1002h", stdout);
      fflush (stdout);
      term_add_reset_text ("\033[?1002l");
    }
  return true;
}

void
term_done (void)
{
  if (term_screen == NULL)
    return;
  if (term_drag)
    {
      fputs ("\033[?1002l", stdout);
      fflush (stdout);
      term_drag = false;
    }
  endwin ();
  delscreen (term_screen);
  term_screen = NULL;
  ttyin_free (term_in);
  term_in = NULL;
  if (term_have_saved)
    tcsetattr (STDIN_FILENO, TCSANOW, &term_saved);
}

/* The keys of the terminal's description, by terminfo name.  */
static const struct
{
  const char *cap;
  enum input_key key;
} term_keys[] = {
  { "kcuu1", IK_UP }, { "kcud1", IK_DOWN }, { "kcub1", IK_LEFT },
  { "kcuf1", IK_RIGHT }, { "kpp", IK_PAGE_UP }, { "knp", IK_PAGE_DOWN },
  { "khome", IK_HOME }, { "kend", IK_END }, { "kent", IK_ENTER },
  { "kbs", IK_BACKSPACE }, { "kdch1", IK_DELETE }, { "kcbt", IK_BACKTAB },
  { "kf1", IK_F1 }, { "kf2", IK_F2 }, { "kf9", IK_F9 }, { "kf10", IK_F10 },
  /* Speech: F12 (or the speech_key setting: F3, F4, F11), and F5 to F8
     for its rate and volume.  */
  { "kf3", IK_F3 }, { "kf4", IK_F4 }, { "kf5", IK_F5 }, { "kf6", IK_F6 },
  { "kf7", IK_F7 }, { "kf8", IK_F8 }, { "kf11", IK_F11 }, { "kf12", IK_F12 },
  { "ka1", IK_HOME }, { "kc1", IK_END }, { "ka3", IK_PAGE_UP },
  { "kc3", IK_PAGE_DOWN }, { "kfnd", IK_HOME }, { "kslt", IK_END },
};

static struct ttyin *
term_input_new (void)
{
  struct ttyin *in = ttyin_new (i18n_utf8 (), TERM_ESCAPE_DELAY);

  for (size_t i = 0; i < ARRAY_SIZE (term_keys); i++)
    ttyin_add_key (in, term_cap (term_keys[i].cap), term_keys[i].key);
  for (int f = 2; f <= 63; f++)
    {
      char name[8];

      snprintf (name, sizeof name, "kf%d", f);
      ttyin_add_key (in, term_cap (name), IK_FKEY);
    }
  ttyin_add_defaults (in);
  return in;
}

enum term_input
term_fill (double now)
{
  unsigned char buf[TTYIN_BUFFER];
  size_t room = term_in != NULL ? ttyin_room (term_in) : 0;
  struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
  ssize_t r;

  if (room == 0)
    return TERM_INPUT_OK;
  /* One read() of what is there, never one that waits: poll() said
     there is input, and it says so again here (it costs little).  */
  if (poll (&p, 1, 0) <= 0)
    return TERM_INPUT_OK;
  if (!(p.revents & POLLIN))
    return p.revents & (POLLHUP | POLLERR | POLLNVAL) ? TERM_INPUT_GONE
                                                      : TERM_INPUT_OK;
  r = read (STDIN_FILENO, buf, room);
  if (r > 0)
    {
      ttyin_feed (term_in, buf, (size_t) r, now);
      return TERM_INPUT_OK;
    }
  if (r < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
    return TERM_INPUT_OK;
  /* End of file (a hang-up), or an error such as EIO: the terminal says
     it is gone.  */
  return TERM_INPUT_GONE;
}

int
term_input_timeout (double now)
{
  return term_in != NULL ? ttyin_timeout (term_in, now) : -1;
}

/* The mouse events the kiosk uses: a press of the left button, the
   wheel up and down, on the screen.  Everything else (releases, other
   buttons, motion, the wheel sideways) is nothing.  */
static bool
term_mouse (const struct ttyin_event *in, struct term_event *ev)
{
  ev->kind = TEV_MOUSE;
  /* A drag may leave the screen: it is kept at its edge.  */
  ev->y = in->y < 0 ? 0 : in->y >= LINES ? LINES - 1 : in->y;
  ev->x = in->x < 0 ? 0 : in->x >= COLS ? COLS - 1 : in->x;
  if (in->release)
    {
      /* Of the left button, or of one unknown (X10); the others' come to
         nothing (kiosk/gesture.c has no press for them).  */
      if ((in->button & 3) != TTYIN_BUTTON_LEFT
          && (in->button & 3) != TTYIN_BUTTON_NONE)
        return false;
      ev->button = TB_RELEASE;
      return true;
    }
  if (in->button == (TTYIN_BUTTON_LEFT | TTYIN_MOTION))
    {
      ev->button = TB_DRAG;
      return true;
    }
  if (in->y < 0 || in->x < 0 || in->y >= LINES || in->x >= COLS)
    return false;
  if (in->button == TTYIN_WHEEL)
    ev->button = TB_WHEEL_UP;
  else if (in->button == TTYIN_WHEEL + 1)
    ev->button = TB_WHEEL_DOWN;
  else if (in->button == TTYIN_BUTTON_LEFT)
    ev->button = TB_PRESS;
  else
    return false;
  return true;
}

bool
term_read (struct term_event *ev, double now)
{
  struct ttyin_event in;

  if (term_in == NULL)
    return false;
  while (term_ngpm > 0)
    {
      in = term_gpm[0];
      memmove (term_gpm, term_gpm + 1, --term_ngpm * sizeof *term_gpm);
      memset (ev, 0, sizeof *ev);
      if (term_mouse (&in, ev))
        return true;
    }
  while (ttyin_next (term_in, now, &in))
    {
      memset (ev, 0, sizeof *ev);
      if (in.kind == TTYIN_MOUSE)
        {
          if (term_mouse (&in, ev))
            return true;
          continue;
        }
      ev->kind = TEV_KEY;
      ev->in = in.in;
      return true;
    }
  return false;
}

/* The socket of gpm's events when ncurses is gpm's client (the Linux
   console with gpm running), or -1.  ncurses loads libgpm itself and has
   no call that gives its socket: libgpm's own gpm_fd says it.  */
int
term_gpm_fd (void)
{
  void *h;
  int *fd, r = -1;

  if (term_screen == NULL || term_gpm_gone)
    return -1;
  h = dlopen ("libgpm.so.2", RTLD_LAZY | RTLD_NOLOAD);
  if (h == NULL)
    return -1;
  fd = dlsym (h, "gpm_fd");
  if (fd != NULL)
    r = *fd;
  dlclose (h);
  /* -2: gpm's "xterm mode", where the reports are in the input.  */
  return r >= 0 ? r : -1;
}

void
term_gpm_drop (void)
{
  /* ncurses drops the mouse then too, and never connects again.  */
  term_gpm_gone = true;
}

void
term_gpm_fill (double now)
{
  MEVENT me;
  wint_t wc;
  int r;
  struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

  /* Only when the terminal has nothing to read (the loop read it just
     before): then ncurses, waking for gpm's socket, reads one gpm event
     and not the terminal.  */
  if (poll (&p, 1, 0) != 0)
    return;
  r = wget_wch (stdscr, &wc);
  if (r == OK && term_in != NULL)
    {
      /* A character came after all: it goes back where it belongs.  */
      char buf[8];
      size_t n = 0;
      uint32_t c = (uint32_t) wc;

      if (c < 0x80)
        buf[n++] = (char) c;
      else if (c < 0x800)
        {
          buf[n++] = (char) (0xC0 | (c >> 6));
          buf[n++] = (char) (0x80 | (c & 0x3F));
        }
      else if (c < 0x10000)
        {
          buf[n++] = (char) (0xE0 | (c >> 12));
          buf[n++] = (char) (0x80 | ((c >> 6) & 0x3F));
          buf[n++] = (char) (0x80 | (c & 0x3F));
        }
      else
        {
          buf[n++] = (char) (0xF0 | (c >> 18));
          buf[n++] = (char) (0x80 | ((c >> 12) & 0x3F));
          buf[n++] = (char) (0x80 | ((c >> 6) & 0x3F));
          buf[n++] = (char) (0x80 | (c & 0x3F));
        }
      if (n <= ttyin_room (term_in))
        ttyin_feed (term_in, buf, n, now);
      return;
    }
  if (r != KEY_CODE_YES || wc != KEY_MOUSE)
    return;
  while (getmouse (&me) == OK && term_ngpm < ARRAY_SIZE (term_gpm))
    {
      struct ttyin_event *e = &term_gpm[term_ngpm];

      memset (e, 0, sizeof *e);
      e->kind = TTYIN_MOUSE;
      e->y = me.y;
      e->x = me.x;
      if (me.bstate & BUTTON4_PRESSED)
        e->button = TTYIN_WHEEL;
      else if (me.bstate & BUTTON5_PRESSED)
        e->button = TTYIN_WHEEL + 1;
      else if (me.bstate & BUTTON1_PRESSED)
        e->button = TTYIN_BUTTON_LEFT;
      else if (me.bstate & BUTTON2_PRESSED)
        e->button = TTYIN_BUTTON_MIDDLE;
      else if (me.bstate & BUTTON3_PRESSED)
        e->button = TTYIN_BUTTON_RIGHT;
      else
        {
          e->button = TTYIN_BUTTON_NONE;
          e->release = true;
        }
      term_ngpm++;
      /* ncurses keeps one event for each KEY_MOUSE.  */
      break;
    }
}

bool
term_resize (struct term_event *ev)
{
  struct winsize ws;

  if (term_screen == NULL || ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) != 0
      || ws.ws_row == 0 || ws.ws_col == 0
      || (ws.ws_row == LINES && ws.ws_col == COLS))
    return false;
  resize_term (ws.ws_row, ws.ws_col);
  /* What the terminal shows after a resize is not known: draw it all.  */
  clearok (curscr, TRUE);
  memset (ev, 0, sizeof *ev);
  ev->kind = TEV_RESIZE;
  return true;
}
