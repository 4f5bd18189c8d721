/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* signals.h -- signals become bytes on a pipe, handled in the main loop.

   Handlers only write the signal number to a self-pipe; the loop polls
   the pipe with the terminal and does the work (ending curses, reloading)
   outside the handler; SIGWINCH too, so the loop takes the new size.
   In kiosk mode SIGINT, SIGQUIT and SIGTSTP are
   ignored; SIGTERM and SIGHUP always end the program cleanly.  Install
   before curses starts, so that curses keeps these handlers.  */

#ifndef MESOKIOSK_SIGNALS_H
#define MESOKIOSK_SIGNALS_H

enum
{
  SIGNALS_QUIT = 1 << 0,        /* SIGTERM, SIGHUP (and SIGINT, SIGQUIT
                                   outside kiosk mode).  */
  SIGNALS_RELOAD = 1 << 1,      /* SIGUSR1.  */
  SIGNALS_RESIZE = 1 << 2       /* SIGWINCH.  */
};

/* Installs the handlers; returns the pipe's read end, or -1.  */
int signals_init (bool kiosk);
/* Reads what arrived; returns SIGNALS_* flags.  */
unsigned signals_take (void);

#endif /* MESOKIOSK_SIGNALS_H */
