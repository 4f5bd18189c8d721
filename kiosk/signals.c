/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* signals.c -- signals become bytes on a pipe, handled in the main loop. */

#include "system.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "signals.h"

static int signals_pipe[2] = { -1, -1 };

static void
signals_handler (int sig)
{
  int saved = errno;
  unsigned char c = (unsigned char) sig;
  ssize_t r = write (signals_pipe[1], &c, 1);

  (void) r;
  errno = saved;
}

static void
signals_set (int sig, void (*handler) (int))
{
  struct sigaction sa;

  memset (&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sigemptyset (&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction (sig, &sa, NULL);
}

int
signals_init (bool kiosk)
{
  if (signals_pipe[0] < 0)
    {
      if (pipe (signals_pipe) != 0)
        return -1;
      for (int i = 0; i < 2; i++)
        {
          fcntl (signals_pipe[i], F_SETFL,
                 fcntl (signals_pipe[i], F_GETFL) | O_NONBLOCK);
          fcntl (signals_pipe[i], F_SETFD, FD_CLOEXEC);
        }
    }
  signals_set (SIGTERM, signals_handler);
  signals_set (SIGHUP, signals_handler);
  signals_set (SIGUSR1, signals_handler);
  /* Installed before curses starts, so curses installs none of its own:
     the kiosk reads the terminal itself, and takes the new size in its
     loop (term_resize()).  */
  signals_set (SIGWINCH, signals_handler);
  signals_set (SIGPIPE, SIG_IGN);
  if (kiosk)
    {
      signals_set (SIGINT, SIG_IGN);
      signals_set (SIGQUIT, SIG_IGN);
      signals_set (SIGTSTP, SIG_IGN);
    }
  else
    {
      signals_set (SIGINT, signals_handler);
      signals_set (SIGQUIT, signals_handler);
    }
  return signals_pipe[0];
}

unsigned
signals_take (void)
{
  unsigned char buf[64];
  unsigned flags = 0;
  ssize_t n;

  while ((n = read (signals_pipe[0], buf, sizeof buf)) > 0)
    for (ssize_t i = 0; i < n; i++)
      flags |= buf[i] == SIGUSR1 ? SIGNALS_RELOAD
               : buf[i] == SIGWINCH ? SIGNALS_RESIZE : SIGNALS_QUIT;
  return flags;
}
