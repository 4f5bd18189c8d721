/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* schema.h -- table-driven reading of YAML mappings into C structs.

   Each kind of mapping (a page, a block, the settings) is described by a
   static table of fields: key, type, where the value goes, whether it is
   required.  schema_read_map() walks a mapping's events once, stores each
   value, and turns every mistake into a diagnostic at the right place:
   unknown keys (with "did you mean"), wrong types, values out of range,
   duplicate keys, missing required keys.  A wrong value is skipped and
   reading goes on, so one run reports every problem of a file.  */

#ifndef MESOKIOSK_SCHEMA_H
#define MESOKIOSK_SCHEMA_H

#include "arena.h"
#include "page.h"
#include "yamlread.h"

enum schema_type
{
  SCHEMA_STRING,        /* const char * in the arena.  */
  SCHEMA_STRINGS,       /* struct strv in the arena.  */
  SCHEMA_UINT,          /* unsigned, within [min, max].  */
  SCHEMA_BOOL,          /* bool: true/false, yes/no, on/off.  */
  SCHEMA_CHOICE,        /* unsigned index into CHOICES.  */
  SCHEMA_MAP,           /* An embedded struct read with SUB.  */
  SCHEMA_CUSTOM         /* Read by the READ callback.  */
};

struct schema_reader;

struct schema_field
{
  const char *key;
  enum schema_type type;
  size_t offset;                /* Where the value goes in the target.  */
  bool required;
  const struct schema *sub;     /* SCHEMA_MAP.  */
  /* SCHEMA_CUSTOM: reads the node that FIRST starts (FIRST is deleted by
     the caller).  Returns false on a fatal problem.  */
  bool (*read) (struct schema_reader *sr, void *target,
                const yaml_event_t *first);
  unsigned min, max;            /* SCHEMA_UINT.  */
  const char *const *choices;   /* SCHEMA_CHOICE, NULL-terminated.  */
};

/* The most fields a schema holds: which fields were seen is a bit set of
   a uint32_t, and schema.c keeps per-field arrays of this size.  */
enum { SCHEMA_MAX_FIELDS = 32 };

/* Checks, where a field table is defined, that it fits a schema.  */
#define SCHEMA_FITS(fields)                                             \
  _Static_assert (ARRAY_SIZE (fields) <= SCHEMA_MAX_FIELDS,             \
                  #fields " has more fields than a schema holds")

struct schema
{
  const char *what;             /* For messages: "page", "block"...  */
  const struct schema_field *fields;
  size_t nfields;               /* At most SCHEMA_MAX_FIELDS.  */
  /* If not 0, the target holds a struct origin[NFIELDS] at this offset,
     where the place of each valid value is stored.  */
  size_t origins;
  /* If not 0, the target holds a struct origin[NFIELDS] at this offset,
     where the place of each key given is stored, valid or not: where to
     add what belongs under it.  */
  size_t keys;
};

struct schema_reader
{
  struct yamlread *r;
  struct arena *arena;          /* Where strings and arrays go.  */
  const char *context;          /* Prefix for messages ("block 3"), or NULL.  */
  unsigned block;               /* If not 0, messages start with "block
                                   N" instead of CONTEXT (formatted only
                                   when there is a message).  */
  const char *fallback;         /* Appended to value errors, or NULL.  */
  /* Optional: checks or rewrites a text value before it is stored (for
     placeholders).  Returns the text to store (in the arena) or NULL if
     it is refused (after adding a diagnostic).  */
  const char *(*text_hook) (struct schema_reader *sr, const char *s,
                            size_t n, const yaml_mark_t *mark);
  void *user;
  const char *file;             /* The file name, in ARENA (made once).  */
  bool stop;                    /* Set by a callback to end reading early
                                   (not an error).  */
};

/* Reads the mapping that START began into TARGET.  Sets bit i of *SEEN
   (if not NULL) for each field i present and valid.  Returns false on a
   fatal problem (the parse cannot go on).  */
bool schema_read_map (struct schema_reader *sr, const struct schema *s,
                      void *target, const yaml_event_t *start,
                      uint32_t *seen);

/* Reads a text (a scalar) that FIRST starts; stores it in *OUT.  Returns
   false on a fatal problem; *OUT is NULL if the value was refused.  */
bool schema_read_string (struct schema_reader *sr, const yaml_event_t *first,
                         const char *what, const char **out);

/* Reads a list of texts that FIRST starts (the values of KEY) into *OUT;
   *OK tells whether it was valid.  Returns false on a fatal problem.  */
bool schema_read_strings (struct schema_reader *sr, const yaml_event_t *first,
                          const char *key, struct strv *out, bool *ok);

/* The place of MARK, for storing.  */
struct origin schema_origin (struct schema_reader *sr, const yaml_mark_t *mark);

/* Adds an error at MARK, prefixed with the reader's context.  */
struct diag *schema_error (struct schema_reader *sr, const yaml_mark_t *mark,
                           const char *fmt, ...) ATTR_PRINTF (3, 4);

/* Returns the word of WORDS (NULL-terminated, or N words) closest to S
   if it is close enough to be a likely typo, else NULL.  */
const char *schema_suggest (const char *s, const char *const *words,
                            size_t n);

#endif /* MESOKIOSK_SCHEMA_H */
