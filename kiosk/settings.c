/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* settings.c -- the clinic's settings (kiosk.yaml), with defaults.  */

#include "system.h"

#include <string.h>

#include "settings.h"

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
  static const char *default_languages[] = { "fr", "en" };

  memset (s, 0, sizeof *s);
  arena_init (&s->arena);
  s->emergency = "15";
  s->emergency_general = "112";
  s->emergency_sms = "114";
  s->languages.v = default_languages;
  s->languages.n = ARRAY_SIZE (default_languages);
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

bool
settings_hidden (const struct settings *s, const char *id)
{
  return settings_in (&s->hide, id);
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
