/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* viewport.h -- a page on a screen of ROWS lines: what shows, what is
   selected, and moving through it.

   A viewport shows one page, laid out a block at a time as far as the
   screen needs (a menu of a thousand topics does not lay out a thousand
   titles for its first screen), and moves through it: a line, a screen,
   to the next link.  It owns its layouts (the page shown, and one page
   laid out ahead of time, which showing that page then adopts); the pages
   and the label context of the layout options are borrowed.

   Moves that need more of the page than is laid out lay it out; when that
   stops at a link whose label is not known yet (layout.h, LAYOUT_WAIT),
   they return RESULT_NEED and change nothing.  Showing a page, a resize
   or a seek only say where the viewport should be: viewport_fill() gets
   it there, and lays out what the screen shows and one line more, before
   anything is drawn.  Pure: no I/O, no curses; the unit tests drive it
   with pages built in code.  */

#ifndef MESOKIOSK_VIEWPORT_H
#define MESOKIOSK_VIEWPORT_H

#include <limits.h>

#include "layout.h"
#include "result.h"

/* The widest text column: every column minus a margin on narrow
   terminals, at most VIEWPORT_MEASURE on wide ones (centred by the
   view).  */
enum { VIEWPORT_MEASURE = 72 };
unsigned viewport_measure (unsigned cols);

/* A place in a page that survives a new layout: the line at the top (its
   anchor) and the selected link.  */
struct viewport_mark
{
  uint32_t block, offset;       /* Anchor of the top line (layout.h).  */
  int32_t selected;             /* Selected link, or -1.  */
};

struct viewport
{
  const struct page *page;      /* Shown (borrowed), or NULL.  */
  struct layout_options opts;   /* PAGE is laid out with these; the
                                   notice is NOTICE, the highlighted words
                                   HIGHLIGHT.  */
  char *notice;                 /* Owned copies, or NULL.  */
  char *highlight;
  struct layout *layout;        /* Owned; NULL without a page or a size.  */
  unsigned rows;                /* Lines of text on the screen.  */
  size_t top;                   /* Layout line at the top.  */
  int32_t selected;             /* Selected link, or -1.  */
  bool menu;                    /* Something is always selected, and the
                                   selection follows a scroll.  */
  bool settled;                 /* TOP and SELECTED fit the layout;
                                   false until viewport_fill().  */
  bool seeking;                 /* viewport_fill() goes to WANT first.  */
  bool exact;                   /* WANT is in the same layout (the same
                                   page and language), not only the same
                                   block.  */
  bool to_match;                /* Then on to the first highlighted word
                                   from there.  */
  struct viewport_mark want;
  uint32_t mark_off, mark_end;  /* Highlighted: bytes [MARK_OFF, MARK_END)
                                   of the layout's text (the sentence
                                   read aloud); none when equal.  */
  struct layout *ahead;         /* Owned: AHEAD_PAGE laid out ahead, with
                                   AHEAD_OPTS and AHEAD_NOTICE.  */
  const struct page *ahead_page;
  struct layout_options ahead_opts;
  char *ahead_notice;           /* Owned, or NULL.  */
  char *ahead_highlight;
};

void viewport_init (struct viewport *v);
void viewport_done (struct viewport *v);
/* Forgets the page and every layout (their pages are going away).  */
void viewport_clear (struct viewport *v);

/* Shows P from the top, laid out with O (copied, but for the label
   context), as a menu with MENU.  The layout prepared ahead is used if
   it is P's with the same options.  */
void viewport_show (struct viewport *v, const struct page *p,
                    const struct layout_options *o, bool menu);
/* Sets the text area: WIDTH columns, ROWS lines; the line at the top stays
   there.  */
enum result viewport_resize (struct viewport *v, unsigned width,
                             unsigned rows);
/* Where the viewport is; and going back there, after showing the same page
   (EXACT: the same layout, so the very line) or the same page in another
   language (only the same block).  */
void viewport_mark (const struct viewport *v, struct viewport_mark *m);
void viewport_seek (struct viewport *v, const struct viewport_mark *m,
                    bool exact);
/* Goes to block BLOCK (a layout anchor) and on to the first highlighted
   word from there (layout_options.highlight), which is brought into
   view.  */
void viewport_seek_match (struct viewport *v, uint32_t block);
/* Lays out what the screen shows and one line more, after going where a
   show, a resize or a seek said.  Returns false if it stopped at a label
   not known yet: supply it and call again.  */
bool viewport_fill (struct viewport *v);

/* Moves: select the next or previous link on screen, or scroll a line;
   scroll DELTA lines (VIEWPORT_ALL: to an end); select the next link in
   direction DIR (1 or -1), wrapping round.  */
#define VIEWPORT_ALL (LONG_MAX / 4)
enum result viewport_down (struct viewport *v);
enum result viewport_up (struct viewport *v);
enum result viewport_scroll (struct viewport *v, long delta);
enum result viewport_next_link (struct viewport *v, int dir);
/* Selects the link on layout line LINE; returns it, or -1 if there is
   none there (then nothing changes).  */
int32_t viewport_select_line (struct viewport *v, size_t line);

/* Highlights bytes [OFF, END) of the layout's text, on layout lines
   [LINE, LINE + NLINES), and scrolls them into view (to the top of the
   screen when they are below it, as a page-down would).  OFF == END
   takes the highlight away.  A new page or a new layout takes it away
   too.  */
enum result viewport_highlight (struct viewport *v, uint32_t off,
                                uint32_t end, size_t line, size_t nlines);

/* Lays out the whole page (for reading it aloud); false if it stopped
   at a label not known yet: supply it and call again.  */
bool viewport_complete (struct viewport *v);

/* Link K of the layout, or NULL.  */
const struct layout_link *viewport_link (const struct viewport *v,
                                         int32_t k);

/* Lays out P ahead of time with O, so that showing it costs only
   drawing.  Returns true if it did some work or stopped at a label not
   known yet (*WAITING: supply it and call again), false if P is laid out
   ahead already.  */
bool viewport_prepare (struct viewport *v, const struct page *p,
                       const struct layout_options *o, bool *waiting);
/* Drops what was laid out ahead.  */
void viewport_drop_ahead (struct viewport *v);

#endif /* MESOKIOSK_VIEWPORT_H */
