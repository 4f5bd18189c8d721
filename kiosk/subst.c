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
                                    "emergency", NULL };

/* The value of placeholder NAME (N bytes); *NOBREAK says whether its
   spaces must not break (phone numbers, not the words said when the
   number is not set).  */
static const char *
subst_value (const struct settings *set, const char *lang, const char *name,
             size_t n, bool *nobreak)
{
  *nobreak = n != 11 || memcmp (name, "clinic.name", n) != 0;
  if (n == 11 && memcmp (name, "clinic.name", n) == 0)
    return set->clinic.name != NULL ? set->clinic.name
      /* TRANSLATORS: shown in a page where the clinic's name belongs,
         when the settings do not give it.  */
      : i18n_gettext_in (lang, N_("the clinic"));
  if (n == 12 && memcmp (name, "clinic.phone", n) == 0)
    {
      if (set->clinic.phone != NULL)
        return set->clinic.phone;
      *nobreak = false;
      /* TRANSLATORS: shown in a page where the clinic's phone number
         belongs, when the settings do not give it.  */
      return i18n_gettext_in (lang, N_("(ask at the reception for the"
                                       " clinic's number)"));
    }
  if (n == 9 && memcmp (name, "emergency", n) == 0)
    return set->emergency != NULL ? set->emergency : "112";
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
