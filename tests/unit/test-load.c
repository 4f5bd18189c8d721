/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* test-load.c -- pages and settings from YAML: good files and every kind
   of mistake, with the exact messages staff will see.  */

#include "system.h"

#include "load.h"
#include "settings.h"
#include "unit.h"
#include "xalloc.h"
#include "yamlread.h"

static struct settings set;

/* Loads BUF as page "p" in French; returns the page (or NULL) and puts
   the messages, one per line, in *MSGS (caller frees).  */
static struct page *
load (const char *buf, enum load_mode mode, char **msgs)
{
  struct diag_list d;
  struct page *p;
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&out, &len);

  diag_list_init (&d);
  p = load_page ("p.yaml", buf, strlen (buf), "fr", "p", mode, &set, &d);
  diag_list_print (f, &d, false);
  fclose (f);
  diag_list_done (&d);
  *msgs = out;
  return p;
}

/* Checks that BUF fails with exactly the messages WANT.  */
static void
check_fails (const char *buf, const char *want)
{
  char *msgs;
  struct page *p = load (buf, LOAD_FULL, &msgs);

  CHECK (p == NULL);
  CHECK_STR (msgs, want);
  page_free (p);
  free (msgs);
}

static void
test_good_page (void)
{
  char *msgs;
  struct page *p = load (
    "id: p\n"
    "title: Après la séance\n"
    "summary: >-\n"
    "  Ce qui est normal,\n"
    "  et ce qui aide.\n"
    "keywords: [bleu, hématome]\n"
    "blocks:\n"
    "  - heading: Normal\n"
    "  - text: Un texte.\n"
    "  - list: [un, deux]\n"
    "  - warning:\n"
    "      level: emergency\n"
    "      title: Appelez\n"
    "      text: \"Le {emergency} ou le {clinic.phone}, {{vraiment}}.\"\n"
    "      list: [a]\n"
    "  - link: signes-alerte\n"
    "    label: Signes\n"
    "  - link: risques\n", LOAD_FULL, &msgs);

  CHECK_STR (msgs, "");
  CHECK (p != NULL);
  if (p == NULL)
    return;
  CHECK_STR (p->id, "p");
  CHECK_STR (p->lang, "fr");
  CHECK_STR (p->title, "Après la séance");
  CHECK_STR (p->summary, "Ce qui est normal, et ce qui aide.");
  CHECK_INT (p->keywords.n, 2);
  CHECK_STR (p->keywords.v[1], "hématome");
  CHECK (p->complete);
  CHECK_INT (p->nblocks, 6);
  CHECK_INT (p->blocks[0].kind, BLOCK_HEADING);
  CHECK_INT (p->blocks[1].kind, BLOCK_TEXT);
  CHECK_STR (p->blocks[1].text, "Un texte.");
  CHECK_INT (p->blocks[2].kind, BLOCK_LIST);
  CHECK_INT (p->blocks[2].items.n, 2);
  CHECK_INT (p->blocks[3].kind, BLOCK_WARNING);
  CHECK_STR (p->blocks[3].title, "Appelez");
  /* A phone number never breaks: no-break spaces.  */
  CHECK_STR (p->blocks[3].text, "Le 15 ou le 01\xC2\xA0" "02\xC2\xA0" "03\xC2\xA0"
             "04\xC2\xA0" "05, {vraiment}.");
  CHECK_INT (p->blocks[3].items.n, 1);
  CHECK_INT (p->blocks[4].kind, BLOCK_LINK);
  CHECK_STR (p->blocks[4].target, "signes-alerte");
  CHECK_STR (p->blocks[4].text, "Signes");
  CHECK_INT (p->blocks[3].level, LEVEL_EMERGENCY);
  CHECK_INT (p->blocks[4].line, 16);
  CHECK_INT (p->blocks[4].col, 5);
  CHECK_STR (p->blocks[5].text, NULL);
  page_free (p);
  free (msgs);
}

static void
test_header_only (void)
{
  char *msgs;
  /* The blocks are broken, but a header read never looks at them.  */
  struct page *p = load ("id: p\ntitle: T\nsummary: S\nblocks: 12\n",
                         LOAD_HEADER, &msgs);

  CHECK (p != NULL);
  CHECK_STR (msgs, "");
  if (p != NULL)
    {
      CHECK_STR (p->title, "T");
      /* A menu needs the title only: the read stops at the next key.  */
      CHECK (p->summary == NULL);
      CHECK (!p->complete);
      CHECK_INT (p->nblocks, 0);
    }
  page_free (p);
  free (msgs);
  /* So a summary after the title is not even looked at.  */
  p = load ("id: p\ntitle: T\nsummary: [a, b]\nblocks: 12\n", LOAD_HEADER,
            &msgs);
  CHECK (p != NULL);
  CHECK_STR (msgs, "");
  page_free (p);
  free (msgs);
  /* Blocks before the title: skipped, and the title still found.  */
  p = load ("id: p\nblocks: [{text: a}]\ntitle: T\nsummary: S\n",
            LOAD_HEADER, &msgs);
  CHECK (p != NULL);
  CHECK_STR (msgs, "");
  page_free (p);
  free (msgs);
}

static void
test_keys (void)
{
  check_fails ("id: p\ntitel: T\nsummary: S\nblocks: [{text: a}]\n",
               "p.yaml:2:1: error: unknown key 'titel' in page; did you"
               " mean 'title'?\n"
               "p.yaml:1:1: error: page has no 'title'; add it\n");
  check_fails ("id: p\ntitle: T\nsummary: S\nfoo: 1\nblocks: [{text: a}]\n",
               "p.yaml:4:1: error: unknown key 'foo' in page; the keys are:"
               " id, title, summary, keywords, blocks, review, sources\n");
  check_fails ("id: p\ntitle: T\ntitle: U\nsummary: S\nblocks: [{text: a}]\n",
               "p.yaml:3:1: error: 'title' is given twice in page (first"
               " at line 2); keep one\n");
  check_fails ("id: p\ntitle: [a, b]\nsummary: S\nblocks: [{text: a}]\n",
               "p.yaml:2:8: error: 'title' must be a text, not a list\n");
  check_fails ("id: p\ntitle:\nsummary: S\nblocks: [{text: a}]\n",
               "p.yaml:2:7: error: 'title' is empty\n");
  check_fails ("id: p\ntitle: T\nsummary: S\n",
               "p.yaml:1:1: error: page has no 'blocks'; add it\n");
  check_fails ("id: p\ntitle: T\nsummary: S\nblocks: []\n",
               "p.yaml:4:9: error: 'blocks' is empty; a page needs at least"
               " one block\n");
  check_fails ("- a\n- b\n",
               "p.yaml:1:1: error: page must be a mapping of keys, not a"
               " list\n");
}

static void
test_blocks (void)
{
  check_fails ("id: p\ntitle: T\nsummary: S\nblocks:\n  - text: a\n"
               "    list: [b]\n",
               "p.yaml:5:5: error: block 1: a block holds only one of"
               " heading, text, list, warning, link, qr; start a new block"
               " with '-' for each\n");
  check_fails ("id: p\ntitle: T\nsummary: S\nblocks:\n  - text: a\n"
               "  - wraning: {text: b}\n",
               "p.yaml:6:5: error: block 2: unknown key 'wraning' in block;"
               " did you mean 'warning'?\n");
  check_fails ("id: p\ntitle: T\nsummary: S\nblocks:\n  - {}\n",
               "p.yaml:5:5: error: block 1: a block needs one of: heading,"
               " text, list, warning, link, qr\n");
  check_fails ("id: p\ntitle: T\nsummary: S\nblocks:\n  - warning:\n"
               "      title: X\n",
               "p.yaml:5:5: error: block 1: a warning needs a 'text' or a"
               " 'list'\n");
  check_fails ("id: p\ntitle: T\nsummary: S\nblocks:\n  - link: Bad Id\n",
               "p.yaml:5:5: error: block 1: 'Bad Id' is not a page id"
               " (lowercase letters, digits and '-')\n");
  check_fails ("id: p\ntitle: T\nsummary: S\nblocks:\n  - text: a\n"
               "    label: b\n",
               "p.yaml:5:5: error: block 1: 'label' belongs to a link"
               " block\n");
  check_fails ("id: p\ntitle: T\nsummary: S\nblocks:\n  - just text\n",
               "p.yaml:5:5: error: block 1: a block must be a mapping such"
               " as 'text: ...', not a text\n");
}

static void
test_refused (void)
{
  check_fails ("id: p\ntitle: &a T\nsummary: S\nblocks: [{text: a}]\n",
               "p.yaml:2:8: error: anchors (&name) are not supported; write"
               " the value out in full\n");
  check_fails ("id: p\ntitle: T\nsummary: *a\nblocks: [{text: a}]\n",
               "p.yaml:3:10: error: aliases (*name) are not supported; write"
               " the value out in full\n");
  check_fails ("id: p\ntitle: !!str T\nsummary: S\nblocks: [{text: a}]\n",
               "p.yaml:2:8: error: tags (!name) are not supported; remove"
               " the tag\n");
  check_fails ("id: p\ntitle: \"a\\eb\"\nsummary: S\nblocks: [{text: a}]\n",
               "p.yaml:2:8: error: this text contains a control character"
               " (U+001B) at byte 1; escape sequences and invisible"
               " characters are not allowed\n");
  check_fails ("id: p\ntitle: \"a\\u202Eb\"\nsummary: S\n"
               "blocks: [{text: a}]\n",
               "p.yaml:2:8: error: this text contains an invisible"
               " formatting character (U+202E) at byte 1; escape sequences"
               " and invisible characters are not allowed\n");
  check_fails ("id: p\ntitle: T\nsummary: S\nblocks: [{text: a}]\n---\n"
               "id: q\n",
               "p.yaml:5:1: error: a second document starts here; a file"
               " holds one document (remove the '---')\n");
  check_fails ("", "p.yaml: error: the file is empty; expected a page (id,"
                   " title, summary, blocks)\n");
  check_fails ("id: p\ntitle: caf\xC3\n",
               "p.yaml:2:11: error: the file is not valid UTF-8 text (byte"
               " 0xC3); save it as UTF-8\n");
  check_fails ("id: p\ntitle: T\n\tsummary: S\n",
               "p.yaml:3:1: error: YAML does not allow tabs: indent with"
               " spaces\n");
  check_fails ("\xFF\xFEi\0d\0", "p.yaml:1:1: error: the file is in UTF-16;"
               " save it as UTF-8\n");
}

/* Syntax errors in plain words, at the line of the mistake, whatever
   line libyaml noticed it on; nothing else said about the lines it
   misread on the way.  */
static void
test_syntax_hints (void)
{
  check_fails ("id: p\ntitle: Note: read this\nsummary: S.\n"
               "blocks: [{text: a}]\n",
               "p.yaml:2:12: error: a title that contains ': ' must be in"
               " quotes: title: \"Note: read this\"\n");
  /* A '"' in the text: the fix is in '...', with its quotes doubled.  */
  check_fails ("id: p\ntitle: T\nsummary: S.\nblocks:\n"
               "  - text: l'appel \"15\": le SAMU\n",
               "p.yaml:5:23: error: a text that contains ': ' must be in"
               " quotes: - text: 'l''appel \"15\": le SAMU'\n");
  /* libyaml notices the quote at the end of the file.  */
  check_fails ("id: p\ntitle: \"Titre\nsummary: S.\nblocks: [{text: a}]\n",
               "p.yaml:2:8: error: this quote (\") is never closed: add a"
               " closing \" at the end of the text\n");
  /* 'urgent' and the next line were read as one value, 'urgent text',
     which is no level: only the indentation is the mistake.  */
  check_fails ("id: p\ntitle: T\nsummary: S.\nblocks:\n  - warning:\n"
               "      level: urgent\n        text: a\n",
               "p.yaml:7:9: error: bad indentation: this line is indented"
               " more than line 6 (column 9 here, column 7 there); line it"
               " up with the lines of the same list or mapping\n");
  check_fails ("id: p\ntitle: T\nsummary: S.\nblocks:\n  - text: a\n\n"
               "  # the second block\n  text: b\n",
               "p.yaml:8:3: error: an item of 'blocks' must start with '- ',"
               " like the one on line 5: - text: b\n");
  check_fails ("id: p\ntitle: T\nsummary: S.\nblocks:\n  - text: a\n"
               "  -\ttext: b\n",
               "p.yaml:6:4: error: YAML does not allow tabs: indent with"
               " spaces\n");
  /* What no hint fits keeps libyaml's words, at libyaml's place.  */
  check_fails ("id: p\ntitle: T\nsummary: [a\n",
               "p.yaml:3:10: error: 'summary' must be a text, not a list\n"
               "p.yaml:4:1: error: YAML syntax error: did not find expected"
               " ',' or ']' (while parsing a flow sequence, which started at"
               " line 3, column 10)\n");
}

static void
test_nesting (void)
{
  char buf[512] = "id: p\ntitle: T\nsummary: S\nkeywords: ";
  size_t n = strlen (buf);

  for (int i = 0; i < 40; i++)
    buf[n++] = '[';
  buf[n] = '\0';
  /* The root mapping is level 1: the 16th '[' is level 17.  */
  check_fails (buf, "p.yaml:4:12: error: 'keywords, item 1' must be a"
                    " text, not a list\n"
                    "p.yaml:4:26: error: the structure is nested more than"
                    " 16 levels deep\n");
}

static void
test_placeholders (void)
{
  check_fails ("id: p\ntitle: T\nsummary: \"Call {clinic.phon}\"\n"
               "blocks: [{text: a}]\n",
               "p.yaml:3:10: error: unknown placeholder '{clinic.phon}'; did"
               " you mean '{clinic.phone}'?\n");
  check_fails ("id: p\ntitle: T\nsummary: \"a {b\"\nblocks: [{text: a}]\n",
               "p.yaml:3:10: error: a '{' has no matching '}'; write '{{'"
               " for a brace\n");
}

static void
test_id (void)
{
  check_fails ("id: q\ntitle: T\nsummary: S\nblocks: [{text: a}]\n",
               "p.yaml:1:5: error: the id 'q' does not match the file name"
               " 'p.yaml'; rename the file or change the id\n");
}

static void
test_crlf_bom (void)
{
  char *msgs;
  struct page *p = load ("\xEF\xBB\xBFid: p\r\ntitle: T\r\nsummary: S\r\n"
                         "blocks:\r\n  - text: a\r\n", LOAD_FULL, &msgs);

  CHECK (p != NULL);
  CHECK_STR (msgs, "");
  if (p != NULL)
    CHECK_STR (p->blocks[0].text, "a");
  page_free (p);
  free (msgs);
}

static void
test_settings (void)
{
  struct settings s;
  struct diag_list d;
  char *out = NULL;
  size_t len = 0;
  FILE *f;
  const char *buf =
    "clinic:\n  name: Clinique\n  phone: \"01\"\n"
    "idle_seconds: 1\n"
    "theme: high-contrats\n"
    "languages: [fr, en, xx]\n"
    "menu: [a, b]\n"
    "kiosk: yes\n";

  settings_init (&s);
  diag_list_init (&d);
  CHECK (!load_settings ("kiosk.yaml", buf, strlen (buf), &s, &d));
  f = open_memstream (&out, &len);
  diag_list_print (f, &d, false);
  fclose (f);
  CHECK_STR (out,
             "kiosk.yaml:4:15: error: 'idle_seconds' is 1; it must be between"
             " 2 and 86400 (this setting is ignored)\n"
             "kiosk.yaml:5:8: error: 'theme' cannot be 'high-contrats'; did"
             " you mean 'high-contrast'? (this setting is ignored)\n");
  CHECK_STR (s.clinic.name, "Clinique");
  CHECK_STR (s.clinic.phone, "01");
  CHECK_INT (s.idle_seconds, SETTINGS_IDLE_DEFAULT);
  CHECK_INT (s.theme, THEME_COLOUR);
  CHECK_INT (s.languages.n, 3);
  CHECK_INT (s.menu.n, 2);
  CHECK_INT (s.menu.at[1].line, 7);
  CHECK_INT (s.menu.at[1].col, 11);
  CHECK (s.kiosk);
  CHECK_INT (s.at[SET_MENU].line, 7);
  free (out);
  diag_list_done (&d);
  settings_done (&s);
}

/* A 250 KB page of 18,000 unknown keys: every problem is counted, the
   first YAMLREAD_MAX_DIAGS are kept with their source line, and a note
   says how many more there are.  */
static void
test_many_problems (void)
{
  enum { KEYS = 18000 };
  size_t cap = 64 + KEYS * 16, len = 0;
  char *buf = xmalloc (cap);
  struct diag_list d;
  struct page *p;
  const struct diag *last;

  len += (size_t) snprintf (buf, cap, "id: big\ntitle: T\nsummary: S.\n"
                            "blocks:\n  - text: T\n");
  for (int i = 0; i < KEYS; i++)
    len += (size_t) snprintf (buf + len, cap - len, "    k%d: v\n", i);
  diag_list_init (&d);
  p = load_page ("big.yaml", buf, len, "fr", "big", LOAD_FULL, &set, &d);
  CHECK (len <= YAMLREAD_MAX_FILE);
  CHECK (p == NULL);
  CHECK_INT (d.nerrors, KEYS);
  CHECK_INT (d.n, YAMLREAD_MAX_DIAGS + 1);
  CHECK (d.n > 1 && d.items[1].line == 7 && d.items[1].source != NULL
         && strcmp (d.items[1].source, "    k1: v") == 0);
  last = &d.items[d.n - 1];
  CHECK (last->sev == DIAG_NOTE && last->line == 0);
  CHECK_STR (last->msg, "17950 more problems in this file are not shown");
  diag_list_done (&d);
  free (buf);
}

/* The languages offered: a bad or repeated entry is left out; none left
   (an empty list too) keeps what the layer below offered.  */
static void
test_settings_languages (void)
{
  static const struct
  {
    const char *yaml;
    const char *want;           /* The languages after, joined.  */
    size_t errors;
  } cases[] = {
    { "languages: []\n", "fr en de", 1 },
    { "languages: [en, en]\n", "en", 1 },
    { "languages: [de, english, fr, de]\n", "de fr", 2 },
    { "languages: [english, FR]\n", "fr en de", 3 },
    { "languages: [en]\n", "en", 0 },
  };

  for (size_t i = 0; i < ARRAY_SIZE (cases); i++)
    {
      struct settings s;
      struct diag_list d;
      const char *shipped = "languages: [fr, en, de]\n";
      char got[64] = "";

      settings_init (&s);
      diag_list_init (&d);
      CHECK (load_settings ("shipped.yaml", shipped, strlen (shipped), &s,
                            &d));
      load_settings ("kiosk.yaml", cases[i].yaml, strlen (cases[i].yaml), &s,
                     &d);
      for (size_t j = 0; j < s.languages.n; j++)
        {
          strcat (got, j > 0 ? " " : "");
          strcat (got, s.languages.v[j]);
        }
      CHECK_STR (got, cases[i].want);
      CHECK_INT (d.nerrors, cases[i].errors);
      /* Where each language kept was read.  */
      if (s.languages.n > 0 && s.languages.at != NULL)
        CHECK (s.languages.at[0].line == 1);
      diag_list_done (&d);
      settings_done (&s);
    }
}

static bool
test_has_lang (void *ctx, const char *lang)
{
  (void) ctx;
  return strcmp (lang, "fr") == 0 || strcmp (lang, "en") == 0
         || strcmp (lang, "pl") == 0;
}

/* fallback_language: a code, else the previous value, with an error at
   its place; once the languages are known, one not offered gives way to
   the default language.  */
static void
test_settings_fallback (void)
{
  static const char *const all[] = { "en", "fr", "pl" };
  struct settings s;
  struct diag_list d;

  settings_init (&s);
  diag_list_init (&d);
  CHECK_STR (settings_fallback (&s), "fr");
  CHECK (load_settings ("a.yaml", "fallback_language: en\n", 22, &s, &d));
  CHECK_STR (settings_fallback (&s), "en");
  CHECK (!load_settings ("b.yaml", "idle_seconds: 60\nfallback_language:"
                         " Polish\n", 43, &s, &d));
  CHECK_INT (d.nerrors, 1);
  CHECK_STR (d.items[0].file, "b.yaml");
  CHECK_INT (d.items[0].line, 2);
  CHECK_INT (d.items[0].col, 20);
  CHECK_STR (d.items[0].msg, "'fallback_language': 'Polish' is not a"
             " language code (such as fr or en); this setting is ignored");
  CHECK_STR (settings_fallback (&s), "en");
  settings_keep_languages (&s, test_has_lang, NULL, all, ARRAY_SIZE (all),
                           &d);
  settings_keep_fallback (&s, &d);
  CHECK_INT (d.nerrors, 1);
  CHECK_STR (settings_fallback (&s), "en");

  /* Not offered: the default language, with an error.  */
  CHECK (load_settings ("c.yaml", "fallback_language: pl\n", 22, &s, &d));
  settings_keep_languages (&s, test_has_lang, NULL, all, ARRAY_SIZE (all),
                           &d);
  settings_keep_fallback (&s, &d);
  CHECK_INT (d.nerrors, 2);
  CHECK_INT (d.items[1].line, 1);
  CHECK_STR (settings_fallback (&s), "fr");
  CHECK (s.fallback_language == NULL);
  diag_list_done (&d);
  settings_done (&s);
}

int
main (void)
{
  settings_init (&set);
  set.clinic.phone = "01 02 03 04 05";
  RUN (test_good_page);
  RUN (test_header_only);
  RUN (test_keys);
  RUN (test_blocks);
  RUN (test_refused);
  RUN (test_syntax_hints);
  RUN (test_nesting);
  RUN (test_placeholders);
  RUN (test_id);
  RUN (test_crlf_bom);
  RUN (test_settings);
  RUN (test_settings_languages);
  RUN (test_settings_fallback);
  RUN (test_many_problems);
  settings_done (&set);
  return unit_done ();
}
