/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* layout.c -- a page laid out for a given width: lines of styled spans.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "layout.h"
#include "search.h"
#include "typo.h"
#include "utf8.h"
#include "xalloc.h"

const char layout_wait[] = "";

static const struct layout_glyphs layout_glyphs_utf8 = {
  "\xE2\x80\xA2 ", "\xE2\x86\x92 ",
  "\xE2\x94\x80", "\xE2\x94\x82", "\xE2\x94\x8C", "\xE2\x94\x90",
  "\xE2\x94\x94", "\xE2\x94\x98"
};
static const struct layout_glyphs layout_glyphs_ascii = {
  "- ", "-> ", "-", "|", "+", "+", "+", "+"
};

const struct layout_glyphs *
layout_glyphs (enum charset cs)
{
  return cs == CHARSET_ASCII ? &layout_glyphs_ascii : &layout_glyphs_utf8;
}

/* What is being laid out.  */
struct lctx
{
  struct layout *l;
  const struct layout_options *o;
  const struct layout_glyphs *g;
  uint32_t block;               /* Anchor block of the lines made now.  */
  int32_t link;                 /* Link of the lines made now, or -1.  */
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
layout_prepare (const struct layout_options *o, const char *s, size_t n,
                size_t *outlen)
{
  char *a = NULL, *b;
  size_t alen = n, blen;

  if (o->french)
    a = typo_french (s, n, &alen);
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
  char *prepared = layout_prepare (c->o, s, n, &tn);
  const char *t = prepared != NULL ? prepared : s;
  char *breaks;
  bool first = true;

  if (w->frame != FRAME_NONE)
    width = width > 4 ? width - 4 : 1;
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
  bool framed = !c->o->plain;
  uint8_t side = framed ? FRAME_SIDE : FRAME_NONE;
  const char *label = c->o->warning_label ? c->o->warning_label : "Warning";
  char *tl = NULL;
  const char *shown = label;
  size_t tlen;

  tl = translit (label, strlen (label), c->o->charset, &tlen);
  if (tl != NULL)
    shown = tl;
  if (framed)
    {
      /* "┌─ " + label + " ┐" must fit.  */
      size_t cols, fit = utf8_fit (shown, strlen (shown),
                                   c->o->width > 5 ? c->o->width - 5 : 1,
                                   true, &cols);

      layout_line (c, 0, FRAME_TOP, 0);
      layout_span (c, shown, fit, (unsigned) cols, ROLE_WARNING_LABEL);
    }
  else
    {
      char *l = xasprintf ("%s:", shown);
      struct wrap w = { .role = ROLE_WARNING_LABEL };

      layout_wrap_str (c, &w, l);
      free (l);
    }
  free (tl);
  if (b->title != NULL)
    {
      struct wrap w = { .role = ROLE_WARNING_TITLE, .frame = side,
                        .item = 1 };

      layout_wrap_str (c, &w, b->title);
    }
  if (b->text != NULL)
    {
      struct wrap w = { .role = ROLE_WARNING_TEXT, .frame = side,
                        .item = 2 };

      layout_wrap_str (c, &w, b->text);
    }
  layout_items (c, &b->items, ROLE_WARNING_TEXT, side, 3);
  if (framed)
    layout_line (c, 0, FRAME_BOTTOM, UINT32_MAX);
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
      t = translit (s + pos, end - pos, c->o->charset, &tlen);
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

/* Lays out the blocks of P from L->NEXT_BLOCK on, until L has LINES
   lines or P has no more blocks.  */
static void
layout_blocks (struct layout *l, const struct page *p,
               const struct layout_options *o, size_t lines)
{
  /* The anchor goes on from the last block laid out (the head's is
     LAYOUT_HEAD, 0): a blank line takes it.  */
  struct lctx c = { l, o, layout_glyphs (o->charset),
                    (uint32_t) l->next_block, -1 };
  bool head = p->title != NULL || p->summary != NULL;

  l->waiting = false;
  while (l->next_block < p->nblocks && l->nlines < lines)
    {
      size_t i = l->next_block;
      const struct block *b = &p->blocks[i];
      const struct block *prev = i > 0 ? &p->blocks[i - 1] : NULL;
      bool blank = prev != NULL ? prev->kind != BLOCK_HEADING : head;
      const char *label = b->kind == BLOCK_LINK ? b->text : NULL;

      if (b->kind == BLOCK_LINK && label == NULL && o->link_label != NULL)
        {
          label = o->link_label (o->ctx, p->lang, b->target);
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
        }
    }
  l->complete = l->next_block >= p->nblocks;
}

struct layout *
layout_page_part (const struct page *p, const struct layout_options *o,
                  size_t lines)
{
  struct layout *l = xcalloc (1, sizeof *l);
  struct lctx c = { l, o, layout_glyphs (o->charset), LAYOUT_HEAD, -1 };

  l->width = o->width;
  if (o->notice != NULL)
    {
      /* The notice is in the interface language, not the page's.  */
      struct layout_options no = *o;
      struct lctx nc = c;
      struct wrap w = { .role = ROLE_NOTICE };

      no.french = o->notice_french;
      nc.o = &no;
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
  struct lctx c = { l, o, layout_glyphs (o->charset), LAYOUT_HEAD, -1 };
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
  unsigned inner = l->width > 4 ? l->width - 4 : 0;
  unsigned used = line->indent + line->cols;

  switch (line->frame)
    {
    case FRAME_BOTTOM:
      layout_piece (fn, ctx, g->bl, 1, ROLE_WARNING_FRAME);
      layout_piece (fn, ctx, g->h, l->width > 2 ? l->width - 2 : 0,
                    ROLE_WARNING_FRAME);
      layout_piece (fn, ctx, g->br, 1, ROLE_WARNING_FRAME);
      return;
    case FRAME_TOP:
      layout_piece (fn, ctx, g->tl, 1, ROLE_WARNING_FRAME);
      layout_piece (fn, ctx, g->h, 1, ROLE_WARNING_FRAME);
      layout_piece (fn, ctx, " ", 1, ROLE_WARNING_FRAME);
      inner = l->width > 5 ? l->width - 5 : 0;
      break;
    case FRAME_SIDE:
      layout_piece (fn, ctx, g->v, 1, ROLE_WARNING_FRAME);
      layout_piece (fn, ctx, " ", 1, ROLE_WARNING_TEXT);
      break;
    default:
      break;
    }
  layout_piece (fn, ctx, " ", line->indent,
                line->frame == FRAME_NONE ? ROLE_BODY : ROLE_WARNING_TEXT);
  for (size_t k = 0; k < line->nspans; k++)
    {
      const struct layout_span *sp = &l->spans[line->span + k];

      fn (ctx, l->text + sp->off, sp->len, sp->cols, 1, sp->role);
    }
  switch (line->frame)
    {
    case FRAME_TOP:
      layout_piece (fn, ctx, " ", 1, ROLE_WARNING_FRAME);
      layout_piece (fn, ctx, g->h, inner > used ? inner - used : 0,
                    ROLE_WARNING_FRAME);
      layout_piece (fn, ctx, g->tr, 1, ROLE_WARNING_FRAME);
      break;
    case FRAME_SIDE:
      layout_piece (fn, ctx, " ", inner > used ? inner - used + 1 : 1,
                    ROLE_WARNING_TEXT);
      layout_piece (fn, ctx, g->v, 1, ROLE_WARNING_FRAME);
      break;
    default:
      break;
    }
}
