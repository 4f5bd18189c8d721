/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* i18n.h -- the interface language, switched while running.

   i18n_init() sets the locale from the environment and binds the
   message catalogs (always returned as UTF-8).  i18n_set_language()
   switches the catalog in place: it sets LANGUAGE and invalidates
   gettext's cache with textdomain (textdomain (NULL)), as the gettext
   manual describes.  If the locale is plain C (where glibc ignores
   LANGUAGE), messages use C.UTF-8 so that French still works; what
   reaches the terminal is then transliterated.

   A clinic may ship its own translations: i18n_clinic_open() reads
   <dir>/locale/<lang>/LC_MESSAGES/mesokiosk.mo in each of its content
   directories (mo.h).  Every lookup (_(), C_(), ngettext(), L_(), LC_())
   tries the catalogs of the clinic first, the highest directory first,
   then the shipped catalog, then gives the English text.  With no clinic
   catalog, a lookup costs one test more than gettext's.  No curses
   here.  */

#ifndef MESOKIOSK_I18N_H
#define MESOKIOSK_I18N_H

#include "diag.h"

/* Sets the locale and binds the catalogs in LOCALEDIR (or the
   MESOKIOSK_LOCALEDIR environment variable, for tests).  */
void i18n_init (const char *localedir);

/* Reads the clinic's catalogs of the NDIRS directories DIRS (lowest
   first), in place of those read before: a string an earlier catalog
   gave must no longer be in use.  A catalog that cannot be read or used
   is an error in DIAGS, and is left out; the others are read.  */
void i18n_clinic_open (const char *const *dirs, size_t ndirs,
                       struct diag_list *diags);
/* Frees the clinic's catalogs.  */
void i18n_clinic_close (void);
/* The clinic's catalogs, in the order lookups try them: catalog I has
   FILE, is for language LANG and holds MESSAGES translations.  */
size_t i18n_clinic_count (void);
void i18n_clinic_get (size_t i, const char **file, const char **lang,
                      size_t *messages);

/* True if the terminal's locale encoding is UTF-8.  */
bool i18n_utf8 (void);

/* Switches the interface language to LANG ("fr", "en").  */
void i18n_set_language (const char *lang);

/* Between these two calls (they nest), messages are translated for the
   staff, in the language of the environment, whatever language the
   patient chose: the log and the checker must not change language with
   the screen.  */
void i18n_staff_begin (void);
void i18n_staff_end (void);

/* MSGID translated into LANG (a page's language), whatever the interface
   language is; the interface language is left as it was.  The session
   builds its screens with it (system.h's L_()), so that a transition
   never changes the language of the process.  */
const char *i18n_gettext_in (const char *lang, const char *msgid)
  ATTR_FORMAT_ARG (2);
/* The same for GLUED, a message with a context made by NC_() (LC_()):
   MSGID if there is no translation.  */
const char *i18n_pgettext_in (const char *lang, const char *glued,
                              const char *msgid) ATTR_FORMAT_ARG (3);

/* MSGID, and MSGID with context CTX, in language LANG: what the model
   builds screens with.  Both are xgettext keywords (locale/Makevars).  */
#define L_(lang, msgid) i18n_gettext_in (lang, msgid)
#define LC_(lang, ctx, msgid) \
  i18n_pgettext_in (lang, ctx GETTEXT_CONTEXT_GLUE msgid, msgid)

/* A language's own name ("Français"): the translation of the message
   "English" in context "this language" in LANG's clinic catalog, else
   from a table of the languages the kiosk knows, else from LANG's shipped
   catalog, else LANG.  */
const char *i18n_native_name (const char *lang);
/* A language's name in the interface language (_("French")), or its own
   name if the table does not know it.  */
const char *i18n_name (const char *lang);
/* A language's name in language IN (L_(IN, "French")), or its own name
   if the table does not know it.  */
const char *i18n_name_in (const char *in, const char *lang);

#endif /* MESOKIOSK_I18N_H */
