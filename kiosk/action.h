/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* action.h -- what a key or a tap asks for.

   The terminal layer turns curses key codes into struct input (so the
   model never sees curses), and action_for_input() maps them to actions
   through one table.  In kiosk mode, keys that would leave the program
   map to nothing.  No curses here.  */

#ifndef MESOKIOSK_ACTION_H
#define MESOKIOSK_ACTION_H

#include <stdint.h>

enum input_key
{
  IK_NONE,
  IK_CHAR,              /* A character: see CH.  */
  IK_UP, IK_DOWN, IK_LEFT, IK_RIGHT,
  IK_PAGE_UP, IK_PAGE_DOWN, IK_HOME, IK_END,
  IK_ENTER, IK_BACKSPACE, IK_DELETE, IK_TAB, IK_BACKTAB, IK_ESCAPE,
  IK_F1, IK_F2, IK_F3, IK_F4, IK_F5, IK_F6, IK_F7, IK_F8, IK_F9, IK_F10,
  IK_F11, IK_F12,
  IK_FKEY,              /* Any other function key.  */
  IK_OTHER              /* Any other special key.  */
};

struct input
{
  enum input_key key;
  uint32_t ch;          /* The character, for IK_CHAR.  */
};

/* Every action, with the name logs and tests use.  */
#define ACTION_LIST(X)                                                  \
  X (NONE, "none")                                                      \
  X (UP, "up")                  /* Select the next link or scroll.  */  \
  X (DOWN, "down")                                                      \
  X (PAGE_UP, "page-up")                                                \
  X (PAGE_DOWN, "page-down")                                            \
  X (TOP, "top")                                                        \
  X (BOTTOM, "bottom")                                                  \
  X (SCROLL_UP, "scroll-up")    /* Mouse wheel: a few lines.  */        \
  X (SCROLL_DOWN, "scroll-down")                                        \
  X (DRAG, "drag")              /* A finger dragged: scroll ARG lines.  */\
  X (NEXT_LINK, "next-link")                                            \
  X (PREV_LINK, "prev-link")                                            \
  X (FOLLOW, "follow")          /* Follow the selected link.  */        \
  X (CLICK, "click")            /* Follow the link on line ARG.  */     \
  X (BACK, "back")                                                      \
  X (HOME, "home")                                                      \
  X (LANGUAGE, "language")                                              \
  X (HELP, "help")                                                      \
  X (WARNING_SIGNS, "warning-signs")                                    \
  X (CONTACT, "contact")        /* The clinic's number as a QR code.  */ \
  X (SEARCH, "search")                                                  \
  X (QUIT, "quit")                                                      \
  X (CANCEL, "cancel")          /* Escape: leave a dialog, or back.  */ \
  X (STAFF, "staff")            /* The staff key: PIN, staff menu.  */  \
  X (CHAR, "char")              /* Text typed in a field: ARG is the    \
                                   character.  */                       \
  X (TYPE, "type")              /* A letter or digit typed outside a    \
                                   field: a search for it (ARG).  */    \
  X (LISTEN, "listen")          /* Speech: start it, or read on.  */    \
  X (SPEECH_SLOWER, "speech-slower")                                    \
  X (SPEECH_FASTER, "speech-faster")                                    \
  X (SPEECH_QUIETER, "speech-quieter")                                  \
  X (SPEECH_LOUDER, "speech-louder")                                    \
  X (SPEECH_TOGGLE, "speech-toggle")    /* The Listen button.  */       \
  X (TEXT_LARGER, "text-larger")        /* A+: a larger console font.  */ \
  X (TEXT_SMALLER, "text-smaller")      /* A-.  */

enum action
{
#define ACTION_ENUM(name, str) ACT_##name,
  ACTION_LIST (ACTION_ENUM)
#undef ACTION_ENUM
  ACT_COUNT
};

/* The action for IN; KIOSK drops the actions that leave the program.
   With TEXT (a text field has the focus), printable characters become
   ACT_CHAR with the character in *ARG.  Elsewhere a letter or a digit is
   ACT_TYPE (the start of a search for it): no command is on a letter, so
   a patient who types a word finds it.  */
enum action action_for_input (const struct input *in, bool kiosk, bool text,
                              long *arg);

/* True for the actions of speech and text size, which the session
   leaves to the loop (they change nothing of the visit's place).  */
bool action_is_access (enum action a);

/* The action's name, for logs and tests ("down", "back"...).  */
const char *action_name (enum action a);

#endif /* MESOKIOSK_ACTION_H */
