#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
"""ptydrive.py -- run one terminal program in a pseudo-terminal for the
benchmark (tests/bench/bench.sh): send keys one step at a time, wait after
each step until the program is idle, and report per step the bytes it wrote
to the terminal and, under callgrind, the instructions it executed.

"Idle" means: the program is asleep in a blocking read/poll/select on the
terminal (from /proc/PID/stat and /proc/PID/syscall; a poll with a zero
timeout does not count) on several samples in a row, and has written
nothing for a while.  Keys are sent only when the program is idle, so no
program can merge several keys into one screen update (ncurses and
mesokiosk both would, on typeahead), and every step is measured alike.

Under --callgrind, the driver asks callgrind for a dump at every idle
point (callgrind_control --dump, through vgdb), so the instructions of a
step are those between two idle points, the same for every program.  The
program may make dumps of its own (mesokiosk: --dump-after=
loop_frame_drawn); "first-dump" reports the first dump, whoever made it.

Output: lines "LABEL.STEP.bytes N", "LABEL.STEP.ir N", "LABEL.STEP.sha
HEX", "LABEL.total.ir N", "LABEL.first-dump.ir N", "LABEL.rss_kb N",
"LABEL.exit N" on standard output.  Python 3 standard library only.
"""

import argparse
import codecs
import fcntl
import glob
import hashlib
import os
import platform
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time

# Blocking system calls by architecture: number -> index of the timeout
# argument that must not be 0 (or None when any value blocks).
SYSCALLS = {
    "x86_64": {0: None, 7: 3, 23: None, 270: None, 271: None, 232: 4,
               281: 4, 35: None, 230: None, 17: None},
    "aarch64": {63: None, 73: None, 72: None, 22: None, 101: None,
                115: None, 67: None},
}
BLOCKING = SYSCALLS.get(platform.machine(), SYSCALLS["x86_64"])


def log(msg):
    sys.stderr.write("ptydrive: %s\n" % msg)


def children(pid):
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        pass
    kids = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    st = f.read()
                if int(st[st.rindex(")") + 2:].split()[1]) == pid:
                    kids.append(int(d))
            except (OSError, ValueError):
                pass
    return kids


def comm(pid):
    try:
        with open("/proc/%d/comm" % pid) as f:
            return f.read().strip()
    except OSError:
        return ""


# Children of the program that are its own helpers, not the program below
# a wrapper: mesokiosk's speech helper (kiosk/voice.c).
HELPERS = ("mesokiosk-speak",)


def leaf(pid):
    """The program itself, below wrappers such as /usr/bin/time."""
    while True:
        kids = [k for k in children(pid) if comm(k) not in HELPERS]
        if not kids:
            return pid
        pid = kids[0]


def hwm(pid):
    """Peak resident memory (VmHWM, kB) of PID and of its descendants,
    by command name."""
    out = {}
    todo = [pid]
    while todo:
        p = todo.pop()
        todo.extend(children(p))
        try:
            with open("/proc/%d/status" % p) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        name = comm(p)
                        out[name] = max(out.get(name, 0),
                                        int(line.split()[1]))
        except OSError:
            pass
    return out


def blocked(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            st = f.read()
        if st[st.rindex(")") + 2] != "S":
            return False
        with open("/proc/%d/syscall" % pid) as f:
            sc = f.read().split()
    except (OSError, ValueError):
        return False
    if not sc or not sc[0].lstrip("-").isdigit():
        return False
    nr = int(sc[0])
    if nr not in BLOCKING:
        return False
    arg = BLOCKING[nr]
    if arg is not None and len(sc) > arg and int(sc[arg], 16) == 0:
        return False
    return True


class Driver:
    def __init__(self, argv, env, rows, cols, speed, cwd=None):
        master, slave = os.openpty()
        attrs = termios.tcgetattr(slave)
        if speed:
            b = getattr(termios, "B%d" % speed)
            attrs[4] = attrs[5] = b
        termios.tcsetattr(slave, termios.TCSANOW, attrs)
        fcntl.ioctl(slave, termios.TIOCSWINSZ,
                    struct.pack("HHHH", rows, cols, 0, 0))
        pid = os.fork()
        if pid == 0:
            try:
                os.close(master)
                if cwd:
                    os.chdir(cwd)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                os.execvpe(argv[0], argv, env)
            except BaseException as e:  # noqa: B902 -- child must exit
                os.write(2, ("exec %s: %s\n" % (argv[0], e)).encode())
            os._exit(127)
        os.close(slave)
        self.pid = pid
        self.fd = master
        self.out = bytearray()
        self.last_output = time.monotonic()
        self.eof = False
        self.status = None
        self.rusage = None

    def pump(self, timeout):
        if self.eof:
            time.sleep(timeout)
            return
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            self.eof = True
            return
        self.out += data
        self.last_output = time.monotonic()

    def alive(self):
        if self.status is not None:
            return False
        pid, status, ru = os.wait4(self.pid, os.WNOHANG)
        if pid == 0:
            return True
        self.status, self.rusage = status, ru
        return False

    def wait_idle(self, quiet, samples=3, interval=0.03, timeout=120.0):
        """Until the program sleeps on input and has stopped writing."""
        end = time.monotonic() + timeout
        ok = 0
        while time.monotonic() < end:
            self.pump(interval)
            if not self.alive():
                return False
            if (time.monotonic() - self.last_output >= quiet
                    and blocked(leaf(self.pid))):
                ok += 1
                if ok >= samples:
                    return True
            else:
                ok = 0
        raise SystemExit("ptydrive: the program never became idle")

    def send(self, data):
        os.write(self.fd, data)

    def wait_exit(self, timeout=60.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.02)
            if not self.alive():
                # Drain what is left.
                while not self.eof:
                    self.pump(0.05)
                    r, _, _ = select.select([self.fd], [], [], 0)
                    if not r:
                        break
                return True
        log("the program did not exit; killing it")
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        return False


class Callgrind:
    """Dumps at idle points and sums the instructions between them."""

    def __init__(self, outfile):
        self.outfile = outfile
        self.marks = []          # Part number of each idle dump.

    @staticmethod
    def parts(outfile):
        found = {}
        for p in glob.glob(glob.escape(outfile) + ".*"):
            m = re.search(r"\.(\d+)$", p)
            if m:
                found[int(m.group(1))] = p
        return found

    def dump(self, pid):
        before = max(self.parts(self.outfile) or [0])
        subprocess.run(["callgrind_control", "--dump=idle", str(pid)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
        end = time.monotonic() + 30
        while time.monotonic() < end:
            now = max(self.parts(self.outfile) or [0])
            if now > before:
                self.marks.append(now)
                return
            time.sleep(0.02)
        raise SystemExit("ptydrive: callgrind made no dump")

    @staticmethod
    def totals(path):
        with open(path, errors="replace") as f:
            for line in f:
                if line.startswith(("totals:", "summary:")):
                    return int(line.split()[1])
        return 0

    def segments(self):
        """Instructions per idle-to-idle segment, first dump, total."""
        parts = self.parts(self.outfile)
        cost = {n: self.totals(p) for n, p in parts.items()}
        final = self.totals(self.outfile) if os.path.exists(
            self.outfile) else 0
        segs, prev = [], 0
        for m in self.marks:
            segs.append(sum(c for n, c in cost.items() if prev < n <= m))
            prev = m
        tail = sum(c for n, c in cost.items() if n > prev) + final
        first = cost[min(cost)] if cost else final
        return segs, tail, first, sum(cost.values()) + final


WAITS = ("poll", "ppoll", "select", "pselect6", "epoll_wait", "epoll_pwait",
         "nanosleep", "clock_nanosleep")


def idle_strace(d, pid, seconds, out):
    """Wake-ups (returns of blocking calls) of PID in SECONDS."""
    p = subprocess.Popen(["strace", "-f", "-qq", "-o", out, "-p", str(pid)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        d.pump(min(0.5, max(0.0, end - time.monotonic())))
    p.send_signal(signal.SIGINT)
    p.wait()
    wake = calls = 0
    zero = re.compile(r"(, 0\)|\{tv_sec=0, tv_u?n?sec=0\}\)?)\s+= ")
    with open(out, errors="replace") as f:
        for line in f:
            m = re.match(r"(?:\d+\s+)?(?:<\.\.\. )?(\w+)", line)
            if not m or not re.search(r"\)\s+= ", line):
                continue
            calls += 1
            # A wait that slept and returned; a zero timeout never sleeps
            # (ncurses polls so for typeahead).
            if (m.group(1) in WAITS and not zero.search(line)) \
                    or m.group(1) == "restart_syscall":
                wake += 1
    return wake, calls


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--label", required=True)
    ap.add_argument("--rows", type=int, default=24)
    ap.add_argument("--cols", type=int, default=80)
    ap.add_argument("--speed", type=int, default=38400)
    ap.add_argument("--cwd", help="directory to run the program in")
    ap.add_argument("--env", action="append", default=[],
                    help="NAME=VALUE for the program")
    ap.add_argument("--step", action="append", default=[],
                    help="NAME:KEYS (Python escapes); NAME*N:KEYS repeats")
    ap.add_argument("--quit", default="q", help="keys that quit")
    ap.add_argument("--callgrind", metavar="OUTFILE",
                    help="run under callgrind, dumps to OUTFILE.N")
    ap.add_argument("--vgopt", action="append", default=[],
                    help="another valgrind option")
    ap.add_argument("--rss", action="store_true",
                    help="peak RSS with /usr/bin/time -v, else getrusage")
    ap.add_argument("--hwm", action="store_true",
                    help="report the peak RSS of the program and of each"
                    " process under it, before quitting")
    ap.add_argument("--quiet", type=float, default=None,
                    help="seconds without output that count as idle")
    ap.add_argument("--save", metavar="PREFIX",
                    help="save the bytes of each step as PREFIX.STEP")
    ap.add_argument("--first-only", action="store_true",
                    help="with --callgrind: quit after the first dump")
    ap.add_argument("--idle-strace", type=float, metavar="SECONDS",
                    help="after the steps, count wake-ups with strace")
    ap.add_argument("--idle-strace-out", metavar="FILE")
    ap.add_argument("argv", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    argv = a.argv[1:] if a.argv and a.argv[0] == "--" else a.argv
    if not argv:
        ap.error("no program")

    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "HOME": os.environ.get("HOME", "/"),
           "TERM": "xterm-256color", "LANG": "C.UTF-8",
           "LESSHISTFILE": "-", "LESS": ""}
    for kv in a.env:
        k, _, v = kv.partition("=")
        env[k] = v
    timefile = None
    if a.callgrind:
        argv = ["valgrind", "--tool=callgrind", "--quiet",
                "--callgrind-out-file=" + a.callgrind] + a.vgopt + argv
        for p in list(Callgrind.parts(a.callgrind).values()) + [a.callgrind]:
            if os.path.exists(p):
                os.unlink(p)
    elif a.rss and os.access("/usr/bin/time", os.X_OK):
        timefile = "%s.time.%d" % (a.save or "/tmp/ptydrive", os.getpid())
        argv = ["/usr/bin/time", "-v", "-o", timefile] + argv
    quiet = a.quiet if a.quiet is not None else (0.4 if a.callgrind
                                                 else 0.15)

    steps = []
    for s in a.step:
        name, _, keys = s.partition(":")
        keys = codecs.decode(keys, "unicode_escape").encode("latin-1")
        m = re.fullmatch(r"(.*)\*(\d+)", name)
        if m:
            steps += [("%s%d" % (m.group(1), i + 1), keys)
                      for i in range(int(m.group(2)))]
        else:
            steps.append((name, keys))

    d = Driver(argv, env, a.rows, a.cols, a.speed, a.cwd)
    cg = Callgrind(a.callgrind) if a.callgrind else None
    results = []
    mark = 0

    def idle_point(name):
        nonlocal mark
        if not d.wait_idle(quiet):
            raise SystemExit("ptydrive: %s exited during step %s"
                             % (argv[0], name))
        if cg:
            cg.dump(d.pid)
        chunk = bytes(d.out[mark:])
        mark = len(d.out)
        results.append((name, chunk))

    if a.first_only:
        # Only the program's first dump matters (a frame marker): quit as
        # soon as it is written, without waiting for the program to idle.
        end = time.monotonic() + 600
        while not Callgrind.parts(a.callgrind) and time.monotonic() < end:
            d.pump(0.05)
            if not d.alive():
                break
        d.send(codecs.decode(a.quit, "unicode_escape").encode("latin-1"))
        d.wait_exit(600)
        segs, tail, first, total = cg.segments()
        print("%s.first-dump.ir %d" % (a.label, first))
        print("%s.total.ir %d" % (a.label, total))
        return
    idle_point("start")
    for name, keys in steps:
        d.send(keys)
        idle_point(name)
    if a.idle_strace:
        out = a.idle_strace_out or "/tmp/ptydrive.strace.%d" % os.getpid()
        wake, calls = idle_strace(d, leaf(d.pid), a.idle_strace, out)
        if not a.idle_strace_out:
            os.unlink(out)
        print("%s.idle.seconds %g" % (a.label, a.idle_strace))
        print("%s.idle.wakeups %d" % (a.label, wake))
        print("%s.idle.syscalls %d" % (a.label, calls))
    peaks = hwm(leaf(d.pid)) if a.hwm else {}
    if a.quit:
        d.send(codecs.decode(a.quit, "unicode_escape").encode("latin-1"))
    else:
        os.kill(leaf(d.pid), signal.SIGTERM)
    d.wait_exit()
    for name, kb in sorted(peaks.items()):
        print("%s.hwm.%s %d" % (a.label, name, kb))
    results.append(("quit", bytes(d.out[mark:])))

    label = a.label
    for name, chunk in results:
        print("%s.%s.bytes %d" % (label, name, len(chunk)))
        print("%s.%s.sha %s" % (label, name,
                                hashlib.sha1(chunk).hexdigest()[:16]))
        if a.save:
            with open("%s.%s" % (a.save, name), "wb") as f:
                f.write(chunk)
    if d.status is not None:
        print("%s.exit %d" % (label, os.waitstatus_to_exitcode(d.status)))
    if cg:
        segs, tail, first, total = cg.segments()
        for (name, _), ir in zip(results, segs + [tail]):
            print("%s.%s.ir %d" % (label, name, ir))
        print("%s.first-dump.ir %d" % (label, first))
        print("%s.total.ir %d" % (label, total))
    if a.rss:
        kb = None
        if timefile and os.path.exists(timefile):
            with open(timefile) as f:
                for line in f:
                    if "Maximum resident set size" in line:
                        kb = int(line.split()[-1])
            os.unlink(timefile)
        if kb is None and d.rusage is not None:
            kb = d.rusage.ru_maxrss
        print("%s.rss_kb %d" % (label, kb or 0))


if __name__ == "__main__":
    main()
