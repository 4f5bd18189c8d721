/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* action.c -- what a key or a tap asks for.  */

#include "system.h"

#include <unictype.h>

#include "action.h"

/* Commands are on keys that do not type: arrows, Backspace, Escape,
   Home, function keys, '?', '!' and '/'.  Letters and digits start a
   search.  */
static const struct
{
  enum input_key key;
  uint32_t ch;                  /* For IK_CHAR.  */
  enum action action;
} action_keys[] = {
  { IK_UP, 0, ACT_UP },
  { IK_DOWN, 0, ACT_DOWN },
  { IK_PAGE_UP, 0, ACT_PAGE_UP },
  { IK_PAGE_DOWN, 0, ACT_PAGE_DOWN },
  { IK_HOME, 0, ACT_HOME },
  { IK_END, 0, ACT_BOTTOM },
  { IK_TAB, 0, ACT_NEXT_LINK },
  { IK_BACKTAB, 0, ACT_PREV_LINK },
  { IK_ENTER, 0, ACT_FOLLOW },
  { IK_RIGHT, 0, ACT_FOLLOW },
  { IK_LEFT, 0, ACT_BACK },
  { IK_BACKSPACE, 0, ACT_BACK },
  { IK_DELETE, 0, ACT_BACK },
  { IK_ESCAPE, 0, ACT_CANCEL },
  { IK_F1, 0, ACT_HELP },
  { IK_F2, 0, ACT_LANGUAGE },
  { IK_F9, 0, ACT_WARNING_SIGNS },
  { IK_F10, 0, ACT_QUIT },
  { IK_CHAR, ' ', ACT_PAGE_DOWN },
  { IK_CHAR, '\n', ACT_FOLLOW },
  { IK_CHAR, '\r', ACT_FOLLOW },
  { IK_CHAR, '\t', ACT_NEXT_LINK },
  { IK_CHAR, 0x7f, ACT_BACK },
  { IK_CHAR, 0x08, ACT_BACK },
  { IK_CHAR, '?', ACT_HELP },
  { IK_CHAR, '!', ACT_WARNING_SIGNS },
  { IK_CHAR, '/', ACT_SEARCH },
  { IK_CHAR, '#', ACT_CONTACT },        /* The phone's key for numbers.  */
  { IK_F3, 0, ACT_CONTACT },
  { IK_CHAR, 0x0b, ACT_STAFF },         /* Ctrl-K.  */
  /* Speech (the speech_key setting may add one) and text size: keys
     that are no letters, easy to find and to mark.  */
  { IK_F12, 0, ACT_LISTEN },
  { IK_F5, 0, ACT_SPEECH_SLOWER },
  { IK_F6, 0, ACT_SPEECH_FASTER },
  { IK_F7, 0, ACT_SPEECH_QUIETER },
  { IK_F8, 0, ACT_SPEECH_LOUDER },
  { IK_CHAR, '+', ACT_TEXT_LARGER },
  { IK_CHAR, '=', ACT_TEXT_LARGER },    /* '+' without Shift.  */
  { IK_CHAR, '-', ACT_TEXT_SMALLER },
};
_Static_assert (IK_F12 == IK_F1 + 11, "the function keys are in order");

/* True if UC is a letter or a digit: what starts a search.  */
static bool
action_is_word (uint32_t uc)
{
  return uc < 0x110000
         && (uc_is_general_category ((ucs4_t) uc, UC_CATEGORY_L)
             || uc_is_general_category ((ucs4_t) uc, UC_CATEGORY_Nd));
}

enum action
action_for_input (const struct input *in, bool kiosk, bool text, long *arg)
{
  uint32_t ch = in->ch;

  *arg = 0;
  /* In a text field every character is text, but '!': the warning signs
     stay one key away from every screen.  */
  if (text && in->key == IK_CHAR && ch >= 0x20 && ch != 0x7f && ch != '!'
      && !(ch >= 0x80 && ch < 0xa0))
    {
      *arg = (long) ch;
      return ACT_CHAR;
    }
  if (in->key == IK_CHAR && action_is_word (ch))
    {
      *arg = (long) ch;
      return ACT_TYPE;
    }
  for (size_t i = 0; i < ARRAY_SIZE (action_keys); i++)
    if (action_keys[i].key == in->key
        && (in->key != IK_CHAR || action_keys[i].ch == ch))
      {
        enum action a = action_keys[i].action;

        if (kiosk && a == ACT_QUIT)
          return ACT_NONE;
        return a;
      }
  return ACT_NONE;
}

bool
action_is_access (enum action a)
{
  return a >= ACT_LISTEN && a <= ACT_TEXT_SMALLER;
}

const char *
action_name (enum action a)
{
  static const char *const names[] = {
#define ACTION_NAME(name, str) str,
    ACTION_LIST (ACTION_NAME)
#undef ACTION_NAME
  };
  _Static_assert (ARRAY_SIZE (names) == ACT_COUNT, "a name per action");

  return a < ACT_COUNT ? names[a] : "?";
}
