/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* ttyin.c -- the bytes a terminal sends, decoded into keys and taps.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unistr.h>

#include "ttyin.h"
#include "xalloc.h"

struct ttyin_key
{
  unsigned char len;
  unsigned char seq[TTYIN_SEQ_MAX];
  enum input_key key;
};

struct ttyin
{
  bool utf8;
  double delay;
  unsigned char buf[TTYIN_BUFFER];
  size_t start, end;            /* The bytes held: BUF[START..END).  */
  double last;                  /* When the last bytes came.  */
  struct ttyin_key keys[TTYIN_MAX_KEYS];
  size_t nkeys;
};

/* What decoding the bytes at the head gave.  */
enum ttyin_result
{
  TTYIN_EVENT,                  /* An event, of USED bytes.  */
  TTYIN_DROP,                   /* USED bytes that mean nothing.  */
  TTYIN_MORE                    /* Incomplete: wait for more, or take
                                   the fallback (event or drop) when the
                                   delay is over.  */
};

struct ttyin_decoded
{
  enum ttyin_result result;
  enum ttyin_result fallback;   /* For TTYIN_MORE.  */
  size_t used;
  struct ttyin_event ev;
};

struct ttyin *
ttyin_new (bool utf8, double delay)
{
  struct ttyin *t = xcalloc (1, sizeof *t);

  t->utf8 = utf8;
  t->delay = delay;
  return t;
}

void
ttyin_free (struct ttyin *t)
{
  free (t);
}

bool
ttyin_add_key (struct ttyin *t, const char *seq, enum input_key key)
{
  size_t n = seq != NULL ? strlen (seq) : 0;

  /* Only escape sequences: a terminal whose Up key is a plain control
     character would take that character from the kiosk's own keys.  */
  if (n < 2 || n > TTYIN_SEQ_MAX || seq[0] != '\x1b')
    return false;
  for (size_t i = 0; i < t->nkeys; i++)
    if (t->keys[i].len == n && memcmp (t->keys[i].seq, seq, n) == 0)
      return true;
  if (t->nkeys == TTYIN_MAX_KEYS)
    return false;
  t->keys[t->nkeys].len = (unsigned char) n;
  memcpy (t->keys[t->nkeys].seq, seq, n);
  t->keys[t->nkeys].key = key;
  t->nkeys++;
  return true;
}

void
ttyin_add_defaults (struct ttyin *t)
{
  /* xterm in both cursor modes, the Linux console, vt100/vt220, screen,
     tmux and rxvt: what they send for the keys the kiosk uses.  */
  static const struct
  {
    const char *seq;
    enum input_key key;
  } defaults[] = {
    { "\x1b[A", IK_UP }, { "\x1b[B", IK_DOWN }, { "\x1b[C", IK_RIGHT },
    { "\x1b[D", IK_LEFT }, { "\x1bOA", IK_UP }, { "\x1bOB", IK_DOWN },
    { "\x1bOC", IK_RIGHT }, { "\x1bOD", IK_LEFT },
    { "\x1b[H", IK_HOME }, { "\x1b[F", IK_END }, { "\x1bOH", IK_HOME },
    { "\x1bOF", IK_END }, { "\x1b[1~", IK_HOME }, { "\x1b[7~", IK_HOME },
    { "\x1b[4~", IK_END }, { "\x1b[8~", IK_END },
    { "\x1b[5~", IK_PAGE_UP }, { "\x1b[6~", IK_PAGE_DOWN },
    { "\x1b[3~", IK_DELETE }, { "\x1b[Z", IK_BACKTAB },
    { "\x1bOM", IK_ENTER },
    { "\x1bOP", IK_F1 }, { "\x1b[11~", IK_F1 }, { "\x1b[[A", IK_F1 },
    { "\x1bOQ", IK_F2 }, { "\x1b[12~", IK_F2 }, { "\x1b[[B", IK_F2 },
    { "\x1bOR", IK_F3 }, { "\x1b[13~", IK_F3 }, { "\x1b[[C", IK_F3 },
    { "\x1bOS", IK_F4 }, { "\x1b[14~", IK_F4 }, { "\x1b[[D", IK_F4 },
    { "\x1b[15~", IK_F5 }, { "\x1b[[E", IK_F5 }, { "\x1b[17~", IK_F6 },
    { "\x1b[18~", IK_F7 }, { "\x1b[19~", IK_F8 }, { "\x1b[20~", IK_F9 },
    { "\x1b[21~", IK_F10 }, { "\x1b[23~", IK_F11 }, { "\x1b[24~", IK_F12 },
  };

  for (size_t i = 0; i < ARRAY_SIZE (defaults); i++)
    ttyin_add_key (t, defaults[i].seq, defaults[i].key);
}

size_t
ttyin_room (const struct ttyin *t)
{
  return TTYIN_BUFFER - (t->end - t->start);
}

void
ttyin_feed (struct ttyin *t, const void *buf, size_t n, double now)
{
  if (n > ttyin_room (t))
    n = ttyin_room (t);
  if (n == 0)
    return;
  if (t->start > 0)
    {
      memmove (t->buf, t->buf + t->start, t->end - t->start);
      t->end -= t->start;
      t->start = 0;
    }
  memcpy (t->buf + t->end, buf, n);
  t->end += n;
  t->last = now;
}

void
ttyin_clear (struct ttyin *t)
{
  t->start = t->end = 0;
}

static void
ttyin_key (struct ttyin_decoded *d, enum input_key key, size_t used)
{
  d->result = TTYIN_EVENT;
  d->used = used;
  d->ev.kind = TTYIN_KEY;
  d->ev.in.key = key;
  d->ev.in.ch = 0;
}

/* Incomplete: wait, and at the end of the delay take the Escape key
   alone (the bytes after it are then read as they are).  */
static void
ttyin_more (struct ttyin_decoded *d)
{
  ttyin_key (d, IK_ESCAPE, 1);
  d->fallback = TTYIN_EVENT;
  d->result = TTYIN_MORE;
}

/* A character: the kiosk's keys are characters, but for these.  */
static void
ttyin_char (struct ttyin_decoded *d, uint32_t ch, size_t used)
{
  switch (ch)
    {
    case '\t':
      ttyin_key (d, IK_TAB, used);
      return;
    case '\r':
    case '\n':
      ttyin_key (d, IK_ENTER, used);
      return;
    case 0x7f:
    case 0x08:
      ttyin_key (d, IK_BACKSPACE, used);
      return;
    default:
      ttyin_key (d, IK_CHAR, used);
      d->ev.in.ch = ch;
      return;
    }
}

/* A mouse report: button code CB (modifiers dropped), 1-based X, Y.  */
static void
ttyin_mouse (struct ttyin_decoded *d, unsigned cb, bool release, long x,
             long y, size_t used)
{
  d->result = TTYIN_EVENT;
  d->used = used;
  d->ev.kind = TTYIN_MOUSE;
  d->ev.button = cb & ~(unsigned) (4 | 8 | 16);
  d->ev.release = release
                  || ((d->ev.button & 3) == TTYIN_BUTTON_NONE
                      && !(d->ev.button & (TTYIN_WHEEL | TTYIN_EXTRA)));
  d->ev.x = (int) x - 1;
  d->ev.y = (int) y - 1;
}

/* Reads a decimal number of at most 6 digits from S[*I..N), up to the
   byte STOP; returns -1 if there is none.  */
static long
ttyin_number (const unsigned char *s, size_t n, size_t *i, unsigned char stop)
{
  long v = 0;
  size_t digits = 0;

  while (*i < n && s[*i] >= '0' && s[*i] <= '9')
    {
      if (digits++ < 6)
        v = v * 10 + (s[*i] - '0');
      (*i)++;
    }
  if (digits == 0 || *i >= n || s[*i] != stop)
    return -1;
  (*i)++;
  return v;
}

/* ESC [ < B ; X ; Y (M | m), the whole LEN bytes at S.  */
static void
ttyin_sgr (struct ttyin_decoded *d, const unsigned char *s, size_t len)
{
  size_t i = 3;
  long b = ttyin_number (s, len - 1, &i, ';');
  long x = b >= 0 ? ttyin_number (s, len - 1, &i, ';') : -1;
  long y;

  if (x < 0)
    {
      ttyin_key (d, IK_OTHER, len);
      return;
    }
  /* The last number ends at the final byte.  */
  y = ttyin_number (s, len, &i, s[len - 1]);
  if (y < 0 || i != len || b > 255)
    {
      ttyin_key (d, IK_OTHER, len);
      return;
    }
  ttyin_mouse (d, (unsigned) b, s[len - 1] == 'm', x, y, len);
}

/* The bytes after ESC [.  */
static void
ttyin_csi (struct ttyin_decoded *d, const unsigned char *s, size_t n)
{
  size_t i;

  if (n < 3)
    {
      ttyin_more (d);
      return;
    }
  if (s[2] == 'M')
    {
      /* X10: three bytes of 32 and more follow, not a final byte.  */
      for (i = 3; i < n && i < 6; i++)
        if (s[i] < 0x20)
          {
            /* Cut off by a control (another report's ESC).  */
            ttyin_key (d, IK_ESCAPE, 1);
            return;
          }
      if (n < 6)
        {
          ttyin_more (d);
          return;
        }
      ttyin_mouse (d, (unsigned) s[3] - 32, false, (long) s[4] - 32,
                   (long) s[5] - 32, 6);
      return;
    }
  for (i = 2; i < n && i < TTYIN_SEQ_MAX; i++)
    {
      unsigned char b = s[i];

      if (b >= 0x40 && b <= 0x7e)
        {
          if (s[2] == '<' && (b == 'M' || b == 'm'))
            ttyin_sgr (d, s, i + 1);
          else
            /* A key of another terminal: swallowed whole.  */
            ttyin_key (d, IK_OTHER, i + 1);
          return;
        }
      if (b < 0x20 || b > 0x7e)
        {
          /* Not a sequence after all: plain keys.  */
          ttyin_key (d, IK_ESCAPE, 1);
          return;
        }
    }
  if (i >= TTYIN_SEQ_MAX)
    ttyin_key (d, IK_ESCAPE, 1);
  else
    ttyin_more (d);
}

/* OSC, DCS and the other strings: up to BEL or ESC \.  */
static void
ttyin_string (struct ttyin_decoded *d, const unsigned char *s, size_t n)
{
  size_t i;

  for (i = 2; i < n && i < TTYIN_SEQ_MAX; i++)
    {
      if (s[i] == 0x07)
        {
          ttyin_key (d, IK_OTHER, i + 1);
          return;
        }
      if (s[i] == 0x1b)
        {
          if (i + 1 >= n)
            break;
          /* ST ends it; another ESC cuts it off.  */
          ttyin_key (d, IK_OTHER, s[i + 1] == '\\' ? i + 2 : i);
          return;
        }
    }
  if (i >= TTYIN_SEQ_MAX)
    ttyin_key (d, IK_OTHER, i);         /* Too long: what came is
                                           swallowed.  */
  else
    ttyin_more (d);
}

/* The length of the character at S (N bytes), 0 if incomplete, -1 if
   invalid.  */
static int
ttyin_char_len (const struct ttyin *t, const unsigned char *s, size_t n,
                uint32_t *ch)
{
  if (t->utf8)
    {
      ucs4_t uc;
      int len = u8_mbtoucr (&uc, s, n);

      *ch = uc;
      return len == -2 ? 0 : len;
    }
  else
    {
      mbstate_t st;
      wchar_t wc;
      size_t r;
      ucs4_t uc;
      int ulen = u8_mbtoucr (&uc, s, n);

      /* Most terminals send UTF-8 whatever the locale says: under LANG=C
         an 'é' typed is two bytes that the locale cannot read.  A
         complete UTF-8 character of two bytes or more is taken as one
         (text in the locale's own encoding is almost never valid
         UTF-8).  */
      if (ulen >= 2)
        {
          *ch = uc;
          return ulen;
        }
      memset (&st, 0, sizeof st);
      r = mbrtowc (&wc, (const char *) s, n, &st);
      *ch = (uint32_t) wc;
      if (r == (size_t) -2)
        return 0;
      if (r == (size_t) -1)
        {
          /* The start of a UTF-8 character: the rest is on its way (or
             times out).  */
          if (ulen == -2)
            return 0;
          /* A single-byte locale that has no character for it (LANG=C):
             a terminal sending Latin-1, whose bytes are the first 256
             code points.  */
          if (MB_CUR_MAX == 1)
            {
              *ch = s[0];
              return 1;
            }
          return -1;
        }
      return r == 0 ? 1 : (int) r;
    }
}

static void
ttyin_escape (const struct ttyin *t, const unsigned char *s, size_t n,
              struct ttyin_decoded *d)
{
  const struct ttyin_key *match = NULL;
  bool longer = false;
  uint32_t ch;
  int len;

  /* The key table first: the longest sequence that the bytes start
     with, unless they may still become a longer one.  */
  for (size_t i = 0; i < t->nkeys; i++)
    {
      const struct ttyin_key *k = &t->keys[i];

      if (k->len <= n)
        {
          if (memcmp (k->seq, s, k->len) == 0
              && (match == NULL || k->len > match->len))
            match = k;
        }
      else if (memcmp (k->seq, s, n) == 0)
        longer = true;
    }
  if (longer)
    {
      if (match != NULL)
        ttyin_key (d, match->key, match->len);
      else
        ttyin_key (d, IK_ESCAPE, 1);
      d->fallback = TTYIN_EVENT;
      d->result = TTYIN_MORE;
      return;
    }
  if (match != NULL)
    {
      ttyin_key (d, match->key, match->len);
      return;
    }
  if (n == 1)
    {
      ttyin_more (d);
      return;
    }
  switch (s[1])
    {
    case '[':
      ttyin_csi (d, s, n);
      return;
    case 'O':
      if (n < 3)
        ttyin_more (d);
      else if (s[2] >= 0x20 && s[2] <= 0x7e)
        ttyin_key (d, IK_OTHER, 3);
      else
        ttyin_key (d, IK_ESCAPE, 1);
      return;
    case ']':
    case 'P':
    case 'X':
    case '^':
    case '_':
      ttyin_string (d, s, n);
      return;
    case 0x1b:
      ttyin_key (d, IK_ESCAPE, 1);
      return;
    default:
      break;
    }
  if (s[1] < 0x80)
    {
      /* Alt and a key.  */
      ttyin_key (d, IK_OTHER, 2);
      return;
    }
  len = ttyin_char_len (t, s + 1, n - 1, &ch);
  if (len == 0)
    ttyin_more (d);
  else if (len < 0)
    ttyin_key (d, IK_ESCAPE, 1);
  else
    ttyin_key (d, IK_OTHER, 1 + (size_t) len);
}

static void
ttyin_decode (const struct ttyin *t, struct ttyin_decoded *d)
{
  const unsigned char *s = t->buf + t->start;
  size_t n = t->end - t->start;
  uint32_t ch;
  int len;

  memset (d, 0, sizeof *d);
  if (s[0] == 0x1b)
    {
      ttyin_escape (t, s, n, d);
      return;
    }
  len = ttyin_char_len (t, s, n, &ch);
  if (len < 0)
    {
      d->result = TTYIN_DROP;
      d->used = 1;
    }
  else if (len == 0)
    {
      d->result = TTYIN_MORE;
      d->fallback = TTYIN_DROP;
      d->used = 1;
    }
  else
    ttyin_char (d, ch, (size_t) len);
}

bool
ttyin_next (struct ttyin *t, double now, struct ttyin_event *ev)
{
  while (t->start < t->end)
    {
      struct ttyin_decoded d;
      enum ttyin_result r;

      ttyin_decode (t, &d);
      r = d.result;
      if (r == TTYIN_MORE)
        {
          if (now < t->last + t->delay)
            return false;
          r = d.fallback;
        }
      t->start += d.used;
      if (r == TTYIN_EVENT)
        {
          *ev = d.ev;
          return true;
        }
    }
  t->start = t->end = 0;
  return false;
}

int
ttyin_timeout (const struct ttyin *t, double now)
{
  struct ttyin_decoded d;
  double left;

  if (t->start == t->end)
    return -1;
  ttyin_decode (t, &d);
  if (d.result != TTYIN_MORE)
    return 0;
  left = t->last + t->delay - now;
  if (left <= 0)
    return 0;
  return (int) (left * 1000) + 1;
}
