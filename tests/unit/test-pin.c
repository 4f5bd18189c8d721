/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* test-pin.c -- the staff PIN: hashing, checking, the brake on guessing;
   and the key table (kiosk mode drops quitting, text fields get text).  */

#include "system.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "action.h"
#include "pin.h"
#include "unit.h"

static void
test_hash (void)
{
  const char *err = NULL;
  char *h = pin_hash ("2468", &err);
  char *h2 = pin_hash ("2468", &err);

  CHECK (h != NULL);
  CHECK (h2 != NULL);
  if (h == NULL || h2 == NULL)
    return;
  /* Salted: the same PIN hashes differently, and never shows.  */
  CHECK (strcmp (h, h2) != 0);
  CHECK (strstr (h, "2468") == NULL);
  CHECK (pin_hash_valid (h));
  CHECK (pin_verify (h, "2468"));
  CHECK (pin_verify (h2, "2468"));
  CHECK (!pin_verify (h, "2469"));
  CHECK (!pin_verify (h, "24680"));
  CHECK (!pin_verify (h, ""));
  CHECK (!pin_verify ("", "2468"));
  CHECK (!pin_verify ("2468", "2468"));
  CHECK (!pin_verify (NULL, "2468"));
  CHECK (pin_hash ("12", &err) == NULL);
  CHECK (pin_hash ("12ab", &err) == NULL);
  CHECK (pin_hash ("1234567890123", &err) == NULL);
  free (h);
  free (h2);
}

/* Writes TEXT as DIR/staff_pin.  */
static void
write_credential (const char *dir, const char *text)
{
  char path[256];
  FILE *f;

  snprintf (path, sizeof path, "%s/%s", dir, PIN_CREDENTIAL);
  f = fopen (path, "w");
  CHECK (f != NULL);
  if (f == NULL)
    return;
  fputs (text, f);
  fclose (f);
}

/* The hash from systemd's credentials ($CREDENTIALS_DIRECTORY).  */
static void
test_credential (void)
{
  char dir[] = "/tmp/test-pin.XXXXXX";
  char path[256], line[256], *err = NULL, *h, *got;
  const char *herr = NULL;
  char typed[] = "2468";

  CHECK (mkdtemp (dir) != NULL);
  h = pin_hash ("2468", &herr);
  CHECK (h != NULL);
  if (h == NULL)
    return;
  /* None: no credentials directory, or no staff_pin in it.  */
  CHECK (pin_credential_read (NULL, &err) == NULL && err == NULL);
  CHECK (pin_credential_read ("", &err) == NULL && err == NULL);
  CHECK (pin_credential_read (dir, &err) == NULL && err == NULL);
  /* The bare hash with a newline, and the line --hash-pin prints.  */
  snprintf (line, sizeof line, "%s\n", h);
  write_credential (dir, line);
  got = pin_credential_read (dir, &err);
  CHECK (err == NULL);
  CHECK (got != NULL && strcmp (got, h) == 0);
  CHECK (got != NULL && pin_verify (got, "2468"));
  free (got);
  snprintf (line, sizeof line, "  staff_pin: \"%s\"\n\n", h);
  write_credential (dir, line);
  got = pin_credential_read (dir, &err);
  CHECK (err == NULL);
  CHECK (got != NULL && strcmp (got, h) == 0);
  free (got);
  /* Not a hash (a PIN typed in clear, two hashes): a message that names
     the file, and no PIN.  */
  snprintf (path, sizeof path, "%s/%s", dir, PIN_CREDENTIAL);
  write_credential (dir, "2468\n");
  CHECK (pin_credential_read (dir, &err) == NULL);
  CHECK (err != NULL && strstr (err, path) != NULL);
  free (err);
  snprintf (line, sizeof line, "%s %s\n", h, h);
  write_credential (dir, line);
  CHECK (pin_credential_read (dir, &err) == NULL && err != NULL);
  free (err);
  /* Unreadable (a directory): a message.  */
  unlink (path);
  CHECK (mkdir (path, 0700) == 0);
  CHECK (pin_credential_read (dir, &err) == NULL && err != NULL);
  free (err);
  rmdir (path);
  rmdir (dir);
  /* pin_wipe() zeroes.  */
  pin_wipe (typed, sizeof typed);
  CHECK (typed[0] == '\0' && typed[3] == '\0');
  free (h);
}

static void
test_guard (void)
{
  struct pin_guard g;

  pin_guard_init (&g);
  CHECK_INT (pin_guard_wait (&g, 100), 0);
  pin_guard_fail (&g, 100);
  pin_guard_fail (&g, 100);
  CHECK_INT (pin_guard_wait (&g, 100), 0);
  /* The third wrong PIN: wait 1 s, then 2, 4, 8...  */
  pin_guard_fail (&g, 100);
  CHECK_INT (pin_guard_wait (&g, 100), 1);
  CHECK_INT (pin_guard_wait (&g, 101), 0);
  pin_guard_fail (&g, 101);
  CHECK_INT (pin_guard_wait (&g, 101), 2);
  pin_guard_fail (&g, 103);
  CHECK_INT (pin_guard_wait (&g, 103), 4);
  for (int i = 0; i < 40; i++)
    pin_guard_fail (&g, 200);
  CHECK_INT (pin_guard_wait (&g, 200), PIN_WAIT_MAX);
  pin_guard_ok (&g);
  CHECK_INT (pin_guard_wait (&g, 200), 0);
}

static void
test_keys (void)
{
  struct input in = { IK_F10, 0 };
  long arg;

  /* F10 quits, but not in kiosk mode.  */
  CHECK_INT (action_for_input (&in, false, false, &arg), ACT_QUIT);
  CHECK_INT (action_for_input (&in, true, false, &arg), ACT_NONE);
  /* No command is on a letter or a digit: they start a search, whatever
     the script or the case.  */
  in.key = IK_CHAR;
  for (const char *c = "qQhlbwjk09"; *c != '\0'; c++)
    {
      in.ch = (unsigned char) *c;
      CHECK_INT (action_for_input (&in, false, false, &arg), ACT_TYPE);
      CHECK_INT (arg, *c);
    }
  in.ch = 0xe9;                 /* é */
  CHECK_INT (action_for_input (&in, true, false, &arg), ACT_TYPE);
  in.ch = 0x0436;               /* ж */
  CHECK_INT (action_for_input (&in, true, false, &arg), ACT_TYPE);
  /* Punctuation is not a word: it does nothing (but the command keys).  */
  in.ch = '.';
  CHECK_INT (action_for_input (&in, false, false, &arg), ACT_NONE);
  in.ch = '/';
  CHECK_INT (action_for_input (&in, false, false, &arg), ACT_SEARCH);
  in.key = IK_F2;
  CHECK_INT (action_for_input (&in, false, false, &arg), ACT_LANGUAGE);
  in.key = IK_HOME;
  CHECK_INT (action_for_input (&in, false, false, &arg), ACT_HOME);
  in.key = IK_CHAR;
  /* Control characters are not actions (Ctrl-C, Ctrl-\, Ctrl-Z...).  */
  for (uint32_t c = 1; c < 0x20; c++)
    {
      in.ch = c;
      if (c != '\t' && c != '\n' && c != '\r' && c != 0x08 && c != 0x0b)
        CHECK_INT (action_for_input (&in, true, false, &arg), ACT_NONE);
    }
  in.ch = 0x0b;
  CHECK_INT (action_for_input (&in, true, false, &arg), ACT_STAFF);
  /* In a text field, letters are text, not actions.  */
  in.ch = 'h';
  CHECK_INT (action_for_input (&in, false, true, &arg), ACT_CHAR);
  CHECK_INT (arg, 'h');
  in.ch = 0xe9;
  CHECK_INT (action_for_input (&in, false, true, &arg), ACT_CHAR);
  CHECK_INT (arg, 0xe9);
  in.ch = 0x9b;
  CHECK_INT (action_for_input (&in, false, true, &arg), ACT_NONE);
  /* But '!' is the warning signs, from every screen.  */
  in.ch = '!';
  CHECK_INT (action_for_input (&in, true, true, &arg), ACT_WARNING_SIGNS);
  in.key = IK_BACKSPACE;
  CHECK_INT (action_for_input (&in, false, true, &arg), ACT_BACK);
  in.key = IK_ESCAPE;
  CHECK_INT (action_for_input (&in, true, false, &arg), ACT_CANCEL);
  in.key = IK_FKEY;
  CHECK_INT (action_for_input (&in, true, false, &arg), ACT_NONE);
  CHECK_STR (action_name (ACT_WARNING_SIGNS), "warning-signs");
}

/* Hashes whose check would take minutes or days are refused, and never
   computed; --hash-pin's own hashes, and hashes of the other methods at
   their usual costs, are taken.  */
static void
test_cost_bound (void)
{
  static const char *const costly[] = {
    "$6$rounds=999999999$abcdefghijklmnop$0123456789abcdefghijk",
    "$6$rounds=500001$abcdefghijklmnop$0123456789abcdefghijk",
    "$5$rounds=99999999999999999999$abcdefgh$0123456789abcdef",
    "$2b$31$abcdefghijklmnopqrstuu0123456789abcdefghijklmnopqrstu",
    "$2y$13$abcdefghijklmnopqrstuu0123456789abcdefghijklmnopqrstu",
    "$y$jDT$abcdefghijklmnopqrstuv$0123456789abcdefghijklmnopqrstuvwxyzABCDEF",
    "$y$jCz$abcdefghijklmnopqrstuv$0123456789abcdefghijklmnopqrstuvwxyzABCDEF",
    "$y$jz.$abcdefghijklmnopqrstuv$0123456789abcdefghijklmnopqrstuvwxyzABCDEF",
    "$7$zU..../....abcdefghijklmnop$0123456789abcdefghijklmnopqrstuvwxyzABC",
  };
  static const char *const other[] = {
    "1234", "", "$", "plain text that is long enough", "$1$abcdefgh$0123456789abcdefghij",
    "$y$j9T9$abcdefghijklmnopqrstuv$0123456789abcdefghijklmnopqrstuvwxyzABC",
    "$6$rounds=$abcdefghijklmnop$0123456789abcdefghijk",
    "$2b$x1$abcdefghijklmnopqrstuu0123456789abcdefghijklmnopqrstu",
  };
  static const char *const fine[] = {
    "$6$rounds=500000$abcdefghijklmnop$0123456789abcdefghijk",
    "$6$abcdefghijklmnop$0123456789abcdefghijklmnopqrstuvwxyz",
    "$2b$12$abcdefghijklmnopqrstuu0123456789abcdefghijklmnopqrstu",
    "$y$j9T$abcdefghijklmnopqrstuv$0123456789abcdefghijklmnopqrstuvwxyzABCDEF",
    "$y$jCT$abcdefghijklmnopqrstuv$0123456789abcdefghijklmnopqrstuvwxyzABCDEF",
    "$7$CU..../....abcdefghijklmnop$0123456789abcdefghijklmnopqrstuvwxyzABC",
  };

  for (size_t i = 0; i < ARRAY_SIZE (costly); i++)
    {
      const char *why = pin_hash_problem (costly[i]);

      CHECK (why != NULL && strstr (why, "costs too much") != NULL);
      CHECK (!pin_hash_valid (costly[i]));
      /* Refused without being computed: this returns at once.  */
      CHECK (!pin_verify (costly[i], "1234"));
    }
  for (size_t i = 0; i < ARRAY_SIZE (other); i++)
    {
      const char *why = pin_hash_problem (other[i]);

      CHECK (why != NULL && strstr (why, "costs too much") == NULL);
      CHECK (!pin_verify (other[i], "1234"));
    }
  CHECK (strstr (pin_hash_problem ("1234"), "not a PIN hash") != NULL);
  for (size_t i = 0; i < ARRAY_SIZE (fine); i++)
    CHECK (pin_hash_problem (fine[i]) == NULL);
  /* --hash-pin never makes a hash past the bound.  */
  for (int i = 0; i < 3; i++)
    {
      const char *err = NULL;
      char *h = pin_hash ("13579", &err);

      CHECK (h != NULL && pin_hash_problem (h) == NULL);
      free (h);
    }
}

int
main (void)
{
  RUN (test_hash);
  RUN (test_credential);
  RUN (test_guard);
  RUN (test_cost_bound);
  RUN (test_keys);
  return unit_done ();
}
