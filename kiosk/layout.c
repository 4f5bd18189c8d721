/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* layout.c -- a page laid out for a given width: lines of styled spans.  */

#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "layout.h"
#include "qr.h"
#include "search.h"
#include "typo.h"
#include "utf8.h"
#include "xalloc.h"

const char layout_wait[] = "";

/* Emergency: a double frame (box drawing, in the Linux console's fonts
   too); urgent: a single one; information: dotted, in light dashes where
   the charset is UTF-8 and in Latin-1 dots and broken bars elsewhere.  */
#define LAYOUT_DOUBLE                                                   \
  { "\xE2\x95\x90", "\xE2\x95\x91", "\xE2\x95\x94", "\xE2\x95\x97",     \
    "\xE2\x95\x9A", "\xE2\x95\x9D" }
static const struct layout_glyphs layout_glyphs_utf8 = {
  "\xE2\x80\xA2 ", "\xE2\x86\x92 ",
  "\xE2\x94\x80", "\xE2\x94\x82", "\xE2\x94\x8C", "\xE2\x94\x90",
  "\xE2\x94\x94", "\xE2\x94\x98",
  LAYOUT_DOUBLE,
  { "\xE2\x94\x84", "\xE2\x94\x86", "\xE2\x95\xAD", "\xE2\x95\xAE",
    "\xE2\x95\xB0", "\xE2\x95\xAF" },
  { " ", "\xE2\x96\x80", "\xE2\x96\x84", "\xE2\x96\x88" }
};
/* The Linux console: its fonts have box drawing, but neither light dashes
   nor rounded corners nor half blocks.  */
static const struct layout_glyphs layout_glyphs_latin = {
  "\xE2\x80\xA2 ", "\xE2\x86\x92 ",
  "\xE2\x94\x80", "\xE2\x94\x82", "\xE2\x94\x8C", "\xE2\x94\x90",
  "\xE2\x94\x94", "\xE2\x94\x98",
  LAYOUT_DOUBLE,
  { "\xC2\xB7", "\xC2\xA6", "\xC2\xB7", "\xC2\xB7", "\xC2\xB7",
    "\xC2\xB7" },
  { NULL, NULL, NULL, NULL }
};
static const struct layout_glyphs layout_glyphs_ascii = {
  "- ", "-> ", "-", "|", "+", "+", "+", "+",
  { "=", "#", "#", "#", "#", "#" },
  { ".", ":", ".", ".", "'", "'" },
  { NULL, NULL, NULL, NULL }
};

const struct layout_glyphs *
layout_glyphs (enum charset cs)
{
  return cs == CHARSET_ASCII ? &layout_glyphs_ascii
         : cs == CHARSET_LATIN ? &layout_glyphs_latin : &layout_glyphs_utf8;
}

/* The roles and word of each level of warning box.  */
static const struct
{
  enum style_role frame, label, title, text;
  const char *word;
} layout_levels[LEVEL_COUNT] = {
  /* TRANSLATORS: the words on the frames of the three kinds of warning
     box, which must be told apart without colour: a box that says to
     call the emergency number now, one that says to call the clinic now,
     and a note.  Keep them short and different from each other.  They
     must be understood without colour.  */
  [LEVEL_EMERGENCY] = { ROLE_EMERGENCY_FRAME, ROLE_EMERGENCY_LABEL,
                        ROLE_EMERGENCY_TITLE, ROLE_EMERGENCY_TEXT,
                        N_("Emergency") },
  [LEVEL_URGENT] = { ROLE_WARNING_FRAME, ROLE_WARNING_LABEL,
                     ROLE_WARNING_TITLE, ROLE_WARNING_TEXT, N_("Urgent") },
  [LEVEL_INFO] = { ROLE_INFO_FRAME, ROLE_INFO_LABEL, ROLE_INFO_TITLE,
                   ROLE_INFO_TEXT, N_("Information") },
};

static enum warning_level
layout_level (unsigned level)
{
  return level < LEVEL_COUNT ? (enum warning_level) level : LEVEL_URGENT;
}

const char *
layout_level_word (enum warning_level level)
{
  return layout_levels[layout_level (level)].word;
}

const char *
layout_level_label (const struct layout_options *o, enum warning_level level)
{
  level = layout_level (level);
  if (o != NULL && o->level_labels[level] != NULL)
    return o->level_labels[level];
  return layout_levels[level].word;
}

/* The frame glyphs of LEVEL: for urgent boxes, G's own (the view knows
   them by address).  */
static struct layout_box
layout_box_of (const struct layout_glyphs *g, unsigned level)
{
  switch (layout_level (level))
    {
    case LEVEL_EMERGENCY:
      return g->emergency;
    case LEVEL_INFO:
      return g->info;
    default:
      {
        struct layout_box b = { g->h, g->v, g->tl, g->tr, g->bl, g->br };

        return b;
      }
    }
}

/* Columns a framed box of LEVEL is set in from the left.  */
static unsigned
layout_inset (unsigned level)
{
  return layout_level (level) == LEVEL_INFO ? LAYOUT_INFO_INSET : 0;
}

/* What is being laid out.  */
struct lctx
{
  struct layout *l;
  const struct layout_options *o;
  const struct layout_glyphs *g;
  uint32_t block;               /* Anchor block of the lines made now.  */
  int32_t link;                 /* Link of the lines made now, or -1.  */
  uint8_t level;                /* Level of the box being made.  */
  bool french;                  /* The text laid out now is French: the
                                   typography follows the language of
                                   the text, not of the screen.  */
};

static uint32_t
layout_put (struct layout *l, const char *s, size_t n, bool ascii)
{
  uint32_t off = (uint32_t) l->text_len;

  l->text = xgrow (l->text, &l->text_cap, l->text_len + n + 1, 1);
  if (!ascii)
    memcpy (l->text + l->text_len, s, n);
  else
    {
      /* Line breaking is done: no-break spaces become plain spaces.  */
      size_t j = l->text_len;

      for (size_t i = 0; i < n; i++)
        {
          if ((unsigned char) s[i] == 0xC2 && i + 1 < n
              && (unsigned char) s[i + 1] == 0xA0)
            {
              l->text[j++] = ' ';
              i++;
            }
          else
            l->text[j++] = s[i];
        }
      n = j - l->text_len;
    }
  l->text_len += n;
  l->text[l->text_len] = '\0';
  return off;
}

static struct layout_line *
layout_line (struct lctx *c, unsigned indent, uint8_t frame, uint32_t offset)
{
  struct layout *l = c->l;
  struct layout_line *line;

  l->lines = xgrow (l->lines, &l->lines_cap, l->nlines + 1, sizeof *l->lines);
  line = &l->lines[l->nlines++];
  line->span = (uint32_t) l->nspans;
  line->nspans = 0;
  line->indent = (uint16_t) indent;
  line->cols = 0;
  line->frame = frame;
  line->level = c->level;
  line->link = c->link;
  line->block = c->block;
  /* Anchors never decrease: a blank line or a frame's bottom takes the
     anchor of the line before it.  */
  if (offset == UINT32_MAX)
    offset = l->nlines > 1 && line[-1].block == c->block ? line[-1].offset
                                                          : 0;
  line->offset = offset;
  return line;
}

/* Adds a span of the N bytes at S to the last line.  */
static void
layout_span (struct lctx *c, const char *s, size_t n, unsigned cols,
             enum style_role role)
{
  struct layout *l = c->l;
  struct layout_line *line = &l->lines[l->nlines - 1];
  struct layout_span *sp;

  l->spans = xgrow (l->spans, &l->spans_cap, l->nspans + 1, sizeof *l->spans);
  sp = &l->spans[l->nspans++];
  sp->off = layout_put (l, s, n, c->o->charset == CHARSET_ASCII);
  sp->len = (uint32_t) l->text_len - sp->off;
  sp->cols = (uint16_t) cols;
  sp->role = (uint8_t) role;
  line->nspans++;
  line->cols = (uint16_t) (line->cols + cols);
}

static void
layout_blank (struct lctx *c)
{
  layout_line (c, 0, FRAME_NONE, UINT32_MAX);
}

/* Applies typography and transliteration; returns a malloc'd string or
   NULL (then use S as it is).  */
static char *
layout_prepare (const struct layout_options *o, bool french, const char *s,
                size_t n, size_t *outlen)
{
  char *a = NULL, *b, *d;
  size_t alen = n, blen, dlen;

  if (french)
    a = typo_french (s, n, &alen);
  /* As it is drawn: lines measured as they are shown.  */
  d = utf8_drawable (a != NULL ? a : s, alen, &dlen);
  if (d != NULL)
    {
      free (a);
      a = d;
      alen = dlen;
    }
  b = translit (a != NULL ? a : s, alen, o->charset, &blen);
  if (b != NULL)
    {
      free (a);
      *outlen = blen;
      return b;
    }
  *outlen = alen;
  return a;
}

struct wrap
{
  enum style_role role;
  unsigned indent;              /* Columns before the text.  */
  const char *prefix;           /* Bullet or arrow on the first line.  */
  enum style_role prefix_role;
  uint8_t frame;
  uint32_t item;                /* For anchors.  */
};

/* True if the folded word W (N bytes) starts with one of the words of
   TERMS (folded, separated by spaces).  */
static bool
layout_is_term (const char *w, size_t n, const char *terms)
{
  while (*terms != '\0')
    {
      const char *e = strchr (terms, ' ');
      size_t tl = e != NULL ? (size_t) (e - terms) : strlen (terms);

      if (tl > 0 && tl <= n && memcmp (w, terms, tl) == 0)
        return true;
      terms += tl + (e != NULL);
    }
  return false;
}

/* Adds the N bytes at S (COLS columns) in ROLE, with the words the
   options highlight in ROLE_MATCH.  */
static void
layout_span_marked (struct lctx *c, const char *s, size_t n, unsigned cols,
                    enum style_role role)
{
  size_t flen, done = 0, start = 0;
  uint32_t *map;
  char *f;

  if (c->o->highlight == NULL || c->o->highlight[0] == '\0')
    {
      layout_span (c, s, n, cols, role);
      return;
    }
  f = search_fold (s, n, &flen, &map);
  for (size_t i = 0; i <= flen; i++)
    {
      size_t from, to;

      if (i < flen && f[i] != ' ')
        continue;
      if (i > start && layout_is_term (f + start, i - start, c->o->highlight))
        {
          from = map[start];
          to = i < flen ? map[i] : n;
          while (to > from && s[to - 1] == ' ')
            to--;
          if (from > done)
            layout_span (c, s + done, from - done,
                         (unsigned) utf8_width (s + done, from - done), role);
          layout_span (c, s + from, to - from,
                       (unsigned) utf8_width (s + from, to - from),
                       ROLE_MATCH);
          done = to;
        }
      start = i + 1;
    }
  if (done == 0)
    layout_span (c, s, n, cols, role);
  else if (done < n)
    layout_span (c, s + done, n - done,
                 (unsigned) utf8_width (s + done, n - done), role);
  free (f);
  free (map);
}

/* Emits one line of text (the N bytes at S, of COLS columns).  */
static void
layout_emit (struct lctx *c, const struct wrap *w, const char *s, size_t n,
             unsigned cols, bool first, unsigned pcols, size_t off)
{
  uint32_t anchor = (w->item << 16) | (uint32_t) (off < 0xFFFF ? off : 0xFFFF);

  layout_line (c, w->indent + (first ? 0 : pcols), w->frame, anchor);
  if (first && w->prefix != NULL)
    layout_span (c, w->prefix, strlen (w->prefix), pcols, w->prefix_role);
  if (n > 0)
    layout_span_marked (c, s, n, cols, w->role);
}

/* Wraps the N bytes at S (NUL-terminated) into lines.  */
static void
layout_wrap (struct lctx *c, const struct wrap *w, const char *s, size_t n)
{
  unsigned width = c->o->width;
  unsigned pcols = w->prefix != NULL ? utf8_width (w->prefix,
                                                   strlen (w->prefix)) : 0;
  unsigned avail;
  size_t tn, start = 0;
  char *prepared = layout_prepare (c->o, c->french, s, n, &tn);
  const char *t = prepared != NULL ? prepared : s;
  char *breaks;
  bool first = true;

  if (w->frame != FRAME_NONE)
    {
      unsigned inset = layout_inset (c->level);

      width = width > 4 + inset ? width - 4 - inset : 1;
    }
  avail = width > w->indent + pcols ? width - w->indent - pcols : 1;
  /* A final line feed (a YAML literal block has one) ends no line.  */
  while (tn > 0 && (t[tn - 1] == '\n' || t[tn - 1] == '\r'))
    tn--;
  breaks = xmalloc (tn + 1);
  u8_width_linebreaks ((const uint8_t *) t, tn, (int) avail, 0, 0, NULL,
                       "UTF-8", breaks);
  for (size_t i = 0; i <= tn; i++)
    {
      size_t end, next;

      /* breaks[i]: a line may start at t[i] (POSSIBLE), or t[i] is a line
         feed (MANDATORY; a CR before a LF is CR_BEFORE_LF).  */
      if (i == tn)
        end = next = tn;
      else if (breaks[i] == UC_BREAK_MANDATORY)
        end = i, next = i + 1;
      else if (breaks[i] == UC_BREAK_CR_BEFORE_LF)
        end = i, next = i + 2 <= tn ? i + 2 : tn;
      else if (i > start && breaks[i] == UC_BREAK_POSSIBLE)
        end = next = i;
      else
        continue;
      while (end > start && t[end - 1] == ' ')
        end--;
      /* A segment wider than the line (a long word) is cut.  */
      do
        {
          size_t cols;
          size_t fit = utf8_fit (t + start, end - start, avail, true, &cols);

          layout_emit (c, w, t + start, fit, (unsigned) cols, first, pcols,
                       start);
          first = false;
          start += fit;
        }
      while (start < end);
      start = next;
      while (start < tn && t[start] == ' ')
        start++;
      if (next > i + 1)
        i = next - 1;
    }
  if (first)
    layout_emit (c, w, "", 0, 0, true, pcols, 0);
  free (breaks);
  free (prepared);
}

static void
layout_wrap_str (struct lctx *c, const struct wrap *w, const char *s)
{
  layout_wrap (c, w, s, strlen (s));
}

/* Lays out list items; item i gets anchor item number BASE + i.  */
static void
layout_items (struct lctx *c, const struct strv *items, enum style_role role,
              uint8_t frame, uint32_t base)
{
  for (size_t i = 0; i < items->n; i++)
    {
      struct wrap w = { .role = role, .prefix = c->g->bullet,
                        .prefix_role = ROLE_BULLET, .frame = frame,
                        .item = base + (uint32_t) i };

      layout_wrap_str (c, &w, items->v[i]);
    }
}

static void
layout_warning (struct lctx *c, const struct block *b)
{
  enum warning_level level = layout_level (b->level);
  bool framed = !c->o->plain;
  uint8_t side = framed ? FRAME_SIDE : FRAME_NONE;
  /* Without frames, an information box is set in as its frame would
     be.  */
  unsigned indent = framed ? 0 : layout_inset (level);
  const char *label = layout_level_label (c->o, level);
  char *tl = NULL;
  const char *shown = label;
  size_t tlen;

  c->level = (uint8_t) level;
  tl = translit (label, strlen (label), c->o->charset, &tlen);
  if (tl != NULL)
    shown = tl;
  if (framed)
    {
      /* "┌─ " + label + " ┐" must fit.  */
      unsigned room = c->o->width > 5 + layout_inset (level)
                        ? c->o->width - 5 - layout_inset (level) : 1;
      size_t cols, fit = utf8_fit (shown, strlen (shown), room, true, &cols);

      layout_line (c, 0, FRAME_TOP, 0);
      layout_span (c, shown, fit, (unsigned) cols,
                   layout_levels[level].label);
    }
  else
    {
      char *l = xasprintf ("%s:", shown);
      struct wrap w = { .role = layout_levels[level].label,
                        .indent = indent };

      layout_wrap_str (c, &w, l);
      free (l);
    }
  free (tl);
  if (b->title != NULL)
    {
      struct wrap w = { .role = layout_levels[level].title, .frame = side,
                        .indent = indent, .item = 1 };

      layout_wrap_str (c, &w, b->title);
    }
  if (b->text != NULL)
    {
      struct wrap w = { .role = layout_levels[level].text, .frame = side,
                        .indent = indent, .item = 2 };

      layout_wrap_str (c, &w, b->text);
    }
  for (size_t i = 0; i < b->items.n; i++)
    {
      struct wrap w = { .role = layout_levels[level].text,
                        .prefix = c->g->bullet, .prefix_role = ROLE_BULLET,
                        .frame = side, .indent = indent,
                        .item = 3 + (uint32_t) i };

      layout_wrap_str (c, &w, b->items.v[i]);
    }
  if (framed)
    layout_line (c, 0, FRAME_BOTTOM, UINT32_MAX);
  c->level = LEVEL_URGENT;
}

/* A copy of S whose spaces do not break (a phone number).  */
static char *
layout_nobreak (const char *s)
{
  char *out = xmalloc (2 * strlen (s) + 1), *o = out;

  for (; *s != '\0'; s++)
    if (*s == ' ')
      {
        memcpy (o, "\xC2\xA0", 2);
        o += 2;
      }
    else
      *o++ = *s;
  *o = '\0';
  return out;
}

/* True if module (Y, X) of the code of B, quiet zone included, is
   dark.  */
static bool
layout_qr_dark (const struct block *b, unsigned y, unsigned x)
{
  if (y < QR_QUIET || x < QR_QUIET || y >= QR_QUIET + b->qr_size
      || x >= QR_QUIET + b->qr_size)
    return false;
  return b->qr[(y - QR_QUIET) * b->qr_size + (x - QR_QUIET)] != 0;
}

/* Adds the spans of line I of the layout T (made apart) to the last
   line.  */
static void
layout_copy_line (struct lctx *c, const struct layout *t, size_t i)
{
  const struct layout_line *line = &t->lines[i];

  for (size_t k = 0; k < line->nspans; k++)
    {
      const struct layout_span *sp = &t->spans[line->span + k];

      layout_span (c, t->text + sp->off, sp->len, sp->cols,
                   (enum style_role) sp->role);
    }
}

/* The clinic's contact card: the code in half blocks (two modules a
   row), with the name, number and how to scan it beside it (or under it
   on a narrow screen); as a line of text where the charset has no half
   blocks, in plain mode (a screen reader cannot read a code), or when
   the code would not fit the screen; nothing when no phone is set.  */
static void
layout_qr (struct lctx *c, const struct block *b)
{
  unsigned side = b->qr_size + 2 * QR_QUIET;
  unsigned rows = (side + 1) / 2;
  bool draw = b->qr != NULL && !c->o->plain && c->g->qr[0] != NULL
              && side <= c->o->width
              && (c->o->rows == 0 || rows <= c->o->rows);
  struct layout_options to = *c->o;
  struct layout *texts[3] = { NULL, NULL, NULL };
  struct side_line
  {
    const struct layout *t;     /* NULL: a blank line.  */
    size_t i;
  } *sidev = NULL;
  size_t nside = 0;
  char *phone;
  unsigned gap = 2;

  if (b->title == NULL || b->text == NULL)
    return;
  phone = layout_nobreak (b->text);
  if (!draw)
    {
      char *line = xasprintf ("%s: %s", b->title, phone);
      struct wrap w = { .role = ROLE_HEADING };

      layout_wrap_str (c, &w, line);
      free (line);
      free (phone);
      return;
    }
  /* The texts beside the code, laid out apart at the width left: name,
     number, a blank line, how to scan.  */
  to.width = c->o->width > side + gap ? c->o->width - side - gap : 0;
  if (to.width >= 16)
    {
      size_t total = 1;

      texts[0] = layout_text (b->title, strlen (b->title), ROLE_HEADING, &to);
      texts[1] = layout_text (phone, strlen (phone), ROLE_HEADING, &to);
      if (b->note != NULL)
        texts[2] = layout_text (b->note, strlen (b->note), ROLE_BODY, &to);
      for (size_t k = 0; k < 3; k++)
        total += texts[k] != NULL ? texts[k]->nlines : 0;
      sidev = xcalloc (total, sizeof *sidev);
      for (size_t k = 0; k < 3; k++)
        {
          if (texts[k] == NULL)
            continue;
          if (k == 2)
            sidev[nside++].t = NULL;
          for (size_t i = 0; i < texts[k]->nlines; i++)
            {
              sidev[nside].t = texts[k];
              sidev[nside++].i = i;
            }
        }
    }
  for (unsigned r = 0; r < rows; r++)
    {
      char *row = xmalloc ((size_t) side * 3 + 1), *o = row;

      for (unsigned x = 0; x < side; x++)
        {
          unsigned k = (unsigned) layout_qr_dark (b, 2 * r, x)
                       | (unsigned) layout_qr_dark (b, 2 * r + 1, x) << 1;
          const char *glyph = c->g->qr[k];
          size_t n = strlen (glyph);

          memcpy (o, glyph, n);
          o += n;
        }
      *o = '\0';
      layout_line (c, 0, FRAME_NONE, (uint32_t) r);
      layout_span (c, row, (size_t) (o - row), side, ROLE_QR);
      free (row);
      if (r < nside && sidev[r].t != NULL)
        {
          layout_span (c, "  ", gap, gap, ROLE_BODY);
          layout_copy_line (c, sidev[r].t, sidev[r].i);
        }
    }
  /* Texts longer than the code go on under it, in their column.  */
  for (size_t r = rows; r < nside; r++)
    {
      layout_line (c, side + gap, FRAME_NONE, (uint32_t) r);
      if (sidev[r].t != NULL)
        layout_copy_line (c, sidev[r].t, sidev[r].i);
    }
  if (sidev == NULL)
    {
      /* No room beside the code: the name and number under it.  */
      char *line = xasprintf ("%s: %s", b->title, phone);
      struct wrap w = { .role = ROLE_HEADING, .item = 1 };

      layout_wrap_str (c, &w, line);
      free (line);
      if (b->note != NULL)
        {
          struct wrap h = { .role = ROLE_BODY, .item = 2 };

          layout_wrap_str (c, &h, b->note);
        }
    }
  free (sidev);
  for (size_t i = 0; i < 3; i++)
    layout_free (texts[i]);
  free (phone);
}

/* One line of the N bytes at S, cut to fit, with the ranges MARKS in
   ROLE_MATCH (search snippets).  No French spacing: offsets must hold.  */
static void
layout_marked (struct lctx *c, const char *s, size_t n, unsigned indent,
               const struct block_mark *marks, size_t nmarks)
{
  size_t avail = c->o->width > indent ? c->o->width - indent : 1;
  size_t pos = 0, k = 0;

  layout_line (c, indent, FRAME_NONE, 1 << 16);
  while (pos < n && avail > 0)
    {
      size_t end = n, cols, fit, tlen;
      bool hit = false;
      char *t;
      const char *piece;

      /* The next piece: up to the next mark, or the mark itself.  */
      while (k < nmarks && marks[k].off + marks[k].len <= pos)
        k++;
      if (k < nmarks && marks[k].off <= pos)
        {
          end = marks[k].off + marks[k].len;
          hit = true;
        }
      else if (k < nmarks)
        end = marks[k].off;
      if (end > n)
        end = n;
      {
        size_t dlen;
        char *d = utf8_drawable (s + pos, end - pos, &dlen);

        t = translit (d != NULL ? d : s + pos, d != NULL ? dlen : end - pos,
                      c->o->charset, &tlen);
        if (t == NULL && d != NULL)
          {
            t = d;
            tlen = dlen;
          }
        else
          free (d);
      }
      piece = t != NULL ? t : s + pos;
      if (t == NULL)
        tlen = end - pos;
      fit = utf8_fit (piece, tlen, avail, false, &cols);
      if (fit > 0)
        layout_span (c, piece, fit, (unsigned) cols,
                     hit ? ROLE_MATCH : ROLE_NOTE);
      free (t);
      if (fit < tlen)
        break;
      avail -= cols;
      pos = end;
    }
}

/* Lays out link block B (index INDEX) with LABEL (NULL: none).  */
static void
layout_link (struct lctx *c, const struct block *b, uint32_t index,
             const char *label)
{
  struct layout *l = c->l;
  struct layout_link *k;
  struct wrap w = { .role = b->urgent ? ROLE_URGENT_LINK : ROLE_LINK,
                    .prefix = c->g->arrow, .prefix_role = ROLE_LINK_MARK };

  if (label == NULL && b->optional)
    return;
  if (label == NULL)
    label = b->target;
  l->links = xgrow (l->links, &l->links_cap, l->nlinks + 1, sizeof *l->links);
  k = &l->links[l->nlinks];
  k->target = b->target;
  k->line = (uint32_t) l->nlines;
  k->block = index;
  c->link = (int32_t) l->nlinks++;
  layout_wrap_str (c, &w, label);
  if (b->note != NULL && b->nmarks > 0)
    layout_marked (c, b->note, strlen (b->note),
                   (unsigned) utf8_width (c->g->arrow, strlen (c->g->arrow)),
                   b->marks, b->nmarks);
  else if (b->note != NULL)
    {
      struct wrap n = { .role = ROLE_NOTE, .indent = utf8_width (
                          c->g->arrow, strlen (c->g->arrow)), .item = 1 };

      layout_wrap_str (c, &n, b->note);
    }
  k = &l->links[c->link];
  k->nlines = (uint32_t) l->nlines - k->line;
  c->link = -1;
}

/* Lays out S (a web address) on lines of its own at INDENT, cut only
   where a line is full: a patient copies an address as it is shown, and
   "https://www.has-" at the end of a line reads as a word cut in two.  */
static void
layout_unbroken (struct lctx *c, const char *s, unsigned indent,
                 enum style_role role, uint32_t item)
{
  size_t n = strlen (s), off = 0;
  unsigned avail = c->o->width > indent ? c->o->width - indent : 1;

  while (off < n)
    {
      size_t cols, fit = utf8_fit (s + off, n - off, avail, true, &cols);

      if (fit == 0)
        break;
      layout_line (c, indent, FRAME_NONE,
                   (item << 16) | (uint32_t) (off < 0xFFFF ? off : 0xFFFF));
      layout_span (c, s + off, fit, (unsigned) cols, role);
      off += fit;
    }
}

/* The first anchor item of the lines after the last block: past any
   item of a block.  */
enum { LAYOUT_TAIL_ITEM = 0x8000 };

/* After the last block: the page's sources, then who reviewed it and
   when (anchored to the last block, past its items).  */
static void
layout_tail (struct lctx *c, const struct page *p)
{
  bool sources = p->nsources > 0 && p->sources_label != NULL;

  if ((!sources && p->review_line == NULL) || p->nblocks == 0)
    return;
  c->block = (uint32_t) p->nblocks;
  if (sources)
    {
      struct wrap h = { .role = ROLE_HEADING, .item = LAYOUT_TAIL_ITEM };

      layout_blank (c);
      layout_wrap_str (c, &h, p->sources_label);
      for (size_t i = 0; i < p->nsources; i++)
        {
          const struct page_source *src = &p->sources[i];
          struct wrap w = { .role = ROLE_META, .prefix = c->g->bullet,
                            .prefix_role = ROLE_BULLET,
                            .item = LAYOUT_TAIL_ITEM + 1 + 2 * (uint32_t) i };
          char year[16] = "";
          char *t;

          if (src->year != 0)
            snprintf (year, sizeof year, ", %u", src->year);
          t = xasprintf ("%s. %s%s.", src->title, src->publisher, year);
          layout_wrap_str (c, &w, t);
          free (t);
          if (src->url != NULL)
            layout_unbroken (c, src->url,
                             utf8_width (c->g->bullet, strlen (c->g->bullet)),
                             ROLE_META, w.item + 1);
        }
    }
  if (p->review_line != NULL)
    {
      struct wrap w = { .role = ROLE_META,
                        .item = LAYOUT_TAIL_ITEM + 1
                                + 2 * (uint32_t) p->nsources };

      layout_blank (c);
      layout_wrap_str (c, &w, p->review_line);
    }
}

/* Lays out the blocks of P from L->NEXT_BLOCK on, until L has LINES
   lines or P has no more blocks.  */
static void
layout_blocks (struct layout *l, const struct page *p,
               const struct layout_options *o, size_t lines)
{
  /* The anchor goes on from the last block laid out (the head's is
     LAYOUT_HEAD, 0): a blank line takes it.  */
  struct lctx c = { l, o, layout_glyphs (o->charset),
                    (uint32_t) l->next_block, -1, LEVEL_URGENT, o->french };
  bool head = p->title != NULL || p->summary != NULL;

  l->waiting = false;
  while (l->next_block < p->nblocks && l->nlines < lines)
    {
      size_t i = l->next_block;
      const struct block *b = &p->blocks[i];
      const struct block *prev = i > 0 ? &p->blocks[i - 1] : NULL;
      bool blank = prev != NULL ? prev->kind != BLOCK_HEADING : head;
      const char *label = b->kind == BLOCK_LINK ? b->text : NULL;
      const char *lang = b->lang;

      if (b->kind == BLOCK_LINK && o->link_gone != NULL
          && o->link_gone (o->ctx, b->target))
        {
          l->next_block++;
          continue;
        }
      if (b->kind == BLOCK_LINK && label == NULL && o->link_label != NULL)
        {
          label = o->link_label (o->ctx, p->lang, b->target, &lang);
          if (label == LAYOUT_WAIT)
            {
              /* Not a line of it yet, not even the blank line before.  */
              l->waiting = true;
              break;
            }
        }
      l->next_block++;

      if (prev != NULL && prev->kind == BLOCK_LINK && b->kind == BLOCK_LINK
          && prev->note == NULL && b->note == NULL)
        blank = false;
      if (blank)
        layout_blank (&c);
      c.block = (uint32_t) i + 1;
      c.french = lang != NULL ? typo_is_french (lang) : o->french;
      switch (b->kind)
        {
        case BLOCK_HEADING:
          {
            struct wrap w = { .role = ROLE_HEADING };

            layout_wrap_str (&c, &w, b->text);
          }
          break;
        case BLOCK_TEXT:
          {
            struct wrap w = { .role = ROLE_BODY };

            layout_wrap_str (&c, &w, b->text);
          }
          break;
        case BLOCK_LIST:
          layout_items (&c, &b->items, ROLE_BODY, FRAME_NONE, 0);
          break;
        case BLOCK_WARNING:
          layout_warning (&c, b);
          break;
        case BLOCK_LINK:
          layout_link (&c, b, (uint32_t) i, label);
          break;
        case BLOCK_QR:
          layout_qr (&c, b);
          break;
        }
    }
  if (l->next_block >= p->nblocks && !l->complete)
    {
      /* The page's own words again, whatever the last block was.  */
      c.french = o->french;
      layout_tail (&c, p);
    }
  l->complete = l->next_block >= p->nblocks;
}

struct layout *
layout_page_part (const struct page *p, const struct layout_options *o,
                  size_t lines)
{
  struct layout *l = xcalloc (1, sizeof *l);
  struct lctx c = { l, o, layout_glyphs (o->charset), LAYOUT_HEAD, -1,
                    LEVEL_URGENT, o->french };

  l->width = o->width;
  if (o->notice != NULL)
    {
      /* The notice is in the interface language, not the page's.  */
      struct layout_options no = *o;
      struct lctx nc = c;
      struct wrap w = { .role = ROLE_NOTICE };

      no.french = o->notice_french;
      nc.o = &no;
      nc.french = no.french;
      layout_wrap_str (&nc, &w, o->notice);
      layout_blank (&c);
    }
  if (p->title != NULL)
    {
      struct wrap w = { .role = ROLE_TITLE, .item = 1 };

      layout_wrap_str (&c, &w, p->title);
    }
  if (p->summary != NULL)
    {
      struct wrap w = { .role = ROLE_SUMMARY, .item = 2 };

      layout_wrap_str (&c, &w, p->summary);
    }
  if (p->review_note != NULL)
    {
      /* "Not yet reviewed by the clinic": before anything is read.  */
      struct wrap w = { .role = ROLE_NOTICE, .item = 3 };

      layout_blank (&c);
      layout_wrap_str (&c, &w, p->review_note);
    }
  layout_blocks (l, p, o, lines);
  return l;
}

struct layout *
layout_page (const struct page *p, const struct layout_options *o)
{
  return layout_page_part (p, o, SIZE_MAX);
}

bool
layout_more (struct layout *l, const struct page *p,
             const struct layout_options *o, size_t lines)
{
  size_t before = l->nlines;

  if (l->complete || l->nlines >= lines)
    return false;
  layout_blocks (l, p, o, lines);
  return l->nlines > before;
}

struct layout *
layout_text (const char *s, size_t n, enum style_role role,
             const struct layout_options *o)
{
  struct layout *l = xcalloc (1, sizeof *l);
  struct lctx c = { l, o, layout_glyphs (o->charset), LAYOUT_HEAD, -1,
                    LEVEL_URGENT, o->french };
  struct wrap w = { .role = role };

  l->width = o->width;
  l->complete = true;
  layout_wrap (&c, &w, s, n);
  return l;
}

void
layout_free (struct layout *l)
{
  if (l == NULL)
    return;
  free (l->text);
  free (l->spans);
  free (l->lines);
  free (l->links);
  free (l);
}

size_t
layout_find_anchor (const struct layout *l, uint32_t block, uint32_t offset)
{
  size_t best = 0;

  for (size_t i = 0; i < l->nlines; i++)
    {
      const struct layout_line *line = &l->lines[i];

      if (line->block > block
          || (line->block == block && line->offset > offset))
        break;
      best = i;
    }
  return best;
}

size_t
layout_find_highlight (const struct layout *l, size_t from)
{
  for (size_t i = from; i < l->nlines; i++)
    for (size_t k = 0; k < l->lines[i].nspans; k++)
      if (l->spans[l->lines[i].span + k].role == ROLE_MATCH)
        return i;
  return SIZE_MAX;
}

size_t
layout_find_block (const struct layout *l, uint32_t block)
{
  for (size_t i = 0; i < l->nlines; i++)
    if (l->lines[i].block >= block + 1)
      return i;
  return l->nlines > 0 ? l->nlines - 1 : 0;
}

static void
layout_piece (layout_piece_fn *fn, void *ctx, const char *s, unsigned repeat,
              enum style_role role)
{
  size_t len = strlen (s);

  if (repeat > 0)
    fn (ctx, s, len, utf8_width (s, len), repeat, role);
}

void
layout_render_line (const struct layout *l, size_t i,
                    const struct layout_glyphs *g, layout_piece_fn *fn,
                    void *ctx)
{
  const struct layout_line *line = &l->lines[i];
  bool framed = line->frame != FRAME_NONE;
  unsigned inset = framed ? layout_inset (line->level) : 0;
  unsigned width = l->width > inset ? l->width - inset : 0;
  unsigned inner = width > 4 ? width - 4 : 0;
  unsigned used = line->indent + line->cols;
  struct layout_box box = layout_box_of (g, line->level);
  enum style_role fr = layout_levels[layout_level (line->level)].frame;
  enum style_role tx = layout_levels[layout_level (line->level)].text;

  layout_piece (fn, ctx, " ", inset, ROLE_BODY);
  switch (line->frame)
    {
    case FRAME_BOTTOM:
      layout_piece (fn, ctx, box.bl, 1, fr);
      layout_piece (fn, ctx, box.h, width > 2 ? width - 2 : 0, fr);
      layout_piece (fn, ctx, box.br, 1, fr);
      return;
    case FRAME_TOP:
      layout_piece (fn, ctx, box.tl, 1, fr);
      layout_piece (fn, ctx, box.h, 1, fr);
      layout_piece (fn, ctx, " ", 1, fr);
      inner = width > 5 ? width - 5 : 0;
      break;
    case FRAME_SIDE:
      layout_piece (fn, ctx, box.v, 1, fr);
      layout_piece (fn, ctx, " ", 1, tx);
      break;
    default:
      break;
    }
  layout_piece (fn, ctx, " ", line->indent, framed ? tx : ROLE_BODY);
  for (size_t k = 0; k < line->nspans; k++)
    {
      const struct layout_span *sp = &l->spans[line->span + k];

      fn (ctx, l->text + sp->off, sp->len, sp->cols, 1, sp->role);
    }
  switch (line->frame)
    {
    case FRAME_TOP:
      layout_piece (fn, ctx, " ", 1, fr);
      layout_piece (fn, ctx, box.h, inner > used ? inner - used : 0, fr);
      layout_piece (fn, ctx, box.tr, 1, fr);
      break;
    case FRAME_SIDE:
      layout_piece (fn, ctx, " ", inner > used ? inner - used + 1 : 1, tx);
      layout_piece (fn, ctx, box.v, 1, fr);
      break;
    default:
      break;
    }
}
