/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* page.h -- the content model: pages made of blocks.

   A page is one YAML file in one language.  Everything a page points to
   (its strings and arrays) lives in the page's own arena, so page_free()
   releases it in one call.  A page may be a header only (id, title,
   summary), read cheaply for menus, or complete (with blocks).
   Pages also describe the screens the kiosk builds itself (home menu,
   help, language choice, search results): those are "synthetic" pages
   whose links may carry an action instead of a page id.  No curses here.  */

#ifndef MESOKIOSK_PAGE_H
#define MESOKIOSK_PAGE_H

#include "arena.h"

enum block_kind
{
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_LIST,
  BLOCK_WARNING,
  BLOCK_LINK,
  BLOCK_QR              /* The clinic's contact card as a QR code.  */
};

/* Where something was read: file (in an arena), 1-based line and
   column.  */
struct origin
{
  const char *file;
  unsigned line, col;
};

/* How urgent a warning box is.  Each level has its own frame, word,
   place and colours (layout.c, theme.c), so that no level is told from
   another by colour alone.  A zeroed block is URGENT: what a box without
   a level in its file is taken for, erring towards calling.  */
enum warning_level
{
  LEVEL_URGENT,         /* Call the clinic now.  */
  LEVEL_EMERGENCY,      /* Call the emergency number now.  */
  LEVEL_INFO,           /* A note: nothing to do at once.  */
  LEVEL_COUNT
};

/* The names of the levels in content files, by enum warning_level.  */
extern const char *const page_level_names[LEVEL_COUNT];

/* A calendar date; YEAR 0 means none.  */
struct page_date
{
  uint16_t year;
  uint8_t month, day;
};

/* Who reviewed a page, when, and when it is to be reviewed again.  */
struct page_review
{
  const char *by;               /* NULL: the page has no review.  */
  struct page_date date, next;
  struct origin next_at;        /* Where NEXT was read.  */
};

/* A work a page's facts come from.  */
struct page_source
{
  const char *title;
  const char *publisher;
  const char *url;              /* NULL when not given.  */
  unsigned year;                /* 0 when not given.  */
};

/* A list of strings, in an arena, with where each item was read (AT may
   be NULL for lists built in code).  */
struct strv
{
  const char **v;
  size_t n;
  const struct origin *at;
};

/* A highlighted range of a block's note (a search match), in bytes.  */
struct block_mark
{
  uint32_t off, len;
};

struct block
{
  enum block_kind kind;
  const char *text;             /* Heading, paragraph, warning text, link
                                   label; NULL when absent.  */
  const char *title;            /* Warning title; NULL when absent.  */
  const char *note;             /* Link: a second, quieter line (menus).  */
  const struct block_mark *marks;       /* Highlights in NOTE; a note
                                           with marks is kept on one
                                           line.  */
  size_t nmarks;
  struct strv items;            /* List and warning items.  */
  const char *target;           /* Link: a page id, or "lang:fr" etc.  */
  uint8_t level;                /* Warning: enum warning_level.  */
  bool urgent;                  /* Link: stands out (warning signs).  */
  bool optional;                /* Link without a label: left out when
                                   its target turns out to be unreadable
                                   (menus built from the library).  */
  const char *lang;             /* The language of the block's texts when
                                   it is not the page's (a title and a
                                   snippet of another page), or NULL.  */
  /* QR: the modules, QR_SIZE rows of QR_SIZE bytes (1: dark), or NULL
     when the clinic has no phone number (the block shows nothing); TITLE
     and TEXT are then the clinic's name and phone number.  */
  const uint8_t *qr;
  unsigned qr_size;
  unsigned line, col;           /* Where the block starts in its file.  */
};

/* The top-level keys of a page file, in the order of the loader's
   table.  */
enum page_key
{
  PAGE_KEY_ID, PAGE_KEY_TITLE, PAGE_KEY_SUMMARY, PAGE_KEY_KEYWORDS,
  PAGE_KEY_BLOCKS, PAGE_KEY_REVIEW, PAGE_KEY_SOURCES, PAGE_KEY_COUNT
};

struct page
{
  const char *id;
  const char *lang;
  const char *title;
  const char *summary;
  const char *file;             /* Where it was read from, or NULL.  */
  struct strv keywords;
  struct block *blocks;         /* Owned (malloc), not in the arena.  */
  size_t nblocks, blocks_cap;
  bool complete;                /* Blocks were read (not a header only).  */
  struct page_review review;    /* Complete pages only.  */
  const struct page_source *sources;    /* In the arena.  */
  size_t nsources;
  bool has_sources;             /* 'sources' was given (maybe empty).  */
  /* In the page's language, made by the loader: the line that says who
     reviewed the page and when (NULL without a review), and the heading
     of the sources.  */
  const char *review_line;
  const char *sources_label;
  /* Set by the library: the content layer the page was read from (0: the
     shipped library), and the line shown above the blocks when patients
     are told that the clinic has not reviewed the page (or NULL).  */
  unsigned layer;
  const char *review_note;
  struct origin at[PAGE_KEY_COUNT];     /* Where each key was read.  */
  struct arena arena;           /* Owns everything above.  */
};

/* Returns a new empty page; the caller fills it through its arena.  */
struct page *page_new (void);
void page_free (struct page *p);

/* Appends a block to P and returns it, zeroed except KIND.  */
struct block *page_add_block (struct page *p, enum block_kind kind);

/* Number of link blocks of P.  */
size_t page_count_links (const struct page *p);

/* True if ID is a valid page id: 1 to 64 of [a-z0-9-], not starting or
   ending with '-'.  */
bool page_id_valid (const char *id);

/* Reads a date written YYYY-MM-DD (a real day, years 1900 to 2999) into
   *D; returns false if S is not one.  */
bool page_date_parse (const char *s, struct page_date *d);
/* -1, 0 or 1 as A is before, the same day as, or after B.  */
int page_date_cmp (const struct page_date *a, const struct page_date *b);

#endif /* MESOKIOSK_PAGE_H */
