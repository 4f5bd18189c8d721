/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* arena.c -- a bump allocator that frees everything in one call.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xalloc.h"

enum { ARENA_CHUNK = 2048, ARENA_ALIGN = 16 };

struct arena_chunk
{
  struct arena_chunk *next;
  size_t used, cap;
  _Alignas (ARENA_ALIGN) unsigned char data[];
};

void
arena_init (struct arena *a)
{
  a->head = NULL;
  a->total = 0;
}

void
arena_done (struct arena *a)
{
  struct arena_chunk *c = a->head;

  while (c != NULL)
    {
      struct arena_chunk *next = c->next;
      free (c);
      c = next;
    }
  a->head = NULL;
  a->total = 0;
}

void *
arena_alloc (struct arena *a, size_t size)
{
  struct arena_chunk *c = a->head;
  size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t) (ARENA_ALIGN - 1);
  void *p;

  if (size > SIZE_MAX / 2)
    abort ();
  if (c == NULL || c->cap - c->used < rounded)
    {
      size_t cap = rounded > ARENA_CHUNK / 2 ? rounded : ARENA_CHUNK;
      struct arena_chunk *n = xmalloc (sizeof *n + cap);

      n->used = 0;
      n->cap = cap;
      a->total += sizeof *n + cap;
      if (c != NULL && cap != ARENA_CHUNK)
        {
          /* A big block gets its own chunk behind the current one, so the
             current chunk's free space stays usable.  */
          n->next = c->next;
          c->next = n;
          n->used = rounded;
          return n->data;
        }
      n->next = c;
      a->head = c = n;
    }
  p = c->data + c->used;
  c->used += rounded;
  return p;
}

void *
arena_memdup (struct arena *a, const void *p, size_t n)
{
  void *q = arena_alloc (a, n);

  if (n > 0)
    memcpy (q, p, n);
  return q;
}

char *
arena_strndup (struct arena *a, const char *s, size_t n)
{
  char *p = arena_alloc (a, n + 1);

  memcpy (p, s, n);
  p[n] = '\0';
  return p;
}

char *
arena_strdup (struct arena *a, const char *s)
{
  return arena_strndup (a, s, strlen (s));
}
