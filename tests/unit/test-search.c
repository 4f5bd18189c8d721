/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* test-search.c -- folding, matching, ranking and snippets.  */

#include "system.h"

#include <unistr.h>
#include <uniwidth.h>

#include "page.h"
#include "search.h"
#include "unit.h"
#include "xalloc.h"

/* Pages built in code: the test needs no files.  */
static struct page *pages[16];
static size_t npages;

/* Returns a new complete page; KEYWORDS ends with NULL (may be NULL).  */
static struct page *
mk_page (const char *id, const char *lang, const char *title,
         const char *summary, const char *const *keywords)
{
  struct page *p = page_new ();
  size_t n = 0;

  p->id = arena_strdup (&p->arena, id);
  p->lang = arena_strdup (&p->arena, lang);
  p->title = arena_strdup (&p->arena, title);
  p->summary = summary ? arena_strdup (&p->arena, summary) : NULL;
  while (keywords != NULL && keywords[n] != NULL)
    n++;
  p->keywords.v = arena_alloc (&p->arena, n * sizeof *p->keywords.v);
  for (size_t i = 0; i < n; i++)
    p->keywords.v[i] = arena_strdup (&p->arena, keywords[i]);
  p->keywords.n = n;
  p->complete = true;
  pages[npages++] = p;
  return p;
}

static struct block *
add_text (struct page *p, enum block_kind kind, const char *text)
{
  struct block *b = page_add_block (p, kind);

  b->text = text ? arena_strdup (&p->arena, text) : NULL;
  return b;
}

static void
add_items (struct page *p, struct block *b, const char *const *items)
{
  size_t n = 0;

  while (items[n] != NULL)
    n++;
  b->items.v = arena_alloc (&p->arena, n * sizeof *b->items.v);
  for (size_t i = 0; i < n; i++)
    b->items.v[i] = arena_strdup (&p->arena, items[i]);
  b->items.n = n;
}

static const char LONG_TEXT[] =
  "Les effets fréquents sont légers et passent seuls en quelques jours : "
  "rougeurs, gêne, petites douleurs au toucher. Parfois une ecchymose "
  "apparaît autour d'un point de piqûre, surtout si vous prenez un "
  "médicament qui fluidifie le sang ; elle change de couleur puis "
  "disparaît en une à deux semaines, sans laisser de trace visible.";

static struct search_index *
build_index (void)
{
  struct search_index *ix = search_index_new ();
  struct page *p;
  struct block *b;

  npages = 0;
  /* 0 */
  p = mk_page ("mesotherapie", "fr", "La mésothérapie",
               "Ce qu'est la mésothérapie, et ce qu'elle n'est pas.",
               (const char *const[]) { "injection", "piqûres", NULL });
  add_text (p, BLOCK_TEXT, "La MÉSOTHÉRAPIE consiste à injecter de petites "
            "quantités de produit dans la peau.");
  /* 1 */
  p = mk_page ("apres-seance", "fr", "Après la séance",
               "Ce qui est normal dans les jours qui suivent.",
               (const char *const[]) { "bleu", "hématome", NULL });
  add_text (p, BLOCK_HEADING, "Ce qui est normal");
  b = add_text (p, BLOCK_LIST, NULL);
  add_items (p, b, (const char *const[]) {
               "Une rougeur qui passe.",
               "Une petite ecchymose au point de piqûre.", NULL });
  b = add_text (p, BLOCK_WARNING, "Un gonflement qui augmente doit être "
                "montré.");
  b->title = arena_strdup (&p->arena, "Œdème important");
  add_text (p, BLOCK_LINK, "Les signes d'alerte");
  /* 2 */
  p = mk_page ("oedeme", "fr", "L'œdème", "Un gonflement de la peau.", NULL);
  add_text (p, BLOCK_TEXT, "Un Œdème peut suivre une séance.");
  /* 3 */
  p = mk_page ("ecchymoses", "fr", "Ecchymoses et bleus", NULL, NULL);
  add_text (p, BLOCK_TEXT, LONG_TEXT);
  /* 4, 5: the same field, a prefix and a whole word.  */
  p = mk_page ("prefixe", "fr", "Page P", "Rien.", NULL);
  add_text (p, BLOCK_TEXT, "Des marques bleutées.");
  p = mk_page ("entier", "fr", "Page E", "Rien.", NULL);
  add_text (p, BLOCK_TEXT, "Une marque bleutée.");
  /* 6: English.  */
  p = mk_page ("bruise", "en", "Bruises",
               "A bruise is common after injections.",
               (const char *const[]) { "haematoma", NULL });
  add_text (p, BLOCK_TEXT, "A HAEMATOMA is a bigger bruise.\nIt fades.");
  /* 7, 8: the same text twice, to check ties keep their order.  */
  p = mk_page ("twin-b", "fr", "Jumeau", "Texte jumeau.", NULL);
  p = mk_page ("twin-a", "fr", "Jumeau", "Texte jumeau.", NULL);
  /* 9: newlines, tabs and controls in the text (pages built in code are
     not checked like loaded ones).  */
  p = mk_page ("sale", "fr", "Sale", "Texte\n\tsale\x01 avec\xff octet.",
               NULL);
  for (size_t i = 0; i < npages; i++)
    search_index_add (ix, pages[i]);
  return ix;
}

static void
free_pages (void)
{
  for (size_t i = 0; i < npages; i++)
    page_free (pages[i]);
  npages = 0;
}

/* Folding.  */

static char *
fold (const char *s)
{
  size_t n;

  return search_fold (s, strlen (s), &n, NULL);
}

static void
check_fold (const char *in, const char *want)
{
  char *got = fold (in);

  CHECK_STR (got, want);
  free (got);
}

static void
test_fold (void)
{
  check_fold ("MÉSOTHÉRAPIE", "mesotherapie");
  check_fold ("mésothérapie", "mesotherapie");
  check_fold ("mesotherapie", "mesotherapie");
  check_fold ("œdème", "oedeme");
  check_fold ("Œdème", "oedeme");
  check_fold ("ŒDÈME", "oedeme");
  check_fold ("Æsop, cæcum", "aesop caecum");
  check_fold ("Ça, garçon", "ca garcon");
  check_fold ("Straße STRASSE ẞ", "strasse strasse ss");
  check_fold ("ﬁn ﬂeur", "fin fleur");
  check_fold ("Øre, søster", "ore soster");
  check_fold ("naïve Noël hôpital", "naive noel hopital");
  /* Decomposed accents (e + U+0301) vanish inside the word.  */
  check_fold ("e\xCC\x81te\xCC\x81", "ete");
  check_fold ("  Bonjour, l'été !  ", "bonjour l ete");
  check_fold ("x² ½", "x2 1 2");
  check_fold ("a\xff\xfe" "b\xc3", "a b");
  check_fold ("a\x1b[31mb\x07", "a 31mb");
  check_fold ("1 à 12 semaines", "1 a 12 semaines");
  check_fold ("", "");
  check_fold ("?!…«»", "");
  check_fold ("日本語", "日本語");
}

static void
test_fold_map (void)
{
  const char *s = "Œdème, Ça";
  size_t n;
  uint32_t *map;
  char *f = search_fold (s, strlen (s), &n, &map);
  /* Œ (2 bytes) d è (2 bytes) m e , space Ç (2 bytes) a.  */
  static const uint32_t want[] = { 0, 0, 2, 3, 5, 6, 7, 9, 11, 12 };

  CHECK_STR (f, "oedeme ca");
  CHECK_INT (n, 9);
  for (size_t i = 0; i < n; i++)
    CHECK_INT (map[i], want[i]);
  CHECK_INT (map[n], strlen (s));
  free (f);
  free (map);

  f = search_fold ("ﬁn", 4, &n, &map);
  CHECK_STR (f, "fin");
  CHECK_INT (map[0], 0);
  CHECK_INT (map[1], 0);
  CHECK_INT (map[2], 3);
  free (f);
  free (map);

  /* Only N bytes are read.  */
  f = search_fold ("abc def", 3, &n, &map);
  CHECK_STR (f, "abc");
  CHECK_INT (map[3], 3);
  free (f);
  free (map);
}

/* Searching.  */

/* Runs QUERY and returns the ids of the hits, space-separated.  */
static char *
ids (const struct search_index *ix, const char *query, const char *lang)
{
  struct search_result r;
  char *s = xstrdup ("");

  search_run (ix, query, lang, 20, 60, &r);
  for (size_t i = 0; i < r.n; i++)
    {
      char *t = xasprintf ("%s%s%s", s, i > 0 ? " " : "", r.hits[i].page->id);

      free (s);
      s = t;
    }
  search_result_done (&r);
  return s;
}

static void
check_ids (const struct search_index *ix, const char *query,
           const char *lang, const char *want)
{
  char *got = ids (ix, query, lang);

  CHECK_STR (got, want);
  free (got);
}

static void
test_match (void)
{
  struct search_index *ix = build_index ();

  CHECK_INT (search_index_count (ix), npages);
  /* Case and accents do not matter.  */
  check_ids (ix, "mesotherapie", "fr", "mesotherapie");
  check_ids (ix, "MÉSOTHÉRAPIE", "fr", "mesotherapie");
  check_ids (ix, "mésothérapie", "fr", "mesotherapie");
  /* Œ and œ are oe.  */
  check_ids (ix, "oedeme", "fr", "oedeme apres-seance");
  check_ids (ix, "Œdème", "fr", "oedeme apres-seance");
  /* Word prefixes only.  */
  check_ids (ix, "ecch", "fr", "ecchymoses apres-seance");
  check_ids (ix, "deme", "fr", "");
  check_ids (ix, "therapie", "fr", "");
  /* Every word is needed.  */
  check_ids (ix, "oedeme gonflement", "fr", "oedeme apres-seance");
  check_ids (ix, "oedeme rougeur", "fr", "apres-seance");
  check_ids (ix, "oedeme xyz", "fr", "");
  check_ids (ix, "oedeme, oedeme OEDEME", "fr", "oedeme apres-seance");
  /* Keywords are searched though they are not shown.  */
  check_ids (ix, "hematome", "fr", "apres-seance");
  /* Languages.  */
  check_ids (ix, "bruise", "en", "bruise");
  check_ids (ix, "bruise", "fr", "");
  check_ids (ix, "HAEMATOMA", "en", "bruise");
  check_ids (ix, "haematoma", "en", "bruise");
  check_ids (ix, "mesotherapie", "en", "");
  check_ids (ix, "mesotherapie", "de", "");
  check_ids (ix, "injection", NULL, "mesotherapie bruise");
  /* Text cut by controls and invalid bytes still matches per word.  */
  check_ids (ix, "sale avec octet", "fr", "sale");
  search_index_free (ix);
  free_pages ();
}

static void
test_keyword (void)
{
  struct search_index *ix = build_index ();
  struct search_result r;

  /* "bleu" is only a keyword of apres-seance: its text says nothing of
     it.  ecchymoses has "bleus" in its title (a prefix match).  */
  search_run (ix, "bleu", "fr", 10, 60, &r);
  CHECK_INT (r.n, 4);
  if (r.n == 4)
    {
      CHECK_STR (r.hits[0].page->id, "ecchymoses");
      CHECK_INT (r.hits[0].field, SEARCH_TITLE);
      CHECK_STR (r.hits[1].page->id, "apres-seance");
      CHECK_INT (r.hits[1].field, SEARCH_KEYWORD);
      /* The snippet of a keyword match is the summary.  */
      CHECK_STR (r.hits[1].snippet,
                 "Ce qui est normal dans les jours qui suivent.");
      CHECK_INT (r.hits[1].nranges, 0);
      /* A page without a summary shows its title.  */
      CHECK_STR (r.hits[0].snippet, "Ecchymoses et bleus");
      CHECK_INT (r.hits[0].nranges, 1);
      CHECK_INT (r.hits[0].ranges[0].off, strlen ("Ecchymoses et "));
      CHECK_INT (r.hits[0].ranges[0].len, strlen ("bleu"));
    }
  search_result_done (&r);
  search_index_free (ix);
  free_pages ();
}

static void
test_rank (void)
{
  struct search_index *ix = build_index ();
  struct search_result r;

  /* A title, even by a prefix, beats a whole word in the body.  */
  check_ids (ix, "ecchymose", "fr", "ecchymoses apres-seance");
  /* A whole word beats a prefix in the same field, whatever the order
     the pages were added in.  */
  check_ids (ix, "bleutee", "fr", "entier prefixe");
  /* Title > heading (a warning title) > summary > body.  */
  check_ids (ix, "oedeme", "fr", "oedeme apres-seance");
  check_ids (ix, "gonflement", "fr", "oedeme apres-seance");
  check_ids (ix, "normal", "fr", "apres-seance");
  /* Ties keep the order pages were added in.  */
  check_ids (ix, "jumeau", "fr", "twin-b twin-a");
  /* MAX limits the hits.  */
  search_run (ix, "ecchymose", "fr", 1, 60, &r);
  CHECK_INT (r.n, 1);
  CHECK_STR (r.n > 0 ? r.hits[0].page->id : NULL, "ecchymoses");
  search_result_done (&r);
  /* Scores and fields.  */
  search_run (ix, "oedeme", "fr", 10, 60, &r);
  CHECK_INT (r.n, 2);
  if (r.n == 2)
    {
      CHECK_INT (r.hits[0].field, SEARCH_TITLE);
      CHECK_INT (r.hits[1].field, SEARCH_HEADING);
      CHECK (r.hits[0].score > r.hits[1].score);
      CHECK_STR (r.hits[1].snippet, "Œdème important");
      CHECK_INT (r.hits[1].nranges, 1);
      CHECK_INT (r.hits[1].ranges[0].off, 0);
      CHECK_INT (r.hits[1].ranges[0].len, strlen ("Œdème"));
    }
  search_result_done (&r);
  /* Two words found in one field: that field is shown.  */
  search_run (ix, "rougeur passe", "fr", 10, 60, &r);
  CHECK_INT (r.n, 2);
  if (r.n == 2)
    {
      CHECK_STR (r.hits[0].page->id, "apres-seance");
      CHECK_STR (r.hits[1].page->id, "ecchymoses");
      CHECK_INT (r.hits[0].field, SEARCH_BODY);
      CHECK_STR (r.hits[0].snippet, "Une rougeur qui passe.");
      CHECK_INT (r.hits[0].nranges, 2);
    }
  search_result_done (&r);
  search_index_free (ix);
  free_pages ();
}

/* Checks every rule a snippet must follow for the query Q.  */
static void
check_snippet (const struct search_hit *h, const char *q, unsigned width)
{
  const char *s = h->snippet;
  size_t n = strlen (s);
  char *fq = fold (q);

  CHECK (u8_check ((const uint8_t *) s, n) == NULL);
  CHECK ((size_t) u8_width ((const uint8_t *) s, n, "UTF-8") <= width);
  CHECK (strchr (s, '\n') == NULL);
  CHECK (strchr (s, '\t') == NULL);
  CHECK (h->nranges <= SEARCH_MAX_RANGES);
  for (size_t i = 0; i < h->nranges; i++)
    {
      const struct block_mark *r = &h->ranges[i];
      char *f;
      bool ok = false;

      CHECK (r->len > 0);
      CHECK (r->off + r->len <= n);
      CHECK (i == 0 || r->off >= h->ranges[i - 1].off + h->ranges[i - 1].len);
      if (r->off + r->len > n)
        continue;
      CHECK (u8_check ((const uint8_t *) s + r->off, r->len) == NULL);
      /* The range folds to a query word or a prefix of one (when the
         snippet cuts the word).  */
      {
        size_t fn;

        f = search_fold (s + r->off, r->len, &fn, NULL);
        for (const char *w = fq; *w != '\0';)
          {
            size_t wn = strcspn (w, " ");

            if (fn > 0 && (strncmp (f, w, wn < fn ? wn : fn) == 0))
              ok = true;
            w += wn + (w[wn] == ' ');
          }
      }
      if (!ok)
        fprintf (stderr, "range %zu of [%s] is [%.*s], query [%s]\n", i, s,
                 (int) r->len, s + r->off, q);
      CHECK (ok);
      free (f);
    }
  free (fq);
}

static void
test_snippet (void)
{
  struct search_index *ix = build_index ();
  static const char *const queries[] = {
    "ecchymose", "mesotherapie", "oedeme", "bleu", "piqure sang",
    "trace", "bruise", "haematoma", "sale", "octet avec", "e", "d",
  };
  struct search_result r;

  for (size_t q = 0; q < ARRAY_SIZE (queries); q++)
    for (unsigned w = 0; w <= 90; w++)
      {
        search_run (ix, queries[q], NULL, 20, w, &r);
        CHECK (r.n > 0);
        for (size_t i = 0; i < r.n; i++)
          {
            check_snippet (&r.hits[i], queries[q], w);
            if (w == 0)
              CHECK_STR (r.hits[i].snippet, "");
          }
        search_result_done (&r);
      }

  /* A title match shows the summary, still marked.  */
  search_run (ix, "mesotherapie", "fr", 10, 60, &r);
  CHECK_INT (r.n, 1);
  if (r.n == 1)
    {
      CHECK_INT (r.hits[0].field, SEARCH_TITLE);
      CHECK_STR (r.hits[0].snippet,
                 "Ce qu'est la mésothérapie, et ce qu'elle n'est pas.");
      CHECK_INT (r.hits[0].nranges, 1);
      CHECK_INT (r.hits[0].ranges[0].off, strlen ("Ce qu'est la "));
      CHECK_INT (r.hits[0].ranges[0].len, strlen ("mésothérapie"));
    }
  search_result_done (&r);

  /* Deep in a long paragraph: a few words before the match, cut at word
     boundaries with an ellipsis at both ends.  */
  search_run (ix, "trace", "fr", 10, 40, &r);
  CHECK_INT (r.n, 1);
  if (r.n == 1)
    {
      CHECK_INT (r.hits[0].field, SEARCH_BODY);
      CHECK_STR (r.hits[0].snippet, "…sans laisser de trace visible.");
      CHECK_INT (r.hits[0].nranges, 1);
      CHECK_INT (r.hits[0].ranges[0].off,
                 strlen ("…sans laisser de "));
      CHECK_INT (r.hits[0].ranges[0].len, 5);
    }
  search_result_done (&r);
  search_run (ix, "fluidifie", "fr", 10, 40, &r);
  CHECK_INT (r.n, 1);
  if (r.n == 1)
    CHECK_STR (r.hits[0].snippet, "…qui fluidifie le sang ; elle change de…");
  search_result_done (&r);
  /* A line does not start with the punctuation that ends a phrase.  */
  search_run (ix, "gene", "fr", 10, 40, &r);
  if (r.n == 1)
    CHECK_STR (r.hits[0].snippet, "…rougeurs, gêne, petites douleurs au…");
  else
    CHECK (false);
  search_result_done (&r);
  /* The match stays in the first third of the line.  */
  for (unsigned w = 12; w <= 90; w++)
    {
      search_run (ix, "fluidifie", "fr", 10, w, &r);
      if (r.n == 1 && r.hits[0].nranges == 1)
        CHECK ((unsigned) u8_width ((const uint8_t *) r.hits[0].snippet,
                                    r.hits[0].ranges[0].off, "UTF-8")
               <= w / 3 + 1);
      else
        CHECK (false);
      search_result_done (&r);
    }
  /* A prefix marks only what was typed.  */
  search_run (ix, "fluid", "fr", 10, 40, &r);
  if (r.n == 1 && r.hits[0].nranges == 1)
    CHECK_INT (r.hits[0].ranges[0].len, 5);
  else
    CHECK (false);
  search_result_done (&r);
  /* Wide characters count two columns.  */
  {
    struct page *p = mk_page ("cjk", "ja", "日本", "日本語の説明文です。"
                              "とても長い文章が続きます。", NULL);
    struct search_index *jx = search_index_new ();

    search_index_add (jx, p);
    search_run (jx, "日本", "ja", 10, 11, &r);
    CHECK_INT (r.n, 1);
    if (r.n == 1)
      {
        check_snippet (&r.hits[0], "日本", 11);
        CHECK_STR (r.hits[0].snippet, "日本語の説…");
      }
    search_result_done (&r);
    search_index_free (jx);
  }
  /* Newlines, tabs, controls and invalid bytes become one space.  */
  search_run (ix, "sale", "fr", 10, 60, &r);
  if (r.n == 1)
    CHECK_STR (r.hits[0].snippet, "Texte sale avec octet.");
  else
    CHECK (false);
  search_result_done (&r);
  search_run (ix, "bruise", "en", 10, 60, &r);
  if (r.n == 1)
    CHECK_STR (r.hits[0].snippet, "A bruise is common after injections.");
  else
    CHECK (false);
  search_result_done (&r);
  search_index_free (ix);
  free_pages ();
}

static void
test_empty (void)
{
  struct search_index *ix = build_index ();
  static const char *const queries[] = {
    "", " ", "   \t\n", "!?;,.'-", "\x1b\x07\x01\x7f", "\xff\xfe\xc3",
    "\xe2\x80", "\xc2\x9b", "« » … — ’", "\xe2\x80\xae",
  };
  struct search_result r;

  for (size_t i = 0; i < ARRAY_SIZE (queries); i++)
    {
      r.n = 99;
      search_run (ix, queries[i], "fr", 10, 60, &r);
      CHECK_INT (r.n, 0);
      CHECK (r.hits == NULL);
      search_result_done (&r);
    }
  /* MAX 0, and an empty index.  */
  search_run (ix, "oedeme", "fr", 0, 60, &r);
  CHECK_INT (r.n, 0);
  search_result_done (&r);
  search_index_free (ix);
  free_pages ();
  ix = search_index_new ();
  search_run (ix, "oedeme", "fr", 10, 60, &r);
  CHECK_INT (r.n, 0);
  search_result_done (&r);
  search_index_free (ix);
  search_index_free (NULL);
  /* Separators around a word do not hide it.  */
  ix = build_index ();
  check_ids (ix, "\x1b[\xff" "oedeme\x07!", "fr", "oedeme apres-seance");
  search_index_free (ix);
  free_pages ();
}

/* Typos: the edit distance on folded words, against a word's start.  */

/* True if the folded forms of query Q and word W are near, with the edits
   a word of Q's length is forgiven.  */
static bool
near (const char *w, const char *q)
{
  char *fw = fold (w), *fq = fold (q);
  bool r = search_near (fw, strlen (fw), fq, strlen (fq),
                        search_edits (fq, strlen (fq)));

  free (fw);
  free (fq);
  return r;
}

static void
test_near (void)
{
  /* One edit from 4 letters: a letter more, less, changed, swapped.  */
  CHECK (near ("bruise", "bruse"));
  CHECK (near ("bruise", "bruuise"));
  CHECK (near ("bruise", "briuse"));
  CHECK (near ("bruise", "brvise"));
  CHECK (near ("pregnant", "pregant"));
  CHECK (near ("fièvre", "fievr"));
  CHECK (near ("gonflement", "gonfelment"));
  /* Against the start of a word: a typo in a prefix.  */
  CHECK (near ("haematoma", "hematom"));
  CHECK (near ("hématome", "hematomm"));
  /* Two edits from 8 letters, not three.  */
  CHECK (near ("enceinte", "enceinnte"));
  CHECK (near ("ecchymose", "echymosse"));
  CHECK (!near ("ecchymose", "exhymosse"));
  CHECK (!near ("ecchymose", "ecymose"));   /* 7 letters: one.  */
  /* Under 4 letters, none; 4 to 7, one.  */
  CHECK (!near ("bleu", "blu"));
  CHECK (!near ("pus", "pis"));
  CHECK (near ("bleu", "bleo"));
  CHECK (!near ("bleu", "blao"));
  CHECK (!near ("fever", "fievre"));
  /* Accents, case, œ and ligatures are folded first: no edit at all.  */
  CHECK (near ("ŒDÈME", "oedemme"));
  CHECK (near ("œdème", "oedem"));
  CHECK (near ("ﬁèvre", "fiievre"));
  CHECK (near ("Douleur", "DOULER"));
  /* No edit is not a near match (search_near is for the others).  */
  CHECK (!search_near ("abcd", 4, "abcd", 4, 0));
  CHECK_INT (search_edits ("abc", 3), 0);
  CHECK_INT (search_edits ("abcd", 4), 1);
  CHECK_INT (search_edits ("abcdefgh", 8), 2);
  /* Letters, not bytes: "œdème" folds to 5 letters.  */
  {
    char *f = fold ("éte");

    CHECK_INT (search_edits (f, strlen (f)), 0);
    free (f);
  }
}

/* Ids of the hits of QUERY in LANG, space-separated, into BUF.  */
static const char *
hits (const struct search_index *ix, const char *query, const char *lang,
      char *buf, size_t size)
{
  struct search_result r;
  size_t len = 0;

  buf[0] = '\0';
  search_run (ix, query, lang, 10, 60, &r);
  for (size_t i = 0; i < r.n && len + 1 < size; i++)
    len += (size_t) snprintf (buf + len, size - len, "%s%s", i ? " " : "",
                              r.hits[i].page->id);
  search_result_done (&r);
  return buf;
}

static void
test_typos (void)
{
  struct search_index *ix = build_index ();
  struct search_result r;
  char buf[256];

  /* A word that starts no word of the pages forgives one typo.  */
  CHECK_STR (hits (ix, "bruse", "en", buf, sizeof buf), "bruise");
  CHECK_STR (hits (ix, "hematom", "en", buf, sizeof buf), "bruise");
  CHECK_STR (hits (ix, "ecchymosse", "fr", buf, sizeof buf),
             "ecchymoses apres-seance");
  CHECK_STR (hits (ix, "goflement", "fr", buf, sizeof buf),
             "oedeme apres-seance");
  /* A word that is in the pages matches as it is: no near words.  */
  CHECK_STR (hits (ix, "bleu", "fr", buf, sizeof buf),
             "ecchymoses apres-seance prefixe entier");
  /* Too short to forgive.  */
  CHECK_STR (hits (ix, "blu", "fr", buf, sizeof buf), "");
  /* The near match says so, marks the whole word, and names it to
     highlight.  */
  search_run (ix, "bruse", "en", 10, 60, &r);
  CHECK_INT (r.n, 1);
  if (r.n == 1)
    {
      CHECK (r.hits[0].fuzzy);
      CHECK_STR (r.hits[0].terms, "bruises bruise");
      CHECK_INT (r.hits[0].block, 0);
    }
  search_result_done (&r);
  /* Exact words rank above near ones; the block of the best match and a
     match in a warning box come with the hit.  */
  search_run (ix, "gonflement", "fr", 10, 60, &r);
  CHECK_INT (r.n, 2);
  if (r.n == 2)
    {
      CHECK_STR (r.hits[0].page->id, "oedeme");
      CHECK (!r.hits[0].fuzzy);
      CHECK_STR (r.hits[0].terms, "gonflement");
      CHECK (!r.hits[1].alarm);   /* In a warning box, not a keyword.  */
      CHECK_INT (r.hits[1].block, 3);
    }
  search_result_done (&r);
  /* A keyword is what a page is for: on the warning signs, a symptom.  */
  search_run (ix, "hematome", "fr", 10, 60, &r);
  CHECK (r.n >= 1 && r.hits[0].alarm);
  search_result_done (&r);
  search_index_free (ix);
  free_pages ();
}

int
main (void)
{
  RUN (test_fold);
  RUN (test_fold_map);
  RUN (test_match);
  RUN (test_keyword);
  RUN (test_rank);
  RUN (test_snippet);
  RUN (test_empty);
  RUN (test_near);
  RUN (test_typos);
  return unit_done ();
}
