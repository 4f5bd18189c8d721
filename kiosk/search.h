/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* search.h -- finds pages by the words a patient types.

   Text is folded once, when a page is added to an index: case, accents
   and compatibility forms go (MÉSOTHÉRAPIE, mésothérapie and mesotherapie
   are one word; ﬁ is fi), œ, æ, ß and ø become oe, ae, ss and o, and
   everything that is not a letter or a digit separates words.  A page
   matches a query when every query word starts some word of the page;
   pages are ranked by where the words match (title, keywords, headings,
   summary, body) and whether they match whole words.  A query word that
   starts no word of the pages searched forgives typos: with 4 letters or
   more, one edit (a letter more, less, changed, or two swapped), with 8
   or more, two, against the start of a word; such matches rank below
   every exact one.  Each hit carries a one-line snippet of the original
   text with the matches marked, ready to draw, the block of its best
   match, and the folded words that matched, so the page can be opened
   there with them highlighted.  No curses and no I/O here.  */

#ifndef MESOKIOSK_SEARCH_H
#define MESOKIOSK_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "page.h"

struct search_index;

/* Where a match was found, best first.  Warning titles count as
   headings; paragraphs, list items, warning text and link labels are the
   body.  */
enum search_field
{
  SEARCH_TITLE,
  SEARCH_KEYWORD,
  SEARCH_HEADING,
  SEARCH_SUMMARY,
  SEARCH_BODY
};

enum
{
  SEARCH_MAX_RANGES = 8
};

struct search_hit
{
  const struct page *page;
  int score;
  enum search_field field;      /* Where the best match is.  */
  uint32_t block;               /* Its block, as a layout anchor (0: the
                                   title, summary or keywords; i + 1:
                                   block i).  */
  bool alarm;                   /* A query word matched a keyword: on the
                                   warning-signs page, a symptom (its
                                   keywords are the signs it is for).  */
  bool fuzzy;                   /* Some query word matched only with a
                                   typo forgiven.  */
  char *terms;                  /* Owned: the folded words to highlight,
                                   separated by spaces (a word of the page
                                   starting with one matches).  */
  char *snippet;                /* Owned by the result list.  */
  /* The matches inside the snippet, in bytes, in order, disjoint: marks
     a link's note can carry as they are.  */
  struct block_mark ranges[SEARCH_MAX_RANGES];
  size_t nranges;
};

/* The hits of one query; owns the snippets.  */
struct search_result
{
  struct search_hit *hits;
  size_t n;
};

/* Returns a new empty index.  The index does not own the pages.  */
struct search_index *search_index_new (void);
void search_index_free (struct search_index *ix);

/* Adds a complete page.  P must outlive the index; the index keeps its
   own folded copies of the text.  */
void search_index_add (struct search_index *ix, const struct page *p);
/* Number of pages added.  */
size_t search_index_count (const struct search_index *ix);

/* Finds the pages of language LANG (p->lang; NULL for every language)
   matching QUERY (UTF-8 as typed; invalid bytes and controls separate
   words), best first, at most MAX hits, and puts them in OUT (which
   search_result_done() frees).  Pages that score the same keep the order
   they were added in.  Each snippet is one line of at most WIDTH columns
   of the original text of the field with the best match (of the summary
   when that field is the title or a keyword).  */
void search_run (const struct search_index *ix, const char *query,
                 const char *lang, size_t max, unsigned width,
                 struct search_result *out);
void search_result_done (struct search_result *r);

/* True if the folded word Q (QN bytes) is within K edits of the start of
   the folded word W (WN bytes): an edit is a byte inserted, deleted or
   changed, or two neighbours swapped.  */
bool search_near (const char *w, size_t wn, const char *q, size_t qn,
                  unsigned k);
/* The edits forgiven in a folded query word of N bytes.  */
unsigned search_edits (const char *q, size_t n);

/* Folds the N bytes at S (invalid UTF-8 allowed).  Words are separated by
   one space, with no space at either end.  Returns a NUL-terminated
   string (caller frees) of *OUTLEN bytes and, if MAP is not NULL, an
   array (caller frees) where (*MAP)[i] is the offset in S of the
   character output byte i came from; (*MAP)[*OUTLEN] is N.  */
char *search_fold (const char *s, size_t n, size_t *outlen, uint32_t **map);

#endif /* MESOKIOSK_SEARCH_H */
