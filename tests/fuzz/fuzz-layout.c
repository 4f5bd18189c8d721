/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* fuzz-layout.c -- libFuzzer target for the layout.

   The input is a page description:

     byte 0     width: 8 + byte % 193 (8..200 columns)
     byte 1     bits 0-1 charset (0 UTF-8, 1 Latin, 2 ASCII, 3 UTF-8),
                bit 2 French spacing, bit 3 plain (no frames), bit 4 a
                notice line, bit 5 link labels from a callback, bit 6 the
                notice is French, bit 7 also lay out the first text alone
                (layout_text())
     the rest   pieces of text, each introduced by a byte below 0x20 other
                than the line feed; that byte % 13 says what the piece is:
                0 title, 1 summary, 2 heading, 3 paragraph, 4 list item
                (continues a list just before), 5 list item (a new list),
                6 warning title (a new warning), 7 warning text, 8 warning
                item, 9 link label (a new link), 10 link note, 11 search
                marks on the last note (pairs of bytes: gap, length), 12
                the warning label.  Text before the first such byte is a
                paragraph.

   Layout relies on what the loader guarantees, so each piece goes through
   the same checks first (utf8_check() with line feeds allowed, trailing
   spaces and line feeds dropped, no empty text, no line feed in a title;
   a warning needs a text or an item): a piece that fails is skipped.  The
   page is laid out with layout_page(), every line rendered with
   layout_render_line() as the view and --dump do, and the invariants of
   fuzz-common.h checked (width, frames, spans, anchors, links); without
   French spacing or transliteration, the lines must also hold every
   character of each block's text, none lost and none added.

   Built by tests/fuzz/run.sh; see tests/fuzz/README.  */

#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "layout.h"
#include "page.h"
#include "utf8.h"
#include "fuzz-common.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

enum { FUZZ_MAX_BLOCKS = 256, FUZZ_MAX_MARKS = 32 };

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  setlocale (LC_ALL, "C.UTF-8");
  return 0;
}

static const char *
fuzz_link_label (void *ctx, const char *lang, const char *target,
                 const char **label_lang)
{
  (void) ctx;
  (void) lang;
  (void) label_lang;
  /* Some targets have no title: layout falls back to the id.  */
  return target[0] == 'a' ? NULL : "Titre « de la page » : cible !";
}

/* Applies the loader's checks to the N bytes at S; returns a copy in P's
   arena, or NULL if the loader would refuse it.  */
static const char *
fuzz_text (struct page *p, const uint8_t *s, size_t n, bool single_line)
{
  if (utf8_check ((const char *) s, n, true, NULL, NULL) != UTF8_OK)
    return NULL;
  while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
    n--;
  if (n == 0 || (single_line && memchr (s, '\n', n) != NULL))
    return NULL;
  return arena_strndup (&p->arena, (const char *) s, n);
}

static void
fuzz_push (struct page *p, struct strv *v, const char *s)
{
  const char **items = arena_alloc (&p->arena, (v->n + 1) * sizeof *items);

  if (v->n > 0)
    memcpy (items, v->v, v->n * sizeof *items);
  items[v->n++] = s;
  v->v = items;
}

/* Search marks on NOTE from the pairs of bytes at S: sorted, apart, on
   character boundaries, inside the note, and only on a note of one line
   (as search makes them: a snippet has its spaces and line feeds folded
   into single spaces).  */
static void
fuzz_marks (struct page *p, struct block *b, const uint8_t *s, size_t n)
{
  struct block_mark *marks;
  size_t len = strlen (b->note), pos = 0, k = 0;
  const uint8_t *note = (const uint8_t *) b->note;

  if (memchr (note, '\n', len) != NULL)
    return;
  marks = arena_alloc (&p->arena, FUZZ_MAX_MARKS * sizeof *marks);
  for (size_t i = 0; i + 1 < n && k < FUZZ_MAX_MARKS; i += 2)
    {
      size_t start = pos + s[i] % 24, end;

      if (start >= len)
        break;
      while (start < len && (note[start] & 0xC0) == 0x80)
        start++;
      end = start + 1 + s[i + 1] % 16;
      if (end > len)
        end = len;
      while (end < len && (note[end] & 0xC0) == 0x80)
        end++;
      if (end <= start)
        break;
      marks[k].off = (uint32_t) start;
      marks[k].len = (uint32_t) (end - start);
      k++;
      pos = end;
    }
  b->marks = marks;
  b->nmarks = k;
}

/* Appends the N bytes at S to *BUF without spaces and line feeds.  */
static void
fuzz_squeeze (char **buf, size_t *len, const char *s, size_t n)
{
  *buf = realloc (*buf, *len + n + 1);
  if (*buf == NULL)
    abort ();
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\n')
      (*buf)[(*len)++] = s[i];
  (*buf)[*len] = '\0';
}

/* Without French spacing or transliteration, layout only breaks lines:
   the spans of each block, spaces and line feeds aside, hold exactly its
   text (no character lost, none added).  Link notes with marks are cut
   to one line on purpose and are left out.  */
static void
fuzz_check_content (const struct layout *l, const struct page *p,
                    const struct layout_options *o)
{
  if (o->charset != CHARSET_UTF8 || o->french)
    return;
  for (size_t bi = 0; bi <= p->nblocks; bi++)
    {
      const struct block *b = bi > 0 ? &p->blocks[bi - 1] : NULL;
      char *want = NULL, *got = NULL;
      size_t wlen = 0, glen = 0;

      fuzz_squeeze (&want, &wlen, "", 0);
      fuzz_squeeze (&got, &glen, "", 0);
      if (b == NULL)
        {
          if (p->title != NULL)
            fuzz_squeeze (&want, &wlen, p->title, strlen (p->title));
          if (p->summary != NULL)
            fuzz_squeeze (&want, &wlen, p->summary, strlen (p->summary));
        }
      else if (b->kind == BLOCK_LINK && b->note != NULL && b->nmarks > 0)
        goto next;
      else
        {
          const char *label = b->text, *label_lang = NULL;

          if (b->kind == BLOCK_LINK && label == NULL)
            label = o->link_label != NULL
                      ? o->link_label (NULL, p->lang, b->target, &label_lang)
                      : NULL;
          if (b->kind == BLOCK_LINK && label == NULL)
            label = b->target;
          if (b->kind == BLOCK_WARNING && b->title != NULL)
            fuzz_squeeze (&want, &wlen, b->title, strlen (b->title));
          if (label != NULL)
            fuzz_squeeze (&want, &wlen, label, strlen (label));
          for (size_t k = 0; k < b->items.n; k++)
            fuzz_squeeze (&want, &wlen, b->items.v[k],
                          strlen (b->items.v[k]));
          if (b->kind == BLOCK_LINK && b->note != NULL)
            fuzz_squeeze (&want, &wlen, b->note, strlen (b->note));
        }
      for (size_t i = 0; i < l->nlines; i++)
        {
          const struct layout_line *line = &l->lines[i];

          if (line->block != bi)
            continue;
          for (size_t k = 0; k < line->nspans; k++)
            {
              const struct layout_span *sp = &l->spans[line->span + k];

              if (sp->role == ROLE_BULLET || sp->role == ROLE_LINK_MARK
                  || sp->role == ROLE_WARNING_LABEL
                  || sp->role == ROLE_EMERGENCY_LABEL
                  || sp->role == ROLE_INFO_LABEL
                  || sp->role == ROLE_NOTICE)
                continue;
              fuzz_squeeze (&got, &glen, l->text + sp->off, sp->len);
            }
        }
      if (strcmp (want, got) != 0)
        fprintf (stderr, "block %zu: text \"%s\"\n laid out \"%s\"\n", bi,
                 want, got);
      FUZZ_ASSERT (strcmp (want, got) == 0);
    next:
      free (want);
      free (got);
    }
}

/* Drops the warnings the loader would refuse (no text, no item).  */
static void
fuzz_drop_empty_warnings (struct page *p)
{
  size_t j = 0;

  for (size_t i = 0; i < p->nblocks; i++)
    {
      const struct block *b = &p->blocks[i];

      if (b->kind == BLOCK_WARNING && b->text == NULL && b->items.n == 0)
        continue;
      p->blocks[j++] = *b;
    }
  p->nblocks = j;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct layout_options o;
  struct page *p;
  struct layout *l;
  /* Blocks being continued, by index (page_add_block() moves them).  */
  size_t list = SIZE_MAX, warning = SIZE_MAX, link = SIZE_MAX;
  const uint8_t *first_text = NULL;
  size_t first_len = 0, i = 2, links = 0;
  unsigned kind = 3;
  uint8_t flags;

  if (size < 2)
    return 0;
  memset (&o, 0, sizeof o);
  o.width = LAYOUT_MIN_WIDTH + data[0] % 193;
  flags = data[1];
  o.charset = (enum charset) ((flags & 3) % 3);
  o.french = (flags & 4) != 0;
  o.plain = (flags & 8) != 0;
  o.notice = (flags & 16) ? "Cette page n'existe pas dans votre langue :"
                            " la voici en français." : NULL;
  o.link_label = (flags & 32) ? fuzz_link_label : NULL;
  o.notice_french = (flags & 64) != 0;
  o.level_labels[LEVEL_URGENT] = "Attention";

  p = page_new ();
  p->id = "p";
  p->lang = "fr";
  p->complete = true;
  while (i <= size && p->nblocks < FUZZ_MAX_BLOCKS)
    {
      size_t start = i, n;
      const uint8_t *s = data + start;
      const char *t;
      struct block *b;

      while (i < size && (data[i] >= 0x20 || data[i] == '\n'))
        i++;
      n = i - start;
      /* Titles and the warning label (a translated word) are single
         lines.  */
      t = kind == 11 ? NULL : fuzz_text (p, s, n, kind == 0 || kind == 12);
      if (t != NULL && first_text == NULL)
        {
          first_text = s;
          first_len = n;
        }
      switch (kind)
        {
        case 0:
          if (t != NULL)
            p->title = t;
          break;
        case 1:
          if (t != NULL)
            p->summary = t;
          break;
        case 2:
        case 3:
          if (t == NULL)
            break;
          b = page_add_block (p, kind == 2 ? BLOCK_HEADING : BLOCK_TEXT);
          b->text = t;
          list = warning = link = SIZE_MAX;
          break;
        case 4:
        case 5:
          if (t == NULL)
            break;
          if (list == SIZE_MAX || kind == 5)
            {
              page_add_block (p, BLOCK_LIST);
              list = p->nblocks - 1;
              warning = link = SIZE_MAX;
            }
          fuzz_push (p, &p->blocks[list].items, t);
          break;
        case 6:
          b = page_add_block (p, BLOCK_WARNING);
          b->title = t;
          warning = p->nblocks - 1;
          list = link = SIZE_MAX;
          break;
        case 7:
        case 8:
          if (t == NULL)
            break;
          if (warning == SIZE_MAX
              || (kind == 7 && p->blocks[warning].text != NULL))
            {
              page_add_block (p, BLOCK_WARNING);
              warning = p->nblocks - 1;
              list = link = SIZE_MAX;
            }
          if (kind == 7)
            p->blocks[warning].text = t;
          else
            fuzz_push (p, &p->blocks[warning].items, t);
          break;
        case 9:
          b = page_add_block (p, BLOCK_LINK);
          b->text = t;
          b->target = (links++ % 3 == 0) ? "a-cible" : "cible";
          b->urgent = n > 0 && (s[0] & 1);
          link = p->nblocks - 1;
          list = warning = SIZE_MAX;
          break;
        case 10:
          if (t != NULL && link != SIZE_MAX)
            {
              p->blocks[link].note = t;
              p->blocks[link].marks = NULL;
              p->blocks[link].nmarks = 0;
            }
          break;
        case 11:
          if (link != SIZE_MAX && p->blocks[link].note != NULL)
            fuzz_marks (p, &p->blocks[link], s, n);
          break;
        case 12:
          if (t != NULL)
            o.level_labels[LEVEL_URGENT] = t;
          break;
        default:
          break;
        }
      if (i >= size)
        break;
      kind = data[i] % 13;
      i++;
    }
  fuzz_drop_empty_warnings (p);

  l = layout_page (p, &o);
  fuzz_check_layout (l, &o, p->nblocks, fuzz_hash (data, size));
  fuzz_check_content (l, p, &o);
  layout_free (l);

  if ((flags & 128) && first_text != NULL)
    {
      /* layout_text() on an exact copy: it must keep to the length.  */
      char *copy = malloc (first_len);
      size_t n = first_len;

      if (copy == NULL)
        abort ();
      memcpy (copy, first_text, first_len);
      while (n > 0 && (copy[n - 1] == '\n' || copy[n - 1] == ' '))
        n--;
      l = layout_text (copy, n, ROLE_DIALOG, &o);
      fuzz_check_layout (l, &o, 0, fuzz_hash (data, size) ^ 0x5555u);
      layout_free (l);
      free (copy);
    }
  page_free (p);
  return 0;
}
