/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* subst.c -- placeholders in content.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "subst.h"
#include "xalloc.h"

const char *const subst_names[] = { "clinic.name", "clinic.phone",
                                    "clinic.cost", "emergency",
                                    "emergency_general", "emergency_sms",
                                    NULL };

static bool
subst_is (const char *name, size_t n, const char *want)
{
  return strlen (want) == n && memcmp (name, want, n) == 0;
}

/* The value of placeholder NAME (N bytes); *NOBREAK says whether its
   spaces must not break (phone numbers, not the words said when the
   number is not set).  Every default reads as part of a sentence in both
   languages (mesokiosk-content(5) shows where).  */
static const char *
subst_value (const struct settings *set, const char *lang, const char *name,
             size_t n, bool *nobreak)
{
  *nobreak = true;
  if (subst_is (name, n, "clinic.name"))
    {
      *nobreak = false;
      return set->clinic.name != NULL ? set->clinic.name
        /* TRANSLATORS: shown in a page where the clinic's name belongs,
           when the settings do not give it.  */
        : i18n_gettext_in (lang, N_("the clinic"));
    }
  if (subst_is (name, n, "clinic.phone"))
    {
      if (set->clinic.phone != NULL)
        return set->clinic.phone;
      *nobreak = false;
      /* TRANSLATORS: stands for the clinic's phone number when the
         settings do not give it, in sentences such as "call the clinic
         on ..." and "call ...": it must read naturally after "on" and
         "call" (in French, after "au" and "appelez le").  */
      return i18n_gettext_in (lang, N_("the number you were given"));
    }
  if (subst_is (name, n, "clinic.cost"))
    {
      const char *cost = settings_cost (set, lang);

      *nobreak = false;
      return cost != NULL ? cost : "";
    }
  if (subst_is (name, n, "emergency"))
    return set->emergency != NULL ? set->emergency : "15";
  if (subst_is (name, n, "emergency_general"))
    return set->emergency_general != NULL ? set->emergency_general : "112";
  if (subst_is (name, n, "emergency_sms"))
    return set->emergency_sms != NULL ? set->emergency_sms : "114";
  return NULL;
}

enum subst_status
subst_expand (const struct settings *set, const char *lang, struct arena *a,
              const char *s, size_t n, const char **out, size_t *err_off,
              size_t *err_len)
{
  const char *open = memchr (s, '{', n), *close = memchr (s, '}', n);
  char *buf = NULL;
  size_t len = 0, cap = 0, i = 0;

  *out = NULL;
  if (open == NULL && close == NULL)
    {
      *out = arena_strndup (a, s, n);
      return SUBST_OK;
    }
  while (i < n)
    {
      const char *add = s + i;
      size_t alen = 1;
      bool nobreak = false;

      if (s[i] == '{' && i + 1 < n && s[i + 1] == '{')
        i += 2;
      else if (s[i] == '}' && i + 1 < n && s[i + 1] == '}')
        i += 2;
      else if (s[i] == '{')
        {
          const char *end = memchr (s + i, '}', n - i);
          size_t name_len;

          if (end == NULL)
            {
              *err_off = i;
              *err_len = 1;
              free (buf);
              return SUBST_UNCLOSED;
            }
          name_len = (size_t) (end - (s + i + 1));
          add = subst_value (set, lang, s + i + 1, name_len, &nobreak);
          if (add == NULL)
            {
              *err_off = i;
              *err_len = name_len + 2;
              free (buf);
              return SUBST_UNKNOWN;
            }
          alen = strlen (add);
          i += name_len + 2;
          /* A phone number never breaks across lines: its spaces become
             no-break spaces.  */
          if (nobreak && strchr (add, ' ') != NULL)
            {
              for (size_t k = 0; k < alen; k++)
                {
                  const char *piece = add[k] == ' ' ? "\xC2\xA0" : add + k;
                  size_t plen = add[k] == ' ' ? 2 : 1;

                  buf = xgrow (buf, &cap, len + plen + 1, 1);
                  memcpy (buf + len, piece, plen);
                  len += plen;
                }
              continue;
            }
        }
      else
        i++;
      buf = xgrow (buf, &cap, len + alen + 1, 1);
      memcpy (buf + len, add, alen);
      len += alen;
    }
  *out = arena_strndup (a, buf != NULL ? buf : "", len);
  free (buf);
  return SUBST_OK;
}
