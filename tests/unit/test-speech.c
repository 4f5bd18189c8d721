/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* test-speech.c -- what the kiosk says of a page (speech.c) and how the
   reader feeds a voice (reader.c), with pages built in code and a voice
   that only records.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "reader.h"
#include "speech.h"
#include "unit.h"
#include "xalloc.h"

static struct page *
page_fr (void)
{
  struct page *p = page_new ();
  struct block *b;

  p->lang = "fr";
  p->id = "risques";
  p->title = "Les risques";
  p->summary = "Ce qui peut arriver. Et que faire.";
  b = page_add_block (p, BLOCK_HEADING);
  b->text = "Ce qui est fréquent";
  b = page_add_block (p, BLOCK_TEXT);
  b->text = "Une rougeur est normale ! Elle passe en deux jours. Le Dr. Martin"
            " le dit : c'est sans danger. Voir p. ex. la page 2.";
  b = page_add_block (p, BLOCK_WARNING);
  b->title = "Appelez tout de suite";
  b->text = "Une peau froide ou pâle ?";
  {
    static const char *items[] = { "Fièvre.", "Rougeur qui s'étend." };

    b->items.v = items;
    b->items.n = 2;
  }
  b = page_add_block (p, BLOCK_LIST);
  {
    static const char *items[] = { "Un bleu", "Une petite douleur" };

    b->items.v = items;
    b->items.n = 2;
  }
  b = page_add_block (p, BLOCK_LINK);
  b->target = "signes-alerte";
  b->text = "Signes d'alerte : quand appeler";
  b = page_add_block (p, BLOCK_LINK);
  b->target = "lang:en";
  b->text = "English";
  p->complete = true;
  return p;
}

static void
options (struct layout_options *o, unsigned width, enum charset cs)
{
  memset (o, 0, sizeof *o);
  o->width = width;
  o->charset = cs;
  o->french = true;
  o->level_labels[LEVEL_URGENT] = "Attention";
}

/* The utterances of L, one a line: "lang|text".  */
static char *
said (const struct speech_list *l)
{
  char *s = xstrdup ("");

  for (size_t i = 0; i < l->n; i++)
    {
      char *t = xasprintf ("%s%s|%s\n", s, l->v[i].lang, l->v[i].text);

      free (s);
      s = t;
    }
  return s;
}

static void
test_page_in_order (void)
{
  struct page *p = page_fr ();
  struct layout_options o;
  struct layout *l;
  struct speech_list sl;
  char *got;

  options (&o, 40, CHARSET_UTF8);
  l = layout_page (p, &o);
  speech_list_init (&sl);
  speech_page (&sl, l, "fr", "en");
  got = said (&sl);
  /* Title, summary by sentence, heading, text by sentence ("Dr." and
     "p. ex." end none), the warning's label (the interface's language),
     title, text, items; a list item by item; links by their label, the
     language link in its own language.  No bullets, no arrows.  */
  CHECK_STR (got,
             "fr|Les risques\n"
             "fr|Ce qui peut arriver.\n"
             "fr|Et que faire.\n"
             "fr|Ce qui est fréquent\n"
             "fr|Une rougeur est normale !\n"
             "fr|Elle passe en deux jours.\n"
             "fr|Le Dr. Martin le dit : c'est sans danger.\n"
             "fr|Voir p. ex. la page 2.\n"
             "en|Attention\n"
             "fr|Appelez tout de suite\n"
             "fr|Une peau froide ou pâle ?\n"
             "fr|Fièvre.\n"
             "fr|Rougeur qui s'étend.\n"
             "fr|Un bleu\n"
             "fr|Une petite douleur\n"
             "fr|Signes d'alerte : quand appeler\n"
             "en|English\n");
  free (got);
  speech_list_done (&sl);
  layout_free (l);
  page_free (p);
}

/* The highlight range of each utterance is the text it says, in the
   layout's own text, and its lines are those that show it.  */
static void
test_ranges (void)
{
  struct page *p = page_fr ();
  struct layout_options o;
  struct layout *l;
  struct speech_list sl;

  options (&o, 30, CHARSET_UTF8);
  l = layout_page (p, &o);
  speech_list_init (&sl);
  speech_page (&sl, l, "fr", "fr");
  CHECK (sl.n > 10);
  for (size_t i = 0; i < sl.n; i++)
    {
      const struct speech_utt *u = &sl.v[i];
      size_t n = strlen (u->text);

      CHECK (u->end > u->off);
      CHECK (u->end <= l->text_len);
      CHECK (u->nlines >= 1);
      CHECK (u->line + u->nlines <= l->nlines);
      /* The text's first and last bytes are those of the range (lines
         are joined with a space where they were broken).  */
      CHECK (memcmp (l->text + u->off, u->text, 1) == 0);
      CHECK (l->text[u->end - 1] == u->text[n - 1]);
      /* The first line holds the start.  */
      {
        const struct layout_line *ln = &l->lines[u->line];
        const struct layout_span *first = &l->spans[ln->span];
        const struct layout_span *last = &l->spans[ln->span + ln->nspans
                                                   - 1];

        CHECK (u->off >= first->off && u->off < last->off + last->len);
      }
    }
  /* "Une rougeur est normale !" with its no-break space: one range on
     one line.  */
  {
    size_t k = speech_find (&sl, 2, 0, 0);

    CHECK_STR (sl.v[k].text, "Une rougeur est normale !");
    CHECK_INT (sl.v[k].block, 2);
    CHECK_INT (sl.v[k].seq, 0);
    CHECK (memcmp (l->text + sl.v[k].off, "Une rougeur est normale\xC2\xA0!",
                   sl.v[k].end - sl.v[k].off) == 0);
  }
  speech_list_done (&sl);
  layout_free (l);
  page_free (p);
}

/* The same place is found again in a layout at another width.  */
static void
test_find_after_relayout (void)
{
  struct page *p = page_fr ();
  struct layout_options o;
  struct layout *a, *b;
  struct speech_list la, lb;

  options (&o, 60, CHARSET_UTF8);
  a = layout_page (p, &o);
  options (&o, 20, CHARSET_UTF8);
  b = layout_page (p, &o);
  speech_list_init (&la);
  speech_list_init (&lb);
  speech_page (&la, a, "fr", "fr");
  speech_page (&lb, b, "fr", "fr");
  CHECK_INT (la.n, lb.n);
  for (size_t i = 0; i < la.n && i < lb.n; i++)
    {
      CHECK_STR (la.v[i].text, lb.v[i].text);
      CHECK_INT (speech_find (&lb, la.v[i].block, la.v[i].item,
                              la.v[i].seq), i);
    }
  /* Lines at 20 columns: more of them, and each utterance starts on or
     after the line asked for.  */
  CHECK (b->nlines > a->nlines);
  {
    size_t k = speech_at_line (&lb, 5);

    CHECK (k < lb.n);
    CHECK (lb.v[k].line >= 5);
    CHECK (k == 0 || lb.v[k - 1].line < 5);
  }
  speech_list_done (&la);
  speech_list_done (&lb);
  layout_free (a);
  layout_free (b);
  page_free (p);
}

static void
test_link (void)
{
  struct page *p = page_fr ();
  struct layout_options o;
  struct layout *l;
  struct speech_list sl;
  char *got;

  options (&o, 24, CHARSET_UTF8);
  l = layout_page (p, &o);
  speech_list_init (&sl);
  CHECK (speech_link (&sl, l, 0, "fr", "fr"));
  CHECK (speech_link (&sl, l, 1, "fr", "fr"));
  CHECK (!speech_link (&sl, l, 2, "fr", "fr"));
  got = said (&sl);
  /* Over two lines at 24 columns, said as one.  */
  CHECK_STR (got, "fr|Signes d'alerte : quand appeler\nen|English\n");
  CHECK_INT (sl.v[0].link, 0);
  CHECK (sl.v[0].nlines == 2);
  free (got);
  speech_list_done (&sl);
  layout_free (l);
  page_free (p);
}

/* A terminal without UTF-8: the ASCII layout is said as shown, no-break
   spaces made plain, and messages are cleaned of controls.  */
static void
test_ascii_and_add (void)
{
  struct page *p = page_fr ();
  struct layout_options o;
  struct layout *l;
  struct speech_list sl;

  options (&o, 72, CHARSET_ASCII);
  l = layout_page (p, &o);
  speech_list_init (&sl);
  speech_page (&sl, l, "fr", "fr");
  CHECK (sl.n > 0);
  CHECK_STR (sl.v[4].text, "Une rougeur est normale !");
  speech_list_clear (&sl);
  speech_add (&sl, "en", "  Still\tthere?\n\x1b ");
  speech_add (&sl, "en", " \n ");
  CHECK_INT (sl.n, 1);
  CHECK_STR (sl.v[0].text, "Still there?");
  CHECK (sl.v[0].end == sl.v[0].off);
  speech_list_done (&sl);
  layout_free (l);
  page_free (p);
}

/* The language choice: "Choisissez votre langue · Choose your language"
   is said in two languages, each in its own.  */
static void
test_every_language (void)
{
  static const char *const langs[] = { "fr", "en" };
  struct speech_list sl;

  speech_list_init (&sl);
  speech_add (&sl, "fr", "Bonjour");
  speech_add (&sl, "mul", "Choisissez votre langue \xC2\xB7 Choose your"
              " language");
  speech_add (&sl, "mul", "Un \xC2\xB7 Deux \xC2\xB7 Drei");
  sl.v[1].off = 10;
  sl.v[1].end = 20;
  speech_split_every (&sl, langs, 2);
  CHECK_INT (sl.n, 6);
  CHECK_STR (sl.v[0].text, "Bonjour");
  CHECK_STR (sl.v[1].lang, "fr");
  CHECK_STR (sl.v[1].text, "Choisissez votre langue");
  CHECK_STR (sl.v[2].lang, "en");
  CHECK_STR (sl.v[2].text, "Choose your language");
  CHECK_INT (sl.v[2].off, 10);
  CHECK_INT (sl.v[2].end, 20);
  /* More versions than languages: the last language.  */
  CHECK_STR (sl.v[5].lang, "en");
  CHECK_STR (sl.v[5].text, "Drei");
  speech_list_done (&sl);
}

/* ------------------------------------------------------------------ */
/* The reader, with a voice that records what it is told.  */

struct fake
{
  struct voice v;
  char log[4096];
  unsigned last;                /* Last id said.  */
  unsigned nsaid, nstop;
};

static void
fake_say (struct voice *v, unsigned id, const char *lang, const char *text,
          unsigned rate, unsigned volume)
{
  struct fake *f = (struct fake *) v;
  size_t n = strlen (f->log);

  snprintf (f->log + n, sizeof f->log - n, "say %u %s %u %u %s\n", id, lang,
            rate, volume, text);
  f->last = id;
  f->nsaid++;
}

static void
fake_stop (struct voice *v)
{
  struct fake *f = (struct fake *) v;
  size_t n = strlen (f->log);

  snprintf (f->log + n, sizeof f->log - n, "stop\n");
  f->nstop++;
}

static bool
fake_next (struct voice *v, struct voice_event *ev)
{
  (void) v;
  (void) ev;
  return false;
}

static void
fake_close (struct voice *v)
{
  (void) v;
}

static const struct voice_ops fake_ops = { fake_say, fake_stop, fake_next,
                                           fake_close };

static void
fake_init (struct fake *f)
{
  memset (f, 0, sizeof *f);
  f->v.ops = &fake_ops;
  f->v.fd = -1;
}

/* The voice says utterance ID is done.  */
static bool
fake_end (struct reader *r, unsigned id)
{
  struct voice_event ev;

  memset (&ev, 0, sizeof ev);
  ev.kind = VOICE_BEGIN;
  ev.id = id;
  reader_event (r, &ev);
  ev.kind = VOICE_END;
  return reader_event (r, &ev);
}

static void
test_reader_order_and_stop (void)
{
  struct page *p = page_fr ();
  struct layout_options o;
  struct layout *l;
  struct reader r;
  struct fake f;

  options (&o, 40, CHARSET_UTF8);
  l = layout_page (p, &o);
  fake_init (&f);
  reader_init (&r, 170, 90);
  reader_set_voice (&r, &f.v);
  reader_set_page (&r, l, "fr", "en", false);
  CHECK (!reader_busy (&r));
  /* One at a time: the next goes when the voice is done.  */
  reader_read (&r, 0, SIZE_MAX);
  CHECK_STR (f.log, "say 1 fr 170 90 Les risques\n");
  CHECK (reader_current (&r) == &r.page.v[0]);
  CHECK (fake_end (&r, 1));
  CHECK (fake_end (&r, 2));
  CHECK (reader_current (&r) == &r.page.v[2]);
  CHECK_STR (f.log, "say 1 fr 170 90 Les risques\n"
                    "say 2 fr 170 90 Ce qui peut arriver.\n"
                    "say 3 fr 170 90 Et que faire.\n");
  /* An old id changes nothing.  */
  CHECK (!fake_end (&r, 2));
  CHECK_INT (f.nsaid, 3);
  /* A stop silences it and keeps the place: read on starts again at the
     sentence that was cut.  */
  reader_stop (&r);
  CHECK_INT (f.nstop, 1);
  CHECK (!reader_busy (&r));
  CHECK (reader_current (&r) == NULL);
  CHECK_INT (r.resume, 2);
  /* A stop with nothing said tells the voice nothing.  */
  reader_stop (&r);
  CHECK_INT (f.nstop, 1);
  /* One-offs come first, then the page; rate and volume apply from the
     next utterance, within the voice's limits.  */
  reader_set_rate (&r, 1000);
  reader_set_volume (&r, 1);
  reader_say (&r, "en", "Faster.");
  reader_read (&r, r.resume, SIZE_MAX);
  CHECK (strstr (f.log, "say 4 en 400 10 Faster.\n") != NULL);
  CHECK (reader_current (&r) == NULL);  /* A one-off: no highlight.  */
  CHECK (fake_end (&r, 4));
  CHECK (strstr (f.log, "say 5 fr 400 10 Et que faire.\n") != NULL);
  /* To the end: nothing more is said, and read on starts at the top.  */
  for (unsigned id = 5; reader_busy (&r); id++)
    fake_end (&r, id);
  CHECK_INT (f.nsaid, 1 + 3 + (unsigned) r.page.n - 2);
  CHECK_INT (r.resume, 0);
  reader_done (&r);
  layout_free (l);
  page_free (p);
}

static void
test_reader_range_and_relayout (void)
{
  struct page *p = page_fr ();
  struct layout_options o;
  struct layout *a, *b;
  struct reader r;
  struct fake f;
  const struct speech_utt *u;

  options (&o, 60, CHARSET_UTF8);
  a = layout_page (p, &o);
  options (&o, 20, CHARSET_UTF8);
  b = layout_page (p, &o);
  fake_init (&f);
  reader_init (&r, 160, 100);
  reader_set_voice (&r, &f.v);
  reader_set_page (&r, a, "fr", "fr", false);
  /* A range: the link's label only.  */
  reader_read (&r, 15, 16);
  CHECK (strstr (f.log, "Signes d'alerte") != NULL);
  CHECK (fake_end (&r, 1));
  CHECK (!reader_busy (&r));
  CHECK_INT (f.nsaid, 1);
  /* Reading, the page is laid out again at another width: the same
     sentence goes on, found at its new place.  */
  reader_read (&r, 6, SIZE_MAX);
  CHECK (reader_current (&r) != NULL);
  CHECK_STR (reader_current (&r)->text,
             "Le Dr. Martin le dit : c'est sans danger.");
  reader_set_page (&r, b, "fr", "fr", true);
  u = reader_current (&r);
  CHECK (u != NULL);
  CHECK_STR (u != NULL ? u->text : NULL,
             "Le Dr. Martin le dit : c'est sans danger.");
  CHECK (u != NULL && u->off < b->text_len);
  CHECK (fake_end (&r, 2));
  CHECK_STR (reader_current (&r)->text, "Voir p. ex. la page 2.");
  /* Another page: the reading stops.  */
  reader_set_page (&r, a, "fr", "fr", false);
  CHECK (!reader_busy (&r));
  CHECK_INT (f.nstop, 1);
  /* Without a voice the reader keeps its place and says nothing.  */
  reader_set_voice (&r, NULL);
  reader_read (&r, 0, SIZE_MAX);
  CHECK (reader_busy (&r));
  CHECK_INT (f.nsaid, 3);
  reader_done (&r);
  layout_free (a);
  layout_free (b);
  page_free (p);
}

/* A voice that fails stops the reading.  */
static void
test_reader_failure (void)
{
  struct page *p = page_fr ();
  struct layout_options o;
  struct layout *l;
  struct reader r;
  struct fake f;
  struct voice_event ev;

  options (&o, 40, CHARSET_UTF8);
  l = layout_page (p, &o);
  fake_init (&f);
  reader_init (&r, 160, 100);
  reader_set_voice (&r, &f.v);
  reader_set_page (&r, l, "fr", "fr", false);
  reader_read (&r, 0, SIZE_MAX);
  memset (&ev, 0, sizeof ev);
  ev.kind = VOICE_FAILED;
  CHECK (reader_event (&r, &ev));
  CHECK (!reader_busy (&r));
  reader_done (&r);
  layout_free (l);
  page_free (p);
}

int
main (void)
{
  RUN (test_page_in_order);
  RUN (test_ranges);
  RUN (test_find_after_relayout);
  RUN (test_link);
  RUN (test_ascii_and_add);
  RUN (test_every_language);
  RUN (test_reader_order_and_stop);
  RUN (test_reader_range_and_relayout);
  RUN (test_reader_failure);
  return unit_done ();
}
