/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* settings.c -- the clinic's settings (kiosk.yaml), with defaults.  */

#include "system.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "pin.h"
#include "settings.h"
#include "xalloc.h"

static const char *const settings_default_languages[] = { "fr", "en" };

const char *const settings_theme_names[] = { "colour", "high-contrast",
                                             "mono", NULL };
const char *const settings_unreviewed_names[] = { "mark", "show", "hide",
                                                  NULL };
const char *const settings_speech_names[] = { "key", "always", "off", NULL };
/* F1 is help, F2 the language, F5 to F8 the speech's rate and volume,
   F9 the warning signs, F10 quit.  */
const char *const settings_speech_key_names[] = {
  "F12", "F11", "F4", "F3", "*", NULL
};
static const unsigned settings_speech_fkeys[] = { 12, 11, 4, 3, 0 };
_Static_assert (ARRAY_SIZE (settings_speech_fkeys)
                == ARRAY_SIZE (settings_speech_key_names) - 1,
                "a key number per speech key name");
_Static_assert (SETTINGS_SPEECH_KEY_STAR
                == ARRAY_SIZE (settings_speech_key_names) - 2,
                "'*' is the last speech key");

unsigned
settings_speech_fkey (unsigned k)
{
  return k < ARRAY_SIZE (settings_speech_fkeys) ? settings_speech_fkeys[k]
                                                 : 0;
}

void
settings_init (struct settings *s)
{
  memset (s, 0, sizeof *s);
  arena_init (&s->arena);
  s->emergency = "15";
  s->emergency_general = "112";
  s->emergency_sms = "114";
  s->languages.v = (const char **) settings_default_languages;
  s->languages.n = ARRAY_SIZE (settings_default_languages);
  s->default_language = "fr";
  s->idle_seconds = SETTINGS_IDLE_DEFAULT;
  s->theme = THEME_COLOUR;
  s->warning_page = "signes-alerte";
  s->speech = SPEECH_KEY;
  s->speech_key = 0;            /* F12 */
  s->speech_rate = VOICE_RATE_DEFAULT;
  s->speech_volume = VOICE_VOLUME_DEFAULT;
  s->text_size = TEXTSIZE_NORMAL;
}

void
settings_done (struct settings *s)
{
  arena_done (&s->arena);
  memset (s, 0, sizeof *s);
}

static bool
settings_in (const struct strv *v, const char *word)
{
  for (size_t i = 0; i < v->n; i++)
    if (strcmp (v->v[i], word) == 0)
      return true;
  return false;
}

void
settings_strv_append (struct arena *arena, struct strv *to,
                      const struct strv *add)
{
  size_t n = to->n + add->n;
  const char **v;
  struct origin *at;

  if (add->n == 0)
    return;
  v = arena_alloc (arena, n * sizeof *v);
  at = arena_alloc (arena, n * sizeof *at);
  for (size_t i = 0; i < n; i++)
    {
      const struct strv *from = i < to->n ? to : add;
      size_t k = i < to->n ? i : i - to->n;

      v[i] = from->v[k];
      at[i] = from->at != NULL ? from->at[k] : (struct origin) { NULL, 0, 0 };
    }
  *to = (struct strv) { v, n, at };
}

void
settings_add_to_menu (struct settings *s, struct diag_list *diags)
{
  const struct strv *add = &s->menu_add;
  struct strv kept = { NULL, 0, NULL };
  const char **v;
  struct origin *at;

  if (add->n == 0)
    return;
  v = arena_alloc (&s->arena, add->n * sizeof *v);
  at = arena_alloc (&s->arena, add->n * sizeof *at);
  for (size_t i = 0; i < add->n; i++)
    {
      const struct origin *o = add->at != NULL ? &add->at[i] : NULL;

      kept = (struct strv) { v, kept.n, at };
      if (settings_in (&s->menu, add->v[i]) || settings_in (&kept, add->v[i]))
        {
          diag_add (diags, DIAG_WARNING, o != NULL ? o->file : NULL,
                    o != NULL ? o->line : 0, o != NULL ? o->col : 0,
                    _("'%s' is already in the menu; menu_add adds it only"
                      " once"), add->v[i]);
          continue;
        }
      v[kept.n] = add->v[i];
      at[kept.n++] = o != NULL ? *o : (struct origin) { NULL, 0, 0 };
    }
  kept = (struct strv) { v, kept.n, at };
  settings_strv_append (&s->arena, &s->menu, &kept);
}

bool
settings_hidden (const struct settings *s, const char *id)
{
  return strcmp (id, s->warning_page) != 0 && settings_in (&s->hide, id);
}

bool
settings_offers (const struct settings *s, const char *lang)
{
  return settings_in (&s->languages, lang);
}

bool
settings_lang_valid (const char *lang)
{
  size_t n = 0;

  while (lang[n] >= 'a' && lang[n] <= 'z')
    n++;
  if (n < 2 || n > 3)
    return false;
  if (lang[n] == '\0')
    return true;
  return lang[n] == '_' && lang[n + 1] >= 'A' && lang[n + 1] <= 'Z'
         && lang[n + 2] >= 'A' && lang[n + 2] <= 'Z' && lang[n + 3] == '\0';
}

/* The origin of item I of V, or of the key K, for a diagnostic.  */
static const struct origin *
settings_item_at (const struct settings *s, const struct strv *v, size_t i,
                  enum settings_key k)
{
  if (v->at != NULL && i < v->n && v->at[i].file != NULL)
    return &v->at[i];
  return s->at[k].file != NULL ? &s->at[k] : NULL;
}

static void
settings_error (struct diag_list *diags, const struct origin *o,
                const char *fmt, ...) ATTR_PRINTF (3, 4);

static void
settings_error (struct diag_list *diags, const struct origin *o,
                const char *fmt, ...)
{
  va_list ap;
  char *msg;

  va_start (ap, fmt);
  msg = xvasprintf (fmt, ap);
  va_end (ap);
  diag_add (diags, DIAG_ERROR, o != NULL ? o->file : NULL,
            o != NULL ? o->line : 0, o != NULL ? o->col : 0, "%s", msg);
  free (msg);
}

/* The languages of V joined with ", " (caller frees).  */
static char *
settings_join (const struct strv *v)
{
  char *all = xstrdup ("");

  for (size_t i = 0; i < v->n; i++)
    {
      char *next = xasprintf ("%s%s%s", all, i > 0 ? ", " : "", v->v[i]);

      free (all);
      all = next;
    }
  return all;
}

/* Makes S's languages a copy of V, in S's arena, with its origins.  */
static void
settings_set_languages (struct settings *s, const struct strv *v)
{
  const char **langs = arena_alloc (&s->arena, (v->n + 1) * sizeof *langs);
  struct origin *at = NULL;

  memcpy (langs, v->v, v->n * sizeof *langs);
  if (v->at != NULL && v->n > 0)
    at = arena_memdup (&s->arena, v->at, v->n * sizeof *at);
  s->languages.v = langs;
  s->languages.n = v->n;
  s->languages.at = at;
}

/* Keeps the languages of S for which KEEP[i]; if none is left, S offers
   FALLBACK, and an error says so.  */
static void
settings_filter_languages (struct settings *s, const bool *keep,
                           const struct strv *fallback,
                           struct diag_list *diags)
{
  struct strv v = s->languages;
  size_t n = 0;
  const char **langs = xcalloc (v.n + 1, sizeof *langs);
  struct origin *at = v.at != NULL ? xcalloc (v.n + 1, sizeof *at) : NULL;
  struct strv kept;

  for (size_t i = 0; i < v.n; i++)
    if (keep[i])
      {
        if (at != NULL)
          at[n] = v.at[i];
        langs[n++] = v.v[i];
      }
  kept = (struct strv) { langs, n, at };
  if (n == 0)
    {
      char *list = settings_join (fallback);

      settings_error (diags, settings_item_at (s, &v, SIZE_MAX,
                                               SET_LANGUAGES),
                      _("no language is left to offer; the kiosk offers %s"),
                      list);
      free (list);
      kept = *fallback;
    }
  if (n != v.n)
    settings_set_languages (s, &kept);
  free (langs);
  free (at);
}

void
settings_check_languages (struct settings *s, const struct strv *prev,
                          struct diag_list *diags)
{
  const struct strv *v = &s->languages;
  bool *keep = xcalloc (v->n + 1, sizeof *keep);

  for (size_t i = 0; i < v->n; i++)
    {
      const struct origin *o = settings_item_at (s, v, i, SET_LANGUAGES);
      const char *lang = v->v[i];

      keep[i] = true;
      if (!settings_lang_valid (lang))
        {
          settings_error (diags, o, _("'%s' is not a language code (such as"
                                      " fr or en); it is left out"), lang);
          keep[i] = false;
          continue;
        }
      for (size_t j = 0; j < i; j++)
        if (keep[j] && strcmp (v->v[j], lang) == 0)
          {
            settings_error (diags, o, _("the language '%s' is listed twice;"
                                        " it is offered once"), lang);
            keep[i] = false;
            break;
          }
    }
  if (v->n == 0)
    {
      char *list = settings_join (prev);

      settings_error (diags, settings_item_at (s, v, 0, SET_LANGUAGES),
                      _("'languages' is empty; the kiosk offers %s"), list);
      free (list);
      s->languages = *prev;
    }
  else
    settings_filter_languages (s, keep, prev, diags);
  free (keep);
}

void
settings_keep_languages (struct settings *s,
                         bool (*has) (void *ctx, const char *lang),
                         void *ctx, const char *const *all, size_t nall,
                         struct diag_list *diags)
{
  const struct strv *v = &s->languages;
  bool *keep = xcalloc (v->n + 1, sizeof *keep);
  const char *fb[ARRAY_SIZE (settings_default_languages)];
  struct strv fallback = { fb, 0, NULL };

  for (size_t i = 0; i < v->n; i++)
    {
      keep[i] = has (ctx, v->v[i]);
      if (!keep[i])
        settings_error (diags, settings_item_at (s, v, i, SET_LANGUAGES),
                        _("the language '%s' is offered, but there is no"
                          " directory of pages for it"), v->v[i]);
    }
  for (size_t i = 0; i < ARRAY_SIZE (settings_default_languages); i++)
    if (has (ctx, settings_default_languages[i]))
      fb[fallback.n++] = settings_default_languages[i];
  for (size_t i = 0; i < nall && fallback.n == 0; i++)
    if (settings_lang_valid (all[i]) && has (ctx, all[i]))
      fb[fallback.n++] = all[i];
  if (fallback.n == 0)
    {
      /* No pages at all: what is offered does not matter; keep it.  */
      free (keep);
      return;
    }
  settings_filter_languages (s, keep, &fallback, diags);
  free (keep);
}

void
settings_check_fallback (struct settings *s, const char *prev,
                         struct diag_list *diags)
{
  const char *lang = s->fallback_language;

  if (lang == NULL || lang == prev || settings_lang_valid (lang))
    return;
  settings_error (diags, s->at[SET_FALLBACK_LANGUAGE].file != NULL
                           ? &s->at[SET_FALLBACK_LANGUAGE] : NULL,
                  _("'fallback_language': '%s' is not a language code (such"
                    " as fr or en); this setting is ignored"), lang);
  s->fallback_language = prev;
}

void
settings_keep_fallback (struct settings *s, struct diag_list *diags)
{
  const char *lang = s->fallback_language;

  if (lang == NULL || settings_offers (s, lang))
    return;
  settings_error (diags, s->at[SET_FALLBACK_LANGUAGE].file != NULL
                           ? &s->at[SET_FALLBACK_LANGUAGE] : NULL,
                  _("the fallback language '%s' is not one of the languages"
                    " offered; a page missing in a language is shown in the"
                    " default language, '%s'"), lang, s->default_language);
  s->fallback_language = NULL;
}

const char *
settings_fallback (const struct settings *s)
{
  return s->fallback_language != NULL ? s->fallback_language
                                      : s->default_language;
}

void
settings_check_pin (struct settings *s, const char *prev,
                    struct diag_list *diags)
{
  const char *why;

  if (s->staff_pin == NULL || s->staff_pin == prev)
    return;
  why = pin_hash_problem (s->staff_pin);
  if (why == NULL)
    return;
  settings_error (diags, s->at[SET_STAFF_PIN].file != NULL
                           ? &s->at[SET_STAFF_PIN] : NULL,
                  _("'staff_pin': %s (this setting is ignored)"), why);
  s->staff_pin = prev;
}

const char *
settings_cost (const struct settings *s, const char *lang)
{
  const char *any = NULL;

  for (size_t i = 0; i < s->clinic.cost.n && i < s->clinic.cost_lang.n; i++)
    {
      const char *l = s->clinic.cost_lang.v[i];

      if (strcmp (l, lang) == 0)
        return s->clinic.cost.v[i];
      if (*l == '\0' && any == NULL)
        any = s->clinic.cost.v[i];
    }
  return any;
}
