/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* test-review.c -- the data a clinician signs: warning levels, reviews,
   sources, the contact card, the new settings and placeholders; and every
   message the loader and the checker give about them, in English and in
   French (LANGUAGE=fr under LANG=C.UTF-8).  */

#include "system.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "dump.h"
#include "i18n.h"
#include "layout.h"
#include "library.h"
#include "load.h"
#include "qr.h"
#include "settings.h"
#include "subst.h"
#include "unit.h"
#include "xalloc.h"

static struct settings set;
static char root[64];

/* Checks that WANT is in OUT, showing OUT if it is not.  */
#define CHECK_IN(out, want)                                             \
  do                                                                    \
    {                                                                   \
      const char *unit_o = (out);                                       \
      CHECK (strstr (unit_o, (want)) != NULL);                          \
      if (strstr (unit_o, (want)) == NULL)                              \
        fprintf (stderr, "  in: [%s]\n", unit_o);                       \
    }                                                                   \
  while (0)

/* The messages of staff in LANG from now on, as --check would print
   them with LANGUAGE=LANG.  */
static void
staff_language (const char *lang)
{
  setenv ("LANGUAGE", lang, 1);
  i18n_init (LOCALEDIR);
}

static char *
print_diags (struct diag_list *d)
{
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&out, &len);

  diag_list_print (f, d, false);
  fclose (f);
  return out;
}

/* Loads BUF as page "p" in LANG; returns it (or NULL), the messages in
   *MSGS (caller frees).  */
static struct page *
load_in (const char *buf, const char *lang, char **msgs)
{
  struct diag_list d;
  struct page *p;

  diag_list_init (&d);
  p = load_page ("p.yaml", buf, strlen (buf), lang, "p", LOAD_FULL, &set,
                 &d);
  *msgs = print_diags (&d);
  diag_list_done (&d);
  return p;
}

static struct page *
load (const char *buf, char **msgs)
{
  return load_in (buf, "fr", msgs);
}

/* BUF must load (or not, as OK says) with exactly the messages WANT.  */
static void
expect (const char *buf, bool ok, const char *want)
{
  char *msgs;
  struct page *p = load (buf, &msgs);

  CHECK (ok ? p != NULL : p == NULL);
  CHECK_STR (msgs, want);
  page_free (p);
  free (msgs);
}

#define HEAD "id: p\ntitle: T\nsummary: S.\n"

/* ------------------------------------------------------------------ */
/* Warning levels.  */

static void
test_levels (void)
{
  char *msgs;
  struct page *p = load (HEAD "blocks:\n"
                         "  - warning: {level: emergency, text: a}\n"
                         "  - warning: {level: urgent, text: b}\n"
                         "  - warning: {level: info, text: c}\n", &msgs);

  CHECK_STR (msgs, "");
  CHECK (p != NULL);
  if (p != NULL)
    {
      CHECK_INT (p->blocks[0].level, LEVEL_EMERGENCY);
      CHECK_INT (p->blocks[1].level, LEVEL_URGENT);
      CHECK_INT (p->blocks[2].level, LEVEL_INFO);
    }
  page_free (p);
  free (msgs);

  /* No level: a warning, and the box is urgent (errs towards calling).  */
  p = load (HEAD "blocks:\n  - text: x\n  - warning: {text: b}\n", &msgs);
  CHECK_STR (msgs, "p.yaml:6:5: warning: block 2: this warning has no"
                   " 'level'; it is shown as urgent (add level: emergency,"
                   " urgent or info)\n");
  CHECK (p != NULL);
  if (p != NULL)
    CHECK_INT (p->blocks[1].level, LEVEL_URGENT);
  page_free (p);
  free (msgs);

  expect (HEAD "blocks:\n  - warning: {level: urgnet, text: b}\n", false,
          "p.yaml:5:22: error: block 1: 'level' cannot be 'urgnet'; did"
          " you mean 'urgent'?\n");
  expect (HEAD "blocks:\n  - warning: {level: danger, text: b}\n", false,
          "p.yaml:5:22: error: block 1: 'level' must be one of: emergency,"
          " urgent, info\n");
}

/* ------------------------------------------------------------------ */
/* Reviews and sources.  */

static void
test_review (void)
{
  char *msgs;
  struct page *p = load_in (HEAD "review:\n  by: Dr Martin\n"
                            "  date: 2026-12-01\n  next: 2027-03-02\n"
                            "sources:\n"
                            "  - title: Un rapport\n    publisher: HAS\n"
                            "    year: 2014\n"
                            "    url: https://www.has-sante.fr\n"
                            "  - {title: Un article, publisher: Un site}\n"
                            "blocks: [{text: a}]\n", "en", &msgs);

  CHECK_STR (msgs, "");
  CHECK (p != NULL);
  if (p == NULL)
    return;
  CHECK_STR (p->review.by, "Dr Martin");
  CHECK_INT (p->review.date.year, 2026);
  CHECK_INT (p->review.date.month, 12);
  CHECK_INT (p->review.date.day, 1);
  CHECK_INT (p->review.next.month, 3);
  CHECK_INT (p->review.next_at.line, 7);
  CHECK_INT (p->review.next_at.col, 9);
  CHECK_INT (p->nsources, 2);
  CHECK (p->has_sources);
  CHECK_STR (p->sources[0].title, "Un rapport");
  CHECK_STR (p->sources[0].publisher, "HAS");
  CHECK_INT (p->sources[0].year, 2014);
  CHECK_STR (p->sources[0].url, "https://www.has-sante.fr");
  CHECK_INT (p->sources[1].year, 0);
  CHECK (p->sources[1].url == NULL);
  /* The line the page ends with, in the page's language.  */
  CHECK_STR (p->review_line, "Reviewed by Dr Martin on 1 December 2026."
                             " Next review due: 2 March 2027.");
  CHECK_STR (p->sources_label, "Sources");
  page_free (p);
  free (msgs);

  p = load_in (HEAD "review: {by: Dr Martin, date: 2026-12-01,"
               " next: 2027-03-02}\nblocks: [{text: a}]\n", "fr", &msgs);
  CHECK (p != NULL);
  if (p != NULL)
    CHECK_STR (p->review_line, "Relu par Dr Martin le 1er décembre 2026."
                               " Prochaine relecture prévue : 2 mars 2027.");
  CHECK (p != NULL && !p->has_sources && p->sources_label == NULL);
  page_free (p);
  free (msgs);

  /* An empty list: a page that needs no sources.  */
  p = load (HEAD "sources: []\nblocks: [{text: a}]\n", &msgs);
  CHECK (p != NULL && p->has_sources && p->nsources == 0);
  page_free (p);
  free (msgs);
}

static void
test_review_errors (void)
{
  expect (HEAD "review: {by: X, date: 2026-13-01, next: 2027-01-01}\n"
          "blocks: [{text: a}]\n", false,
          "p.yaml:4:23: error: 'date' is '2026-13-01'; write a real date as"
          " year-month-day, such as 2027-01-31\n");
  /* Both dates wrong: both said.  */
  expect (HEAD "review: {by: X, date: 1/12/2026, next: 2027-02-29}\n"
          "blocks: [{text: a}]\n", false,
          "p.yaml:4:23: error: 'date' is '1/12/2026'; write a real date as"
          " year-month-day, such as 2027-01-31\n"
          "p.yaml:4:40: error: 'next' is '2027-02-29'; write a real date as"
          " year-month-day, such as 2027-01-31\n");
  /* A leap day that exists.  */
  expect (HEAD "review: {by: X, date: 2028-02-29, next: 2029-01-01}\n"
          "blocks: [{text: a}]\n", true, "");
  expect (HEAD "review: {by: X, date: 2027-01-01, next: 2027-01-01}\n"
          "blocks: [{text: a}]\n", false,
          "p.yaml:4:41: error: the next review (2027-01-01) must come after"
          " the review (2027-01-01)\n");
  expect (HEAD "review: {by: X, date: 2027-01-01}\nblocks: [{text: a}]\n",
          false, "p.yaml:4:9: error: review has no 'next'; add it\n");
  expect (HEAD "review: Dr X\nblocks: [{text: a}]\n", false,
          "p.yaml:4:9: error: 'review' must be a mapping of keys (by, date,"
          " next), not a text\n");
  expect (HEAD "review: {by: X, date: 2027-01-01, next: 2028-01-01,"
          " nxet: 1}\nblocks: [{text: a}]\n", false,
          "p.yaml:4:53: error: unknown key 'nxet' in review; did you mean"
          " 'next'?\n");
}

static void
test_source_errors (void)
{
  expect (HEAD "sources:\n  - title: A\nblocks: [{text: a}]\n", false,
          "p.yaml:5:5: error: source 1: source has no 'publisher'; add"
          " it\n");
  expect (HEAD "sources:\n  - {title: A, publisher: B}\n"
          "  - {title: A, publisher: B, url: www.has-sante.fr}\n"
          "blocks: [{text: a}]\n", false,
          "p.yaml:6:35: error: source 2: the url 'www.has-sante.fr' must"
          " start with https:// or http:// and hold no spaces\n");
  expect (HEAD "sources:\n  - {title: A, publisher: B, year: 14}\n"
          "blocks: [{text: a}]\n", false,
          "p.yaml:5:36: error: source 1: 'year' is 14; it must be between"
          " 1900 and 2999\n");
  expect (HEAD "sources: HAS 2014\nblocks: [{text: a}]\n", false,
          "p.yaml:4:10: error: 'sources' must be a list (each source starts"
          " with '-'), not a text\n");
  expect (HEAD "sources: [HAS]\nblocks: [{text: a}]\n", false,
          "p.yaml:4:11: error: source 1: a source must be a mapping with"
          " title, publisher, year and url, not a text\n");
}

/* The loader's new messages, in French.  */
static void
test_french_messages (void)
{
  staff_language ("fr");
  expect (HEAD "blocks:\n  - warning: {text: b}\n", true,
          "p.yaml:5:5: avertissement: bloc 1: cet avertissement n'a pas de"
          " 'level' ; il est affiché comme urgent (ajoutez level: emergency,"
          " urgent ou info)\n");
  expect (HEAD "review: {by: X, date: 2026-02-30, next: 2028-01-01}\n"
          "blocks: [{text: a}]\n", false,
          "p.yaml:4:23: erreur: 'date' vaut '2026-02-30' ; écrivez une date"
          " qui existe sous la forme année-mois-jour, comme 2027-01-31\n");
  expect (HEAD "review: {by: X, date: 2027-01-02, next: 2027-01-01}\n"
          "blocks: [{text: a}]\n", false,
          "p.yaml:4:41: erreur: la prochaine relecture (2027-01-01) doit"
          " venir après la relecture (2027-01-02)\n");
  expect (HEAD "review: [X]\nblocks: [{text: a}]\n", false,
          "p.yaml:4:9: erreur: 'review' doit être un ensemble de clés (by,"
          " date, next), et non une liste\n");
  expect (HEAD "sources:\n  - {title: A, publisher: B, url: ftp://x}\n"
          "blocks: [{text: a}]\n", false,
          "p.yaml:5:35: erreur: source 1: l'adresse 'ftp://x' doit"
          " commencer par https:// ou http:// et ne contenir aucune"
          " espace\n");
  expect (HEAD "sources: 1\nblocks: [{text: a}]\n", false,
          "p.yaml:4:10: erreur: 'sources' doit être une liste (chaque"
          " source commence par '-'), et non un texte\n");
  expect (HEAD "sources: [1]\nblocks: [{text: a}]\n", false,
          "p.yaml:4:11: erreur: source 1: une source doit être un ensemble"
          " de clés title, publisher, year et url, et non un texte\n");
  expect (HEAD "blocks:\n  - qr: contacts\n", false,
          "p.yaml:5:5: erreur: bloc 1: 'qr' ne peut pas valoir 'contacts'"
          " ; vouliez-vous dire 'contact' ?\n");
  expect (HEAD "blocks:\n  - qr: phone\n", false,
          "p.yaml:5:5: erreur: bloc 1: 'qr' ne peut valoir que 'contact'"
          " (le nom et le numéro de téléphone de la clinique)\n");
  staff_language ("en");
}

/* ------------------------------------------------------------------ */
/* The contact card.  */

static void
test_contact_card (void)
{
  struct settings s;
  char *text, *msgs;
  struct page *p;
  uint8_t *m;
  unsigned size = 0;

  settings_init (&s);
  CHECK (qr_contact_text (&s, "fr") == NULL);
  CHECK (qr_page_new (&s, "fr") == NULL);
  s.clinic.phone = "(ask us)";
  CHECK (qr_contact_text (&s, "fr") == NULL);
  s.clinic.name = "Cabinet médical; Dr Ève, Paris: 2e";
  s.clinic.phone = "+33 (0)1 23-45-67.89";
  text = qr_contact_text (&s, "fr");
  /* The MECARD escapes, and only the digits and a leading '+'.  */
  CHECK_STR (text, "MECARD:N:Cabinet médical\\; Dr Ève\\, Paris\\: 2e;"
                   "TEL:+330123456789;;");
  m = qr_encode (text, &size);
  CHECK (m != NULL);
  /* Version 3 or 4 at most, so that it fits an 80x24 screen.  */
  CHECK (size >= 21 && size <= 33);
  /* Finder patterns in three corners: dark rings, dark centres.  */
  if (m != NULL && size >= 21)
    {
      CHECK (m[0] && m[6] && m[6 * size] && !m[size + 1] && m[3 * size + 3]);
      CHECK (m[size - 1] && m[(size - 1) * size] && !m[size * size - 1 - 7]);
    }
  free (m);
  free (text);

  p = qr_page_new (&s, "fr");
  CHECK (p != NULL);
  if (p != NULL)
    {
      CHECK_INT (p->nblocks, 1);
      CHECK_INT (p->blocks[0].kind, BLOCK_QR);
      CHECK (p->blocks[0].qr != NULL);
      CHECK_STR (p->blocks[0].text, "+33 (0)1 23-45-67.89");
      CHECK (p->title != NULL);
    }
  page_free (p);

  /* The screen of the card fits the text area of 80x24 (21 rows at 72
     columns, under the header and above the status line and buttons),
     code drawn, even for a long name.  */
  s.clinic.name = "Centre de médecine esthétique et du sport des Lilas";
  s.clinic.phone = "04 11 22 33 44";
  p = qr_page_new (&s, "fr");
  CHECK (p != NULL);
  if (p != NULL)
    {
      struct layout_options o;
      struct layout *l;

      memset (&o, 0, sizeof o);
      o.width = 72;
      o.rows = 21;
      o.charset = CHARSET_UTF8;
      o.french = true;
      l = layout_page (p, &o);
      CHECK (l->nlines <= 21);
      CHECK (l->nlines > 0 && l->lines[l->nlines - 1].nspans > 0
             && l->spans[l->lines[l->nlines - 1].span].role == ROLE_QR);
      layout_free (l);
    }
  page_free (p);

  /* A page's block gets its code from the settings it is loaded with;
     without a phone number it shows nothing.  */
  p = load (HEAD "blocks:\n  - qr: contact\n", &msgs);
  CHECK_STR (msgs, "");
  CHECK (p != NULL && p->blocks[0].qr != NULL && p->blocks[0].qr_size >= 21);
  page_free (p);
  free (msgs);
  {
    const char *phone = set.clinic.phone;

    set.clinic.phone = NULL;
    p = load (HEAD "blocks:\n  - qr: contact\n", &msgs);
    CHECK (p != NULL && p->blocks[0].qr == NULL
           && p->blocks[0].text == NULL);
    page_free (p);
    free (msgs);
    set.clinic.phone = phone;
  }
  settings_done (&s);
}

/* ------------------------------------------------------------------ */
/* Settings and placeholders.  */

static char *
load_settings_msgs (struct settings *s, const char *buf)
{
  struct diag_list d;
  char *out;

  diag_list_init (&d);
  load_settings ("kiosk.yaml", buf, strlen (buf), s, &d);
  out = print_diags (&d);
  diag_list_done (&d);
  return out;
}

static const char *
expand (const struct settings *s, const char *lang, struct arena *a,
        const char *text)
{
  const char *out;
  size_t off, len;

  if (subst_expand (s, lang, a, text, strlen (text), &out, &off, &len)
      != SUBST_OK)
    return NULL;
  return out;
}

static void
test_settings (void)
{
  struct settings s;
  struct arena a;
  char *msgs;

  settings_init (&s);
  arena_init (&a);
  /* The defaults, and wordings that read as part of a sentence.  */
  CHECK_STR (expand (&s, "en", &a, "{emergency}, {emergency_general},"
                     " {emergency_sms}."), "15, 112, 114.");
  CHECK_STR (expand (&s, "en", &a, "Call the clinic on {clinic.phone}."),
             "Call the clinic on the number you were given.");
  CHECK_STR (expand (&s, "fr", &a, "Appelez la clinique au {clinic.phone}."),
             "Appelez la clinique au numéro qui vous a été donné.");
  CHECK_STR (expand (&s, "fr", &a, "Demandez le prix. {clinic.cost}"),
             "Demandez le prix. ");
  CHECK_INT (s.unreviewed_pages, UNREVIEWED_MARK);

  msgs = load_settings_msgs (&s, "emergency_general: \"911\"\n"
                             "emergency_sms: \"1144\"\n"
                             "unreviewed_pages: hidden\n"
                             "clinic:\n  cost:\n    fr: \"Séance : 60 €.\"\n"
                             "    en: A session costs 60 euros.\n");
  CHECK_STR (msgs, "kiosk.yaml:3:19: error: 'unreviewed_pages' cannot be"
                   " 'hidden'; did you mean 'hide'? (this setting is"
                   " ignored)\n");
  free (msgs);
  CHECK_STR (expand (&s, "en", &a, "{emergency_general} {emergency_sms}"),
             "911 1144");
  CHECK_INT (s.unreviewed_pages, UNREVIEWED_MARK);
  CHECK_STR (expand (&s, "fr", &a, "{clinic.cost}"), "Séance : 60 €.");
  CHECK_STR (expand (&s, "en", &a, "{clinic.cost}"),
             "A session costs 60 euros.");
  CHECK_STR (expand (&s, "de", &a, "[{clinic.cost}]"), "[]");

  /* One text for every language.  */
  msgs = load_settings_msgs (&s, "clinic: {cost: 60 €}\n"
                             "unreviewed_pages: show\n");
  CHECK_STR (msgs, "");
  free (msgs);
  CHECK_STR (expand (&s, "de", &a, "{clinic.cost}"), "60 €");
  CHECK_INT (s.unreviewed_pages, UNREVIEWED_SHOW);

  msgs = load_settings_msgs (&s, "clinic:\n  cost:\n    french: 60 €\n");
  CHECK_STR (msgs, "kiosk.yaml:3:5: error: in 'cost', each key is a"
                   " language code (such as fr or en) (this setting is"
                   " ignored)\n");
  free (msgs);
  msgs = load_settings_msgs (&s, "clinic:\n  cost: [60]\n");
  CHECK_STR (msgs, "kiosk.yaml:2:9: error: 'cost' must be a text, or a text"
                   " for each language (fr: ..., en: ...), not a list (this"
                   " setting is ignored)\n");
  free (msgs);
  staff_language ("fr");
  msgs = load_settings_msgs (&s, "clinic:\n  cost: [60]\n");
  CHECK_STR (msgs, "kiosk.yaml:2:9: erreur: 'cost' doit être un texte, ou"
                   " un texte par langue (fr: ..., en: ...), et non une liste"
                   " (ce réglage est ignoré)\n");
  free (msgs);
  msgs = load_settings_msgs (&s, "clinic:\n  cost: {french: 60}\n");
  CHECK_STR (msgs, "kiosk.yaml:2:10: erreur: dans 'cost', chaque clé est un"
                   " code de langue (comme fr ou en) (ce réglage est"
                   " ignoré)\n");
  free (msgs);
  staff_language ("en");
  arena_done (&a);
  settings_done (&s);
}

/* ------------------------------------------------------------------ */
/* The layout of the levels, the sources and the card.  */

/* P laid out with O, as --dump prints it.  */
static char *
dumped (const struct page *p, const struct layout_options *o)
{
  struct layout *l = layout_page (p, o);
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&out, &len);

  dump_layout (f, l, o->charset);
  fclose (f);
  layout_free (l);
  return out;
}

static void
test_layout_levels (void)
{
  char *msgs, *out;
  struct layout_options o;
  struct page *p = load_in (HEAD "review: {by: X, date: 2026-12-01,"
                            " next: 2027-12-01}\n"
                            "sources: [{title: T, publisher: P, year: 2014,"
                            " url: https://a.example/b-c}]\n"
                            "blocks:\n"
                            "  - warning: {level: emergency, title: E, text: a}\n"
                            "  - warning: {level: urgent, title: U, text: b}\n"
                            "  - warning: {level: info, title: I, text: c}\n",
                            "en", &msgs);

  CHECK (p != NULL);
  if (p == NULL)
    return;
  memset (&o, 0, sizeof o);
  o.width = 24;
  o.charset = CHARSET_UTF8;
  out = dumped (p, &o);
  CHECK_STR (out,
             "T\n"
             "S.\n"
             "\n"
             "╔═ Emergency ══════════╗\n"
             "║ E                    ║\n"
             "║ a                    ║\n"
             "╚══════════════════════╝\n"
             "\n"
             "┌─ Urgent ─────────────┐\n"
             "│ U                    │\n"
             "│ b                    │\n"
             "└──────────────────────┘\n"
             "\n"
             "  ╭┄ Information ┄┄┄┄┄┄╮\n"
             "  ┆ I                  ┆\n"
             "  ┆ c                  ┆\n"
             "  ╰┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄╯\n"
             "\n"
             "Sources\n"
             "• T. P, 2014.\n"
             "  https://a.example/b-c\n"
             "\n"
             "Reviewed by X on 1\n"
             "December 2026. Next\n"
             "review due: 1 December\n"
             "2027.\n");
  free (out);
  /* ASCII: a frame of its own for each level.  */
  o.charset = CHARSET_ASCII;
  out = dumped (p, &o);
  CHECK_IN (out, "#= Emergency ==========#\n# E                    #\n");
  CHECK_IN (out, "+- Urgent -------------+\n| U                    |\n");
  CHECK_IN (out, "  .. Information .......\n  : I                  :\n"
                      "  : c                  :\n  '....................'\n");
  free (out);
  /* Plain: no frames; the word says the level, information set in.  */
  o.charset = CHARSET_UTF8;
  o.plain = true;
  out = dumped (p, &o);
  CHECK_IN (out, "\nEmergency:\nE\na\n\nUrgent:\nU\nb\n\n"
                      "  Information:\n  I\n  c\n");
  free (out);
  /* The words can be given (the kiosk translates them).  */
  o.level_labels[LEVEL_EMERGENCY] = "Urgence vitale";
  out = dumped (p, &o);
  CHECK_IN (out, "\nUrgence vitale:\n");
  free (out);
  page_free (p);
  free (msgs);
}

static void
test_layout_card (void)
{
  char *msgs, *out;
  struct layout_options o;
  struct page *p = load_in (HEAD "blocks:\n  - qr: contact\n", "en", &msgs);
  const struct block *b = p != NULL ? &p->blocks[0] : NULL;
  unsigned side, rows;

  CHECK (b != NULL && b->qr != NULL);
  if (b == NULL || b->qr == NULL)
    {
      page_free (p);
      free (msgs);
      return;
    }
  side = b->qr_size + 2 * QR_QUIET;
  rows = (side + 1) / 2;
  memset (&o, 0, sizeof o);
  o.width = 72;
  o.charset = CHARSET_UTF8;
  out = dumped (p, &o);
  /* Half blocks, the name and number beside them.  */
  CHECK_IN (out, "█▀▀▀▀▀█");
  CHECK_IN (out, "  01\xC2\xA0" "02\xC2\xA0" "03\xC2\xA0" "04\xC2\xA0"
                      "05\n");
  free (out);
  /* Too few rows for it, the Linux console's fonts, plain mode, a narrow
     screen: the name and number as text.  */
  for (int k = 0; k < 4; k++)
    {
      struct layout_options t = o;

      if (k == 0)
        t.rows = rows - 1;
      else if (k == 1)
        t.charset = CHARSET_LATIN;
      else if (k == 2)
        t.plain = true;
      else
        t.width = side - 1;
      out = dumped (p, &t);
      CHECK (strstr (out, "▀") == NULL && strstr (out, "█") == NULL);
      CHECK_IN (out, "Clinique des Tests: 01");
      free (out);
    }
  /* Just enough rows.  */
  o.rows = rows;
  out = dumped (p, &o);
  CHECK_IN (out, "█");
  free (out);
  page_free (p);
  free (msgs);
}

/* ------------------------------------------------------------------ */
/* The checker.  */

static void
put (const char *path, const char *text)
{
  char *full = xasprintf ("%s/%s", root, path);
  char *slash = strrchr (full, '/');
  FILE *f;

  *slash = '\0';
  for (char *q = full + strlen (root) + 1; (q = strchr (q, '/')) != NULL;
       q++)
    {
      *q = '\0';
      mkdir (full, 0755);
      *q = '/';
    }
  mkdir (full, 0755);
  *slash = '/';
  f = fopen (full, "w");
  if (f == NULL)
    abort ();
  fputs (text, f);
  fclose (f);
  free (full);
}

#define REVIEWED "review: {by: X, date: 2026-01-01, next: 2027-01-01}\n"

/* Checks the two layers under ROOT; returns the messages with ROOT/ cut
   off (caller frees), and the library in *LIBP if LIBP is not NULL.  */
static char *
run_check (struct library **libp)
{
  char *a = xasprintf ("%s/shipped", root), *b = xasprintf ("%s/clinic", root);
  const char *layers[] = { a, b };
  struct library *lib = library_open (layers, 2, 0);
  char *out, *cut;
  size_t n = strlen (root) + 1;

  check_library (lib);
  out = print_diags (library_diags (lib));
  /* Paths relative to ROOT.  */
  cut = xstrdup ("");
  for (char *s = out; *s != '\0';)
    {
      char *t;

      if (strncmp (s, root, n - 1) == 0 && s[n - 1] == '/')
        s += n;
      t = xasprintf ("%s%c", cut, *s++);
      free (cut);
      cut = t;
    }
  free (out);
  if (libp != NULL)
    *libp = lib;
  else
    library_free (lib);
  free (a);
  free (b);
  return cut;
}

static void
make_library (const char *unreviewed)
{
  char *cmd = xasprintf ("rm -rf '%s/shipped' '%s/clinic'", root, root);
  char *k;

  if (system (cmd) != 0)
    abort ();
  free (cmd);
  put ("shipped/kiosk.yaml", "clinic: {phone: '01 02'}\nlanguages: [fr]\n"
                             "menu: [signes-alerte]\n");
  put ("shipped/fr/signes-alerte.yaml",
       "id: signes-alerte\ntitle: Signes\nsummary: S.\n" REVIEWED
       "sources: []\nblocks:\n  - warning: {level: emergency, text: a}\n");
  /* A shipped page with neither review nor sources.  */
  put ("shipped/fr/vieille.yaml",
       "id: vieille\ntitle: V\nsummary: S.\nblocks: [{text: a}]\n");
  /* The clinic: its own version of the warning page, unreviewed, and a
     new page, unreviewed.  */
  k = xasprintf ("unreviewed_pages: %s\n", unreviewed);
  put ("clinic/kiosk.yaml", k);
  free (k);
  put ("clinic/fr/signes-alerte.yaml",
       "id: signes-alerte\ntitle: Signes\nsummary: S.\nsources: []\n"
       "blocks:\n  - warning: {level: emergency, text: a}\n");
  put ("clinic/fr/horaires.yaml",
       "id: horaires\ntitle: Horaires\nsummary: S.\nsources: []\n"
       "blocks: [{text: a}]\n");
}

static void
test_check_reviews (void)
{
  struct library *lib;
  const struct page *p;
  char *out;

  setenv ("MESOKIOSK_TODAY", "2026-06-01", 1);
  make_library ("mark");
  out = run_check (&lib);
  CHECK_STR (out,
             "clinic/fr/horaires.yaml: warning: the page 'horaires' has no"
             " review: patients see that the clinic has not reviewed it (add"
             " review: with by, date and next)\n"
             "clinic/fr/signes-alerte.yaml: warning: the page 'signes-alerte'"
             " has no review: patients see that the clinic has not reviewed"
             " it (add review: with by, date and next)\n"
             "shipped/fr/vieille.yaml: warning: the page 'vieille' has no"
             " review (add review: with by, date and next)\n"
             "shipped/fr/vieille.yaml: warning: the page 'vieille' lists no"
             " sources (add sources: with title, publisher, year and url; or"
             " 'sources: []' on a page with no medical facts)\n");
  free (out);
  /* Patients see the clinic's pages marked; the shipped page is the
     project's, and the warning page is the clinic's.  */
  p = library_page (lib, "horaires", "fr");
  CHECK (p != NULL && p->layer == 1);
  CHECK (p != NULL && p->review_note != NULL);
  p = library_page (lib, "vieille", "fr");
  CHECK (p != NULL && p->layer == 0 && p->review_note == NULL);
  library_free (lib);

  /* Hidden: the clinic's unreviewed page is not shown; the warning page
     is, marked.  */
  make_library ("hide");
  out = run_check (&lib);
  CHECK (strstr (out, "clinic/fr/horaires.yaml: warning: the page"
                      " 'horaires' has no review: patients do not see it"
                      " (unreviewed_pages: hide; add review: with by, date"
                      " and next)\n") != NULL);
  CHECK_IN (out, "the page 'signes-alerte' has no review: patients see"
                      " that the clinic has not reviewed it");
  free (out);
  CHECK (library_page (lib, "horaires", "fr") == NULL);
  CHECK (library_header (lib, "horaires", "fr") == NULL);
  CHECK (!library_exists (lib, "horaires", "fr"));
  CHECK (library_unreviewed_hidden (lib, "horaires", "fr"));
  p = library_page (lib, "signes-alerte", "fr");
  CHECK (p != NULL && p->review_note != NULL);
  library_free (lib);

  /* Shown as they are.  */
  make_library ("show");
  out = run_check (&lib);
  CHECK_IN (out, "clinic/fr/horaires.yaml: warning: the page"
                      " 'horaires' has no review (add review: with by, date"
                      " and next)\n");
  free (out);
  p = library_page (lib, "horaires", "fr");
  CHECK (p != NULL && p->review_note == NULL);
  library_free (lib);

  /* A header read of a clinic's page in hide mode reads it whole: a menu
     never lists a page it cannot open.  */
  make_library ("hide");
  {
    char *a = xasprintf ("%s/shipped", root);
    char *b = xasprintf ("%s/clinic", root);
    const char *layers[] = { a, b };

    lib = library_open (layers, 2, 0);
    CHECK (library_header (lib, "horaires", "fr") == NULL);
    CHECK (library_header (lib, "vieille", "fr") != NULL);
    library_free (lib);
    free (a);
    free (b);
  }

  /* Overdue, in English and in French.  */
  put ("clinic/fr/horaires.yaml",
       "id: horaires\ntitle: Horaires\nsummary: S.\n" REVIEWED
       "sources: []\nblocks: [{text: a}]\n");
  setenv ("MESOKIOSK_TODAY", "2027-01-02", 1);
  out = run_check (NULL);
  CHECK_IN (out, "clinic/fr/horaires.yaml:4:41: warning: the page"
                      " 'horaires' was due for review on 2027-01-01: review"
                      " it, then update 'date' and 'next'\n");
  free (out);
  staff_language ("fr");
  out = run_check (NULL);
  CHECK_IN (out, "clinic/fr/horaires.yaml:4:41: avertissement: la page"
                      " 'horaires' devait être relue le 2027-01-01 :"
                      " relisez-la, puis mettez à jour 'date' et 'next'\n");
  CHECK_IN (out, "shipped/fr/vieille.yaml: avertissement: la page"
                      " 'vieille' n'a pas de relecture (ajoutez review: avec"
                      " by, date et next)\n");
  CHECK (strstr (out, "shipped/fr/vieille.yaml: avertissement: la page"
                      " 'vieille' ne donne aucune source (ajoutez sources:"
                      " avec title, publisher, year et url ; ou 'sources: []'"
                      " sur une page sans information médicale)\n") != NULL);
  CHECK_IN (out, "clinic/fr/signes-alerte.yaml: avertissement: la page"
                      " 'signes-alerte' n'a pas de relecture : les patients"
                      " voient que la clinique ne l'a pas relue (ajoutez"
                      " review: avec by, date et next)\n");
  free (out);
  put ("clinic/kiosk.yaml", "unreviewed_pages: hide\n");
  put ("clinic/fr/horaires.yaml",
       "id: horaires\ntitle: Horaires\nsummary: S.\nsources: []\n"
       "blocks: [{text: a}]\n");
  out = run_check (NULL);
  CHECK (strstr (out, "clinic/fr/horaires.yaml: avertissement: la page"
                      " 'horaires' n'a pas de relecture : les patients ne la"
                      " voient pas (unreviewed_pages: hide ; ajoutez review:"
                      " avec by, date et next)\n") != NULL);
  free (out);
  setenv ("MESOKIOSK_TODAY", "hier", 1);
  out = run_check (NULL);
  CHECK (strstr (out, "avertissement: MESOKIOSK_TODAY vaut 'hier', qui"
                      " n'est pas une date comme 2027-01-31 ; la date du"
                      " jour est utilisée\n") != NULL);
  free (out);
  staff_language ("en");
  out = run_check (NULL);
  CHECK (strstr (out, "warning: MESOKIOSK_TODAY is 'hier', not a date such"
                      " as 2027-01-31; today's date is used\n") != NULL);
  free (out);
  setenv ("MESOKIOSK_TODAY", "2026-06-01", 1);
}

static void
test_check_levels (void)
{
  char *out;

  make_library ("mark");
  put ("shipped/kiosk.yaml", "clinic: {phone: 'ask us'}\n"
                             "languages: [fr, en]\n");
  put ("shipped/en/signes-alerte.yaml",
       "id: signes-alerte\ntitle: Signs\nsummary: S.\n" REVIEWED
       "sources: []\nblocks:\n  - warning: {level: urgent, text: a}\n");
  put ("shipped/en/vieille.yaml",
       "id: vieille\ntitle: V\nsummary: S.\nblocks: [{text: a}]\n");
  put ("clinic/kiosk.yaml", "idle_seconds: 120\n");
  put ("clinic/fr/signes-alerte.yaml",
       "id: signes-alerte\ntitle: Signes\nsummary: S.\n" REVIEWED
       "sources: []\nblocks:\n  - warning: {level: emergency, text: a}\n");
  put ("clinic/en/horaires.yaml",
       "id: horaires\ntitle: Hours\nsummary: S.\n" REVIEWED
       "sources: []\nblocks: [{text: a}]\n");
  put ("clinic/fr/horaires.yaml",
       "id: horaires\ntitle: Horaires\nsummary: S.\n" REVIEWED
       "sources: []\nblocks: [{text: a}]\n");
  out = run_check (NULL);
  /* Set for every clinic in the shipped file: told in the clinic's.  */
  CHECK_IN (out, "clinic/kiosk.yaml:1: warning: the clinic's phone number"
                 " 'ask us' has no digits: give the clinic's own 'phone:'"
                 " under 'clinic:' in this file; until then the"
                 " warning-signs page shows no contact card\n");
  CHECK (strstr (out, "shipped/kiosk.yaml") == NULL);
  CHECK_IN (out, "shipped/en/signes-alerte.yaml: warning: the warning"
                      " boxes are not of the same levels as in the 'fr'"
                      " version (urgent here, emergency there)\n");
  free (out);
  staff_language ("fr");
  out = run_check (NULL);
  CHECK_IN (out, "clinic/kiosk.yaml:1: avertissement: le numéro de"
                 " téléphone de la clinique 'ask us' ne contient aucun"
                 " chiffre : donnez le numéro de la clinique ('phone:' sous"
                 " 'clinic:') dans ce fichier ; d'ici là, la page des signes"
                 " d'alerte n'affiche pas de fiche contact\n");
  CHECK_IN (out, "shipped/en/signes-alerte.yaml: avertissement: les"
                      " encadrés d'avertissement ne sont pas des mêmes"
                      " niveaux que dans la version 'fr' (urgent ici,"
                      " emergency là-bas)\n");
  free (out);
  put ("shipped/kiosk.yaml", "languages: [fr, en]\n");
  out = run_check (NULL);
  CHECK_IN (out, "clinic/kiosk.yaml:1: avertissement: le numéro de"
                 " téléphone de la clinique n'est pas renseigné : ajoutez"
                 " 'clinic:' à ce fichier, avec 'phone:' et le numéro en"
                 " dessous ; d'ici là, les pages disent « le numéro qui vous"
                 " a été donné » à la place, et n'affichent pas de fiche"
                 " contact\n");
  free (out);
  staff_language ("en");
  out = run_check (NULL);
  CHECK_IN (out, "clinic/kiosk.yaml:1: warning: the clinic's phone number"
                 " is not set: add 'clinic:' to this file, with 'phone:' and"
                 " the number under it; until then the pages say \"the"
                 " number you were given\" instead, and show no contact"
                 " card\n");
  free (out);
}

/* A setting the clinic has not set is told in the clinic's kiosk.yaml,
   the one staff edit: at the key it belongs under, or at line 1, or at
   the file to be made; never in the shipped file.  */
static void
test_check_settings_home (void)
{
  char *out;

  make_library ("mark");
  put ("shipped/kiosk.yaml", "clinic:\n  name: Cabinet\nlanguages: [fr]\n"
                             "menu: [signes-alerte]\n");
  put ("clinic/kiosk.yaml", "# Nos réglages\nidle_seconds: 300\n"
                            "clinic:\n  name: Cabinet Martin\n");
  out = run_check (NULL);
  CHECK_IN (out, "clinic/kiosk.yaml:3:1: warning: the clinic's phone number"
                 " is not set: add 'phone:' with the number under 'clinic:'"
                 " here;");
  CHECK (strstr (out, "shipped/kiosk.yaml") == NULL);
  free (out);
  /* A lower clinic layer's file does not count when a higher one has
     its own; the topmost one is where the settings go.  */
  put ("clinic/kiosk.yaml", "idle_seconds: 300\n");
  out = run_check (NULL);
  CHECK_IN (out, "clinic/kiosk.yaml:1: warning: the clinic's phone number"
                 " is not set: add 'clinic:' to this file,");
  CHECK (strstr (out, "note:") == NULL);
  free (out);
  /* No clinic file at all: the one to make, and a note that says so.  */
  put ("clinic/fr/autre.yaml", "id: autre\ntitle: A\nsummary: S.\n"
       REVIEWED "sources: []\nblocks: [{text: a}]\n");
  {
    char *k = xasprintf ("%s/clinic/kiosk.yaml", root);

    unlink (k);
    free (k);
  }
  out = run_check (NULL);
  CHECK_IN (out, "clinic/kiosk.yaml: warning: the clinic's phone number is"
                 " not set: add 'clinic:' to this file,");
  CHECK_IN (out, "clinic/kiosk.yaml: note: this file does not exist yet:"
                 " create it, with only the settings the clinic changes\n");
  free (out);
  /* What the clinic's own file sets is told where it sets it.  */
  put ("clinic/kiosk.yaml", "clinic:\n  phone: standard\n"
                            "warning_page: signes\n");
  out = run_check (NULL);
  CHECK_IN (out, "clinic/kiosk.yaml:2:10: warning: the clinic's phone"
                 " number 'standard' has no digits; the warning-signs page"
                 " shows no contact card\n");
  CHECK_IN (out, "clinic/kiosk.yaml:3:15: error: the warning-signs page"
                 " 'signes' does not exist; the key that opens it will not"
                 " work\n");
  free (out);
  /* Left as shipped, a warning page that does not exist (the shipped
     file names it; the clinic hides nothing here, it just is not
     there): the fix goes in the clinic's file.  */
  put ("shipped/kiosk.yaml", "clinic: {phone: '01 02'}\nlanguages: [fr]\n"
                             "warning_page: alerte\n");
  put ("clinic/kiosk.yaml", "idle_seconds: 300\n");
  out = run_check (NULL);
  CHECK_IN (out, "clinic/kiosk.yaml:1: error: the warning-signs page"
                 " 'alerte' does not exist; the key that opens it will not"
                 " work: add warning_page: with the id of the clinic's page"
                 " to this file\n");
  free (out);
  /* The default language, left as shipped, and languages the clinic
     set without it: told at the clinic's 'languages'.  */
  put ("shipped/kiosk.yaml", "clinic: {phone: '01 02'}\n"
                             "default_language: fr\n");
  put ("shipped/en/signes-alerte.yaml",
       "id: signes-alerte\ntitle: Signs\nsummary: S.\n" REVIEWED
       "sources: []\nblocks:\n  - warning: {level: emergency, text: a}\n");
  put ("clinic/kiosk.yaml", "idle_seconds: 300\nlanguages: [en]\n");
  out = run_check (NULL);
  CHECK_IN (out, "clinic/kiosk.yaml:2:1: error: the default language 'fr'"
                 " is not one of the languages offered: add"
                 " default_language: with one of them to this file\n");
  free (out);
}

/* A link or a menu entry to a page that does not exist: the closest
   page id, when one is close.  */
static void
test_check_did_you_mean (void)
{
  char *out;

  make_library ("mark");
  put ("clinic/kiosk.yaml", "menu: [signes-alerte, signe-alert, zzz]\n");
  put ("clinic/fr/autre.yaml", "id: autre\ntitle: A\nsummary: S.\n"
       REVIEWED "sources: []\nblocks:\n  - text: a\n"
       "  - link: signes-alertes\n  - link: introuvable\n");
  out = run_check (NULL);
  CHECK_IN (out, "clinic/kiosk.yaml:1:23: error: the menu lists"
                 " 'signe-alert', but there is no such page; did you mean"
                 " 'signes-alerte'?\n");
  CHECK_IN (out, "clinic/kiosk.yaml:1:36: error: the menu lists 'zzz', but"
                 " there is no such page\n");
  CHECK_IN (out, "clinic/fr/autre.yaml:8:11: error: the link to"
                 " 'signes-alertes' leads nowhere: there is no such page;"
                 " did you mean 'signes-alerte'?\n");
  CHECK_IN (out, "clinic/fr/autre.yaml:9:11: error: the link to"
                 " 'introuvable' leads nowhere: there is no such page\n");
  free (out);
}

int
main (void)
{
  staff_language ("en");
  setenv ("MESOKIOSK_TODAY", "2026-06-01", 1);
  settings_init (&set);
  set.clinic.name = "Clinique des Tests";
  set.clinic.phone = "01 02 03 04 05";
  snprintf (root, sizeof root, "/tmp/mk-test-review.XXXXXX");
  if (mkdtemp (root) == NULL)
    return 99;
  RUN (test_levels);
  RUN (test_review);
  RUN (test_review_errors);
  RUN (test_source_errors);
  RUN (test_french_messages);
  RUN (test_contact_card);
  RUN (test_settings);
  RUN (test_layout_levels);
  RUN (test_layout_card);
  RUN (test_check_reviews);
  RUN (test_check_levels);
  RUN (test_check_settings_home);
  RUN (test_check_did_you_mean);
  {
    char *cmd = xasprintf ("rm -rf '%s'", root);

    if (system (cmd) != 0)
      fprintf (stderr, "could not remove %s\n", root);
    free (cmd);
  }
  settings_done (&set);
  return unit_done ();
}
