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
  BLOCK_LINK
};

/* Where something was read: file (in an arena), 1-based line and
   column.  */
struct origin
{
  const char *file;
  unsigned line, col;
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
  bool urgent;                  /* Link: stands out (warning signs).  */
  bool optional;                /* Link without a label: left out when
                                   its target turns out to be unreadable
                                   (menus built from the library).  */
  unsigned line, col;           /* Where the block starts in its file.  */
};

/* The top-level keys of a page file, in the order of the loader's
   table.  */
enum page_key
{
  PAGE_KEY_ID, PAGE_KEY_TITLE, PAGE_KEY_SUMMARY, PAGE_KEY_KEYWORDS,
  PAGE_KEY_BLOCKS, PAGE_KEY_COUNT
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

#endif /* MESOKIOSK_PAGE_H */
