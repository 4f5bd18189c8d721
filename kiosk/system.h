/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* system.h -- the first include of every mesokiosk source file.

   Pulls in config.h, the standard headers every module uses, and the
   gettext macros: _() translates now, N_() marks a string for translation
   in a static table (translate it with _() at draw time), C_() translates
   with a context for words that are ambiguous out of context.  */

#ifndef MESOKIOSK_SYSTEM_H
#define MESOKIOSK_SYSTEM_H

#include <config.h>

#include <stdbool.h>
#include <stddef.h>
#include <locale.h>
#include <stdint.h>

#include "gettext.h"

#if !(defined ENABLE_NLS && ENABLE_NLS)
/* gettext.h's ngettext() hides its two strings behind casts and commas,
   so GCC cannot check a format given by it (-Wformat-nonliteral); a bare
   conditional keeps both literals in view.  */
# undef ngettext
# define ngettext(msgid1, msgid2, n) ((n) == 1 ? (msgid1) : (msgid2))
#endif

#define _(msgid) gettext (msgid)
#define N_(msgid) gettext_noop (msgid)
#define C_(ctx, msgid) pgettext (ctx, msgid)
/* Marks a string with context in a static table, without translating it:
   the value is the context-glued id, translated at draw time by CT_().  */
#define NC_(ctx, msgid) ctx GETTEXT_CONTEXT_GLUE msgid

#include <string.h>

/* Translates an id made by NC_().  */
static inline const char *
CT_ (const char *glued)
{
  const char *msgid = strchr (glued, GETTEXT_CONTEXT_GLUE[0]);

  return pgettext_aux (NULL, glued, msgid != NULL ? msgid + 1 : glued,
                       LC_MESSAGES);
}

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

#endif /* MESOKIOSK_SYSTEM_H */
