/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* console.c -- the Linux console's font, changed and given back.  */

#include "system.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/kd.h>

#include "console.h"
#include "textsize.h"
#include "xalloc.h"

enum
{
  CONSOLE_FILE_MAX = 4 << 20,   /* Bytes of a font file, decompressed.  */
  CONSOLE_GLYPHS = 512,
  CONSOLE_GET_SIZE = CONSOLE_GLYPHS * 32 * 4    /* 32 x 32 pixels.  */
};

/* A font as the kernel holds it, with its Unicode map.  */
struct console_saved
{
  unsigned width, height, count;
  unsigned char *data;
  struct unipair *map;
  unsigned short nmap;
};

struct console
{
  int fd;
  bool changed;                 /* SAVED is to be given back.  */
  struct console_saved saved;
  char *state;                  /* The file that outlives a kill, or NULL.  */
};

/* The console a fatal signal gives the font back to.  */
static struct console *volatile console_crash;

static void
console_saved_free (struct console_saved *f)
{
  free (f->data);
  free (f->map);
  memset (f, 0, sizeof *f);
}

/* Reads the console's font and Unicode map into *F.  */
static bool
console_get (int fd, struct console_saved *f)
{
  struct console_font_op op;
  struct unimapdesc ud;

  memset (f, 0, sizeof *f);
  memset (&op, 0, sizeof op);
  /* Zeroed: the kernel fills only the glyphs the font has, and two reads
     of one font must compare equal (console_same()).  */
  f->data = xcalloc (1, CONSOLE_GET_SIZE);
  op.op = KD_FONT_OP_GET;
  op.width = 32;
  op.height = 32;
  op.charcount = CONSOLE_GLYPHS;
  op.data = f->data;
  if (ioctl (fd, KDFONTOP, &op) != 0)
    {
      console_saved_free (f);
      return false;
    }
  f->width = op.width;
  f->height = op.height;
  f->count = op.charcount;
  /* The map: ask its size, then read it.  */
  memset (&ud, 0, sizeof ud);
  if (ioctl (fd, GIO_UNIMAP, &ud) != 0 && errno != ENOMEM)
    return true;
  if (ud.entry_ct > 0)
    {
      f->map = xcalloc (ud.entry_ct, sizeof *f->map);
      ud.entries = f->map;
      if (ioctl (fd, GIO_UNIMAP, &ud) == 0)
        f->nmap = ud.entry_ct;
      else
        {
          free (f->map);
          f->map = NULL;
        }
    }
  return true;
}

/* Loads the font and the map of F (system calls only: the crash handler
   calls it).  */
static bool
console_set (int fd, const struct console_saved *f)
{
  struct console_font_op op;
  struct unimapinit ui;
  struct unimapdesc ud;

  memset (&op, 0, sizeof op);
  op.op = KD_FONT_OP_SET;
  op.width = f->width;
  op.height = f->height;
  op.charcount = f->count;
  op.data = f->data;
  if (ioctl (fd, KDFONTOP, &op) != 0)
    return false;
  if (f->map != NULL && f->nmap > 0)
    {
      memset (&ui, 0, sizeof ui);
      ud.entry_ct = f->nmap;
      ud.entries = f->map;
      if (ioctl (fd, PIO_UNIMAPCLR, &ui) != 0
          || ioctl (fd, PIO_UNIMAP, &ud) != 0)
        return false;
    }
  return true;
}

/* ------------------------------------------------------------------ */
/* The font saved in a file, for a start after a kill.  */

static const char console_magic[8] = "MKFONT1\n";

static char *
console_state_file (void)
{
  const char *dir = getenv ("MESOKIOSK_RUNTIME_DIR");
  size_t n;

  if (dir == NULL || *dir == '\0')
    dir = getenv ("RUNTIME_DIRECTORY");
  if (dir == NULL || *dir == '\0')
    return NULL;
  n = strcspn (dir, ":");       /* systemd lists several with ':'.  */
  return xasprintf ("%.*s/console-font", (int) n, dir);
}

static void
console_state_write (const struct console *c)
{
  uint32_t head[4] = { c->saved.width, c->saved.height, c->saved.count,
                       c->saved.nmap };
  int fd;
  bool ok;

  if (c->state == NULL)
    return;
  fd = open (c->state, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  ok = write (fd, console_magic, sizeof console_magic)
         == (ssize_t) sizeof console_magic
       && write (fd, head, sizeof head) == (ssize_t) sizeof head
       && write (fd, c->saved.data, CONSOLE_GET_SIZE)
            == (ssize_t) CONSOLE_GET_SIZE
       && (c->saved.nmap == 0
           || write (fd, c->saved.map, c->saved.nmap * sizeof *c->saved.map)
                == (ssize_t) (c->saved.nmap * sizeof *c->saved.map));
  if (close (fd) != 0 || !ok)
    unlink (c->state);
}

/* Reads the font a killed kiosk left in FILE into *F.  */
static bool
console_state_read (const char *file, struct console_saved *f)
{
  char magic[sizeof console_magic];
  uint32_t head[4];
  int fd = open (file, O_RDONLY | O_CLOEXEC);
  bool ok;

  memset (f, 0, sizeof *f);
  if (fd < 0)
    return false;
  ok = read (fd, magic, sizeof magic) == (ssize_t) sizeof magic
       && memcmp (magic, console_magic, sizeof magic) == 0
       && read (fd, head, sizeof head) == (ssize_t) sizeof head
       && head[0] > 0 && head[0] <= 32 && head[1] > 0 && head[1] <= 32
       && head[2] > 0 && head[2] <= CONSOLE_GLYPHS && head[3] <= 65535;
  if (ok)
    {
      f->width = head[0];
      f->height = head[1];
      f->count = head[2];
      f->nmap = (unsigned short) head[3];
      f->data = xmalloc (CONSOLE_GET_SIZE);
      ok = read (fd, f->data, CONSOLE_GET_SIZE) == (ssize_t) CONSOLE_GET_SIZE;
      if (ok && f->nmap > 0)
        {
          f->map = xcalloc (f->nmap, sizeof *f->map);
          ok = read (fd, f->map, f->nmap * sizeof *f->map)
               == (ssize_t) (f->nmap * sizeof *f->map);
        }
    }
  close (fd);
  if (!ok)
    console_saved_free (f);
  return ok;
}

/* ------------------------------------------------------------------ */

struct console *
console_open (int fd, const char **err)
{
  struct console_font_op op;
  struct console *c;
  struct console_saved left;

  memset (&op, 0, sizeof op);
  op.op = KD_FONT_OP_GET;
  op.width = 32;
  op.height = 32;
  op.charcount = CONSOLE_GLYPHS;
  op.data = NULL;               /* Only the size.  */
  if (ioctl (fd, KDFONTOP, &op) != 0)
    {
      *err = errno == ENOTTY || errno == EINVAL
               ? _("not a Linux console in text mode")
               : _("this console's font cannot be changed");
      return NULL;
    }
  c = xcalloc (1, sizeof *c);
  c->fd = fd;
  c->state = console_state_file ();
  if (c->state != NULL && console_state_read (c->state, &left))
    {
      /* A kiosk was killed with its font changed: give it back.  */
      console_set (fd, &left);
      console_saved_free (&left);
      unlink (c->state);
    }
  console_crash = c;
  return c;
}

void
console_geometry (const struct console *c, unsigned *cols, unsigned *rows,
                  unsigned *cell_w, unsigned *cell_h)
{
  struct console_font_op op;
  struct winsize ws;

  *cols = *rows = *cell_w = *cell_h = 0;
  if (ioctl (c->fd, TIOCGWINSZ, &ws) == 0)
    {
      *cols = ws.ws_col;
      *rows = ws.ws_row;
    }
  memset (&op, 0, sizeof op);
  op.op = KD_FONT_OP_GET;
  op.width = 32;
  op.height = 32;
  op.charcount = CONSOLE_GLYPHS;
  if (ioctl (c->fd, KDFONTOP, &op) == 0)
    {
      *cell_w = op.width;
      *cell_h = op.height;
    }
}

/* Reads FILE whole, through gzip -dc if it ends in .gz (caller frees);
   NULL with *ERR set if it cannot.  */
static unsigned char *
console_read_file (const char *file, size_t *n, char **err)
{
  size_t len = strlen (file), cap = 64 * 1024, got = 0;
  bool gz = len > 3 && strcmp (file + len - 3, ".gz") == 0;
  unsigned char *buf;
  int fd, pfd[2] = { -1, -1 };
  pid_t pid = -1;
  int status = 0;

  if (gz)
    {
      if (access (file, R_OK) != 0)
        {
          *err = xasprintf ("%s: %s", file, strerror (errno));
          return NULL;
        }
      if (pipe2 (pfd, O_CLOEXEC) != 0 || (pid = fork ()) < 0)
        {
          *err = xasprintf (_("cannot run gzip: %s"), strerror (errno));
          if (pfd[0] >= 0)
            {
              close (pfd[0]);
              close (pfd[1]);
            }
          return NULL;
        }
      if (pid == 0)
        {
          int null = open ("/dev/null", O_RDWR);

          dup2 (pfd[1], STDOUT_FILENO);
          if (null >= 0)
            {
              dup2 (null, STDIN_FILENO);
              dup2 (null, STDERR_FILENO);
            }
          execlp ("gzip", "gzip", "-dc", "--", file, (char *) NULL);
          _exit (127);
        }
      close (pfd[1]);
      fd = pfd[0];
    }
  else
    {
      fd = open (file, O_RDONLY | O_CLOEXEC);
      if (fd < 0)
        {
          *err = xasprintf ("%s: %s", file, strerror (errno));
          return NULL;
        }
    }
  buf = xmalloc (cap);
  for (;;)
    {
      ssize_t r;

      if (got == cap)
        {
          if (cap >= CONSOLE_FILE_MAX)
            break;
          cap *= 2;
          buf = xreallocarray (buf, cap, 1);
        }
      r = read (fd, buf + got, cap - got);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        break;
      got += (size_t) r;
    }
  close (fd);
  if (pid > 0)
    {
      while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
        continue;
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        {
          *err = xasprintf (_("%s: gzip cannot read it"), file);
          free (buf);
          return NULL;
        }
    }
  *n = got;
  return buf;
}

bool
console_load (struct console *c, const char *file, char **err)
{
  struct textsize_font tf;
  struct console_saved f;
  unsigned char *buf;
  size_t n = 0;
  bool ok;

  *err = NULL;
  buf = console_read_file (file, &n, err);
  if (buf == NULL)
    return false;
  ok = textsize_font_parse (buf, n, &tf);
  free (buf);
  if (!ok)
    {
      *err = xasprintf (_("%s: not a console font"), file);
      return false;
    }
  if (!c->changed)
    {
      if (!console_get (c->fd, &c->saved))
        {
          *err = xasprintf (_("cannot read the console's font: %s"),
                            strerror (errno));
          textsize_font_free (&tf);
          return false;
        }
      c->changed = true;
      console_state_write (c);
    }
  memset (&f, 0, sizeof f);
  f.width = tf.width;
  f.height = tf.height;
  f.count = tf.count;
  f.data = tf.data;
  f.nmap = (unsigned short) (tf.nmap < 65535 ? tf.nmap : 65535);
  f.map = xcalloc (f.nmap > 0 ? f.nmap : 1, sizeof *f.map);
  for (size_t i = 0; i < f.nmap; i++)
    {
      f.map[i].unicode = tf.map[i].unicode;
      f.map[i].fontpos = tf.map[i].glyph;
    }
  ok = console_set (c->fd, &f);
  if (!ok)
    {
      *err = xasprintf (_("cannot load %s: %s"), file, strerror (errno));
      /* What half loaded goes: the console's own font is back.  */
      console_restore (c);
    }
  free (f.map);
  textsize_font_free (&tf);
  return ok;
}

bool
console_restore (struct console *c)
{
  bool ok;

  if (c == NULL || !c->changed)
    return true;
  ok = console_set (c->fd, &c->saved);
  c->changed = false;
  if (c->state != NULL)
    unlink (c->state);
  console_saved_free (&c->saved);
  return ok;
}

void
console_restore_crash (void)
{
  struct console *c = console_crash;

  if (c != NULL && c->changed)
    {
      console_set (c->fd, &c->saved);
      if (c->state != NULL)
        unlink (c->state);
    }
}

void
console_close (struct console *c)
{
  if (c == NULL)
    return;
  console_restore (c);
  console_crash = NULL;
  free (c->state);
  free (c);
}

const char *
console_font_dir (void)
{
  const char *d = getenv ("MESOKIOSK_CONSOLEFONTS");

  return d != NULL && *d != '\0' ? d : "/usr/share/consolefonts";
}

/* ------------------------------------------------------------------ */
/* --check-console.  */

/* True if the console's font on FD is F's (glyphs and size).  */
static bool
console_same (int fd, const struct console_saved *f)
{
  struct console_saved now;
  bool same;

  if (!console_get (fd, &now))
    return false;
  same = now.width == f->width && now.height == f->height
         && now.count == f->count
         && memcmp (now.data, f->data, CONSOLE_GET_SIZE) == 0;
  console_saved_free (&now);
  return same;
}

int
console_check (int fd)
{
  const char *err = NULL;
  struct console *c = console_open (fd, &err);
  struct console_saved before;
  unsigned cols0, rows0, w0, h0;
  int status = 0;

  if (c == NULL)
    {
      /* Not a failure of the kiosk: nothing to check here.  */
      fprintf (stderr, "%s: %s\n", PACKAGE, err);
      return 77;
    }
  if (!console_get (fd, &before))
    {
      fprintf (stderr, "%s: %s\n", PACKAGE,
               _("cannot read the console's font"));
      console_close (c);
      return 1;
    }
  console_geometry (c, &cols0, &rows0, &w0, &h0);
  fprintf (stderr, "console: %ux%u cells of %ux%u pixels\n", cols0, rows0,
           w0, h0);
  for (int s = TEXTSIZE_LARGE; s < TEXTSIZE_COUNT; s++)
    {
      char *file = xasprintf ("%s/%s", console_font_dir (),
                              textsize_file ((enum textsize_size) s));
      char *lerr = NULL;
      unsigned cols, rows, w, h;

      if (!console_load (c, file, &lerr))
        {
          fprintf (stderr, "%s: FAIL: %s\n", textsize_names[s], lerr);
          status = 1;
        }
      else
        {
          console_geometry (c, &cols, &rows, &w, &h);
          fprintf (stderr, "%s: %ux%u cells of %ux%u pixels\n",
                   textsize_names[s], cols, rows, w, h);
          if (w != textsize_width ((enum textsize_size) s)
              || h != textsize_height ((enum textsize_size) s)
              || (w0 * cols0 > 0 && cols >= cols0))
            {
              fprintf (stderr, "%s: FAIL: the text did not grow\n",
                       textsize_names[s]);
              status = 1;
            }
        }
      free (lerr);
      free (file);
    }
  if (!console_restore (c) || !console_same (fd, &before))
    {
      fprintf (stderr, "restore: FAIL: the console's font is not back\n");
      status = 1;
    }
  else
    {
      unsigned cols, rows, w, h;

      console_geometry (c, &cols, &rows, &w, &h);
      fprintf (stderr, "restore: %ux%u cells of %ux%u pixels%s\n", cols,
               rows, w, h, cols == cols0 && rows == rows0 ? ""
                                                         : " (FAIL: size)");
      if (cols != cols0 || rows != rows0)
        status = 1;
    }
  console_saved_free (&before);
  console_close (c);
  fprintf (stderr, "%s\n", status == 0 ? "console: OK" : "console: FAIL");
  return status;
}
