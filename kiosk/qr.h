/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* qr.h -- the clinic's contact card as a QR code.

   A phone's camera that reads the code offers to save the clinic's name
   and phone number: patients are at home when the skin turns pale.  The
   card is a MECARD ("MECARD:N:name;TEL:digits;;"), which iOS and Android
   cameras read and which is about half the size of the smallest vCard:
   a clinic's name and number then fit a version 3 or 4 code, 29 or 33
   modules a side, which half blocks draw in 17 or 19 rows, under the
   title, the status line and the buttons of an 80x24 screen (a longer
   name loses its last words on the card, never the number).  A card with
   accents says it is UTF-8 (ECI 26): readers left to guess took it for
   Shift JIS.  This module makes the text and the module matrix (with
   libqrencode); layout.c draws it.  No curses here.  */

#ifndef MESOKIOSK_QR_H
#define MESOKIOSK_QR_H

#include "page.h"
#include "settings.h"

/* Light modules drawn around the code (the quiet zone), each side.  */
enum { QR_QUIET = 2 };

/* The contact card of the clinic SET names (its name, or a wording in
   LANG, cut to fit the screen), or NULL when the settings give no phone
   number with a digit in it.  Caller frees.  */
char *qr_contact_text (const struct settings *set, const char *lang);

/* True if SET gives a phone number with a digit in it: a card to take
   home, and a button that offers it.  */
bool qr_has_contact (const struct settings *set);

/* TEXT (UTF-8) as a QR code: SIZE rows of SIZE bytes, 1 for a dark
   module, with no quiet zone; or NULL if it is too long for a code.
   Error correction M, or L where M would take a larger code than the
   screen holds.  Caller frees.  */
uint8_t *qr_encode (const char *text, unsigned *size);

/* Fills QR block B of page P (in P's arena and language) from SET: the
   modules, the clinic's name (TITLE) and phone number (TEXT).  With no
   phone number the block stays empty and shows nothing.  Returns true if
   there is a code.  */
bool qr_fill_block (struct page *p, struct block *b,
                    const struct settings *set);

/* The screen that shows the card, in LANG, as a synthetic page: a title
   and the code (caller frees with page_free()).  NULL when no phone
   number is set: there is nothing to take home, and no button should
   offer it.  */
struct page *qr_page_new (const struct settings *set, const char *lang);

#endif /* MESOKIOSK_QR_H */
