#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
"""Checks that no sentence of the source articles reappears in the content.

Usage: overlap.py SEEDS_DIR CONTENT_DIR [--run N]

The content's facts come from French web articles (the "seeds"); every
sentence must be our own.  This reports every run of N (default 8) or
more consecutive words that a seed and a French page share, case-folded,
with punctuation ignored.  The 'sources:' of a page are left out: they
cite the works, seeds included, by their own titles.  Exit status 1 if
there is any.
"""

import os
import re
import sys


def words(text):
    text = text.replace("’", "'").lower()
    return re.findall(r"[^\W_]+", text)


def without_sources(text):
    """TEXT without its top-level 'sources:' key and the lines under it."""
    out, skipping = [], False
    for line in text.splitlines():
        if line.startswith("sources:"):
            skipping = True
            continue
        if skipping and line[:1] not in (" ", "-", ""):
            skipping = False
        if not skipping:
            out.append(line)
    return "\n".join(out)


def grams(ws, n):
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--run")]
    n = 8
    for a in sys.argv[1:]:
        if a.startswith("--run="):
            n = int(a.split("=", 1)[1])
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    seeds_dir, content_dir = args
    seed = set()
    for name in sorted(os.listdir(seeds_dir)):
        with open(os.path.join(seeds_dir, name), encoding="utf-8") as f:
            seed |= grams(words(f.read()), n)
    found = 0
    for root, _, files in os.walk(content_dir):
        for name in sorted(files):
            if not name.endswith(".yaml"):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                ws = words(without_sources(f.read()))
            for g in sorted(grams(ws, n) & seed):
                print("%s: shares '%s' with a seed" % (path, " ".join(g)))
                found += 1
    print("%d shared runs of %d words" % (found, n))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
