/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* console.h -- the Linux console's font, changed and given back.

   console_open() asks the kernel for the console's font (KDFONTOP, get)
   on the terminal's descriptor: only a Linux virtual console whose
   driver can change fonts answers, so xterm, ssh and serial lines never
   get the larger-text button.  console_load() saves the console's own
   font and its Unicode map the first time, then loads a PSF font file
   (.psf or .psf.gz: gzip -dc decompresses it, so nothing of zlib is
   linked or loaded) with its Unicode map; console_restore() gives the
   saved font back.

   The saved font is given back on exit, at the end of a visit, on a
   fatal signal (console_restore_crash(), async-signal-safe: term.c's
   handler calls it), and after a SIGKILL at the next start: it is also
   written to console-font in $RUNTIME_DIRECTORY (systemd's
   RuntimeDirectory=, or MESOKIOSK_RUNTIME_DIR) while it is changed, and
   console_open() loads it back if it finds it there.  */

#ifndef MESOKIOSK_CONSOLE_H
#define MESOKIOSK_CONSOLE_H

struct console;

/* The console on FD, or NULL if its font cannot be changed (ERR, static,
   says why).  Gives back a font left changed by a killed kiosk.  */
struct console *console_open (int fd, const char **err);
/* Gives the font back if it was changed, and frees C.  */
void console_close (struct console *c);

/* The console's size in cells and the size of a cell, now.  */
void console_geometry (const struct console *c, unsigned *cols,
                       unsigned *rows, unsigned *cell_w, unsigned *cell_h);

/* Loads the PSF font FILE (saving the console's own first).  Returns
   false, with a message in *ERR (caller frees), if it cannot; the font
   is then the one before.  */
bool console_load (struct console *c, const char *file, char **err);
/* Gives the console its own font back (if it was changed).  */
bool console_restore (struct console *c);
/* The same from a signal handler: only system calls.  */
void console_restore_crash (void);

/* The directory of the console fonts (MESOKIOSK_CONSOLEFONTS, for
   tests, or /usr/share/consolefonts).  */
const char *console_font_dir (void);

/* --check-console: on the console on FD, loads every text size and
   gives the console's font back, checking each step; prints what it
   does on standard error.  Returns 0 if all went well, 1 if not, 77 if
   FD is not a console whose font can change (nothing to check).  */
int console_check (int fd);

#endif /* MESOKIOSK_CONSOLE_H */
