/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* qr.c -- the clinic's contact card as a QR code.  */

#include "system.h"

#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "i18n.h"
#include "qr.h"
#include "xalloc.h"

/* The largest code the layout can draw on an 80x24 screen under a title:
   version 4 (33 modules) and its quiet zone in 19 rows of half blocks.  */
enum { QR_FIT = 33 };

static void
qr_append (char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
  *buf = xgrow (*buf, cap, *len + n + 1, 1);
  memcpy (*buf + *len, s, n);
  *len += n;
  (*buf)[*len] = '\0';
}

/* Appends S with the MECARD escapes: a backslash before \ ; , and :.  */
static void
qr_append_escaped (char **buf, size_t *len, size_t *cap, const char *s)
{
  for (; *s != '\0'; s++)
    {
      if (strchr ("\\;,:", *s) != NULL)
        qr_append (buf, len, cap, "\\", 1);
      qr_append (buf, len, cap, s, 1);
    }
}

/* TEXT as a code with correction LEVEL, the smallest that holds it.  A
   text with bytes past ASCII says it is UTF-8 (ECI 26): a reader left
   to guess took "médecine" for Shift JIS.  */
static QRcode *
qr_code (const char *text, QRecLevel level)
{
  QRinput *in = QRinput_new2 (0, level);
  QRcode *code = NULL;
  size_t n = strlen (text);
  bool ascii = true;

  if (in == NULL)
    return NULL;
  for (size_t i = 0; i < n; i++)
    ascii &= (unsigned char) text[i] < 0x80;
  if ((ascii || QRinput_appendECIheader (in, 26) == 0)
      && QRinput_append (in, QR_MODE_8, (int) n,
                         (const unsigned char *) text) == 0)
    code = QRcode_encodeInput (in);
  QRinput_free (in);
  return code;
}

/* The card for NAME (the first LEN bytes) and PHONE.  */
static char *
qr_card (const char *name, size_t len, const char *phone)
{
  char *buf = NULL, *n = xstrndup (name, len);
  size_t blen = 0, cap = 0;

  qr_append (&buf, &blen, &cap, "MECARD:N:", 9);
  qr_append_escaped (&buf, &blen, &cap, n);
  qr_append (&buf, &blen, &cap, ";TEL:", 5);
  /* A number a phone can dial: its digits, and a '+' in front.  */
  for (const char *c = phone; *c != '\0'; c++)
    if ((*c >= '0' && *c <= '9') || (*c == '+' && blen > 0
                                     && buf[blen - 1] == ':'))
      qr_append (&buf, &blen, &cap, c, 1);
  qr_append (&buf, &blen, &cap, ";;", 2);
  free (n);
  return buf;
}

/* True if TEXT makes a code that the screen holds.  */
static bool
qr_fits (const char *text)
{
  QRcode *code = qr_code (text, QR_ECLEVEL_L);
  bool fits = code != NULL && code->width <= QR_FIT;

  QRcode_free (code);
  return fits;
}

bool
qr_has_contact (const struct settings *set)
{
  const char *phone = set->clinic.phone;

  return phone != NULL && strpbrk (phone, "0123456789") != NULL;
}

char *
qr_contact_text (const struct settings *set, const char *lang)
{
  const char *phone = set->clinic.phone;
  const char *name = set->clinic.name;
  size_t len;
  char *card;

  if (!qr_has_contact (set))
    return NULL;
  if (name == NULL)
    /* TRANSLATORS: the name a phone saves the clinic's number under,
       when the settings do not give the clinic's name.  */
    name = i18n_gettext_in (lang, N_("Mesotherapy clinic"));
  /* A name too long for a code the screen holds loses its last words
     (the number never changes): the contact is saved as "Centre de
     médecine esthétique", not drawn past the bottom of the screen.  */
  len = strlen (name);
  card = qr_card (name, len, phone);
  while (!qr_fits (card) && len > 1)
    {
      size_t cut = len;

      while (cut > 0 && name[cut - 1] != ' ')
        cut--;
      while (cut > 0 && name[cut - 1] == ' ')
        cut--;
      if (cut == 0)
        {
          /* One long word: a character less (UTF-8 stays whole).  */
          cut = len - 1;
          while (cut > 0 && ((unsigned char) name[cut] & 0xC0) == 0x80)
            cut--;
        }
      len = cut;
      free (card);
      card = qr_card (name, len, phone);
    }
  return card;
}

uint8_t *
qr_encode (const char *text, unsigned *size)
{
  QRcode *code;
  uint8_t *m;
  size_t n;

  code = qr_code (text, QR_ECLEVEL_M);
  if (code != NULL && code->width > QR_FIT)
    {
      QRcode *smaller = qr_code (text, QR_ECLEVEL_L);

      if (smaller != NULL)
        {
          QRcode_free (code);
          code = smaller;
        }
    }
  if (code == NULL)
    return NULL;
  n = (size_t) code->width * (size_t) code->width;
  m = xmalloc (n);
  for (size_t i = 0; i < n; i++)
    m[i] = code->data[i] & 1;
  *size = (unsigned) code->width;
  QRcode_free (code);
  return m;
}

bool
qr_fill_block (struct page *p, struct block *b, const struct settings *set)
{
  char *text = qr_contact_text (set, p->lang != NULL ? p->lang : "en");
  uint8_t *m;
  unsigned size = 0;

  b->qr = NULL;
  b->qr_size = 0;
  b->title = b->text = NULL;
  if (text == NULL)
    return false;
  m = qr_encode (text, &size);
  free (text);
  b->title = set->clinic.name != NULL
               ? arena_strdup (&p->arena, set->clinic.name)
               : arena_strdup (&p->arena,
                               i18n_gettext_in (p->lang, N_("Mesotherapy"
                                                            " clinic")));
  b->text = arena_strdup (&p->arena, set->clinic.phone);
  /* TRANSLATORS: beside the QR code of the clinic's contact card.  */
  b->note = arena_strdup (&p->arena,
                          i18n_gettext_in (p->lang, N_("Point your phone's"
                                                       " camera at the code"
                                                       " to save this"
                                                       " number.")));
  if (m == NULL)
    return false;               /* The name and number, as text.  */
  b->qr = arena_memdup (&p->arena, m, (size_t) size * size);
  b->qr_size = size;
  free (m);
  return true;
}

struct page *
qr_page_new (const struct settings *set, const char *lang)
{
  struct page *p;
  struct block *b;
  char *text = qr_contact_text (set, lang);

  if (text == NULL)
    return NULL;
  free (text);
  p = page_new ();
  p->lang = arena_strdup (&p->arena, lang);
  /* TRANSLATORS: the title of the screen with the clinic's contact card
     (a QR code that a phone scans to save the number).  */
  p->title = arena_strdup (&p->arena,
                           i18n_gettext_in (lang, N_("Take the clinic's"
                                                     " number home")));
  b = page_add_block (p, BLOCK_QR);
  qr_fill_block (p, b, set);
  p->complete = true;
  return p;
}
