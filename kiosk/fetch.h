/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* fetch.h -- reading what the session needs, between its transitions.

   The session never reads a file (session.h): when a transition needs a
   page, a title or the search index not read yet, it returns RESULT_NEED
   and says what in session_need().  These functions are the only model
   code that reads on the session's behalf: they call a session function,
   read what it needs with library_supply(), and call it again until it
   is done, then lay out what the screen shows.  Each supply reads a file
   not read before (or builds the index once), so they always end.  The
   loop, --dump and the tests go through them.  No curses here.  */

#ifndef MESOKIOSK_FETCH_H
#define MESOKIOSK_FETCH_H

#include "layout.h"
#include "library.h"
#include "screens.h"
#include "session.h"

/* session_handle (S, A, ARG), with what it needs read from LIB, and the
   screen laid out.  Never RESULT_NEED.  */
enum result fetch_handle (struct session *s, struct library *lib,
                          enum action a, long arg);
/* session_resize(), then the screen laid out.  */
enum result fetch_resize (struct session *s, struct library *lib,
                          unsigned width, unsigned rows);
/* session_set_library (S, LIB), with what it needs read from LIB.  */
enum result fetch_set_library (struct session *s, struct library *lib);
/* Lays out what the screen shows (after session_new() or the loop's
   own reading), reading the titles it needs.  */
void fetch_fill (struct session *s, struct library *lib);
/* Lays out the page the selected link leads to, ahead of time, reading
   what it needs.  Returns true if it did some work.  */
bool fetch_prepare (struct session *s, struct library *lib);

/* Lays out the whole of the page shown (to read it aloud), reading the
   titles it needs.  */
void fetch_complete (struct session *s, struct library *lib);

/* Lays out the whole of page P with O, whose link labels come from
   LABELS over LIB (screens_options()), reading the titles they need:
   what --dump prints.  Caller frees with layout_free().  */
struct layout *fetch_layout (struct library *lib, const struct page *p,
                             const struct layout_options *o,
                             struct screens_labels *labels);

#endif /* MESOKIOSK_FETCH_H */
