/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* test-ttyin.c -- terminal input decoded: characters, keys, mouse
   reports, and incomplete sequences that time out into plain keys.  */

#include "system.h"

#include <locale.h>

#include "ttyin.h"
#include "unit.h"

static struct ttyin *
make (void)
{
  struct ttyin *t = ttyin_new (true, 0.05);

  ttyin_add_key (t, "\x1bOA", IK_UP);           /* As terminfo says.  */
  ttyin_add_defaults (t);
  return t;
}

static void
feed (struct ttyin *t, const char *s, size_t n, double now)
{
  CHECK (n <= ttyin_room (t));
  ttyin_feed (t, s, n, now);
}

#define FEED(t, lit, now) feed ((t), (lit), sizeof (lit) - 1, (now))

/* The next event at NOW must be the key KEY (and CH for IK_CHAR).  */
static bool
next_key (struct ttyin *t, double now, enum input_key key, uint32_t ch)
{
  struct ttyin_event ev;

  if (!ttyin_next (t, now, &ev))
    return false;
  return ev.kind == TTYIN_KEY && ev.in.key == key
         && (key != IK_CHAR || ev.in.ch == ch);
}

static void
test_chars (void)
{
  struct ttyin *t = make ();
  struct ttyin_event ev;

  FEED (t, "a\xC3\xA9\r\t\x7f\x0b", 1.0);
  CHECK (next_key (t, 1.0, IK_CHAR, 'a'));
  CHECK (next_key (t, 1.0, IK_CHAR, 0xE9));
  CHECK (next_key (t, 1.0, IK_ENTER, 0));
  CHECK (next_key (t, 1.0, IK_TAB, 0));
  CHECK (next_key (t, 1.0, IK_BACKSPACE, 0));
  CHECK (next_key (t, 1.0, IK_CHAR, 0x0b));     /* Ctrl-K.  */
  CHECK (!ttyin_next (t, 1.0, &ev));
  CHECK_INT (ttyin_timeout (t, 1.0), -1);
  /* A lone Latin-1 byte under UTF-8 is dropped, with nothing waiting.  */
  FEED (t, "\xE9x", 2.0);
  CHECK (next_key (t, 2.0, IK_CHAR, 'x'));
  CHECK (!ttyin_next (t, 2.0, &ev));
  /* Half a character waits for its other half...  */
  FEED (t, "\xE2\x82", 3.0);
  CHECK (!ttyin_next (t, 3.0, &ev));
  CHECK (ttyin_timeout (t, 3.0) > 0);
  FEED (t, "\xAC", 3.01);
  CHECK (next_key (t, 3.01, IK_CHAR, 0x20AC));
  /* ... but not for ever.  */
  FEED (t, "\xE2\x82", 4.0);
  CHECK (!ttyin_next (t, 4.01, &ev));
  CHECK (!ttyin_next (t, 4.06, &ev));
  CHECK_INT (ttyin_timeout (t, 4.06), -1);
  ttyin_free (t);
}

static void
test_keys (void)
{
  struct ttyin *t = make ();
  struct ttyin_event ev;

  FEED (t, "\x1bOA\x1b[B\x1b[5~\x1b[Z\x1bOP\x1b[[A\x1b[25~\x1b[1;5A", 1.0);
  CHECK (next_key (t, 1.0, IK_UP, 0));
  CHECK (next_key (t, 1.0, IK_DOWN, 0));
  CHECK (next_key (t, 1.0, IK_PAGE_UP, 0));
  CHECK (next_key (t, 1.0, IK_BACKTAB, 0));
  CHECK (next_key (t, 1.0, IK_F1, 0));
  CHECK (next_key (t, 1.0, IK_F1, 0));          /* The Linux console.  */
  CHECK (next_key (t, 1.0, IK_OTHER, 0));       /* Unknown: swallowed.  */
  CHECK (next_key (t, 1.0, IK_OTHER, 0));
  CHECK (!ttyin_next (t, 1.0, &ev));
  /* Alt-x, Escape Escape, a title report: nothing typed.  */
  FEED (t, "\x1bx\x1b\x1b]0;pwned\x07q", 2.0);
  CHECK (next_key (t, 2.0, IK_OTHER, 0));
  CHECK (next_key (t, 2.0, IK_ESCAPE, 0));
  CHECK (next_key (t, 2.0, IK_OTHER, 0));
  CHECK (next_key (t, 2.0, IK_CHAR, 'q'));
  /* A sequence that comes in two reads is one key.  */
  FEED (t, "\x1b[", 3.0);
  CHECK (!ttyin_next (t, 3.0, &ev));
  FEED (t, "6~", 3.02);
  CHECK (next_key (t, 3.02, IK_PAGE_DOWN, 0));
  ttyin_free (t);
}

static void
test_escape_times_out (void)
{
  struct ttyin *t = make ();
  struct ttyin_event ev;

  /* Escape alone: within the delay it may start a sequence.  */
  FEED (t, "\x1b", 1.0);
  CHECK (!ttyin_next (t, 1.0, &ev));
  CHECK (ttyin_timeout (t, 1.0) > 0);
  CHECK (ttyin_timeout (t, 1.0) <= 51);
  CHECK_INT (ttyin_timeout (t, 1.06), 0);
  CHECK (next_key (t, 1.06, IK_ESCAPE, 0));
  CHECK_INT (ttyin_timeout (t, 1.06), -1);
  /* Alt-[ then M (or the Linux console's Macro key): the start of an
     X10 mouse report.  It never gets its three bytes: plain keys.  */
  FEED (t, "\x1b[M", 2.0);
  CHECK (!ttyin_next (t, 2.01, &ev));
  CHECK (next_key (t, 2.06, IK_ESCAPE, 0));
  CHECK (next_key (t, 2.06, IK_CHAR, '['));
  CHECK (next_key (t, 2.06, IK_CHAR, 'M'));
  CHECK (!ttyin_next (t, 2.06, &ev));
  /* One and two bytes of the three.  */
  FEED (t, "\x1b[M#", 3.0);
  CHECK (!ttyin_next (t, 3.0, &ev));
  CHECK (next_key (t, 3.1, IK_ESCAPE, 0));
  CHECK (next_key (t, 3.1, IK_CHAR, '['));
  CHECK (next_key (t, 3.1, IK_CHAR, 'M'));
  CHECK (next_key (t, 3.1, IK_CHAR, '#'));
  FEED (t, "\x1b[M#!", 4.0);
  CHECK (!ttyin_next (t, 4.0, &ev));
  CHECK (next_key (t, 4.1, IK_ESCAPE, 0));
  ttyin_clear (t);
  /* An SGR report with no final byte.  */
  FEED (t, "\x1b[<0;10;5", 5.0);
  CHECK (!ttyin_next (t, 5.0, &ev));
  CHECK (next_key (t, 5.1, IK_ESCAPE, 0));
  CHECK (next_key (t, 5.1, IK_CHAR, '['));
  ttyin_clear (t);
  /* A report cut off by the next one: the next one is whole.  */
  FEED (t, "\x1b[M#\x1b[M \x2a\x25", 6.0);
  CHECK (next_key (t, 6.0, IK_ESCAPE, 0));
  CHECK (next_key (t, 6.0, IK_CHAR, '['));
  CHECK (next_key (t, 6.0, IK_CHAR, 'M'));
  CHECK (next_key (t, 6.0, IK_CHAR, '#'));
  CHECK (ttyin_next (t, 6.0, &ev));
  CHECK (ev.kind == TTYIN_MOUSE && ev.button == 0 && !ev.release
         && ev.x == 9 && ev.y == 4);
  /* A sequence that never ends is cut at TTYIN_SEQ_MAX bytes.  */
  {
    char many[TTYIN_SEQ_MAX + 8];

    memset (many, '9', sizeof many);
    many[0] = '\x1b';
    many[1] = '[';
    feed (t, many, sizeof many, 7.0);
    CHECK (next_key (t, 7.0, IK_ESCAPE, 0));
    ttyin_clear (t);
  }
  ttyin_free (t);
}

static void
test_mouse (void)
{
  struct ttyin *t = make ();
  struct ttyin_event ev;

  /* X10: left press at column 10, row 5, then the release.  */
  FEED (t, "\x1b[M \x2a\x25\x1b[M#\x2a\x25", 1.0);
  CHECK (ttyin_next (t, 1.0, &ev));
  CHECK (ev.kind == TTYIN_MOUSE && ev.button == TTYIN_BUTTON_LEFT
         && !ev.release && ev.x == 9 && ev.y == 4);
  CHECK (ttyin_next (t, 1.0, &ev));
  CHECK (ev.kind == TTYIN_MOUSE && ev.release);
  /* Right, middle, wheel down, shift-click (modifier dropped); bytes past
     127 are coordinates, not UTF-8.  */
  FEED (t, "\x1b[M\x22\xF0\xF0\x1b[M\x21!!\x1b[Ma!!\x1b[M$!!", 2.0);
  CHECK (ttyin_next (t, 2.0, &ev));
  CHECK (ev.button == TTYIN_BUTTON_RIGHT && ev.x == 207 && ev.y == 207);
  CHECK (ttyin_next (t, 2.0, &ev));
  CHECK (ev.button == TTYIN_BUTTON_MIDDLE && !ev.release);
  CHECK (ttyin_next (t, 2.0, &ev));
  CHECK (ev.button == TTYIN_WHEEL + 1 && !ev.release);
  CHECK (ttyin_next (t, 2.0, &ev));
  CHECK (ev.button == TTYIN_BUTTON_LEFT && !ev.release);
  /* SGR: press and release, huge coordinates, a malformed one.  */
  FEED (t, "\x1b[<0;12;3M\x1b[<0;12;3m\x1b[<2;900;300M\x1b[<65;1;1M"
           "\x1b[<1;;1M", 3.0);
  CHECK (ttyin_next (t, 3.0, &ev));
  CHECK (ev.kind == TTYIN_MOUSE && ev.button == 0 && !ev.release
         && ev.x == 11 && ev.y == 2);
  CHECK (ttyin_next (t, 3.0, &ev));
  CHECK (ev.kind == TTYIN_MOUSE && ev.release);
  CHECK (ttyin_next (t, 3.0, &ev));
  CHECK (ev.button == TTYIN_BUTTON_RIGHT && ev.x == 899 && ev.y == 299);
  CHECK (ttyin_next (t, 3.0, &ev));
  CHECK (ev.button == TTYIN_WHEEL + 1);
  CHECK (next_key (t, 3.0, IK_OTHER, 0));
  CHECK (!ttyin_next (t, 3.0, &ev));
  ttyin_free (t);
}

static void
test_table (void)
{
  struct ttyin *t = ttyin_new (true, 0.05);
  char seq[TTYIN_SEQ_MAX + 2];

  CHECK (!ttyin_add_key (t, "\x0b", IK_UP));    /* Not an escape.  */
  CHECK (!ttyin_add_key (t, NULL, IK_UP));
  memset (seq, 'x', sizeof seq - 1);
  seq[0] = '\x1b';
  seq[sizeof seq - 1] = '\0';
  CHECK (!ttyin_add_key (t, seq, IK_UP));
  CHECK (ttyin_add_key (t, "\x1b[A", IK_DOWN));
  CHECK (ttyin_add_key (t, "\x1b[A", IK_UP));   /* The first stays.  */
  ttyin_feed (t, "\x1b[A", 3, 1.0);
  CHECK (next_key (t, 1.0, IK_DOWN, 0));
  ttyin_free (t);
}

static void
test_locale_charset (void)
{
  struct ttyin *t;
  struct ttyin_event ev;

  /* Outside UTF-8 (LANG=C): what the terminal sends in UTF-8 is read
     as UTF-8 (the 'é' of "hématome", and the rest of the word)...  */
  setlocale (LC_CTYPE, "C");
  t = ttyin_new (false, 0.05);
  ttyin_feed (t, "h\xC3\xA9m", 4, 1.0);
  CHECK (next_key (t, 1.0, IK_CHAR, 'h'));
  CHECK (next_key (t, 1.0, IK_CHAR, 0xE9));
  CHECK (next_key (t, 1.0, IK_CHAR, 'm'));
  CHECK (!ttyin_next (t, 1.0, &ev));
  /* ... and a byte that is no UTF-8 as Latin-1 (a serial terminal).  */
  ttyin_feed (t, "a\xE9z", 3, 2.0);
  CHECK (next_key (t, 2.0, IK_CHAR, 'a'));
  CHECK (next_key (t, 2.0, IK_CHAR, 0xE9));
  CHECK (next_key (t, 2.0, IK_CHAR, 'z'));
  CHECK (!ttyin_next (t, 2.0, &ev));
  ttyin_free (t);
}

static void
test_room (void)
{
  struct ttyin *t = make ();
  char big[TTYIN_BUFFER];
  struct ttyin_event ev;
  size_t n = 0;

  memset (big, 'a', sizeof big);
  feed (t, big, sizeof big, 1.0);
  CHECK_INT (ttyin_room (t), 0);
  CHECK (ttyin_next (t, 1.0, &ev));
  CHECK_INT (ttyin_room (t), 1);
  feed (t, "b", 1, 1.0);
  while (ttyin_next (t, 1.0, &ev))
    n++;
  CHECK_INT (n, TTYIN_BUFFER);
  CHECK (ev.in.ch == 'b');
  ttyin_free (t);
}

int
main (void)
{
  RUN (test_chars);
  RUN (test_keys);
  RUN (test_escape_times_out);
  RUN (test_mouse);
  RUN (test_table);
  RUN (test_locale_charset);
  RUN (test_room);
  return unit_done ();
}
