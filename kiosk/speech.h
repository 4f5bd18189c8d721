/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* speech.h -- what the kiosk says: a laid-out page as utterances.

   A page is read aloud as it is laid out on the screen: the notice, the
   title, the summary, then every block in order, a sentence at a time;
   a warning box is announced by its label (the word on its frame, which
   names its level), a list item by item, a link by its label.  Each
   utterance says in which language it is to be spoken (the page's; the
   interface's for the notice and the warning's label, which are in the
   patient's language; a language's own for a "lang:" link, "English" in
   English), what to say, and which bytes of the layout's text it covers,
   so that the view can highlight the sentence being read and the
   viewport scroll it into view.  Bullets, arrows and frames are not said.

   Utterances own their text; a list owns its utterances.  Pure: the
   layout is only read.  No curses, no speech library here: the voice
   that speaks them is behind voice.h.  */

#ifndef MESOKIOSK_SPEECH_H
#define MESOKIOSK_SPEECH_H

#include "layout.h"

enum { SPEECH_LANG_MAX = 8 };

struct speech_utt
{
  char lang[SPEECH_LANG_MAX];   /* Language to speak it in ("fr").  */
  char *text;                   /* Owned, UTF-8, one line.  */
  uint32_t off, end;            /* Bytes [OFF, END) of the layout's text
                                   (END == OFF: none, a message).  */
  uint32_t line, nlines;        /* Layout lines it is on.  */
  uint32_t block, item, seq;    /* Where it is in the page: the anchor
                                   block and item of its lines, and the
                                   sentence's number in them; the same
                                   after a new layout at another width.  */
  int32_t link;                 /* The link it is the label of, or -1.  */
};

struct speech_list
{
  struct speech_utt *v;         /* Owned, with their texts.  */
  size_t n, cap;
};

void speech_list_init (struct speech_list *l);
void speech_list_done (struct speech_list *l);
/* Empties L, keeping its storage.  */
void speech_list_clear (struct speech_list *l);

/* Appends an utterance of TEXT in LANG that covers nothing on screen.
   TEXT is cleaned (controls become spaces); nothing is added when it is
   blank.  */
void speech_add (struct speech_list *l, const char *lang, const char *text);

/* Appends the utterances of the layout L, in order: the whole of what is
   laid out.  PAGE_LANG is the page's language, UI_LANG the patient's.  */
void speech_page (struct speech_list *out, const struct layout *l,
                  const char *page_lang, const char *ui_lang);
/* Appends the label of link K of L (no note), as one utterance; returns
   false if there is no such link.  */
bool speech_link (struct speech_list *out, const struct layout *l,
                  int32_t k, const char *page_lang, const char *ui_lang);

/* The screens in every language at once (page language "mul": the
   language choice) join the versions of a text with " · ", in the order
   of the offered languages LANGS: each utterance of L in "mul" becomes
   one per version, in its language (LANGS[i], the last one for any
   more), covering the same place on screen.  */
void speech_split_every (struct speech_list *l, const char *const *langs,
                         size_t n);

/* The index of the utterance of L at the place (BLOCK, ITEM, SEQ), or of
   the first one after it; L->N if there is none.  */
size_t speech_find (const struct speech_list *l, uint32_t block,
                    uint32_t item, uint32_t seq);
/* The index of the first utterance of L that is on layout line LINE or
   after it; L->N if there is none.  */
size_t speech_at_line (const struct speech_list *l, size_t line);
/* The index of the first utterance of L that is part of link K; L->N if
   there is none.  */
size_t speech_of_link (const struct speech_list *l, int32_t k);

#endif /* MESOKIOSK_SPEECH_H */
