/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* readfile.c -- a whole regular file into memory, with a size limit.  */

#include "system.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "readfile.h"
#include "xalloc.h"

enum readfile_result
readfile (const char *path, size_t max, char **buf, size_t *len)
{
  struct stat st;
  char *data;
  size_t got = 0;
  int fd, e;

  *buf = NULL;
  *len = 0;
  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0)
    return READFILE_OPEN;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return READFILE_NOT_FILE;
    }
  if ((unsigned long long) st.st_size > max)
    {
      *len = (size_t) st.st_size;
      close (fd);
      return READFILE_TOO_LARGE;
    }
  data = xmalloc ((size_t) st.st_size + 1);
  while (got < (size_t) st.st_size)
    {
      ssize_t r = read (fd, data + got, (size_t) st.st_size - got);

      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        {
          e = errno;
          free (data);
          close (fd);
          errno = e;
          return READFILE_READ;
        }
      if (r == 0)
        break;                  /* Shrunk while reading: take what is.  */
      got += (size_t) r;
    }
  close (fd);
  data[got] = '\0';
  *buf = data;
  *len = got;
  return READFILE_OK;
}
