/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* yamlparse.c -- the floor of loading, for the benchmark: read each file
   given into memory and run libyaml's event parser over it, deleting each
   event.  Nothing else: no model, no checks, no output.  This is what any
   loader built on libyaml's event API must at least do.

   Usage: yamlparse FILE...   (exit 1 if a file cannot be read or parsed)

   yamlparse_file() is not inlined so that callgrind can count it alone:
   valgrind --tool=callgrind --toggle-collect=yamlparse_file.  */

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

long yamlparse_file (const char *file);

/* Reads and parses FILE; returns the number of events, or -1.  */
__attribute__ ((noinline)) long
yamlparse_file (const char *file)
{
  yaml_parser_t parser;
  yaml_event_t event;
  struct stat st;
  unsigned char *buf;
  size_t len = 0;
  long n = 0;
  int fd = open (file, O_RDONLY);

  if (fd < 0 || fstat (fd, &st) != 0)
    return -1;
  buf = malloc ((size_t) st.st_size + 1);
  if (buf == NULL)
    return -1;
  while (len < (size_t) st.st_size)
    {
      ssize_t r = read (fd, buf + len, (size_t) st.st_size - len);

      if (r <= 0)
        break;
      len += (size_t) r;
    }
  close (fd);
  if (!yaml_parser_initialize (&parser))
    {
      free (buf);
      return -1;
    }
  yaml_parser_set_input_string (&parser, buf, len);
  for (;;)
    {
      int done;

      if (!yaml_parser_parse (&parser, &event))
        {
          n = -1;
          break;
        }
      done = event.type == YAML_STREAM_END_EVENT;
      yaml_event_delete (&event);
      n++;
      if (done)
        break;
    }
  yaml_parser_delete (&parser);
  free (buf);
  return n;
}

int
main (int argc, char **argv)
{
  int status = 0;

  for (int i = 1; i < argc; i++)
    if (yamlparse_file (argv[i]) < 0)
      {
        fprintf (stderr, "yamlparse: %s: cannot read or parse\n", argv[i]);
        status = 1;
      }
  return status;
}
