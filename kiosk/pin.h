/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* pin.h -- the staff PIN: a salted hash, checking it, and a brake on
   guessing.

   The settings hold only crypt(3)'s salted hash of the PIN (yescrypt,
   libxcrypt's default), printed by mesokiosk --hash-pin; the PIN itself
   is never stored.  struct pin_guard slows guessing down: after three
   wrong PINs, each new wrong one doubles the wait before the next try (up
   to PIN_WAIT_MAX seconds).  Time is passed in, so tests need no clock.
   Under systemd the hash can come instead from the credential
   PIN_CREDENTIAL (LoadCredential= in the unit), readable by the kiosk
   only.  What held a typed PIN is wiped with pin_wipe().  No curses
   here.  */

#ifndef MESOKIOSK_PIN_H
#define MESOKIOSK_PIN_H

enum
{
  PIN_MIN_DIGITS = 4,
  PIN_MAX_DIGITS = 12,
  PIN_FREE_TRIES = 3,
  PIN_WAIT_MAX = 300,
  PIN_CREDENTIAL_MAX = 512      /* Longest credential file read.  */
};

/* The name of the systemd credential holding the hash, a file in
   $CREDENTIALS_DIRECTORY.  */
#define PIN_CREDENTIAL "staff_pin"

/* Returns the salted hash of PIN (caller frees), or NULL with *ERR set if
   PIN is not 4 to 12 digits or hashing failed.  */
char *pin_hash (const char *pin, const char **err);
/* The most a hash may cost to check, in each method: about eight times
   what --hash-pin makes (yescrypt, N = 2^12, r = 32: 20 to 50 ms on a
   desktop), so that a patient typing a PIN never freezes the kiosk.  */
enum
{
  PIN_YESCRYPT_MAX_NR = 1 << 20,        /* N times r.  */
  PIN_SCRYPT_MAX_NRP = 1 << 19,         /* N times r times p ($7$).  */
  PIN_BCRYPT_MAX_COST = 12,             /* 2^12 rounds.  */
  PIN_SHA_MAX_ROUNDS = 500000           /* $5$ and $6$.  */
};

/* Why HASH cannot be the staff PIN's hash (a translated message), or
   NULL if it is a crypt(3) hash of a method we check within the bounds
   above.  */
const char *pin_hash_problem (const char *hash);
/* True if pin_hash_problem (HASH) is NULL.  */
bool pin_hash_valid (const char *hash);
/* True if PIN matches HASH.  A hash that is not valid matches nothing,
   without being computed: checking a PIN never takes longer than the
   bounds allow.  */
bool pin_verify (const char *hash, const char *pin);
/* Zeroes N bytes at P in a way the compiler keeps (explicit_bzero): for
   every buffer that held a typed PIN.  */
void pin_wipe (void *p, size_t n);
/* Reads the hash from the credential PIN_CREDENTIAL in DIR (the value of
   $CREDENTIALS_DIRECTORY; NULL or "" for none).  The file holds the hash,
   or the line mesokiosk --hash-pin prints.  Returns it (caller frees), or
   NULL: with *ERR NULL if there is no such credential, else with *ERR a
   message naming the file (caller frees).  */
char *pin_credential_read (const char *dir, char **err);

struct pin_guard
{
  unsigned failures;            /* Wrong PINs in a row.  */
  double locked_until;          /* No try before this time.  */
};

void pin_guard_init (struct pin_guard *g);
/* Seconds to wait before a try is allowed at NOW (0: allowed now).  */
unsigned pin_guard_wait (const struct pin_guard *g, double now);
/* Records a wrong PIN at NOW.  */
void pin_guard_fail (struct pin_guard *g, double now);
/* Records a right PIN.  */
void pin_guard_ok (struct pin_guard *g);

#endif /* MESOKIOSK_PIN_H */
