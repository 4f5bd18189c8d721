/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* mo.c -- a compiled message catalog (.mo), read without gettext.  */

#include "system.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mo.h"
#include "utf8.h"
#include "xalloc.h"

struct mo_entry
{
  const char *key;      /* NUL-terminated, in MO->DATA.  */
  const char *value;    /* The forms, each NUL-terminated, in MO->DATA.  */
  uint32_t vlen;        /* Bytes of VALUE, the last NUL left out.  */
  bool plural;          /* The key holds a second (plural) msgid.  */
};

struct mo
{
  char *data;                   /* Owned copy of the file.  */
  struct mo_entry *entries;     /* Owned, sorted by key.  */
  size_t n;
  char *plural;                 /* Owned: the expression, or NULL.  */
  unsigned long nplurals;
  bool plural_broken;
};

static uint32_t
mo_u32 (const unsigned char *p, bool swap)
{
  return swap ? (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16
                  | (uint32_t) p[2] << 8 | p[3]
              : (uint32_t) p[3] << 24 | (uint32_t) p[2] << 16
                  | (uint32_t) p[1] << 8 | p[0];
}

/* The string of table entry I at TABLE: true if it lies in the file and
   ends with a NUL.  */
static bool
mo_string (const char *data, size_t len, uint32_t table, uint32_t i,
           bool swap, const char **s, uint32_t *slen)
{
  uint64_t at = (uint64_t) table + 8 * (uint64_t) i;
  uint32_t l, off;

  if (at + 8 > len)
    return false;
  l = mo_u32 ((const unsigned char *) data + at, swap);
  off = mo_u32 ((const unsigned char *) data + at + 4, swap);
  if ((uint64_t) off + l >= len || data[off + l] != '\0')
    return false;
  *s = data + off;
  *slen = l;
  return true;
}

static int
mo_entry_cmp (const void *a, const void *b)
{
  return strcmp (((const struct mo_entry *) a)->key,
                 ((const struct mo_entry *) b)->key);
}

/* True if every form of the translation (LEN bytes at S, the forms
   separated by NULs) is safe to show.  */
static bool
mo_safe (const char *s, size_t len)
{
  size_t off, i;
  uint32_t uc;

  /* Printable ASCII and line feeds are safe: most English wording is
     checked without decoding.  */
  for (i = 0; i < len; i++)
    if (!((s[i] >= ' ' && s[i] <= '~') || s[i] == '\n'))
      break;
  if (i == len)
    return true;
  for (size_t start = 0; start <= len;)
    {
      size_t n = strnlen (s + start, len - start);

      if (utf8_check (s + start, n, true, &off, &uc) != UTF8_OK)
        return false;
      start += n + 1;
    }
  return true;
}

/* Reads the header (the translation of ""): its charset and plural
   forms.  Returns NULL, or why the catalog cannot be used.  */
static const char *
mo_header (struct mo *mo, const char *h)
{
  const char *cs = strstr (h, "charset=");
  const char *pf = strstr (h, "Plural-Forms:");

  if (cs != NULL)
    {
      size_t n;

      cs += strlen ("charset=");
      n = strcspn (cs, " ;\n");
      if (!(n == 5 && strncasecmp (cs, "UTF-8", 5) == 0)
          && !(n == 4 && strncasecmp (cs, "UTF8", 4) == 0)
          && !(n == 5 && strncasecmp (cs, "ASCII", 5) == 0)
          && !(n == 7 && strncmp (cs, "CHARSET", 7) == 0))
        return _("it is not in UTF-8 (its charset is another): compile it"
                 " from a .po file whose Content-Type says charset=UTF-8");
    }
  if (pf != NULL)
    {
      const char *np = strstr (pf, "nplurals=");
      const char *pl = strstr (pf, "plural=");
      const char *eol = strchr (pf, '\n');
      unsigned long form;

      if (eol == NULL)
        eol = pf + strlen (pf);
      if (np == NULL || pl == NULL || np > eol || pl > eol)
        mo->plural_broken = true;
      else
        {
          size_t n;

          mo->nplurals = strtoul (np + strlen ("nplurals="), NULL, 10);
          pl += strlen ("plural=");
          n = strcspn (pl, ";\n");
          mo->plural = xstrndup (pl, n);
          if (mo->nplurals == 0 || mo->nplurals > 100
              || !mo_plural_eval (mo->plural, 1, &form))
            mo->plural_broken = true;
        }
    }
  return NULL;
}

struct mo *
mo_parse (const char *buf, size_t len, const char **err, size_t *dropped)
{
  const unsigned char *u = (const unsigned char *) buf;
  struct mo *mo;
  uint32_t magic, rev, n, otab, ttab;
  bool swap, sorted = true;

  *dropped = 0;
  *err = NULL;
  if (len < 28)
    {
      *err = _("it is too short to be a compiled catalog (.mo)");
      return NULL;
    }
  if (len > MO_MAX_SIZE)
    {
      *err = _("it is larger than 8 MB");
      return NULL;
    }
  magic = mo_u32 (u, false);
  if (magic == UINT32_C (0x950412de))
    swap = false;
  else if (magic == UINT32_C (0xde120495))
    swap = true;
  else
    {
      *err = _("it is not a compiled catalog (.mo): compile the .po file"
               " with msgfmt");
      return NULL;
    }
  rev = mo_u32 (u + 4, swap);
  n = mo_u32 (u + 8, swap);
  otab = mo_u32 (u + 12, swap);
  ttab = mo_u32 (u + 16, swap);
  if ((rev >> 16) > 1)
    {
      *err = _("it is of a .mo format this program does not know");
      return NULL;
    }
  if ((uint64_t) n * 8 > len)
    {
      *err = _("it is truncated or damaged");
      return NULL;
    }
  mo = xcalloc (1, sizeof *mo);
  /* One more byte, so that an empty file still gives a valid pointer.  */
  mo->data = xmalloc (len + 1);
  memcpy (mo->data, buf, len);
  mo->data[len] = '\0';
  mo->entries = xcalloc ((size_t) n + 1, sizeof *mo->entries);
  for (uint32_t i = 0; i < n; i++)
    {
      const char *k, *v;
      uint32_t klen, vlen;
      struct mo_entry *e;

      if (!mo_string (mo->data, len, otab, i, swap, &k, &klen)
          || !mo_string (mo->data, len, ttab, i, swap, &v, &vlen))
        {
          mo_free (mo);
          *err = _("it is truncated or damaged");
          return NULL;
        }
      if (klen == 0)
        {
          *err = mo_header (mo, v);
          if (*err != NULL)
            {
              mo_free (mo);
              return NULL;
            }
          continue;
        }
      if (!mo_safe (v, vlen))
        {
          (*dropped)++;
          continue;
        }
      e = &mo->entries[mo->n++];
      *e = (struct mo_entry) { k, v, vlen, strlen (k) < klen };
      if (mo->n > 1 && strcmp (e[-1].key, k) > 0)
        sorted = false;
    }
  /* msgfmt writes the messages sorted; another tool may not.  */
  if (!sorted)
    qsort (mo->entries, mo->n, sizeof *mo->entries, mo_entry_cmp);
  return mo;
}

void
mo_free (struct mo *mo)
{
  if (mo == NULL)
    return;
  free (mo->data);
  free (mo->entries);
  free (mo->plural);
  free (mo);
}

size_t
mo_count (const struct mo *mo)
{
  return mo->n;
}

bool
mo_plural_broken (const struct mo *mo)
{
  return mo->plural_broken;
}

static const struct mo_entry *
mo_find (const struct mo *mo, const char *key)
{
  size_t lo = 0, hi = mo->n;

  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      int c = strcmp (key, mo->entries[mid].key);

      if (c == 0)
        return &mo->entries[mid];
      if (c < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

const char *
mo_lookup (const struct mo *mo, const char *key)
{
  const struct mo_entry *e = mo_find (mo, key);

  return e != NULL && !e->plural ? e->value : NULL;
}

const char *
mo_lookup_plural (const struct mo *mo, const char *msgid1, unsigned long n)
{
  const struct mo_entry *e = mo_find (mo, msgid1);
  unsigned long form;
  const char *s;
  size_t left;

  if (e == NULL || !e->plural || mo->plural_broken)
    return NULL;
  /* No Plural-Forms: gettext's default, one and more.  */
  if (mo->plural == NULL)
    form = n != 1;
  else if (!mo_plural_eval (mo->plural, n, &form) || form >= mo->nplurals)
    return NULL;
  s = e->value;
  left = e->vlen;
  while (form-- > 0)
    {
      size_t l = strnlen (s, left);

      if (l >= left)
        return NULL;
      s += l + 1;
      left -= l + 1;
    }
  return s;
}

/* ------------------------------------------------------------------ */
/* Plural expressions: C's ?: || && == != < > <= >= + - * / % ! ( ) on
   unsigned numbers and n, as gettext's plural.y reads them.  */

struct mo_expr
{
  const char *s;
  unsigned long n;
  bool ok;
  unsigned depth;
};

static unsigned long mo_cond (struct mo_expr *x);

static void
mo_space (struct mo_expr *x)
{
  while (*x->s == ' ' || *x->s == '\t' || *x->s == '\n')
    x->s++;
}

/* True, and past it, if the next token is OP.  */
static bool
mo_op (struct mo_expr *x, const char *op)
{
  size_t l = strlen (op);

  mo_space (x);
  if (strncmp (x->s, op, l) != 0)
    return false;
  /* '<' is not the start of "<=", nor '!' of "!=".  */
  if (l == 1 && (op[0] == '<' || op[0] == '>' || op[0] == '!'
                 || op[0] == '=')
      && x->s[1] == '=')
    return false;
  x->s += l;
  return true;
}

static unsigned long
mo_primary (struct mo_expr *x)
{
  mo_space (x);
  if (*x->s == 'n')
    {
      x->s++;
      return x->n;
    }
  if (*x->s >= '0' && *x->s <= '9')
    {
      unsigned long v = 0;

      while (*x->s >= '0' && *x->s <= '9')
        v = v * 10 + (unsigned long) (*x->s++ - '0');
      return v;
    }
  if (mo_op (x, "(") && ++x->depth < 32)
    {
      unsigned long v = mo_cond (x);

      x->depth--;
      if (mo_op (x, ")"))
        return v;
    }
  x->ok = false;
  return 0;
}

static unsigned long
mo_unary (struct mo_expr *x)
{
  if (mo_op (x, "!"))
    {
      unsigned long v;

      if (++x->depth >= 32)
        {
          x->ok = false;
          return 0;
        }
      v = !mo_unary (x);
      x->depth--;
      return v;
    }
  return mo_primary (x);
}

static unsigned long
mo_mul (struct mo_expr *x)
{
  unsigned long v = mo_unary (x);

  while (x->ok)
    {
      unsigned long r;

      if (mo_op (x, "*"))
        v *= mo_unary (x);
      else if (mo_op (x, "/") || mo_op (x, "%"))
        {
          bool div = x->s[-1] == '/';

          r = mo_unary (x);
          if (r == 0)
            {
              x->ok = false;
              return 0;
            }
          v = div ? v / r : v % r;
        }
      else
        break;
    }
  return v;
}

static unsigned long
mo_add (struct mo_expr *x)
{
  unsigned long v = mo_mul (x);

  while (x->ok)
    if (mo_op (x, "+"))
      v += mo_mul (x);
    else if (mo_op (x, "-"))
      v -= mo_mul (x);
    else
      break;
  return v;
}

static unsigned long
mo_rel (struct mo_expr *x)
{
  unsigned long v = mo_add (x);

  while (x->ok)
    if (mo_op (x, "<="))
      v = v <= mo_add (x);
    else if (mo_op (x, ">="))
      v = v >= mo_add (x);
    else if (mo_op (x, "<"))
      v = v < mo_add (x);
    else if (mo_op (x, ">"))
      v = v > mo_add (x);
    else
      break;
  return v;
}

static unsigned long
mo_eq (struct mo_expr *x)
{
  unsigned long v = mo_rel (x);

  while (x->ok)
    if (mo_op (x, "=="))
      v = v == mo_rel (x);
    else if (mo_op (x, "!="))
      v = v != mo_rel (x);
    else
      break;
  return v;
}

static unsigned long
mo_and (struct mo_expr *x)
{
  unsigned long v = mo_eq (x);

  /* Both sides are read (a syntax error anywhere is one), and the
     expressions have no side effects.  */
  while (x->ok && mo_op (x, "&&"))
    {
      unsigned long r = mo_eq (x);

      v = v && r;
    }
  return v;
}

static unsigned long
mo_or (struct mo_expr *x)
{
  unsigned long v = mo_and (x);

  while (x->ok && mo_op (x, "||"))
    {
      unsigned long r = mo_and (x);

      v = v || r;
    }
  return v;
}

static unsigned long
mo_cond (struct mo_expr *x)
{
  unsigned long c = mo_or (x);

  if (x->ok && mo_op (x, "?"))
    {
      unsigned long a, b;

      if (++x->depth >= 32)
        {
          x->ok = false;
          return 0;
        }
      a = mo_cond (x);
      if (!mo_op (x, ":"))
        {
          x->ok = false;
          return 0;
        }
      b = mo_cond (x);
      x->depth--;
      return c ? a : b;
    }
  return c;
}

bool
mo_plural_eval (const char *expr, unsigned long n, unsigned long *form)
{
  struct mo_expr x = { expr, n, true, 0 };
  unsigned long v = mo_cond (&x);

  mo_space (&x);
  if (!x.ok || *x.s != '\0')
    return false;
  *form = v;
  return true;
}
