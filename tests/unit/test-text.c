/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* test-text.c -- UTF-8 checks, French spacing and transliteration.  */

#include "system.h"

#include "translit.h"
#include "typo.h"
#include "unit.h"
#include "utf8.h"
#include "xalloc.h"

#define NBSP "\xC2\xA0"

static char *
fr (const char *s)
{
  size_t n;
  char *t = typo_french (s, strlen (s), &n);

  return t != NULL ? t : xstrdup (s);
}

static void
check_fr (const char *in, const char *want)
{
  char *got = fr (in);

  CHECK_STR (got, want);
  free (got);
}

static void
test_typo (void)
{
  check_fr ("Attention : oui", "Attention" NBSP ": oui");
  check_fr ("Attention: oui", "Attention" NBSP ": oui");
  check_fr ("Vraiment ? Oui !", "Vraiment" NBSP "? Oui" NBSP "!");
  check_fr ("Quoi?!", "Quoi" NBSP "?!");
  check_fr ("a ; b", "a" NBSP "; b");
  check_fr ("« Peu, rarement »", "\xC2\xAB" NBSP "Peu, rarement" NBSP
            "\xC2\xBB");
  check_fr ("«mot»", "\xC2\xAB" NBSP "mot" NBSP "\xC2\xBB");
  /* Left alone: times, addresses, text without those signs.  */
  check_fr ("à 12:30", "à 12:30");
  check_fr ("https://example.org", "https://example.org");
  check_fr ("Rien à changer.", "Rien à changer.");
  check_fr ("déjà" NBSP ": bon", "déjà" NBSP ": bon");
}

static void
check_translit (const char *in, enum charset cs, const char *want)
{
  char *got = translit_dup (in, cs);

  CHECK_STR (got, want);
  free (got);
}

static void
test_translit (void)
{
  check_translit ("œdème, Ça, à l'été", CHARSET_ASCII, "oedeme, Ca, a l'ete");
  check_translit ("Æsop, straße, ﬁn", CHARSET_ASCII, "AEsop, strasse, fin");
  check_translit ("« oui » – non…", CHARSET_ASCII, "\" oui \" - non...");
  check_translit ("→ ← ’", CHARSET_ASCII, "-> <- '");
  check_translit ("日本", CHARSET_ASCII, "??");
  check_translit ("a" NBSP "b", CHARSET_ASCII, "a" NBSP "b");
  check_translit ("½ x²", CHARSET_ASCII, "1/2 x2");
  /* The Linux console keeps Latin-1, œ, quotes and box drawing.  */
  check_translit ("œdème « ├ » 日", CHARSET_LATIN, "œdème « ├ » ?");
  check_translit ("naïve", CHARSET_UTF8, "naïve");
}

static void
test_utf8 (void)
{
  size_t off = 99;
  uint32_t uc = 0;

  CHECK_INT (utf8_check ("héllo\nworld", 12, true, &off, &uc), UTF8_OK);
  CHECK_INT (utf8_check ("a\nb", 3, false, &off, &uc), UTF8_CONTROL);
  CHECK_INT (off, 1);
  CHECK_INT (utf8_check ("ab\x1b[31m", 7, true, &off, &uc), UTF8_CONTROL);
  CHECK_INT (off, 2);
  CHECK_INT (uc, 0x1b);
  CHECK_INT (utf8_check ("a\xC2\x9B" "b", 4, true, &off, &uc), UTF8_CONTROL);
  CHECK_INT (uc, 0x9b);
  CHECK_INT (utf8_check ("a\xE2\x80\xAE" "b", 5, true, &off, &uc),
             UTF8_INVISIBLE);
  CHECK_INT (utf8_check ("a\xE2\x80\x8B", 4, true, &off, &uc),
             UTF8_INVISIBLE);
  CHECK_INT (utf8_check ("a\xC3", 2, true, &off, &uc), UTF8_INVALID);
  CHECK_INT (off, 1);
  CHECK_INT (utf8_check ("a\0b", 3, true, &off, &uc), UTF8_CONTROL);
  CHECK_INT (utf8_width ("日本語", strlen ("日本語")), 6);
  CHECK_INT (utf8_width ("é", strlen ("é")), 1);
  {
    char *e = utf8_escape ("a\x1b[1m\xE2\x80\xAE\xFFz", 10);

    CHECK_STR (e, "a\\x1B[1m<U+202E>\\xFFz");
    free (e);
  }
  {
    size_t cols;

    CHECK_INT (utf8_fit ("日本語", 9, 5, false, &cols), 6);
    CHECK_INT (cols, 4);
    CHECK_INT (utf8_fit ("日本語", 9, 1, true, &cols), 3);
    CHECK_INT (utf8_fit ("日本語", 9, 1, false, &cols), 0);
  }
}

/* Widths by grapheme cluster: a cut never splits a flag or leaves a mark
   without its letter; skin tones and variation selectors are not drawn,
   so a cluster is as wide as every terminal draws it.  */
static void
test_clusters (void)
{
  const char *flags = "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7"       /* FR */
                      "\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA";      /* DE */
  const char *marks = "e\xCC\x81" "e\xCC\x81";
  const char *thumbs = "a\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD b";
  const char *heart = "\xE2\x9D\xA4\xEF\xB8\x8F";
  const char *swatch = " \xF0\x9F\x8F\xBD";
  size_t cols, n;
  char *d;

  /* Three columns hold one flag, not a flag and a half.  */
  n = utf8_fit (flags, strlen (flags), 3, false, &cols);
  CHECK_INT (n, 8);
  CHECK_INT (cols, 2);
  n = utf8_fit (flags, strlen (flags), 1, true, &cols);
  CHECK_INT (n, 8);
  n = utf8_fit (marks, strlen (marks), 1, false, &cols);
  CHECK_INT (n, 3);
  CHECK_INT (cols, 1);
  /* ASCII, at least one, nothing.  */
  n = utf8_fit ("abcdef", 6, 4, false, &cols);
  CHECK_INT (n, 4);
  CHECK_INT (cols, 4);
  n = utf8_fit ("abc", 3, 0, true, &cols);
  CHECK_INT (n, 1);
  /* As drawn.  */
  d = utf8_drawable (thumbs, strlen (thumbs), &n);
  CHECK (d != NULL);
  if (d != NULL)
    CHECK_STR (d, "a\xF0\x9F\x91\x8D b");
  if (d != NULL)
    CHECK_INT (utf8_width (d, n), 5);
  free (d);
  d = utf8_drawable (heart, strlen (heart), &n);
  CHECK (d != NULL && strcmp (d, "\xE2\x9D\xA4") == 0);
  free (d);
  /* After a space, a skin tone extends the space (UAX #29): not drawn.  */
  d = utf8_drawable (swatch, strlen (swatch), &n);
  CHECK (d != NULL && strcmp (d, " ") == 0);
  free (d);
  CHECK (utf8_drawable (flags, strlen (flags), &n) == NULL);
  CHECK (utf8_drawable ("plain", 5, &n) == NULL);
}

static void
test_blank (void)
{
  static const char *const blank[] = {
    "", " ", "\n", "\xE3\x85\xA4", "\xE3\x85\xA4 \xE3\x85\xA4", "\xC2\xA0",
    "\xE3\x80\x80", "\xE2\xA0\x80", "\xE1\x85\x9F\xE1\x85\xA0",
    "\xEF\xBE\xA0", "\xEF\xB8\x8F",
  };
  static const char *const shown[] = {
    "a", " a ", "\xE3\x85\xA4x", ".", "\xF0\x9F\x98\x80", "\xC3\xA9",
    "\xE3\x84\xB1", "\xE2\xA0\x81", "\xFF",
  };

  for (size_t i = 0; i < ARRAY_SIZE (blank); i++)
    CHECK (utf8_blank (blank[i], strlen (blank[i])));
  for (size_t i = 0; i < ARRAY_SIZE (shown); i++)
    CHECK (!utf8_blank (shown[i], strlen (shown[i])));
}

int
main (void)
{
  RUN (test_typo);
  RUN (test_translit);
  RUN (test_utf8);
  RUN (test_blank);
  RUN (test_clusters);
  return unit_done ();
}
