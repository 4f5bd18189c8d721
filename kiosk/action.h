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
  IK_F1, IK_FKEY,       /* F1, and any other function key.  */
  IK_OTHER              /* Any other special key.  */
};

struct input
{
  enum input_key key;
  uint32_t ch;          /* The character, for IK_CHAR.  */
};

enum action
{
  ACT_NONE,
  ACT_UP, ACT_DOWN,             /* Select the next link or scroll a line.  */
  ACT_PAGE_UP, ACT_PAGE_DOWN,
  ACT_TOP, ACT_BOTTOM,
  ACT_SCROLL_UP, ACT_SCROLL_DOWN,       /* Mouse wheel: a few lines.  */
  ACT_NEXT_LINK, ACT_PREV_LINK,
  ACT_FOLLOW,                   /* Follow the selected link.  */
  ACT_CLICK,                    /* Follow the link on line ARG.  */
  ACT_BACK, ACT_HOME, ACT_LANGUAGE, ACT_HELP, ACT_WARNING_SIGNS,
  ACT_SEARCH,
  ACT_QUIT,
  ACT_CANCEL,                   /* Escape: leave a dialog, or go back.  */
  ACT_STAFF,                    /* The staff key: PIN, then staff menu.  */
  ACT_CHAR,                     /* Text typed in a field: ARG is the
                                   character.  */
  ACT_COUNT
};

/* The action for IN; KIOSK drops the actions that leave the program.
   With TEXT (a text field has the focus), printable characters become
   ACT_CHAR with the character in *ARG.  */
enum action action_for_input (const struct input *in, bool kiosk, bool text,
                              long *arg);

/* The action's name, for logs and tests ("down", "back"...).  */
const char *action_name (enum action a);

#endif /* MESOKIOSK_ACTION_H */
