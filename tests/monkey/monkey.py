#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
"""monkey.py -- a seeded storm of random input against the real kiosk.

Starts kiosk/mesokiosk --kiosk --idle N in a pseudo-terminal of its own
(pty.fork()), with a pinned environment and MESOKIOSK_TRACE, and drives it
with a reproducible random stream of:

  keys         printable (ASCII and not), control characters (Ctrl-C, -\\,
               -Z, -D, -S, -Q, -K...), arrows, function and editing keys
               in the xterm, vt100 and screen encodings, Escape alone,
               Enter, Backspace, Tab, Shift-Tab;
  pastes       random bytes: invalid UTF-8, raw escape sequences (CSI,
               OSC, DCS), cut-off sequences;
  mouse        X10 (ESC [ M b x y) and SGR (ESC [ < b ; x ; y M/m)
               presses, releases, wheel and motion, inside and outside
               the window;
  taps         a press, then its release 20-150 ms later (in another
               read(), as from a finger);
  harmless     runs of input that means nothing to the kiosk, each in a
               write of its own: right and middle clicks, lone releases,
               clicks outside the window, lone invalid bytes (a Latin-1
               key under UTF-8), none of which may end it;
  cut-offs     escape and mouse sequences cut short (ESC [, ESC O, ESC [ M
               and one or two bytes, an SGR report without its final
               byte), then a pause longer than the kiosk's escape delay:
               they must time out into plain keys, never leave the kiosk
               waiting in read();
  resizes      TIOCSWINSZ on the master and SIGWINCH to the child, from 1x1
               to 300x100, below and around the 40x12 minimum;
  pauses       short ones, a few into the "Still there?" countdown (which
               must show), and a few longer than the idle time, after
               which the visit must have been forgotten by an idle reset
               that came on time (attract screen, no language, no
               history);
  signals      SIGWINCH, SIGINT, SIGTSTP, SIGQUIT (ignored in kiosk mode)
               and SIGUSR1 (reload).

The pty output is read all the time (the child never blocks on a full
pty), fed to a small terminal emulator (class Terminal) and checked for
sequences pasted in that must never come back out.  Whenever the storm
stops, the kiosk must wait in poll(), not in read() on its terminal (that
would stop the idle timer and the signals).  At the end: the program must
still be alive; resized to 80x24 it must draw a frame at that size; it
must forget the visit after the idle time, also after taps and presses of
the other buttons; it must still answer (a key wakes it, Down Enter
chooses English), and the emulated screen must then be the one a fresh
kiosk shows after the same keys; nothing but "content reloaded" may have
reached stderr; SIGTERM must end it with status 0; the terminal modes
must be as they were.  --known-bugs NAME,... turns the named checks
(blocked-read) into warnings, for bugs found and not fixed yet.

Every failure prints the seed: rerun with --seed N to replay the same
stream (the timing differs, the input does not).  With --checkpoint-every
and --rss-margin-kib (tests/monkey/soak.sh) it also watches the resident
memory.  Exit status: 0 pass, 1 fail, 77 skip, 99 set-up problem.
"""

import argparse
import codecs
import errno
import fcntl
import os
import pty
import random
import re
import select
import shlex
import shutil
import signal
import struct
import sys
import tempfile
import termios
import time
import unicodedata

FRAME_RE = re.compile(
    r'^(?P<t>[0-9.]+) frame (?P<n>\d+) screen=(?P<screen>-?\d+) '
    r'page=(?P<page>\S*) lang=(?P<lang>\S*) top=(?P<top>\d+) '
    r'selected=(?P<sel>-?\d+) depth=(?P<depth>\d+)$')
EVENT_RE = re.compile(r'^(?P<t>[0-9.]+) event (?P<n>\d+) (?P<what>.*)$')
IDLE_RE = re.compile(r'^(?P<t>[0-9.]+) idle (?P<left>\d+)$')
# The loop going to sleep (its poll() timeout, -1 for none), and a page
# laid out ahead in idle time.
WAIT_RE = re.compile(r'^(?P<t>[0-9.]+) (wait -?\d+|prepared)$')
START_RE = re.compile(r'^start pid=(\d+)$')
# Speech and text size (kiosk/a11y.c): what they did, for the tests.
A11Y_RE = re.compile(r'^[0-9.]+ (speech|text-size|countdown) ')
# enum screen_id of kiosk/session.h (read from there at start, as the
# kiosk grows screens; these are the values when this was written).
SCREENS = {'SCREEN_LANGUAGE': 0, 'SCREEN_HOME': 1, 'SCREEN_PAGE': 2,
           'SCREEN_HELP': 3, 'SCREEN_ATTRACT': 4, 'SCREEN_PIN': 5,
           'SCREEN_STAFF': 6, 'SCREEN_SEARCH': 7, 'SCREEN_COUNT': 8}
SCREEN_ATTRACT = SCREENS['SCREEN_ATTRACT']
SCREEN_LANGUAGE = SCREENS['SCREEN_LANGUAGE']
SCREEN_HOME = SCREENS['SCREEN_HOME']
SCREEN_PAGE = SCREENS['SCREEN_PAGE']
SCREEN_COUNT = SCREENS['SCREEN_COUNT']
STDERR_ALLOWED = re.compile(r'^mesokiosk: content reloaded$')
LANGS = ('', 'fr', 'en')
PAGE_RE = re.compile(r'^(-|[a-z0-9][a-z0-9-]{0,62}[a-z0-9]|[a-z0-9])$')
# Sequences the storm pastes that must never come back out: the kiosk
# shows nothing it was sent raw.
FORBIDDEN_OUTPUT = (b'\x1b]0;pwned', b'\x1b]2;title', b'\x1bP+q',
                    b'\x1b[999;999H')


# The number of read(2) in /proc/PID/syscall.
READ_SYSCALL = {'x86_64': '0', 'aarch64': '63', 'i686': '3'}


class MonkeyFailure(Exception):
    """The kiosk did something it must not."""


def read_screens(srcdir):
    """Sets the SCREEN_* numbers from enum screen_id in session.h."""
    global SCREEN_ATTRACT, SCREEN_LANGUAGE, SCREEN_HOME, SCREEN_PAGE
    global SCREEN_COUNT
    try:
        with open(os.path.join(srcdir, 'kiosk', 'session.h')) as f:
            text = f.read()
    except OSError:
        return
    m = re.search(r'enum\s+screen_id\s*\{([^}]*)\}', text)
    if not m:
        return
    body = re.sub(r'/\*.*?\*/', '', m.group(1), flags=re.S)
    names = [n.strip() for n in body.split(',') if n.strip()]
    if any('=' in n for n in names) or 'SCREEN_COUNT' not in names:
        return
    found = {n: i for i, n in enumerate(names)}
    for n in SCREENS:
        if n not in found:
            return
    SCREENS.update(found)
    SCREEN_ATTRACT = SCREENS['SCREEN_ATTRACT']
    SCREEN_LANGUAGE = SCREENS['SCREEN_LANGUAGE']
    SCREEN_HOME = SCREENS['SCREEN_HOME']
    SCREEN_PAGE = SCREENS['SCREEN_PAGE']
    SCREEN_COUNT = SCREENS['SCREEN_COUNT']


# ---------------------------------------------------------------------------
# The trace, read as it grows.

class Trace:
    def __init__(self, path):
        self.path = path
        self.offset = 0
        self.partial = ''
        self.lines = []           # every complete line so far
        self.events = 0           # number of the last event
        self.frames = []          # parsed frame lines (dicts)
        self.resets = 0
        self.countdowns = 0
        self.resizes = 0
        self.pid = None

    def poll(self):
        """Reads what was appended; returns the number of new lines."""
        try:
            with open(self.path, 'r', encoding='utf-8',
                      errors='replace') as f:
                f.seek(self.offset)
                data = f.read()
                self.offset = f.tell()
        except FileNotFoundError:
            return 0
        if not data:
            return 0
        data = self.partial + data
        parts = data.split('\n')
        self.partial = parts.pop()
        for line in parts:
            self.lines.append(line)
            m = EVENT_RE.match(line)
            if m:
                self.events = int(m.group('n'))
                what = m.group('what')
                if what == 'idle-reset':
                    self.resets += 1
                elif what.startswith('resize '):
                    self.resizes += 1
                continue
            m = FRAME_RE.match(line)
            if m:
                f = dict(m.groupdict(), index=len(self.lines) - 1)
                if not (0 <= int(f['screen']) < SCREEN_COUNT
                        and f['lang'] in LANGS and PAGE_RE.match(f['page'])
                        and int(f['sel']) >= -1):
                    raise MonkeyFailure('a frame in an impossible state: %r'
                                        % line)
                self.frames.append(f)
                continue
            if IDLE_RE.match(line):
                self.countdowns += 1
                continue
            if WAIT_RE.match(line):
                continue
            m = START_RE.match(line)
            if m and self.pid is None:
                self.pid = int(m.group(1))
                continue
            if line.startswith('start pid='):
                continue
            if A11Y_RE.match(line):
                continue
            raise MonkeyFailure('unexpected trace line: %r' % line)
        return len(parts)

    def mark(self):
        return len(self.lines)

    def since(self, mark):
        return self.lines[mark:]

    def frames_since(self, mark):
        return [f for f in self.frames if f['index'] >= mark]

    def tail(self, n=12):
        return self.lines[-n:]


# ---------------------------------------------------------------------------
# The random input.

CSI = b'\x1b['
SS3 = b'\x1bO'
SPECIAL_KEYS = [
    CSI + b'A', CSI + b'B', CSI + b'C', CSI + b'D',          # arrows
    SS3 + b'A', SS3 + b'B', SS3 + b'C', SS3 + b'D',          # arrows (app)
    CSI + b'H', CSI + b'F', SS3 + b'H', SS3 + b'F',          # Home, End
    CSI + b'1~', CSI + b'4~', CSI + b'7~', CSI + b'8~',
    CSI + b'2~', CSI + b'3~', CSI + b'5~', CSI + b'6~',      # Ins Del PgUp PgDn
    SS3 + b'P', SS3 + b'Q', SS3 + b'R', SS3 + b'S',          # F1-F4
    CSI + b'11~', CSI + b'12~', CSI + b'15~', CSI + b'17~',
    CSI + b'18~', CSI + b'19~', CSI + b'20~', CSI + b'21~',
    CSI + b'23~', CSI + b'24~',                              # F5-F12
    CSI + b'1;2A', CSI + b'1;5B', CSI + b'1;3C', CSI + b'1;6D',
    CSI + b'5;5~', CSI + b'3;2~', CSI + b'Z',                # Shift-Tab
    SS3 + b'M', SS3 + b'j', SS3 + b'p',                      # keypad
    CSI + b'200~', CSI + b'201~',                            # paste marks
    CSI + b'I', CSI + b'O',                                  # focus in/out
    b'\x1bx', b'\x1b\x1b', b'\x1b[', b'\x1bO',               # Alt, cut-off
]
CONTROL_KEYS = [bytes([c]) for c in range(0, 0x20)] + [b'\x7f']
COMMON_KEYS = [b'\r', b'\n', b'\t', b'\x7f', b'\x08', b'\x1b', b' ',
               b'q', b'h', b'b', b'w', b'!', b'l', b'?', b'/', b'0', b'5',
               b'\x03', b'\x1c', b'\x1a', b'\x04', b'\x13', b'\x11', b'\x0b']
UNICODE_KEYS = ['é', 'à', 'ç', 'œ', 'É', '«', '»', '€', 'ß', 'ı', '日', '本',
                '\u00a0', '\u200b', '\u202e', '\u0301', '😀', '\ufffd']


def tap_bytes(sgr, button, x, y):
    """The press and the release of BUTTON at the 1-based X, Y."""
    if sgr:
        return (b'\x1b[<%d;%d;%dM' % (button, x, y),
                b'\x1b[<%d;%d;%dm' % (button, x, y))
    x, y = min(x + 32, 255), min(y + 32, 255)
    return (b'\x1b[M' + bytes([button + 32, x, y]),
            b'\x1b[M' + bytes([3 + 32, x, y]))


class Storm:
    """Draws events from a seeded generator."""

    def __init__(self, rng, allow_usr1=True, sgr=True):
        self.rng = rng
        self.allow_usr1 = allow_usr1
        self.sgr = sgr
        self.cols, self.rows = 80, 24

    def key(self):
        r = self.rng.random()
        if r < 0.30:
            return self.rng.choice(COMMON_KEYS)
        if r < 0.55:
            return bytes([self.rng.randrange(0x20, 0x7f)])
        if r < 0.80:
            return self.rng.choice(SPECIAL_KEYS)
        if r < 0.92:
            return self.rng.choice(CONTROL_KEYS)
        return self.rng.choice(UNICODE_KEYS).encode('utf-8')

    def paste(self):
        rng = self.rng
        out = bytearray()
        for _ in range(rng.randrange(1, 12)):
            r = rng.random()
            if r < 0.3:
                out += bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40)))
            elif r < 0.5:
                out += rng.choice([b'\xff', b'\xfe', b'\xc3', b'\xe2\x82',
                                   b'\xf0\x9f\x98', b'\xc0\xaf', b'\xed\xa0\x80',
                                   b'\x80\x80', b'\xf8\x88\x80\x80\x80'])
            elif r < 0.7:
                out += rng.choice([b'\x1b]0;pwned\x07', b'\x1b]2;title\x1b\\',
                                   b'\x1bP+q544e\x1b\\', b'\x1b[6n', b'\x1b[c',
                                   b'\x1b[2J', b'\x1b[?1049l', b'\x1bc',
                                   b'\x1b[999;999H', b'\x1b[' + b'9' * 40 + b'm',
                                   b'\x1b[?25h\x1b[31m', b'\x9b31m', b'\x90x\x9c'])
            elif r < 0.85:
                text = ''.join(rng.choice('abcdefghijklmnopqrstuvwxyz 0123456789.,;:!?éèàù«»')
                               for _ in range(rng.randrange(1, 60)))
                out += text.encode('utf-8')
            else:
                out += self.key()
        return bytes(out)

    def mouse(self):
        rng = self.rng
        inside = rng.random() < 0.85
        x = rng.randrange(1, self.cols + 1) if inside else rng.randrange(1, 1000)
        y = rng.randrange(1, self.rows + 1) if inside else rng.randrange(1, 1000)
        button = rng.choice([0, 0, 0, 1, 2, 3, 64, 65, 32, 35, 4, 8, 16, 66, 67])
        if rng.random() < 0.6:
            # SGR: press, maybe release.
            seq = b'\x1b[<%d;%d;%dM' % (button, x, y)
            if rng.random() < 0.7:
                seq += b'\x1b[<%d;%d;%dm' % (button & ~3 if button < 64 else button, x, y)
            return seq
        # X10: coordinates past 223 do not fit in a byte; clamp (or wrap
        # into garbage, now and then).
        def enc(v):
            v += 32
            return v if v < 256 else (rng.randrange(256) if rng.random() < 0.2 else 255)
        seq = b'\x1b[M' + bytes([enc(button), enc(x), enc(y)])
        if button < 64 and rng.random() < 0.7:
            seq += b'\x1b[M' + bytes([enc(3), enc(x), enc(y)])
        return seq

    def tap(self):
        """A finger on a touch screen: a press, then its release in a
        later read, as TERM encodes them."""
        rng = self.rng
        x = rng.randrange(1, self.cols + 1)
        y = rng.randrange(1, self.rows + 1)
        return tap_bytes(self.sgr, rng.choice([0, 0, 0, 1, 2]), x, y)

    def harmless(self):
        """One input that means nothing: a press or release of the
        right or middle button, a lone release, a click outside the
        window, or a lone invalid byte."""
        rng = self.rng
        r = rng.random()
        if r < 0.2:
            return rng.choice([b'\xe9', b'\xe8', b'\xff', b'\x80', b'\xc3',
                               b'\xa0'])
        x = rng.randrange(1, self.cols + 1)
        y = rng.randrange(1, self.rows + 1)
        if r < 0.35:
            x, y = rng.randrange(self.cols + 1, 1000), rng.randrange(1, 1000)
            button = rng.choice([0, 1, 2])
        else:
            button = rng.choice([1, 2])
        release = rng.random() < 0.5
        if self.sgr:
            return b'\x1b[<%d;%d;%d%s' % (button, x, y,
                                          b'm' if release else b'M')
        x, y = min(x + 32, 255), min(y + 32, 255)
        return b'\x1b[M' + bytes([(3 if release else button) + 32, x, y])

    def cutoff(self):
        """An escape or mouse sequence cut short."""
        rng = self.rng
        return rng.choice([
            b'\x1b[', b'\x1bO', b'\x1b[1;', b'\x1b[M', b'\x1b[M ',
            b'\x1b[M #', b'\x1b[M\x22\xf0', b'\x1b[<0', b'\x1b[<0;10',
            b'\x1b[<2;10;5', b'\x1b[<64;3;', b'\x1b]0;cut', b'\x1bP+q',
            b'\x1b', b'\xe2\x82', b'\xf0\x9f\x98'])

    def size(self):
        rng = self.rng
        r = rng.random()
        if r < 0.15:
            c, l = rng.choice([(1, 1), (2, 1), (1, 2), (10, 3), (39, 11), (39, 12),
                               (40, 11), (40, 12), (41, 13), (300, 100), (300, 1),
                               (1, 100), (80, 24), (132, 43)])
        elif r < 0.45:
            c, l = rng.randrange(30, 61), rng.randrange(8, 20)
        else:
            c, l = rng.randrange(1, 301), rng.randrange(1, 101)
        self.cols, self.rows = c, l
        return c, l

    def signal(self):
        choices = [signal.SIGWINCH, signal.SIGINT, signal.SIGTSTP,
                   signal.SIGQUIT, signal.SIGWINCH, signal.SIGINT]
        if self.allow_usr1:
            choices.append(signal.SIGUSR1)
        return self.rng.choice(choices)


# ---------------------------------------------------------------------------
# What the terminal shows: a small emulator of the xterm subset that
# ncurses uses (cursor moves, erasing, insert/delete, scrolling regions,
# REP, the DEC graphics set, wide and combining characters, autowrap).

DEC_GRAPHICS = {
    'j': '┘', 'k': '┐', 'l': '┌', 'm': '└', 'n': '┼', 'q': '─', 't': '├',
    'u': '┤', 'v': '┴', 'w': '┬', 'x': '│', 'a': '▒', '`': '◆', 'f': '°',
    'g': '±', '~': '·', 'o': '⎺', 's': '⎽', 'p': '⎻', 'r': '⎼', 'y': '≤',
    'z': '≥', '{': 'π', '|': '≠', '}': '£', '0': '█', '+': '→', ',': '←',
    '-': '↑', '.': '↓', 'h': '#', 'i': '§',
}


def char_width(ch):
    o = ord(ch)
    if o < 0x20 or 0x7f <= o < 0xa0:
        return 0
    if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me',
                                                                  'Cf'):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1


class Terminal:
    """The screen of a terminal fed with what the program writes."""

    def __init__(self, cols, rows):
        self.decoder = codecs.getincrementaldecoder('utf-8')('replace')
        self.state = 'ground'
        self.seq = ''
        self.unknown = set()      # sequences not understood
        self.cols, self.rows = max(1, cols), max(1, rows)
        self.reset()

    def reset(self):
        self.grid = [[' '] * self.cols for _ in range(self.rows)]
        self.x = self.y = 0
        self.wrap = False         # the cursor is past the last column
        self.top, self.bottom = 0, self.rows - 1
        self.g = ['B', 'B']       # G0, G1: 'B' ASCII, '0' DEC graphics
        self.gl = 0
        self.saved = (0, 0)
        self.last = ' '
        self.insert = False       # IRM: characters push the line right

    def resize(self, cols, rows):
        cols, rows = max(1, cols), max(1, rows)
        grid = [[' '] * cols for _ in range(rows)]
        for y in range(min(rows, self.rows)):
            for x in range(min(cols, self.cols)):
                grid[y][x] = self.grid[y][x]
        self.grid, self.cols, self.rows = grid, cols, rows
        self.x, self.y = min(self.x, cols - 1), min(self.y, rows - 1)
        self.wrap = False
        self.top, self.bottom = 0, rows - 1

    def text(self):
        """The screen as lines, trailing blanks removed."""
        return [''.join(row).rstrip() for row in self.grid]

    # -- input ------------------------------------------------------------

    def feed(self, data):
        for ch in self.decoder.decode(data):
            st = self.state
            if st == 'ground':
                if ch == '\x1b':
                    self.state, self.seq = 'esc', ''
                elif ch < ' ' or ch == '\x7f':
                    self.control(ch)
                else:
                    self.put(ch)
            elif st == 'esc':
                self.escape(ch)
            elif st == 'csi':
                if '\x40' <= ch <= '\x7e':
                    self.state = 'ground'
                    self.csi(self.seq, ch)
                elif ch == '\x1b':
                    self.state, self.seq = 'esc', ''
                elif ch < ' ':
                    self.control(ch)
                else:
                    self.seq += ch
                    if len(self.seq) > 64:
                        self.state = 'ground'
            elif st == 'string':          # OSC, DCS...: up to BEL or ST
                if ch == '\x07':
                    self.state = 'ground'
                elif ch == '\x1b':
                    self.state = 'string-esc'
            elif st == 'string-esc':
                self.state = 'ground' if ch == '\\' else 'string'
            elif st == 'charset':
                self.g[self.seq] = ch
                self.state = 'ground'

    def control(self, ch):
        if ch == '\r':
            self.x, self.wrap = 0, False
        elif ch in '\n\x0b\x0c':
            self.index()
        elif ch == '\b':
            if self.x > 0 and not self.wrap:
                self.x -= 1
            self.wrap = False
        elif ch == '\t':
            self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
            self.wrap = False
        elif ch == '\x0e':
            self.gl = 1
        elif ch == '\x0f':
            self.gl = 0

    def escape(self, ch):
        self.state = 'ground'
        if ch == '[':
            self.state, self.seq = 'csi', ''
        elif ch in ']PX^_':
            self.state = 'string'
        elif ch in '()':
            self.state, self.seq = 'charset', 0 if ch == '(' else 1
        elif ch == '7':
            self.saved = (self.x, self.y)
        elif ch == '8':
            self.x, self.y = self.saved
            self.wrap = False
        elif ch == 'M':
            if self.y == self.top:
                self.scroll(-1)
            elif self.y > 0:
                self.y -= 1
            self.wrap = False
        elif ch == 'D':
            self.index()
        elif ch == 'E':
            self.x = 0
            self.index()
        elif ch == 'c':
            self.reset()
        elif ch in '=>':
            pass
        else:
            self.unknown.add('ESC ' + ch)

    def index(self):
        if self.y == self.bottom:
            self.scroll(1)
        elif self.y < self.rows - 1:
            self.y += 1
        self.wrap = False

    def scroll(self, n):
        """Scrolls the region up N lines (down if N < 0)."""
        t, b = self.top, self.bottom
        for _ in range(min(abs(n), b - t + 1)):
            if n > 0:
                del self.grid[t]
                self.grid.insert(b, [' '] * self.cols)
            else:
                del self.grid[b]
                self.grid.insert(t, [' '] * self.cols)

    def clear_cells(self, y, x0, x1):
        row = self.grid[y]
        x0, x1 = max(0, x0), min(self.cols, x1)
        if x0 >= x1:
            return
        # No half of a wide character stays.
        if x0 > 0 and row[x0] == '':
            row[x0 - 1] = ' '
        if x1 < self.cols and row[x1] == '':
            row[x1] = ' '
        for x in range(x0, x1):
            row[x] = ' '

    def put(self, ch):
        if self.g[self.gl] == '0':
            ch = DEC_GRAPHICS.get(ch, ch)
        w = char_width(ch)
        self.last = ch
        if w == 0:
            x = self.x if self.wrap else self.x - 1
            if x >= 0 and ch >= ' ':
                if self.grid[self.y][x] == '' and x > 0:
                    x -= 1
                self.grid[self.y][x] += ch
            return
        if self.wrap or self.x + w > self.cols:
            self.x = 0
            self.index()
        row = self.grid[self.y]
        if w > self.cols:
            return
        if self.insert:
            row[self.x:self.x] = [' '] * w
            del row[self.cols:]
            if row[-1] == '':
                row[-1] = ' '
        self.clear_cells(self.y, self.x, self.x + w)
        row[self.x] = ch
        if w == 2:
            row[self.x + 1] = ''
        self.x += w
        if self.x >= self.cols:
            self.x, self.wrap = self.cols - 1, True

    def csi(self, seq, final):
        private = seq[:1] if seq[:1] in '?<=>' else ''
        body = seq[len(private):]
        inter = ''
        while body and body[-1] in ' !"#$%&\'()*+,-./':
            inter = body[-1] + inter
            body = body[:-1]
        try:
            params = [int(p) if p else 0 for p in body.split(';')] \
                if body else []
        except ValueError:
            self.unknown.add('CSI %s%s' % (seq, final))
            return
        def p(i, default=1):
            v = params[i] if i < len(params) else 0
            return v if v else default
        if inter:
            if not (inter == '!' and final == 'p'):   # soft reset
                self.unknown.add('CSI %s%s' % (seq, final))
            return
        if private:
            if final in 'hl' and private == '?':
                for mode in params:
                    if mode in (47, 1047, 1049):
                        if final == 'h' and mode == 1049:
                            self.saved = (self.x, self.y)
                        self.grid = [[' '] * self.cols
                                     for _ in range(self.rows)]
                        if final == 'l' and mode == 1049:
                            self.x, self.y = self.saved
            elif final not in 'mnc':
                self.unknown.add('CSI %s%s' % (seq, final))
            return
        if final in 'hl':
            for mode in params:
                if mode == 4:
                    self.insert = final == 'h'
                elif mode != 20:
                    self.unknown.add('CSI %s%s' % (seq, final))
            return
        x, y = self.x, self.y
        self.wrap = False
        if final in 'Hf':
            self.y = min(self.rows, p(0)) - 1
            self.x = min(self.cols, p(1)) - 1
        elif final == 'A':
            lim = self.top if y >= self.top else 0
            self.y = max(lim, y - p(0))
        elif final in 'Be':
            lim = self.bottom if y <= self.bottom else self.rows - 1
            self.y = min(lim, y + p(0))
        elif final in 'Ca':
            self.x = min(self.cols - 1, x + p(0))
        elif final == 'D':
            self.x = max(0, x - p(0))
        elif final in 'G`':
            self.x = min(self.cols, p(0)) - 1
        elif final == 'd':
            self.y = min(self.rows, p(0)) - 1
        elif final == 'E':
            self.x, self.y = 0, min(self.bottom, y + p(0))
        elif final == 'F':
            self.x, self.y = 0, max(self.top, y - p(0))
        elif final == 'J':
            mode = p(0, 0)
            if mode == 0:
                self.clear_cells(y, x, self.cols)
                for yy in range(y + 1, self.rows):
                    self.clear_cells(yy, 0, self.cols)
            elif mode == 1:
                for yy in range(0, y):
                    self.clear_cells(yy, 0, self.cols)
                self.clear_cells(y, 0, x + 1)
            else:
                for yy in range(self.rows):
                    self.clear_cells(yy, 0, self.cols)
        elif final == 'K':
            mode = p(0, 0)
            if mode == 0:
                self.clear_cells(y, x, self.cols)
            elif mode == 1:
                self.clear_cells(y, 0, x + 1)
            else:
                self.clear_cells(y, 0, self.cols)
        elif final == 'X':
            self.clear_cells(y, x, x + p(0))
        elif final == '@':
            row = self.grid[y]
            n = min(p(0), self.cols - x)
            row[x:x] = [' '] * n
            del row[self.cols:]
        elif final == 'P':
            row = self.grid[y]
            n = min(p(0), self.cols - x)
            del row[x:x + n]
            row.extend([' '] * n)
        elif final in 'LM':
            if self.top <= y <= self.bottom:
                t = self.top
                self.top = y
                self.scroll(p(0) if final == 'M' else -p(0))
                self.top = t
                self.x = 0
        elif final == 'S':
            self.scroll(p(0))
        elif final == 'T':
            self.scroll(-p(0))
        elif final == 'r':
            t, b = p(0) - 1, min(self.rows, p(1, self.rows)) - 1
            if t < b:
                self.top, self.bottom = t, b
                self.x = self.y = 0
        elif final == 'b':
            for _ in range(min(p(0), self.cols * self.rows)):
                self.put(self.last)
        elif final == 's':
            self.saved = (x, y)
        elif final == 'u':
            self.x, self.y = self.saved
        elif final in 'mntc':
            pass
        else:
            self.unknown.add('CSI %s%s' % (seq, final))


# ---------------------------------------------------------------------------
# The kiosk in its pty.

class Kiosk:
    def __init__(self, args, workdir):
        self.args = args
        self.workdir = workdir
        self.trace_path = os.path.join(workdir, 'trace')
        self.stderr_path = os.path.join(workdir, 'stderr')
        self.termios_path = os.path.join(workdir, 'termios')
        self.trace = Trace(self.trace_path)
        self.queue = bytearray()
        self.bytes_written = 0
        self.bytes_read = 0
        self.last_sent = b''
        self.last_output = time.monotonic()
        self.output_tail = bytearray()
        self.output_mark = 0      # bytes_read at the last mark_output()
        self.recent = bytearray() # output since mark_output()
        self.status = None
        self.pid = None
        self.fd = None
        self.cols, self.rows = args.cols, args.rows
        self.screen = Terminal(self.cols, self.rows)

    def start(self):
        open(self.trace_path, 'w').close()
        env = {
            'PATH': os.environ.get('PATH', '/usr/bin:/bin'),
            'HOME': self.workdir,
            'TERM': self.args.term,
            'LANG': 'C.UTF-8',
            'LANGUAGE': '',
            'MESOKIOSK_DATADIR': self.args.datadir,
            'MESOKIOSK_TRACE': self.trace_path,
            'MESOKIOSK_LOCALEDIR': os.environ.get('MESOKIOSK_LOCALEDIR', ''),
            # Speech goes to a log (kiosk/voice.c) that ends each
            # utterance after 50 ms: the monkey's keys interrupt it.
            'MESOKIOSK_SPEECH_LOG': os.path.join(self.workdir, 'speech.log'),
            'MESOKIOSK_SPEECH_PACE': '50',
        }
        for k in ('VALGRIND_LIB', 'ASAN_OPTIONS', 'UBSAN_OPTIONS',
                  'LSAN_OPTIONS'):
            if k in os.environ:
                env[k] = os.environ[k]
        argv = shlex.split(self.args.prefix) + [
            self.args.binary, '--kiosk', '--idle', str(self.args.idle)]
        pid, fd = pty.fork()
        if pid == 0:
            # The child: size the terminal, send stderr to a file, note the
            # terminal modes, run the program.
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ,
                            struct.pack('HHHH', self.rows, self.cols, 0, 0))
                err = os.open(self.stderr_path,
                              os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                os.dup2(err, 2)
                os.close(err)
                with open(self.termios_path, 'w') as f:
                    f.write(repr(termios.tcgetattr(0)))
                os.execvpe(argv[0], argv, env)
            except BaseException as e:  # pylint: disable=broad-except
                try:
                    os.write(2, ('monkey: cannot run %s: %s\n'
                                 % (argv[0], e)).encode())
                finally:
                    os._exit(127)
        self.pid, self.fd = pid, fd
        fl = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, fl | os.O_NONBLOCK)

    # -- plumbing ---------------------------------------------------------

    def alive(self):
        if self.status is not None:
            return False
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            return True
        self.status = status
        return False

    def pump(self, seconds):
        """Moves bytes both ways for SECONDS (at least one pass)."""
        end = time.monotonic() + seconds
        while True:
            now = time.monotonic()
            left = max(0.0, end - now)
            wfds = [self.fd] if self.queue else []
            try:
                r, w, _ = select.select([self.fd], wfds, [], min(left, 0.05))
            except InterruptedError:
                continue
            if r:
                self._read()
            if w and self.queue:
                try:
                    n = os.write(self.fd, self.queue[:4096])
                    del self.queue[:n]
                    self.bytes_written += n
                except BlockingIOError:
                    pass
                except OSError as e:
                    if e.errno != errno.EIO:
                        raise
                    self.queue.clear()
            if time.monotonic() >= end:
                break
        self.trace.poll()

    def _read(self):
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return
            except OSError as e:
                if e.errno == errno.EIO:    # the child closed the terminal
                    return
                raise
            if not data:
                return
            self.bytes_read += len(data)
            self.last_output = time.monotonic()
            window = bytes(self.output_tail[-32:]) + data
            for bad in FORBIDDEN_OUTPUT:
                if bad in window:
                    raise MonkeyFailure('the kiosk wrote %r to the terminal'
                                        % bad)
            self.screen.feed(data)
            self.output_tail += data
            del self.output_tail[:-8192]
            self.recent += data
            if len(self.recent) > 4 << 20:
                del self.recent[:-(1 << 20)]

    def send(self, data):
        self.queue += data
        self.last_sent = (self.last_sent + data)[-48:]

    def drain_queue(self, timeout):
        end = time.monotonic() + timeout
        while self.queue and time.monotonic() < end:
            self.pump(0.01)
        if self.queue:
            raise MonkeyFailure('the kiosk stopped reading its input '
                                '(%d bytes still to send)' % len(self.queue))

    def settle(self, timeout, quiet=0.25):
        """Waits until the input is sent and nothing moves for QUIET s."""
        self.drain_queue(timeout)
        end = time.monotonic() + timeout
        lines = self.trace.mark()
        still_since = time.monotonic()
        while time.monotonic() < end:
            self.pump(0.05)
            now = time.monotonic()
            if self.trace.mark() != lines or now - self.last_output < quiet:
                lines = self.trace.mark()
                still_since = now
                continue
            if now - still_since >= quiet:
                return
        raise MonkeyFailure('the kiosk never settled (busy for %.0f s)'
                            % timeout)

    def resize(self, cols, rows):
        self.cols, self.rows = cols, rows
        self._read()
        self.screen.resize(cols, rows)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ,
                    struct.pack('HHHH', rows, cols, 0, 0))
        self.kill(signal.SIGWINCH)

    def kill(self, sig):
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def wait_for(self, what, predicate, timeout):
        end = time.monotonic() + timeout
        while True:
            self.pump(0.05)
            if predicate():
                return
            if not self.alive():
                raise MonkeyFailure('the kiosk died while waiting for %s'
                                    % what)
            if time.monotonic() >= end:
                raise MonkeyFailure('%s never came (waited %.0f s)'
                                    % (what, timeout))

    def in_read(self):
        """Is the kiosk inside read() on its terminal (fd 0)?  It should
        only ever wait in poll(): a read with no input to read blocks the
        idle timer and the signals."""
        nr = READ_SYSCALL.get(os.uname().machine)
        if nr is None:
            return False
        try:
            with open('/proc/%d/syscall' % self.pid) as f:
                fields = f.read().split()
        except OSError:
            return False
        return len(fields) > 1 and fields[0] == nr and int(fields[1], 16) == 0

    def rss_kib(self):
        try:
            with open('/proc/%d/status' % self.pid) as f:
                for line in f:
                    if line.startswith('VmRSS:'):
                        return int(line.split()[1])
        except OSError:
            return None
        return None

    def stderr_text(self):
        try:
            with open(self.stderr_path, 'r', encoding='utf-8',
                      errors='replace') as f:
                return f.read()
        except OSError:
            return ''


# ---------------------------------------------------------------------------
# The run.

def visible_text(data):
    """The printable text of terminal output, escape sequences removed."""
    s = data.decode('utf-8', errors='replace')
    s = re.sub(r'\x1b\[[0-9;?<=>]*[ -/]*[@-~]', ' ', s)
    s = re.sub(r'\x1b\][^\x07\x1b]*(\x07|\x1b\\)', ' ', s)
    s = re.sub(r'\x1b[()][0-9A-Za-z]', '', s)
    s = re.sub(r'\x1b.', ' ', s)
    s = re.sub(r'[\x00-\x1f\x7f]', ' ', s)
    return re.sub(r' +', ' ', s)


class Run:
    def __init__(self, args, workdir):
        self.args = args
        self.k = Kiosk(args, workdir)
        self.rng = random.Random(args.seed)
        self.storm = Storm(self.rng, allow_usr1=not args.no_reload,
                           sgr=args.term.startswith('xterm'))
        self.counts = {}
        self.started = None
        self.rss = []             # (label, seconds, events, kib)
        self.patience = args.patience
        self.known_seen = {}      # known bug -> times seen
        # The slack allowed on the time of the idle reset: late (a slow
        # wake-up), early (the kiosk takes the time of a batch of input
        # before it handles it, and traces each event after).
        self.slack = 10.0 if args.prefix else 2.0
        self.early = 1.5 if args.prefix else 0.25

    def known(self, name, message):
        """A failure, unless --known-bugs lists NAME: then a note."""
        if name not in self.args.known_bugs:
            raise MonkeyFailure('%s [%s]' % (message, name))
        self.known_seen[name] = self.known_seen.get(name, 0) + 1
        print('monkey: KNOWN BUG %s: %s' % (name, message), flush=True)

    def settle(self):
        """Waits for quiet, then checks the kiosk waits in poll()."""
        k = self.k
        k.settle(self.patience)
        for attempt in range(3):
            if not k.in_read():
                return
            k.pump(0.2)
            if not k.in_read():
                return
            self.known('blocked-read',
                       'the kiosk is blocked in read() on its terminal with '
                       'nothing to read (after %s): it cannot time out the '
                       'visit nor take signals'
                       % describe_bytes(k.last_sent))
            # Wake it with a key that does nothing (F13: F12 is speech),
            # and again: the kiosk took the time of the first before it
            # blocked.
            for _ in range(2):
                k.send(b'\x1b[25~')
                k.settle(self.patience)
        raise MonkeyFailure('the kiosk stays blocked in read()')

    def count(self, kind):
        self.counts[kind] = self.counts.get(kind, 0) + 1

    def note_rss(self, label):
        kib = self.k.rss_kib()
        t = time.monotonic() - self.started
        self.rss.append((label, t, sum(self.counts.values()), kib))
        print('monkey: rss %-10s %7.1f s %8d events  VmRSS %s kB'
              % (label, t, sum(self.counts.values()),
                 kib if kib is not None else '?'), flush=True)
        return kib

    def check_alive(self, where):
        if not self.k.alive():
            raise MonkeyFailure('the kiosk is gone (%s): %s'
                                % (where, describe_status(self.k.status)))

    # -- phases -----------------------------------------------------------

    def startup(self):
        self.k.start()
        self.started = time.monotonic()
        self.k.wait_for('the first frame',
                        lambda: len(self.k.trace.frames) > 0, self.patience)
        if self.k.trace.pid not in (None, self.k.pid):
            raise MonkeyFailure('trace pid %s is not the child %d'
                                % (self.k.trace.pid, self.k.pid))
        # The attract screen at 80x24, as every checkpoint must show it.
        self.k.settle(self.patience)
        self.attract = None
        if (self.args.cols, self.args.rows) == (80, 24) \
                and is_pristine(self.k.trace.frames[-1]):
            self.attract = self.k.screen.text()

    def long_pause(self, reset, count=True):
        """Stays away: past the countdown when RESET, else into it."""
        k, a = self.k, self.args
        self.settle()
        countdown = max(1, min(15, a.idle // 4))
        if count:
            self.count('pause-reset' if reset else 'pause-countdown')
        mark = k.trace.mark()
        # Something to forget, and since when.
        visit = bool(k.trace.frames) and not is_pristine(k.trace.frames[-1])
        last_input = last_input_time(k.trace.lines)
        if not reset:
            k.pump(a.idle + self.rng.uniform(0.1, 0.6))
            if visit:
                k.wait_for('"Still there?" after %d s idle' % a.idle,
                           lambda: any(IDLE_RE.match(l)
                                       for l in k.trace.since(mark)),
                           self.patience)
            return
        k.pump(a.idle + countdown + self.rng.uniform(0.3, 1.5))
        # The visit is forgotten: the last frame shows the attract screen,
        # with no language, page, place or history (either the reset drew
        # it, or nothing had been touched since the last reset).
        k.wait_for('the attract screen after %d s idle' % (a.idle + countdown),
                   lambda: k.trace.frames and is_pristine(k.trace.frames[-1]),
                   self.patience)
        if not visit:
            return
        # And it was forgotten by the idle reset, on time.
        resets = [l for l in k.trace.since(mark) if l.endswith(' idle-reset')]
        if not resets:
            raise MonkeyFailure('the visit ended without an idle reset')
        due = a.idle + countdown
        took = float(resets[0].split()[0]) - last_input
        if not due - self.early <= took <= due + self.slack:
            raise MonkeyFailure('the idle reset came %.2f s after the last '
                                'input, not %d s' % (took, due))

    def storm_event(self, i):
        k, s, rng = self.k, self.storm, self.rng
        r = rng.random()
        if r < 0.58:
            self.count('key')
            k.send(s.key())
        elif r < 0.63:
            self.count('paste')
            k.send(s.paste())
        elif r < 0.75:
            self.count('mouse')
            k.send(s.mouse())
        elif r < 0.77:
            self.count('tap')
            press, release = s.tap()
            k.send(press)
            k.pump(rng.uniform(0.02, 0.15))
            k.send(release)
        elif r < 0.85:
            self.count('resize')
            cols, rows = s.size()
            k.resize(cols, rows)
        elif r < 0.88:
            sig = s.signal()
            self.count('signal-' + signal.Signals(sig).name[3:].lower())
            k.kill(sig)
        elif r < 0.895:
            self.count('pause')
            k.pump(rng.uniform(0.005, 0.08))
            return
        elif r < 0.905:
            # Each in a write of its own, as a patient's clicks come.
            self.count('harmless')
            for _ in range(rng.randrange(5, 40)):
                k.send(s.harmless())
                k.pump(0)
            return
        elif r < 0.915:
            # Then nothing for longer than the escape delay (50 ms): the
            # kiosk must take it as plain keys, and not wait in read().
            self.count('cutoff')
            k.send(s.cutoff())
            k.pump(rng.uniform(0.06, 0.12))
            if rng.random() < 0.2:
                self.settle()
            return
        else:
            # Keys in a burst, as a patient hammering the keyboard.
            self.count('burst')
            for _ in range(rng.randrange(2, 20)):
                k.send(s.key())
        # Let the bytes go; now and then give the kiosk a moment.
        k.pump(0 if rng.random() < 0.9 else rng.uniform(0.001, 0.005))
        if len(k.queue) > 2048:
            k.drain_queue(self.patience)

    def storm_loop(self):
        a = self.args
        deadline = self.started + a.max_seconds
        nlong = a.long_pauses
        # Pauses: at even spacing in events (CI), or in time (soak).
        long_at = set()
        if a.long_pause_every <= 0 and nlong > 0:
            step = a.events // (nlong + 1)
            long_at = {step * (j + 1) for j in range(nlong)}
            mid_at = {step * (j + 1) + step // 2 for j in range(a.countdown_pauses)}
        else:
            mid_at = set()
        next_long = self.started + a.long_pause_every
        next_check = self.started + a.checkpoint_every
        i = 0
        while i < a.events:
            now = time.monotonic()
            if now >= deadline:
                print('monkey: time bound reached after %d events' % i)
                break
            if i in long_at or (a.long_pause_every > 0 and now >= next_long):
                self.long_pause(reset=True)
                # Alternate: the next one stops in the countdown.
                if a.long_pause_every > 0:
                    if self.rng.random() < 0.3:
                        self.long_pause(reset=False)
                    next_long = time.monotonic() + a.long_pause_every
            elif i in mid_at:
                self.long_pause(reset=False)
            if a.checkpoint_every > 0 and now >= next_check:
                self.checkpoint('periodic')
                next_check = time.monotonic() + a.checkpoint_every
            if i % 500 == 0:
                self.check_alive('event %d' % i)
            self.storm_event(i)
            i += 1
        self.k.drain_queue(self.patience)
        self.events_sent = i
        self.check_alive('after the storm')

    def checkpoint(self, label):
        """Settles at 80x24 on a forgotten visit and reads the RSS."""
        k = self.k
        self.settle()
        mark = k.trace.mark()
        # Change the size for sure, then come to 80x24.
        k.resize(81, 25)
        k.pump(0.05)
        k.resize(80, 24)
        k.recent = bytearray()
        k.wait_for('a resize to 80x24 and a frame after it',
                   lambda: frame_after_resize(k.trace, mark, 80, 24),
                   self.patience)
        self.long_pause(reset=True, count=False)
        self.count('checkpoint')
        if self.attract is not None:
            self.settle()
            self.compare_screen(self.attract, 'the attract screen at the '
                                'start (%s checkpoint)' % label)
        return self.note_rss(label)

    def compare_screen(self, want, what):
        """The emulated screen must be WANT."""
        got = self.k.screen.text()
        if got == want:
            return
        lines = ['%2d|%s' % (i + 1, line) for i, line in enumerate(got)]
        lines += ['instead of %s:' % what]
        lines += ['%2d|%s' % (i + 1, line) for i, line in enumerate(want)]
        unknown = sorted(self.k.screen.unknown)
        raise MonkeyFailure(
            'the screen is not %s (sequences the emulator did not know: '
            '%s):\n%s' % (what, ', '.join(repr(u) for u in unknown[:20])
                          or 'none', '\n'.join(lines)))

    def finish(self):
        k, a = self.k, self.args
        self.checkpoint('end')
        # The screen at 80x24: the attract screen's text went out.
        text = visible_text(bytes(k.recent))
        if a.term != 'dumb' and 'Touch the screen' not in text \
                and 'press a key' not in text:
            raise MonkeyFailure('after the final resize, the attract screen '
                                'text was not drawn; output: %r'
                                % text[-400:])
        # Still answering: a key wakes it, Down Enter chooses English.
        self.visit()
        # A page, and a tap on it (press, then release 0.1 s later): then
        # nothing, and the visit must be forgotten.
        mark = k.trace.mark()
        k.send(b'\r')
        k.wait_for('a page from the home screen',
                   lambda: any(int(g['screen']) == SCREEN_PAGE
                               for g in k.trace.frames_since(mark)),
                   self.patience)
        self.settle()
        # Then the other buttons a patient may press: middle, right, the
        # wheel sideways.  None may leave the kiosk blocked in read().
        for button in (0, 1, 2, 66):
            press, release = tap_bytes(self.storm.sgr, button, 10, 12)
            k.send(press)
            k.pump(0.1)
            if button < 64:
                k.send(release)
            self.settle()
        # A hundred right clicks, each in a write of its own, and as many
        # lone invalid bytes: input that means nothing never ends it.
        for _ in range(100):
            press, release = tap_bytes(self.storm.sgr, 2, 10, 12)
            k.send(press)
            k.pump(0.002)
            k.send(release)
            k.pump(0.002)
            k.send(b'\xe9')
            k.pump(0.002)
        self.settle()
        self.check_alive('after a hundred right clicks')
        # A cut-off mouse report, then the idle time: it must time out.
        k.send(b'\x1b[M' if not self.storm.sgr else b'\x1b[<0;10')
        self.settle()
        self.long_pause(reset=True, count=False)
        # And it answers the next patient.
        self.visit()
        self.check_alive('at the end')
        # The screen is what a fresh kiosk shows after the same keys: no
        # trace of the storm (a stale cell, a box left over, a wrong size).
        self.settle()
        with open(os.path.join(k.workdir, 'screen'), 'w') as f:
            f.write('\n'.join(k.screen.text()) + '\n')
        self.compare_screen(self.reference_screen(),
                            'what a fresh kiosk shows after the same keys')

    def reference_screen(self):
        """The screen of a fresh kiosk after visit(), at 80x24."""
        r = Kiosk(self.args, os.path.join(self.k.workdir, 'ref'))
        os.makedirs(r.workdir, exist_ok=True)
        r.start()
        try:
            r.wait_for('the first frame of a fresh kiosk',
                       lambda: len(r.trace.frames) > 0, self.patience)
            r.settle(self.patience)
            self.visit(r)
            r.settle(self.patience)
            return r.screen.text()
        finally:
            r.kill(signal.SIGKILL)
            try:
                os.waitpid(r.pid, 0)
            except ChildProcessError:
                pass
            os.close(r.fd)

    def visit(self, k=None):
        """From the attract screen: a key wakes the kiosk (the language
        screen, no language), Down Enter chooses English (home).  The key
        is a space: a letter would start a search."""
        k = k or self.k
        mark = k.trace.mark()
        before = k.trace.events
        k.send(b' ')
        k.wait_for('an event and a frame for a key',
                   lambda: k.trace.events > before
                   and k.trace.frames_since(mark), self.patience)
        f = k.trace.frames[-1]
        if int(f['screen']) != SCREEN_LANGUAGE or f['lang'] != '':
            raise MonkeyFailure('a key on the attract screen gave %s'
                                % frame_text(f))
        mark = k.trace.mark()
        # Down as the terminal sends it in keypad mode (xterm, screen and
        # vt100 agree), then Enter.
        k.send(SS3 + b'B')
        k.pump(0.1)
        k.send(b'\r')
        k.wait_for('the home screen in English',
                   lambda: any(int(g['screen']) == SCREEN_HOME
                               and g['lang'] == 'en'
                               for g in k.trace.frames_since(mark)),
                   self.patience)

    def stop(self):
        k = self.k
        self.settle()
        k.kill(signal.SIGTERM)
        end = time.monotonic() + self.patience
        while k.alive() and time.monotonic() < end:
            k.pump(0.05)
        if k.status is None:
            k.kill(signal.SIGKILL)
            os.waitpid(k.pid, 0)
            raise MonkeyFailure('SIGTERM did not end the kiosk')
        k.pump(0.05)
        if not (os.WIFEXITED(k.status) and os.WEXITSTATUS(k.status) == 0):
            raise MonkeyFailure('after SIGTERM: %s' % describe_status(k.status))
        # The terminal modes are back as they were.
        try:
            with open(k.termios_path) as f:
                before = eval(f.read(), {'__builtins__': {}})  # a list literal
            after = termios.tcgetattr(k.fd)
            if before[:6] != after[:6] or before[6][:len(before[6])] != after[6]:
                raise MonkeyFailure('terminal modes changed: %r -> %r'
                                    % (before[:4], after[:4]))
        except (OSError, termios.error, SyntaxError):
            pass
        bad = [l for l in k.stderr_text().splitlines()
               if l and not STDERR_ALLOWED.match(l)]
        if bad:
            raise MonkeyFailure('stderr: ' + '\n        '.join(bad[:20]))

    def summary(self, ok):
        k = self.k
        dur = time.monotonic() - self.started if self.started else 0
        kinds = ', '.join('%s %d' % kv for kv in sorted(self.counts.items()))
        print('monkey: %s: seed %d, %d events in %.1f s (%s)'
              % ('PASS' if ok else 'FAIL', self.args.seed,
                 getattr(self, 'events_sent', sum(self.counts.values())),
                 dur, kinds))
        print('monkey: bytes sent %d, read %d; the kiosk handled %d events, '
              'drew %d frames, %d resizes, %d countdown steps, %d resets'
              % (k.bytes_written, k.bytes_read, k.trace.events,
                 len(k.trace.frames), k.trace.resizes, k.trace.countdowns,
                 k.trace.resets))
        for name, n in sorted(self.known_seen.items()):
            print('monkey: the known bug %s showed %d times (tolerated by '
                  '--known-bugs)' % (name, n))


def is_pristine(f):
    """A forgotten visit: the attract screen, no page, no language, no
    place, no history.  (The selection is the first link, or none while
    the window is below the minimum size and nothing is laid out.)"""
    return (int(f['screen']) == SCREEN_ATTRACT and f['page'] == '-'
            and f['lang'] == '' and f['top'] == '0'
            and f['sel'] in ('0', '-1') and f['depth'] == '0')


def last_input_time(lines):
    """The time of the last input event among LINES (0 if none)."""
    for line in reversed(lines):
        m = EVENT_RE.match(line)
        if m and m.group('what') != 'idle-reset':
            return float(m.group('t'))
    return 0.0


def describe_bytes(data):
    return repr(bytes(data[-24:]))


def frame_text(f):
    return ('frame %s screen=%s page=%s lang=%s top=%s selected=%s depth=%s'
            % (f['n'], f['screen'], f['page'], f['lang'], f['top'], f['sel'],
               f['depth']))


def frame_after_resize(trace, mark, cols, rows):
    lines = trace.since(mark)
    want = ' resize %dx%d' % (cols, rows)
    for i, line in enumerate(lines):
        if line.endswith(want) and ' event ' in line:
            return any(FRAME_RE.match(l) for l in lines[i + 1:])
    return False


def proc_state(pid):
    """State, CPU time and wait channel of PID (hung, or busy?)."""
    try:
        with open('/proc/%d/stat' % pid) as f:
            fields = f.read().rsplit(')', 1)[1].split()
        with open('/proc/%d/wchan' % pid) as f:
            wchan = f.read().strip() or '-'
        tick = os.sysconf('SC_CLK_TCK')
        return ('in state %s, %.2f s of CPU, waiting in %s'
                % (fields[0], (int(fields[11]) + int(fields[12])) / tick,
                   wchan))
    except (OSError, IndexError, ValueError):
        return 'in an unknown state'


def describe_status(status):
    if status is None:
        return 'still running'
    if os.WIFSIGNALED(status):
        return 'killed by signal %d (%s)' % (
            os.WTERMSIG(status), signal.Signals(os.WTERMSIG(status)).name)
    return 'exit status %d' % os.WEXITSTATUS(status)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    srcdir = os.environ.get('srcdir', os.path.join(os.path.dirname(
        os.path.abspath(__file__)), '..', '..'))
    p.add_argument('--binary', default=os.environ.get('MESOKIOSK',
                                                      './kiosk/mesokiosk'))
    p.add_argument('--datadir', default=os.path.join(srcdir, 'tests',
                                                     'content-good'))
    p.add_argument('--prefix', default=os.environ.get('MESOKIOSK_VALGRIND', ''),
                   help='command to run the kiosk under (valgrind ...)')
    p.add_argument('--seed', type=int, default=None)
    p.add_argument('--events', type=int, default=20000)
    p.add_argument('--max-seconds', type=float, default=240)
    p.add_argument('--idle', type=int, default=3)
    p.add_argument('--term', default='xterm-256color')
    p.add_argument('--cols', type=int, default=80)
    p.add_argument('--rows', type=int, default=24)
    p.add_argument('--long-pauses', type=int, default=4,
                   help='pauses past the idle time, spread over the events')
    p.add_argument('--countdown-pauses', type=int, default=2,
                   help='pauses that stop inside the countdown')
    p.add_argument('--long-pause-every', type=float, default=0,
                   help='instead: one long pause every so many seconds')
    p.add_argument('--checkpoint-every', type=float, default=0,
                   help='settle at 80x24 and read the RSS this often (s)')
    p.add_argument('--rss-warmup', type=float, default=0,
                   help='seconds of storm before the reference RSS')
    p.add_argument('--rss-margin-kib', type=int, default=-1,
                   help='fail if the end RSS exceeds the reference by more')
    p.add_argument('--patience', type=float, default=None,
                   help='seconds to wait for anything (default 20, 300 '
                        'under a prefix)')
    p.add_argument('--no-reload', action='store_true',
                   help='never send SIGUSR1')
    p.add_argument('--srcdir', default=srcdir,
                   help='the source tree (for kiosk/session.h)')
    p.add_argument('--known-bugs', default='',
                   help='comma-separated checks that only warn: '
                        'blocked-read')
    p.add_argument('--workdir', default=None,
                   help='keep the trace and stderr here')
    args = p.parse_args(argv)
    if args.seed is None:
        args.seed = int.from_bytes(os.urandom(4), 'big')
    if args.patience is None:
        args.patience = 300.0 if args.prefix else 20.0
    args.known_bugs = set(b for b in args.known_bugs.split(',') if b)
    args.binary = os.path.abspath(args.binary)
    args.datadir = os.path.abspath(args.datadir)
    return args


def main(argv):
    args = parse_args(argv)
    if not os.access(args.binary, os.X_OK):
        print('monkey: no program at %s' % args.binary, file=sys.stderr)
        return 99
    keep = args.workdir is not None
    workdir = args.workdir or tempfile.mkdtemp(prefix='mk-monkey.')
    os.makedirs(workdir, exist_ok=True)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    print('monkey: seed %d, %d events, at most %.0f s, --idle %d, TERM=%s%s'
          % (args.seed, args.events, args.max_seconds, args.idle, args.term,
             ', under ' + args.prefix.split()[0] if args.prefix else ''),
          flush=True)
    read_screens(args.srcdir)
    run = Run(args, workdir)
    ok = False
    try:
        run.startup()
        run.note_rss('start')
        run.storm_loop()
        run.finish()
        run.stop()
        ok = True
        if args.rss_margin_kib >= 0:
            ok = check_rss(run, args)
    except MonkeyFailure as e:
        print('monkey: FAIL: %s' % e)
    except KeyboardInterrupt:
        print('monkey: interrupted')
    finally:
        if not ok and run.k.pid is not None and run.k.status is None \
                and run.k.alive():
            print('monkey: the kiosk is %s' % proc_state(run.k.pid))
        if run.k.pid is not None and run.k.status is None:
            run.k.kill(signal.SIGKILL)
            try:
                os.waitpid(run.k.pid, 0)
            except ChildProcessError:
                pass
    run.summary(ok)
    if not ok:
        print('monkey: replay with: %s --seed %d --events %d --idle %d --term %s'
              % (sys.argv[0], args.seed, args.events, args.idle, args.term))
        print('---- trace (tail) ----')
        for line in run.k.trace.tail(15):
            print('  ' + line)
        err = run.k.stderr_text()
        if err:
            print('---- stderr ----')
            print(err[-3000:])
        print('---- screen output (tail, printable) ----')
        print(visible_text(bytes(run.k.output_tail))[-1500:])
        print('monkey: trace and stderr kept in %s' % workdir)
    elif not keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0 if ok else 1


def check_rss(run, args):
    """Compares the end RSS with the first checkpoint after warm-up."""
    ref = None
    for label, t, _, kib in run.rss:
        if label in ('periodic', 'warm') and t >= args.rss_warmup and kib:
            ref = (label, t, kib)
            break
    end = run.rss[-1]
    if ref is None or end[3] is None:
        print('monkey: rss: no reference after %.0f s of warm-up; not compared'
              % args.rss_warmup)
        return True
    grow = end[3] - ref[2]
    print('monkey: rss: reference %d kB (at %.0f s), end %d kB: %+d kB '
          '(margin %d kB)' % (ref[2], ref[1], end[3], grow,
                              args.rss_margin_kib))
    if grow > args.rss_margin_kib:
        print('monkey: FAIL: the resident memory grew by %d kB' % grow)
        return False
    return True


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
