/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* speak.c -- mesokiosk-speak, the kiosk's speech helper.

   The only program of mesokiosk linked with libespeak-ng.  The kiosk
   starts it as a child process when a patient turns speech on (never
   before: a kiosk whose speech is off loads nothing of espeak-ng), and
   talks to it on its standard input and output, one line per message
   (kiosk/voice.c has the protocol).  espeak-ng synthesises and plays in
   threads of its own, so a stop is obeyed as soon as it is read, while
   a sentence sounds; the kiosk never waits for the helper.

   Where the sound goes: the default audio device (espeak-ng's own
   output, through PulseAudio or ALSA), or, with MESOKIOSK_SPEAK_OUTPUT
   or --output, "null" (synthesised and thrown away: the benchmark's
   latency) or "wav:DIR" (each utterance written to DIR/ID.wav, with
   DIR/ID.txt saying its language and text: the tests).  --wav FILE
   renders one text to a WAV file and exits.  */

#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <getopt.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include <espeak-ng/speak_lib.h>

enum output
{
  OUT_DEVICE,
  OUT_NULL,
  OUT_WAV_DIR,
  OUT_WAV_FILE
};

static enum output out_kind = OUT_DEVICE;
static const char *out_dir;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static int sample_rate = 22050;

/* The utterance whose audio the callback is getting, for the WAV
   outputs and for the time of the first sample.  */
static unsigned cb_id;
static bool cb_begun;
static FILE *cb_wav;
static uint32_t cb_samples;

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* One line to the kiosk.  */
static void
tell (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));

static void
tell (const char *fmt, ...)
{
  va_list ap;

  pthread_mutex_lock (&out_lock);
  va_start (ap, fmt);
  vfprintf (stdout, fmt, ap);
  va_end (ap);
  fflush (stdout);
  pthread_mutex_unlock (&out_lock);
}

/* ------------------------------------------------------------------ */
/* WAV files: 16-bit mono PCM at espeak-ng's rate.  */

static void
put32 (FILE *f, uint32_t v)
{
  unsigned char b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff,
                         (v >> 24) & 0xff };

  fwrite (b, 1, 4, f);
}

static void
put16 (FILE *f, uint16_t v)
{
  unsigned char b[2] = { v & 0xff, (v >> 8) & 0xff };

  fwrite (b, 1, 2, f);
}

static void
wav_header (FILE *f, uint32_t samples)
{
  uint32_t bytes = samples * 2;

  fseek (f, 0, SEEK_SET);
  fwrite ("RIFF", 1, 4, f);
  put32 (f, 36 + bytes);
  fwrite ("WAVEfmt ", 1, 8, f);
  put32 (f, 16);
  put16 (f, 1);                 /* PCM.  */
  put16 (f, 1);                 /* Mono.  */
  put32 (f, (uint32_t) sample_rate);
  put32 (f, (uint32_t) sample_rate * 2);
  put16 (f, 2);
  put16 (f, 16);
  fwrite ("data", 1, 4, f);
  put32 (f, bytes);
}

static FILE *
wav_open (const char *file)
{
  FILE *f = fopen (file, "wb");

  if (f != NULL)
    wav_header (f, 0);
  return f;
}

static void
wav_close (FILE *f, uint32_t samples)
{
  wav_header (f, samples);
  fclose (f);
}

/* ------------------------------------------------------------------ */
/* espeak-ng's callback: audio (outputs other than the device) and
   events, in order.  */

static void notify_end (unsigned id);

static void
utterance_end (unsigned id)
{
  if (cb_wav != NULL)
    {
      wav_close (cb_wav, cb_samples);
      cb_wav = NULL;
    }
  if (out_kind != OUT_WAV_FILE)
    {
      tell ("E %u\n", id);
      notify_end (id);
    }
  cb_id = 0;
}

static void
utterance_audio (unsigned id)
{
  if (id == cb_id)
    return;
  cb_id = id;
  cb_begun = false;
  cb_samples = 0;
  if (out_kind == OUT_WAV_DIR)
    {
      char file[4096];

      snprintf (file, sizeof file, "%s/%u.wav", out_dir, id);
      cb_wav = wav_open (file);
    }
}

static int
synth_callback (short *wav, int n, espeak_EVENT *ev)
{
  for (; ev != NULL && ev->type != espeakEVENT_LIST_TERMINATED; ev++)
    {
      unsigned id = (unsigned) (uintptr_t) ev->user_data;

      if (id == 0)
        continue;
      if (ev->type == espeakEVENT_MSG_TERMINATED)
        {
          if (id == cb_id || cb_id == 0)
            {
              if (cb_id == 0 && out_kind != OUT_WAV_FILE)
                tell ("B %u %.6f\n", id, now ());
              utterance_end (id);
            }
          continue;
        }
      utterance_audio (id);
      if (!cb_begun && (out_kind == OUT_DEVICE
                        || (wav != NULL && n > 0)))
        {
          cb_begun = true;
          if (out_kind != OUT_WAV_FILE)
            tell ("B %u %.6f\n", id, now ());
        }
    }
  if (wav != NULL && n > 0 && cb_wav != NULL)
    {
      fwrite (wav, sizeof *wav, (size_t) n, cb_wav);
      cb_samples += (uint32_t) n;
    }
  return 0;
}

/* ------------------------------------------------------------------ */

static const char *voice_lang = "";

static bool
set_voice (const char *lang)
{
  espeak_VOICE spec;

  if (strcmp (lang, voice_lang) == 0)
    return true;
  memset (&spec, 0, sizeof spec);
  spec.languages = lang;
  if (espeak_SetVoiceByProperties (&spec) != EE_OK)
    return false;
  voice_lang = strdup (lang);
  return voice_lang != NULL;
}

static void
speak (unsigned id, const char *lang, unsigned rate, unsigned volume,
       const char *text)
{
  if (!set_voice (lang))
    fprintf (stderr, "mesokiosk-speak: no voice for '%s'\n", lang);
  espeak_SetParameter (espeakRATE, (int) rate, 0);
  espeak_SetParameter (espeakVOLUME, (int) volume, 0);
  if (out_kind == OUT_WAV_DIR)
    {
      char file[4096];
      FILE *f;

      snprintf (file, sizeof file, "%s/%u.txt", out_dir, id);
      f = fopen (file, "w");
      if (f != NULL)
        {
          fprintf (f, "%s %s\n", lang, text);
          fclose (f);
        }
    }
  if (espeak_Synth (text, strlen (text) + 1, 0, POS_CHARACTER, 0,
                    espeakCHARS_UTF8, NULL,
                    (void *) (uintptr_t) id) != EE_OK)
    {
      /* Nothing will sound: the kiosk goes on to the next.  */
      tell ("B %u %.6f\n", id, now ());
      tell ("E %u\n", id);
      notify_end (id);
    }
}

/* The utterances the kiosk sent that espeak-ng has not been given yet.
   espeak-ng takes one at a time from here: changing the voice while it
   synthesises in its thread is not safe (espeak-ng 1.51 crashes), so the
   next utterance, maybe in another language, waits for the end of the
   one before.  */
struct pending
{
  unsigned id, rate, volume;
  char lang[16];
  char *text;
};

static struct pending queue[256];
static size_t nqueue;
static unsigned busy;           /* Given to espeak-ng and not ended.  */
static int ended_pipe[2] = { -1, -1 };

/* From the callback: utterance ID ended (the main loop hears it).  */
static void
notify_end (unsigned id)
{
  ssize_t w = write (ended_pipe[1], &id, sizeof id);

  (void) w;
}

static void
drop_queue (void)
{
  for (size_t i = 0; i < nqueue; i++)
    free (queue[i].text);
  nqueue = 0;
}

static void
start_next (void)
{
  struct pending p;

  if (busy != 0 || nqueue == 0)
    return;
  p = queue[0];
  memmove (queue, queue + 1, --nqueue * sizeof *queue);
  busy = p.id;
  speak (p.id, p.lang, p.rate, p.volume, p.text);
  free (p.text);
}

/* One line of the kiosk.  */
static void
command (const char *line)
{
  struct pending p;
  int off = 0;

  if (line[0] == 'X')
    {
      /* At once: espeak-ng stops sounding before it returns.  */
      espeak_Cancel ();
      drop_queue ();
      busy = 0;
      return;
    }
  memset (&p, 0, sizeof p);
  if (sscanf (line, "S %u %15s %u %u %n", &p.id, p.lang, &p.rate, &p.volume,
              &off) != 4 || off <= 0 || nqueue == sizeof queue / sizeof *queue)
    return;
  if (strcmp (p.lang, "-") == 0)
    strcpy (p.lang, "en");
  p.text = strdup (line + off);
  if (p.text == NULL)
    return;
  queue[nqueue++] = p;
  start_next ();
}

/* Reads the kiosk's lines until the end of its input.  */
static int
serve (void)
{
  char buf[8192];
  size_t len = 0;

  tell ("R\n");
  for (;;)
    {
      struct pollfd fds[2] = { { STDIN_FILENO, POLLIN, 0 },
                               { ended_pipe[0], POLLIN, 0 } };
      ssize_t n;
      char *nl;

      if (poll (fds, 2, -1) < 0)
        {
          if (errno == EINTR)
            continue;
          break;
        }
      if (fds[1].revents & POLLIN)
        {
          unsigned id;

          while (read (ended_pipe[0], &id, sizeof id) == (ssize_t) sizeof id)
            if (id == busy)
              busy = 0;
          start_next ();
        }
      if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
        continue;
      n = read (STDIN_FILENO, buf + len, sizeof buf - 1 - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      len += (size_t) n;
      while ((nl = memchr (buf, '\n', len)) != NULL)
        {
          *nl = '\0';
          command (buf);
          len -= (size_t) (nl + 1 - buf);
          memmove (buf, nl + 1, len);
        }
      if (len == sizeof buf - 1)
        len = 0;                /* No line is that long: drop it.  */
    }
  /* The kiosk is gone: stop and go.  espeak_Terminate() is not called:
     while its threads are busy it can crash (espeak-ng 1.51), and the
     process ends anyway.  */
  espeak_Cancel ();
  fflush (stdout);
  _exit (0);
}

static void
usage (FILE *f)
{
  fprintf (f, "\
Usage: mesokiosk-speak [--output=device|null|wav:DIR]\n\
       mesokiosk-speak --wav=FILE [--lang=LANG] [--rate=WPM] TEXT...\n\
The speech helper of mesokiosk: the kiosk starts it when a patient turns\n\
speech on, and speaks through it (see mesokiosk(1), SPEECH).  With --wav,\n\
it says TEXT in LANG (default en) into the WAV file FILE, and exits.\n\
\n\
  -o, --output=WHERE  device (the default audio device), null (nowhere),\n\
                        wav:DIR (one WAV file per utterance in DIR)\n\
  -w, --wav=FILE      say TEXT into FILE and exit\n\
  -l, --lang=LANG     the language of TEXT (fr, en...)\n\
  -r, --rate=WPM      words a minute (80 to 450; default 160)\n\
  -h, --help          display this help and exit\n\
  -V, --version       output version information and exit\n\
\n\
Environment: MESOKIOSK_SPEAK_OUTPUT is the default of --output.\n");
}

static bool
parse_output (const char *s)
{
  if (strcmp (s, "device") == 0 || *s == '\0')
    out_kind = OUT_DEVICE;
  else if (strcmp (s, "null") == 0)
    out_kind = OUT_NULL;
  else if (strncmp (s, "wav:", 4) == 0 && s[4] != '\0')
    {
      out_kind = OUT_WAV_DIR;
      out_dir = s + 4;
    }
  else
    return false;
  return true;
}

int
main (int argc, char **argv)
{
  static const struct option opts[] = {
    { "output", required_argument, NULL, 'o' },
    { "wav", required_argument, NULL, 'w' },
    { "lang", required_argument, NULL, 'l' },
    { "rate", required_argument, NULL, 'r' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
  };
  const char *env = getenv ("MESOKIOSK_SPEAK_OUTPUT");
  const char *wav = NULL, *lang = "en";
  long rate = 160;
  int c, sr;

  if (env != NULL && !parse_output (env))
    {
      fprintf (stderr, "mesokiosk-speak: MESOKIOSK_SPEAK_OUTPUT: unknown"
               " output '%s'\n", env);
      return 2;
    }
  while ((c = getopt_long (argc, argv, "o:w:l:r:hV", opts, NULL)) != -1)
    switch (c)
      {
      case 'o':
        if (!parse_output (optarg))
          {
            fprintf (stderr, "mesokiosk-speak: unknown output '%s'\n",
                     optarg);
            return 2;
          }
        break;
      case 'w':
        wav = optarg;
        break;
      case 'l':
        lang = optarg;
        break;
      case 'r':
        rate = strtol (optarg, NULL, 10);
        if (rate < espeakRATE_MINIMUM || rate > espeakRATE_MAXIMUM)
          {
            fprintf (stderr, "mesokiosk-speak: invalid --rate '%s'\n",
                     optarg);
            return 2;
          }
        break;
      case 'h':
        usage (stdout);
        return 0;
      case 'V':
        printf ("mesokiosk-speak (%s) %s\n", PACKAGE, VERSION);
        return 0;
      default:
        usage (stderr);
        return 2;
      }
  if (wav != NULL)
    {
      char *text;
      size_t len = 0;

      if (optind >= argc)
        {
          fprintf (stderr, "mesokiosk-speak: --wav needs a text\n");
          return 2;
        }
      for (int i = optind; i < argc; i++)
        len += strlen (argv[i]) + 1;
      text = calloc (1, len + 1);
      if (text == NULL)
        return 1;
      for (int i = optind; i < argc; i++)
        {
          strcat (text, argv[i]);
          if (i + 1 < argc)
            strcat (text, " ");
        }
      out_kind = OUT_WAV_FILE;
      sr = espeak_Initialize (AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, 0);
      if (sr <= 0)
        {
          fprintf (stderr, "mesokiosk-speak: espeak-ng cannot start\n");
          return 1;
        }
      sample_rate = sr;
      espeak_SetSynthCallback (synth_callback);
      cb_wav = wav_open (wav);
      if (cb_wav == NULL)
        {
          fprintf (stderr, "mesokiosk-speak: %s: %s\n", wav,
                   strerror (errno));
          return 1;
        }
      cb_id = 1;
      if (!set_voice (lang))
        {
          fprintf (stderr, "mesokiosk-speak: no voice for '%s'\n", lang);
          return 1;
        }
      espeak_SetParameter (espeakRATE, (int) rate, 0);
      espeak_Synth (text, strlen (text) + 1, 0, POS_CHARACTER, 0,
                    espeakCHARS_UTF8, NULL, (void *) (uintptr_t) 1);
      espeak_Synchronize ();
      if (cb_wav != NULL)
        wav_close (cb_wav, cb_samples);
      free (text);
      espeak_Terminate ();
      return 0;
    }
  /* A helper: it ends with the kiosk.  */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
  signal (SIGPIPE, SIG_IGN);
  if (pipe2 (ended_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
    {
      tell ("F cannot make a pipe: %s\n", strerror (errno));
      return 1;
    }
  sr = espeak_Initialize (out_kind == OUT_DEVICE ? AUDIO_OUTPUT_PLAYBACK
                                                 : AUDIO_OUTPUT_RETRIEVAL,
                          out_kind == OUT_DEVICE ? 0 : 100, NULL, 0);
  if (sr <= 0)
    {
      tell ("F %s\n", out_kind == OUT_DEVICE
                        ? "espeak-ng cannot start: no audio device?"
                        : "espeak-ng cannot start");
      return 1;
    }
  sample_rate = sr;
  espeak_SetSynthCallback (synth_callback);
  return serve ();
}
