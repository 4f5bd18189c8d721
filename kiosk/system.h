/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* system.h -- the first include of every mesokiosk source file.

   Pulls in config.h, the standard headers every module uses, and the
   gettext macros: _() translates now, N_() marks a string for translation
   in a static table (translate it with _() at draw time), C_() translates
   with a context for words that are ambiguous out of context.  They look
   in the clinic's catalogs first (i18n.h), then in gettext's; ngettext()
   too (its two strings stay checkable formats: -Wformat-nonliteral).  */

#ifndef MESOKIOSK_SYSTEM_H
#define MESOKIOSK_SYSTEM_H

#include <config.h>

#include <stdbool.h>
#include <stddef.h>
#include <locale.h>
#include <stdint.h>

#include "gettext.h"

#define ARRAY_SIZE(a) (sizeof (a) / sizeof ((a)[0]))

#if defined __GNUC__ || defined __clang__
# define ATTR_PRINTF(fmt, args) __attribute__ ((format (printf, fmt, args)))
# define ATTR_NORETURN __attribute__ ((noreturn))
# define ATTR_MALLOC __attribute__ ((malloc))
# define ATTR_NOINLINE __attribute__ ((noinline))
# define ATTR_WARN_UNUSED __attribute__ ((warn_unused_result))
# define ATTR_FORMAT_ARG(n) __attribute__ ((format_arg (n)))
#else
# define ATTR_PRINTF(fmt, args)
# define ATTR_NORETURN
# define ATTR_MALLOC
# define ATTR_NOINLINE
# define ATTR_WARN_UNUSED
# define ATTR_FORMAT_ARG(n)
#endif

/* The interface language's translations: the clinic's catalogs first,
   then gettext's (i18n.c, i18n.h).  _() and ngettext() are what
   xgettext looks for (locale/Makevars).  */
const char *i18n_gettext (const char *msgid) ATTR_FORMAT_ARG (1);
const char *i18n_pgettext (const char *glued, const char *msgid)
  ATTR_FORMAT_ARG (2);
const char *i18n_ngettext (const char *msgid1, const char *msgid2,
                           unsigned long n)
  ATTR_FORMAT_ARG (1) ATTR_FORMAT_ARG (2);

#define _(msgid) i18n_gettext (msgid)
#define N_(msgid) gettext_noop (msgid)
#define C_(ctx, msgid) i18n_pgettext (ctx GETTEXT_CONTEXT_GLUE msgid, msgid)
#undef ngettext
#define ngettext(msgid1, msgid2, n) i18n_ngettext (msgid1, msgid2, n)
/* Marks a string with context in a static table, without translating it:
   the value is the context-glued id, translated at draw time by CT_().  */
#define NC_(ctx, msgid) ctx GETTEXT_CONTEXT_GLUE msgid

#include <string.h>

/* Translates an id made by NC_().  */
static inline const char *
CT_ (const char *glued)
{
  const char *msgid = strchr (glued, GETTEXT_CONTEXT_GLUE[0]);

  return i18n_pgettext (glued, msgid != NULL ? msgid + 1 : glued);
}

#endif /* MESOKIOSK_SYSTEM_H */
