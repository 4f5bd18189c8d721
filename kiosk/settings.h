/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* settings.h -- the clinic's settings (kiosk.yaml), with defaults.

   Settings are read from kiosk.yaml in each content layer, later layers
   overriding the keys they set (load_settings()).  A key whose value is
   wrong keeps its previous or default value, with a diagnostic.  Strings
   live in the settings' own arena.  No curses here.  */

#ifndef MESOKIOSK_SETTINGS_H
#define MESOKIOSK_SETTINGS_H

#include "arena.h"
#include "diag.h"
#include "page.h"
#include "textsize.h"
#include "voice.h"

enum theme
{
  THEME_COLOUR,
  THEME_HIGH_CONTRAST,
  THEME_MONO
};

enum
{
  SETTINGS_IDLE_DEFAULT = 120,
  SETTINGS_IDLE_MIN = 2,
  SETTINGS_IDLE_MAX = 86400
};

/* The keys of kiosk.yaml, in the order of the loader's table.  */
enum settings_key
{
  SET_CLINIC, SET_EMERGENCY, SET_LANGUAGES, SET_DEFAULT_LANGUAGE,
  SET_FALLBACK_LANGUAGE, SET_IDLE, SET_THEME, SET_KIOSK, SET_PLAIN, SET_STAFF_PIN, SET_MENU,
  SET_HIDE, SET_WARNING_PAGE, SET_EMERGENCY_GENERAL, SET_EMERGENCY_SMS,
  SET_UNREVIEWED_PAGES,
  SET_SPEECH, SET_SPEECH_KEY, SET_SPEECH_RATE, SET_SPEECH_VOLUME,
  SET_TEXT_SIZE, SET_MENU_ADD,
  SET_COUNT
};

/* What patients see of a clinic's page that has no review.  */
enum unreviewed
{
  UNREVIEWED_MARK,      /* The page, with a line saying so.  */
  UNREVIEWED_SHOW,      /* The page as it is.  */
  UNREVIEWED_HIDE       /* Nothing (but the warning-signs page is marked
                           instead: it is never hidden).  */
};

/* speech: how a patient gets it.  */
enum speech_mode
{
  SPEECH_KEY,           /* The patient turns it on: key or button.  */
  SPEECH_ALWAYS,        /* On at every visit (a kiosk with headphones).  */
  SPEECH_OFF            /* Never (no key, no button).  */
};

/* speech_key: the key that starts speech and reads on, by index in
   settings_speech_key_names.  */
enum { SETTINGS_SPEECH_KEY_STAR = 4 };

struct clinic_settings
{
  const char *name;
  const char *phone;
  /* The clinic's text about prices ({clinic.cost}): COST.V[i] is for the
     language COST_LANG.V[i], or for every language when that is "".  */
  struct strv cost, cost_lang;
  struct origin at[3];          /* Where name, phone and cost were last
                                   set.  */
};

/* The keys under clinic:, in the order of the loader's table.  */
enum { CLINIC_NAME, CLINIC_PHONE, CLINIC_COST };

struct settings
{
  struct clinic_settings clinic;
  const char *emergency;        /* Medical emergencies (15 in France).  */
  const char *emergency_general;        /* Any emergency, any phone (112).  */
  const char *emergency_sms;    /* By text message, for people who are
                                   deaf or hard of hearing (114).  */
  struct strv languages;        /* Offered, in order.  */
  const char *default_language;
  const char *fallback_language;        /* A page missing in the patient's
                                           language is shown in it; NULL:
                                           the default language.  */
  unsigned idle_seconds;
  unsigned theme;               /* enum theme.  */
  bool kiosk;
  bool plain;                   /* Screen-reader friendly drawing.  */
  const char *staff_pin;        /* Salted hash, or NULL.  */
  struct strv menu;             /* Page ids of the home menu.  */
  struct strv menu_add;         /* Page ids added after the menu, by every
                                   layer (settings_add_to_menu()).  */
  struct strv hide;             /* Page ids left out.  */
  const char *warning_page;     /* Id of the warning-signs page.  */
  unsigned unreviewed_pages;    /* enum unreviewed.  */
  unsigned speech;              /* enum speech_mode.  */
  unsigned speech_key;          /* Index in settings_speech_key_names.  */
  unsigned speech_rate;         /* Words a minute, at the start of a
                                   visit.  */
  unsigned speech_volume;       /* Percent, at the start of a visit.  */
  unsigned text_size;           /* enum textsize_size: the console font a
                                   visit starts with.  */
  struct origin at[SET_COUNT];  /* Where each key's value was last set.  */
  struct origin key_at[SET_COUNT];      /* Where each key was last given
                                           (even with a wrong value).  */
  struct arena arena;           /* Owns the strings and arrays.  */
};

extern const char *const settings_theme_names[];
extern const char *const settings_unreviewed_names[];
extern const char *const settings_speech_names[];
extern const char *const settings_speech_key_names[];
/* The function key number of speech key K (2 to 12), or 0 for '*'.  */
unsigned settings_speech_fkey (unsigned k);

void settings_init (struct settings *s);
void settings_done (struct settings *s);

/* True if ID is hidden by the settings: listed in hide:, and not the
   warning-signs page, which is never hidden (check.c says so).  */
bool settings_hidden (const struct settings *s, const char *id);
/* True if LANG is one of the offered languages.  */
bool settings_offers (const struct settings *s, const char *lang);
/* True if LANG looks like a language code (2 or 3 lowercase letters,
   optionally _XX).  */
bool settings_lang_valid (const char *lang);
/* The clinic's text about prices for LANG, or NULL.  */
const char *settings_cost (const struct settings *s, const char *lang);

/* Checks the languages just read into S, PREV being what S offered
   before: an entry that is not a language code, or is listed again, is
   an error and is left out; if no language is left (an empty list
   too), S offers PREV again, with an error.  */
void settings_check_languages (struct settings *s, const struct strv *prev,
                               struct diag_list *diags);
/* Checks the fallback language just read into S, PREV being the one
   before: one that is not a language code is an error, and S keeps
   PREV.  */
void settings_check_fallback (struct settings *s, const char *prev,
                              struct diag_list *diags);
/* Once the languages are kept (settings_keep_languages()): a fallback
   language that is not offered is an error, and pages are shown in the
   default language instead.  */
void settings_keep_fallback (struct settings *s, struct diag_list *diags);
/* The language a page missing in the patient's language is shown in:
   the fallback language, else the default language.  */
const char *settings_fallback (const struct settings *s);

/* Checks the staff PIN hash just read into S, PREV being the one before:
   one that is not a hash, of a method not checked, or too costly to
   check (pin_hash_problem()) is an error, and S keeps PREV.  */
void settings_check_pin (struct settings *s, const char *prev,
                         struct diag_list *diags);
/* Leaves out the languages S offers for which HAS (CTX, LANG) is false
   (no directory of pages), with an error for each; if none is left, S
   offers those of the built-in default (fr, en) that HAS allows, else
   the first language HAS allows of ALL (NALL of them), with an error.  */
/* Appends ADD to *TO, with their origins, in ARENA.  */
void settings_strv_append (struct arena *arena, struct strv *to,
                           const struct strv *add);

/* Appends to S's menu the pages of menu_add: not already in it (a
   warning in DIAGS says so).  Called once the layers are read: a clinic
   adds a page to the shipped menu without copying it.  */
void settings_add_to_menu (struct settings *s, struct diag_list *diags);

void settings_keep_languages (struct settings *s,
                              bool (*has) (void *ctx, const char *lang),
                              void *ctx, const char *const *all, size_t nall,
                              struct diag_list *diags);

#endif /* MESOKIOSK_SETTINGS_H */
