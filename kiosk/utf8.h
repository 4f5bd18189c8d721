/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* utf8.h -- checks and measures UTF-8 text, through libunistring.

   Every string that comes from a file passes utf8_check() before it is
   kept, so nothing invalid, no control character (ESC, CSI, BEL, C1...)
   and no invisible formatting character (bidi overrides, zero-width
   characters) can ever reach the terminal.  utf8_escape() makes any bytes
   safe to print in a diagnostic.  */

#ifndef MESOKIOSK_UTF8_H
#define MESOKIOSK_UTF8_H

#include <stddef.h>
#include <stdint.h>

enum utf8_problem
{
  UTF8_OK,
  UTF8_INVALID,         /* Not UTF-8 (bad or truncated sequence).  */
  UTF8_CONTROL,         /* C0 or C1 control character, DEL, NUL.  */
  UTF8_INVISIBLE        /* Format character: bidi, zero-width, separators.  */
};

/* Checks the N bytes at S.  A line feed is allowed when ALLOW_NEWLINE.
   On a problem, sets *OFF to its byte offset and *UC to the character
   (or the bad byte).  */
enum utf8_problem utf8_check (const char *s, size_t n, bool allow_newline,
                              size_t *off, uint32_t *uc);

/* Returns a NUL-terminated copy of S where invalid bytes, controls and
   invisible characters are written as \xHH or <U+XXXX>.  Caller frees.  */
char *utf8_escape (const char *s, size_t n);
/* Returns the display width of the escaped form of the first NCHARS
   characters of S (for placing a caret under a column).  */
size_t utf8_escaped_width (const char *s, size_t n, size_t nchars);

/* Display width in columns of valid UTF-8 text.  */
size_t utf8_width (const char *s, size_t n);

/* Returns the length in bytes of the longest prefix of the N bytes at S
   (valid UTF-8) that fits in WIDTH columns, and its width in *COLS.
   With AT_LEAST_ONE, the first character is taken even if too wide.  */
size_t utf8_fit (const char *s, size_t n, size_t width, bool at_least_one,
                 size_t *cols);

/* Returns the number of characters (code points) in the N bytes at S;
   an invalid byte counts as one.  */
size_t utf8_chars (const char *s, size_t n);

#endif /* MESOKIOSK_UTF8_H */
