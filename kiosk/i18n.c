/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* i18n.c -- the interface language, switched while running.  */

#include "system.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

static const struct
{
  const char *code;
  const char *native;
  const char *name;             /* Marked for translation.  */
} i18n_languages[] = {
  { "fr", "Français", N_("French") },
  { "en", "English", N_("English") },
  { "de", "Deutsch", N_("German") },
  { "es", "Español", N_("Spanish") },
  { "it", "Italiano", N_("Italian") },
  { "pt", "Português", N_("Portuguese") },
  { "nl", "Nederlands", N_("Dutch") },
  { "ar", "العربية", N_("Arabic") },
  { "tr", "Türkçe", N_("Turkish") },
};

/* The LANGUAGE of the environment (NULL if unset): staff messages (the
   log, --check) are in it, whatever the patient chose.  */
static char *i18n_env_language;
/* The interface language set last ("" before any), and how deep we are
   in i18n_staff_begin().  */
static char i18n_current[16];
static unsigned i18n_staff_depth;

static void
i18n_apply (const char *lang)
{
  if (lang != NULL)
    setenv ("LANGUAGE", lang, 1);
  else
    unsetenv ("LANGUAGE");
  /* Makes gettext forget the translations it has cached.  */
  (void) textdomain (textdomain (NULL));
}

void
i18n_init (const char *localedir)
{
  const char *env = getenv ("LANGUAGE");
  const char *dir = getenv ("MESOKIOSK_LOCALEDIR");
  const char *messages;

  free (i18n_env_language);
  i18n_env_language = env != NULL ? strdup (env) : NULL;

  setlocale (LC_ALL, "");
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || strcmp (messages, "C") == 0
      || strcmp (messages, "POSIX") == 0)
    setlocale (LC_MESSAGES, "C.UTF-8");
  (void) bindtextdomain (PACKAGE, dir != NULL && *dir != '\0' ? dir : localedir);
  (void) bind_textdomain_codeset (PACKAGE, "UTF-8");
  (void) textdomain (PACKAGE);
}

bool
i18n_utf8 (void)
{
  const char *cs = nl_langinfo (CODESET);

  return cs != NULL && (strcmp (cs, "UTF-8") == 0
                        || strcmp (cs, "utf8") == 0);
}

void
i18n_set_language (const char *lang)
{
  snprintf (i18n_current, sizeof i18n_current, "%s", lang);
  if (i18n_staff_depth == 0)
    i18n_apply (lang);
}

const char *
i18n_gettext_in (const char *lang, const char *msgid)
{
  const char *applied = i18n_staff_depth > 0 || i18n_current[0] == '\0'
                          ? i18n_env_language : i18n_current;
  const char *t;

  if (lang == NULL || (applied != NULL && strcmp (applied, lang) == 0))
    return gettext (msgid);
  i18n_apply (lang);
  t = gettext (msgid);
  i18n_apply (applied);
  return t;
}

const char *
i18n_pgettext_in (const char *lang, const char *glued, const char *msgid)
{
  const char *t = i18n_gettext_in (lang, glued);

  /* As pgettext: no translation gives back the glued id.  */
  return t == glued ? msgid : t;
}

void
i18n_staff_begin (void)
{
  if (i18n_staff_depth++ == 0 && i18n_current[0] != '\0')
    i18n_apply (i18n_env_language);
}

void
i18n_staff_end (void)
{
  if (i18n_staff_depth > 0 && --i18n_staff_depth == 0
      && i18n_current[0] != '\0')
    i18n_apply (i18n_current);
}

const char *
i18n_native_name (const char *lang)
{
  for (size_t i = 0; i < ARRAY_SIZE (i18n_languages); i++)
    if (strcmp (i18n_languages[i].code, lang) == 0)
      return i18n_languages[i].native;
  return lang;
}

const char *
i18n_name (const char *lang)
{
  for (size_t i = 0; i < ARRAY_SIZE (i18n_languages); i++)
    if (strcmp (i18n_languages[i].code, lang) == 0)
      return _(i18n_languages[i].name);
  return lang;
}

const char *
i18n_name_in (const char *in, const char *lang)
{
  for (size_t i = 0; i < ARRAY_SIZE (i18n_languages); i++)
    if (strcmp (i18n_languages[i].code, lang) == 0)
      return i18n_gettext_in (in, i18n_languages[i].name);
  return lang;
}
