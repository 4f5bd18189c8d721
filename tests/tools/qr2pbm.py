#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
"""Turns the QR code in a --dump of a page into a PBM image.

Usage: qr2pbm.py [--scale N] [FILE] > code.pbm

mesokiosk draws a QR code in half blocks (two modules a row: a space, an
upper half, a lower half or a full block).  This finds the rows that hold
half blocks, takes from each the run of block characters and spaces that
starts the line (the text beside the code starts after it), and writes
them as a plain PBM, N pixels a module (default 4), inside a white border
of 4 modules, so that a decoder such as zbarimg can read the code back.
Exit status 1 if there is no code in the input.
"""

import sys

BLOCKS = {" ": (0, 0), "\u2580": (1, 0), "\u2584": (0, 1), "\u2588": (1, 1)}
MARKS = "\u2580\u2584\u2588"


def code_rows(lines):
    """The runs of code characters of the contiguous lines that hold half
    blocks, and the blank lines just around them (its quiet zone)."""
    rows = []
    for line in lines:
        run = ""
        for ch in line.rstrip("\n"):
            if ch not in BLOCKS:
                break
            run += ch
        run = run.rstrip(" ") if not any(m in run for m in MARKS) else run
        if any(m in run for m in MARKS):
            rows.append(run.rstrip(" "))
        elif rows:
            break
    return rows


def main():
    args = sys.argv[1:]
    scale = 4
    if args[:1] == ["--scale"]:
        scale = int(args[1])
        args = args[2:]
    text = open(args[0], encoding="utf-8").read() if args else sys.stdin.read()
    rows = code_rows(text.splitlines())
    if not rows:
        print("no QR code in the input", file=sys.stderr)
        return 1
    width = max(len(r) for r in rows)
    modules = []
    for r in rows:
        top, bottom = [], []
        for ch in r.ljust(width):
            t, b = BLOCKS[ch]
            top.append(t)
            bottom.append(b)
        modules += [top, bottom]
    border = 4
    w = (width + 2 * border) * scale
    h = (len(modules) + 2 * border) * scale
    out = ["P1", "%d %d" % (w, h)]
    blank = ["0"] * w
    for _ in range(border * scale):
        out.append(" ".join(blank))
    for m in modules:
        px = ["0"] * (border * scale)
        for v in m:
            px += [str(v)] * scale
        px += ["0"] * (border * scale)
        line = " ".join(px)
        out += [line] * scale
    for _ in range(border * scale):
        out.append(" ".join(blank))
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
