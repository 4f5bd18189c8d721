/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* term.c -- the terminal: set up, read, and always restored.  */

#include "system.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "curses_compat.h"
#include "i18n.h"
#include "term.h"

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

static SCREEN *term_screen;
static struct termios term_saved;
static bool term_have_saved;
/* What to write on a crash: leave the alternate screen, show the cursor,
   reset attributes.  Filled after newterm().  */
static char term_reset[128];
static size_t term_reset_len;

static void
term_add_reset (const char *cap)
{
  char *s = tigetstr (cap);
  size_t n;

  if (s == NULL || s == (char *) -1)
    return;
  n = strlen (s);
  if (term_reset_len + n < sizeof term_reset)
    {
      memcpy (term_reset + term_reset_len, s, n);
      term_reset_len += n;
    }
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
  intrflush (stdscr, FALSE);
  keypad (stdscr, TRUE);
  nodelay (stdscr, TRUE);
  meta (stdscr, TRUE);
  idlok (stdscr, TRUE);
  set_escdelay (50);
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
  mouseinterval (0);
  /* Every button event is asked for, and term_mouse() drops those the
     kiosk does not use (releases, the middle and right buttons, the
     sideways wheel): when an event is not in the mask, ncurses reads on
     for the next key and blocks, nodelay or not, which would stop the
     idle timer and the signals until the next key.  */
  term_lsan_disable ();
  info->mouse = mousemask (ALL_MOUSE_EVENTS & ~REPORT_MOUSE_POSITION,
                           NULL) != 0;
  term_lsan_enable ();
  return true;
}

void
term_done (void)
{
  if (term_screen == NULL)
    return;
  endwin ();
  delscreen (term_screen);
  term_screen = NULL;
  if (term_have_saved)
    tcsetattr (STDIN_FILENO, TCSANOW, &term_saved);
}

static const struct
{
  int code;
  enum input_key key;
} term_keys[] = {
  { KEY_UP, IK_UP }, { KEY_DOWN, IK_DOWN }, { KEY_LEFT, IK_LEFT },
  { KEY_RIGHT, IK_RIGHT }, { KEY_PPAGE, IK_PAGE_UP },
  { KEY_NPAGE, IK_PAGE_DOWN }, { KEY_HOME, IK_HOME }, { KEY_END, IK_END },
  { KEY_ENTER, IK_ENTER }, { KEY_BACKSPACE, IK_BACKSPACE },
  { KEY_DC, IK_DELETE }, { KEY_BTAB, IK_BACKTAB }, { KEY_F (1), IK_F1 },
  { KEY_F (2), IK_F2 }, { KEY_F (9), IK_F9 }, { KEY_F (10), IK_F10 },
  /* Speech: F12 (or the speech_key setting: F3, F4, F11), and F5 to F8
     for its rate and volume.  */
  { KEY_F (3), IK_F3 }, { KEY_F (4), IK_F4 }, { KEY_F (5), IK_F5 },
  { KEY_F (6), IK_F6 }, { KEY_F (7), IK_F7 }, { KEY_F (8), IK_F8 },
  { KEY_F (11), IK_F11 }, { KEY_F (12), IK_F12 },
  { KEY_A1, IK_HOME }, { KEY_C1, IK_END }, { KEY_A3, IK_PAGE_UP },
  { KEY_C3, IK_PAGE_DOWN }, { KEY_FIND, IK_HOME }, { KEY_SELECT, IK_END },
};

static bool
term_mouse (struct term_event *ev)
{
  MEVENT me;

  if (getmouse (&me) != OK)
    return false;
  ev->kind = TEV_MOUSE;
  ev->y = me.y;
  ev->x = me.x;
  if (me.bstate & BUTTON4_PRESSED)
    ev->button = TB_WHEEL_UP;
  else if (me.bstate & BUTTON5_PRESSED)
    ev->button = TB_WHEEL_DOWN;
  else if (me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
    ev->button = TB_CLICK;
  else
    return false;
  return true;
}

/* After an ESC that curses did not decode: the Escape key alone, or the
   rest of a sequence this terminal type does not know (a function key of
   another terminal, a paste), which is swallowed whole.  */
static enum input_key
term_escape (void)
{
  wint_t wc;
  int r = wget_wch (stdscr, &wc);
  int n = 0;

  if (r == ERR)
    return IK_ESCAPE;
  if (r == KEY_CODE_YES || wc == 0x1b)
    {
      /* Escape, then a key of its own: keep that key for next time.  */
      if (r == KEY_CODE_YES)
        ungetch ((int) wc);
      else
        unget_wch ((wchar_t) wc);
      return IK_ESCAPE;
    }
  if (r == OK && (wc == '[' || wc == 'O' || wc == ']' || wc == 'P'))
    {
      /* CSI, SS3, OSC or DCS: up to the final byte (or BEL / ST).  */
      bool string = wc == ']' || wc == 'P';
      bool ss3 = wc == 'O';

      while (n++ < 64 && (r = wget_wch (stdscr, &wc)) != ERR)
        {
          if (r != OK)
            break;
          if (ss3 || (!string && wc >= 0x40 && wc <= 0x7e)
              || (string && (wc == 0x07 || wc == '\\')))
            break;
        }
    }
  return IK_OTHER;
}

bool
term_read (struct term_event *ev)
{
  wint_t wc;
  int r;

  for (;;)
    {
      memset (ev, 0, sizeof *ev);
      r = wget_wch (stdscr, &wc);
      if (r == ERR)
        return false;
      if (r == OK)
        {
          ev->kind = TEV_KEY;
          switch (wc)
            {
            case '\t':
              ev->in.key = IK_TAB;
              break;
            case '\r':
            case '\n':
              ev->in.key = IK_ENTER;
              break;
            case 0x1b:
              ev->in.key = term_escape ();
              break;
            case 0x7f:
            case 0x08:
              ev->in.key = IK_BACKSPACE;
              break;
            default:
              ev->in.key = IK_CHAR;
              ev->in.ch = (uint32_t) wc;
              break;
            }
          return true;
        }
      /* KEY_CODE_YES: a function key.  */
      if (wc == KEY_RESIZE)
        {
          ev->kind = TEV_RESIZE;
          return true;
        }
      if (wc == KEY_MOUSE)
        {
          if (term_mouse (ev))
            return true;
          continue;
        }
      ev->kind = TEV_KEY;
      ev->in.key = (wc >= KEY_F0 && wc <= KEY_F (63)) ? IK_FKEY : IK_OTHER;
      for (size_t i = 0; i < ARRAY_SIZE (term_keys); i++)
        if (term_keys[i].code == (int) wc)
          ev->in.key = term_keys[i].key;
      return true;
    }
}
