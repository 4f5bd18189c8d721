/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* schema.c -- table-driven reading of YAML mappings into C structs.  */

#include "system.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "utf8.h"
#include "xalloc.h"

struct diag *
schema_error (struct schema_reader *sr, const yaml_mark_t *mark,
              const char *fmt, ...)
{
  va_list ap;
  char *msg;
  struct diag *d;
  const char *context = sr->context;
  char cbuf[64];

  if (sr->block != 0)
    {
      snprintf (cbuf, sizeof cbuf, _("block %u"), sr->block);
      context = cbuf;
    }
  va_start (ap, fmt);
  msg = xvasprintf (fmt, ap);
  va_end (ap);
  if (context != NULL && sr->fallback != NULL)
    d = yamlread_diag (sr->r, DIAG_ERROR, mark, "%s: %s (%s)", context,
                       msg, sr->fallback);
  else if (context != NULL)
    d = yamlread_diag (sr->r, DIAG_ERROR, mark, "%s: %s", context, msg);
  else if (sr->fallback != NULL)
    d = yamlread_diag (sr->r, DIAG_ERROR, mark, "%s (%s)", msg,
                       sr->fallback);
  else
    d = yamlread_diag (sr->r, DIAG_ERROR, mark, "%s", msg);
  free (msg);
  return d;
}

struct origin
schema_origin (struct schema_reader *sr, const yaml_mark_t *mark)
{
  struct origin o;

  if (sr->file == NULL && sr->r->file != NULL)
    sr->file = arena_strdup (sr->arena, sr->r->file);
  o.file = sr->file;
  o.line = (unsigned) mark->line + 1;
  o.col = (unsigned) mark->column + 1;
  return o;
}

/* Edit distance (optimal string alignment: a swap of two neighbours
   counts as one edit), case-insensitive, for short ASCII words.  */
static size_t
schema_distance (const char *a, const char *b)
{
  size_t la = strlen (a), lb = strlen (b);
  enum { LONGEST = 32 };         /* Longer words are never close.  */
  size_t d[LONGEST + 1][LONGEST + 1];

  if (la > LONGEST || lb > LONGEST)
    return SIZE_MAX;
  for (size_t i = 0; i <= la; i++)
    d[i][0] = i;
  for (size_t j = 0; j <= lb; j++)
    d[0][j] = j;
  for (size_t i = 1; i <= la; i++)
    for (size_t j = 1; j <= lb; j++)
      {
        int ca = tolower ((unsigned char) a[i - 1]);
        int cb = tolower ((unsigned char) b[j - 1]);
        size_t best = d[i - 1][j - 1] + (ca != cb);

        if (d[i - 1][j] + 1 < best)
          best = d[i - 1][j] + 1;
        if (d[i][j - 1] + 1 < best)
          best = d[i][j - 1] + 1;
        if (i > 1 && j > 1 && ca == tolower ((unsigned char) b[j - 2])
            && tolower ((unsigned char) a[i - 2]) == cb
            && d[i - 2][j - 2] + 1 < best)
          best = d[i - 2][j - 2] + 1;
        d[i][j] = best;
      }
  return d[la][lb];
}

const char *
schema_suggest (const char *s, const char *const *words, size_t n)
{
  const char *best = NULL;
  size_t best_d = SIZE_MAX, limit = strlen (s) <= 3 ? 1 : 2;

  for (size_t i = 0; n == 0 ? words[i] != NULL : i < n; i++)
    {
      size_t d = schema_distance (s, words[i]);

      if (d < best_d)
        {
          best_d = d;
          best = words[i];
        }
    }
  return best_d <= limit ? best : NULL;
}

static bool
schema_is_null (const yaml_event_t *ev)
{
  const char *v = (const char *) ev->data.scalar.value;

  if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return false;
  return v[0] == '\0' || strcmp (v, "~") == 0 || strcmp (v, "null") == 0
         || strcmp (v, "Null") == 0 || strcmp (v, "NULL") == 0;
}

/* If FIRST is a mapping of one line that is a list item where a text
   was EXPECTED ("- Note: read this"), the line with the text in quotes
   (caller frees); else NULL.  */
static char *
schema_colon_fix (struct schema_reader *sr, const yaml_event_t *first,
                  const char *expected)
{
  const yaml_mark_t *m = &first->start_mark;
  size_t len, i = 0, col = 0;
  const char *line;

  if (first->type != YAML_MAPPING_START_EVENT
      || first->data.mapping_start.style != YAML_BLOCK_MAPPING_STYLE
      || strcmp (expected, _("a text")) != 0 || sr->r->buf == NULL)
    return NULL;
  line = yamlread_source (sr->r, m->line, &len);
  /* Only spaces and "- " before the mapping (all ASCII, so bytes are
     columns here).  */
  while (i < len && col < m->column && (line[i] == ' ' || line[i] == '-'))
    i++, col++;
  if (col != m->column || memchr (line, '-', i) == NULL)
    return NULL;
  return yamlread_quoted_line (sr->r, m);
}

/* Reports that FIRST is not the expected kind of node and skips it.  */
static bool
schema_wrong_type (struct schema_reader *sr, const yaml_event_t *first,
                   const char *key, const char *expected)
{
  char *fix;

  if (first->type == YAML_MAPPING_START_EVENT
      && first->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE)
    /* Most likely "text: {clinic.phone} ...", unquoted.  */
    schema_error (sr, &first->start_mark,
                  _("'%s' must be %s, not %s; a text that starts with '{'"
                    " must be in quotes (\"...\")"), key, expected,
                  yamlread_kind (first));
  else if ((fix = schema_colon_fix (sr, first, expected)) != NULL)
    {
      /* Most likely "- Note: read this", unquoted.  */
      schema_error (sr, &first->start_mark,
                    _("'%s' must be %s, not %s; a text that contains ': '"
                      " must be in quotes: %s"), key, expected,
                    yamlread_kind (first), fix);
      free (fix);
    }
  else
    schema_error (sr, &first->start_mark,
                  _("'%s' must be %s, not %s"), key, expected,
                  yamlread_kind (first));
  return yamlread_skip (sr->r, first);
}

/* The name of item ITEM (1-based; 0: the value itself) of KEY.  */
static const char *
schema_item_name (char *buf, size_t size, const char *key, size_t item)
{
  if (item == 0)
    return key;
  snprintf (buf, size, _("%s, item %zu"), key, item);
  return buf;
}

static bool
schema_read_item (struct schema_reader *sr, const yaml_event_t *first,
                  const char *key, size_t item, const char **out)
{
  const char *v;
  size_t n;
  char what[96];

  *out = NULL;
  if (first->type != YAML_SCALAR_EVENT)
    return schema_wrong_type (sr, first,
                              schema_item_name (what, sizeof what, key, item),
                              _("a text"));
  if (sr->r->bad_scalar)
    return true;                /* Already reported.  */
  if (schema_is_null (first))
    {
      schema_error (sr, &first->start_mark, _("'%s' is empty"),
                    schema_item_name (what, sizeof what, key, item));
      return true;
    }
  v = (const char *) first->data.scalar.value;
  n = first->data.scalar.length;
  /* Folded and literal blocks end with a line feed; drop trailing
     spaces and line feeds.  */
  while (n > 0 && (v[n - 1] == '\n' || v[n - 1] == ' '))
    n--;
  /* Nothing to see (only spaces, or invisible characters such as the
     Hangul filler U+3164) is as empty as nothing at all.  */
  if (n == 0 || utf8_blank (v, n))
    {
      schema_error (sr, &first->start_mark, _("'%s' is empty"),
                    schema_item_name (what, sizeof what, key, item));
      return true;
    }
  if (sr->text_hook != NULL)
    *out = sr->text_hook (sr, v, n, &first->start_mark);
  else
    *out = arena_strndup (sr->arena, v, n);
  return true;
}

bool
schema_read_string (struct schema_reader *sr, const yaml_event_t *first,
                    const char *what, const char **out)
{
  return schema_read_item (sr, first, what, 0, out);
}

bool
schema_read_strings (struct schema_reader *sr, const yaml_event_t *first,
                     const char *key, struct strv *out, bool *ok)
{
  const char **items = NULL;
  struct origin *at = NULL;
  size_t n = 0, cap = 0, atcap = 0;
  yaml_event_t ev;
  bool fine = true;

  *ok = false;
  if (first->type != YAML_SEQUENCE_START_EVENT)
    return schema_wrong_type (sr, first, key, _("a list"));
  /* ITEM counts the refused items too, so that each is named by its
     place in the list.  */
  for (size_t item = 1;; item++)
    {
      const char *s;

      if (!yamlread_next (sr->r, &ev))
        {
          free (items);
          free (at);
          return false;
        }
      if (ev.type == YAML_SEQUENCE_END_EVENT)
        {
          yaml_event_delete (&ev);
          break;
        }
      if (!schema_read_item (sr, &ev, key, item, &s))
        {
          yaml_event_delete (&ev);
          free (items);
          free (at);
          return false;
        }
      if (s == NULL)
        {
          yaml_event_delete (&ev);
          fine = false;
          continue;
        }
      items = xgrow (items, &cap, n + 1, sizeof *items);
      at = xgrow (at, &atcap, n + 1, sizeof *at);
      at[n] = schema_origin (sr, &ev.start_mark);
      items[n++] = s;
      yaml_event_delete (&ev);
    }
  if (fine)
    {
      out->n = n;
      out->v = n > 0 ? arena_memdup (sr->arena, items, n * sizeof *items)
                     : NULL;
      out->at = n > 0 ? arena_memdup (sr->arena, at, n * sizeof *at) : NULL;
      *ok = true;
    }
  free (items);
  free (at);
  return true;
}

static bool
schema_read_uint (struct schema_reader *sr, const yaml_event_t *first,
                  const struct schema_field *f, unsigned *out, bool *ok)
{
  const char *v;
  char *end;
  unsigned long x;

  *ok = false;
  if (first->type != YAML_SCALAR_EVENT)
    return schema_wrong_type (sr, first, f->key, _("a whole number"));
  v = (const char *) first->data.scalar.value;
  errno = 0;
  x = strtoul (v, &end, 10);
  if (!isdigit ((unsigned char) v[0]) || *end != '\0' || errno != 0)
    {
      schema_error (sr, &first->start_mark,
                    _("'%s' must be a whole number between %u and %u"),
                    f->key, f->min, f->max);
      return true;
    }
  if (x < f->min || x > f->max)
    {
      schema_error (sr, &first->start_mark,
                    _("'%s' is %lu; it must be between %u and %u"),
                    f->key, x, f->min, f->max);
      return true;
    }
  *out = (unsigned) x;
  *ok = true;
  return true;
}

static bool
schema_read_bool (struct schema_reader *sr, const yaml_event_t *first,
                  const char *key, bool *out, bool *ok)
{
  static const char *const yes[] = { "true", "yes", "on", "True", "Yes",
                                     "On", "TRUE", "YES", "ON" };
  static const char *const no[] = { "false", "no", "off", "False", "No",
                                    "Off", "FALSE", "NO", "OFF" };
  const char *v;

  *ok = false;
  if (first->type != YAML_SCALAR_EVENT)
    return schema_wrong_type (sr, first, key, _("true or false"));
  v = (const char *) first->data.scalar.value;
  for (size_t i = 0; i < ARRAY_SIZE (yes); i++)
    {
      if (strcmp (v, yes[i]) == 0)
        {
          *out = *ok = true;
          return true;
        }
      if (strcmp (v, no[i]) == 0)
        {
          *out = false;
          *ok = true;
          return true;
        }
    }
  schema_error (sr, &first->start_mark, _("'%s' must be true or false"),
                key);
  return true;
}

static bool
schema_read_choice (struct schema_reader *sr, const yaml_event_t *first,
                    const struct schema_field *f, unsigned *out, bool *ok)
{
  const char *v, *guess;
  char *list = NULL;

  *ok = false;
  if (first->type != YAML_SCALAR_EVENT)
    return schema_wrong_type (sr, first, f->key, _("a word"));
  v = (const char *) first->data.scalar.value;
  for (unsigned i = 0; f->choices[i] != NULL; i++)
    if (strcmp (v, f->choices[i]) == 0)
      {
        *out = i;
        *ok = true;
        return true;
      }
  guess = sr->r->bad_scalar ? NULL : schema_suggest (v, f->choices, 0);
  for (unsigned i = 0; f->choices[i] != NULL; i++)
    {
      char *l = xasprintf ("%s%s%s", list ? list : "", list ? ", " : "",
                           f->choices[i]);
      free (list);
      list = l;
    }
  if (guess != NULL)
    schema_error (sr, &first->start_mark,
                  _("'%s' cannot be '%s'; did you mean '%s'?"), f->key, v,
                  guess);
  else
    schema_error (sr, &first->start_mark,
                  _("'%s' must be one of: %s"), f->key, list);
  free (list);
  return true;
}

static const struct schema_field *
schema_find (const struct schema *s, const char *key, size_t *index)
{
  for (size_t i = 0; i < s->nfields; i++)
    if (strcmp (s->fields[i].key, key) == 0)
      {
        *index = i;
        return &s->fields[i];
      }
  return NULL;
}

static void
schema_unknown_key (struct schema_reader *sr, const struct schema *s,
                    const yaml_event_t *key)
{
  const char *words[SCHEMA_MAX_FIELDS];
  const char *k = (const char *) key->data.scalar.value;
  const char *guess;
  char *list = NULL;

  if (sr->r->bad_scalar)
    return;
  for (size_t i = 0; i < s->nfields; i++)
    words[i] = s->fields[i].key;
  guess = schema_suggest (k, words, s->nfields);
  if (guess != NULL)
    {
      schema_error (sr, &key->start_mark,
                    _("unknown key '%s' in %s; did you mean '%s'?"), k,
                    s->what, guess);
      return;
    }
  for (size_t i = 0; i < s->nfields; i++)
    {
      char *l = xasprintf ("%s%s%s", list ? list : "", list ? ", " : "",
                           words[i]);
      free (list);
      list = l;
    }
  schema_error (sr, &key->start_mark,
                _("unknown key '%s' in %s; the keys are: %s"), k, s->what,
                list);
  free (list);
}

/* Reads one value for field F into TARGET.  */
static bool
schema_read_value (struct schema_reader *sr, const struct schema_field *f,
                   void *target, const yaml_event_t *first, bool *ok)
{
  char *base = target;
  void *slot = base + f->offset;

  *ok = false;
  switch (f->type)
    {
    case SCHEMA_STRING:
      {
        const char *s;

        if (!schema_read_string (sr, first, f->key, &s))
          return false;
        if (s != NULL)
          {
            *(const char **) slot = s;
            *ok = true;
          }
        return true;
      }
    case SCHEMA_STRINGS:
      return schema_read_strings (sr, first, f->key, slot, ok);
    case SCHEMA_UINT:
      return schema_read_uint (sr, first, f, slot, ok);
    case SCHEMA_BOOL:
      return schema_read_bool (sr, first, f->key, slot, ok);
    case SCHEMA_CHOICE:
      return schema_read_choice (sr, first, f, slot, ok);
    case SCHEMA_MAP:
      if (first->type != YAML_MAPPING_START_EVENT)
        return schema_wrong_type (sr, first, f->key,
                                  _("a mapping of keys"));
      *ok = true;
      return schema_read_map (sr, f->sub, slot, first, NULL);
    case SCHEMA_CUSTOM:
      {
        size_t before = sr->r->diags->nerrors;
        bool alive = f->read (sr, target, first);

        *ok = alive && sr->r->diags->nerrors == before;
        return alive;
      }
    }
  abort ();
}

bool
schema_read_map (struct schema_reader *sr, const struct schema *s,
                 void *target, const yaml_event_t *start, uint32_t *seen)
{
  uint32_t present = 0;
  unsigned first_line[SCHEMA_MAX_FIELDS];
  yaml_event_t key, value;

  if (start->type != YAML_MAPPING_START_EVENT)
    {
      schema_error (sr, &start->start_mark, _("%s must be %s, not %s"),
                    s->what, _("a mapping of keys"), yamlread_kind (start));
      return yamlread_skip (sr->r, start);
    }
  for (;;)
    {
      const struct schema_field *f;
      size_t index;
      bool ok;

      if (!yamlread_next (sr->r, &key))
        return false;
      if (key.type == YAML_MAPPING_END_EVENT)
        {
          yaml_event_delete (&key);
          break;
        }
      if (key.type != YAML_SCALAR_EVENT)
        {
          schema_error (sr, &key.start_mark,
                        _("a key must be a single word, not %s"),
                        yamlread_kind (&key));
          if (!yamlread_skip (sr->r, &key))
            {
              yaml_event_delete (&key);
              return false;
            }
          yaml_event_delete (&key);
          /* Skip its value too.  */
          if (!yamlread_next (sr->r, &value))
            return false;
          ok = yamlread_skip (sr->r, &value);
          yaml_event_delete (&value);
          if (!ok)
            return false;
          continue;
        }
      f = schema_find (s, (const char *) key.data.scalar.value, &index);
      if (f == NULL)
        schema_unknown_key (sr, s, &key);
      else if (present & (UINT32_C (1) << index))
        {
          schema_error (sr, &key.start_mark,
                        _("'%s' is given twice in %s (first at line %u);"
                          " keep one"), f->key, s->what,
                        first_line[index]);
          f = NULL;
        }
      else
        {
          present |= UINT32_C (1) << index;
          first_line[index] = (unsigned) key.start_mark.line + 1;
          if (s->keys != 0)
            {
              struct origin o = schema_origin (sr, &key.start_mark);

              memcpy ((char *) target + s->keys + index * sizeof o, &o,
                      sizeof o);
            }
        }
      if (!yamlread_next (sr->r, &value))
        {
          yaml_event_delete (&key);
          return false;
        }
      if (f == NULL)
        ok = yamlread_skip (sr->r, &value);
      else
        {
          bool valid;

          ok = schema_read_value (sr, f, target, &value, &valid);
          if (ok && valid && seen != NULL)
            *seen |= UINT32_C (1) << index;
          if (ok && valid && s->origins != 0)
            {
              /* The target's struct origin[NFIELDS]: copied in, as the
                 target is known here only as bytes.  */
              struct origin o = schema_origin (sr, &value.start_mark);

              memcpy ((char *) target + s->origins + index * sizeof o, &o,
                      sizeof o);
            }
        }
      yaml_event_delete (&key);
      yaml_event_delete (&value);
      if (!ok)
        return false;
    }
  for (size_t i = 0; i < s->nfields; i++)
    if (s->fields[i].required && !(present & (UINT32_C (1) << i)))
      schema_error (sr, &start->start_mark, _("%s has no '%s'; add it"),
                    s->what, s->fields[i].key);
  return true;
}
