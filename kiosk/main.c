/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* main.c -- options, modes (kiosk, --check, --dump) and wiring.  */

#include "system.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "a11y.h"
#include "check.h"
#include "console.h"
#include "curses_compat.h"
#include "dump.h"
#include "fetch.h"
#include "i18n.h"
#include "library.h"
#include "log.h"
#include "loop.h"
#include "pin.h"
#include "screens.h"
#include "session.h"
#include "signals.h"
#include "term.h"
#include "theme.h"
#include "utf8.h"
#include "view.h"
#include "viewport.h"
#include "xalloc.h"

enum exit_status
{
  EXIT_OK = 0,
  EXIT_RUNTIME = 1,
  EXIT_USAGE = 2
};

enum mode
{
  MODE_KIOSK,
  MODE_CHECK,
  MODE_DUMP,
  MODE_HASH_PIN,
  MODE_CHECK_CONSOLE
};

struct options
{
  enum mode mode;
  const char *layers[LIBRARY_MAX_LAYERS];
  size_t nlayers;
  bool has_content;             /* --content was given.  */
  const char *lang;
  const char *dump_page;
  unsigned width;
  int kiosk;                    /* -1: as the settings say.  */
  long idle;                    /* -1: as the settings say.  */
  int plain;                    /* -1: as the settings say.  */
  int theme;                    /* -1: as the settings say.  */
  bool ascii, strict;
};

enum
{
  OPT_CHECK = CHAR_MAX + 1,
  OPT_STRICT,
  OPT_DUMP,
  OPT_WIDTH,
  OPT_IDLE,
  OPT_PLAIN,
  OPT_ASCII,
  OPT_THEME,
  OPT_HASH_PIN,
  OPT_CHECK_CONSOLE
};

static const struct option long_options[] = {
  { "content", required_argument, NULL, 'c' },
  { "lang", required_argument, NULL, 'l' },
  { "kiosk", no_argument, NULL, 'k' },
  { "idle", required_argument, NULL, OPT_IDLE },
  { "check", no_argument, NULL, OPT_CHECK },
  { "strict", no_argument, NULL, OPT_STRICT },
  { "dump", required_argument, NULL, OPT_DUMP },
  { "width", required_argument, NULL, OPT_WIDTH },
  { "plain", no_argument, NULL, OPT_PLAIN },
  { "ascii", no_argument, NULL, OPT_ASCII },
  { "theme", required_argument, NULL, OPT_THEME },
  { "hash-pin", no_argument, NULL, OPT_HASH_PIN },
  { "check-console", no_argument, NULL, OPT_CHECK_CONSOLE },
  { "help", no_argument, NULL, 'h' },
  { "version", no_argument, NULL, 'V' },
  { NULL, 0, NULL, 0 }
};

static void
usage (FILE *f)
{
  fprintf (f, _("Usage: %s [OPTION]...\n"), PACKAGE);
  fputs (_("Show patients pages about mesotherapy, in French and English,"
           " on a terminal.\n"), f);
  fputs ("\n", f);
  fputs (_("\
  -c, --content=DIR    read the clinic's content from DIR, over the shipped\n\
                         library (repeat for more layers; later ones win)\n\
  -l, --lang=LANG      start in LANG (fr, en...) instead of asking\n\
  -k, --kiosk          kiosk mode: no key leaves the program\n\
      --idle=SECONDS   forget the visit after SECONDS without input\n\
      --plain          no frames or decorations (for screen readers)\n\
      --ascii          use only ASCII characters on the terminal\n\
      --theme=THEME    colour, high-contrast or mono\n"), f);
  fputs (_("\
      --check          check the content and settings, print every\n\
                         problem, and exit\n\
      --strict         with --check, fail on warnings too\n\
      --dump=PAGE      print PAGE as the kiosk lays it out, and exit\n\
      --width=N        with --dump, the width in columns (default 72)\n\
      --hash-pin       read a staff PIN and print the line to put in\n\
                         kiosk.yaml (the PIN itself is never stored)\n\
      --check-console  on a Linux console, load each larger text size and\n\
                         give the console its font back, checking each step\n"),
         f);
  fputs (_("\
  -h, --help           display this help and exit\n\
  -V, --version        output version information and exit\n"), f);
  fputs ("\n", f);
  fputs (_("\
Exit status: 0 if all went well, 1 on a problem while running (or, with\n\
--check --strict, warnings), 2 on a usage error (or, with --check, errors\n\
in the content).\n"), f);
  fputs ("\n", f);
  fprintf (f, _("Shipped content: %s\n"), PKGDATADIR "/content");
  fprintf (f, _("Clinic content:  %s\n"), SYSCONFDIR "/" PACKAGE);
  fprintf (f, _("See mesokiosk(1) and mesokiosk-content(5).\n"));
  fprintf (f, _("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}

static void
version (void)
{
  printf ("%s %s\n", PACKAGE, VERSION);
  puts ("Copyright (C) 2026 the mesokiosk authors.");
  puts (_("License GPLv3+: GNU GPL version 3 or later"
          " <https://gnu.org/licenses/gpl.html>.\n"
          "This is free software: you are free to change and redistribute"
          " it.\nThere is NO WARRANTY, to the extent permitted by law."));
}

/* Prints "mesokiosk: MESSAGE" on standard error.  The message quotes
   what a user typed (arguments, page ids): it goes through the filter the
   content goes through, so no escape sequence reaches the terminal.  */
static void ATTR_PRINTF (1, 0)
say_v (const char *fmt, va_list ap)
{
  char *msg = xvasprintf (fmt, ap);
  char *safe = utf8_escape (msg, strlen (msg));

  fprintf (stderr, "%s: %s\n", PACKAGE, safe);
  free (safe);
  free (msg);
}

static void ATTR_PRINTF (1, 2)
say (const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  say_v (fmt, ap);
  va_end (ap);
}

static void ATTR_NORETURN ATTR_PRINTF (1, 2)
usage_error (const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  say_v (fmt, ap);
  va_end (ap);
  fprintf (stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
  exit (EXIT_USAGE);
}

/* Ends what goes to standard output (GNU's close_stdout()): a write
   that failed (a full disk, a closed output) is said, and STATUS becomes
   a failure.  Returns the exit status.  */
static int
finish_output (int status)
{
  bool failed = ferror (stdout) != 0;

  errno = 0;
  if (fflush (stdout) != 0)
    failed = true;
  if (failed)
    {
      int err = errno;

      say (_("write error: %s"), err != 0 ? strerror (err)
                                          : _("the output is incomplete"));
      if (status == EXIT_OK)
        status = EXIT_RUNTIME;
    }
  return status;
}

/* Reads a whole number from MIN to MAX into *V.  */
static bool
parse_number (const char *arg, long min, long max, long *v)
{
  char *end;

  errno = 0;
  *v = strtol (arg, &end, 10);
  return errno == 0 && end != arg && *end == '\0' && *v >= min && *v <= max;
}

static void
parse_options (int argc, char **argv, struct options *o)
{
  int c;

  memset (o, 0, sizeof *o);
  o->kiosk = o->plain = o->theme = -1;
  o->idle = -1;
  o->width = VIEWPORT_MEASURE;
  /* getopt's own messages would show the option as it was typed.  */
  opterr = 0;
  while ((c = getopt_long (argc, argv, ":c:l:khV", long_options, NULL))
         != -1)
    switch (c)
      {
      case 'c':
        if (o->nlayers + 1 >= LIBRARY_MAX_LAYERS)
          usage_error (_("too many --content directories (at '%s')"), optarg);
        o->layers[1 + o->nlayers++] = optarg;
        o->has_content = true;
        break;
      case 'l':
        if (!settings_lang_valid (optarg))
          usage_error (_("'%s' is not a language code (such as fr or en)"),
                       optarg);
        o->lang = optarg;
        break;
      case 'k':
        o->kiosk = 1;
        break;
      case OPT_IDLE:
        if (!parse_number (optarg, SETTINGS_IDLE_MIN, SETTINGS_IDLE_MAX,
                           &o->idle))
          usage_error (_("invalid --idle '%s': give seconds, from %d to %d"),
                       optarg, SETTINGS_IDLE_MIN, SETTINGS_IDLE_MAX);
        break;
      case OPT_CHECK:
        o->mode = MODE_CHECK;
        break;
      case OPT_STRICT:
        o->strict = true;
        break;
      case OPT_DUMP:
        o->mode = MODE_DUMP;
        o->dump_page = optarg;
        break;
      case OPT_WIDTH:
        {
          long w;

          if (!parse_number (optarg, LAYOUT_MIN_WIDTH, 1000, &w))
            usage_error (_("invalid --width '%s': give columns, from %d to"
                           " %d"), optarg, LAYOUT_MIN_WIDTH, 1000);
          o->width = (unsigned) w;
        }
        break;
      case OPT_HASH_PIN:
        o->mode = MODE_HASH_PIN;
        break;
      case OPT_CHECK_CONSOLE:
        o->mode = MODE_CHECK_CONSOLE;
        break;
      case OPT_PLAIN:
        o->plain = 1;
        break;
      case OPT_ASCII:
        o->ascii = true;
        break;
      case OPT_THEME:
        for (int t = 0; settings_theme_names[t] != NULL; t++)
          if (strcmp (optarg, settings_theme_names[t]) == 0)
            o->theme = t;
        if (o->theme < 0)
          usage_error (_("invalid --theme '%s': use colour, high-contrast or"
                         " mono"), optarg);
        break;
      case 'h':
        usage (stdout);
        exit (finish_output (EXIT_OK));
      case 'V':
        version ();
        exit (finish_output (EXIT_OK));
      case ':':
        usage_error (_("option '%s' requires an argument"),
                     argv[optind - 1]);
      default:
        if (strncmp (argv[optind - 1], "--", 2) != 0)
          usage_error (_("invalid option -- '%c'"), optopt);
        if (optopt != 0)
          usage_error (_("option '%.*s' doesn't allow an argument"),
                       (int) strcspn (argv[optind - 1], "="),
                       argv[optind - 1]);
        usage_error (_("unrecognized option '%s'"), argv[optind - 1]);
      }
  if (optind < argc)
    usage_error (_("unexpected argument '%s'"), argv[optind]);
  if (o->strict && o->mode != MODE_CHECK)
    usage_error ("%s", _("--strict goes with --check"));
}

/* Layer 0 is the shipped library; then --content directories, or the
   clinic's directory.  The clinic's directories may hold translations of
   the interface too (i18n_clinic_open()): they are read once, here, so a
   changed one takes a restart, not a reload.  */
static struct library *
open_library (struct options *o, uint32_t *require)
{
  const char *shipped = getenv ("MESOKIOSK_DATADIR");
  const char *clinic = getenv ("MESOKIOSK_CLINICDIR");
  struct library *lib;

  o->layers[0] = shipped != NULL && *shipped != '\0'
                   ? shipped : PKGDATADIR "/content";
  *require = 0;
  if (o->has_content)
    for (size_t i = 1; i <= o->nlayers; i++)
      *require |= UINT32_C (1) << i;
  else
    {
      /* The tests' own, so that an installed clinic directory (make
         install) changes none of them.  */
      o->layers[1] = clinic != NULL && *clinic != '\0'
                       ? clinic : SYSCONFDIR "/" PACKAGE;
      o->nlayers = 1;
      *require = 1;             /* Without --content, the shipped library
                                   must be there.  */
    }
  lib = library_open (o->layers, o->nlayers + 1, *require);
  i18n_clinic_open (o->layers + 1, o->nlayers, library_diags (lib));
  return lib;
}

static int
run_check (struct options *o)
{
  uint32_t require;
  struct library *lib = open_library (o, &require);
  struct diag_list *d = library_diags (lib);
  size_t pages = library_count (lib);
  int status;

  check_library (lib);
  diag_list_print (stdout, d, true);
  for (size_t i = 0; i < i18n_clinic_count (); i++)
    {
      const char *file, *lang;
      size_t n;

      i18n_clinic_get (i, &file, &lang, &n);
      printf (ngettext ("The clinic's translation of the interface into"
                        " '%s': %s (%zu message).\n",
                        "The clinic's translation of the interface into"
                        " '%s': %s (%zu messages).\n", n), lang, file, n);
    }
  if (d->nerrors > 0 || d->nwarnings > 0)
    {
      char *e = xasprintf (ngettext ("%zu error", "%zu errors", d->nerrors),
                           d->nerrors);
      char *w = xasprintf (ngettext ("%zu warning", "%zu warnings",
                                     d->nwarnings), d->nwarnings);
      char *p = xasprintf (ngettext ("%zu page", "%zu pages", pages),
                           pages);

      /* TRANSLATORS: the summary of --check: "2 errors, 1 warning in 24
         pages."; each %s is one of the counts just above.  */
      printf (_("%s, %s in %s.\n"), e, w, p);
      free (e);
      free (w);
      free (p);
    }
  else
    printf (_("No problems found in %zu pages.\n"), pages);
  status = d->nerrors > 0 ? EXIT_USAGE
           : (o->strict && d->nwarnings > 0) ? EXIT_RUNTIME : EXIT_OK;
  library_free (lib);
  return status;
}

static int
run_dump (struct options *o)
{
  uint32_t require;
  struct library *lib = open_library (o, &require);
  const struct settings *set = library_settings (lib);
  const char *lang = o->lang != NULL ? o->lang : set->default_language;
  const struct page *p;
  struct profile pf;
  struct screens_labels labels = { lib, { NEED_NOTHING, NULL, NULL } };
  struct layout_options lo;
  struct layout *l;
  int status = EXIT_OK;

  p = library_page (lib, o->dump_page, lang);
  if (p == NULL)
    {
      i18n_staff_begin ();
      diag_list_print (stderr, library_diags (lib), false);
      if (!library_exists (lib, o->dump_page, lang))
        say (_("there is no page '%s' in '%s'"), o->dump_page, lang);
      i18n_staff_end ();
      library_free (lib);
      return EXIT_RUNTIME;
    }
  /* Laid out as the kiosk lays it out, link titles included.  */
  pf.charset = o->ascii || !i18n_utf8 () ? CHARSET_ASCII : CHARSET_UTF8;
  pf.plain = o->plain == 1;
  pf.kiosk = false;
  screens_options (&lo, &pf, o->width, p->lang, lang, NULL, &labels);
  l = fetch_layout (lib, p, &lo, &labels);
  dump_layout (stdout, l, lo.charset);
  layout_free (l);
  diag_list_print (stderr, library_diags (lib), false);
  library_free (lib);
  return status;
}

/* Reads one line from standard input, without echo on a terminal.  */
static char *
read_secret (const char *prompt)
{
  struct termios old, quiet;
  bool tty = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &old) == 0;
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;

  if (tty)
    {
      fputs (prompt, stderr);
      quiet = old;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  n = getline (&line, &cap, stdin);
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &old);
      fputc ('\n', stderr);
    }
  if (n < 0)
    {
      free (line);
      return NULL;
    }
  line[strcspn (line, "\r\n")] = '\0';
  return line;
}

static int
run_hash_pin (void)
{
  char *pin = read_secret (_("Staff PIN (4 to 12 digits): "));
  char *again, *hash;
  const char *err = NULL;

  if (pin == NULL)
    {
      fprintf (stderr, _("%s: no PIN given\n"), PACKAGE);
      return EXIT_RUNTIME;
    }
  if (isatty (STDIN_FILENO))
    {
      again = read_secret (_("The same PIN again: "));
      if (again == NULL || strcmp (again, pin) != 0)
        {
          fprintf (stderr, _("%s: the two PINs differ\n"), PACKAGE);
          if (again != NULL)
            pin_wipe (again, strlen (again));
          free (again);
          pin_wipe (pin, strlen (pin));
          free (pin);
          return EXIT_RUNTIME;
        }
      pin_wipe (again, strlen (again));
      free (again);
    }
  hash = pin_hash (pin, &err);
  pin_wipe (pin, strlen (pin));
  free (pin);
  if (hash == NULL)
    {
      fprintf (stderr, "%s: %s\n", PACKAGE, err);
      return EXIT_RUNTIME;
    }
  printf ("staff_pin: \"%s\"\n", hash);
  free (hash);
  return EXIT_OK;
}

/* The staff PIN's hash (caller frees), or NULL: from the systemd
   credential staff_pin ($CREDENTIALS_DIRECTORY, LoadCredential= in the
   unit) when there is one, else from the settings.  */
static char *
staff_pin_hash (const struct settings *set)
{
  char *err, *hash = pin_credential_read (getenv ("CREDENTIALS_DIRECTORY"),
                                          &err);

  if (err != NULL)
    {
      log_message ("%s", err);
      free (err);
    }
  if (hash != NULL)
    return hash;
  return set->staff_pin != NULL ? xstrdup (set->staff_pin) : NULL;
}

/* True if standard error is the terminal the kiosk draws on.  */
static bool
stderr_is_screen (void)
{
  struct stat a, b;

  return isatty (STDERR_FILENO) && fstat (STDERR_FILENO, &a) == 0
         && fstat (STDOUT_FILENO, &b) == 0 && a.st_rdev == b.st_rdev;
}

static int
run_kiosk (struct options *o)
{
  struct app app;
  const struct settings *set;
  struct term_info ti;
  const char *err, *trace = getenv ("MESOKIOSK_TRACE");
  int sigfd, status;
  bool kiosk, plain;
  char *pin_hash_copy;

  memset (&app, 0, sizeof app);
  log_init (stderr_is_screen ());
  app.lib = open_library (o, &app.require);
  app.layers = o->layers;
  app.nlayers = o->nlayers + 1;
  log_diags (library_diags (app.lib));
  set = library_settings (app.lib);
  kiosk = o->kiosk >= 0 ? o->kiosk == 1 : set->kiosk;
  plain = o->plain >= 0 ? o->plain == 1 : set->plain;
  if (trace != NULL && *trace != '\0')
    {
      app.trace = fopen (trace, "a");
      if (app.trace == NULL)
        log_message (_("cannot open the trace file %s: %s"), trace,
                     strerror (errno));
      else
        {
          fprintf (app.trace, "start pid=%ld\n", (long) getpid ());
          fflush (app.trace);
        }
    }
  sigfd = signals_init (kiosk);
  if (sigfd < 0 || !term_init (kiosk, o->ascii, plain, &ti, &err))
    {
      if (sigfd < 0)
        err = strerror (errno);
      fprintf (stderr, "%s: %s\n", PACKAGE, err);
      library_free (app.lib);
      log_flush ();
      return EXIT_RUNTIME;
    }
  if (ti.fallback)
    log_message (_("unknown terminal type '%s'; using vt100"),
                 getenv ("TERM"));
  theme_init (o->theme >= 0 ? (unsigned) o->theme : set->theme);
  app.profile.charset = ti.charset;
  app.profile.plain = plain;
  app.profile.kiosk = kiosk;
  app.scfg.profile = &app.profile;
  app.scfg.lang = o->lang;
  app.scfg.attract = kiosk;
  /* Read once: a new PIN takes a restart.  The systemd credential, when
     there is one, wins over staff_pin in the settings.  */
  pin_hash_copy = staff_pin_hash (set);
  app.scfg.pin_hash = pin_hash_copy;
  pin_guard_init (&app.guard);
  app.scfg.guard = &app.guard;
  if (o->idle >= 0)
    app.idle = (unsigned) o->idle;
  else if (kiosk)
    app.idle = set->idle_seconds;
  app.countdown = loop_countdown (app.idle);
  app.session = session_new (app.lib, &app.scfg);
  view_init (&app.view, &app.profile);
  a11y_init (&app, set, &ti);
  status = loop_run (&app, sigfd);
  a11y_done (&app);
  term_done ();
  session_free (app.session);
  library_free (app.lib);
  free (pin_hash_copy);
  if (app.trace != NULL)
    fclose (app.trace);
  log_flush ();
  return status;
}

int
main (int argc, char **argv)
{
  struct options o;
  int status;

  i18n_init (LOCALEDIR);
  parse_options (argc, argv, &o);
  switch (o.mode)
    {
    case MODE_CHECK:
      status = finish_output (run_check (&o));
      break;
    case MODE_DUMP:
      status = finish_output (run_dump (&o));
      break;
    case MODE_HASH_PIN:
      return finish_output (run_hash_pin ());
    case MODE_CHECK_CONSOLE:
      return console_check (STDIN_FILENO);
    default:
      status = run_kiosk (&o);
      break;
    }
  i18n_clinic_close ();
  return status;
}
