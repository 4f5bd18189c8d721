/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* i18n.c -- the interface language, switched while running.  */

#include "system.h"

#include <dirent.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "mo.h"
#include "readfile.h"
#include "settings.h"
#include "xalloc.h"

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

/* TRANSLATORS: the name of the language you translate into, in that
   language, as the language screen shows it: "Français", "Deutsch".  A
   clinic adding a language gives its name here.  */
static const char i18n_own_name[] = NC_("this language", "English");

/* A clinic's catalog.  */
struct i18n_clinic
{
  char *file;
  char *lang;
  struct mo *mo;
};

/* The clinic's catalogs, highest directory first.  */
static struct i18n_clinic *i18n_clinics;
static size_t i18n_nclinics;

/* The LANGUAGE of the environment (NULL if unset): staff messages (the
   log, --check) are in it, whatever the patient chose.  */
static char *i18n_env_language;
/* The staff's language for the clinic's catalogs: LANGUAGE, else the
   locale's language (de_DE of de_DE.UTF-8), or NULL.  */
static char *i18n_staff_lang;
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
  free (i18n_staff_lang);
  i18n_staff_lang = NULL;
  if (env != NULL && *env != '\0')
    i18n_staff_lang = strdup (env);
  else if (messages != NULL && strcmp (messages, "C") != 0
           && strncmp (messages, "C.", 2) != 0
           && strcmp (messages, "POSIX") != 0)
    i18n_staff_lang = strndup (messages, strcspn (messages, ".@"));
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

/* ------------------------------------------------------------------ */
/* The clinic's catalogs.  */

/* True if a catalog for CAT serves LANG, the first of a LANGUAGE list:
   LANG itself, or its language without the country (de for de_AT), as
   gettext would.  */
static bool
i18n_covers (const char *cat, const char *lang)
{
  size_t n = strcspn (lang, ":");
  size_t base = strcspn (lang, "_:");
  size_t c = strlen (cat);

  return memcmp (cat, lang, c < n ? c : n) == 0
         && (c == n || (c == base && base < n));
}

/* The clinic's translation of KEY in LANG (may be NULL), or NULL; with
   PLURAL, the form for N.  */
static const char *
i18n_clinic_lookup (const char *lang, const char *key, bool plural,
                    unsigned long n)
{
  if (lang == NULL)
    return NULL;
  for (size_t i = 0; i < i18n_nclinics; i++)
    if (i18n_covers (i18n_clinics[i].lang, lang))
      {
        const struct mo *mo = i18n_clinics[i].mo;
        const char *t = plural ? mo_lookup_plural (mo, key, n)
                               : mo_lookup (mo, key);

        if (t != NULL)
          return t;
      }
  return NULL;
}

static const char *
i18n_clinic_find (const char *lang, const char *key)
{
  return i18n_clinic_lookup (lang, key, false, 0);
}

/* The language lookups without one use now: the patient's, or the
   staff's.  */
static const char *
i18n_applied_lang (void)
{
  return i18n_staff_depth > 0 || i18n_current[0] == '\0' ? i18n_staff_lang
                                                          : i18n_current;
}

size_t
i18n_clinic_count (void)
{
  return i18n_nclinics;
}

void
i18n_clinic_get (size_t i, const char **file, const char **lang,
                 size_t *messages)
{
  *file = i18n_clinics[i].file;
  *lang = i18n_clinics[i].lang;
  *messages = mo_count (i18n_clinics[i].mo);
}

void
i18n_clinic_close (void)
{
  for (size_t i = 0; i < i18n_nclinics; i++)
    {
      free (i18n_clinics[i].file);
      free (i18n_clinics[i].lang);
      mo_free (i18n_clinics[i].mo);
    }
  free (i18n_clinics);
  i18n_clinics = NULL;
  i18n_nclinics = 0;
}

/* Reads the catalog FILE for LANG, appended to *V (N of them, CAP room),
   or says in DIAGS why it cannot be used.  */
static void
i18n_clinic_read (const char *file, const char *lang,
                  struct i18n_clinic **v, size_t *n, size_t *cap,
                  struct diag_list *diags)
{
  char *buf;
  size_t len, dropped = 0;
  const char *err = NULL;
  struct mo *mo = NULL;

  switch (readfile (file, MO_MAX_SIZE, &buf, &len))
    {
    case READFILE_OPEN:
      if (errno != ENOENT)
        diag_add (diags, DIAG_ERROR, file, 0, 0,
                  _("cannot read this translation: %s; the interface in"
                    " '%s' uses the shipped one"), strerror (errno), lang);
      else
        diag_add (diags, DIAG_WARNING, file, 0, 0,
                  _("there is no compiled translation here (msgfmt -o"
                    " mesokiosk.mo mesokiosk.po makes it); the interface in"
                    " '%s' uses the shipped one"), lang);
      return;
    case READFILE_NOT_FILE:
      err = _("it is not a file");
      break;
    case READFILE_TOO_LARGE:
      err = _("it is larger than 8 MB");
      break;
    case READFILE_READ:
      err = strerror (errno);
      break;
    case READFILE_OK:
    default:
      mo = mo_parse (buf, len, &err, &dropped);
      free (buf);
      break;
    }
  if (mo == NULL)
    {
      diag_add (diags, DIAG_ERROR, file, 0, 0,
                _("this translation cannot be used: %s; the interface in"
                  " '%s' uses the shipped one"), err, lang);
      return;
    }
  if (dropped > 0)
    diag_add (diags, DIAG_ERROR, file, 0, 0,
              ngettext ("%zu translation is left out: it is not valid"
                        " UTF-8, or holds a control or invisible character",
                        "%zu translations are left out: they are not valid"
                        " UTF-8, or hold a control or invisible character",
                        dropped), dropped);
  if (mo_plural_broken (mo))
    diag_add (diags, DIAG_ERROR, file, 0, 0,
              _("its Plural-Forms line cannot be read; messages with a"
                " plural use the shipped translation"));
  *v = xgrow (*v, cap, *n + 1, sizeof **v);
  (*v)[(*n)++] = (struct i18n_clinic) { xstrdup (file), xstrdup (lang), mo };
}

static int
i18n_str_cmp (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Reads the catalogs of DIR into *V, by language.  */
static void
i18n_clinic_scan (const char *dir, struct i18n_clinic **v, size_t *n,
                  size_t *cap, struct diag_list *diags)
{
  char *top = xasprintf ("%s/locale", dir);
  DIR *d = opendir (top);
  struct dirent *e;
  char **langs = NULL;
  size_t nlangs = 0, lcap = 0;

  if (d == NULL)
    {
      if (errno != ENOENT)
        diag_add (diags, DIAG_ERROR, top, 0, 0,
                  _("cannot read this directory: %s"), strerror (errno));
      free (top);
      return;
    }
  while ((e = readdir (d)) != NULL)
    if (settings_lang_valid (e->d_name))
      {
        langs = xgrow (langs, &lcap, nlangs + 1, sizeof *langs);
        langs[nlangs++] = xstrdup (e->d_name);
      }
  closedir (d);
  /* The same order on every machine, whatever readdir() gives.  */
  if (nlangs > 1)
    qsort (langs, nlangs, sizeof *langs, i18n_str_cmp);
  for (size_t i = 0; i < nlangs; i++)
    {
      char *file = xasprintf ("%s/%s/LC_MESSAGES/%s.mo", top, langs[i],
                              PACKAGE);

      i18n_clinic_read (file, langs[i], v, n, cap, diags);
      free (file);
      free (langs[i]);
    }
  free (langs);
  free (top);
}

void
i18n_clinic_open (const char *const *dirs, size_t ndirs,
                  struct diag_list *diags)
{
  struct i18n_clinic *v = NULL;
  size_t n = 0, cap = 0;

  i18n_staff_begin ();
  /* Highest directory first: lookups stop at the first that has it.  */
  for (size_t i = ndirs; i-- > 0;)
    i18n_clinic_scan (dirs[i], &v, &n, &cap, diags);
  i18n_staff_end ();
  i18n_clinic_close ();
  i18n_clinics = v;
  i18n_nclinics = n;
}

/* ------------------------------------------------------------------ */
/* Lookups.  */

const char *
i18n_gettext (const char *msgid)
{
  if (i18n_nclinics > 0)
    {
      const char *t = i18n_clinic_find (i18n_applied_lang (), msgid);

      if (t != NULL)
        return t;
    }
  return gettext (msgid);
}

const char *
i18n_pgettext (const char *glued, const char *msgid)
{
  const char *t = i18n_gettext (glued);

  /* As pgettext: no translation gives back the glued id.  */
  return t == glued ? msgid : t;
}

const char *
i18n_ngettext (const char *msgid1, const char *msgid2, unsigned long n)
{
  if (i18n_nclinics > 0)
    {
      const char *t = i18n_clinic_lookup (i18n_applied_lang (), msgid1,
                                          true, n);

      if (t != NULL)
        return t;
    }
#if defined ENABLE_NLS && ENABLE_NLS
  return dcngettext (NULL, msgid1, msgid2, n, LC_MESSAGES);
#else
  return n == 1 ? msgid1 : msgid2;
#endif
}

const char *
i18n_gettext_in (const char *lang, const char *msgid)
{
  const char *applied = i18n_staff_depth > 0 || i18n_current[0] == '\0'
                          ? i18n_env_language : i18n_current;
  const char *t;

  if (lang == NULL)
    return i18n_gettext (msgid);
  if (i18n_nclinics > 0 && (t = i18n_clinic_find (lang, msgid)) != NULL)
    return t;
  if (applied != NULL && strcmp (applied, lang) == 0)
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
  const char *msgid = strchr (i18n_own_name, GETTEXT_CONTEXT_GLUE[0]) + 1;
  const char *t;

  /* The clinic's name for it first: it may correct the table.  Drawn
     on every frame (the language button), so the table comes before
     the shipped catalog, which costs a switch of language.  */
  if (i18n_nclinics > 0
      && (t = i18n_clinic_find (lang, i18n_own_name)) != NULL)
    return t;
  for (size_t i = 0; i < ARRAY_SIZE (i18n_languages); i++)
    if (strcmp (i18n_languages[i].code, lang) == 0)
      return i18n_languages[i].native;
  t = i18n_pgettext_in (lang, i18n_own_name, msgid);
  return t != msgid ? t : lang;
}

const char *
i18n_name (const char *lang)
{
  for (size_t i = 0; i < ARRAY_SIZE (i18n_languages); i++)
    if (strcmp (i18n_languages[i].code, lang) == 0)
      return _(i18n_languages[i].name);
  return i18n_native_name (lang);
}

const char *
i18n_name_in (const char *in, const char *lang)
{
  for (size_t i = 0; i < ARRAY_SIZE (i18n_languages); i++)
    if (strcmp (i18n_languages[i].code, lang) == 0)
      return i18n_gettext_in (in, i18n_languages[i].name);
  return i18n_native_name (lang);
}
