/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* test-mo.c -- the reader of compiled catalogs (mo.c): lookups, contexts,
   plurals, either byte order, damaged files, unsafe translations.  The
   catalogs are made here, byte by byte, as msgfmt writes them.  */

#include "system.h"

#include <stdint.h>

#include "mo.h"
#include "unit.h"
#include "xalloc.h"

struct msg
{
  const char *key;      /* A NUL inside marks the plural msgid.  */
  size_t klen;
  const char *value;    /* NULs between plural forms.  */
  size_t vlen;
};

#define MSG(k, v) { k, sizeof k - 1, v, sizeof v - 1 }

static void
put32 (unsigned char *p, uint32_t v, bool big)
{
  for (int i = 0; i < 4; i++)
    p[big ? 3 - i : i] = (unsigned char) (v >> (8 * i));
}

/* A .mo of the N messages M (in that order), big-endian if BIG (caller
   frees; *LEN is its size).  */
static char *
make_mo (const struct msg *m, size_t n, bool big, size_t *len)
{
  size_t size = 28 + 16 * n, at;
  unsigned char *b;

  for (size_t i = 0; i < n; i++)
    size += m[i].klen + 1 + m[i].vlen + 1;
  b = xcalloc (1, size);
  put32 (b, UINT32_C (0x950412de), big);
  put32 (b + 8, (uint32_t) n, big);
  put32 (b + 12, 28, big);
  put32 (b + 16, (uint32_t) (28 + 8 * n), big);
  at = 28 + 16 * n;
  for (size_t i = 0; i < n; i++)
    {
      put32 (b + 28 + 8 * i, (uint32_t) m[i].klen, big);
      put32 (b + 28 + 8 * i + 4, (uint32_t) at, big);
      memcpy (b + at, m[i].key, m[i].klen);
      at += m[i].klen + 1;
      put32 (b + 28 + 8 * (n + i), (uint32_t) m[i].vlen, big);
      put32 (b + 28 + 8 * (n + i) + 4, (uint32_t) at, big);
      memcpy (b + at, m[i].value, m[i].vlen);
      at += m[i].vlen + 1;
    }
  *len = size;
  return (char *) b;
}

static const struct msg polish[] = {
  MSG ("", "Content-Type: text/plain; charset=UTF-8\n"
           "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 &&"
           " n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"),
  MSG ("Back", "Wstecz"),
  MSG ("Starting again in %u second.\0Starting again in %u seconds.",
       "za %u sekundę\0za %u sekundy\0za %u sekund"),
  MSG ("button\004Home", "Start"),
  MSG ("zebra", "zebra po polsku"),
};

static void
test_lookup (void)
{
  for (int big = 0; big < 2; big++)
    {
      size_t len, dropped;
      const char *err;
      char *buf = make_mo (polish, ARRAY_SIZE (polish), big, &len);
      struct mo *mo = mo_parse (buf, len, &err, &dropped);

      free (buf);               /* The catalog keeps its own copy.  */
      CHECK (mo != NULL);
      if (mo == NULL)
        continue;
      CHECK (err == NULL);
      CHECK_INT (dropped, 0);
      CHECK_INT (mo_count (mo), 4);
      CHECK (!mo_plural_broken (mo));
      CHECK_STR (mo_lookup (mo, "Back"), "Wstecz");
      CHECK_STR (mo_lookup (mo, "button\004Home"), "Start");
      CHECK_STR (mo_lookup (mo, "zebra"), "zebra po polsku");
      CHECK (mo_lookup (mo, "Home") == NULL);
      CHECK (mo_lookup (mo, "") == NULL);
      CHECK (mo_lookup (mo, "Bac") == NULL);
      /* A plural message is not a singular one.  */
      CHECK (mo_lookup (mo, "Starting again in %u second.") == NULL);
      CHECK_STR (mo_lookup_plural (mo, "Starting again in %u second.", 1),
                 "za %u sekundę");
      CHECK_STR (mo_lookup_plural (mo, "Starting again in %u second.", 3),
                 "za %u sekundy");
      CHECK_STR (mo_lookup_plural (mo, "Starting again in %u second.", 5),
                 "za %u sekund");
      CHECK_STR (mo_lookup_plural (mo, "Starting again in %u second.", 22),
                 "za %u sekundy");
      CHECK_STR (mo_lookup_plural (mo, "Starting again in %u second.", 12),
                 "za %u sekund");
      CHECK (mo_lookup_plural (mo, "Back", 2) == NULL);
      mo_free (mo);
    }
}

/* Another tool may write the messages in any order.  */
static void
test_unsorted (void)
{
  static const struct msg m[] = {
    MSG ("zebra", "Z"), MSG ("apple", "A"), MSG ("mango", "M"),
  };
  size_t len, dropped;
  const char *err;
  char *buf = make_mo (m, ARRAY_SIZE (m), false, &len);
  struct mo *mo = mo_parse (buf, len, &err, &dropped);

  CHECK (mo != NULL);
  if (mo != NULL)
    {
      CHECK_STR (mo_lookup (mo, "apple"), "A");
      CHECK_STR (mo_lookup (mo, "mango"), "M");
      CHECK_STR (mo_lookup (mo, "zebra"), "Z");
    }
  mo_free (mo);
  free (buf);
}

/* Nothing that could act on the terminal is kept.  */
static void
test_unsafe (void)
{
  static const struct msg m[] = {
    MSG ("a", "clear \033[2J"),
    MSG ("b", "bidi \xE2\x80\xAE override"),
    MSG ("c", "bad \xC3"),
    MSG ("d", "two\nlines"),
    MSG ("e\0es", "one\0more \x9B"),
  };
  size_t len, dropped;
  const char *err;
  char *buf = make_mo (m, ARRAY_SIZE (m), false, &len);
  struct mo *mo = mo_parse (buf, len, &err, &dropped);

  CHECK (mo != NULL);
  CHECK_INT (dropped, 4);
  if (mo != NULL)
    {
      CHECK_INT (mo_count (mo), 1);
      CHECK (mo_lookup (mo, "a") == NULL);
      CHECK_STR (mo_lookup (mo, "d"), "two\nlines");
      CHECK (mo_lookup_plural (mo, "e", 1) == NULL);
    }
  mo_free (mo);
  free (buf);
}

static void
test_broken (void)
{
  static const struct msg latin1[] = {
    MSG ("", "Content-Type: text/plain; charset=ISO-8859-1\n"),
    MSG ("Back", "Retour"),
  };
  static const struct msg badplural[] = {
    MSG ("", "Content-Type: text/plain; charset=UTF-8\n"
             "Plural-Forms: nplurals=2; plural=n >;\n"),
    MSG ("Back", "Retour"),
    MSG ("s\0p", "un\0deux"),
  };
  size_t len, dropped;
  const char *err;
  char *buf = make_mo (polish, ARRAY_SIZE (polish), false, &len);
  struct mo *mo;

  /* Too short, not a catalog, truncated anywhere.  */
  CHECK (mo_parse (buf, 10, &err, &dropped) == NULL && err != NULL);
  CHECK (mo_parse ("msgid \"Back\"\nmsgstr \"Retour\"\n", 29, &err,
                   &dropped) == NULL);
  CHECK_STR (err, "it is not a compiled catalog (.mo): compile the .po"
             " file with msgfmt");
  for (size_t cut = 28; cut < len; cut += 7)
    {
      mo = mo_parse (buf, cut, &err, &dropped);
      CHECK (mo == NULL);
      mo_free (mo);
    }
  /* A count of messages past the end.  */
  buf[8] = (char) 0xff;
  buf[9] = (char) 0xff;
  CHECK (mo_parse (buf, len, &err, &dropped) == NULL);
  CHECK_STR (err, "it is truncated or damaged");
  free (buf);

  buf = make_mo (latin1, ARRAY_SIZE (latin1), false, &len);
  CHECK (mo_parse (buf, len, &err, &dropped) == NULL);
  CHECK (err != NULL && strstr (err, "UTF-8") != NULL);
  free (buf);

  /* A plural expression gettext would not read: the rest is used.  */
  buf = make_mo (badplural, ARRAY_SIZE (badplural), false, &len);
  mo = mo_parse (buf, len, &err, &dropped);
  CHECK (mo != NULL);
  if (mo != NULL)
    {
      CHECK (mo_plural_broken (mo));
      CHECK_STR (mo_lookup (mo, "Back"), "Retour");
      CHECK (mo_lookup_plural (mo, "s", 1) == NULL);
    }
  mo_free (mo);
  free (buf);
}

static void
test_plural_eval (void)
{
  static const struct
  {
    const char *expr;
    unsigned long n, want;
  } ok[] = {
    { "(n != 1)", 1, 0 }, { "(n != 1)", 0, 1 }, { "n>1", 1, 0 },
    { "(n > 1)", 2, 1 }, { "0", 7, 0 },
    /* Russian.  */
    { "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 ||"
      " n%100>=20) ? 1 : 2)", 21, 0 },
    { "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 ||"
      " n%100>=20) ? 1 : 2)", 11, 2 },
    /* Arabic.  */
    { "n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 :"
      " n%100>=11 ? 4 : 5", 105, 3 },
    { "n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 :"
      " n%100>=11 ? 4 : 5", 111, 4 },
    { "!(n <= 1) + (n >= 5) * 2 - 0 / 1", 7, 3 },
  };
  static const char *const bad[] = {
    "", "n >", "(n != 1", "n != 1)", "n % 0", "x", "n ? 1", "n = 1",
    "((((((((((((((((((((((((((((((((((n))))))))))))))))))))))))))))))))))",
  };
  unsigned long form;

  for (size_t i = 0; i < ARRAY_SIZE (ok); i++)
    {
      form = 99;
      CHECK (mo_plural_eval (ok[i].expr, ok[i].n, &form));
      CHECK_INT (form, ok[i].want);
    }
  for (size_t i = 0; i < ARRAY_SIZE (bad); i++)
    CHECK (!mo_plural_eval (bad[i], 3, &form));
}

int
main (void)
{
  RUN (test_lookup);
  RUN (test_unsorted);
  RUN (test_unsafe);
  RUN (test_broken);
  RUN (test_plural_eval);
  return unit_done ();
}
