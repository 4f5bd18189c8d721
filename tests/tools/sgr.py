#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
"""The attributes a terminal shows a text in, from tmux capture-pane -e.

Usage: tmux capture-pane -e -p | sgr.py TEXT

Finds the first line that holds TEXT, follows the SGR sequences (ESC [
... m) from the start of that line, and prints the attributes in effect
where TEXT starts, as words in a fixed order: bold, underline, reverse,
fg=COLOUR, bg=COLOUR (colours by name; the terminal's own are left out).
Exit status 1 if TEXT is not there.
"""

import re
import sys

NAMES = ["black", "red", "green", "yellow", "blue", "magenta", "cyan",
         "white"]
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def apply(state, params):
    codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
    for c in codes:
        if c == 0:
            state.clear()
        elif c in (1, 4, 7):
            state[{1: "bold", 4: "underline", 7: "reverse"}[c]] = True
        elif c == 22:
            state.pop("bold", None)
        elif c == 24:
            state.pop("underline", None)
        elif c == 27:
            state.pop("reverse", None)
        elif 30 <= c <= 37:
            state["fg"] = NAMES[c - 30]
        elif c == 39:
            state.pop("fg", None)
        elif 40 <= c <= 47:
            state["bg"] = NAMES[c - 40]
        elif c == 49:
            state.pop("bg", None)


def main():
    text = sys.argv[1]
    for line in sys.stdin.read().splitlines():
        plain = SGR.sub("", line)
        if text not in plain:
            continue
        state, pos, shown = {}, 0, ""
        while True:
            m = SGR.search(line, pos)
            chunk = line[pos:m.start()] if m else line[pos:]
            if text in shown + chunk:
                break
            shown += chunk
            if not m:
                break
            apply(state, m.group(1))
            pos = m.end()
        words = [w for w in ("bold", "underline", "reverse") if w in state]
        words += ["%s=%s" % (k, state[k]) for k in ("fg", "bg") if k in state]
        print(" ".join(words))
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
