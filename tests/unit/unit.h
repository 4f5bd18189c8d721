/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* unit.h -- a tiny test harness for the model's unit tests.

   Each test program defines test functions and runs them with RUN ();
   CHECK* macros report a failure with file and line and go on.  The
   program exits 0 if every check passed, 1 otherwise (automake's
   harness reads the exit status).  Tests link only libmodel.a.  */

#ifndef MESOKIOSK_UNIT_H
#define MESOKIOSK_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_failures, unit_checks;
static const char *unit_current;

#define CHECK(cond)                                                     \
  do                                                                    \
    {                                                                   \
      unit_checks++;                                                    \
      if (!(cond))                                                      \
        {                                                               \
          unit_failures++;                                              \
          fprintf (stderr, "%s:%d: %s: check failed: %s\n", __FILE__,   \
                   __LINE__, unit_current, #cond);                      \
        }                                                               \
    }                                                                   \
  while (0)

#define CHECK_STR(got, want)                                            \
  do                                                                    \
    {                                                                   \
      const char *unit_g = (got), *unit_w = (want);                     \
      unit_checks++;                                                    \
      if (unit_g == NULL || unit_w == NULL                              \
          ? unit_g != unit_w : strcmp (unit_g, unit_w) != 0)            \
        {                                                               \
          unit_failures++;                                              \
          fprintf (stderr, "%s:%d: %s: %s\n  got:  [%s]\n  want: [%s]\n",\
                   __FILE__, __LINE__, unit_current, #got,              \
                   unit_g ? unit_g : "(null)", unit_w ? unit_w : "(null)"); \
        }                                                               \
    }                                                                   \
  while (0)

#define CHECK_INT(got, want)                                            \
  do                                                                    \
    {                                                                   \
      long long unit_g = (long long) (got), unit_w = (long long) (want); \
      unit_checks++;                                                    \
      if (unit_g != unit_w)                                             \
        {                                                               \
          unit_failures++;                                              \
          fprintf (stderr, "%s:%d: %s: %s is %lld, want %lld\n",        \
                   __FILE__, __LINE__, unit_current, #got, unit_g,      \
                   unit_w);                                             \
        }                                                               \
    }                                                                   \
  while (0)

#define RUN(fn)                                                         \
  do                                                                    \
    {                                                                   \
      unit_current = #fn;                                               \
      fn ();                                                            \
    }                                                                   \
  while (0)

static inline int
unit_done (void)
{
  printf ("%d checks, %d failed\n", unit_checks, unit_failures);
  return unit_failures == 0 ? 0 : 1;
}

#endif /* MESOKIOSK_UNIT_H */
