/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* viewport.c -- a page on a screen: what shows, what is selected, and
   moving through it.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "viewport.h"
#include "xalloc.h"

unsigned
viewport_measure (unsigned cols)
{
  if (cols > VIEWPORT_MEASURE + 4)
    return VIEWPORT_MEASURE;
  if (cols > 20)
    return cols - 2;
  return cols > LAYOUT_MIN_WIDTH ? cols : LAYOUT_MIN_WIDTH;
}

void
viewport_init (struct viewport *v)
{
  memset (v, 0, sizeof *v);
  v->selected = -1;
  v->settled = true;
}

void
viewport_drop_ahead (struct viewport *v)
{
  layout_free (v->ahead);
  v->ahead = NULL;
  v->ahead_page = NULL;
  free (v->ahead_notice);
  v->ahead_notice = NULL;
  free (v->ahead_highlight);
  v->ahead_highlight = NULL;
}

void
viewport_clear (struct viewport *v)
{
  unsigned width = v->opts.width, rows = v->rows;

  viewport_done (v);
  v->opts.width = width;
  v->rows = rows;
}

void
viewport_done (struct viewport *v)
{
  layout_free (v->layout);
  free (v->notice);
  free (v->highlight);
  viewport_drop_ahead (v);
  viewport_init (v);
}

/* Copies O into *TO, with its notice and highlighted words copied into
   *NOTICE and *HIGHLIGHT (owned).  */
static void
viewport_take_options (struct layout_options *to, char **notice,
                       char **highlight, const struct layout_options *o)
{
  free (*notice);
  free (*highlight);
  *notice = o->notice != NULL ? xstrdup (o->notice) : NULL;
  *highlight = o->highlight != NULL ? xstrdup (o->highlight) : NULL;
  *to = *o;
  to->notice = *notice;
  to->highlight = *highlight;
}

static bool
viewport_same_text (const char *a, const char *b)
{
  return a == b || (a != NULL && b != NULL && strcmp (a, b) == 0);
}

/* True if P has a QR block, whose drawing depends on the rows.  */
static bool
viewport_has_qr (const struct page *p)
{
  for (size_t i = 0; p != NULL && i < p->nblocks; i++)
    if (p->blocks[i].kind == BLOCK_QR)
      return true;
  return false;
}

/* True if A and B lay a page out the same way.  */
static bool
viewport_same_options (const struct layout_options *a,
                       const struct layout_options *b)
{
  return a->width == b->width && a->charset == b->charset
         && a->french == b->french && a->plain == b->plain
         && a->notice_french == b->notice_french
         && a->link_label == b->link_label
         && a->link_gone == b->link_gone && a->ctx == b->ctx
         && a->rows == b->rows
         && viewport_same_text (a->level_labels[LEVEL_URGENT],
                                b->level_labels[LEVEL_URGENT])
         && viewport_same_text (a->level_labels[LEVEL_EMERGENCY],
                                b->level_labels[LEVEL_EMERGENCY])
         && viewport_same_text (a->level_labels[LEVEL_INFO],
                                b->level_labels[LEVEL_INFO])
         && viewport_same_text (a->notice, b->notice)
         && viewport_same_text (a->highlight, b->highlight);
}

/* ------------------------------------------------------------------ */
/* Laying out as far as needed.  */

/* True if the layout has LINES lines, or the whole page; false if it
   stopped short, at a label not known yet.  */
static bool
viewport_have (struct viewport *v, size_t lines)
{
  struct layout *l = v->layout;

  if (l == NULL)
    return true;
  if (!l->complete && l->nlines < lines)
    layout_more (l, v->page, &v->opts, lines);
  return l->complete || l->nlines >= lines;
}

/* True if the layout has link K, or the whole page (as viewport_have).  */
static bool
viewport_have_link (struct viewport *v, int32_t k)
{
  struct layout *l = v->layout;

  while (l != NULL && !l->complete && k >= 0 && (size_t) k >= l->nlinks)
    if (!viewport_have (v, l->nlines + v->rows + 1))
      return false;
  return true;
}

/* The last top line that fills the screen, with what is laid out: call
   viewport_have (V, V->TOP + V->ROWS + 1) first.  */
static size_t
viewport_max_top (const struct viewport *v)
{
  size_t n = v->layout != NULL ? v->layout->nlines : 0;

  return n > v->rows ? n - v->rows : 0;
}

/* ------------------------------------------------------------------ */
/* Links on the screen.  */

const struct layout_link *
viewport_link (const struct viewport *v, int32_t k)
{
  if (v->layout == NULL || k < 0 || (size_t) k >= v->layout->nlinks)
    return NULL;
  return &v->layout->links[k];
}

/* True if some line of link K is on screen.  */
static bool
viewport_link_visible (const struct viewport *v, int32_t k)
{
  const struct layout_link *l = viewport_link (v, k);

  return l != NULL && l->line < v->top + v->rows
         && l->line + l->nlines > v->top;
}

/* Scrolls so that link K is wholly on screen (or starts at the top); the
   next viewport_fill() keeps the top within the page.  */
static void
viewport_show_link (struct viewport *v, int32_t k)
{
  const struct layout_link *l = viewport_link (v, k);

  if (l == NULL)
    return;
  if (l->line < v->top)
    v->top = l->line;
  else if (l->line + l->nlines > v->top + v->rows)
    {
      size_t want = l->line + l->nlines - v->rows;

      v->top = want < l->line ? want : l->line;
    }
  v->settled = false;
}

static int32_t
viewport_first_visible_link (const struct viewport *v)
{
  for (size_t k = 0; v->layout != NULL && k < v->layout->nlinks; k++)
    if (viewport_link_visible (v, (int32_t) k))
      return (int32_t) k;
  return -1;
}

static int32_t
viewport_last_visible_link (const struct viewport *v)
{
  for (size_t k = v->layout != NULL ? v->layout->nlinks : 0; k-- > 0;)
    if (viewport_link_visible (v, (int32_t) k))
      return (int32_t) k;
  return -1;
}

/* After a scroll: a selection that left the screen moves to a visible
   link on menus, and is dropped on pages.  */
static void
viewport_fix_selection (struct viewport *v, bool down)
{
  if (v->selected >= 0 && viewport_link_visible (v, v->selected))
    return;
  if (v->menu)
    v->selected = down ? viewport_first_visible_link (v)
                       : viewport_last_visible_link (v);
  else
    v->selected = -1;
}

/* ------------------------------------------------------------------ */
/* Showing, and going to a place.  */

void
viewport_show (struct viewport *v, const struct page *p,
               const struct layout_options *o, bool menu)
{
  layout_free (v->layout);
  v->layout = NULL;
  v->page = p;
  viewport_take_options (&v->opts, &v->notice, &v->highlight, o);
  v->opts.rows = v->rows;
  v->menu = menu;
  v->top = 0;
  v->selected = -1;
  v->mark_off = v->mark_end = 0;
  v->seeking = false;
  v->to_match = false;
  v->settled = false;
  if (p == NULL || v->rows == 0)
    return;
  if (v->ahead != NULL && v->ahead_page == p
      && viewport_same_options (&v->ahead_opts, &v->opts))
    {
      /* Laid out while the patient was reading the previous screen.  */
      v->layout = v->ahead;
      v->ahead = NULL;
      viewport_drop_ahead (v);
    }
  else
    v->layout = layout_page_part (p, &v->opts, (size_t) v->rows + 1);
}

enum result
viewport_resize (struct viewport *v, unsigned width, unsigned rows)
{
  struct viewport_mark m;

  if (width < LAYOUT_MIN_WIDTH)
    width = LAYOUT_MIN_WIDTH;
  if (rows < 1)
    rows = 1;
  if (width == v->opts.width && rows == v->rows
      && (v->layout != NULL || v->page == NULL))
    return RESULT_IGNORED;
  viewport_mark (v, &m);
  v->rows = rows;
  /* A QR code is drawn only if the screen is tall enough for it: a page
     with one is laid out again when the height changes.  */
  if (width != v->opts.width || v->layout == NULL
      || (rows != v->opts.rows && viewport_has_qr (v->page)))
    {
      bool had = v->layout != NULL;

      v->mark_off = v->mark_end = 0;    /* Offsets of the old layout.  */
      v->opts.width = width;
      v->opts.rows = rows;
      viewport_drop_ahead (v);
      layout_free (v->layout);
      v->layout = v->page != NULL
                    ? layout_page_part (v->page, &v->opts,
                                        (size_t) rows + 1)
                    : NULL;
      v->top = 0;
      if (had)
        viewport_seek (v, &m, true);
    }
  v->settled = false;
  return RESULT_FULL;
}

void
viewport_mark (const struct viewport *v, struct viewport_mark *m)
{
  const struct layout *l = v->layout;

  if (v->seeking)
    {
      /* Not there yet: where it is going.  */
      *m = v->want;
      return;
    }
  m->block = 0;
  m->offset = 0;
  if (l != NULL && v->top < l->nlines)
    {
      m->block = l->lines[v->top].block;
      m->offset = l->lines[v->top].offset;
    }
  m->selected = v->selected;
}

void
viewport_seek (struct viewport *v, const struct viewport_mark *m, bool exact)
{
  v->want = *m;
  v->exact = exact;
  v->to_match = false;
  v->seeking = true;
  v->settled = false;
}

void
viewport_seek_match (struct viewport *v, uint32_t block)
{
  struct viewport_mark m = { block, 0, -1 };

  viewport_seek (v, &m, false);
  v->to_match = true;
}

/* Goes to WANT: lays the page out past the block of the mark, puts that
   line at the top, and selects its link.  False if a label is missing.  */
static bool
viewport_go_there (struct viewport *v)
{
  struct layout *l = v->layout;
  uint32_t block = v->want.block;

  while (!l->complete
         && (l->nlines == 0 || l->lines[l->nlines - 1].block <= block))
    if (!viewport_have (v, l->nlines + v->rows + 1))
      return false;
  if (!viewport_have_link (v, v->want.selected))
    return false;
  v->top = v->exact ? layout_find_anchor (l, block, v->want.offset)
           : block == LAYOUT_HEAD ? 0
           : layout_find_block (l, block - 1);
  if (v->to_match)
    {
      size_t at;

      while ((at = layout_find_highlight (l, v->top)) == SIZE_MAX
             && !l->complete)
        if (!viewport_have (v, l->nlines + v->rows + 1))
          return false;
      /* In view, with two lines before it where it is not near the
         start.  */
      if (at != SIZE_MAX && at + 1 >= v->top + v->rows)
        v->top = at > 2 ? at - 2 : 0;
    }
  if (v->want.selected >= 0 && (size_t) v->want.selected < l->nlinks)
    v->selected = v->want.selected;
  v->seeking = false;
  return true;
}

bool
viewport_fill (struct viewport *v)
{
  struct layout *l = v->layout;

  if (l == NULL)
    return true;
  if (v->seeking && !viewport_go_there (v))
    return false;
  if (!v->settled)
    {
      if (!viewport_have (v, v->top + v->rows + 1)
          || !viewport_have_link (v, v->selected))
        return false;
      if (v->top > viewport_max_top (v))
        v->top = viewport_max_top (v);
      if (v->selected >= 0 && (size_t) v->selected >= l->nlinks)
        v->selected = -1;
      /* A menu always has a selection, so that Enter does something.  */
      if (v->menu && v->selected < 0 && l->nlinks > 0)
        v->selected = 0;
      if (v->selected >= 0)
        {
          viewport_show_link (v, v->selected);
          if (!viewport_have (v, v->top + v->rows + 1))
            return false;
          if (v->top > viewport_max_top (v))
            v->top = viewport_max_top (v);
        }
      v->settled = true;
    }
  return viewport_have (v, v->top + v->rows + 1);
}

/* ------------------------------------------------------------------ */
/* Moves.  */

enum result
viewport_down (struct viewport *v)
{
  int32_t next;
  const struct layout_link *l;

  if (v->layout == NULL)
    return RESULT_IGNORED;
  if (!viewport_have (v, v->top + v->rows + 1))
    return RESULT_NEED;
  next = v->selected >= 0 ? v->selected + 1
                          : viewport_first_visible_link (v);
  /* On a menu the highlight goes to the next entry, and the entry is
     scrolled into view: scrolling first, with the highlight left where it
     was, made a small screen look stuck.  */
  if (v->menu && next > 0 && !viewport_have_link (v, next))
    return RESULT_NEED;
  l = viewport_link (v, next);
  if (l != NULL && (v->menu || l->line < v->top + v->rows)
      && (v->selected >= 0 || l->line >= v->top))
    {
      v->selected = next;
      viewport_show_link (v, next);
      return RESULT_BODY;
    }
  if (v->top < viewport_max_top (v))
    {
      v->top++;
      viewport_fix_selection (v, true);
      v->settled = false;
      return RESULT_BODY;
    }
  return RESULT_IGNORED;
}

enum result
viewport_up (struct viewport *v)
{
  if (v->layout == NULL)
    return RESULT_IGNORED;
  if (v->selected > 0)
    {
      const struct layout_link *l = viewport_link (v, v->selected - 1);

      if (l != NULL && (v->menu || l->line + l->nlines > v->top))
        {
          v->selected--;
          viewport_show_link (v, v->selected);
          return RESULT_BODY;
        }
    }
  if (v->top > 0)
    {
      v->top--;
      viewport_fix_selection (v, false);
      v->settled = false;
      return RESULT_BODY;
    }
  if (v->selected >= 0 && !v->menu)
    {
      v->selected = -1;
      return RESULT_BODY;
    }
  return RESULT_IGNORED;
}

enum result
viewport_scroll (struct viewport *v, long delta)
{
  size_t max, top = v->top;

  if (v->layout == NULL)
    return RESULT_IGNORED;
  if (delta > 0 && !viewport_have (v, (size_t) delta >= SIZE_MAX / 2
                                         ? SIZE_MAX
                                         : top + (size_t) delta + v->rows
                                             + 1))
    return RESULT_NEED;
  if (delta < 0 && !viewport_have (v, top + v->rows + 1))
    return RESULT_NEED;
  max = viewport_max_top (v);
  if (delta < 0)
    top = (size_t) -delta > top ? 0 : top - (size_t) -delta;
  else
    top = top + (size_t) delta > max ? max : top + (size_t) delta;
  if (top == v->top)
    {
      /* At the end already: on menus, the selection goes there.  */
      int32_t n = (int32_t) v->layout->nlinks;
      int32_t want = delta < 0 ? 0 : n - 1;

      if (v->menu && n > 0 && v->selected != want)
        {
          v->selected = want;
          return RESULT_BODY;
        }
      return RESULT_IGNORED;
    }
  v->top = top;
  viewport_fix_selection (v, delta > 0);
  v->settled = false;
  return RESULT_BODY;
}

enum result
viewport_next_link (struct viewport *v, int dir)
{
  size_t n;
  int32_t k;

  if (v->layout == NULL)
    return RESULT_IGNORED;
  /* The link after the selected one, or the last one (Shift-Tab from the
     first wraps round).  */
  if (!viewport_have_link (v, dir > 0 && v->selected >= 0 ? v->selected + 1
                              : dir < 0 && v->selected <= 0 ? INT32_MAX
                              : -1))
    return RESULT_NEED;
  n = v->layout->nlinks;
  if (n == 0)
    return RESULT_IGNORED;
  if (v->selected < 0)
    {
      k = dir > 0 ? viewport_first_visible_link (v)
                  : viewport_last_visible_link (v);
      if (k < 0)
        k = dir > 0 ? 0 : (int32_t) n - 1;
    }
  else
    k = (int32_t) ((v->selected + dir + (int32_t) n) % (int32_t) n);
  v->selected = k;
  viewport_show_link (v, k);
  return RESULT_BODY;
}

int32_t
viewport_select_line (struct viewport *v, size_t line)
{
  const struct layout *l = v->layout;

  if (l == NULL || line >= l->nlines || l->lines[line].link < 0)
    return -1;
  v->selected = l->lines[line].link;
  return v->selected;
}

/* ------------------------------------------------------------------ */
/* Laying out ahead.  */

bool
viewport_prepare (struct viewport *v, const struct page *p,
                  const struct layout_options *o, bool *waiting)
{
  /* Laid out for this screen's height, as viewport_show() would.  */
  struct layout_options want = *o;

  want.rows = v->rows;
  *waiting = false;
  if (v->ahead != NULL && v->ahead_page == p
      && viewport_same_options (&v->ahead_opts, &want))
    {
      if (v->ahead->complete)
        return false;
      layout_more (v->ahead, p, &v->ahead_opts, SIZE_MAX);
      *waiting = v->ahead->waiting;
      return true;
    }
  viewport_drop_ahead (v);
  viewport_take_options (&v->ahead_opts, &v->ahead_notice,
                         &v->ahead_highlight, &want);
  v->ahead_page = p;
  v->ahead = layout_page_part (p, &v->ahead_opts, SIZE_MAX);
  *waiting = v->ahead->waiting;
  return true;
}

/* ------------------------------------------------------------------ */
/* Reading aloud.  */

enum result
viewport_highlight (struct viewport *v, uint32_t off, uint32_t end,
                    size_t line, size_t nlines)
{
  if (v->layout == NULL)
    return RESULT_IGNORED;
  if (v->mark_off == off && v->mark_end == end)
    return RESULT_IGNORED;
  v->mark_off = off;
  v->mark_end = end;
  if (end > off)
    {
      if (nlines == 0)
        nlines = 1;
      if (line < v->top || line + nlines > v->top + v->rows)
        {
          v->top = line;
          viewport_fix_selection (v, true);
          v->settled = false;
        }
    }
  return RESULT_BODY;
}

bool
viewport_complete (struct viewport *v)
{
  return viewport_have (v, SIZE_MAX);
}
