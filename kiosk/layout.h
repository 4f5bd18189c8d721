/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* layout.h -- a page laid out for a given width: lines of styled spans.

   layout_page() is a pure function from a page and options (width,
   charset, language, plain mode) to lines.  Each line is a run of spans
   {text, length, columns, role}, an indent, an optional frame (the sides
   of a warning box), the link it belongs to, and an anchor (block and
   byte offset) so that a scroll position survives a re-layout.  Lines are
   broken with libunistring's line breaking at the width given, which keeps
   French « », : ; ! ? with their word; widths come from libunistring.
   The same lines feed the ncurses view, --dump and the unit tests.  No
   curses here.  */

#ifndef MESOKIOSK_LAYOUT_H
#define MESOKIOSK_LAYOUT_H

#include "page.h"
#include "role.h"
#include "translit.h"

enum layout_frame
{
  FRAME_NONE,
  FRAME_TOP,            /* Top border; its spans are the label.  */
  FRAME_SIDE,           /* Inside the box, between the two sides.  */
  FRAME_BOTTOM          /* Bottom border.  */
};

/* Anchors number the title and summary 0 and block i as i + 1.  */
enum { LAYOUT_HEAD = 0 };
enum { LAYOUT_MIN_WIDTH = 8 };

struct layout_span
{
  uint32_t off, len;    /* Bytes in the layout's text.  */
  uint16_t cols;        /* Display width.  */
  uint8_t role;         /* enum style_role.  */
};

struct layout_line
{
  uint32_t span;        /* First span.  */
  uint16_t nspans;
  uint16_t indent;      /* Columns before the first span (inside a frame,
                           from the inner edge).  */
  uint16_t cols;        /* Width of the spans.  */
  uint8_t frame;        /* enum layout_frame.  */
  uint8_t level;        /* Frames: the box's enum warning_level.  */
  int32_t link;         /* Link index, or -1.  */
  uint32_t block;       /* Anchor: block index + 1, or LAYOUT_HEAD.  */
  uint32_t offset;      /* Anchor: (item << 16) | byte offset.  */
};

struct layout_link
{
  const char *target;   /* Points into the page: valid while it is.  */
  uint32_t line, nlines;        /* First line and number of lines.  */
  uint32_t block;
};

struct layout
{
  unsigned width;               /* Columns of the widest possible line.  */
  char *text;                   /* Owned; all span texts.  */
  size_t text_len, text_cap;
  struct layout_span *spans;    /* Owned.  */
  size_t nspans, spans_cap;
  struct layout_line *lines;    /* Owned.  */
  size_t nlines, lines_cap;
  struct layout_link *links;    /* Owned.  */
  size_t nlinks, links_cap;
  size_t next_block;            /* Blocks laid out so far.  */
  bool complete;                /* Every block is laid out.  */
  bool waiting;                 /* Stopped before a link whose label is
                                   not known yet (LAYOUT_WAIT): the next
                                   layout_more() tries it again.  */
};

struct layout_options
{
  unsigned width;               /* Columns available, >= LAYOUT_MIN_WIDTH.  */
  enum charset charset;
  bool french;                  /* Apply French spacing.  */
  bool plain;                   /* No frames (screen-reader mode).  */
  unsigned rows;                /* Rows of the screen, or 0 (no limit): a
                                   QR code taller than this is shown as
                                   text.  */
  /* The word on the frame of each level of warning box, translated;
     NULL: layout_level_word()'s, in English.  */
  const char *level_labels[LEVEL_COUNT];
  const char *notice;           /* A line shown first, or NULL.  */
  bool notice_french;           /* The notice is in French.  */
  /* Words to highlight (ROLE_MATCH) in the page's text: folded words
     (search.h) separated by spaces; a word of the text whose folded form
     starts with one is marked.  NULL: none.  */
  const char *highlight;
  /* Label of a link block that has none: the title of TARGET, for a
     page in LANG, with the language of that title in *LABEL_LANG (it may
     be another: its typography follows it); NULL if there is none (the
     link shows its target, or is left out if optional); LAYOUT_WAIT if it
     is not known yet (the layout stops before the link).  */
  const char *(*link_label) (void *ctx, const char *lang,
                             const char *target, const char **label_lang);
  /* True if a link to TARGET is left out, with its note (a page the
     settings hide); NULL: none is.  */
  bool (*link_gone) (void *ctx, const char *target);
  void *ctx;
};

/* What link_label() returns for a label not known yet.  */
extern const char layout_wait[];
#define LAYOUT_WAIT layout_wait

/* The frame of a box: horizontal, vertical, then the corners.  */
struct layout_box
{
  const char *h, *v, *tl, *tr, *bl, *br;
};

/* Characters for bullets, links and frames in a charset.  H to BR frame
   urgent boxes and dialogs; emergency boxes have a double frame and
   information boxes a dotted one, inset by LAYOUT_INFO_INSET columns.
   QR holds the half blocks of a QR code (none, upper, lower, both dark),
   or NULL where the charset has none.  */
struct layout_glyphs
{
  const char *bullet, *arrow;
  const char *h, *v, *tl, *tr, *bl, *br;
  struct layout_box emergency, info;
  const char *qr[4];
};
const struct layout_glyphs *layout_glyphs (enum charset cs);

enum { LAYOUT_INFO_INSET = 2 };

/* The word on the frame of LEVEL ("Emergency", "Urgent",
   "Information"), to be translated (it is marked for gettext).  */
const char *layout_level_word (enum warning_level level);
/* The word O gives LEVEL, or layout_level_word()'s.  */
const char *layout_level_label (const struct layout_options *o,
                                enum warning_level level);

/* Lays out P; the result refers to P (link targets) and is freed with
   layout_free().  Never returns NULL.  */
struct layout *layout_page (const struct page *p,
                            const struct layout_options *o);
/* Lays out P as far as it takes to have LINES lines (a whole block at a
   time): a menu of a thousand topics need not read and lay out every
   title before the first screen.  The rest comes with layout_more(),
   called with the same P and options; COMPLETE says when it is all in.  */
struct layout *layout_page_part (const struct page *p,
                                 const struct layout_options *o,
                                 size_t lines);
/* Lays out more of P until L has LINES lines or is complete; returns true
   if lines were added.  */
bool layout_more (struct layout *l, const struct page *p,
                  const struct layout_options *o, size_t lines);
void layout_free (struct layout *l);

/* The line that shows the anchor (BLOCK, OFFSET) best: the last line
   whose anchor is not after it.  */
size_t layout_find_anchor (const struct layout *l, uint32_t block,
                           uint32_t offset);
/* The first line of block index BLOCK, or of the first block after it.  */
size_t layout_find_block (const struct layout *l, uint32_t block);

/* Draws line I of L piece by piece, frame and padding included: calls FN
   with each piece's text (LEN bytes, COLS columns), how many times to
   repeat it, and its role.  The view and --dump both draw through it.  */
typedef void layout_piece_fn (void *ctx, const char *s, size_t len,
                              unsigned cols, unsigned repeat,
                              enum style_role role);
void layout_render_line (const struct layout *l, size_t i,
                         const struct layout_glyphs *g, layout_piece_fn *fn,
                         void *ctx);

/* The first line at or after FROM with a highlighted word, or SIZE_MAX.  */
size_t layout_find_highlight (const struct layout *l, size_t from);

/* Lays out the N bytes at S as plain wrapped text (for notices and
   dialogs): lines of ROLE, each with one span.  */
struct layout *layout_text (const char *s, size_t n, enum style_role role,
                            const struct layout_options *o);

#endif /* MESOKIOSK_LAYOUT_H */
