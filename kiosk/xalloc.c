/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* xalloc.c -- allocation that never returns NULL.  */

#include "system.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static void ATTR_NORETURN
xalloc_die (const char *what, size_t n, size_t size)
{
  fprintf (stderr, "mesokiosk: %s: cannot allocate %zu x %zu bytes\n",
           what, n, size);
  abort ();
}

void *
xmalloc (size_t size)
{
  void *p;

  if (size == 0)
    xalloc_die ("xmalloc: zero size", 0, 0);
  p = malloc (size);
  if (p == NULL)
    xalloc_die ("xmalloc", 1, size);
  return p;
}

void *
xcalloc (size_t n, size_t size)
{
  void *p;

  if (n == 0 || size == 0)
    xalloc_die ("xcalloc: zero size", n, size);
  p = calloc (n, size);
  if (p == NULL)
    xalloc_die ("xcalloc", n, size);
  return p;
}

void *
xreallocarray (void *ptr, size_t n, size_t size)
{
  void *p;

  if (n == 0 || size == 0)
    xalloc_die ("xreallocarray: zero size", n, size);
  if (n > SIZE_MAX / size)
    xalloc_die ("xreallocarray: overflow", n, size);
  p = realloc (ptr, n * size);
  if (p == NULL)
    xalloc_die ("xreallocarray", n, size);
  return p;
}

void *
xgrow (void *items, size_t *cap, size_t need, size_t size)
{
  size_t ncap = *cap ? *cap : 8;

  if (need <= *cap)
    return items;
  while (ncap < need)
    {
      if (ncap > SIZE_MAX / 2)
        xalloc_die ("xgrow: overflow", need, size);
      ncap *= 2;
    }
  items = xreallocarray (items, ncap, size);
  *cap = ncap;
  return items;
}

char *
xstrdup (const char *s)
{
  return xstrndup (s, strlen (s));
}

char *
xstrndup (const char *s, size_t n)
{
  char *p;

  n = strnlen (s, n);
  p = xmalloc (n + 1);
  memcpy (p, s, n);
  p[n] = '\0';
  return p;
}

char *
xvasprintf (const char *fmt, va_list ap)
{
  char *s;

  if (vasprintf (&s, fmt, ap) < 0)
    xalloc_die ("xvasprintf", 1, strlen (fmt));
  return s;
}

char *
xasprintf (const char *fmt, ...)
{
  va_list ap;
  char *s;

  va_start (ap, fmt);
  s = xvasprintf (fmt, ap);
  va_end (ap);
  return s;
}
