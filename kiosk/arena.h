/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* arena.h -- a bump allocator that frees everything in one call.

   Each loaded page keeps its strings and arrays in one arena, so loading is
   a few large allocations instead of hundreds of small ones, and freeing a
   page is arena_done().  Memory from an arena is owned by the arena.  */

#ifndef MESOKIOSK_ARENA_H
#define MESOKIOSK_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena
{
  struct arena_chunk *head;     /* Most recent chunk, or NULL.  */
  size_t total;                 /* Bytes obtained from malloc, for tests.  */
};

void arena_init (struct arena *a);
void arena_done (struct arena *a);

/* Returns SIZE bytes (SIZE may be 0), aligned for any scalar type.  */
void *arena_alloc (struct arena *a, size_t size);
/* Returns a NUL-terminated copy of the N bytes at S.  */
char *arena_strndup (struct arena *a, const char *s, size_t n);
char *arena_strdup (struct arena *a, const char *s);
/* Returns a copy of N bytes.  */
void *arena_memdup (struct arena *a, const void *p, size_t n);

#endif /* MESOKIOSK_ARENA_H */
