/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* replay.c -- run a fuzz target on given files, without libFuzzer.

   Linked with fuzz-load.c or fuzz-layout.c and built with the normal
   compiler (and the sanitizers of --enable-sanitizers), so that 'make
   check' replays the saved crashes (tests/fuzz/regressions/) and the
   seed corpus through the same LLVMFuzzerTestOneInput() as the fuzzer.

     replay FILE...

   Each file is read whole and given to the target once.  A broken
   invariant traps (fuzz-common.h) and a sanitizer report aborts, so the
   exit status says whether every file passed: 0 yes, 2 on an unreadable
   file.  With REPLAY_VERBOSE in the environment, prints each file name
   before running it.  */

#include "system.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Reads the file at PATH into a fresh buffer; returns it (caller frees)
   and its length in *LEN, or NULL with errno set.  */
static uint8_t *
replay_read (const char *path, size_t *len)
{
  FILE *f = fopen (path, "rb");
  uint8_t *buf = NULL;
  size_t n = 0, cap = 0;

  if (f == NULL)
    return NULL;
  for (;;)
    {
      size_t got;

      if (n == cap)
        {
          uint8_t *nb;

          cap = cap > 0 ? cap * 2 : 4096;
          nb = realloc (buf, cap);
          if (nb == NULL)
            {
              free (buf);
              fclose (f);
              errno = ENOMEM;
              return NULL;
            }
          buf = nb;
        }
      got = fread (buf + n, 1, cap - n, f);
      n += got;
      if (got == 0)
        break;
    }
  if (ferror (f))
    {
      int e = errno;

      free (buf);
      fclose (f);
      errno = e;
      return NULL;
    }
  fclose (f);
  *len = n;
  return buf;
}

int
main (int argc, char **argv)
{
  bool verbose = getenv ("REPLAY_VERBOSE") != NULL;
  int status = 0;

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    {
      size_t len = 0;
      uint8_t *data = replay_read (argv[i], &len);

      if (data == NULL)
        {
          fprintf (stderr, "replay: %s: %s\n", argv[i], strerror (errno));
          status = 2;
          continue;
        }
      if (verbose)
        fprintf (stderr, "replay: %s (%zu bytes)\n", argv[i], len);
      /* The fuzzer gives an exact-size buffer: so does this, so that
         AddressSanitizer sees a read past the end.  */
      {
        uint8_t *exact = malloc (len > 0 ? len : 1);

        if (exact == NULL)
          abort ();
        memcpy (exact, data, len);
        free (data);
        LLVMFuzzerTestOneInput (exact, len);
        free (exact);
      }
    }
  return status;
}
