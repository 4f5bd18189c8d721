#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
"""genlib.py -- generate a mesokiosk library of N pages for the benchmark.

    genlib.py N DIR [SEED]

writes DIR/kiosk.yaml (a menu of all N pages), DIR/fr/ID.yaml and
DIR/en/ID.yaml for N page ids (2*N files).  Pages are shaped like the
shipped ones (content/, 1.1 to 2.7 KB, 10 blocks on average): a title, a
folded summary, a flow list of keywords, then mostly 4 to 15 blocks (8 on
average) -- paragraphs, headings, bulleted lists, framed warnings with a
title, text and list, links to other pages with and without a label --
0.9 to 2.7 KB per file (1.7 KB on average), French text with accents,
apostrophes and "word : word" spacing.  The English page has the same
blocks as the French one, so mesokiosk --check finds no problem.  The
output depends only on N and SEED, so runs are comparable; nothing
generated is committed.
Python 3 standard library only.
"""

import os
import random
import sys

FR = ("la peau séance produit piqûre rougeur zone aiguille médecin clinique"
      " douleur bleu gonflement jour semaine traitement soin avis risque"
      " infection allergie question réponse conseil hygiène praticien geste"
      " injection mélange vitamine dose durée effet résultat visage corps"
      " après avant pendant toujours souvent parfois rarement très peu"
      " assez bien mal vite doucement chaque quelques plusieurs autre même"
      " votre notre leur petit grand léger fort froid chaud pâle rouge"
      " normal rare fréquent sérieux simple utile possible nécessaire"
      " demande explique montre garde passe vient donne prend laisse"
      " appelle arrête continue commence évite protège nettoie surveille"
      " d'abord ensuite enfin mais donc car aussi encore déjà puis").split()
EN = ("the skin session product injection redness area needle doctor clinic"
      " pain bruise swelling day week treatment care advice risk infection"
      " allergy question answer tip hygiene practitioner gesture mixture"
      " vitamin dose length effect result face body after before during"
      " always often sometimes rarely very little quite well badly quickly"
      " gently each some several other same your our their small large"
      " light strong cold warm pale red normal rare common serious simple"
      " useful possible needed asks explains shows keeps passes comes gives"
      " takes leaves calls stops goes starts avoids protects cleans watches"
      " first then finally but so because also still already next").split()


def sentence(rnd, words, lo=6, hi=16, french=False):
    n = rnd.randint(lo, hi)
    w = [rnd.choice(words) for _ in range(n)]
    if french and n > 8 and rnd.random() < 0.4:
        w[n // 2] += " :"
    elif n > 8 and rnd.random() < 0.3:
        w[n // 2] += ","
    s = " ".join(w)
    return s[0].upper() + s[1:] + rnd.choice(".......?!")


def paragraph(rnd, words, french, lo=2, hi=4):
    return " ".join(sentence(rnd, words, french=french)
                    for _ in range(rnd.randint(lo, hi)))


def fold(text, indent, width=72):
    """A '>-' folded scalar, wrapped like the hand-written pages."""
    out, line = [], ""
    for word in text.split(" "):
        if line and len(indent) + len(line) + 1 + len(word) > width:
            out.append(indent + line)
            line = word
        else:
            line = (line + " " + word) if line else word
    out.append(indent + line)
    return ">-\n" + "\n".join(out)


def quote(s):
    return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"')


def skeleton(rnd, ids):
    """The shape of a page, shared by its languages: block kinds, list
    lengths, link targets; about 1.1 to 2.7 KB once filled."""
    shape, size = [], 0
    target = rnd.randint(550, 1500)
    while size < target:
        r = rnd.random()
        if r < 0.35:
            shape.append(("text", rnd.randint(1, 3)))
            size += 150
        elif r < 0.55:
            shape.append(("heading", 0))
            size += 35
        elif r < 0.75:
            shape.append(("list", rnd.randint(2, 5)))
            size += 60 * shape[-1][1]
        elif r < 0.85:
            shape.append(("warning", rnd.randint(2, 4)
                          if rnd.random() < 0.6 else 0,
                          rnd.random() < 0.3))
            size += 150 + 55 * shape[-1][1]
        else:
            shape.append(("link", ids[rnd.randrange(len(ids))],
                          rnd.random() < 0.4))
            size += 25
    return shape


def page(rnd, pid, shape, lang):
    words = FR if lang == "fr" else EN
    french = lang == "fr"
    title = sentence(rnd, words, 3, 6, french).rstrip(".?!")
    lines = ["id: " + pid,
             "title: " + quote(title),
             "summary: " + fold(paragraph(rnd, words, french, 1, 2), "  "),
             "keywords: [" + ", ".join(rnd.sample(words, rnd.randint(8, 16)))
             + "]",
             "blocks:"]
    for b in shape:
        if b[0] == "text":
            lines.append("  - text: " + fold(
                paragraph(rnd, words, french, b[1], b[1]), "      "))
        elif b[0] == "heading":
            lines.append("  - heading: "
                         + quote(sentence(rnd, words, 2, 5).rstrip(".?!")))
        elif b[0] == "list":
            lines.append("  - list:")
            for _ in range(b[1]):
                lines.append("      - " + quote(sentence(rnd, words, 4, 12,
                                                         french)))
        elif b[0] == "warning":
            lines.append("  - warning:")
            lines.append("      title: " + quote(
                sentence(rnd, words, 3, 6).rstrip(".?!")
                + (" {emergency}" if b[2] else "")))
            lines.append("      text: " + fold(
                paragraph(rnd, words, french, 1, 2), "        "))
            if b[1]:
                lines.append("      list:")
                for _ in range(b[1]):
                    lines.append("        - " + quote(
                        sentence(rnd, words, 4, 10, french)))
        else:
            lines.append("  - link: " + b[1])
            if b[2]:
                lines.append("    label: " + quote(
                    sentence(rnd, words, 2, 6).rstrip(".?!")))
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: genlib.py N DIR [SEED]")
    n = int(sys.argv[1])
    top = sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) == 4 else 8
    ids = ["sujet-%04d" % (i + 1) for i in range(n)]
    rnd = random.Random(seed)
    shapes = [skeleton(rnd, ids) for _ in ids]
    for lang in ("fr", "en"):
        os.makedirs(os.path.join(top, lang), exist_ok=True)
        rnd = random.Random("%d-%s" % (seed, lang))
        for pid, shape in zip(ids, shapes):
            with open(os.path.join(top, lang, pid + ".yaml"), "w",
                      encoding="utf-8") as f:
                f.write(page(rnd, pid, shape, lang))
    with open(os.path.join(top, "kiosk.yaml"), "w", encoding="utf-8") as f:
        f.write("# Generated by tests/bench/genlib.py %d\n" % n)
        f.write("clinic:\n  name: Cabinet médical de test\n"
                "  phone: 01 23 45 67 89\n")
        f.write('emergency: "15"\nlanguages: [fr, en]\n'
                "default_language: fr\nidle_seconds: 120\n"
                "theme: colour\nkiosk: false\n")
        f.write("warning_page: %s\nmenu:\n" % ids[0])
        for pid in ids:
            f.write("  - %s\n" % pid)


if __name__ == "__main__":
    main()
