/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* test-viewport.c -- moving through a page on a small screen, with pages
   built in code: no content on disk, no library.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "unit.h"
#include "viewport.h"
#include "xalloc.h"

/* A page of N_TEXT one-line paragraphs, then N_LINKS links without a
   label (their label is the target's "title", from title_of()).  */
static struct page *
make_page (int n_text, int n_links)
{
  struct page *p = page_new ();

  p->lang = "en";
  p->title = "A page";
  for (int i = 0; i < n_text; i++)
    {
      char *t = xasprintf ("Paragraph %d.", i);

      page_add_block (p, BLOCK_TEXT)->text = arena_strdup (&p->arena, t);
      free (t);
    }
  for (int i = 0; i < n_links; i++)
    {
      char *id = xasprintf ("target-%d", i);
      struct block *b = page_add_block (p, BLOCK_LINK);

      b->target = arena_strdup (&p->arena, id);
      free (id);
    }
  p->complete = true;
  return p;
}

/* Titles "known" so far: targets below KNOWN have one; the others are
   not known yet (LAYOUT_WAIT), as titles not read from the library.  */
struct titles
{
  int known;
  int asked;
};

static const char *
title_of (void *ctx, const char *lang, const char *target,
          const char **label_lang)
{
  struct titles *t = ctx;
  int n = atoi (target + strlen ("target-"));

  (void) lang;
  (void) label_lang;
  t->asked++;
  return n < t->known ? "A linked page" : LAYOUT_WAIT;
}

/* True if all of link K is on V's screen.  */
static bool
viewport_link_is_visible (const struct viewport *v, int32_t k)
{
  const struct layout_link *l = viewport_link (v, k);

  return l != NULL && l->line >= v->top
         && l->line + l->nlines <= v->top + v->rows;
}

static void
options (struct layout_options *o, struct titles *t)
{
  memset (o, 0, sizeof *o);
  o->width = 40;
  o->charset = CHARSET_ASCII;
  o->level_labels[LEVEL_URGENT] = "Warning";
  o->link_label = title_of;
  o->ctx = t;
}

/* Fills V, making one more title known each time it waits.  */
static void
fill (struct viewport *v, struct titles *t)
{
  while (!viewport_fill (v))
    t->known++;
}

static void
test_scroll_and_select (void)
{
  struct page *p = make_page (20, 3);
  struct titles t = { 100, 0 };
  struct layout_options o;
  struct viewport v;

  options (&o, &t);
  viewport_init (&v);
  CHECK_INT (viewport_resize (&v, 40, 5), RESULT_FULL);
  viewport_show (&v, p, &o, false);
  fill (&v, &t);
  /* Laid out as far as the screen and one line more, not all.  */
  CHECK (!v.layout->complete);
  CHECK (v.layout->nlines >= 6);
  CHECK_INT (v.top, 0);
  CHECK_INT (v.selected, -1);
  CHECK_INT (viewport_up (&v), RESULT_IGNORED);
  CHECK_INT (viewport_down (&v), RESULT_BODY);
  CHECK_INT (v.top, 1);
  CHECK_INT (viewport_scroll (&v, 4), RESULT_BODY);
  CHECK_INT (v.top, 5);
  /* To the end: the links come into view, and Down selects them.  */
  CHECK_INT (viewport_scroll (&v, VIEWPORT_ALL), RESULT_BODY);
  fill (&v, &t);
  CHECK (v.layout->complete);
  CHECK_INT (v.top, v.layout->nlines - 5);
  CHECK_INT (viewport_down (&v), RESULT_BODY);
  CHECK_INT (v.selected, 0);
  CHECK_INT (viewport_down (&v), RESULT_BODY);
  CHECK_INT (viewport_down (&v), RESULT_BODY);
  CHECK_INT (v.selected, 2);
  CHECK_INT (viewport_down (&v), RESULT_IGNORED);
  /* Tab wraps round; a scroll up drops the selection of a page.  */
  CHECK_INT (viewport_next_link (&v, 1), RESULT_BODY);
  CHECK_INT (v.selected, 0);
  CHECK_INT (viewport_scroll (&v, -VIEWPORT_ALL), RESULT_BODY);
  CHECK_INT (v.top, 0);
  CHECK_INT (v.selected, -1);
  /* A tap on a link's line selects it; elsewhere, nothing.  */
  CHECK_INT (viewport_select_line (&v, 0), -1);
  CHECK_INT (viewport_select_line (&v, v.layout->links[1].line), 1);
  viewport_done (&v);
  page_free (p);
}

static void
test_menu (void)
{
  struct page *p = make_page (0, 12);
  struct titles t = { 100, 0 };
  struct layout_options o;
  struct viewport v;

  options (&o, &t);
  viewport_init (&v);
  viewport_resize (&v, 40, 5);
  viewport_show (&v, p, &o, true);
  fill (&v, &t);
  /* A menu always has a selection, and it follows the scroll.  */
  CHECK_INT (v.selected, 0);
  CHECK_INT (viewport_scroll (&v, 4), RESULT_BODY);
  fill (&v, &t);
  CHECK (viewport_link (&v, v.selected)->line >= v.top);
  CHECK_INT (viewport_scroll (&v, -VIEWPORT_ALL), RESULT_BODY);
  fill (&v, &t);
  CHECK_INT (v.top, 0);
  /* Down moves the highlight first, and scrolls the entry into view: at
     the last entry on the screen, the next one is selected.  */
  v.selected = 0;
  while (viewport_link_is_visible (&v, v.selected + 1))
    CHECK_INT (viewport_down (&v), RESULT_BODY);
  {
    int32_t last = v.selected;

    CHECK_INT (viewport_down (&v), RESULT_BODY);
    CHECK_INT (v.selected, last + 1);
    fill (&v, &t);
    CHECK (viewport_link_is_visible (&v, last + 1));
    CHECK_INT (viewport_up (&v), RESULT_BODY);
    CHECK_INT (v.selected, last);
  }
  viewport_scroll (&v, -VIEWPORT_ALL);
  fill (&v, &t);
  /* At the top already, Home selects the first entry.  */
  v.selected = 3;
  CHECK_INT (viewport_scroll (&v, -VIEWPORT_ALL), RESULT_BODY);
  CHECK_INT (v.selected, 0);
  viewport_done (&v);
  page_free (p);
}

/* A title not known yet stops the layout before its link, and a move
   that needs what lies beyond says so and changes nothing.  */
static void
test_waiting (void)
{
  struct page *p = make_page (2, 10);
  struct titles t = { 1, 0 };
  struct layout_options o;
  struct viewport v;
  size_t top;

  options (&o, &t);
  viewport_init (&v);
  viewport_resize (&v, 40, 10);
  viewport_show (&v, p, &o, false);
  CHECK (!viewport_fill (&v));
  CHECK (v.layout->waiting);
  CHECK_INT (v.layout->nlinks, 1);
  fill (&v, &t);
  CHECK (v.layout->nlines >= 11);
  top = v.top;
  CHECK_INT (viewport_scroll (&v, VIEWPORT_ALL), RESULT_NEED);
  CHECK_INT (v.top, top);
  CHECK_INT (v.selected, -1);
  t.known = 100;
  CHECK_INT (viewport_scroll (&v, VIEWPORT_ALL), RESULT_BODY);
  CHECK (v.layout->complete);
  CHECK_INT (v.layout->nlinks, 10);
  viewport_done (&v);
  page_free (p);
}

/* A resize lays the page out again and keeps the top line there; a mark
   taken and sought again comes back to the same line and link.  */
static void
test_resize_and_seek (void)
{
  struct page *p = make_page (30, 2);
  struct titles t = { 100, 0 };
  struct layout_options o;
  struct viewport v;
  struct viewport_mark m;
  uint32_t block;

  options (&o, &t);
  viewport_init (&v);
  viewport_resize (&v, 40, 5);
  viewport_show (&v, p, &o, false);
  fill (&v, &t);
  viewport_scroll (&v, 12);
  fill (&v, &t);
  block = v.layout->lines[v.top].block;
  CHECK_INT (viewport_resize (&v, 12, 4), RESULT_FULL);
  fill (&v, &t);
  CHECK_INT (v.layout->width, 12);
  CHECK_INT (v.layout->lines[v.top].block, block);
  CHECK_INT (viewport_resize (&v, 12, 4), RESULT_IGNORED);
  viewport_mark (&v, &m);
  viewport_show (&v, p, &o, false);
  viewport_seek (&v, &m, false);
  fill (&v, &t);
  CHECK_INT (v.layout->lines[v.top].block, block);
  /* Tiny sizes are clamped.  */
  viewport_resize (&v, 0, 0);
  fill (&v, &t);
  CHECK_INT (v.layout->width, LAYOUT_MIN_WIDTH);
  CHECK_INT (v.rows, 1);
  viewport_done (&v);
  page_free (p);
}

/* A page laid out ahead is the layout used when it is shown, once.  */
static void
test_prepare (void)
{
  struct page *a = make_page (3, 1), *b = make_page (8, 2);
  struct titles t = { 100, 0 };
  struct layout_options o;
  struct viewport v;
  bool waiting;
  const struct layout *ahead;

  options (&o, &t);
  viewport_init (&v);
  viewport_resize (&v, 40, 5);
  viewport_show (&v, a, &o, false);
  fill (&v, &t);
  CHECK (viewport_prepare (&v, b, &o, &waiting));
  CHECK (!waiting);
  CHECK (!viewport_prepare (&v, b, &o, &waiting));
  ahead = v.ahead;
  viewport_show (&v, b, &o, false);
  CHECK (v.layout == ahead);
  CHECK (v.ahead == NULL);
  /* Other options (another width) are another layout.  */
  CHECK (viewport_prepare (&v, a, &o, &waiting));
  o.width = 30;
  CHECK (viewport_prepare (&v, a, &o, &waiting));
  o.width = 40;
  viewport_show (&v, a, &o, false);
  CHECK (v.ahead != NULL);
  viewport_done (&v);
  page_free (a);
  page_free (b);
}

static void
test_measure (void)
{
  CHECK_INT (viewport_measure (80), 72);
  CHECK_INT (viewport_measure (200), 72);
  CHECK_INT (viewport_measure (60), 58);
  CHECK_INT (viewport_measure (40), 38);
  CHECK_INT (viewport_measure (10), 10);
  CHECK_INT (viewport_measure (3), LAYOUT_MIN_WIDTH);
}

/* True if some line of V's layout is a row of a QR code.  */
static bool
shows_code (const struct viewport *v)
{
  for (size_t i = 0; i < v->layout->nlines; i++)
    {
      const struct layout_line *line = &v->layout->lines[i];

      if (line->nspans > 0 && v->layout->spans[line->span].role == ROLE_QR)
        return true;
    }
  return false;
}

/* A page with a QR code is laid out again when only the height changes:
   the code is drawn only where the screen holds all of it.  */
static void
test_qr_rows (void)
{
  static const uint8_t modules[21 * 21] = { 1 };
  struct page *p = page_new ();
  struct block *b;
  struct titles t = { 100, 0 };
  struct layout_options o;
  struct viewport v;

  p->lang = "en";
  p->title = "Card";
  b = page_add_block (p, BLOCK_QR);
  b->qr = modules;
  b->qr_size = 21;
  b->title = "Clinic";
  b->text = "01";
  p->complete = true;
  options (&o, &t);
  o.charset = CHARSET_UTF8;
  viewport_init (&v);
  viewport_resize (&v, 40, 8);
  viewport_show (&v, p, &o, false);
  fill (&v, &t);
  CHECK (!shows_code (&v));
  /* Taller: 13 rows of half blocks fit.  */
  CHECK_INT (viewport_resize (&v, 40, 20), RESULT_FULL);
  fill (&v, &t);
  CHECK (shows_code (&v));
  CHECK_INT (viewport_resize (&v, 40, 12), RESULT_FULL);
  fill (&v, &t);
  CHECK (!shows_code (&v));
  viewport_done (&v);
  page_free (p);
}


/* The sentence read aloud is highlighted and scrolled into view: below
   the screen it comes to the top, as a page-down would; on the screen
   nothing moves; a new layout takes the highlight away.  */
static void
test_highlight (void)
{
  struct page *p = make_page (30, 0);
  struct titles t = { 100, 0 };
  struct layout_options o;
  struct viewport v;

  options (&o, &t);
  viewport_init (&v);
  viewport_resize (&v, 40, 5);
  viewport_show (&v, p, &o, false);
  fill (&v, &t);
  CHECK (viewport_complete (&v));
  CHECK (v.layout->complete);
  CHECK_INT (viewport_highlight (&v, 3, 9, 2, 1), RESULT_BODY);
  CHECK_INT (v.top, 0);
  CHECK_INT (v.mark_off, 3);
  CHECK_INT (v.mark_end, 9);
  CHECK_INT (viewport_highlight (&v, 3, 9, 2, 1), RESULT_IGNORED);
  CHECK_INT (viewport_highlight (&v, 100, 110, 20, 2), RESULT_BODY);
  fill (&v, &t);
  CHECK_INT (v.top, 20);
  /* Above the screen: back up to it.  */
  CHECK_INT (viewport_highlight (&v, 50, 60, 7, 1), RESULT_BODY);
  fill (&v, &t);
  CHECK_INT (v.top, 7);
  /* None: nothing highlighted, nothing moves.  */
  CHECK_INT (viewport_highlight (&v, 0, 0, 0, 0), RESULT_BODY);
  CHECK_INT (v.top, 7);
  CHECK_INT (v.mark_end, 0);
  viewport_highlight (&v, 50, 60, 7, 1);
  viewport_resize (&v, 30, 5);
  CHECK_INT (v.mark_end, v.mark_off);
  viewport_highlight (&v, 50, 60, 7, 1);
  viewport_show (&v, p, &o, false);
  CHECK_INT (v.mark_end, v.mark_off);
  viewport_done (&v);
  page_free (p);
}

int
main (void)
{
  RUN (test_scroll_and_select);
  RUN (test_menu);
  RUN (test_waiting);
  RUN (test_resize_and_seek);
  RUN (test_prepare);
  RUN (test_measure);
  RUN (test_qr_rows);
  RUN (test_highlight);
  return unit_done ();
}
