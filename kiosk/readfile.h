/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* readfile.h -- a whole regular file into memory, with a size limit.

   The one reader of the files staff write (pages, kiosk.yaml, a
   clinic's catalogs): it never blocks on a FIFO or a terminal, refuses
   what is not a regular file or is too large before reading it, and
   retries interrupted reads.  It says what went wrong as a result; each
   caller words it for staff.  No curses here.  */

#ifndef MESOKIOSK_READFILE_H
#define MESOKIOSK_READFILE_H

#include <stddef.h>

enum readfile_result
{
  READFILE_OK,
  READFILE_OPEN,        /* It cannot be opened (errno says why).  */
  READFILE_NOT_FILE,    /* Not a regular file.  */
  READFILE_TOO_LARGE,   /* Larger than the limit (*LEN: its size).  */
  READFILE_READ         /* A read failed (errno says why).  */
};

/* Reads the file at PATH, at most MAX bytes, into *BUF (NUL-terminated,
   caller frees; NULL unless READFILE_OK) and *LEN.  A file that shrinks
   while it is read gives what it holds.  */
enum readfile_result readfile (const char *path, size_t max, char **buf,
                               size_t *len);

#endif /* MESOKIOSK_READFILE_H */
