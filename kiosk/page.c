/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* page.c -- the content model: pages made of blocks.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "xalloc.h"

struct page *
page_new (void)
{
  struct page *p = xcalloc (1, sizeof *p);

  arena_init (&p->arena);
  return p;
}

void
page_free (struct page *p)
{
  if (p == NULL)
    return;
  free (p->blocks);
  arena_done (&p->arena);
  free (p);
}

struct block *
page_add_block (struct page *p, enum block_kind kind)
{
  struct block *b;

  p->blocks = xgrow (p->blocks, &p->blocks_cap, p->nblocks + 1, sizeof *p->blocks);
  b = &p->blocks[p->nblocks++];
  memset (b, 0, sizeof *b);
  b->kind = kind;
  return b;
}

size_t
page_count_links (const struct page *p)
{
  size_t n = 0;

  for (size_t i = 0; i < p->nblocks; i++)
    n += p->blocks[i].kind == BLOCK_LINK;
  return n;
}

bool
page_id_valid (const char *id)
{
  size_t n = strlen (id);

  if (n == 0 || n > 64 || id[0] == '-' || id[n - 1] == '-')
    return false;
  for (size_t i = 0; i < n; i++)
    if (!((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9')
          || id[i] == '-'))
      return false;
  return true;
}

const char *const page_level_names[LEVEL_COUNT] = {
  [LEVEL_URGENT] = "urgent",
  [LEVEL_EMERGENCY] = "emergency",
  [LEVEL_INFO] = "info",
};

static bool
page_digits (const char *s, size_t n, unsigned *v)
{
  *v = 0;
  for (size_t i = 0; i < n; i++)
    {
      if (s[i] < '0' || s[i] > '9')
        return false;
      *v = *v * 10 + (unsigned) (s[i] - '0');
    }
  return true;
}

bool
page_date_parse (const char *s, struct page_date *d)
{
  static const unsigned char days[12] = { 31, 29, 31, 30, 31, 30,
                                          31, 31, 30, 31, 30, 31 };
  unsigned y, m, day;
  bool leap;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-'
      || !page_digits (s, 4, &y) || !page_digits (s + 5, 2, &m)
      || !page_digits (s + 8, 2, &day))
    return false;
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || day < 1
      || day > days[m - 1])
    return false;
  leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && day == 29 && !leap)
    return false;
  d->year = (uint16_t) y;
  d->month = (uint8_t) m;
  d->day = (uint8_t) day;
  return true;
}

int
page_date_cmp (const struct page_date *a, const struct page_date *b)
{
  unsigned long x = a->year * 10000UL + a->month * 100UL + a->day;
  unsigned long y = b->year * 10000UL + b->month * 100UL + b->day;

  return x < y ? -1 : x > y;
}
