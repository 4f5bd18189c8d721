/* SPDX-License-Identifier: GPL-3.0-or-later
   Copyright (C) 2026 the mesokiosk authors  */

/* searchbench.c -- the search of the benchmark: read a whole library,
   index every page (every language), then run queries as a patient would
   type them, through the model's own API (kiosk/search.h).  Links only
   libmodel.a: no curses.

   Usage: searchbench DIR LANG [QUERY...]

   Reads the library at DIR (one layer) completely, adds each page to one
   index, and runs each QUERY (default: a built-in list of queries, from
   one letter to three words) for the pages of LANG, as the kiosk would
   (at most 50 hits, snippets 76 columns wide).  Prints one line per query:
   the number of hits and the query.  Exit status 1 if the library has
   errors or a query the list says must match finds nothing.

   Under callgrind, --toggle-collect=searchbench_index counts building the
   index and --toggle-collect=searchbench_query the queries (each query
   is one call, so --dump-after=searchbench_query gives one dump each).  */

#include "system.h"

#include <stdio.h>
#include <stdlib.h>

#include "library.h"
#include "search.h"

struct search_index *searchbench_index (struct library *lib);
size_t searchbench_query (const struct search_index *ix, const char *q,
                          const char *lang);

/* Queries as typed on the kiosk, each one key further, the way a search
   as one types would run them; the words are in the shipped pages.  */
static const char *const searchbench_default[] = {
  "m", "me", "mes", "meso", "mésothérapie",
  "d", "do", "douleur",
  "bleu", "rougeur apres", "infection peau", "risques seance",
  "allergie medicament",
  /* Typos, forgiven: every word of every page is compared.  */
  "fievr", "enceinnte", "ecchymosse", "rougeure infection", "douleurrs",
  "zzzzzzzz"
};

/* Builds the index of every page of LIB.  */
ATTR_NOINLINE struct search_index *
searchbench_index (struct library *lib)
{
  struct search_index *ix = search_index_new ();
  size_t n = library_count (lib);

  for (size_t i = 0; i < n; i++)
    {
      const char *id, *lang, *path;
      const struct page *p;

      library_entry (lib, i, &id, &lang, &path);
      p = library_page (lib, id, lang);
      if (p != NULL)
        search_index_add (ix, p);
    }
  return ix;
}

/* Runs one query as the kiosk would; returns the number of hits.  */
ATTR_NOINLINE size_t
searchbench_query (const struct search_index *ix, const char *q,
                   const char *lang)
{
  struct search_result r;
  size_t n;

  search_run (ix, q, lang, 50, 76, &r);
  n = r.n;
  search_result_done (&r);
  return n;
}

int
main (int argc, char **argv)
{
  const char *const *queries = searchbench_default;
  size_t nqueries = ARRAY_SIZE (searchbench_default);
  const char *layers[1];
  struct library *lib;
  struct search_index *ix;
  int status = 0;

  setlocale (LC_ALL, "");
  if (argc < 3)
    {
      fputs ("usage: searchbench DIR LANG [QUERY...]\n", stderr);
      return 2;
    }
  if (argc > 3)
    {
      queries = (const char *const *) argv + 3;
      nqueries = (size_t) argc - 3;
    }
  layers[0] = argv[1];
  lib = library_open (layers, 1, 1);
  library_load_all (lib);
  if (library_diags (lib)->nerrors > 0)
    {
      diag_list_print (stderr, library_diags (lib), false);
      status = 1;
    }
  ix = searchbench_index (lib);
  printf ("pages %zu\n", search_index_count (ix));
  for (size_t i = 0; i < nqueries; i++)
    {
      size_t hits = searchbench_query (ix, queries[i], argv[2]);

      printf ("hits %zu %s\n", hits, queries[i]);
      /* The built-in list: all but the last query find something.  */
      if (queries == searchbench_default && hits == 0
          && i + 1 < nqueries)
        status = 1;
    }
  search_index_free (ix);
  library_free (lib);
  return status;
}
