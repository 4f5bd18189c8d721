/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* subst.h -- placeholders in content: {clinic.name}, {clinic.phone},
   {clinic.cost}, {emergency}, {emergency_general}, {emergency_sms}.

   Pages never hold a phone number themselves: they name it, and the
   clinic's settings fill it in when the page is loaded.  "{{" and "}}"
   stand for literal braces.  No curses here.  */

#ifndef MESOKIOSK_SUBST_H
#define MESOKIOSK_SUBST_H

#include "arena.h"
#include "settings.h"

enum subst_status
{
  SUBST_OK,
  SUBST_UNKNOWN,        /* {name} is not a known placeholder.  */
  SUBST_UNCLOSED        /* A '{' has no matching '}'.  */
};

/* Expands the N bytes at S, text in language LANG, into a
   NUL-terminated copy in A, stored in *OUT.  A placeholder the settings
   leave unset gets a wording in LANG.  On a problem, *OUT is NULL and
   *ERR_OFF, *ERR_LEN give the offending bytes of S.  */
enum subst_status subst_expand (const struct settings *set, const char *lang,
                                struct arena *a, const char *s, size_t n,
                                const char **out, size_t *err_off,
                                size_t *err_len);

/* The known placeholder names, NULL-terminated (for suggestions).  */
extern const char *const subst_names[];

#endif /* MESOKIOSK_SUBST_H */
