/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* check.h -- what no single file can show: links, languages, settings.

   check_library() reads every page of a library and adds to its
   diagnostics the problems found across files: links to pages that do
   not exist, pages missing in an offered language, languages without
   pages, menu entries without a page, pages whose translations differ in
   their links or warnings.  --check runs it; so does a reload.  */

#ifndef MESOKIOSK_CHECK_H
#define MESOKIOSK_CHECK_H

#include "library.h"

void check_library (struct library *lib);

#endif /* MESOKIOSK_CHECK_H */
