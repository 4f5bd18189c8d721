/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* load.h -- YAML files into the content model.

   load_page() reads one page file (content/<lang>/<id>.yaml) into a
   struct page; load_settings() reads one kiosk.yaml over a struct
   settings.  Both take a buffer, so tests need no files, and report every
   problem into a diag_list.  load_read_file() reads a whole file with the
   size limit.  No curses here.  */

#ifndef MESOKIOSK_LOAD_H
#define MESOKIOSK_LOAD_H

#include "diag.h"
#include "page.h"
#include "settings.h"

enum load_mode
{
  LOAD_FULL,            /* Everything, checked.  */
  LOAD_HEADER           /* Stop once the title is in: what a menu or a
                           link needs.  */
};

/* Reads the file at PATH into *BUF (NUL-terminated, caller frees) and
   *LEN.  Returns 1 on success, 0 if it does not exist (no diagnostic
   unless REQUIRED), -1 on another problem (diagnosed).  */
int load_read_file (const char *path, bool required, char **buf, size_t *len,
                    struct diag_list *diags);

/* Reads a page from the LEN bytes at BUF.  FILE names it in diagnostics;
   LANG is its language; EXPECT_ID, if not NULL, is the id its file name
   gives.  SET fills placeholders.  Returns the page (caller frees with
   page_free), or NULL if it had any error.  */
struct page *load_page (const char *file, const char *buf, size_t len,
                        const char *lang, const char *expect_id,
                        enum load_mode mode, const struct settings *set,
                        struct diag_list *diags);

/* Reads settings from the LEN bytes at BUF over SET: keys present and
   valid replace the current values; others keep them.  Returns false if
   there was any error.  */
bool load_settings (const char *file, const char *buf, size_t len,
                    struct settings *set, struct diag_list *diags);

#endif /* MESOKIOSK_LOAD_H */
