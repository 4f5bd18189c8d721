/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* xalloc.h -- allocation that never returns NULL.

   A kiosk that runs out of memory cannot show anything useful, so these
   functions print a message and abort instead of returning NULL.  A request
   for zero bytes is a programming error and aborts too (tmux xmalloc.c).
   Every pointer they return is owned by the caller, who frees it.  */

#ifndef MESOKIOSK_XALLOC_H
#define MESOKIOSK_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc (size_t size) ATTR_MALLOC;
void *xcalloc (size_t n, size_t size) ATTR_MALLOC;
void *xreallocarray (void *ptr, size_t n, size_t size);
char *xstrdup (const char *s) ATTR_MALLOC;
char *xstrndup (const char *s, size_t n) ATTR_MALLOC;
char *xasprintf (const char *fmt, ...) ATTR_PRINTF (1, 2) ATTR_MALLOC;
char *xvasprintf (const char *fmt, va_list ap) ATTR_PRINTF (1, 0) ATTR_MALLOC;

/* Grows ITEMS (an array of *CAP elements of SIZE bytes, or NULL) so that
   it holds at least NEED elements, doubling the capacity, and returns it
   (it may have moved): V = xgrow (V, &CAP, N + 1, sizeof *V).  Like
   tmux's xreallocarray(), it returns the pointer rather than writing it
   through a void **, which C11 (6.5p7) does not allow for a T *.  */
void *xgrow (void *items, size_t *cap, size_t need, size_t size)
  ATTR_WARN_UNUSED;

#endif /* MESOKIOSK_XALLOC_H */
