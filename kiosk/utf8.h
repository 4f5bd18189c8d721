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

/* True if the N bytes at S (valid UTF-8) show nothing: only spaces,
   line feeds, and characters that are blank or ignored when shown (the
   Hangul fillers such as U+3164, the Braille blank U+2800, variation
   selectors...).  */
bool utf8_blank (const char *s, size_t n);

/* Display width in columns of valid UTF-8 text.  */
size_t utf8_width (const char *s, size_t n);

/* Returns the length in bytes of the longest prefix of the N bytes at S
   (valid UTF-8) that fits in WIDTH columns, and its width in *COLS, by
   whole grapheme clusters (libunistring's u8_grapheme_breaks()): a flag
   or a letter and its marks are never cut.  With AT_LEAST_ONE, the first
   cluster is taken even if too wide.  */
size_t utf8_fit (const char *s, size_t n, size_t width, bool at_least_one,
                 size_t *cols);

/* The N bytes at S as the kiosk draws them, or NULL if that is S itself
   (else caller frees; *OUTLEN is the length): each grapheme cluster
   without the emoji modifiers (skin tones) and variation selectors that
   follow its first character.  Terminals disagree on how wide those
   clusters are (tmux 3.3a gives a thumbs-up with a skin tone four
   columns, the sum of its parts; VTE and kitty two; an emoji variation
   selector makes a heart one column or two), and a line measured one way
   and drawn another pushes the warning box's right edge.  Without them,
   the width is that of the characters, which the layout, ncursesw
   (wcwidth) and the terminals agree on.  */
char *utf8_drawable (const char *s, size_t n, size_t *outlen);

/* Returns the number of characters (code points) in the N bytes at S;
   an invalid byte counts as one.  */
size_t utf8_chars (const char *s, size_t n);

#endif /* MESOKIOSK_UTF8_H */
