/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* reader.c -- reading aloud: what is being said, and what comes next.  */

#include "system.h"

#include <string.h>

#include "reader.h"

void
reader_init (struct reader *r, unsigned rate, unsigned volume)
{
  memset (r, 0, sizeof *r);
  speech_list_init (&r->page);
  speech_list_init (&r->queue);
  r->playing_index = SIZE_MAX;
  reader_set_rate (r, rate);
  reader_set_volume (r, volume);
}

void
reader_done (struct reader *r)
{
  reader_stop (r);
  speech_list_done (&r->page);
  speech_list_done (&r->queue);
}

void
reader_set_rate (struct reader *r, unsigned rate)
{
  r->rate = rate < VOICE_RATE_MIN ? VOICE_RATE_MIN
            : rate > VOICE_RATE_MAX ? VOICE_RATE_MAX : rate;
}

void
reader_set_volume (struct reader *r, unsigned volume)
{
  r->volume = volume < VOICE_VOLUME_MIN ? VOICE_VOLUME_MIN
              : volume > VOICE_VOLUME_MAX ? VOICE_VOLUME_MAX : volume;
}

/* Gives the voice the next utterance, if nothing is waiting for it.  */
static void
reader_next (struct reader *r)
{
  const struct speech_utt *u = NULL;
  size_t index = SIZE_MAX;

  if (r->playing != 0)
    return;
  if (r->qpos < r->queue.n)
    u = &r->queue.v[r->qpos++];
  else
    {
      speech_list_clear (&r->queue);
      r->qpos = 0;
      if (r->reading && r->pos < r->to && r->pos < r->page.n)
        {
          index = r->pos++;
          u = &r->page.v[index];
          r->resume = index;
        }
      else if (r->reading)
        {
          r->reading = false;
          if (r->pos >= r->page.n)
            r->resume = 0;      /* Read to the end: read on starts again
                                   at the top.  */
          else
            r->resume = r->pos;
        }
    }
  if (u == NULL)
    return;
  r->playing = ++r->last_id;
  if (r->playing == 0)
    r->playing = ++r->last_id;  /* 0 means none.  */
  r->playing_index = index;
  r->sounding = false;
  if (r->voice != NULL)
    voice_say (r->voice, r->playing, u->lang, u->text, r->rate, r->volume);
}

void
reader_stop (struct reader *r)
{
  bool busy = reader_busy (r);

  if (r->playing != 0 && r->playing_index != SIZE_MAX)
    r->resume = r->playing_index;
  else if (r->reading)
    r->resume = r->pos;
  r->playing = 0;
  r->playing_index = SIZE_MAX;
  r->sounding = false;
  r->reading = false;
  speech_list_clear (&r->queue);
  r->qpos = 0;
  if (busy && r->voice != NULL)
    voice_stop (r->voice);
}

void
reader_set_voice (struct reader *r, struct voice *v)
{
  reader_stop (r);
  r->voice = v;
}

void
reader_set_page (struct reader *r, const struct layout *l,
                 const char *page_lang, const char *ui_lang, bool same)
{
  const struct speech_utt *u;
  uint32_t block = 0, item = 0, seq = 0;
  bool had = false, was_reading = r->reading;
  size_t at, playing = r->playing_index, to = r->to;

  if (same)
    {
      /* The place: the sentence sounding, else where read on starts.  */
      size_t i = playing != SIZE_MAX ? playing : r->resume;

      if (i < r->page.n)
        {
          u = &r->page.v[i];
          block = u->block;
          item = u->item;
          seq = u->seq;
          had = true;
        }
    }
  else
    reader_stop (r);
  speech_list_clear (&r->page);
  speech_page (&r->page, l, page_lang, ui_lang);
  r->layout = l;
  at = had ? speech_find (&r->page, block, item, seq) : 0;
  r->resume = at;
  if (!same)
    return;
  if (playing != SIZE_MAX)
    {
      /* The same sentence goes on sounding; only its place moved.  */
      r->playing_index = at < r->page.n ? at : SIZE_MAX;
      r->pos = at + 1;
    }
  else if (was_reading)
    r->pos = at;
  r->to = to == SIZE_MAX || to > r->page.n ? r->page.n : to;
}

void
reader_say (struct reader *r, const char *lang, const char *text)
{
  speech_add (&r->queue, lang, text);
  reader_next (r);
}

void
reader_read (struct reader *r, size_t from, size_t to)
{
  r->reading = true;
  r->pos = from;
  r->to = to > r->page.n ? r->page.n : to;
  r->resume = from;
  reader_next (r);
}

bool
reader_event (struct reader *r, const struct voice_event *ev)
{
  switch (ev->kind)
    {
    case VOICE_BEGIN:
      if (ev->id != r->playing || r->sounding)
        return false;
      r->sounding = true;
      return r->playing_index != SIZE_MAX;
    case VOICE_END:
      {
        bool was_page = r->playing_index != SIZE_MAX;

        if (ev->id != r->playing)
          return false;
        r->playing = 0;
        r->playing_index = SIZE_MAX;
        r->sounding = false;
        reader_next (r);
        return was_page || r->playing_index != SIZE_MAX;
      }
    case VOICE_FAILED:
    default:
      {
        bool was_page = r->playing_index != SIZE_MAX;

        reader_stop (r);
        return was_page;
      }
    }
}

const struct speech_utt *
reader_current (const struct reader *r)
{
  if (r->playing == 0 || r->playing_index >= r->page.n)
    return NULL;
  return &r->page.v[r->playing_index];
}

bool
reader_busy (const struct reader *r)
{
  return r->playing != 0 || r->qpos < r->queue.n
         || (r->reading && r->pos < r->to && r->pos < r->page.n);
}
