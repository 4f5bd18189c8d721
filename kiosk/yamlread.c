/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* yamlread.c -- a defensive reader of libyaml events.  */

#include "system.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "utf8.h"
#include "xalloc.h"
#include "yamlread.h"

enum { YAMLREAD_PIECE = 128 };  /* Bytes libyaml gets at a time.  */

/* libyaml's read handler: the next piece of the file.  */
static int
yamlread_chunk (void *data, unsigned char *buffer, size_t size,
                size_t *size_read)
{
  struct yamlread *r = data;
  size_t from = r->skipped + r->fed;
  size_t n = r->len - from;

  if (n > YAMLREAD_PIECE)
    n = YAMLREAD_PIECE;
  if (n > size)
    n = size;
  memcpy (buffer, r->buf + from, n);
  r->fed += n;
  *size_read = n;
  return 1;
}

void
yamlread_init (struct yamlread *r, const char *file, const char *buf,
               size_t len, struct diag_list *diags)
{
  memset (r, 0, sizeof *r);
  r->file = file;
  r->buf = buf;
  r->len = len;
  r->diags = diags;
  if (!yaml_parser_initialize (&r->parser))
    {
      diag_add (diags, DIAG_ERROR, file, 0, 0, _("out of memory"));
      r->failed = true;
      return;
    }
  yaml_parser_set_encoding (&r->parser, YAML_UTF8_ENCODING);
  /* With the encoding forced, libyaml would read a byte order mark as
     text: skip it.  */
  if (len >= 3 && memcmp (buf, "\xEF\xBB\xBF", 3) == 0)
    r->skipped = 3;
  else if (len >= 2 && ((unsigned char) buf[0] == 0xFF
                        || (unsigned char) buf[0] == 0xFE)
           && ((unsigned char) buf[1] == 0xFF
               || (unsigned char) buf[1] == 0xFE))
    {
      diag_add (diags, DIAG_ERROR, file, 1, 1,
                _("the file is in UTF-16; save it as UTF-8"));
      r->failed = true;
    }
  yaml_parser_set_input (&r->parser, yamlread_chunk, r);
}

void
yamlread_done (struct yamlread *r)
{
  if (r->more > 0)
    diag_add (r->diags, DIAG_NOTE, r->file, 0, 0,
              ngettext ("%zu more problem in this file is not shown",
                        "%zu more problems in this file are not shown",
                        r->more), r->more);
  r->more = 0;
  free (r->lines);
  r->lines = NULL;
  yaml_parser_delete (&r->parser);
}

/* Notes where every line of the buffer starts (after a byte order mark).
   Lines end at LF, CR LF or a lone CR, as in libyaml.  */
static void
yamlread_index_lines (struct yamlread *r)
{
  const char *p = r->buf, *end = r->buf + r->len;
  size_t n = 1, i = 0;

  for (const char *q = p; q < end; q++)
    if (*q == '\n' || (*q == '\r' && (q + 1 >= end || q[1] != '\n')))
      n++;
  r->lines = xcalloc (n, sizeof *r->lines);
  if (r->len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  r->lines[i++] = (uint32_t) (p - r->buf);
  for (; p < end; p++)
    if (*p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n')))
      r->lines[i++] = (uint32_t) (p + 1 - r->buf);
  r->nlines = i;
}

/* Finds the 0-based line LINE of the buffer; sets *LEN to its length.  */
static const char *
yamlread_line (struct yamlread *r, size_t line, size_t *len)
{
  const char *p, *end = r->buf + r->len, *q;

  if (r->lines == NULL)
    yamlread_index_lines (r);
  p = line < r->nlines ? r->buf + r->lines[line] : end;
  for (q = p; q < end && *q != '\n' && *q != '\r'; q++)
    continue;
  *len = (size_t) (q - p);
  return p;
}

static struct diag *
yamlread_vdiag (struct yamlread *r, enum diag_severity sev, size_t line,
                size_t col, const char *fmt, va_list ap) ATTR_PRINTF (5, 0);

static struct diag *
yamlread_vdiag (struct yamlread *r, enum diag_severity sev, size_t line,
                size_t col, const char *fmt, va_list ap)
{
  char *msg;
  struct diag *d;
  size_t len;
  const char *src;

  if (r->ndiags >= YAMLREAD_MAX_DIAGS)
    {
      diag_count (r->diags, sev);
      r->more++;
      return NULL;
    }
  r->ndiags++;
  msg = xvasprintf (fmt, ap);
  d = diag_add (r->diags, sev, r->file, (unsigned) line + 1,
                (unsigned) col + 1, "%s", msg);
  src = yamlread_line (r, line, &len);
  free (msg);
  if (len > 0 && len < 4096)
    diag_set_source (d, src, len);
  return d;
}

struct diag *
yamlread_diag (struct yamlread *r, enum diag_severity sev,
               const yaml_mark_t *mark, const char *fmt, ...)
{
  struct diag *d;
  va_list ap;

  va_start (ap, fmt);
  d = yamlread_vdiag (r, sev, mark->line, mark->column, fmt, ap);
  va_end (ap);
  return d;
}

static void
yamlread_fail (struct yamlread *r, const yaml_mark_t *mark, const char *fmt,
               ...) ATTR_PRINTF (3, 4);

static void
yamlread_fail (struct yamlread *r, const yaml_mark_t *mark, const char *fmt,
               ...)
{
  va_list ap;

  va_start (ap, fmt);
  yamlread_vdiag (r, DIAG_ERROR, mark->line, mark->column, fmt, ap);
  va_end (ap);
  r->failed = true;
}

/* libyaml's reader errors carry a byte offset but no mark.  */
static void
yamlread_offset_to_mark (const struct yamlread *r, size_t off,
                         yaml_mark_t *mark)
{
  size_t line = 0, start = 0;

  if (off > r->len)
    off = r->len;
  for (size_t i = 0; i < off; i++)
    if (r->buf[i] == '\n'
        || (r->buf[i] == '\r' && (i + 1 >= r->len || r->buf[i + 1] != '\n')))
      {
        line++;
        start = i + 1;
      }
  mark->line = line;
  mark->column = utf8_chars (r->buf + start, off - start);
  if (line == 0 && off >= 3 && memcmp (r->buf, "\xEF\xBB\xBF", 3) == 0)
    mark->column--;
  mark->index = off;
}

/* The byte at MARK (its first byte, for a multibyte character).  */
static int
yamlread_char_at (struct yamlread *r, const yaml_mark_t *mark)
{
  size_t len, i = 0;
  const char *line = yamlread_line (r, mark->line, &len);

  for (size_t col = 0; col < mark->column && i < len; col++)
    {
      i++;
      while (i < len && ((unsigned char) line[i] & 0xC0) == 0x80)
        i++;
    }
  return i < len ? (unsigned char) line[i] : -1;
}

static void
yamlread_parser_error (struct yamlread *r)
{
  yaml_parser_t *p = &r->parser;
  const char *problem = p->problem != NULL ? p->problem : "unknown problem";
  yaml_mark_t mark;

  switch (p->error)
    {
    case YAML_MEMORY_ERROR:
      diag_add (r->diags, DIAG_ERROR, r->file, 0, 0, _("out of memory"));
      break;
    case YAML_READER_ERROR:
      if (strstr (problem, "UTF-8") != NULL
          || strstr (problem, "utf-8") != NULL)
        {
          /* libyaml points at the byte that broke a sequence; point at
             the sequence's start instead.  */
          const uint8_t *bad = u8_check ((const uint8_t *) r->buf, r->len);
          size_t off = bad != NULL ? (size_t) ((const char *) bad - r->buf)
                                   : p->problem_offset + r->skipped;

          yamlread_offset_to_mark (r, off, &mark);
          yamlread_fail (r, &mark,
                         _("the file is not valid UTF-8 text (byte 0x%02X);"
                           " save it as UTF-8"),
                         (unsigned) (off < r->len
                                     ? (unsigned char) r->buf[off] : 0));
          break;
        }
      /* The offset counts from after a byte order mark.  */
      yamlread_offset_to_mark (r, p->problem_offset + r->skipped, &mark);
      if (strstr (problem, "control") != NULL)
        yamlread_fail (r, &mark,
                       _("control character 0x%02X is not allowed in a"
                         " content file"),
                       (unsigned) p->problem_value);
      else
        yamlread_fail (r, &mark, _("unreadable text: %s"), problem);
      break;
    default:
      if (yamlread_char_at (r, &p->problem_mark) == '\t')
        yamlread_fail (r, &p->problem_mark,
                       _("YAML syntax error: a tab character; indent with"
                         " spaces, never tabs"));
      else if (p->context != NULL)
        yamlread_fail (r, &p->problem_mark,
                       _("YAML syntax error: %s (%s, which started at line"
                         " %zu, column %zu)"), problem, p->context,
                       p->context_mark.line + 1, p->context_mark.column + 1);
      else
        yamlread_fail (r, &p->problem_mark, _("YAML syntax error: %s"),
                       problem);
      break;
    }
  r->failed = true;
}

const char *
yamlread_kind (const yaml_event_t *ev)
{
  switch (ev->type)
    {
    case YAML_MAPPING_START_EVENT:
      return _("a mapping of keys");
    case YAML_SEQUENCE_START_EVENT:
      return _("a list");
    case YAML_SCALAR_EVENT:
      return _("a text");
    default:
      return _("nothing");
    }
}

static const char *
yamlread_problem_name (enum utf8_problem p)
{
  switch (p)
    {
    case UTF8_INVALID:
      return _("an invalid UTF-8 byte");
    case UTF8_CONTROL:
      return _("a control character");
    default:
      return _("an invisible formatting character");
    }
}

/* Checks a node event; returns false if it is refused (fatally).  */
static bool
yamlread_check_node (struct yamlread *r, yaml_event_t *ev)
{
  const yaml_char_t *anchor = NULL, *tag = NULL;

  r->bad_scalar = false;
  switch (ev->type)
    {
    case YAML_ALIAS_EVENT:
      yamlread_fail (r, &ev->start_mark,
                     _("aliases (*name) are not supported; write the"
                       " value out in full"));
      return false;
    case YAML_SCALAR_EVENT:
      anchor = ev->data.scalar.anchor;
      tag = ev->data.scalar.tag;
      break;
    case YAML_SEQUENCE_START_EVENT:
      anchor = ev->data.sequence_start.anchor;
      tag = ev->data.sequence_start.tag;
      break;
    case YAML_MAPPING_START_EVENT:
      anchor = ev->data.mapping_start.anchor;
      tag = ev->data.mapping_start.tag;
      break;
    default:
      return true;
    }
  if (anchor != NULL)
    {
      yamlread_fail (r, &ev->start_mark,
                     _("anchors (&name) are not supported; write the"
                       " value out in full"));
      return false;
    }
  if (tag != NULL)
    {
      yamlread_fail (r, &ev->start_mark,
                     _("tags (!name) are not supported; remove the tag"));
      return false;
    }
  if (ev->type == YAML_SCALAR_EVENT)
    {
      const char *v = (const char *) ev->data.scalar.value;
      size_t n = ev->data.scalar.length, off;
      uint32_t uc;
      enum utf8_problem p;

      if (n > YAMLREAD_MAX_SCALAR)
        {
          yamlread_fail (r, &ev->start_mark,
                         _("this text is %zu bytes long; the limit is %d"),
                         n, (int) YAMLREAD_MAX_SCALAR);
          return false;
        }
      p = utf8_check (v, n, true, &off, &uc);
      if (p != UTF8_OK)
        {
          yamlread_diag (r, DIAG_ERROR, &ev->start_mark,
                         _("this text contains %s (U+%04X) at byte %zu;"
                           " escape sequences and invisible characters are"
                           " not allowed"),
                         yamlread_problem_name (p), (unsigned) uc, off);
          r->bad_scalar = true;
        }
    }
  else
    {
      if (++r->depth > YAMLREAD_MAX_DEPTH)
        {
          yamlread_fail (r, &ev->start_mark,
                         _("the structure is nested more than %d levels"
                           " deep"), (int) YAMLREAD_MAX_DEPTH);
          return false;
        }
    }
  return true;
}

bool
yamlread_next (struct yamlread *r, yaml_event_t *ev)
{
  for (;;)
    {
      if (r->failed || r->ended)
        return false;
      if (!yaml_parser_parse (&r->parser, ev))
        {
          yamlread_parser_error (r);
          return false;
        }
      switch (ev->type)
        {
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
        case YAML_NO_EVENT:
          yaml_event_delete (ev);
          continue;
        case YAML_STREAM_END_EVENT:
          r->ended = true;
          yaml_event_delete (ev);
          return false;
        case YAML_DOCUMENT_START_EVENT:
          if (++r->documents > 1)
            {
              yamlread_fail (r, &ev->start_mark,
                             _("a second document starts here; a file"
                               " holds one document (remove the '---')"));
              yaml_event_delete (ev);
              return false;
            }
          if (ev->data.document_start.tag_directives.start
              != ev->data.document_start.tag_directives.end)
            {
              yamlread_fail (r, &ev->start_mark,
                             _("%%TAG directives are not supported"));
              yaml_event_delete (ev);
              return false;
            }
          yaml_event_delete (ev);
          continue;
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
          r->depth--;
          return true;
        default:
          if (!yamlread_check_node (r, ev))
            {
              yaml_event_delete (ev);
              return false;
            }
          return true;
        }
    }
}

bool
yamlread_skip (struct yamlread *r, const yaml_event_t *start)
{
  unsigned level = 0;
  yaml_event_t ev;

  if (start->type != YAML_MAPPING_START_EVENT
      && start->type != YAML_SEQUENCE_START_EVENT)
    return true;
  level = 1;
  while (level > 0)
    {
      if (!yamlread_next (r, &ev))
        return false;
      if (ev.type == YAML_MAPPING_START_EVENT
          || ev.type == YAML_SEQUENCE_START_EVENT)
        level++;
      else if (ev.type == YAML_MAPPING_END_EVENT
               || ev.type == YAML_SEQUENCE_END_EVENT)
        level--;
      yaml_event_delete (&ev);
    }
  return true;
}
