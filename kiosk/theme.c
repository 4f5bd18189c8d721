/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* theme.c -- how each role looks on the terminal at hand.  */

#include "system.h"

#include "theme.h"

#define D (-1)                  /* The terminal's default colour.  */

/* role, mono attributes,
   colour: foreground, background, attributes,
   high contrast: foreground, background, attributes.  */
/* Every role reads at 4.5:1 or more on the Linux console's palette and
   on xterm's (tests/view/test-contrast.c checks it).  What that takes:
   a colour is never put on the terminal's own background (no colour
   reads well both on the console's black and on xterm's white): text in
   the terminal's own colours is told apart by bold and underline (the
   console shows underline as cyan), and colours come in pairs of a
   foreground and a background; on the console bold makes a colour
   bright, reverse keeps the bright bit in place (bold reverse is dark
   grey on grey), its "yellow" is brown, and bold black is dark grey, so
   none of those is used.  */
#define THEME_TABLE(X)                                                       \
  X (BODY, A_NORMAL,                                                         \
     D, D, A_NORMAL, COLOR_WHITE, COLOR_BLACK, A_BOLD)                       \
  X (TITLE, A_BOLD | A_UNDERLINE,                                            \
     D, D, A_BOLD, COLOR_YELLOW, COLOR_BLACK, A_BOLD | A_UNDERLINE)          \
  X (SUMMARY, A_NORMAL,                                                      \
     D, D, A_NORMAL, COLOR_WHITE, COLOR_BLACK, A_BOLD)                       \
  X (HEADING, A_BOLD,                                                        \
     D, D, A_BOLD, COLOR_YELLOW, COLOR_BLACK, A_BOLD)                        \
  X (BULLET, A_BOLD,                                                         \
     D, D, A_BOLD, COLOR_YELLOW, COLOR_BLACK, A_BOLD)                        \
  X (LINK, A_UNDERLINE,                                                      \
     D, D, A_UNDERLINE, COLOR_CYAN, COLOR_BLACK, A_BOLD | A_UNDERLINE)       \
  X (LINK_MARK, A_UNDERLINE,                                                 \
     D, D, A_UNDERLINE, COLOR_CYAN, COLOR_BLACK, A_BOLD | A_UNDERLINE)       \
  X (LINK_SELECTED, A_REVERSE,                                               \
     COLOR_WHITE, COLOR_BLUE, A_BOLD, COLOR_BLACK, COLOR_CYAN, A_NORMAL)     \
  X (NOTE, A_NORMAL,                                                         \
     D, D, A_NORMAL, COLOR_WHITE, COLOR_BLACK, A_NORMAL)                     \
  /* The three levels of warning boxes differ by frame, word and place
     (layout.c) and by attributes here, so that mono tells them apart:
     emergency: a label white on red, bold and underlined, a title on
     red, bold text; urgent: a label black on white (reverse in mono), a
     bold title; information: a label white on blue, plain text.  The
     colours keep the contrast rule above.  */                                              \
  X (WARNING_FRAME, A_BOLD,                                                  \
     D, D, A_BOLD, COLOR_YELLOW, COLOR_BLACK, A_BOLD)                        \
  X (WARNING_LABEL, A_REVERSE,                                               \
     COLOR_BLACK, COLOR_WHITE, A_NORMAL, COLOR_BLACK, COLOR_WHITE,           \
     A_NORMAL)                                                               \
  X (WARNING_TITLE, A_BOLD,                                                  \
     D, D, A_BOLD, COLOR_YELLOW, COLOR_BLACK, A_BOLD)                        \
  X (WARNING_TEXT, A_NORMAL,                                                 \
     D, D, A_NORMAL, COLOR_WHITE, COLOR_BLACK, A_BOLD)                       \
  X (URGENT_LINK, A_BOLD | A_UNDERLINE,                                      \
     COLOR_WHITE, COLOR_RED, A_BOLD, COLOR_YELLOW, COLOR_BLACK,              \
     A_BOLD | A_UNDERLINE)                                                   \
  X (MATCH, A_BOLD | A_UNDERLINE,                                            \
     COLOR_BLACK, COLOR_CYAN, A_NORMAL, COLOR_BLACK, COLOR_GREEN, A_NORMAL)  \
  X (NOTICE, A_REVERSE,                                                      \
     COLOR_BLACK, COLOR_WHITE, A_NORMAL, COLOR_BLACK, COLOR_WHITE, A_NORMAL) \
  X (HEADER, A_REVERSE,                                                      \
     COLOR_WHITE, COLOR_BLUE, A_BOLD, COLOR_BLACK, COLOR_WHITE, A_NORMAL)    \
  X (STATUS, A_NORMAL,                                                       \
     D, D, A_NORMAL, COLOR_WHITE, COLOR_BLACK, A_BOLD)                       \
  X (BUTTON, A_REVERSE,                                                      \
     COLOR_BLACK, COLOR_WHITE, A_NORMAL, COLOR_BLACK, COLOR_WHITE, A_NORMAL) \
  X (BUTTON_KEY, A_REVERSE | A_UNDERLINE,                                    \
     COLOR_BLUE, COLOR_WHITE, A_UNDERLINE, COLOR_BLUE, COLOR_WHITE,          \
     A_UNDERLINE)                                                            \
  X (BUTTON_URGENT, A_REVERSE | A_UNDERLINE,                                 \
     COLOR_WHITE, COLOR_RED, A_BOLD, COLOR_WHITE, COLOR_RED, A_BOLD)         \
  X (DIALOG, A_BOLD,                                                         \
     D, D, A_BOLD, COLOR_WHITE, COLOR_BLACK, A_BOLD)                         \
  X (EMERGENCY_FRAME, A_BOLD,                                                \
     D, D, A_BOLD, COLOR_WHITE, COLOR_BLACK, A_BOLD)                         \
  X (EMERGENCY_LABEL, A_REVERSE | A_UNDERLINE,                               \
     COLOR_WHITE, COLOR_RED, A_BOLD | A_UNDERLINE, COLOR_WHITE, COLOR_RED,   \
     A_BOLD | A_UNDERLINE)                                                   \
  X (EMERGENCY_TITLE, A_BOLD | A_UNDERLINE,                                  \
     COLOR_WHITE, COLOR_RED, A_BOLD, COLOR_WHITE, COLOR_BLACK,               \
     A_BOLD | A_UNDERLINE)                                                   \
  X (EMERGENCY_TEXT, A_BOLD,                                                 \
     D, D, A_BOLD, COLOR_WHITE, COLOR_BLACK, A_BOLD)                         \
  X (INFO_FRAME, A_NORMAL,                                                   \
     D, D, A_NORMAL, COLOR_CYAN, COLOR_BLACK, A_NORMAL)                      \
  X (INFO_LABEL, A_BOLD,                                                     \
     COLOR_WHITE, COLOR_BLUE, A_BOLD, COLOR_CYAN, COLOR_BLACK, A_BOLD)       \
  X (INFO_TITLE, A_BOLD,                                                     \
     D, D, A_BOLD, COLOR_CYAN, COLOR_BLACK, A_BOLD)                          \
  X (INFO_TEXT, A_NORMAL,                                                    \
     D, D, A_NORMAL, COLOR_WHITE, COLOR_BLACK, A_BOLD)                       \
  X (META, A_NORMAL,                                                         \
     D, D, A_NORMAL, COLOR_WHITE, COLOR_BLACK, A_NORMAL)                     \
  /* Dark modules on white whatever the terminal's own colours: a phone    \
     reads a code only one way round.  Mono keeps the terminal's.  */      \
  X (QR, A_NORMAL,                                                           \
     COLOR_BLACK, COLOR_WHITE, A_NORMAL, COLOR_BLACK, COLOR_WHITE, A_NORMAL)

/* Every role has exactly one row, at its own place: a role left out of
   the table would be drawn black on black.  A role listed twice fails
   (the enum below), a missing one fails the count, and one out of order
   fails its own check.  */
#define THEME_ROW(role, ...) THEME_ROW_##role,
enum { THEME_TABLE (THEME_ROW) THEME_ROWS };
#undef THEME_ROW
_Static_assert ((int) THEME_ROWS == (int) ROLE_COUNT, "one theme row per role");
#define THEME_ORDER(role, ...)                                  \
  _Static_assert ((int) THEME_ROW_##role == (int) ROLE_##role,  \
                  "the theme row of " #role " is out of order");
THEME_TABLE (THEME_ORDER)
#undef THEME_ORDER

struct theme_entry
{
  attr_t mono;
  short fg, bg;
  attr_t colour;
  short hc_fg, hc_bg;
  attr_t hc;
};

static const struct theme_entry theme_table[ROLE_COUNT] = {
#define THEME_ENTRY(role, mono, fg, bg, attr, hfg, hbg, hattr) \
  [ROLE_##role] = { mono, fg, bg, attr, hfg, hbg, hattr },
  THEME_TABLE (THEME_ENTRY)
#undef THEME_ENTRY
};

/* Every role has an entry (a missing one would draw black on black).  */
#define THEME_COUNT(role, mono, fg, bg, attr, hfg, hbg, hattr) +1
_Static_assert (0 THEME_TABLE (THEME_COUNT) == ROLE_COUNT,
                "a theme entry for every role of role.h");
#undef THEME_COUNT

static unsigned theme_in_use = THEME_MONO;

static short
theme_fg (unsigned theme, int r)
{
  return theme == THEME_HIGH_CONTRAST ? theme_table[r].hc_fg
                                      : theme_table[r].fg;
}

static short
theme_bg (unsigned theme, int r)
{
  return theme == THEME_HIGH_CONTRAST ? theme_table[r].hc_bg
                                      : theme_table[r].bg;
}
/* The colour pair of each role.  A role in the terminal's own colours
   takes pair 0, not a pair of -1 and -1: to curses that is the normal
   rendition, which it restores with one short sgr0 where any other pair
   costs a parameterised sgr (and its formatting) at every change.  */
static short theme_pair[ROLE_COUNT];

void
theme_init (unsigned theme)
{
  theme_in_use = THEME_MONO;
  for (int r = 0; r < ROLE_COUNT; r++)
    theme_pair[r] = (short) (r + 1);
  if (theme == THEME_MONO || !has_colors () || start_color () == ERR
      || COLORS < 8 || COLOR_PAIRS <= ROLE_COUNT)
    return;
  if (use_default_colors () == ERR)
    {
      /* Without default colours, -1 cannot be used: take white on black. */
      for (int r = 0; r < ROLE_COUNT; r++)
        {
          short fg = theme_fg (theme, r), bg = theme_bg (theme, r);

          init_pair ((short) (r + 1), fg < 0 ? COLOR_WHITE : fg,
                     bg < 0 ? COLOR_BLACK : bg);
        }
    }
  else
    for (int r = 0; r < ROLE_COUNT; r++)
      {
        short fg = theme_fg (theme, r), bg = theme_bg (theme, r);

        if (fg == D && bg == D)
          theme_pair[r] = 0;
        else
          init_pair ((short) (r + 1), fg, bg);
      }
  /* Roles of the same colours share a pair: between two of them with the
     same attributes (a link's arrow and its label), curses then has
     nothing to change.  */
  for (int r = 0; r < ROLE_COUNT; r++)
    for (int q = 0; q < r; q++)
      if (theme_pair[q] != 0 && theme_pair[r] != 0
          && theme_fg (theme, q) == theme_fg (theme, r)
          && theme_bg (theme, q) == theme_bg (theme, r))
        {
          theme_pair[r] = theme_pair[q];
          break;
        }
  theme_in_use = theme;
  if (theme == THEME_HIGH_CONTRAST)
    bkgdset (' ' | COLOR_PAIR (theme_pair[ROLE_BODY]));
}

void
theme_apply (WINDOW *w, enum style_role role)
{
  const struct theme_entry *e = &theme_table[role];

  switch (theme_in_use)
    {
    case THEME_COLOUR:
      wattr_set (w, e->colour, theme_pair[role], NULL);
      break;
    case THEME_HIGH_CONTRAST:
      wattr_set (w, e->hc, theme_pair[role], NULL);
      break;
    default:
      wattr_set (w, e->mono, 0, NULL);
      break;
    }
}

unsigned
theme_current (void)
{
  return theme_in_use;
}

void
theme_describe (unsigned theme, enum style_role role,
                struct theme_look *look)
{
  const struct theme_entry *e = &theme_table[role];
  attr_t a = theme == THEME_COLOUR ? e->colour
             : theme == THEME_HIGH_CONTRAST ? e->hc : e->mono;

  look->fg = theme == THEME_MONO ? D : theme_fg (theme, (int) role);
  look->bg = theme == THEME_MONO ? D : theme_bg (theme, (int) role);
  look->bold = (a & A_BOLD) != 0;
  look->underline = (a & A_UNDERLINE) != 0;
  look->reverse = (a & A_REVERSE) != 0;
}
