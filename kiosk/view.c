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

void
view_fit (struct view *v)
{
  v->cols = COLS;
  v->rows = LINES;
  v->too_small = v->cols < VIEW_MIN_COLS || v->rows < VIEW_MIN_ROWS;
  if (v->too_small)
    return;
  v->body_y = 1;
  v->body_rows = v->rows - 3;
  v->status_y = v->rows - 2;
  v->bar_y = v->rows - 1;
  v->body_width = (int) viewport_measure ((unsigned) v->cols);
  v->body_x = (v->cols - v->body_width) / 2;
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
view_text_width (struct view *v, const char *s)
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
};

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
  bool frame = role == ROLE_WARNING_FRAME;
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
  int cursor_y = v->body_y, cursor_x = v->body_x;
  bool cursor_set = false;

  for (int row = 0; row < v->body_rows; row++)
    {
      size_t i = top + (size_t) row;
      struct view_line vl = { v, g, false };

      move (v->body_y + row, 0);
      theme_apply (stdscr, ROLE_BODY);
      clrtoeol ();
      if (l == NULL || i >= l->nlines)
        continue;
      vl.selected = selected >= 0 && l->lines[i].link == selected;
      move (v->body_y + row, v->body_x);
      layout_render_line (l, i, g, view_piece, &vl);
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

static void
view_status (struct view *v, const struct session *s)
{
  const char *crumbs[4];
  size_t n = session_crumbs (s, crumbs, ARRAY_SIZE (crumbs));
  const char *msg = session_message (s);
  const struct layout *l = session_layout (s);
  const char *more = NULL;
  const char *sep = v->pf->charset == CHARSET_ASCII ? " > "
                                                   : " \xE2\x80\xBA ";
  int x = 1, right_w = 0;

  move (v->status_y, 0);
  theme_apply (stdscr, ROLE_STATUS);
  clrtoeol ();
  if (msg != NULL)
    {
      move (v->status_y, 1);
      view_put (v, msg, v->cols - 2, ROLE_NOTICE);
      return;
    }
  if (l != NULL && session_top (s) + session_rows (s) < l->nlines)
    /* TRANSLATORS: at the bottom right when the page goes on below.  */
    more = _("More below: Page Down");
  else if (l != NULL && session_top (s) > 0)
    more = _("End of the page");
  if (more != NULL)
    right_w = view_text_width (v, more);
  move (v->status_y, 1);
  for (size_t i = 0; i < n; i++)
    {
      int room = v->cols - x - right_w - 2;

      if (i > 0)
        x += view_put (v, sep, room, ROLE_STATUS);
      room = v->cols - x - right_w - 2;
      x += view_put (v, crumbs[i], room, ROLE_STATUS);
    }
  if (more != NULL && v->cols - right_w - 1 > x)
    {
      move (v->status_y, v->cols - right_w - 1);
      view_put (v, more, right_w, ROLE_STATUS);
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
  { ACT_BACK, "B", NC_ ("button", "Back"), false, false, false },
  { ACT_HOME, "H", NC_ ("button", "Home"), false, false, true },
  { ACT_LANGUAGE, "L", NULL, false, false, false },
  { ACT_SEARCH, "/", NC_ ("button", "Search"), false, false, false },
  { ACT_HELP, "?", NC_ ("button", "Help"), false, false, false },
  { ACT_WARNING_SIGNS, "!", NC_ ("button", "Warning signs"), true, false,
    false },
  { ACT_QUIT, "Q", NC_ ("button", "Quit"), false, true, false },
};

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

static void
view_bar (struct view *v, const struct session *s)
{
  const char *labels[ARRAY_SIZE (view_buttons)];
  bool show[ARRAY_SIZE (view_buttons)];
  bool keys = !v->pf->plain;
  int total, x;

  for (int pass = 0; pass < 3; pass++)
    {
      total = 0;
      for (size_t i = 0; i < ARRAY_SIZE (view_buttons); i++)
        {
          const struct view_button_def *b = &view_buttons[i];
          bool first = session_screen (s) == SCREEN_LANGUAGE
                       || session_screen (s) == SCREEN_ATTRACT;

          labels[i] = b->label != NULL ? CT_ (b->label)
                                       : view_next_language (s);
          show[i] = labels[i] != NULL && !(b->quit && v->pf->kiosk)
                    && (!first || b->action == ACT_WARNING_SIGNS
                        || b->action == ACT_HELP
                        || (b->quit && pass < 2))
                    && (pass < 2 || b->urgent || b->action == ACT_BACK
                        || b->home);
          if (show[i])
            total += view_text_width (v, labels[i]) + 2 + (keys ? 2 : 0) + 1;
        }
      if (total <= v->cols)
        break;
      keys = false;
    }
  move (v->bar_y, 0);
  theme_apply (stdscr, ROLE_STATUS);
  clrtoeol ();
  v->nbuttons = 0;
  x = 0;
  for (size_t i = 0; i < ARRAY_SIZE (view_buttons); i++)
    {
      const struct view_button_def *b = &view_buttons[i];
      enum style_role role = b->urgent ? ROLE_BUTTON_URGENT : ROLE_BUTTON;
      int x0 = x;

      if (!show[i] || x >= v->cols - 1)
        continue;
      move (v->bar_y, x);
      x += view_put (v, " ", v->cols - x, role);
      if (keys)
        {
          x += view_put (v, b->key, v->cols - x, b->urgent ? role
                                                           : ROLE_BUTTON_KEY);
          x += view_put (v, " ", v->cols - x, role);
        }
      x += view_put (v, labels[i], v->cols - x - 1, role);
      x += view_put (v, " ", v->cols - x, role);
      if (v->nbuttons < VIEW_MAX_BUTTONS)
        v->buttons[v->nbuttons++] = (struct view_button) { x0, x, b->action };
      x += view_put (v, " ", v->cols - x, ROLE_STATUS);
    }
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
      struct view_line vl = { v, layout_glyphs (v->pf->charset), false };

      if (y + (int) i < 0 || y + (int) i >= v->rows)
        continue;
      move (y + (int) i, x);
      layout_render_line (l, i, vl.g, view_piece, &vl);
    }
  layout_free (l);
  v->nbuttons = 0;
}

/* "Still there?": a framed box in the middle of the text area.  */
static void
view_countdown (struct view *v, unsigned left)
{
  const struct layout_glyphs *g = layout_glyphs (v->pf->charset);
  char *lines[3];
  int width = v->cols - 4 < 56 ? v->cols - 4 : 56;
  int x = (v->cols - width) / 2, y;

  lines[0] = xstrdup (_("Still there?"));
  lines[1] = xstrdup (_("Touch the screen or press a key to continue."));
  lines[2] = xasprintf (ngettext ("Starting again in %u second.",
                                  "Starting again in %u seconds.", left),
                        left);
  y = v->body_y + (v->body_rows - 6) / 2;
  for (int row = 0; row < 6; row++)
    {
      move (y + row, x);
      theme_apply (stdscr, ROLE_WARNING_FRAME);
      if (row == 0 || row == 5)
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
      if (row >= 1 && row <= 3)
        {
          move (y + row, x + 2);
          view_put (v, lines[row - 1], width - 4,
                    row == 1 ? ROLE_WARNING_LABEL : ROLE_DIALOG);
        }
    }
  move (y + 1, x + 2);
  for (int i = 0; i < 3; i++)
    free (lines[i]);
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
  if (y == v->bar_y)
    {
      for (int i = 0; i < v->nbuttons; i++)
        if (x >= v->buttons[i].x0 && x < v->buttons[i].x1)
          return v->buttons[i].action;
      return ACT_NONE;
    }
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
