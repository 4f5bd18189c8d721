/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* floor.c -- the floor of the benchmark: the least a curses program can do
   to show a text file on a terminal.

   It sets the locale, starts curses the usual way, paints one screen of
   the file and waits for keys: 'j' or Down scrolls one line (scrollok,
   idlok and wscrl, so that ncurses may use the terminal's own scrolling),
   'k' or Up scrolls back, Space or Page Down shows the next screen (one
   line kept, as mesokiosk does), 'b' or Page Up the previous one, 'q'
   quits.  Lines are expected to fit the width (the benchmark feeds it
   mesokiosk --dump --width 72); longer ones are cut.

   Usage: floor FILE  */

#define _XOPEN_SOURCE_EXTENDED 1

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char **lines;
static int nlines;

static void
die (const char *msg, const char *arg)
{
  fprintf (stderr, "floor: %s%s\n", msg, arg);
  exit (1);
}

/* Reads FILE into LINES, without the line feeds.  */
static void
floor_read (const char *file)
{
  FILE *f = fopen (file, "r");
  char *buf = NULL;
  size_t cap = 0, len = 0, n;
  int cap_lines = 0;
  char *p;

  if (f == NULL)
    die ("cannot open ", file);
  for (;;)
    {
      if (len + 4096 + 1 > cap)
        {
          cap = (len + 4096 + 1) * 2;
          buf = realloc (buf, cap);
          if (buf == NULL)
            die ("out of memory", "");
        }
      n = fread (buf + len, 1, 4096, f);
      len += n;
      if (n == 0)
        break;
    }
  fclose (f);
  buf[len] = '\0';
  for (p = buf; *p != '\0';)
    {
      char *nl = strchr (p, '\n');

      if (nlines == cap_lines)
        {
          cap_lines = cap_lines ? cap_lines * 2 : 64;
          lines = realloc (lines, (size_t) cap_lines * sizeof *lines);
          if (lines == NULL)
            die ("out of memory", "");
        }
      lines[nlines++] = p;
      if (nl == NULL)
        break;
      *nl = '\0';
      p = nl + 1;
    }
}

/* Writes line I of the text on screen row ROW.  */
static void
floor_line (int row, int i)
{
  move (row, 0);
  clrtoeol ();
  if (i >= 0 && i < nlines)
    addnstr (lines[i], (int) strlen (lines[i]));
}

static void
floor_paint (int top)
{
  for (int row = 0; row < LINES; row++)
    floor_line (row, top + row);
}

static int
floor_max_top (void)
{
  return nlines > LINES ? nlines - LINES : 0;
}

int
main (int argc, char **argv)
{
  int top = 0;

  if (argc != 2)
    die ("usage: floor FILE", "");
  setlocale (LC_ALL, "");
  floor_read (argv[1]);
  initscr ();
  cbreak ();
  noecho ();
  nonl ();
  intrflush (stdscr, FALSE);
  keypad (stdscr, TRUE);
  scrollok (stdscr, TRUE);
  idlok (stdscr, TRUE);
  floor_paint (top);
  refresh ();
  for (;;)
    {
      int c = getch ();
      int page = LINES > 1 ? LINES - 1 : 1;
      int want = top;

      switch (c)
        {
        case 'q':
        case 'Q':
          endwin ();
          return 0;
        case 'j':
        case KEY_DOWN:
          if (top < floor_max_top ())
            {
              top++;
              wscrl (stdscr, 1);
              floor_line (LINES - 1, top + LINES - 1);
              refresh ();
            }
          continue;
        case 'k':
        case KEY_UP:
          if (top > 0)
            {
              top--;
              wscrl (stdscr, -1);
              floor_line (0, top);
              refresh ();
            }
          continue;
        case ' ':
        case KEY_NPAGE:
          want = top + page;
          break;
        case 'b':
        case KEY_PPAGE:
          want = top - page;
          break;
        default:
          continue;             /* ERR (a signal) or another key.  */
        }
      if (want > floor_max_top ())
        want = floor_max_top ();
      if (want < 0)
        want = 0;
      if (want != top)
        {
          top = want;
          floor_paint (top);
          refresh ();
        }
    }
}
