/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* test-layout.c -- line breaking, widths, frames and anchors.  */

#include "system.h"

#include <locale.h>
#include <wchar.h>

#include "dump.h"
#include "layout.h"
#include "load.h"
#include "unit.h"
#include "utf8.h"
#include "xalloc.h"

#define NBSP "\xC2\xA0"

static struct settings set;

static struct page *
page (const char *yaml)
{
  struct diag_list d;
  struct page *p;

  diag_list_init (&d);
  p = load_page ("t.yaml", yaml, strlen (yaml), "fr", NULL, LOAD_FULL, &set,
                 &d);
  if (d.n > 0)
    diag_list_print (stderr, &d, true);
  diag_list_done (&d);
  return p;
}

static struct layout *
lay (const struct page *p, unsigned width, enum charset cs, bool french)
{
  struct layout_options o;

  memset (&o, 0, sizeof o);
  o.width = width;
  o.charset = cs;
  o.french = french;
  o.level_labels[LEVEL_URGENT] = "Attention";
  return layout_page (p, &o);
}

/* The text of line I (spans only, no frame).  */
static char *
line_text (const struct layout *l, size_t i)
{
  const struct layout_line *line = &l->lines[i];
  char *s = xstrdup ("");

  for (size_t k = 0; k < line->nspans; k++)
    {
      const struct layout_span *sp = &l->spans[line->span + k];
      char *t = xasprintf ("%s%.*s", s, (int) sp->len, l->text + sp->off);

      free (s);
      s = t;
    }
  return s;
}

/* The whole layout as --dump prints it.  */
static char *
dumped (const struct layout *l, enum charset cs)
{
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&out, &len);

  dump_layout (f, l, cs);
  fclose (f);
  return out;
}

static const char *french_text =
  "id: t\ntitle: Titre\nsummary: Résumé.\nblocks:\n"
  "  - text: >-\n"
  "      « Peu, rarement, au bon endroit » : c'est la devise du docteur\n"
  "      Pistor ! Est-ce vrai ? Oui ; les effets passent vite : rougeurs,\n"
  "      petits bleus. Le mot anticonstitutionnellement est long.\n"
  "  - list:\n"
  "      - Premier point assez long pour passer à la ligne suivante.\n"
  "  - warning:\n"
  "      title: Appelez\n"
  "      text: La peau devient froide, pâle ou douloureuse.\n"
  "  - link: autre\n"
  "    label: Une autre page\n";

static void
test_widths (void)
{
  struct page *p = page (french_text);

  CHECK (p != NULL);
  if (p == NULL)
    return;
  for (unsigned w = LAYOUT_MIN_WIDTH; w <= 100; w++)
    {
      struct layout *l = lay (p, w, CHARSET_UTF8, true);
      char *all = dumped (l, CHARSET_UTF8);
      char *line = all;

      /* No line is wider than asked.  */
      for (char *nl; (nl = strchr (line, '\n')) != NULL; line = nl + 1)
        {
          size_t cols = utf8_width (line, (size_t) (nl - line));

          if (cols > w)
            {
              CHECK (cols <= w);
              fprintf (stderr, "width %u: [%.*s]\n", w, (int) (nl - line),
                       line);
            }
        }
      /* French signs never start a line, « never ends one.  */
      for (size_t i = 0; i < l->nlines; i++)
        {
          char *t = line_text (l, i);
          size_t n = strlen (t);

          if (w >= 12)
            {
              CHECK (t[0] != ':' && t[0] != ';' && t[0] != '!'
                     && t[0] != '?');
              CHECK (strncmp (t, "\xC2\xBB", 2) != 0);
              CHECK (n < 2 || strcmp (t + n - 2, "\xC2\xAB") != 0);
              CHECK (n < 4 || strcmp (t + n - 4, "\xC2\xAB" NBSP) != 0);
            }
          free (t);
        }
      free (all);
      layout_free (l);
    }
  page_free (p);
}

static void
test_breaks (void)
{
  struct page *p = page (french_text);
  struct layout *l;
  char *out;

  if (p == NULL)
    return;
  l = lay (p, 40, CHARSET_UTF8, true);
  out = dumped (l, CHARSET_UTF8);
  CHECK_STR (out,
             "Titre\n"
             "Résumé.\n"
             "\n"
             /* 41 columns with "c'est": it goes to the next line; the
                colon stays with its word.  */
             "«" NBSP "Peu, rarement, au bon endroit" NBSP "»" NBSP ":\n"
             "c'est la devise du docteur Pistor" NBSP "! Est-\n"
             "ce vrai" NBSP "? Oui" NBSP "; les effets passent\n"
             "vite" NBSP ": rougeurs, petits bleus. Le mot\n"
             "anticonstitutionnellement est long.\n"
             "\n"
             "• Premier point assez long pour passer\n"
             "  à la ligne suivante.\n"
             "\n"
             "┌─ Attention ──────────────────────────┐\n"
             "│ Appelez                              │\n"
             "│ La peau devient froide, pâle ou      │\n"
             "│ douloureuse.                         │\n"
             "└──────────────────────────────────────┘\n"
             "\n"
             "→ Une autre page\n");
  free (out);
  CHECK_INT (l->nlinks, 1);
  CHECK_STR (l->links[0].target, "autre");
  CHECK_INT (l->links[0].line, 18);
  CHECK_INT (l->links[0].nlines, 1);
  CHECK_INT (l->lines[18].link, 0);
  CHECK_INT (l->lines[17].link, -1);
  layout_free (l);
  page_free (p);
}

/* Line feeds inside a paragraph end lines, after accented text too, and
   a final one adds no empty line.  */
static void
test_line_feeds (void)
{
  struct page *p = page ("id: t\ntitle: T\nsummary: S.\nblocks:\n"
                         "  - text: \"Touchez l'écran\\nTouch the screen\\n\\n"
                         "Après\\nfin\\n\"\n");
  struct layout *l;
  char *out;

  if (p == NULL)
    return;
  l = lay (p, 40, CHARSET_UTF8, false);
  out = dumped (l, CHARSET_UTF8);
  CHECK_STR (out, "T\nS.\n\nTouchez l'écran\nTouch the screen\n\n"
                  "Après\nfin\n");
  free (out);
  layout_free (l);
  page_free (p);
}

static void
test_ascii (void)
{
  struct page *p = page (french_text);
  struct layout *l;
  char *out;

  if (p == NULL)
    return;
  l = lay (p, 40, CHARSET_ASCII, true);
  out = dumped (l, CHARSET_ASCII);
  for (const char *c = out; *c; c++)
    CHECK ((unsigned char) *c < 0x80);
  CHECK (strstr (out, "\" Peu, rarement, au bon endroit \" :\n") != NULL);
  CHECK (strstr (out, "+- Attention ----") != NULL);
  CHECK (strstr (out, "| La peau devient froide, pale ou      |") != NULL);
  CHECK (strstr (out, "-> Une autre page") != NULL);
  CHECK (strstr (out, "- Premier point") != NULL);
  free (out);
  layout_free (l);
  page_free (p);
}

static void
test_wide_and_long (void)
{
  struct page *p = page ("id: t\ntitle: 日本語のページ\nsummary: S\nblocks:\n"
                         "  - text: Averyveryverylongword\n");
  struct layout *l;

  if (p == NULL)
    return;
  l = lay (p, 8, CHARSET_UTF8, false);
  /* Wide characters count two columns, and are broken between.  */
  CHECK_INT (l->lines[0].cols, 8);
  CHECK_INT (l->lines[1].cols, 6);
  /* A word longer than the line is cut.  */
  {
    char *t = line_text (l, 4);

    CHECK_STR (t, "Averyver");
    free (t);
  }
  layout_free (l);
  page_free (p);
}

static void
test_anchor (void)
{
  struct page *p = page (french_text);
  struct layout *a, *b;
  size_t top, found;
  char *ta, *tb;

  if (p == NULL)
    return;
  a = lay (p, 30, CHARSET_UTF8, true);
  b = lay (p, 60, CHARSET_UTF8, true);
  /* The line with "Pistor" at width 30, then at width 60: the text at
     the top of the screen stays on screen after a resize.  */
  for (top = 0; top < a->nlines; top++)
    {
      char *t = line_text (a, top);
      bool hit = strstr (t, "Pistor") != NULL;

      free (t);
      if (hit)
        break;
    }
  found = layout_find_anchor (b, a->lines[top].block, a->lines[top].offset);
  ta = line_text (a, top);
  tb = line_text (b, found);
  CHECK (strstr (tb, "Pistor") != NULL || strstr (tb, "devise") != NULL);
  free (ta);
  free (tb);
  CHECK_INT (layout_find_anchor (b, LAYOUT_HEAD, 0), 0);
  CHECK_INT (layout_find_block (b, 2), 12 - 2);
  layout_free (a);
  layout_free (b);
  page_free (p);
}

static void
test_plain (void)
{
  struct page *p = page (french_text);
  struct layout_options o;
  struct layout *l;
  char *out;

  if (p == NULL)
    return;
  memset (&o, 0, sizeof o);
  o.width = 40;
  o.plain = true;
  o.level_labels[LEVEL_URGENT] = "Attention";
  l = layout_page (p, &o);
  out = dumped (l, CHARSET_UTF8);
  CHECK (strstr (out, "┌") == NULL);
  CHECK (strstr (out, "\nAttention:\nAppelez\nLa peau") != NULL);
  free (out);
  layout_free (l);
  page_free (p);
}

/* Laid out a little at a time, a page comes out the same as in one go.  */
static void
test_in_parts (void)
{
  struct page *p = page (french_text);
  struct layout_options o;
  struct layout *whole, *part;
  char *a, *b;

  if (p == NULL)
    return;
  memset (&o, 0, sizeof o);
  o.width = 30;
  o.charset = CHARSET_UTF8;
  o.french = true;
  o.level_labels[LEVEL_URGENT] = "Attention";
  whole = layout_page (p, &o);
  CHECK (whole->complete);
  part = layout_page_part (p, &o, 3);
  CHECK (!part->complete);
  CHECK (part->nlines >= 3 && part->nlines < whole->nlines);
  CHECK (!layout_more (part, p, &o, 2));        /* Has that many already.  */
  while (layout_more (part, p, &o, part->nlines + 1))
    ;
  CHECK (part->complete);
  CHECK_INT (part->nlines, whole->nlines);
  CHECK_INT (part->nlinks, whole->nlinks);
  a = dumped (whole, CHARSET_UTF8);
  b = dumped (part, CHARSET_UTF8);
  CHECK_STR (b, a);
  for (size_t i = 0; i < whole->nlines && i < part->nlines; i++)
    {
      CHECK_INT (part->lines[i].block, whole->lines[i].block);
      CHECK_INT (part->lines[i].offset, whole->lines[i].offset);
      CHECK_INT (part->lines[i].link, whole->lines[i].link);
    }
  free (a);
  free (b);
  layout_free (whole);
  layout_free (part);
  page_free (p);
}

/* A link label from another page: its title, and the title's language.  */
static const char *
label_of (void *ctx, const char *lang, const char *target,
          const char **label_lang)
{
  (void) ctx;
  (void) lang;
  if (strcmp (target, "signes-alerte") == 0)
    {
      *label_lang = "en";               /* Only in English.  */
      return "Warning signs: when to call?";
    }
  *label_lang = "fr";
  return "Après la séance: ce qui est normal";
}

/* Typography follows the language of the text, not of the screen: an
   English title shown in a French page (a link label, a search result)
   gets no French spacing; the French ones around it do.  */
static void
test_typography_follows_text (void)
{
  struct page *p = page ("id: t\ntitle: \"Titre : oui\"\nsummary: S.\nblocks:\n"
                         "  - link: signes-alerte\n"
                         "  - link: apres-seance\n");
  struct layout_options o;
  struct layout *l;
  struct block *b;
  char *t;
  int found = 0;

  memset (&o, 0, sizeof o);
  o.width = 72;
  o.charset = CHARSET_UTF8;
  o.french = true;
  o.link_label = label_of;
  CHECK (p != NULL);
  if (p == NULL)
    return;
  /* A search result of another page in English.  */
  b = page_add_block (p, BLOCK_LINK);
  b->target = "risques";
  b->text = "Risks: what is known?";
  b->lang = "en";
  l = layout_page (p, &o);
  for (size_t i = 0; i < l->nlines; i++)
    {
      t = line_text (l, i);
      if (strstr (t, "Titre" NBSP ": oui") != NULL)
        found |= 1;
      if (strstr (t, "Warning signs: when to call?") != NULL)
        found |= 2;
      if (strstr (t, "Après la séance" NBSP ": ce qui") != NULL)
        found |= 4;
      if (strstr (t, "Risks: what is known?") != NULL)
        found |= 8;
      CHECK (strstr (t, "signs" NBSP) == NULL && strstr (t, "call" NBSP) == NULL
             && strstr (t, "Risks" NBSP) == NULL);
      free (t);
    }
  CHECK_INT (found, 15);
  layout_free (l);
  page_free (p);
}

/* The width of the N bytes at S as ncursesw draws them: wcwidth() of
   each character (under C.UTF-8).  */
static size_t
drawn_width (const char *s, size_t n)
{
  size_t w = 0;
  mbstate_t st;

  memset (&st, 0, sizeof st);
  while (n > 0)
    {
      wchar_t wc;
      size_t k = mbrtowc (&wc, s, n, &st);
      int cw;

      if (k == 0 || k > n)
        break;
      cw = wcwidth (wc);
      w += cw > 0 ? (size_t) cw : 0;
      s += k;
      n -= k;
    }
  return w;
}

/* Emoji with skin tones, flags, an emoji heart in a warning box: each
   line of the box is as wide as it is drawn, so its right edge is
   straight; the skin tones and the variation selector are not drawn.  */
static void
test_box_clusters (void)
{
  struct page *p = page ("id: t\ntitle: T\nsummary: S.\nblocks:\n"
                         "  - warning:\n"
                         "      title: Signes\n"
                         "      list:\n"
                         "        - \"pouce \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD fin\"\n"
                         "        - \"drapeau \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 fin\"\n"
                         "        - \"coeur \xE2\x9D\xA4\xEF\xB8\x8F fin\"\n"
                         "        - \"\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBE"
                         "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA"
                         "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA\"\n");
  struct layout *l;
  char *out, *line, *save = NULL;
  size_t want = 0;
  int box = 0;

  CHECK (p != NULL);
  if (p == NULL)
    return;
  setlocale (LC_CTYPE, "C.UTF-8");
  l = lay (p, 14, CHARSET_UTF8, false);
  out = dumped (l, CHARSET_UTF8);
  CHECK (strstr (out, "\xF0\x9F\x8F\xBD") == NULL);      /* No skin tone.  */
  CHECK (strstr (out, "\xEF\xB8\x8F") == NULL);            /* No VS16.  */
  CHECK (strstr (out, "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7") != NULL);
  for (line = strtok_r (out, "\n", &save); line != NULL;
       line = strtok_r (NULL, "\n", &save))
    {
      size_t w = drawn_width (line, strlen (line));

      if (strncmp (line, "\xE2\x94", 2) != 0)
        continue;                       /* Not a line of the box.  */
      box++;
      if (want == 0)
        want = w;
      if (w != want)
        fprintf (stderr, "  a line of the box is %zu wide, not %zu: %s\n",
                 w, want, line);
      CHECK_INT (w, want);
    }
  CHECK (box >= 8);
  free (out);
  layout_free (l);
  page_free (p);
}

int
main (void)
{
  settings_init (&set);
  RUN (test_widths);
  RUN (test_breaks);
  RUN (test_line_feeds);
  RUN (test_ascii);
  RUN (test_wide_and_long);
  RUN (test_anchor);
  RUN (test_plain);
  RUN (test_in_parts);
  RUN (test_typography_follows_text);
  RUN (test_box_clusters);
  settings_done (&set);
  return unit_done ();
}
