/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* voice.c -- who speaks the utterances: the speech helper, or a log.  */

#include "system.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "voice.h"
#include "xalloc.h"

static double
voice_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* TEXT with every control and line feed made a space, so that it is one
   line of the protocol (caller frees).  */
static char *
voice_one_line (const char *text)
{
  char *t = xstrdup (text);

  for (char *p = t; *p != '\0'; p++)
    if ((unsigned char) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  return t;
}

/* ------------------------------------------------------------------ */
/* The speech helper: a child process on a socket.

   Protocol, one line each way per message:
     kiosk -> helper   S ID LANG RATE VOLUME TEXT   speak, after the rest
                       X                            stop at once
     helper -> kiosk   R                            ready
                       B ID SECONDS                 began to sound
                       E ID                         done
                       F MESSAGE                    cannot speak  */

struct voice_helper
{
  struct voice v;
  pid_t pid;
  char in[2048];                /* What the helper said, not parsed yet.  */
  size_t inlen;
  bool gone;                    /* The helper ended: said once.  */
};

static void
voice_helper_send (struct voice_helper *h, const char *line)
{
  size_t n = strlen (line), done = 0;

  while (h->v.fd >= 0 && done < n)
    {
      ssize_t w = send (h->v.fd, line + done, n - done, MSG_NOSIGNAL);

      if (w < 0 && errno == EINTR)
        continue;
      if (w <= 0)
        break;                  /* The helper is gone or stuck: next()
                                   says so.  */
      done += (size_t) w;
    }
}

static void
voice_helper_say (struct voice *v, unsigned id, const char *lang,
                  const char *text, unsigned rate, unsigned volume)
{
  char *t = voice_one_line (text);
  char *line = xasprintf ("S %u %s %u %u %s\n", id,
                          lang[0] != '\0' ? lang : "-", rate, volume, t);

  voice_helper_send ((struct voice_helper *) v, line);
  free (line);
  free (t);
}

static void
voice_helper_stop (struct voice *v)
{
  voice_helper_send ((struct voice_helper *) v, "X\n");
}

/* Parses one line of the helper into *EV; false if it means nothing.  */
static bool
voice_helper_parse (const char *line, struct voice_event *ev)
{
  unsigned id;
  double t;

  memset (ev, 0, sizeof *ev);
  if (sscanf (line, "B %u %lf", &id, &t) == 2)
    {
      ev->kind = VOICE_BEGIN;
      ev->id = id;
      ev->t = t;
      return true;
    }
  if (sscanf (line, "E %u", &id) == 1)
    {
      ev->kind = VOICE_END;
      ev->id = id;
      return true;
    }
  if (line[0] == 'F' && line[1] == ' ')
    {
      ev->kind = VOICE_FAILED;
      snprintf (ev->msg, sizeof ev->msg, "%s", line + 2);
      return true;
    }
  return false;
}

static bool
voice_helper_next (struct voice *v, struct voice_event *ev)
{
  struct voice_helper *h = (struct voice_helper *) v;

  for (;;)
    {
      char *nl = memchr (h->in, '\n', h->inlen);
      ssize_t r;

      if (nl != NULL)
        {
          bool ok;

          *nl = '\0';
          ok = voice_helper_parse (h->in, ev);
          h->inlen -= (size_t) (nl + 1 - h->in);
          memmove (h->in, nl + 1, h->inlen);
          if (ok)
            return true;
          continue;
        }
      if (h->inlen == sizeof h->in)
        h->inlen = 0;           /* A line longer than any the helper
                                   sends: drop it.  */
      if (v->fd < 0)
        return false;
      r = recv (v->fd, h->in + h->inlen, sizeof h->in - h->inlen,
                MSG_DONTWAIT);
      if (r > 0)
        {
          h->inlen += (size_t) r;
          continue;
        }
      if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK
                    || errno == EINTR))
        return false;
      /* End of file: the helper ended.  */
      close (v->fd);
      v->fd = -1;
      if (h->pid > 0 && waitpid (h->pid, NULL, WNOHANG) == h->pid)
        h->pid = 0;
      if (h->gone)
        return false;
      h->gone = true;
      memset (ev, 0, sizeof *ev);
      ev->kind = VOICE_FAILED;
      /* Translated where it is logged, in the staff's language.  */
      snprintf (ev->msg, sizeof ev->msg, "%s",
                N_("the speech helper ended"));
      return true;
    }
}

static void
voice_helper_close (struct voice *v)
{
  struct voice_helper *h = (struct voice_helper *) v;

  if (v->fd >= 0)
    close (v->fd);              /* The helper reads the end of file and
                                   ends.  */
  if (h->pid > 0)
    {
      /* It ends within a few milliseconds; a helper that does not is
         made to.  */
      for (int i = 0; i < 50; i++)
        {
          struct timespec ts = { 0, 4 * 1000 * 1000 };

          if (waitpid (h->pid, NULL, WNOHANG) != 0)
            {
              h->pid = 0;
              break;
            }
          if (i == 25)
            kill (h->pid, SIGTERM);
          nanosleep (&ts, NULL);
        }
      if (h->pid > 0)
        {
          kill (h->pid, SIGKILL);
          waitpid (h->pid, NULL, 0);
        }
    }
  free (h);
}

static const struct voice_ops voice_helper_ops = {
  voice_helper_say, voice_helper_stop, voice_helper_next, voice_helper_close
};

struct voice *
voice_open_helper (const char *path, char **err)
{
  struct voice_helper *h;
  int sv[2];
  pid_t pid;

  *err = NULL;
  if (access (path, X_OK) != 0)
    {
      *err = xasprintf (_("cannot run the speech helper %s: %s"), path,
                        strerror (errno));
      return NULL;
    }
  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
    {
      *err = xasprintf (_("cannot start the speech helper: %s"),
                        strerror (errno));
      return NULL;
    }
  pid = fork ();
  if (pid < 0)
    {
      *err = xasprintf (_("cannot start the speech helper: %s"),
                        strerror (errno));
      close (sv[0]);
      close (sv[1]);
      return NULL;
    }
  if (pid == 0)
    {
      /* The child: its standard input and output are the socket, its
         errors go where the kiosk's go; it dies with the kiosk.  */
      sigset_t all;
      static const char failed[] = "F cannot run the speech helper\n";
      ssize_t w;

      sigemptyset (&all);
      sigprocmask (SIG_SETMASK, &all, NULL);
      signal (SIGPIPE, SIG_DFL);
      prctl (PR_SET_PDEATHSIG, SIGTERM);
      if (dup2 (sv[1], STDIN_FILENO) < 0 || dup2 (sv[1], STDOUT_FILENO) < 0)
        _exit (127);
      execl (path, path, (char *) NULL);
      w = write (STDOUT_FILENO, failed, sizeof failed - 1);
      (void) w;
      _exit (127);
    }
  close (sv[1]);
  h = xcalloc (1, sizeof *h);
  h->v.ops = &voice_helper_ops;
  h->v.fd = sv[0];
  h->pid = pid;
  return &h->v;
}

/* ------------------------------------------------------------------ */
/* The log, for tests: each utterance, stop, rate and volume is a line of
   a file, and each utterance lasts PACE milliseconds.  Its descriptor
   is a timer, set to go off at once when an event is waiting, else when
   the utterance being "said" ends.  */

enum { VOICE_LOG_QUEUE = 256 };

struct voice_log
{
  struct voice v;
  FILE *f;
  double pace;                  /* Seconds an utterance lasts.  */
  unsigned queue[VOICE_LOG_QUEUE];      /* Ids waiting their turn.  */
  size_t nqueue;
  unsigned current;             /* Being said, or 0.  */
  double due;                   /* When CURRENT ends.  */
  unsigned begun;               /* A begin to report, or 0.  */
  unsigned rate, volume;        /* The last ones logged.  */
};

static void
voice_log_arm (struct voice_log *g)
{
  struct itimerspec it;
  double left = g->begun != 0 ? 0 : g->due - voice_now ();

  memset (&it, 0, sizeof it);
  if (g->current != 0 || g->begun != 0)
    {
      if (left < 1e-6)
        left = 1e-6;            /* 0 would disarm the timer.  */
      it.it_value.tv_sec = (time_t) left;
      it.it_value.tv_nsec = (long) ((left - (double) (time_t) left) * 1e9);
    }
  timerfd_settime (g->v.fd, 0, &it, NULL);
}

/* Starts the next utterance of the queue, if none is being said.  */
static void
voice_log_start (struct voice_log *g)
{
  if (g->current != 0 || g->nqueue == 0)
    return;
  g->current = g->queue[0];
  memmove (g->queue, g->queue + 1, --g->nqueue * sizeof *g->queue);
  g->begun = g->current;
  g->due = voice_now () + g->pace;
}

static void
voice_log_say (struct voice *v, unsigned id, const char *lang,
               const char *text, unsigned rate, unsigned volume)
{
  struct voice_log *g = (struct voice_log *) v;
  char *t = voice_one_line (text);

  if (rate != g->rate)
    fprintf (g->f, "rate %u\n", rate);
  if (volume != g->volume)
    fprintf (g->f, "volume %u\n", volume);
  g->rate = rate;
  g->volume = volume;
  fprintf (g->f, "say %s %s\n", lang, t);
  fflush (g->f);
  free (t);
  if (g->nqueue < VOICE_LOG_QUEUE)
    g->queue[g->nqueue++] = id;
  voice_log_start (g);
  voice_log_arm (g);
}

static void
voice_log_stop (struct voice *v)
{
  struct voice_log *g = (struct voice_log *) v;

  fprintf (g->f, "stop\n");
  fflush (g->f);
  g->nqueue = 0;
  g->current = 0;
  g->begun = 0;
  voice_log_arm (g);
}

static bool
voice_log_next (struct voice *v, struct voice_event *ev)
{
  struct voice_log *g = (struct voice_log *) v;
  uint64_t expired;
  ssize_t r = read (v->fd, &expired, sizeof expired);
  bool got = false;

  (void) r;
  memset (ev, 0, sizeof *ev);
  if (g->begun != 0)
    {
      ev->kind = VOICE_BEGIN;
      ev->id = g->begun;
      ev->t = voice_now ();
      g->begun = 0;
      got = true;
    }
  else if (g->current != 0 && voice_now () >= g->due)
    {
      ev->kind = VOICE_END;
      ev->id = g->current;
      g->current = 0;
      voice_log_start (g);
      got = true;
    }
  voice_log_arm (g);
  return got;
}

static void
voice_log_close (struct voice *v)
{
  struct voice_log *g = (struct voice_log *) v;

  fprintf (g->f, "close\n");
  fclose (g->f);
  close (v->fd);
  free (g);
}

static const struct voice_ops voice_log_ops = {
  voice_log_say, voice_log_stop, voice_log_next, voice_log_close
};

struct voice *
voice_open_log (const char *file, unsigned pace_ms, char **err)
{
  struct voice_log *g;
  FILE *f = fopen (file, "ae");
  int fd;

  *err = NULL;
  if (f == NULL)
    {
      *err = xasprintf (_("cannot open the speech log %s: %s"), file,
                        strerror (errno));
      return NULL;
    }
  fd = timerfd_create (CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  if (fd < 0)
    {
      *err = xasprintf (_("cannot open the speech log %s: %s"), file,
                        strerror (errno));
      fclose (f);
      return NULL;
    }
  g = xcalloc (1, sizeof *g);
  g->v.ops = &voice_log_ops;
  g->v.fd = fd;
  g->f = f;
  g->pace = pace_ms / 1000.0;
  fprintf (f, "open\n");
  fflush (f);
  return &g->v;
}
