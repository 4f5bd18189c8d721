/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* profile.h -- what this kiosk is and what its terminal can show.

   Fixed for the run: main() fills one struct profile from the options,
   the settings and the terminal, and every other part borrows it (the
   session, its screens, the view), so that the kiosk flag, screen-reader
   mode and the charset each have one owner.  No curses here.  */

#ifndef MESOKIOSK_PROFILE_H
#define MESOKIOSK_PROFILE_H

#include "translit.h"

struct profile
{
  enum charset charset;         /* What the terminal can show.  */
  bool plain;                   /* Screen-reader mode: no frames.  */
  bool kiosk;                   /* Unattended: no quitting.  */
};

#endif /* MESOKIOSK_PROFILE_H */
