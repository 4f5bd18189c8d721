/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* voice.h -- who speaks the utterances: the speech helper, or a log.

   A voice takes utterances (an id, a language, a text, a rate and a
   volume) and stops at once when told; it never makes its caller wait.
   What it has done comes back as events on a file descriptor that the
   event loop polls: an utterance began to sound (with the time of its
   first audio sample), ended, or the voice failed.  Events of an
   utterance that was stopped may still come: callers ignore ids they
   no longer wait for.

   Two voices: the speech helper, mesokiosk-speak, a child process fed
   over a socket (the only program linked with libespeak-ng, started
   when speech is turned on, so that a kiosk whose speech is off loads
   nothing of it: voice_open_helper()); and a log that writes each
   utterance, each stop and each change of rate or volume to a file and
   ends each utterance after a set time, for tests (voice_open_log()).
   Tests of the reader make a voice of their own from struct voice_ops.
   No curses here.  */

#ifndef MESOKIOSK_VOICE_H
#define MESOKIOSK_VOICE_H

enum voice_event_kind
{
  VOICE_BEGIN,          /* Utterance ID began to sound, at T.  */
  VOICE_END,            /* Utterance ID is done.  */
  VOICE_FAILED          /* The voice cannot speak (MSG says why).  */
};

struct voice_event
{
  enum voice_event_kind kind;
  unsigned id;
  double t;                     /* VOICE_BEGIN: CLOCK_MONOTONIC seconds of
                                   the first audio sample.  */
  char msg[160];                /* VOICE_FAILED: in English (the helper's,
                                   or a message id: translate it with
                                   _() where it is shown).  */
};

/* Speech rates (words a minute) and volumes (percent) a voice takes.  */
enum
{
  VOICE_RATE_MIN = 80, VOICE_RATE_MAX = 400, VOICE_RATE_DEFAULT = 160,
  VOICE_VOLUME_MIN = 10, VOICE_VOLUME_MAX = 200, VOICE_VOLUME_DEFAULT = 100
};

struct voice;

struct voice_ops
{
  /* Speaks TEXT (UTF-8, one line) in LANG as utterance ID, after what
     it is saying now.  */
  void (*say) (struct voice *v, unsigned id, const char *lang,
               const char *text, unsigned rate, unsigned volume);
  /* Stops at once, and forgets what was queued.  */
  void (*stop) (struct voice *v);
  /* Takes the next event without waiting; false if there is none.  */
  bool (*next) (struct voice *v, struct voice_event *ev);
  void (*close) (struct voice *v);
};

struct voice
{
  const struct voice_ops *ops;
  int fd;                       /* Readable when an event may be there;
                                   -1 if never.  */
};

/* Starts the speech helper PATH (with no arguments) as a child process.
   Returns NULL with a message in *ERR (caller frees) if it cannot.  */
struct voice *voice_open_helper (const char *path, char **err);
/* A voice that appends to FILE, and ends each utterance PACE_MS
   milliseconds after it began (0: at once).  */
struct voice *voice_open_log (const char *file, unsigned pace_ms,
                              char **err);

static inline void
voice_say (struct voice *v, unsigned id, const char *lang, const char *text,
           unsigned rate, unsigned volume)
{
  v->ops->say (v, id, lang, text, rate, volume);
}

static inline void
voice_stop (struct voice *v)
{
  v->ops->stop (v);
}

static inline bool
voice_next (struct voice *v, struct voice_event *ev)
{
  return v->ops->next (v, ev);
}

static inline void
voice_close (struct voice *v)
{
  if (v != NULL)
    v->ops->close (v);
}

#endif /* MESOKIOSK_VOICE_H */
