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
  r->first = diags->n;
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

const char *
yamlread_source (struct yamlread *r, size_t line, size_t *len)
{
  return yamlread_line (r, line, len);
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

/* ------------------------------------------------------------------ */
/* Syntax errors in plain words.

   libyaml says what its grammar expected ("did not find expected key"),
   often one line after the mistake.  Staff need the mistake itself: a
   ': ' in a text without quotes, a tab, a quote never closed, a line
   indented out of step, a list item without its '-'.  These look at the
   lines around libyaml's marks (and, for quotes, at its tokens) to name
   it, at the line where it is; libyaml's own words are the last resort.  */

/* The shape of one source line: the indentation, the "- " of list items,
   a key and its value.  Offsets are in bytes; indentation is spaces, so
   they are columns too up to BODY.  */
struct yamlread_shape
{
  const char *s;
  size_t len;
  size_t indent;                /* Spaces before the first character.  */
  size_t body;                  /* After the indentation and any "- ".  */
  size_t last_dash;             /* Of the last "- " before BODY.  */
  unsigned dashes;              /* How many "- " start the line.  */
  bool blank;                   /* Empty, spaces, or a comment.  */
  size_t key, keylen;           /* A "key:" at BODY (KEYLEN 0 if none).  */
  size_t value;                 /* After "key: " and spaces.  */
  bool has_value;               /* Something (not a comment) follows.  */
};

static bool
yamlread_key_char (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
         || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

static void
yamlread_shape (struct yamlread *r, size_t line, struct yamlread_shape *y)
{
  size_t i = 0, k;

  memset (y, 0, sizeof *y);
  y->s = yamlread_line (r, line, &y->len);
  while (i < y->len && y->s[i] == ' ')
    i++;
  y->indent = i;
  y->blank = i == y->len || y->s[i] == '#';
  while (i + 1 < y->len && y->s[i] == '-' && y->s[i + 1] == ' ')
    {
      y->last_dash = i;
      y->dashes++;
      for (i += 2; i < y->len && y->s[i] == ' '; i++)
        continue;
    }
  if (i + 1 == y->len && y->s[i] == '-')
    {
      y->last_dash = i;
      y->dashes++;
      i++;
    }
  y->body = i;
  for (k = i; k < y->len && yamlread_key_char (y->s[k]); k++)
    continue;
  if (k > i && k < y->len && y->s[k] == ':'
      && (k + 1 == y->len || y->s[k + 1] == ' '))
    {
      y->key = i;
      y->keylen = k - i;
      for (k++; k < y->len && y->s[k] == ' '; k++)
        continue;
      y->value = k;
      y->has_value = k < y->len && y->s[k] != '#';
    }
}

/* The nearest line before LINE that is not blank or a comment; returns
   false if there is none.  */
static bool
yamlread_prev (struct yamlread *r, size_t line, size_t *prev,
               struct yamlread_shape *y)
{
  while (line-- > 0)
    {
      yamlread_shape (r, line, y);
      if (!y->blank)
        {
          *prev = line;
          return true;
        }
    }
  return false;
}

/* The byte offset of column COL (characters) in the LEN bytes at S.  */
static size_t
yamlread_col_off (const char *s, size_t len, size_t col)
{
  size_t i = 0;

  for (size_t c = 0; c < col && i < len; c++)
    {
      i++;
      while (i < len && ((unsigned char) s[i] & 0xC0) == 0x80)
        i++;
    }
  return i;
}

char *
yamlread_quoted_line (struct yamlread *r, const yaml_mark_t *mark)
{
  size_t len, from, end, indent = 0;
  const char *s = yamlread_line (r, mark->line, &len);
  const char *v;
  char *q, *out;
  bool dquote;

  from = yamlread_col_off (s, len, mark->column);
  end = len;
  while (end > from && s[end - 1] == ' ')
    end--;
  if (end == from || s[from] == '"' || s[from] == '\'')
    return NULL;
  while (indent < from && s[indent] == ' ')
    indent++;
  v = s + from;
  dquote = memchr (v, '"', end - from) == NULL
           && memchr (v, '\\', end - from) == NULL;
  /* '...' writes a quote as ''.  */
  q = xmalloc (2 * (end - from) + 3);
  {
    size_t n = 0;

    q[n++] = dquote ? '"' : '\'';
    for (size_t i = 0; i < end - from; i++)
      {
        if (!dquote && v[i] == '\'')
          q[n++] = '\'';
        q[n++] = v[i];
      }
    q[n++] = dquote ? '"' : '\'';
    q[n] = '\0';
  }
  out = xasprintf ("%.*s%s", (int) (from - indent), s + indent, q);
  free (q);
  return out;
}

static struct diag *
yamlread_hint (struct yamlread *r, size_t line, size_t col, const char *fmt,
               ...) ATTR_PRINTF (4, 5);

/* A syntax error explained, at LINE and COL (0-based).  */
static struct diag *
yamlread_hint (struct yamlread *r, size_t line, size_t col, const char *fmt,
               ...)
{
  struct diag *d;
  va_list ap;

  va_start (ap, fmt);
  d = yamlread_vdiag (r, DIAG_ERROR, line, col, fmt, ap);
  va_end (ap);
  r->failed = true;
  return d;
}

/* Drops the problems this read reported on LINE (0-based) from column
   COL on (0-based): what a mistake on a later line made libyaml read there (a key
   indented too far is read as more words of the value above).  */
static void
yamlread_drop (struct yamlread *r, size_t line, size_t col)
{
  struct diag_list *l = r->diags;
  size_t j = r->first;

  for (size_t i = r->first; i < l->n; i++)
    {
      struct diag *d = &l->items[i];

      if (d->line == line + 1 && d->col >= col + 1
          && d->file != NULL && r->file != NULL
          && strcmp (d->file, r->file) == 0)
        {
          if (d->sev == DIAG_ERROR)
            l->nerrors--;
          else if (d->sev == DIAG_WARNING)
            l->nwarnings--;
          free (d->file);
          free (d->msg);
          free (d->source);
          r->ndiags--;
          continue;
        }
      l->items[j++] = *d;
    }
  l->n = j;
}

/* Line LINE is indented out of step with the lines above: says how.  */
static bool
yamlread_hint_indent (struct yamlread *r, size_t line)
{
  struct yamlread_shape y, p, q;
  size_t pl, ql;

  yamlread_shape (r, line, &y);
  if (y.blank || !yamlread_prev (r, line, &pl, &p))
    return false;
  if (y.dashes > 0 && p.dashes > 0 && y.indent != p.last_dash)
    {
      yamlread_hint (r, line, y.indent,
                     _("bad indentation: the '-' of this item is at column"
                       " %zu, but the one of the item on line %zu is at"
                       " column %zu; line them up"), y.indent + 1, pl + 1,
                     p.last_dash + 1);
      return true;
    }
  if (y.indent > p.body && (p.has_value || p.keylen == 0))
    {
      yamlread_hint (r, line, y.indent,
                     _("bad indentation: this line is indented more than"
                       " line %zu (column %zu here, column %zu there); line"
                       " it up with the lines of the same list or"
                       " mapping"), pl + 1, y.indent + 1, p.body + 1);
      return true;
    }
  if (y.indent < p.body && y.indent > p.indent && p.dashes > 0)
    {
      /* Between the two columns of "- key:": the item's '-' and key.  */
      yamlread_hint (r, line, y.indent,
                     _("bad indentation: this line is indented more than"
                       " the '-' of line %zu and less than its text; line"
                       " it up with the text (column %zu)"), pl + 1,
                     p.body + 1);
      return true;
    }
  if (y.indent < p.indent)
    {
      size_t at = pl;

      q = p;
      ql = pl;
      while (q.indent > y.indent && yamlread_prev (r, at, &ql, &q))
        {
          at = ql;
          if (q.body <= y.indent)
            break;
        }
      if (q.indent == y.indent || q.body == y.indent || q.indent > y.indent)
        return false;
      yamlread_hint (r, line, y.indent,
                     _("bad indentation: this line is indented less than"
                       " line %zu and more than line %zu (column %zu); line"
                       " it up with one of them"), pl + 1, ql + 1,
                     y.indent + 1);
      return true;
    }
  return false;
}

/* The list whose first item is on line LINE: the key above it, or NULL;
   *LEN is the key's length.  */
static const char *
yamlread_list_name (struct yamlread *r, size_t line, size_t dash,
                    size_t *len)
{
  struct yamlread_shape y;
  size_t pl;

  yamlread_shape (r, line, &y);
  if (y.dashes > 1)
    return NULL;                /* "- - a": a list in a list.  */
  while (yamlread_prev (r, line, &pl, &y))
    {
      line = pl;
      if (y.body <= dash && y.keylen > 0 && !y.has_value)
        {
          *len = y.keylen;
          return y.s + y.key;
        }
      if (y.indent < dash)
        break;
    }
  return NULL;
}

/* Line LINE is an item, at the column of the items of the list that
   starts on line FIRST (its '-' at column DASH), without a '-'.  */
static bool
yamlread_hint_dash (struct yamlread *r, size_t line, size_t first,
                    size_t dash)
{
  struct yamlread_shape y;
  const char *name;
  size_t n = 0, end;

  yamlread_shape (r, line, &y);
  if (y.blank || y.dashes > 0 || y.indent != dash)
    return false;
  end = y.len;
  while (end > y.indent && y.s[end - 1] == ' ')
    end--;
  name = yamlread_list_name (r, first, dash, &n);
  if (name != NULL)
    yamlread_hint (r, line, y.indent,
                   _("an item of '%.*s' must start with '- ', like the one"
                     " on line %zu: - %.*s"), (int) n, name, first + 1,
                   (int) (end - y.indent), y.s + y.indent);
  else
    yamlread_hint (r, line, y.indent,
                   _("an item of a list must start with '- ', like the one"
                     " on line %zu: - %.*s"), first + 1,
                   (int) (end - y.indent), y.s + y.indent);
  return true;
}

/* A ': ' that libyaml refused at MARK (a ':').  */
static bool
yamlread_hint_colon (struct yamlread *r, const yaml_mark_t *mark)
{
  struct yamlread_shape y, p;
  size_t off, pl;

  yamlread_shape (r, mark->line, &y);
  off = yamlread_col_off (y.s, y.len, mark->column);
  if (off >= y.len || y.s[off] != ':')
    return false;
  if (y.keylen > 0 && y.value < off)
    {
      /* "title: Note: read this".  */
      yaml_mark_t at = *mark;
      char *fixed;

      if (y.s[y.value] == '"' || y.s[y.value] == '\'')
        return false;
      at.column = utf8_chars (y.s, y.value);
      fixed = yamlread_quoted_line (r, &at);
      if (fixed == NULL)
        return false;
      if (y.keylen == 5 && memcmp (y.s + y.key, "title", 5) == 0)
        yamlread_hint (r, mark->line, mark->column,
                       _("a title that contains ': ' must be in quotes: %s"),
                       fixed);
      else
        yamlread_hint (r, mark->line, mark->column,
                       _("a text that contains ': ' must be in quotes: %s"),
                       fixed);
      free (fixed);
      return true;
    }
  if (y.keylen > 0 && y.dashes == 0 && off == y.key + y.keylen
      && yamlread_prev (r, mark->line, &pl, &p))
    {
      if (y.indent > p.indent && (p.has_value || p.keylen == 0))
        {
          /* "summary: S.\n  blocks:": read as more words of "S.", then
             the ':' is refused.  What was said of "S." was wrong.  */
          yamlread_drop (r, pl, p.body + 1);
          return yamlread_hint_indent (r, mark->line);
        }
      if (p.keylen == 0 && p.dashes == 0 && p.indent == y.indent)
        {
          /* A line of text alone, such as a comment that went on to a
             line without its '#': the key below is read as more of it,
             and what was said of that text was wrong.  */
          yamlread_drop (r, pl, p.indent);
          yamlread_hint (r, pl, p.indent,
                         _("this line has no key: a text that goes on to"
                           " the next line must be indented more than its"
                           " key, and a comment must start with '#'"));
          return true;
        }
    }
  /* A text over several lines, with a ': ' on a later one.  */
  yamlread_hint (r, mark->line, mark->column,
                 _("a text that contains ': ' must be in quotes (\"...\"),"
                   " from its first line to its last"));
  return true;
}

/* A quote that does not end where it should, found in libyaml's tokens
   up to MARK.  */
static bool
yamlread_hint_quote (struct yamlread *r, const yaml_mark_t *mark)
{
  yaml_parser_t p;
  yaml_token_t t;
  bool found = false, done = false;
  yaml_mark_t start = { 0, 0, 0 }, end = { 0, 0, 0 };
  bool single = false;

  if (!yaml_parser_initialize (&p))
    return false;
  yaml_parser_set_encoding (&p, YAML_UTF8_ENCODING);
  yaml_parser_set_input_string (&p, (const unsigned char *) r->buf
                                + r->skipped, r->len - r->skipped);
  while (!done && yaml_parser_scan (&p, &t))
    {
      if (t.type == YAML_STREAM_END_TOKEN
          || t.start_mark.index >= mark->index)
        done = true;
      else if (t.type == YAML_SCALAR_TOKEN
               && (t.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                   || t.data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE))
        {
          found = true;
          start = t.start_mark;
          end = t.end_mark;
          single = t.data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE;
        }
      else
        found = false;          /* Only the last token before MARK.  */
      yaml_token_delete (&t);
    }
  yaml_parser_delete (&p);
  if (!found || end.line != mark->line)
    return false;
  if (start.line < end.line)
    {
      yamlread_hint (r, start.line, start.column,
                     _("this quote (%s) is not closed on its line, so the"
                       " text runs on to line %zu: add a closing %s at the"
                       " end of the text"), single ? "'" : "\"",
                     end.line + 1, single ? "'" : "\"");
      return true;
    }
  if (single && yamlread_char_at (r, mark) != -1
      && yamlread_key_char ((char) yamlread_char_at (r, mark)))
    {
      /* 'l'heure': the apostrophe ended the text.  */
      size_t len, from, to;
      const char *s = yamlread_line (r, mark->line, &len);
      char *inner, *fixed;
      yaml_mark_t at = start;

      from = yamlread_col_off (s, len, start.column) + 1;
      to = len;
      while (to > from && s[to - 1] == ' ')
        to--;
      if (to > from && s[to - 1] == '\'')
        to--;
      inner = xstrndup (s + from, to - from);
      if (strchr (inner, '"') == NULL && strchr (inner, '\\') == NULL)
        fixed = xasprintf ("%.*s\"%s\"",
                           (int) (yamlread_col_off (s, len, at.column)),
                           s, inner);
      else
        fixed = NULL;
      if (fixed != NULL)
        {
          size_t i = 0;

          while (fixed[i] == ' ')
            i++;
          yamlread_hint (r, mark->line, mark->column,
                         _("an apostrophe inside '...' ends the text: write"
                           " it twice (''), or put the text in double"
                           " quotes: %s"), fixed + i);
        }
      else
        yamlread_hint (r, mark->line, mark->column,
                       _("an apostrophe inside '...' ends the text: write"
                         " it twice ('')"));
      free (fixed);
      free (inner);
      return true;
    }
  yamlread_hint (r, mark->line, mark->column,
                 _("the text goes on after its closing quote (%s): put all"
                   " of it inside the quotes"), single ? "'" : "\"");
  return true;
}

/* A tab in the indentation of LINE (0-based): its column, or -1.  */
static long
yamlread_tab_in_indent (struct yamlread *r, size_t line)
{
  size_t len;
  const char *s = yamlread_line (r, line, &len);

  for (size_t i = 0; i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '-');
       i++)
    if (s[i] == '\t')
      return (long) i;
  return -1;
}

/* Explains libyaml's syntax error in plain words; returns false if it
   cannot tell what the mistake is.  */
static bool
yamlread_explain (struct yamlread *r)
{
  const yaml_parser_t *p = &r->parser;
  const yaml_mark_t *pm = &p->problem_mark;
  const char *problem = p->problem != NULL ? p->problem : "";
  const char *context = p->context != NULL ? p->context : "";
  size_t from = p->context != NULL && p->context_mark.line <= pm->line
                ? p->context_mark.line : pm->line;

  /* A tab where libyaml stopped, or in the indentation of a line from
     where the construct began to there.  */
  if (yamlread_char_at (r, pm) == '\t')
    {
      yamlread_hint (r, pm->line, pm->column,
                     _("YAML does not allow tabs: indent with spaces"));
      return true;
    }
  if (from + 1 < pm->line)
    from = pm->line - 1;
  for (size_t line = from; line <= pm->line; line++)
    {
      long tab = yamlread_tab_in_indent (r, line);

      if (tab >= 0)
        {
          yamlread_hint (r, line, (size_t) tab,
                         _("YAML does not allow tabs: indent with spaces"));
          return true;
        }
    }
  if (strstr (context, "quoted scalar") != NULL)
    {
      int q = yamlread_char_at (r, &p->context_mark);
      const char *qs = q == '\'' ? "'" : "\"";

      yamlread_hint (r, p->context_mark.line, p->context_mark.column,
                     _("this quote (%s) is never closed: add a closing %s"
                       " at the end of the text"), qs, qs);
      return true;
    }
  if (yamlread_hint_quote (r, pm))
    return true;
  if (strstr (problem, "mapping values are not allowed") != NULL)
    return yamlread_hint_colon (r, pm);
  if (strstr (problem, "expected '-' indicator") != NULL
      && strstr (context, "block collection") != NULL)
    return yamlread_hint_dash (r, pm->line, p->context_mark.line,
                               p->context_mark.column)
           || yamlread_hint_indent (r, pm->line);
  if (strstr (problem, "could not find expected ':'") != NULL
      && strstr (context, "simple key") != NULL)
    {
      /* "- a\n  b": B at the column of the items, without its '-'.  */
      struct yamlread_shape y;
      size_t pl;

      if (yamlread_prev (r, p->context_mark.line, &pl, &y) && y.dashes > 0
          && yamlread_hint_dash (r, p->context_mark.line, pl, y.last_dash))
        return true;
      return yamlread_hint_indent (r, p->context_mark.line);
    }
  if (strstr (problem, "did not find expected key") != NULL
      || strstr (problem, "expected <block end>") != NULL)
    return yamlread_hint_indent (r, pm->line);
  return false;
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
      if (yamlread_explain (r))
        break;
      if (p->context != NULL)
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
