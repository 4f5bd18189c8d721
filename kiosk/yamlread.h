/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* yamlread.h -- a defensive reader of libyaml events.

   libyaml 0.2.5 (Debian 12) has no nesting limit, expands aliases, and
   decodes "\e" or "\u009b" in quoted scalars into raw controls.  This
   reader sits between libyaml and the loaders and refuses all of that with
   a clear diagnostic: nesting deeper than YAMLREAD_MAX_DEPTH, anchors,
   aliases, tags, %TAG directives, several documents in one file, scalars
   longer than YAMLREAD_MAX_SCALAR, and scalars holding control or
   invisible characters.  It hides stream and document events, so callers
   see only node events.  Syntax errors become diagnostics with the file,
   line and column, including libyaml's reader errors that have only a
   byte offset.  The syntax errors staff make (a ': ' in a text without
   quotes, a tab, a quote not closed, a line indented out of step, a list
   item without its '-') are told in plain words, at the line of the
   mistake rather than where libyaml noticed it.  */

#ifndef MESOKIOSK_YAMLREAD_H
#define MESOKIOSK_YAMLREAD_H

#include <yaml.h>

#include "diag.h"

enum
{
  YAMLREAD_MAX_DEPTH = 16,              /* Nested mappings and sequences.  */
  YAMLREAD_MAX_SCALAR = 16 * 1024,      /* Bytes in one key or value.  */
  YAMLREAD_MAX_FILE = 256 * 1024,       /* Bytes in one file.  */
  YAMLREAD_MAX_DIAGS = 50               /* Diagnostics kept of one file;
                                           the others are counted, and a
                                           note says how many.  */
};

struct yamlread
{
  yaml_parser_t parser;
  const char *file;             /* Borrowed; name used in diagnostics.  */
  const char *buf;              /* Borrowed; the whole file.  */
  size_t len;
  size_t skipped;               /* Bytes of a byte order mark skipped.  */
  size_t fed;                   /* Bytes after the byte order mark given
                                   to libyaml so far: it gets the file in
                                   pieces, so a header read that stops
                                   early leaves the rest undecoded.  */
  struct diag_list *diags;      /* Borrowed; where problems go.  */
  size_t first;                 /* Index in DIAGS of the first of this
                                   read.  */
  size_t ndiags;                /* Diagnostics kept.  */
  size_t more;                  /* Diagnostics past YAMLREAD_MAX_DIAGS.  */
  uint32_t *lines;              /* Owned: where each line starts, made
                                   at the first diagnostic (a file of
                                   thousands of problems costs one pass
                                   over it, not one per problem).  */
  size_t nlines;
  unsigned depth;
  unsigned documents;
  bool failed;                  /* A fatal problem stopped the parse.  */
  bool ended;                   /* The stream ended normally.  */
  bool bad_scalar;              /* The last scalar returned was refused.  */
};

/* Starts reading the LEN bytes at BUF, which must outlive R.  */
void yamlread_init (struct yamlread *r, const char *file, const char *buf,
                    size_t len, struct diag_list *diags);
/* Ends the read; a note tells how many diagnostics were not kept.  */
void yamlread_done (struct yamlread *r);

/* Reads the next node event into EV and returns true; the caller then
   owns EV and must yaml_event_delete() it.  Returns false at the end of
   the document or on a fatal problem (R->failed), with EV untouched.  */
bool yamlread_next (struct yamlread *r, yaml_event_t *ev);

/* Consumes the rest of the node that START began (a mapping or sequence
   start; a scalar needs nothing).  Returns false on a fatal problem.  */
bool yamlread_skip (struct yamlread *r, const yaml_event_t *start);

/* Adds a diagnostic at MARK, with the source line attached; returns it,
   or NULL past YAMLREAD_MAX_DIAGS of this file (it is only counted).  */
struct diag *yamlread_diag (struct yamlread *r, enum diag_severity sev,
                            const yaml_mark_t *mark, const char *fmt, ...)
  ATTR_PRINTF (4, 5);

/* The 0-based line LINE of the file (not NUL-terminated); *LEN is its
   length in bytes.  */
const char *yamlread_source (struct yamlread *r, size_t line, size_t *len);

/* The source line of MARK from its first non-space character, with the
   text that starts at MARK put in quotes ("..." or, if it holds a '"' or
   a '\\', '...'): the fix of a text that holds ': '.  NULL if the text
   is empty or quoted already.  Caller frees.  */
char *yamlread_quoted_line (struct yamlread *r, const yaml_mark_t *mark);

/* Describes the kind of node that EV starts ("a list", "a text", ...).  */
const char *yamlread_kind (const yaml_event_t *ev);

#endif /* MESOKIOSK_YAMLREAD_H */
