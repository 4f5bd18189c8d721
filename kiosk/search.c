/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* search.c -- finds pages by the words a patient types.

   search_index_add() folds every searchable text of a page once and
   records where each folded word starts; search_run() folds only the
   query, then compares its words with the first bytes of the recorded
   words, so a query costs a pass over pre-folded words and nothing
   more.  */

#include "system.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "page.h"
#include "search.h"
#include "xalloc.h"

/* What a word match is worth, by field (enum search_field order), and
   the bonus for a whole word.  The bonus is smaller than the gap between
   two fields, so the field decides first.  */
static const int search_weight[] = { 50, 40, 30, 20, 10 };

enum
{
  SEARCH_WHOLE_BONUS = 5,
  /* A match with a typo forgiven is worth the field's weight divided by
     this: less than any exact match anywhere.  */
  SEARCH_FUZZY_DIVISOR = 10,
  SEARCH_CONTEXT_WORDS = 3,     /* At most, before the first match.  */
  SEARCH_MAX_WORD = 64          /* Bytes of a word compared with typos.  */
};

#define SEARCH_ELLIPSIS "\xE2\x80\xA6"

/* One searchable text of a page: the title, a keyword, a heading...  */
struct search_span
{
  enum search_field field;
  const char *text;             /* The original, in the page.  */
  size_t len;
  size_t word, nwords;          /* Its words, in the document's.  */
  uint32_t block;               /* Layout anchor of its block.  */
  bool alarm;                   /* A keyword: on the warning-signs page,
                                   the symptoms it is for.  */
};

/* A folded word: bytes of the document's folded text.  */
struct search_word
{
  uint32_t off, len;
};

/* The folded form of one page.  */
struct search_doc
{
  const struct page *page;
  char *fold;                   /* All spans' folded text, end to end.  */
  uint32_t *map;                /* Folded byte -> offset in its span.  */
  size_t foldlen, foldcap, mapcap;
  struct search_span *spans;
  size_t nspans, spancap;
  struct search_word *words;
  size_t nwords, wordcap;
  size_t summary;               /* Span of the summary, or SIZE_MAX.  */
};

struct search_index
{
  struct search_doc *docs;
  size_t n, cap;
};

/* Folding.  */

/* Folded text being built.  MAP is NULL when no map is wanted.  */
struct search_buf
{
  char *s;
  uint32_t *map;
  size_t len, cap, mapcap;
  bool want_map;
  bool sep;                     /* A separator is pending.  */
  uint32_t sepfrom;             /* Where it came from.  */
};

static void
search_buf_put (struct search_buf *b, const char *s, size_t n, uint32_t from)
{
  /* One space between words, none at the start.  */
  bool space = b->sep && b->len > 0;
  size_t need = b->len + (space ? 1 : 0) + n + 1;

  b->s = xgrow (b->s, &b->cap, need, 1);
  if (b->want_map)
    b->map = xgrow (b->map, &b->mapcap, need, sizeof *b->map);
  if (space)
    {
      if (b->want_map)
        b->map[b->len] = b->sepfrom;
      b->s[b->len++] = ' ';
    }
  b->sep = false;
  memcpy (b->s + b->len, s, n);
  if (b->want_map)
    for (size_t i = 0; i < n; i++)
      b->map[b->len + i] = from;
  b->len += n;
}

static void
search_buf_sep (struct search_buf *b, uint32_t from)
{
  if (!b->sep)
    {
      b->sep = true;
      b->sepfrom = from;
    }
}

/* Appends one character of the case-folded, decomposed text.  */
static void
search_buf_put_folded (struct search_buf *b, ucs4_t uc, uint32_t from)
{
  uint8_t u8[6];
  int len;

  if (uc_is_general_category (uc, UC_CATEGORY_M))
    return;                     /* Accents vanish, inside the word.  */
  /* The letters Unicode does not decompose but readers spell with two
     letters (ß and ẞ were turned into ss by case folding).  */
  switch (uc)
    {
    case 0x0153:                /* œ */
      search_buf_put (b, "oe", 2, from);
      return;
    case 0x00E6:                /* æ */
      search_buf_put (b, "ae", 2, from);
      return;
    case 0x00F8:                /* ø */
      search_buf_put (b, "o", 1, from);
      return;
    default:
      break;
    }
  if (!uc_is_general_category (uc, UC_CATEGORY_L)
      && !uc_is_general_category (uc, UC_CATEGORY_N))
    {
      search_buf_sep (b, from);
      return;
    }
  len = u8_uctomb (u8, uc, sizeof u8);
  if (len <= 0)
    search_buf_sep (b, from);
  else
    search_buf_put (b, (const char *) u8, (size_t) len, from);
}

/* Appends the folded form of the non-ASCII character UC.  */
static void
search_buf_put_uc (struct search_buf *b, ucs4_t uc, uint32_t from)
{
  uint32_t small[32];
  size_t n = ARRAY_SIZE (small);
  uint32_t *f = u32_casefold (&uc, 1, NULL, UNINORM_NFKD, small, &n);

  if (f == NULL)
    {
      search_buf_sep (b, from);
      return;
    }
  for (size_t i = 0; i < n; i++)
    search_buf_put_folded (b, f[i], from);
  if (f != small)
    free (f);
}

static char *
search_fold_1 (const char *s, size_t n, size_t *outlen, uint32_t **map)
{
  struct search_buf b;
  size_t i = 0;

  memset (&b, 0, sizeof b);
  b.want_map = map != NULL;
  if (n > UINT32_MAX - 1)
    n = UINT32_MAX - 1;
  b.s = xgrow (b.s, &b.cap, n + 1, 1);
  if (b.want_map)
    b.map = xgrow (b.map, &b.mapcap, n + 1, sizeof *b.map);
  while (i < n)
    {
      unsigned char c = (unsigned char) s[i];
      ucs4_t uc;
      int clen;

      if (c < 0x80)
        {
          char lc = (char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);

          if ((lc >= 'a' && lc <= 'z') || (lc >= '0' && lc <= '9'))
            search_buf_put (&b, &lc, 1, (uint32_t) i);
          else
            search_buf_sep (&b, (uint32_t) i);
          i++;
          continue;
        }
      clen = u8_mbtoucr (&uc, (const uint8_t *) s + i, n - i);
      if (clen < 0)
        {
          search_buf_sep (&b, (uint32_t) i);    /* Invalid byte.  */
          i++;
          continue;
        }
      search_buf_put_uc (&b, uc, (uint32_t) i);
      i += (size_t) clen;
    }
  b.s[b.len] = '\0';
  if (b.want_map)
    {
      b.map[b.len] = (uint32_t) n;
      *map = b.map;
    }
  *outlen = b.len;
  return b.s;
}

char *
search_fold (const char *s, size_t n, size_t *outlen, uint32_t **map)
{
  size_t len;
  char *f = search_fold_1 (s, n, &len, map);

  if (outlen != NULL)
    *outlen = len;
  return f;
}

/* The index.  */

struct search_index *
search_index_new (void)
{
  return xcalloc (1, sizeof (struct search_index));
}

void
search_index_free (struct search_index *ix)
{
  if (ix == NULL)
    return;
  for (size_t i = 0; i < ix->n; i++)
    {
      struct search_doc *d = &ix->docs[i];

      free (d->fold);
      free (d->map);
      free (d->spans);
      free (d->words);
    }
  free (ix->docs);
  free (ix);
}

size_t
search_index_count (const struct search_index *ix)
{
  return ix->n;
}

/* Folds TEXT into D as one more span of FIELD, in block BLOCK (a layout
   anchor), inside a warning box or among the keywords with ALARM.  */
static void
search_doc_add (struct search_doc *d, enum search_field field,
                const char *text, uint32_t block, bool alarm)
{
  struct search_span *sp;
  size_t len, flen, start;
  uint32_t *map;
  char *f;

  if (text == NULL)
    return;
  len = strlen (text);
  f = search_fold_1 (text, len, &flen, &map);
  d->spans = xgrow (d->spans, &d->spancap, d->nspans + 1, sizeof *d->spans);
  sp = &d->spans[d->nspans];
  sp->field = field;
  sp->text = text;
  sp->len = len;
  sp->word = d->nwords;
  sp->nwords = 0;
  sp->block = block;
  sp->alarm = alarm;
  if (flen > 0 && d->foldlen + flen < UINT32_MAX)
    {
      d->fold = xgrow (d->fold, &d->foldcap, d->foldlen + flen, 1);
      d->map = xgrow (d->map, &d->mapcap, d->foldlen + flen, sizeof *d->map);
      memcpy (d->fold + d->foldlen, f, flen);
      memcpy (d->map + d->foldlen, map, flen * sizeof *map);
      start = 0;
      for (size_t i = 0; i <= flen; i++)
        if (i == flen || f[i] == ' ')
          {
            struct search_word *w;

            d->words = xgrow (d->words, &d->wordcap, d->nwords + 1, sizeof *d->words);
            w = &d->words[d->nwords++];
            w->off = (uint32_t) (d->foldlen + start);
            w->len = (uint32_t) (i - start);
            start = i + 1;
          }
      sp->nwords = d->nwords - sp->word;
      d->foldlen += flen;
    }
  d->nspans++;
  free (f);
  free (map);
}

static void
search_doc_add_items (struct search_doc *d, enum search_field field,
                      const struct strv *v, uint32_t block, bool alarm)
{
  for (size_t i = 0; i < v->n; i++)
    search_doc_add (d, field, v->v[i], block, alarm);
}

void
search_index_add (struct search_index *ix, const struct page *p)
{
  struct search_doc *d;

  ix->docs = xgrow (ix->docs, &ix->cap, ix->n + 1, sizeof *ix->docs);
  d = &ix->docs[ix->n++];
  memset (d, 0, sizeof *d);
  d->page = p;
  d->summary = SIZE_MAX;
  search_doc_add (d, SEARCH_TITLE, p->title, 0, false);
  search_doc_add_items (d, SEARCH_KEYWORD, &p->keywords, 0, true);
  if (p->summary != NULL)
    {
      d->summary = d->nspans;
      search_doc_add (d, SEARCH_SUMMARY, p->summary, 0, false);
    }
  for (size_t i = 0; i < p->nblocks; i++)
    {
      const struct block *b = &p->blocks[i];
      uint32_t at = (uint32_t) i + 1;

      switch (b->kind)
        {
        case BLOCK_HEADING:
          search_doc_add (d, SEARCH_HEADING, b->text, at, false);
          break;
        case BLOCK_WARNING:
          search_doc_add (d, SEARCH_HEADING, b->title, at, false);
          search_doc_add (d, SEARCH_BODY, b->text, at, false);
          search_doc_add_items (d, SEARCH_BODY, &b->items, at, false);
          break;
        case BLOCK_TEXT:
        case BLOCK_LIST:
        case BLOCK_LINK:
        default:
          search_doc_add (d, SEARCH_BODY, b->text, at, false);
          search_doc_add_items (d, SEARCH_BODY, &b->items, at, false);
          break;
        case BLOCK_QR:
          break;                /* The clinic's number, not content.  */
        }
    }
}

/* Queries.  */

/* The folded query: its words, without repeats, and for each the edits
   forgiven in this pass (0: exact matches only) and whether it started
   some word of the pages searched.  */
struct search_query
{
  char *fold;
  const char **w;
  size_t *len;
  unsigned *edits;
  bool *known;
  size_t n;
};

static bool
search_query_init (struct search_query *q, const char *query)
{
  size_t flen, start = 0;

  memset (q, 0, sizeof *q);
  q->fold = search_fold_1 (query, strlen (query), &flen, NULL);
  if (flen == 0)
    return false;
  /* At most one word per two bytes, plus one.  */
  q->w = xcalloc (flen / 2 + 1, sizeof *q->w);
  q->len = xcalloc (flen / 2 + 1, sizeof *q->len);
  q->edits = xcalloc (flen / 2 + 1, sizeof *q->edits);
  q->known = xcalloc (flen / 2 + 1, sizeof *q->known);
  for (size_t i = 0; i <= flen; i++)
    if (i == flen || q->fold[i] == ' ')
      {
        const char *w = q->fold + start;
        size_t n = i - start, j;

        for (j = 0; j < q->n; j++)
          if (q->len[j] == n && memcmp (q->w[j], w, n) == 0)
            break;
        if (j == q->n)
          {
            q->w[q->n] = w;
            q->len[q->n++] = n;
          }
        start = i + 1;
      }
  return true;
}

static void
search_query_done (struct search_query *q)
{
  free (q->fold);
  free (q->w);
  free (q->len);
  free (q->edits);
  free (q->known);
}

unsigned
search_edits (const char *q, size_t n)
{
  size_t chars = 0;

  for (size_t i = 0; i < n; i++)
    chars += ((unsigned char) q[i] & 0xC0) != 0x80;
  return chars >= 8 ? 2 : chars >= 4 ? 1 : 0;
}

bool
search_near (const char *w, size_t wn, const char *q, size_t qn, unsigned k)
{
  /* Optimal string alignment distance of Q against each start of W, in a
     band of K around the diagonal: rows are Q's bytes, columns W's.  */
  unsigned rows[3][SEARCH_MAX_WORD + 3];
  unsigned *pp = rows[0], *prev = rows[1], *cur = rows[2];
  size_t cols;

  if (k == 0 || qn == 0 || qn > SEARCH_MAX_WORD)
    return false;
  if (wn + k < qn)
    return false;               /* Too short even with K insertions.  */
  cols = wn < qn + k ? wn : qn + k;
  for (size_t j = 0; j <= cols; j++)
    prev[j] = (unsigned) j;
  for (size_t i = 1; i <= qn; i++)
    {
      unsigned best = UINT_MAX;
      size_t lo = i > k ? i - k : 0, hi = i + k < cols ? i + k : cols;

      for (size_t j = 0; j <= cols; j++)
        {
          unsigned v;

          if (j < lo || j > hi)
            {
              cur[j] = k + 1;
              continue;
            }
          if (j == 0)
            v = (unsigned) i;
          else
            {
              unsigned sub = prev[j - 1] + (q[i - 1] != w[j - 1]);
              unsigned del = prev[j] + 1, ins = cur[j - 1] + 1;

              v = sub < del ? sub : del;
              v = ins < v ? ins : v;
              if (i > 1 && j > 1 && q[i - 1] == w[j - 2]
                  && q[i - 2] == w[j - 1] && pp[j - 2] + 1 < v)
                v = pp[j - 2] + 1;
            }
          cur[j] = v > k + 1 ? k + 1 : v;
          if (cur[j] < best)
            best = cur[j];
        }
      if (best > k)
        return false;           /* Every path costs more already.  */
      {
        unsigned *t = pp;

        pp = prev;
        prev = cur;
        cur = t;
      }
    }
  /* Any start of W: the best of the last row.  */
  for (size_t j = 0; j <= cols; j++)
    if (prev[j] <= k)
      return true;
  return false;
}

/* Whether query word J starts word W of D, and if so what it is worth in
   a span of weight WEIGHT; 0 if it does not.  Where the query forgives
   typos for word J, a near match is worth less than any exact one.  */
static inline int
search_match (const struct search_doc *d, const struct search_word *w,
              const struct search_query *q, size_t j, int weight)
{
  const char *s = d->fold + w->off;
  const char *qw = q->w[j];

  if (w->len >= q->len[j] && s[0] == qw[0]
      && memcmp (s, qw, q->len[j]) == 0)
    return weight + (w->len == q->len[j] ? SEARCH_WHOLE_BONUS : 0);
  /* A typo rarely hits the first letter: one of the first two letters
     must be where it should, or the two swapped.  */
  if (q->edits[j] == 0 || w->len < 2
      || !(s[0] == qw[0] || s[1] == qw[1] || s[0] == qw[1]
           || s[1] == qw[0]))
    return 0;
  if (!search_near (s, w->len, qw, q->len[j], q->edits[j]))
    return 0;
  weight /= SEARCH_FUZZY_DIVISOR;
  return weight > 0 ? weight : 1;
}

/* Scores D.  BEST and SPANBEST are scratch arrays of Q->n.  Returns false
   unless every query word matches; otherwise sets *SCORE and *SPAN (the
   span with the most valuable matches, the first one on a tie).  */
static bool
search_doc_score (const struct search_doc *d, struct search_query *q,
                  int *best, int *spanbest, int *score, size_t *span)
{
  long long top = 0, total = 0;

  memset (best, 0, q->n * sizeof *best);
  *span = 0;
  for (size_t s = 0; s < d->nspans; s++)
    {
      const struct search_span *sp = &d->spans[s];
      int weight = search_weight[sp->field];
      long long sum = 0;
      bool any = false;

      for (size_t k = sp->word; k < sp->word + sp->nwords; k++)
        for (size_t j = 0; j < q->n; j++)
          {
            int m = search_match (d, &d->words[k], q, j, weight);

            if (m == 0)
              continue;
            if (!any)
              {
                memset (spanbest, 0, q->n * sizeof *spanbest);
                any = true;
              }
            if (m > spanbest[j])
              spanbest[j] = m;
          }
      if (!any)
        continue;
      for (size_t j = 0; j < q->n; j++)
        {
          sum += spanbest[j];
          if (spanbest[j] > best[j])
            best[j] = spanbest[j];
        }
      if (sum > top)
        {
          top = sum;
          *span = s;
        }
    }
  for (size_t j = 0; j < q->n; j++)
    if (best[j] > 0)
      q->known[j] = true;
  for (size_t j = 0; j < q->n; j++)
    {
      if (best[j] == 0)
        return false;
      total += best[j];
    }
  *score = total < INT_MAX ? (int) total : INT_MAX;
  return true;
}

/* Snippets.  */

enum search_char_kind
{
  SEARCH_CH_TEXT,
  SEARCH_CH_SPACE,              /* Whitespace, controls, invalid bytes.  */
  SEARCH_CH_SKIP                /* Invisible format characters.  */
};

/* Reads the character at T[I] (of N bytes): sets *LEN and *COLS.  */
static enum search_char_kind
search_char (const char *t, size_t n, size_t i, size_t *len, size_t *cols)
{
  unsigned char c = (unsigned char) t[i];
  ucs4_t uc;
  int clen, w;

  *len = 1;
  *cols = 1;
  if (c < 0x80)
    return c <= ' ' || c == 0x7f ? SEARCH_CH_SPACE : SEARCH_CH_TEXT;
  clen = u8_mbtoucr (&uc, (const uint8_t *) t + i, n - i);
  if (clen < 0)
    return SEARCH_CH_SPACE;
  *len = (size_t) clen;
  if (uc_is_general_category (uc, UC_CATEGORY_Cc)
      || uc_is_general_category (uc, UC_CATEGORY_Zl)
      || uc_is_general_category (uc, UC_CATEGORY_Zp)
      || (uc_is_general_category (uc, UC_CATEGORY_Zs) && uc != 0x00A0
          && uc != 0x2007 && uc != 0x202F))
    return SEARCH_CH_SPACE;
  if (uc_is_general_category (uc, UC_CATEGORY_Cf))
    return SEARCH_CH_SKIP;
  w = uc_width (uc, "UTF-8");
  *cols = w > 0 ? (size_t) w : 0;
  return SEARCH_CH_TEXT;
}

/* Returns the start of the character that ends at T[I] (I > 0).  */
static size_t
search_prev (const char *t, size_t n, size_t i)
{
  size_t j = i - 1;
  ucs4_t uc;

  while (j > 0 && i - j < 4 && ((unsigned char) t[j] & 0xC0) == 0x80)
    j--;
  if (u8_mbtoucr (&uc, (const uint8_t *) t + j, n - j) != (int) (i - j))
    j = i - 1;                  /* An invalid byte.  */
  return j;
}

/* Returns the end of the character of T (N bytes) at I, with the
   combining marks that follow it.  */
static size_t
search_char_end (const char *t, size_t n, size_t i)
{
  ucs4_t uc;
  int clen;

  clen = i < n ? u8_mbtoucr (&uc, (const uint8_t *) t + i, n - i) : 0;
  i += clen < 0 ? 1 : (size_t) clen;
  while (i < n && (unsigned char) t[i] >= 0x80)
    {
      clen = u8_mbtoucr (&uc, (const uint8_t *) t + i, n - i);
      if (clen < 0 || !uc_is_general_category (uc, UC_CATEGORY_M))
        break;
      i += (size_t) clen;
    }
  return i;
}

/* Returns the width of T[I..N) with spaces collapsed, or a number over
   MAX once it is wider than MAX.  */
static size_t
search_cols (const char *t, size_t n, size_t i, size_t max)
{
  size_t cols = 0;
  bool in_space = false;

  while (i < n && cols <= max)
    {
      size_t len, cw;
      enum search_char_kind k = search_char (t, n, i, &len, &cw);

      if (k == SEARCH_CH_SPACE)
        {
          cols += in_space ? 0 : 1;
          in_space = true;
        }
      else if (k == SEARCH_CH_TEXT)
        {
          cols += cw;
          in_space = false;
        }
      i += len;
    }
  return cols;
}

/* Whether a line may start with the character at T[I]: not with the
   punctuation that ends a phrase (": rougeurs" reads badly).  */
static bool
search_can_start (const char *t, size_t n, size_t i)
{
  unsigned char c = (unsigned char) t[i];
  ucs4_t uc;

  if (c < 0x80)
    return strchr (",.;:!?)]}", c) == NULL;
  if (u8_mbtoucr (&uc, (const uint8_t *) t + i, n - i) < 0)
    return true;
  return uc != 0x2026 && !uc_is_general_category (uc, UC_CATEGORY_Pe)
         && !uc_is_general_category (uc, UC_CATEGORY_Pf);
}

/* Returns where a snippet showing T[A] should start: the start of T if A
   is within CTX columns of it, else the start of one of the last WORDS
   words before A that fit in CTX columns (A itself if none does).  */
static size_t
search_context_start (const char *t, size_t n, size_t a, size_t ctx,
                      size_t maxwords)
{
  size_t i = a, best = a, cols = 0, words = 0;
  bool in_space = false;

  while (i > 0)
    {
      size_t j = search_prev (t, n, i), len, cw;
      enum search_char_kind k = search_char (t, n, j, &len, &cw);

      if (k == SEARCH_CH_SPACE)
        {
          if (!in_space)
            {
              if (i < a && search_can_start (t, n, i))
                {
                  best = i;     /* I starts a word.  */
                  if (++words >= maxwords)
                    return best;
                }
              cols++;
            }
          in_space = true;
        }
      else if (k == SEARCH_CH_TEXT)
        {
          in_space = false;
          cols += cw;
        }
      if (cols > ctx)
        return best;
      i = j;
    }
  return 0;
}

/* A match in a span's original text, in bytes.  */
struct search_match
{
  size_t start, end;
};

struct search_out
{
  char *s;
  size_t len, cap;
};

static void
search_out_put (struct search_out *o, const char *s, size_t n)
{
  o->s = xgrow (o->s, &o->cap, o->len + n + 1, 1);
  memcpy (o->s + o->len, s, n);
  o->len += n;
}

static void
search_hit_range (struct search_hit *h, size_t start, size_t end)
{
  if (end > start && h->nranges < SEARCH_MAX_RANGES)
    {
      h->ranges[h->nranges].off = (uint32_t) start;
      h->ranges[h->nranges].len = (uint32_t) (end - start);
      h->nranges++;
    }
}

/* Sets H's snippet: one line of at most WIDTH columns of T (N bytes),
   starting a little before the first of the NM matches M (in order,
   disjoint), with the matches it shows as H's ranges.  */
static void
search_snippet (const char *t, size_t n, const struct search_match *m,
                size_t nm, unsigned width, struct search_hit *h)
{
  struct search_out o = { NULL, 0, 0 };
  size_t ellw, s, budget, cutb, cols = 0, i, k = 0, open = SIZE_MAX;
  size_t markw = SIZE_MAX, markw_cols = 0, markc = SIZE_MAX;
  bool lead, pending = false, all = true;
  int w = uc_width (0x2026, "UTF-8");

  ellw = w > 0 ? (size_t) w : 1;
  o.s = xgrow (o.s, &o.cap, 1, 1);
  h->nranges = 0;
  s = 0;
  if (nm > 0 && m[0].start > 0)
    {
      /* A few words before the first match; more if the text after it
         leaves the line half empty.  */
      size_t rest = search_cols (t, n, m[0].start, width);
      size_t ctx = width / 3, words = SEARCH_CONTEXT_WORDS;

      if (rest + ellw < width && width - ellw - rest > ctx)
        {
          ctx = width - ellw - rest;
          words = SIZE_MAX;
        }
      s = search_context_start (t, n, m[0].start, ctx, words);
    }
  lead = s > 0;
  if (lead && width < 2 * ellw + 1)
    {
      s = 0;
      lead = false;
    }
  if (lead)
    search_out_put (&o, SEARCH_ELLIPSIS, strlen (SEARCH_ELLIPSIS));
  budget = width - (lead ? ellw : 0);
  cutb = budget >= ellw ? budget - ellw : 0;
  for (i = s; i < n;)
    {
      size_t len, cw;
      enum search_char_kind kind;

      if (open != SIZE_MAX && i >= m[k].end)
        {
          search_hit_range (h, open, o.len);
          open = SIZE_MAX;
          k++;
        }
      while (k < nm && open == SIZE_MAX && m[k].end <= i)
        k++;                    /* Before the snippet.  */
      kind = search_char (t, n, i, &len, &cw);
      if (kind == SEARCH_CH_SKIP)
        {
          i += len;
          continue;
        }
      if (kind == SEARCH_CH_SPACE)
        {
          if (!pending && o.len > (lead ? strlen (SEARCH_ELLIPSIS) : 0))
            {
              pending = true;
              if (cols <= cutb)
                {
                  markw = o.len;
                  markw_cols = cols;
                }
            }
          i += len;
          continue;
        }
      if (!pending && cw > 0 && cols <= cutb)
        markc = o.len;
      if (cols + cw + (pending ? 1 : 0) > budget)
        {
          all = false;
          break;
        }
      if (pending)
        {
          search_out_put (&o, " ", 1);
          cols++;
          pending = false;
        }
      if (k < nm && open == SIZE_MAX && m[k].start == i)
        open = o.len;
      search_out_put (&o, t + i, len);
      cols += cw;
      i += len;
    }
  if (open != SIZE_MAX)
    search_hit_range (h, open, o.len);
  if (!all)
    {
      size_t cut;

      /* At a word's end, unless that wastes half the line and a cut
         inside the next word shows more.  */
      if (markw != SIZE_MAX
          && (markc == SIZE_MAX || markc <= markw || markw_cols >= cutb / 2))
        cut = markw;
      else if (markc != SIZE_MAX)
        cut = markc;
      else
        cut = lead ? strlen (SEARCH_ELLIPSIS) : 0;
      o.len = cut;
      while (h->nranges > 0 && h->ranges[h->nranges - 1].off >= cut)
        h->nranges--;
      if (h->nranges > 0)
        {
          struct block_mark *r = &h->ranges[h->nranges - 1];

          if (r->off + r->len > cut)
            r->len = (uint32_t) (cut - r->off);
        }
      if (budget >= ellw)
        search_out_put (&o, SEARCH_ELLIPSIS, strlen (SEARCH_ELLIPSIS));
    }
  o.s[o.len] = '\0';
  h->snippet = o.s;
}

/* True if W of D is Q's word J itself or starts with it.  */
static bool
search_exact (const struct search_doc *d, const struct search_word *w,
              const struct search_query *q, size_t j)
{
  return w->len >= q->len[j]
         && memcmp (d->fold + w->off, q->w[j], q->len[j]) == 0;
}

/* Collects the matches of Q in span SP of D into *M (caller frees).  A
   near match marks the whole word.  */
static size_t
search_span_matches (const struct search_doc *d,
                     const struct search_span *sp,
                     const struct search_query *q, struct search_match **m)
{
  size_t n = 0, cap = 0;

  *m = NULL;
  for (size_t k = sp->word; k < sp->word + sp->nwords; k++)
    {
      const struct search_word *w = &d->words[k];
      size_t end = 0;

      for (size_t j = 0; j < q->n; j++)
        if (search_match (d, w, q, j, 1) > 0)
          {
            size_t last = search_exact (d, w, q, j) ? q->len[j] : w->len;
            size_t e = search_char_end (sp->text, sp->len,
                                        d->map[w->off + last - 1]);

            if (e > end)
              end = e;
          }
      if (end == 0)
        continue;
      *m = xgrow (*m, &cap, n + 1, sizeof **m);
      (*m)[n].start = d->map[w->off];
      (*m)[n].end = end;
      n++;
    }
  return n;
}

/* A page that matched.  */
struct search_cand
{
  size_t doc, span;
  int score;
};

static int
search_cand_cmp (const void *a, const void *b)
{
  const struct search_cand *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return x->doc < y->doc ? -1 : x->doc > y->doc;
}

/* Appends the N bytes at S to the space-separated words *T (owned), unless
   they are there.  */
static void
search_add_term (char **t, const char *s, size_t n)
{
  size_t len = *t != NULL ? strlen (*t) : 0;
  char *next;

  for (const char *p = *t; p != NULL && *p != '\0';)
    {
      const char *e = strchr (p, ' ');
      size_t wl = e != NULL ? (size_t) (e - p) : strlen (p);

      if (wl == n && memcmp (p, s, n) == 0)
        return;
      p = e != NULL ? e + 1 : p + wl;
    }
  next = xmalloc (len + n + 2);
  if (len > 0)
    {
      memcpy (next, *t, len);
      next[len++] = ' ';
    }
  memcpy (next + len, s, n);
  next[len + n] = '\0';
  free (*t);
  *t = next;
}

/* What H needs to open D at its match: the words to highlight (the query
   words that matched as they are, the page's words near the others), and
   whether a symptom matched (a warning box, a keyword).  */
static void
search_hit_terms (const struct search_doc *d, const struct search_query *q,
                  struct search_hit *h)
{
  for (size_t j = 0; j < q->n; j++)
    {
      size_t near = 0;
      bool exact = false;

      for (size_t s = 0; s < d->nspans; s++)
        {
          const struct search_span *sp = &d->spans[s];

          for (size_t k = sp->word; k < sp->word + sp->nwords; k++)
            {
              const struct search_word *w = &d->words[k];

              /* A symptom is a keyword near a query word, even one the
                 pages have as typed ("froide" for the keyword "froid").  */
              if (sp->alarm && !h->alarm
                  && search_near (d->fold + w->off, w->len, q->w[j],
                                  q->len[j], search_edits (q->w[j],
                                                           q->len[j])))
                h->alarm = true;
              if (search_match (d, w, q, j, 1) == 0)
                continue;
              if (sp->alarm)
                h->alarm = true;
              if (search_exact (d, w, q, j))
                exact = true;
              else if (near < 4)
                {
                  search_add_term (&h->terms, d->fold + w->off, w->len);
                  near++;
                  h->fuzzy = true;
                }
            }
        }
      if (exact)
        search_add_term (&h->terms, q->w[j], q->len[j]);
    }
}

static void
search_fill_hit (const struct search_doc *d, size_t span,
                 const struct search_query *q, unsigned width,
                 struct search_hit *h)
{
  const struct search_span *sp = &d->spans[span];
  struct search_match *m;
  size_t nm;

  h->page = d->page;
  h->field = sp->field;
  h->block = sp->block;
  search_hit_terms (d, q, h);
  /* The title (and keywords) are on screen already: show the summary.  */
  if ((sp->field == SEARCH_TITLE || sp->field == SEARCH_KEYWORD)
      && d->summary != SIZE_MAX)
    sp = &d->spans[d->summary];
  nm = search_span_matches (d, sp, q, &m);
  search_snippet (sp->text, sp->len, m, nm, width, h);
  free (m);
}

void
search_run (const struct search_index *ix, const char *query,
            const char *lang, size_t max, unsigned width,
            struct search_result *out)
{
  struct search_query q;
  struct search_cand *cand = NULL;
  size_t ncand = 0, candcap = 0;
  int *best, *spanbest;

  out->hits = NULL;
  out->n = 0;
  if (query == NULL || max == 0)
    return;
  if (!search_query_init (&q, query))
    {
      search_query_done (&q);
      return;
    }
  best = xcalloc (q.n, sizeof *best);
  spanbest = xcalloc (q.n, sizeof *spanbest);
  /* First exact matches only; then, if some query word starts no word of
     the pages, again with typos forgiven for those words.  */
  for (int pass = 0; pass < 2; pass++)
    {
      bool forgive = false;

      if (pass == 1)
        {
          for (size_t j = 0; j < q.n; j++)
            if (!q.known[j])
              {
                q.edits[j] = search_edits (q.w[j], q.len[j]);
                forgive |= q.edits[j] > 0;
              }
          if (!forgive)
            break;
          ncand = 0;
        }
      for (size_t i = 0; i < ix->n; i++)
        {
          const struct search_doc *d = &ix->docs[i];
          const char *pl = d->page->lang;
          struct search_cand c;

          if (lang != NULL && (pl == NULL || strcmp (pl, lang) != 0))
            continue;
          if (!search_doc_score (d, &q, best, spanbest, &c.score, &c.span))
            continue;
          c.doc = i;
          cand = xgrow (cand, &candcap, ncand + 1, sizeof *cand);
          cand[ncand++] = c;
        }
    }
  if (ncand > 0)
    {
      qsort (cand, ncand, sizeof *cand, search_cand_cmp);
      out->n = ncand < max ? ncand : max;
      out->hits = xcalloc (out->n, sizeof *out->hits);
      for (size_t i = 0; i < out->n; i++)
        {
          out->hits[i].score = cand[i].score;
          search_fill_hit (&ix->docs[cand[i].doc], cand[i].span, &q, width,
                           &out->hits[i]);
        }
    }
  free (cand);
  free (best);
  free (spanbest);
  search_query_done (&q);
}

void
search_result_done (struct search_result *r)
{
  for (size_t i = 0; i < r->n; i++)
    {
      free (r->hits[i].snippet);
      free (r->hits[i].terms);
    }
  free (r->hits);
  r->hits = NULL;
  r->n = 0;
}
