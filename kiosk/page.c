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
