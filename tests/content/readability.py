#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
"""Reading ease of a page as mesokiosk lays it out.

Usage: readability.py --lang fr|en [--min SCORE] [FILE]

Reads the plain text of one page (the output of `mesokiosk --dump PAGE`,
or FILE) and prints its reading ease:

  French  (Kandel and Moles, 1958):
      L = 207 - 1.015 * (words / sentences) - 73.6 * (syllables / words)
  English (Flesch, 1948):
      F = 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)

Higher is easier; 60 and above is plain language.  Exit status 0 if the
score is at least --min (default 60), 1 otherwise.

How things are counted:
- Frames of warning boxes of every level (their top and bottom lines,
  the side bars), bullets and link arrows are dropped; the word on a
  box's frame is not text.  {placeholders} are dropped.  The "Sources"
  section at the end of a page (the titles of the works cited, as their
  authors wrote them) is not our text and is not scored; the review line
  after it is.
- Text units are paragraphs (separated by blank lines), list items (lines
  starting with a bullet) and link labels; a unit that does not end with
  . ! ? or : counts as one sentence (headings, list items).  Inside a
  unit, sentences end at . ! ? (and at : or ; followed by a space, which
  in patient text joins two short sentences).
- Words are runs of letters (digits count as words too); an apostrophe or
  a hyphen splits them (l'hygiène = l + hygiène; single consonants such
  as l, d, s, qu, j, n are not words).
- Syllables: groups of vowels.  French vowels are a e i o u y and their
  accented forms, and a final mute e (also -es, and -ent after a vowel
  group in verbs is not detected: it counts) is dropped when the word has
  another vowel group.  English vowels are a e i o u y; a final silent -e
  is dropped (but not -le after a consonant), so is -es or -ed when it
  does not make a sound; every word has at least one syllable.
"""

import argparse
import re
import sys
import unicodedata

FR_VOWELS = "aeiouyàâäéèêëîïôöùûüÿœæ"
EN_VOWELS = "aeiouy"
FRAME = "│┌┐└┘─|+║╔╗╚╝═┆╭╮╰╯┄"
TOPS, ENDS = "┌└+╔╚╭╰", "┐┘+╗╝╮╯"
SIDES = "│|║┆"
MARKS = ("• ", "→ ", "- ", "-> ", "* ")


def units(text):
    """Yields the text units of a dumped page."""
    current = []
    sources = False
    for raw in text.splitlines():
        line = raw.strip()
        # The list of sources: from its heading to the blank line.
        if line == "Sources":
            sources = True
        if sources:
            sources = line != ""
            continue
        # Frame top and bottom lines: drop them (the label is chrome).
        if line[:1] and line[:1] in TOPS and line[-1:] in ENDS:
            if current:
                yield " ".join(current)
                current = []
            continue
        if line[:1] and line[:1] in SIDES and line[-1:] in SIDES:
            line = line[1:-1].strip()
        if not line:
            if current:
                yield " ".join(current)
                current = []
            continue
        starts_item = line.startswith(MARKS)
        if starts_item:
            if current:
                yield " ".join(current)
                current = []
            for m in MARKS:
                if line.startswith(m):
                    line = line[len(m):]
                    break
        current.append(line)
    if current:
        yield " ".join(current)


def split_sentences(unit):
    unit = re.sub(r"\{[^}]*\}", " ", unit)
    parts = re.split(r"(?<=[.!?])\s+|\s*[:;]\s+", unit)
    return [p for p in parts if re.search(r"\w", p)]


def words_of(sentence, lang):
    tokens = re.findall(r"[^\W_]+", sentence.replace("’", "'"))
    out = []
    for t in tokens:
        low = t.lower()
        if lang == "fr" and low in ("l", "d", "s", "n", "j", "m", "t", "c",
                                    "qu", "jusqu", "lorsqu", "puisqu"):
            continue
        out.append(low)
    return out


def syllables_fr(word):
    if word.isdigit():
        return max(1, len(word))
    groups = re.findall("[" + FR_VOWELS + "]+", word)
    n = len(groups)
    if n > 1 and (word.endswith("e") or word.endswith("es")):
        n -= 1
    return max(1, n)


def syllables_en(word):
    if word.isdigit():
        return max(1, len(word))
    w = unicodedata.normalize("NFKD", word)
    w = "".join(c for c in w if not unicodedata.combining(c))
    n = len(re.findall("[" + EN_VOWELS + "]+", w))
    if len(w) > 2 and w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    elif len(w) > 3 and w.endswith("le") and w[-3] in EN_VOWELS and n > 1:
        n -= 1
    elif re.search(r"[^aeiouydt]e[sd]$", w) and n > 1:
        n -= 1
    return max(1, n)


def score(text, lang):
    sentences = words = syllables = 0
    count = syllables_fr if lang == "fr" else syllables_en
    for unit in units(text):
        for s in split_sentences(unit):
            ws = words_of(s, lang)
            if not ws:
                continue
            sentences += 1
            words += len(ws)
            syllables += sum(count(w) for w in ws)
    if words == 0 or sentences == 0:
        return 0.0, 0, 0, 0
    wps = words / sentences
    spw = syllables / words
    if lang == "fr":
        value = 207 - 1.015 * wps - 73.6 * spw
    else:
        value = 206.835 - 1.015 * wps - 84.6 * spw
    return value, words, sentences, syllables


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", required=True, choices=("fr", "en"))
    ap.add_argument("--min", type=float, default=60.0)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("file", nargs="?")
    args = ap.parse_args()
    if args.file:
        with open(args.file, encoding="utf-8") as f:
            text = f.read()
    else:
        text = sys.stdin.read()
    value, words, sentences, syllables = score(text, args.lang)
    if args.verbose:
        print("%.1f (%d words, %d sentences, %d syllables)"
              % (value, words, sentences, syllables))
    else:
        print("%.1f" % value)
    return 0 if value >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
