/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* reader.h -- reading aloud: what is being said, and what comes next.

   The reader holds the utterances of the screen (speech.h) and a queue
   of one-off ones (a link selected, a message), and feeds a voice one
   utterance at a time: the queue first, then the page from where the
   reading is.  When the voice says an utterance is done, the next goes;
   a stop silences the voice at once and forgets the queue, but keeps the
   place in the page, so that "read on" starts again at the sentence
   that was cut.  The utterance sounding now is what the screen
   highlights.

   The voice is borrowed (NULL: nothing is said, the reader only keeps
   its place).  Rate and volume are the patient's.  Pure: no curses, no
   I/O but through the voice.  */

#ifndef MESOKIOSK_READER_H
#define MESOKIOSK_READER_H

#include "layout.h"
#include "speech.h"
#include "voice.h"

struct reader
{
  struct voice *voice;          /* Borrowed, or NULL.  */
  unsigned rate, volume;
  struct speech_list page;      /* The screen's utterances.  */
  const struct layout *layout;  /* What PAGE was made from (compared,
                                   never read through).  */
  struct speech_list queue;     /* One-offs, said before the page.  */
  size_t qpos;                  /* Next one-off of QUEUE.  */
  bool reading;                 /* Reading the page on, from POS to TO.  */
  size_t pos, to;
  size_t resume;                /* Where "read on" starts.  */
  unsigned last_id;             /* Ids given to the voice so far.  */
  unsigned playing;             /* The id sounding or waiting, or 0.  */
  size_t playing_index;         /* Its utterance in PAGE, or SIZE_MAX for
                                   a one-off.  */
  bool sounding;                /* PLAYING has begun to sound.  */
};

void reader_init (struct reader *r, unsigned rate, unsigned volume);
void reader_done (struct reader *r);

/* Gives the reader a voice (borrowed; NULL: none).  Stops first.  */
void reader_set_voice (struct reader *r, struct voice *v);

/* Takes the utterances of layout L (speech_page()).  If L shows the same
   page as before (SAME: a new layout of it, at another width), the place
   in it is kept, found again by its block, item and sentence; else the
   reading stops and starts at the top.  */
void reader_set_page (struct reader *r, const struct layout *l,
                      const char *page_lang, const char *ui_lang, bool same);

/* Stops at once, forgetting the queue; the place in the page stays.  */
void reader_stop (struct reader *r);
/* Says TEXT in LANG, after the other one-offs and before the page.  */
void reader_say (struct reader *r, const char *lang, const char *text);
/* Reads the page's utterances [FROM, TO) (TO is capped at their
   number), after the one-offs.  */
void reader_read (struct reader *r, size_t from, size_t to);

/* Takes an event of the voice; returns true if the utterance sounding
   changed (the highlight moves).  */
bool reader_event (struct reader *r, const struct voice_event *ev);

/* The utterance of the page sounding now, or NULL.  */
const struct speech_utt *reader_current (const struct reader *r);
/* True while something is said or waits to be.  */
bool reader_busy (const struct reader *r);

/* Sets the rate and volume, within the voice's limits; they apply from
   the next utterance.  */
void reader_set_rate (struct reader *r, unsigned rate);
void reader_set_volume (struct reader *r, unsigned volume);

#endif /* MESOKIOSK_READER_H */
