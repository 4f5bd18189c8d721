/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* speech.c -- what the kiosk says: a laid-out page as utterances.  */

#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "speech.h"
#include "xalloc.h"

void
speech_list_init (struct speech_list *l)
{
  memset (l, 0, sizeof *l);
}

void
speech_list_clear (struct speech_list *l)
{
  for (size_t i = 0; i < l->n; i++)
    free (l->v[i].text);
  l->n = 0;
}

void
speech_list_done (struct speech_list *l)
{
  speech_list_clear (l);
  free (l->v);
  speech_list_init (l);
}

/* A space of one byte or more at S (N bytes left): its length, or 0.
   No-break spaces count: French spacing puts them before ! ? : ;.  */
static size_t
speech_space (const char *s, size_t n)
{
  const unsigned char *u = (const unsigned char *) s;

  if (n >= 1 && (u[0] == ' ' || u[0] == '\n' || u[0] == '\t'))
    return 1;
  if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
    return 2;                   /* U+00A0 */
  if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
    return 3;                   /* U+202F */
  return 0;
}

/* Appends an utterance of the N bytes at S, its spaces made plain and
   trimmed, and its controls made spaces; returns it, or NULL if it is
   blank.  */
static struct speech_utt *
speech_push (struct speech_list *l, const char *lang, const char *s,
             size_t n)
{
  struct speech_utt *u;
  char *t = xmalloc (n + 1);
  size_t k = 0;

  for (size_t i = 0; i < n;)
    {
      size_t sp = speech_space (s + i, n - i);
      unsigned char c = (unsigned char) s[i];

      if (sp > 0 || c < 0x20 || c == 0x7f)
        {
          if (k > 0 && t[k - 1] != ' ')
            t[k++] = ' ';
          i += sp > 0 ? sp : 1;
          continue;
        }
      t[k++] = s[i++];
    }
  while (k > 0 && t[k - 1] == ' ')
    k--;
  t[k] = '\0';
  if (k == 0)
    {
      free (t);
      return NULL;
    }
  l->v = xgrow (l->v, &l->cap, l->n + 1, sizeof *l->v);
  u = &l->v[l->n++];
  memset (u, 0, sizeof *u);
  snprintf (u->lang, sizeof u->lang, "%s", lang != NULL ? lang : "");
  u->text = t;
  u->link = -1;
  return u;
}

void
speech_add (struct speech_list *l, const char *lang, const char *text)
{
  speech_push (l, lang, text, strlen (text));
}

/* ------------------------------------------------------------------ */
/* A group: the lines of one item of one block (a paragraph, a list
   item, a title, a link's label), read as one text and cut into
   sentences.  */

struct speech_piece
{
  size_t pos;                   /* Where it starts in the group's text.  */
  uint32_t off;                 /* Where it is in the layout's text.  */
  size_t len;
  uint32_t line;
};

struct speech_group
{
  char *text;
  size_t len, cap;
  struct speech_piece *pieces;
  size_t npieces, pieces_cap;
};

static void
speech_group_add (struct speech_group *g, const struct layout *l,
                  const struct layout_span *sp, uint32_t line, bool newline)
{
  struct speech_piece *p;

  if (newline && g->len > 0 && g->text[g->len - 1] != '-'
      && g->text[g->len - 1] != ' ')
    {
      g->text = xgrow (g->text, &g->cap, g->len + 2, 1);
      g->text[g->len++] = ' ';
    }
  g->text = xgrow (g->text, &g->cap, g->len + sp->len + 1, 1);
  memcpy (g->text + g->len, l->text + sp->off, sp->len);
  g->pieces = xgrow (g->pieces, &g->pieces_cap, g->npieces + 1,
                     sizeof *g->pieces);
  p = &g->pieces[g->npieces++];
  p->pos = g->len;
  p->off = sp->off;
  p->len = sp->len;
  p->line = line;
  g->len += sp->len;
  g->text[g->len] = '\0';
}

/* The piece of G that holds byte POS of its text (or the last before
   it, for a separator).  */
static const struct speech_piece *
speech_piece_at (const struct speech_group *g, size_t pos)
{
  const struct speech_piece *best = &g->pieces[0];

  for (size_t i = 0; i < g->npieces; i++)
    if (g->pieces[i].pos <= pos)
      best = &g->pieces[i];
  return best;
}

/* The layout offset of byte POS of G's text.  */
static uint32_t
speech_offset (const struct speech_group *g, size_t pos, bool end)
{
  const struct speech_piece *p = speech_piece_at (g, end && pos > 0
                                                     ? pos - 1 : pos);
  size_t in = pos > p->pos ? pos - p->pos : 0;

  if (in > p->len)
    in = p->len;
  return p->off + (uint32_t) in;
}

/* True if the '.', '!', '?' or '…' at byte PUNCT of S ends a sentence
   that began at START: '!' '?' and '…' always do; a '.' does after a
   number or a word of three letters or more, not after an abbreviation
   ("p.", "ex.", "Dr.").  */
static bool
speech_sentence_ends (const char *s, size_t start, size_t punct)
{
  size_t w = punct;
  bool digits = true;

  if (s[punct] != '.')
    return true;
  while (w > start && s[w - 1] != ' ' && s[w - 1] != '(')
    {
      if (s[w - 1] < '0' || s[w - 1] > '9')
        digits = false;
      w--;
    }
  if (w == punct)
    return false;
  return digits || punct - w >= 3;
}

/* Cuts G's text into sentences, appended to OUT.  */
static void
speech_group_say (struct speech_list *out, const struct speech_group *g,
                  const char *lang, uint32_t block, uint32_t item,
                  int32_t link)
{
  const char *s = g->text;
  size_t n = g->len, start = 0;
  uint32_t seq = 0;

  while (start < n)
    {
      size_t end = n, next = n;
      struct speech_utt *u;

      for (size_t p = start; p < n; p++)
        {
          size_t q, sp;
          bool ellipsis = p + 3 <= n && memcmp (s + p, "\xE2\x80\xA6", 3) == 0;

          if (s[p] != '.' && s[p] != '!' && s[p] != '?' && !ellipsis)
            continue;
          q = p + (ellipsis ? 3 : 1);
          /* Closing quotes and brackets go with their sentence.  */
          for (;;)
            {
              size_t sq = speech_space (s + q, n - q);

              if (q < n && (s[q] == ')' || s[q] == '"' || s[q] == '\''))
                q++;
              else if (q + 2 <= n && memcmp (s + q, "\xC2\xBB", 2) == 0)
                q += 2;
              else if (sq > 1 && q + sq + 2 <= n
                       && memcmp (s + q + sq, "\xC2\xBB", 2) == 0)
                q += sq + 2;    /* « ... . » */
              else
                break;
            }
          sp = speech_space (s + q, n - q);
          if ((q == n || sp > 0) && speech_sentence_ends (s, start, p))
            {
              end = q;
              next = q;
              while (next < n && (sp = speech_space (s + next, n - next)) > 0)
                next += sp;
              break;
            }
        }
      u = speech_push (out, lang, s + start, end - start);
      if (u != NULL)
        {
          u->off = speech_offset (g, start, false);
          u->end = speech_offset (g, end, true);
          u->line = speech_piece_at (g, start)->line;
          u->nlines = speech_piece_at (g, end > 0 ? end - 1 : 0)->line
                      - u->line + 1;
          u->block = block;
          u->item = item;
          u->seq = seq++;
          u->link = link;
        }
      start = next;
    }
}

/* The language of a group whose first span has ROLE, in link LINK of
   L (or -1).  */
static const char *
speech_lang_of (const struct layout *l, enum style_role role, int32_t link,
                const char *page_lang, const char *ui_lang)
{
  if (role == ROLE_NOTICE || role == ROLE_WARNING_LABEL)
    return ui_lang;
  if (link >= 0 && (size_t) link < l->nlinks
      && strncmp (l->links[link].target, "lang:", 5) == 0)
    return l->links[link].target + 5;
  return page_lang;
}

/* True if spans of ROLE are not said: bullets and arrows.  */
static bool
speech_silent (enum style_role role)
{
  return role == ROLE_BULLET || role == ROLE_LINK_MARK;
}

/* Says lines [FROM, TO) of L, group by group; only the label of a link
   (item 0) with LABEL_ONLY.  */
static void
speech_lines (struct speech_list *out, const struct layout *l, size_t from,
              size_t to, bool label_only, const char *page_lang,
              const char *ui_lang)
{
  struct speech_group g;
  size_t i = from;

  memset (&g, 0, sizeof g);
  while (i < to)
    {
      const struct layout_line *first = &l->lines[i];
      uint32_t item = first->offset >> 16;
      enum style_role role = ROLE_BODY;
      bool have_role = false;
      size_t j = i;

      g.len = 0;
      g.npieces = 0;
      /* The lines of one item: the top of a frame (its label) is one
         alone; a blank line ends any.  */
      for (; j < to; j++)
        {
          const struct layout_line *ln = &l->lines[j];

          if (ln->nspans == 0)
            {
              if (j == i)
                j++;
              break;
            }
          if (j > i && (ln->block != first->block
                        || (ln->offset >> 16) != item
                        || ln->link != first->link
                        || ln->frame == FRAME_TOP
                        || first->frame == FRAME_TOP))
            break;
          for (size_t k = 0; k < ln->nspans; k++)
            {
              const struct layout_span *sp = &l->spans[ln->span + k];
              bool newline = true;

              if (speech_silent ((enum style_role) sp->role)
                  || sp->len == 0)
                continue;
              if (!have_role)
                {
                  role = (enum style_role) sp->role;
                  have_role = true;
                }
              for (size_t p = 0; p < k; p++)
                if (!speech_silent ((enum style_role)
                                    l->spans[ln->span + p].role))
                  newline = false;
              speech_group_add (&g, l, sp, (uint32_t) j, newline);
            }
        }
      if (g.npieces > 0 && !(label_only && item != 0))
        speech_group_say (out, &g,
                          speech_lang_of (l, role, first->link, page_lang,
                                          ui_lang),
                          first->block, item, first->link);
      i = j > i ? j : i + 1;
    }
  free (g.text);
  free (g.pieces);
}

void
speech_page (struct speech_list *out, const struct layout *l,
             const char *page_lang, const char *ui_lang)
{
  if (l != NULL)
    speech_lines (out, l, 0, l->nlines, false, page_lang, ui_lang);
}

bool
speech_link (struct speech_list *out, const struct layout *l, int32_t k,
             const char *page_lang, const char *ui_lang)
{
  const struct layout_link *ln;

  if (l == NULL || k < 0 || (size_t) k >= l->nlinks)
    return false;
  ln = &l->links[k];
  if (ln->line >= l->nlines)
    return false;
  speech_lines (out, l, ln->line,
                ln->line + ln->nlines <= l->nlines ? ln->line + ln->nlines
                                                   : l->nlines,
                true, page_lang, ui_lang);
  return true;
}

size_t
speech_find (const struct speech_list *l, uint32_t block, uint32_t item,
             uint32_t seq)
{
  for (size_t i = 0; i < l->n; i++)
    {
      const struct speech_utt *u = &l->v[i];

      if (u->block > block || (u->block == block && u->item > item)
          || (u->block == block && u->item == item && u->seq >= seq))
        return i;
    }
  return l->n;
}

size_t
speech_at_line (const struct speech_list *l, size_t line)
{
  for (size_t i = 0; i < l->n; i++)
    if (l->v[i].end > l->v[i].off && l->v[i].line >= line)
      return i;
  return l->n;
}

size_t
speech_of_link (const struct speech_list *l, int32_t k)
{
  for (size_t i = 0; i < l->n; i++)
    if (l->v[i].link == k)
      return i;
  return l->n;
}

void
speech_split_every (struct speech_list *l, const char *const *langs,
                    size_t n)
{
  static const char sep[] = " \xC2\xB7 ";
  struct speech_list out;

  if (n == 0)
    return;
  speech_list_init (&out);
  for (size_t i = 0; i < l->n; i++)
    {
      struct speech_utt *u = &l->v[i];
      const char *t = u->text;
      size_t k = 0;

      if (strcmp (u->lang, "mul") != 0)
        {
          out.v = xgrow (out.v, &out.cap, out.n + 1, sizeof *out.v);
          out.v[out.n++] = *u;
          continue;
        }
      for (;;)
        {
          const char *end = strstr (t, sep);
          size_t len = end != NULL ? (size_t) (end - t) : strlen (t);
          struct speech_utt *v = speech_push (&out, langs[k < n ? k : n - 1],
                                              t, len);

          if (v != NULL)
            {
              char keep[SPEECH_LANG_MAX];

              memcpy (keep, v->lang, sizeof keep);
              *v = (struct speech_utt) { .off = u->off, .end = u->end,
                                         .line = u->line,
                                         .nlines = u->nlines,
                                         .block = u->block, .item = u->item,
                                         .seq = u->seq * 16 + (uint32_t) k,
                                         .link = u->link, .text = v->text };
              memcpy (v->lang, keep, sizeof keep);
            }
          k++;
          if (end == NULL)
            break;
          t = end + strlen (sep);
        }
      free (u->text);
    }
  free (l->v);
  *l = out;
}
