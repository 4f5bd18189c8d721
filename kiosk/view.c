/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* view.c -- draws a session on the terminal; only draws.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "curses_compat.h"
#include "i18n.h"
#include "theme.h"
#include "utf8.h"
#include "view.h"
#include "viewport.h"
#include "xalloc.h"

void
view_init (struct view *v, const struct profile *pf)
{
  memset (v, 0, sizeof *v);
  v->pf = pf;
}

static void view_put_text (const char *s, size_t n, unsigned repeat);

/* Writes at most MAXCOLS columns of S (UTF-8, from the model or a
   catalog) at the cursor in ROLE; returns the columns used.  */
static int
view_put (struct view *v, const char *s, int maxcols, enum style_role role)
{
  char *t = NULL;
  size_t n, cols, fit;

  if (maxcols <= 0)
    return 0;
  if (v->pf->charset != CHARSET_UTF8)
    {
      size_t tn;

      t = translit (s, strlen (s), v->pf->charset, &tn);
      if (t != NULL)
        s = t;
    }
  n = strlen (s);
  fit = utf8_fit (s, n, (size_t) maxcols, false, &cols);
  theme_apply (stdscr, role);
  if (fit > 0)
    view_put_text (s, fit, 1);
  free (t);
  return (int) cols;
}

static int
view_text_width (const struct view *v, const char *s)
{
  char *t = v->pf->charset != CHARSET_UTF8 ? translit_dup (s, v->pf->charset)
                                       : NULL;
  int w = (int) utf8_width (t != NULL ? t : s, strlen (t != NULL ? t : s));

  free (t);
  return w;
}

/* Fills the rest of the line from the cursor in ROLE.  */
static void
view_fill (enum style_role role, int to)
{
  int y, x;

  getyx (stdscr, y, x);
  (void) y;
  theme_apply (stdscr, role);
  if (role == ROLE_BODY || role == ROLE_STATUS)
    clrtoeol ();
  else
    for (; x < to; x++)
      addch (' ');
}

/* ------------------------------------------------------------------ */
/* The text area.  */

/* Writes the N bytes of UTF-8 at S, REPEAT times.  The text is decoded
   here, once, and written as wide characters: addnstr() would have
   curses decode it again byte by byte.  */
static void
view_put_text (const char *s, size_t n, unsigned repeat)
{
  wchar_t w[128];
  size_t k = 0;

  for (unsigned r = 0; r < repeat; r++)
    for (size_t i = 0; i < n;)
      {
        ucs4_t uc;
        int len = u8_mbtouc (&uc, (const uint8_t *) s + i, n - i);

        w[k++] = (wchar_t) uc;
        i += (size_t) (len > 0 ? len : 1);
        if (k == ARRAY_SIZE (w))
          {
            waddnwstr (stdscr, w, (int) k);
            k = 0;
          }
      }
  if (k > 0)
    waddnwstr (stdscr, w, (int) k);
}

struct view_line
{
  struct view *v;
  const struct layout_glyphs *g;
  bool selected;                /* The line is part of the selected link.  */
  const struct layout *l;       /* The layout drawn, for the highlight.  */
  uint32_t hl_off, hl_end;      /* Highlighted bytes of its text.  */
};

/* Draws the N bytes at S, a piece of VL's layout text, with the part of
   it that is highlighted (the sentence read aloud) in ROLE_MATCH;
   returns false if no part of it is.  */
static bool
view_highlighted (struct view_line *vl, const char *s, size_t n,
                  enum style_role role)
{
  const char *text = vl->l != NULL ? vl->l->text : NULL;
  size_t off, a, b;

  if (vl->hl_end <= vl->hl_off || text == NULL || s < text
      || s >= text + vl->l->text_len)
    return false;
  off = (size_t) (s - text);
  if (off + n <= vl->hl_off || off >= vl->hl_end)
    return false;
  a = vl->hl_off > off ? vl->hl_off - off : 0;
  b = vl->hl_end < off + n ? vl->hl_end - off : n;
  theme_apply (stdscr, role);
  if (a > 0)
    view_put_text (s, a, 1);
  theme_apply (stdscr, ROLE_MATCH);
  view_put_text (s + a, b - a, 1);
  theme_apply (stdscr, role);
  if (b < n)
    view_put_text (s + b, n - b, 1);
  return true;
}

/* The curses line-drawing character to draw REPEAT times frame glyph S
   of G with, or 0 to draw S as text.  Where the locale has no box-drawing
   characters (Latin-1), curses draws the frame the way the terminal can:
   its line-drawing set, or ASCII where it has none.  In UTF-8, a long
   horizontal run costs a byte a character in the line-drawing set against
   three as text, but switching sets costs an attribute change, and a line
   that ends in the set makes curses turn the attributes off and on again
   around the next cursor move: the set is used for the runs and for the
   corner that starts one, and the rest stays text.  The ASCII charset
   keeps its own glyphs, as a non-UTF-8 locale is promised.  */
static chtype
view_acs (const struct view *v, const struct layout_glyphs *g, const char *s,
          unsigned repeat)
{
  if (v->pf->charset == CHARSET_ASCII)
    return 0;
  if (v->pf->charset == CHARSET_UTF8)
    {
      /* A terminal without a line-drawing set would get curses' ASCII
         stand-ins, next to box-drawing text: all text then.  */
      if ((ACS_HLINE & A_ALTCHARSET) == 0)
        return 0;
      return s == g->h && repeat > 1 ? ACS_HLINE
             : s == g->bl ? ACS_LLCORNER : 0;
    }
  if (s == g->h)
    return ACS_HLINE;
  if (s == g->v)
    return ACS_VLINE;
  if (s == g->tl)
    return ACS_ULCORNER;
  if (s == g->tr)
    return ACS_URCORNER;
  if (s == g->bl)
    return ACS_LLCORNER;
  if (s == g->br)
    return ACS_LRCORNER;
  return 0;
}

/* Draws frame glyph S of G (or a space of a frame) REPEAT times at the
   cursor, as view_acs() says, in the attributes set.  */
static void
view_glyph (const struct view *v, const struct layout_glyphs *g,
            const char *s, unsigned repeat)
{
  chtype acs = view_acs (v, g, s, repeat);

  if (acs != 0)
    for (unsigned r = 0; r < repeat; r++)
      waddch (stdscr, acs);
  else
    view_put_text (s, strlen (s), repeat);
}

static void
view_piece (void *ctx, const char *s, size_t len, unsigned cols,
            unsigned repeat, enum style_role role)
{
  struct view_line *vl = ctx;
  bool frame = role_is_frame (role);
  (void) cols;

  if (vl->selected && (role == ROLE_LINK || role == ROLE_LINK_MARK
                       || role == ROLE_NOTE || role == ROLE_URGENT_LINK))
    role = ROLE_LINK_SELECTED;
  /* The sides of a frame take the attributes of the text between them:
     in the frame's colour they cost four attribute changes a line (about
     30 bytes), and a page-down through a warning box 4% more
     instructions.  */
  if (frame && s == vl->g->v)
    role = ROLE_WARNING_TEXT;
  if (!frame && repeat == 1 && view_highlighted (vl, s, len, role))
    return;
  theme_apply (stdscr, role);
  if (frame)
    view_glyph (vl->v, vl->g, s, repeat);
  else
    view_put_text (s, len, repeat);
}

static void
view_body (struct view *v, const struct session *s)
{
  const struct layout *l = session_layout (s);
  const struct layout_glyphs *g = layout_glyphs (v->pf->charset);
  size_t top = session_top (s);
  int selected = session_selected (s);
  size_t field = session_field_line (s);
  int cursor_y = v->body_y, cursor_x = v->body_x;
  bool cursor_set = false;
  uint32_t hl_off, hl_end;

  session_highlighted (s, &hl_off, &hl_end);
  for (int row = 0; row < v->body_rows; row++)
    {
      size_t i = top + (size_t) row;
      struct view_line vl = { v, g, false, l, hl_off, hl_end };

      move (v->body_y + row, 0);
      theme_apply (stdscr, ROLE_BODY);
      clrtoeol ();
      if (l == NULL || i >= l->nlines)
        continue;
      vl.selected = selected >= 0 && l->lines[i].link == selected;
      move (v->body_y + row, v->body_x);
      layout_render_line (l, i, g, view_piece, &vl);
      if (i == field && selected < 0)
        {
          /* A text field with the focus: the cursor at its end, on the
             underscore that stands for it.  */
          cursor_y = v->body_y + row;
          cursor_x = v->body_x + l->lines[i].indent + l->lines[i].cols;
          cursor_x = cursor_x > v->body_x ? cursor_x - 1 : cursor_x;
          cursor_set = true;
        }
      if (vl.selected && !cursor_set)
        {
          cursor_y = v->body_y + row;
          cursor_x = v->body_x + l->lines[i].indent;
          cursor_set = true;
        }
    }
  /* Screen readers follow the cursor: put it on what has focus (where
     the cursor is hidden, curses leaves it be: term_init()).  */
  move (cursor_y, cursor_x);
}

/* ------------------------------------------------------------------ */
/* Header, status line and buttons.  */

static void
view_header (struct view *v, const struct library *lib)
{
  const struct settings *set = library_settings (lib);
  const char *title = set->clinic.name != NULL ? set->clinic.name
                                               : _("Mesotherapy");

  move (0, 0);
  theme_apply (stdscr, ROLE_HEADER);
  addch (' ');
  view_put (v, title, v->cols - 2, ROLE_HEADER);
  view_fill (ROLE_HEADER, v->cols);
}

/* Adds a target to tap.  */
static void
view_add_target (struct view *v, int y, int x0, int x1, enum action a)
{
  if (v->nbuttons < VIEW_MAX_BUTTONS)
    v->buttons[v->nbuttons++] = (struct view_button) { y, x0, x1, a };
}

/* Draws LABEL as a tappable zone ending at column END of the status line
   (ROLE_BUTTON: it looks like one); returns its first column, or END if
   it does not fit after column FROM.  */
static int
view_zone (struct view *v, const char *label, int from, int end,
           enum action a)
{
  int w = view_text_width (v, label) + 2;
  int x0 = end - w;

  if (x0 <= from)
    return end;
  move (v->status_y, x0);
  view_put (v, " ", 1, ROLE_BUTTON);
  view_put (v, label, w - 2, ROLE_BUTTON);
  view_put (v, " ", 1, ROLE_BUTTON);
  view_add_target (v, v->status_y, x0, end, a);
  return x0 - 1;
}

static void
view_status (struct view *v, const struct session *s)
{
  const char *crumbs[4];
  size_t n = session_crumbs (s, crumbs, ARRAY_SIZE (crumbs));
  const char *msg = session_message (s);
  const struct layout *l = session_layout (s);
  const char *sep = v->pf->charset == CHARSET_ASCII ? " > "
                                                   : " \xE2\x80\xBA ";
  bool below = l != NULL && session_top (s) + session_rows (s) < l->nlines;
  bool above = l != NULL && session_top (s) > 0;
  int x = 1, right = v->cols - 1;
  /* Leave the breadcrumb this much, at least.  */
  int keep = v->cols / 4;

  v->nbuttons = v->nbar;
  move (v->status_y, 0);
  theme_apply (stdscr, ROLE_STATUS);
  clrtoeol ();
  if (msg != NULL)
    {
      move (v->status_y, 1);
      view_put (v, msg, v->cols - 2, ROLE_NOTICE);
      return;
    }
  /* On a long page, the way down and the way up are tappable zones: a
     patient who only touches the screen reads every page to the end.  */
  if (below)
    {
      int at;

      /* TRANSLATORS: at the bottom right when the page goes on below; it
         is also a button.  The short form is for narrow screens.  */
      at = view_zone (v, _("More below: Page Down"), keep, right,
                      ACT_PAGE_DOWN);
      if (at == right)
        at = view_zone (v, _("\xE2\x86\x93 More"), keep, right,
                        ACT_PAGE_DOWN);
      right = at;
    }
  if (above)
    {
      /* TRANSLATORS: a button on the status line, back up a screen.  */
      int at = view_zone (v, _("\xE2\x86\x91 Up"), keep, right,
                          ACT_PAGE_UP);

      right = at;
    }
  if (above && !below)
    {
      const char *end = _("End of the page");
      int w = view_text_width (v, end);

      if (right - w - 1 > keep)
        {
          move (v->status_y, right - w);
          view_put (v, end, w, ROLE_STATUS);
          right -= w + 1;
        }
    }
  move (v->status_y, 1);
  for (size_t i = 0; i < n; i++)
    {
      int room = right - x - 1;

      if (i > 0)
        x += view_put (v, sep, room, ROLE_STATUS);
      room = right - x - 1;
      x += view_put (v, crumbs[i], room, ROLE_STATUS);
    }
}

struct view_button_def
{
  enum action action;
  const char *key;
  const char *label;            /* NULL: the next language's name.  */
  bool urgent, quit, home;
};

static const struct view_button_def view_buttons[] = {
  /* TRANSLATORS: the buttons at the bottom of the screen; keep them
     short.  */
  /* The key of each button, shown before its label: never a letter,
     since letters type a search.  */
  { ACT_BACK, "\xE2\x86\x90", NC_ ("button", "Back"), false, false,
    false },
  { ACT_HOME, NULL, NC_ ("button", "Home"), false, false, true },
  { ACT_LANGUAGE, "F2", NULL, false, false, false },
  { ACT_SEARCH, "/", NC_ ("button", "Search"), false, false, false },
  { ACT_HELP, "?", NC_ ("button", "Help"), false, false, false },
  { ACT_WARNING_SIGNS, "!", NC_ ("button", "Warning signs"), true, false,
    false },
  { ACT_QUIT, "F10", NC_ ("button", "Quit"), false, true, false },
  /* TRANSLATORS: the button that turns speech on (read aloud through
     the headphones); when speech is on it shows "Stop listening".  */
  { ACT_SPEECH_TOGGLE, "F12", NC_ ("button", "Listen"), false, false,
    false },
  /* TRANSLATORS: the button that makes the text larger (a larger
     console font); "A-" when it is at the largest.  */
  { ACT_TEXT_LARGER, "+", NC_ ("button", "A+"), false, false, false },
  /* TRANSLATORS: the button that shows the clinic's phone number as a
     code a phone's camera saves (a contact card).  */
  { ACT_CONTACT, "#", NC_ ("button", "Number"), false, false, false },
};

/* Speech, text size and the clinic's number: shown where the bar has
   room for them in the rows the other buttons take (the number is on
   the warning-signs page, and the home menu links to it, for the
   screens where the bar has no room).  */
static bool
view_access (const struct view_button_def *b)
{
  return action_is_access (b->action) || b->action == ACT_CONTACT;
}

_Static_assert (ARRAY_SIZE (view_buttons) <= VIEW_MAX_BUTTONS,
                "struct view has room for every button");

/* The next language's own name, for the language button: the language
   the key switches to, as the session says.  */
static const char *
view_next_language (const struct session *s)
{
  const char *next = session_next_lang (s);

  return next != NULL ? i18n_native_name (next) : NULL;
}

/* The label of button B now (translated), or NULL if it is not shown
   at all.  */
static const char *
view_label (const struct view *v, const struct session *s,
            const struct view_button_def *b)
{
  switch (b->action)
    {
    case ACT_SPEECH_TOGGLE:
      if (v->speech == VIEW_SPEECH_HIDDEN)
        return NULL;
      return v->speech == VIEW_SPEECH_ON ? C_ ("button", "Stop listening")
                                         : CT_ (b->label);
    case ACT_CONTACT:
      return session_has_contact (s) ? CT_ (b->label) : NULL;
    case ACT_TEXT_LARGER:
      if (!v->text_size)
        return NULL;
      return v->text_largest ? C_ ("button", "A-") : CT_ (b->label);
    default:
      return b->label != NULL ? CT_ (b->label) : view_next_language (s);
    }
}

/* Where the buttons go: one or two rows, with or without their keys.  */
struct view_plan
{
  const char *labels[ARRAY_SIZE (view_buttons)];
  bool show[ARRAY_SIZE (view_buttons)];
  int row[ARRAY_SIZE (view_buttons)];
  bool keys;
  int rows;
};

/* The columns button I takes (with its key with KEYS), and the gap
   after it.  */
static int
view_button_width (const struct view *v, const struct view_plan *p,
                   size_t i, bool keys)
{
  const struct view_button_def *b = &view_buttons[i];

  return view_text_width (v, p->labels[i]) + 2
         + (keys && b->key != NULL ? view_text_width (v, b->key) + 1 : 0);
}

/* Puts the shown buttons in as few rows as fit COLS (at most
   VIEW_MAX_BAR_ROWS), in order; returns false if they do not fit.  */
static bool
view_plan_rows (const struct view *v, struct view_plan *p, bool keys,
                int cols)
{
  int x = 0, row = 0;

  for (size_t i = 0; i < ARRAY_SIZE (view_buttons); i++)
    {
      int w;

      if (!p->show[i])
        continue;
      w = view_button_width (v, p, i, keys);
      if (x > 0 && x + w > cols)
        {
          row++;
          x = 0;
        }
      if (row >= VIEW_MAX_BAR_ROWS || w > cols)
        return false;
      p->row[i] = row;
      x += w + 1;
    }
  p->keys = keys;
  p->rows = row + 1;
  return true;
}

/* Plans the bar of S; with ALL, for every button the screens of S's
   language can show (what the rows are reserved for).  No button is ever
   left out: the keys go first, then a second row is taken; a label too
   wide for the row is cut by view_bar().  */
/* Plans the rows of the buttons P shows (view_plan()).  */
static void
view_plan_rest (const struct view *v, struct view_plan *p)
{
  if (view_plan_rows (v, p, !v->pf->plain, v->cols)
      && (p->rows == 1 || v->pf->plain))
    return;
  if (view_plan_rows (v, p, false, v->cols) && p->rows == 1)
    return;
  if (!v->pf->plain && view_plan_rows (v, p, true, v->cols))
    return;
  if (view_plan_rows (v, p, false, v->cols))
    return;
  /* Wider than two rows even without keys: two rows all the same, the
     labels cut (a terminal under 40 columns is too small anyway).  */
  p->keys = false;
  p->rows = VIEW_MAX_BAR_ROWS;
  {
    int half = 0, k = 0;

    for (size_t i = 0; i < ARRAY_SIZE (view_buttons); i++)
      half += p->show[i];
    for (size_t i = 0; i < ARRAY_SIZE (view_buttons); i++)
      if (p->show[i])
        p->row[i] = k++ < (half + 1) / 2 ? 0 : 1;
  }
}

/* Plans the bar of S; with ALL, for every button the screens of S's
   language can show (what the rows are reserved for).  No button is ever
   left out (but speech and text size, which take a place left): the keys go first, then a second row is taken; a label too
   wide for the row is cut by view_bar().  */
static void
view_plan (const struct view *v, const struct session *s, bool all,
           struct view_plan *p)
{
  bool first = !all && (session_screen (s) == SCREEN_LANGUAGE
                        || session_screen (s) == SCREEN_ATTRACT);
  bool access[ARRAY_SIZE (view_buttons)];
  bool any = false;

  for (size_t i = 0; i < ARRAY_SIZE (view_buttons); i++)
    {
      const struct view_button_def *b = &view_buttons[i];

      p->labels[i] = view_label (v, s, b);
      p->show[i] = p->labels[i] != NULL && !(b->quit && v->pf->kiosk)
                   && (!first || b->action == ACT_WARNING_SIGNS
                       || b->action == ACT_HELP || b->quit
                       || view_access (b));
      p->row[i] = 0;
      /* Planned without them first.  */
      access[i] = p->show[i] && view_access (b);
      any = any || access[i];
      if (view_access (b))
        p->show[i] = false;
    }
  view_plan_rest (v, p);
  if (all || !any)
    return;
  /* They take a place left in those rows, with the keys as planned, one
     by one in their order (speech first); no row is added for them.  */
  {
    int rows = p->rows;
    bool keys = p->keys;

    for (size_t i = 0; i < ARRAY_SIZE (view_buttons); i++)
      {
        struct view_plan try = *p;

        if (!access[i])
          continue;
        try.show[i] = true;
        if (view_plan_rows (v, &try, keys, v->cols) && try.rows <= rows)
          *p = try;
      }
  }
}

static void
view_bar (struct view *v, const struct session *s)
{
  struct view_plan p;
  int x[VIEW_MAX_BAR_ROWS] = { 0 };

  view_plan (v, s, false, &p);
  v->nbuttons = 0;
  for (int r = 0; r < v->bar_rows; r++)
    {
      move (v->bar_y + r, 0);
      theme_apply (stdscr, ROLE_STATUS);
      clrtoeol ();
    }
  for (size_t i = 0; i < ARRAY_SIZE (view_buttons); i++)
    {
      const struct view_button_def *b = &view_buttons[i];
      enum style_role role = b->urgent ? ROLE_BUTTON_URGENT : ROLE_BUTTON;
      int row = p.row[i] < v->bar_rows ? p.row[i] : v->bar_rows - 1;
      int y = v->bar_y + row, x0 = x[row], *xp = &x[row];

      if (!p.show[i] || *xp >= v->cols - 1)
        continue;
      move (y, *xp);
      *xp += view_put (v, " ", v->cols - *xp, role);
      if (p.keys && b->key != NULL)
        {
          *xp += view_put (v, b->key, v->cols - *xp,
                           b->urgent ? role : ROLE_BUTTON_KEY);
          *xp += view_put (v, " ", v->cols - *xp, role);
        }
      *xp += view_put (v, p.labels[i], v->cols - *xp - 1, role);
      *xp += view_put (v, " ", v->cols - *xp, role);
      view_add_target (v, y, x0, *xp, b->action);
      *xp += view_put (v, " ", v->cols - *xp, ROLE_STATUS);
    }
  v->nbar = v->nbuttons;
}

void
view_fit (struct view *v, const struct session *s)
{
  struct view_plan p;

  v->cols = COLS;
  v->rows = LINES;
  v->too_small = v->cols < VIEW_MIN_COLS || v->rows < VIEW_MIN_ROWS;
  if (v->too_small)
    return;
  /* Rows for every button of the language's screens: a narrow screen
     takes two, rather than leave buttons out.  */
  view_plan (v, s, true, &p);
  v->bar_rows = p.rows;
  v->body_y = 1;
  v->body_rows = v->rows - 2 - v->bar_rows;
  v->status_y = v->rows - 1 - v->bar_rows;
  v->bar_y = v->rows - v->bar_rows;
  v->body_width = (int) viewport_measure ((unsigned) v->cols);
  v->body_x = (v->cols - v->body_width) / 2;
}

static void
view_too_small (struct view *v)
{
  const char *msg = _("The window is too small. Please make it larger.");
  struct layout_options o;
  struct layout *l;
  int y;

  /* Wrapped, and centred line by line: on a narrow window the message
     must not be cut off.  */
  memset (&o, 0, sizeof o);
  o.width = v->cols > LAYOUT_MIN_WIDTH + 2 ? (unsigned) v->cols - 2
                                           : LAYOUT_MIN_WIDTH;
  o.charset = v->pf->charset;
  l = layout_text (msg, strlen (msg), ROLE_DIALOG, &o);
  erase ();
  y = (v->rows - (int) l->nlines) / 2;
  for (size_t i = 0; i < l->nlines; i++)
    {
      const struct layout_line *ln = &l->lines[i];
      int x = ln->cols < v->cols ? (v->cols - ln->cols) / 2 : 0;
      struct view_line vl = { v, layout_glyphs (v->pf->charset), false,
                              NULL, 0, 0 };

      if (y + (int) i < 0 || y + (int) i >= v->rows)
        continue;
      move (y + (int) i, x);
      layout_render_line (l, i, vl.g, view_piece, &vl);
    }
  layout_free (l);
  v->nbuttons = 0;
}

/* Draws the lines of L at row Y, column X, in the attributes its spans
   say.  */
static void
view_text_lines (struct view *v, const struct layout *l, int y, int x)
{
  const struct layout_glyphs *g = layout_glyphs (v->pf->charset);

  for (size_t i = 0; i < l->nlines; i++)
    {
      struct view_line vl = { v, g, false, NULL, 0, 0 };

      move (y + (int) i, x);
      layout_render_line (l, i, g, view_piece, &vl);
    }
}

/* "Still there?": a framed box in the middle of the text area, its words
   wrapped to fit (at 40 columns too).  */
static void
view_countdown (struct view *v, unsigned left)
{
  const struct layout_glyphs *g = layout_glyphs (v->pf->charset);
  struct layout_options o;
  struct layout *title, *text;
  char *body;
  int width = v->cols - 4 < 56 ? v->cols - 4 : 56;
  int x = (v->cols - width) / 2, y, height;

  {
    char *count = xasprintf (ngettext ("Starting again in %u second.",
                                       "Starting again in %u seconds.",
                                       left), left);

    body = xasprintf ("%s\n%s", _("Touch the screen or press a key to"
                                  " continue."), count);
    free (count);
  }
  memset (&o, 0, sizeof o);
  o.width = width > 4 + LAYOUT_MIN_WIDTH ? (unsigned) width - 4
                                         : LAYOUT_MIN_WIDTH;
  o.charset = v->pf->charset;
  title = layout_text (_("Still there?"), strlen (_("Still there?")),
                       ROLE_WARNING_LABEL, &o);
  text = layout_text (body, strlen (body), ROLE_DIALOG, &o);
  free (body);
  height = (int) (title->nlines + text->nlines) + 2;
  if (height > v->body_rows)
    height = v->body_rows;
  y = v->body_y + (v->body_rows - height) / 2;
  for (int row = 0; row < height; row++)
    {
      move (y + row, x);
      theme_apply (stdscr, ROLE_WARNING_FRAME);
      if (row == 0 || row == height - 1)
        {
          view_glyph (v, g, row == 0 ? g->tl : g->bl, 1);
          view_glyph (v, g, g->h, width > 2 ? (unsigned) (width - 2) : 0);
          view_glyph (v, g, row == 0 ? g->tr : g->br, 1);
          continue;
        }
      view_glyph (v, g, g->v, 1);
      theme_apply (stdscr, ROLE_DIALOG);
      for (int i = 0; i < width - 2; i++)
        addch (' ');
      theme_apply (stdscr, ROLE_WARNING_FRAME);
      view_glyph (v, g, g->v, 1);
    }
  view_text_lines (v, title, y + 1, x + 2);
  view_text_lines (v, text, y + 1 + (int) title->nlines, x + 2);
  layout_free (title);
  layout_free (text);
  move (y + 1, x + 2);
}

void
view_draw (struct view *v, const struct session *s, const struct library *lib,
           bool full)
{
  int cy, cx;

  if (v->too_small)
    {
      view_too_small (v);
      return;
    }
  if (full)
    {
      view_header (v, lib);
      view_bar (v, s);
    }
  view_status (v, s);
  view_body (v, s);
  getyx (stdscr, cy, cx);
  if (session_idle_left (s) > 0)
    view_countdown (v, session_idle_left (s));
  else
    move (cy, cx);
}

enum action
view_hit (const struct view *v, const struct session *s, int y, int x,
          long *arg)
{
  const struct layout *l = session_layout (s);

  *arg = 0;
  if (v->too_small)
    return ACT_NONE;
  for (int i = 0; i < v->nbuttons; i++)
    if (y == v->buttons[i].y && x >= v->buttons[i].x0
        && x < v->buttons[i].x1)
      return v->buttons[i].action;
  if (y >= v->status_y)
    return ACT_NONE;
  if (l != NULL && y >= v->body_y && y < v->body_y + v->body_rows)
    {
      size_t i = session_top (s) + (size_t) (y - v->body_y);

      if (i < l->nlines && l->lines[i].link >= 0)
        {
          *arg = (long) i;
          return ACT_CLICK;
        }
    }
  return ACT_NONE;
}

const char *
view_button_label (const struct view *v, const struct session *s,
                   enum action a, const char **lang)
{
  *lang = session_ui_lang (s);
  for (size_t i = 0; i < ARRAY_SIZE (view_buttons); i++)
    if (view_buttons[i].action == a)
      {
        if (a == ACT_LANGUAGE && session_next_lang (s) != NULL)
          *lang = session_next_lang (s);
        return view_label (v, s, &view_buttons[i]);
      }
  return NULL;
}
