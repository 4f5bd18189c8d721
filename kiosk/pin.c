/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* pin.c -- the staff PIN: a salted hash, checking it, and a brake on
   guessing.  */

#include "system.h"

#include <crypt.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pin.h"
#include "xalloc.h"

void
pin_wipe (void *p, size_t n)
{
  /* Unlike memset(), never optimised away because P is not read after.  */
  explicit_bzero (p, n);
}

static bool
pin_digits_ok (const char *pin)
{
  size_t n = strlen (pin);

  if (n < PIN_MIN_DIGITS || n > PIN_MAX_DIGITS)
    return false;
  for (size_t i = 0; i < n; i++)
    if (pin[i] < '0' || pin[i] > '9')
      return false;
  return true;
}

char *
pin_hash (const char *pin, const char **err)
{
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  struct crypt_data data;
  const char *h;
  char *copy;

  if (!pin_digits_ok (pin))
    {
      *err = _("a PIN is 4 to 12 digits");
      return NULL;
    }
  /* NULL prefix: the library's best method (yescrypt), random salt from
     the kernel.  */
  if (crypt_gensalt_rn (NULL, 0, NULL, 0, salt, sizeof salt) == NULL)
    {
      *err = strerror (errno);
      return NULL;
    }
  memset (&data, 0, sizeof data);
  h = crypt_r (pin, salt, &data);
  if (h == NULL || h[0] == '*')
    {
      pin_wipe (&data, sizeof data);
      *err = _("cannot hash the PIN");
      return NULL;
    }
  copy = xstrdup (h);
  pin_wipe (&data, sizeof data);
  return copy;
}

/* The value of the crypt(3) base-64 digit C ("./0-9A-Za-z"), or -1.  */
static int
pin_b64 (char c)
{
  static const char digits[] =
    "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  const char *p = c != '\0' ? strchr (digits, c) : NULL;

  return p != NULL ? (int) (p - digits) : -1;
}

/* A little-endian number of N base-64 digits at S, or -1.  */
static long
pin_b64_number (const char *s, int n)
{
  long v = 0;

  for (int i = 0; i < n; i++)
    {
      int d = pin_b64 (s[i]);

      if (d < 0)
        return -1;
      v |= (long) d << (6 * i);
    }
  return v;
}

static const char *
pin_too_costly (void)
{
  return _("this hash costs too much to check (the kiosk would freeze"
           " while a PIN is checked); make one with mesokiosk --hash-pin");
}

/* yescrypt: $y$ FLAGS N R $ SALT $ HASH, N = 2^(n + 1), R = r + 1 (the
   form libxcrypt makes; more parameters are not taken).  */
static const char *
pin_yescrypt (const char *params)
{
  int n = pin_b64 (params[1]), r = pin_b64 (params[2]);

  if (pin_b64 (params[0]) < 0 || n < 0 || r < 0 || params[3] != '$')
    return _("this yescrypt hash has parameters the kiosk does not take;"
             " make one with mesokiosk --hash-pin");
  if (n > 30 || ((uint64_t) 1 << (n + 1)) * (uint64_t) (r + 1)
                > PIN_YESCRYPT_MAX_NR)
    return pin_too_costly ();
  return NULL;
}

/* scrypt: $7$ N (one digit: 2^N) R (five digits) P (five digits).  */
static const char *
pin_scrypt (const char *params)
{
  int n = pin_b64 (params[0]);
  long r = pin_b64_number (params + 1, 5), p = pin_b64_number (params + 6, 5);

  if (n < 1 || r < 1 || p < 1)
    return _("this scrypt hash has parameters the kiosk does not take;"
             " make one with mesokiosk --hash-pin");
  if (n > 30 || ((uint64_t) 1 << n) * (uint64_t) r * (uint64_t) p
                > PIN_SCRYPT_MAX_NRP)
    return pin_too_costly ();
  return NULL;
}

/* bcrypt: $2b$ CC $ with a two-digit cost.  */
static const char *
pin_bcrypt (const char *params)
{
  if (params[0] < '0' || params[0] > '9' || params[1] < '0'
      || params[1] > '9' || params[2] != '$')
    return _("this bcrypt hash has no valid cost; make one with mesokiosk"
             " --hash-pin");
  if ((params[0] - '0') * 10 + (params[1] - '0') > PIN_BCRYPT_MAX_COST)
    return pin_too_costly ();
  return NULL;
}

/* SHA-crypt: $5$ or $6$, then rounds=N$ or the default 5000.  */
static const char *
pin_sha (const char *params)
{
  unsigned long rounds = 0;
  const char *p;

  if (strncmp (params, "rounds=", 7) != 0)
    return NULL;
  for (p = params + 7; *p >= '0' && *p <= '9'; p++)
    if (rounds <= PIN_SHA_MAX_ROUNDS)
      rounds = rounds * 10 + (unsigned long) (*p - '0');
  if (p == params + 7 || *p != '$')
    return _("this SHA-crypt hash has no valid number of rounds; make one"
             " with mesokiosk --hash-pin");
  if (rounds > PIN_SHA_MAX_ROUNDS)
    return pin_too_costly ();
  return NULL;
}

const char *
pin_hash_problem (const char *hash)
{
  static const struct
  {
    const char *prefix;
    const char *(*check) (const char *params);
  } methods[] = {
    { "$y$", pin_yescrypt }, { "$gy$", pin_yescrypt }, { "$7$", pin_scrypt },
    { "$2b$", pin_bcrypt }, { "$2y$", pin_bcrypt }, { "$2a$", pin_bcrypt },
    { "$6$", pin_sha }, { "$5$", pin_sha },
  };

  if (hash == NULL || hash[0] != '$' || strlen (hash) < 20
      || strchr (hash + 1, '$') == NULL)
    return _("this is not a PIN hash: put the line that mesokiosk --hash-pin"
             " prints (the PIN itself is never stored)");
  for (size_t i = 0; i < ARRAY_SIZE (methods); i++)
    {
      size_t n = strlen (methods[i].prefix);

      if (strncmp (hash, methods[i].prefix, n) == 0)
        return methods[i].check (hash + n);
    }
  return _("this hash method is not one the kiosk checks (yescrypt,"
           " scrypt, bcrypt, SHA-crypt); make one with mesokiosk"
           " --hash-pin");
}

bool
pin_hash_valid (const char *hash)
{
  return pin_hash_problem (hash) == NULL;
}

bool
pin_verify (const char *hash, const char *pin)
{
  struct crypt_data data;
  const char *h;
  size_t n;
  unsigned char diff = 0;

  if (!pin_hash_valid (hash) || !pin_digits_ok (pin))
    return false;
  memset (&data, 0, sizeof data);
  h = crypt_r (pin, hash, &data);
  if (h == NULL || h[0] == '*' || strlen (h) != strlen (hash))
    {
      pin_wipe (&data, sizeof data);
      return false;
    }
  /* Compare in constant time.  */
  n = strlen (hash);
  for (size_t i = 0; i < n; i++)
    diff |= (unsigned char) (h[i] ^ hash[i]);
  /* crypt_r() worked on the PIN in there.  */
  pin_wipe (&data, sizeof data);
  return diff == 0;
}

void
pin_guard_init (struct pin_guard *g)
{
  g->failures = 0;
  g->locked_until = 0;
}

unsigned
pin_guard_wait (const struct pin_guard *g, double now)
{
  double left = g->locked_until - now;
  unsigned whole;

  if (left <= 0)
    return 0;
  whole = (unsigned) left;
  return (double) whole < left ? whole + 1 : whole;
}

void
pin_guard_fail (struct pin_guard *g, double now)
{
  double wait;

  if (g->failures < 64)
    g->failures++;
  if (g->failures < PIN_FREE_TRIES)
    return;
  /* 1, 2, 4... seconds; past 2^9 the cap applies anyway.  */
  wait = (double) (1u << (g->failures - PIN_FREE_TRIES < 10
                          ? g->failures - PIN_FREE_TRIES : 10));
  g->locked_until = now + (wait < PIN_WAIT_MAX ? wait : PIN_WAIT_MAX);
}

void
pin_guard_ok (struct pin_guard *g)
{
  pin_guard_init (g);
}

char *
pin_credential_read (const char *dir, char **err)
{
  char buf[PIN_CREDENTIAL_MAX + 2];
  char *path, *start, *end;
  const char *prefix = "staff_pin:";
  size_t n;
  FILE *f;

  *err = NULL;
  if (dir == NULL || *dir == '\0')
    return NULL;
  path = xasprintf ("%s/%s", dir, PIN_CREDENTIAL);
  f = fopen (path, "re");
  if (f == NULL)
    {
      if (errno != ENOENT)
        *err = xasprintf (_("cannot read the staff PIN's credential %s: %s"),
                          path, strerror (errno));
      free (path);
      return NULL;
    }
  n = fread (buf, 1, sizeof buf - 1, f);
  fclose (f);
  buf[n] = '\0';
  /* One line: the hash, or the line --hash-pin prints (staff_pin: "..."),
     with spaces and a newline around it.  */
  start = buf;
  while (isspace ((unsigned char) *start))
    start++;
  if (strncmp (start, prefix, strlen (prefix)) == 0)
    start += strlen (prefix);
  while (isspace ((unsigned char) *start))
    start++;
  end = start + strlen (start);
  while (end > start && isspace ((unsigned char) end[-1]))
    end--;
  if (end - start >= 2 && *start == '"' && end[-1] == '"')
    {
      start++;
      end--;
    }
  *end = '\0';
  if (n > PIN_CREDENTIAL_MAX || !pin_hash_valid (start)
      || strpbrk (start, " \t\r\n\"") != NULL)
    {
      *err = xasprintf (_("%s: not a staff PIN hash (put there the hash that"
                          " mesokiosk --hash-pin prints)"), path);
      pin_wipe (buf, sizeof buf);
      free (path);
      return NULL;
    }
  start = xstrdup (start);
  pin_wipe (buf, sizeof buf);
  free (path);
  return start;
}
