#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# tests/screen/cells.py -- a tmux screen (capture-pane -p -e) as a golden
# screen: its text, and with --styles a map of how each cell looks.
#
# The text is the screen's lines, trailing spaces removed.  The style map
# has a character per cell: '.' for the terminal's own colours and no
# attribute, a letter for each other look, in the order they first show,
# and a legend ("a: bold fg=blue"), so that a change of colour or of
# attribute on the screen is a reviewable diff too.
import re
import sys

SGR = re.compile(r'\x1b\[([0-9;:]*)m')
OTHER = re.compile(r'\x1b(\[[0-9;?]*[A-Za-z]|\][^\x07]*\x07|[()][0-9A-Za-z]|.)')
COLOURS = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan',
           'white']
FLAGS = {1: 'bold', 2: 'dim', 3: 'italic', 4: 'underline', 5: 'blink',
         7: 'reverse', 8: 'hidden', 9: 'strike'}
UNFLAGS = {22: ('bold', 'dim'), 23: ('italic',), 24: ('underline',),
           25: ('blink',), 27: ('reverse',), 28: ('hidden',),
           29: ('strike',)}


def colour(params, i, base):
    """Reads an extended colour at params[i:]; returns (name, next i)."""
    if i + 1 < len(params) and params[i + 1] == 5 and i + 2 < len(params):
        return 'c%d' % params[i + 2], i + 3
    if i + 1 < len(params) and params[i + 1] == 2 and i + 4 < len(params):
        return '#%02x%02x%02x' % tuple(params[i + 2:i + 5]), i + 5
    return base, i + 1


def apply(state, params):
    if not params:
        params = [0]
    i = 0
    while i < len(params):
        p = params[i]
        if p == 0:
            state.clear()
        elif p in FLAGS:
            state[FLAGS[p]] = True
        elif p in UNFLAGS:
            for f in UNFLAGS[p]:
                state.pop(f, None)
        elif 30 <= p <= 37:
            state['fg'] = COLOURS[p - 30]
        elif 90 <= p <= 97:
            state['fg'] = 'bright-' + COLOURS[p - 90]
        elif p == 38:
            state['fg'], i = colour(params, i, 'fg?')
            continue
        elif p == 39:
            state.pop('fg', None)
        elif 40 <= p <= 47:
            state['bg'] = COLOURS[p - 40]
        elif 100 <= p <= 107:
            state['bg'] = 'bright-' + COLOURS[p - 100]
        elif p == 48:
            state['bg'], i = colour(params, i, 'bg?')
            continue
        elif p == 49:
            state.pop('bg', None)
        i += 1


def describe(key):
    flags = [k for k, v in key if v is True]
    colours = ['%s=%s' % (k, v) for k, v in key if v is not True]
    return ' '.join(sorted(flags) + sorted(colours))


def main():
    styles = '--styles' in sys.argv[1:]
    rows = []
    for line in sys.stdin.read().split('\n'):
        rows.append(line)
    if rows and rows[-1] == '':
        rows.pop()
    state = {}
    text, looks = [], []
    for line in rows:
        chars, cells = [], []
        pos = 0
        while pos < len(line):
            m = SGR.match(line, pos)
            if m:
                params = [int(x) for x in re.split('[;:]', m.group(1)) if x]
                apply(state, params)
                pos = m.end()
                continue
            m = OTHER.match(line, pos)
            if m:
                pos = m.end()
                continue
            chars.append(line[pos])
            cells.append(tuple(sorted(state.items())))
            pos += 1
        text.append(''.join(chars).rstrip())
        looks.append(cells)
    out = sys.stdout
    for t in text:
        out.write(t + '\n')
    if not styles:
        return
    letters = {(): '.'}
    order = []
    names = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
    out.write('--- styles ---\n')
    for cells in looks:
        row = []
        for key in cells:
            if key not in letters:
                letters[key] = names[len(order) % len(names)]
                order.append(key)
            row.append(letters[key])
        out.write(''.join(row).rstrip('.') + '\n')
    for key in order:
        out.write('%s: %s\n' % (letters[key], describe(key)))


if __name__ == '__main__':
    main()
