#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
"""tests/boot/boot.py -- boot the image and check the kiosk from outside.

Run by tests/boot/check-boot.sh with Debian's python3 and python3-pyte
(a VT100/VT220 emulator).  qemu gets three sockets:

  ttyS0  the kiosk's serial line: its bytes go through pyte, so the test
         sees the screen as a vt220 would; keys are written to it;
  ttyS1  the control console: a root shell (and the kernel's messages);
  mon    qemu's monitor: the mouse that gpm reads on tty1.

and tty1 (qemu's VGA) runs a second kiosk, read through /dev/vcsu1 from
the control shell.  Each check prints one line: "ok N - ..." or
"not ok N - ..." (TAP), with the screen on failure.  Exit status: 0 if
all passed, 1 otherwise.
"""

import argparse
import base64
import os
import re
import socket
import subprocess
import sys
import time

import pyte

COLS, ROWS = 80, 24
# Texts of the shipped content and French catalog the checks wait for.
ATTRACT = "Touch the screen or press a key"
ATTRACT_FR = "Touchez l'écran ou appuyez sur une touche"
HOME_FR = "Choisissez un sujet"
WARNING_TITLE_FR = "Signes d'alerte"
WARNING_BODY_FR = "Appelez"
CHANGED_TITLE = "Page changée par le test de démarrage"
PIN_SCREEN_FR = "Réservé au personnel"
STAFF_MENU_FR = "Revenir à la borne"
LANGUAGE_FR = "Français"


def log(msg):
    print(msg, flush=True)


class Failure(Exception):
    pass


LINES = []


def pump_all(timeout):
    """Reads what has come on every line, waiting up to TIMEOUT for
    something: a line not read would stall the guest's output (qemu's
    serial port waits for the socket), and a kiosk that cannot write
    cannot quit."""
    import select
    socks = {l.sock: l for l in LINES}
    r, _, _ = select.select(list(socks), [], [], timeout)
    for s in r:
        socks[s].pump(0)


class Line:
    """A qemu chardev socket (server=on), read without blocking."""

    def __init__(self, path, deadline):
        self.path = path
        self.sock = None
        while self.sock is None:
            try:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(path)
                self.sock = s
            except OSError:
                if time.monotonic() > deadline:
                    raise Failure("cannot connect to %s" % path)
                time.sleep(0.1)
        self.sock.setblocking(False)
        self.raw = bytearray()
        LINES.append(self)

    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.sock.setblocking(True)
        self.sock.sendall(data)
        self.sock.setblocking(False)

    def pump(self, timeout=0.0):
        """Reads what has come, waiting up to TIMEOUT for something."""
        import select
        r, _, _ = select.select([self.sock], [], [], timeout)
        got = b""
        while r:
            try:
                chunk = self.sock.recv(65536)
            except BlockingIOError:
                break
            if not chunk:
                break
            got += chunk
            r, _, _ = select.select([self.sock], [], [], 0)
        if got:
            self.raw += got
            self.feed(got)
        return got

    def feed(self, data):
        pass


class Serial(Line):
    """The kiosk's serial line, as a vt220 shows it."""

    def __init__(self, path, deadline):
        super().__init__(path, deadline)
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)

    def feed(self, data):
        self.stream.feed(data)

    def text(self):
        return "\n".join(self.screen.display)

    def flat(self):
        # No-break spaces (French typography) compare as spaces.
        return re.sub(r"[\u00a0\u202f ]+", " ", self.text())

    def wait_for(self, texts, timeout, absent=()):
        """Waits until every text of TEXTS is on the screen and none of
        ABSENT; returns the seconds it took."""
        start = time.monotonic()
        while True:
            flat = self.flat()
            if all(t in flat for t in texts) and not any(a in flat for a in absent):
                return time.monotonic() - start
            if time.monotonic() - start > timeout:
                raise Failure("waited %.0f s for %r on the serial line;"
                              " the screen:\n%s" % (timeout, texts, self.text()))
            pump_all(0.2)


class Shell(Line):
    """The root shell on the control console."""

    def __init__(self, path, deadline):
        super().__init__(path, deadline)
        self.n = 0
        self.text = ""

    def feed(self, data):
        self.text += data.decode("utf-8", "replace").replace("\r", "")

    def wait_prompt(self, timeout):
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            self.send("\n")
            pump_all(2.0)
            if re.search(r"root@[^\n]*# ?$", self.text):
                break
        else:
            raise Failure("no root shell on the control console after"
                          " %.0f s:\n%s" % (timeout, self.text[-2000:]))
        self.run("stty -echo -onlcr; PS1=; export SYSTEMD_PAGER= SYSTEMD_COLORS=0"
                 " TERM=dumb; dmesg -n 1", 30)
        return time.monotonic() - start

    def run(self, cmd, timeout=60, check=True):
        """Runs CMD; returns (status, output)."""
        self.n += 1
        n = self.n
        # The markers are printed by printf, so an echo of the command
        # line cannot be mistaken for them.
        self.send("printf '\\n@%%s@\\n' BEGIN%d; %s; printf '\\n@%%s@\\n' "
                  "\"END%d-$?\"\n" % (n, cmd, n))
        end = re.compile(r"\n@BEGIN%d@\n(.*?)\n?@END%d-(\d+)@\n" % (n, n), re.S)
        start = time.monotonic()
        while True:
            m = end.search(self.text)
            if m:
                self.text = self.text[m.end():]
                status, out = int(m.group(2)), m.group(1)
                if check and status != 0:
                    raise Failure("'%s' exited with %d:\n%s" % (cmd, status, out))
                return status, out
            if time.monotonic() - start > timeout:
                raise Failure("'%s' did not finish in %d s:\n%s"
                              % (cmd, timeout, self.text[-2000:]))
            pump_all(0.5)

    def value(self, cmd, timeout=60):
        return self.run(cmd, timeout)[1].strip()


class Monitor(Line):
    """qemu's human monitor: mouse events."""

    def command(self, cmd):
        self.send(cmd + "\n")
        pump_all(0.3)


def console_screen(sh, tty="tty1"):
    """The text of a virtual console, from /dev/vcsuN (UTF-32)."""
    n = tty[3:]
    size = sh.value("stty -F /dev/%s size" % tty).split()
    rows, cols = int(size[0]), int(size[1])
    data = base64.b64decode(sh.value("base64 -w0 /dev/vcsu%s" % n))
    chars = data.decode("utf-32-le", "replace")
    lines = [chars[i:i + cols].rstrip() for i in range(0, rows * cols, cols)]
    return "\n".join(lines)


def console_wait(sh, texts, timeout, absent=()):
    start = time.monotonic()
    while True:
        screen = console_screen(sh)
        flat = re.sub(r"[\u00a0\u202f ]+", " ", screen)
        if all(t in flat for t in texts) and not any(a in flat for a in absent):
            return time.monotonic() - start, screen
        if time.monotonic() - start > timeout:
            raise Failure("waited %.0f s for %r on tty1; the screen:\n%s"
                          % (timeout, texts, screen))
        pump_all(0.5)


def console_attrs(sh):
    """The attribute bytes of tty1's cells (/dev/vcsa1)."""
    d = base64.b64decode(sh.value("base64 -w0 /dev/vcsa1"))
    return d[0], d[1], d[5::2]


def gpm_point(sh, mon, row, col):
    """Moves qemu's mouse until gpm's pointer (a cell whose colours gpm
    swaps) is at ROW, COL of tty1.  gpm's speed (mouse units per cell)
    is not fixed, so this looks where the pointer went after each move:
    the two cells whose attributes changed are where it was and where it
    is.  Returns the position reached."""
    mon.command("mouse_move -3000 -3000")      # to the top left corner
    pos = (0, 0)
    for _ in range(120):
        if pos == (row, col):
            return pos
        dy = 0 if pos[0] == row else (8 if pos[0] < row else -8)
        dx = 0 if pos[1] == col else (8 if pos[1] < col else -8)
        rows, cols, before = console_attrs(sh)
        mon.command("mouse_move %d %d" % (dx, dy))
        _, _, after = console_attrs(sh)
        changed = [i for i in range(min(len(before), len(after)))
                   if before[i] != after[i]]
        moved = [divmod(i, cols) for i in changed if divmod(i, cols) != pos]
        if moved:
            pos = moved[0]
    raise Failure("gpm's pointer did not reach line %d, column %d (at %r)"
                  % (row + 1, col + 1, pos))


def main_pid(sh, unit):
    return int(sh.value("systemctl show -p MainPID --value %s" % unit))


def wait_new_pid(sh, unit, old, timeout):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        pid = main_pid(sh, unit)
        if pid not in (0, old):
            return pid
        pump_all(0.5)
    raise Failure("%s was not started again in %d s (MainPID %d)"
                  % (unit, timeout, old))


def probe_kvm(a):
    """'kvm' if a guest kernel runs under KVM here, else 'tcg'.  /dev/kvm
    is not enough: a nested KVM may open and then fail on the guest's
    first instructions or MSRs ("KVM internal error"), as on the
    project's own machines; so boot the kernel for a few seconds and see
    whether it gets as far as starting init."""
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        return "tcg"
    cmd = ["qemu-system-x86_64", "-nodefaults", "-no-user-config",
           "-accel", "kvm", "-cpu", "max", "-m", "256", "-display", "none",
           "-kernel", a.kernel, "-append", "console=ttyS0 panic=-1",
           "-serial", "stdio", "-no-reboot"]
    try:
        out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             timeout=20).stdout
    except subprocess.TimeoutExpired as e:
        out = e.stdout or b""
    return "kvm" if b"Run /init as init process" in out or \
        b"Kernel panic" in out else "tcg"


# -- the checks ---------------------------------------------------------

class Boot:
    def __init__(self, args):
        self.args = args
        self.results = []
        self.t0 = time.monotonic()

    def check(self, n, what, fn):
        start = time.monotonic()
        try:
            detail = fn()
            log("ok %s - %s (%.1f s%s)" % (n, what, time.monotonic() - start,
                                           "; " + detail if detail else ""))
            self.results.append(True)
        except Failure as e:
            log("not ok %s - %s\n# %s" % (n, what,
                                          str(e).replace("\n", "\n# ")))
            self.results.append(False)
            return False
        return True

    def start_qemu(self):
        a = self.args
        w = a.work
        for s in ("ttyS0.sock", "ttyS1.sock", "mon.sock"):
            if os.path.exists(os.path.join(w, s)):
                os.unlink(os.path.join(w, s))
        self.accel = a.accel if a.accel != "auto" else probe_kvm(a)
        accel = ["-accel", self.accel]
        cmd = ["qemu-system-x86_64", "-nodefaults", "-no-user-config",
               "-machine", "pc", "-m", "512", "-smp", "2", *accel,
               "-display", "none", "-vga", "std",
               "-kernel", a.kernel, "-initrd", a.initrd,
               "-append", "root=/dev/vda rw console=ttyS1 quiet panic=-1"
                          " systemd.show_status=0",
               "-drive", "file=%s,format=raw,if=virtio" % a.image,
               "-chardev", "socket,id=s0,path=%s/ttyS0.sock,server=on,wait=off" % w,
               "-serial", "chardev:s0",
               "-chardev", "socket,id=s1,path=%s/ttyS1.sock,server=on,wait=off" % w,
               "-serial", "chardev:s1",
               "-monitor", "unix:%s/mon.sock,server=on,wait=off" % w,
               "-device", "virtio-mouse-pci",
               "-nic", "none", "-no-reboot"]
        self.qemu_log = open(os.path.join(w, "qemu.log"), "w")
        self.qemu = subprocess.Popen(cmd, stdout=self.qemu_log,
                                     stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        self.serial = Serial(os.path.join(w, "ttyS0.sock"), deadline)
        self.sh = Shell(os.path.join(w, "ttyS1.sock"), deadline)
        self.mon = Monitor(os.path.join(w, "mon.sock"), deadline)
        pump_all(1.0)
        # qemu's PS/2 mouse, which this kernel has no driver for, must not
        # take the events: the virtio mouse, the last added, is #3 or so.
        self.mon.command("info mice")
        pump_all(1.0)
        m = re.findall(r"Mouse #(\d+): QEMU Virtio Mouse",
                       self.mon.raw.decode("utf-8", "replace"))
        if m:
            self.mon.command("mouse_set %s" % m[-1])

    def stop_qemu(self):
        if self.qemu.poll() is None:
            self.qemu.terminate()
            try:
                self.qemu.wait(10)
            except subprocess.TimeoutExpired:
                self.qemu.kill()
                self.qemu.wait()
        self.qemu_log.close()
        with open(os.path.join(self.args.work, "ttyS0.raw"), "wb") as f:
            f.write(bytes(self.serial.raw))
        with open(os.path.join(self.args.work, "ttyS1.log"), "w") as f:
            f.write(self.sh.text)

    def run(self):
        a = self.args
        self.start_qemu()
        log("# qemu started (accelerator: %s)" % self.accel)
        u0, u1 = "mesokiosk@ttyS0.service", "mesokiosk@tty1.service"
        sh, serial = self.sh, self.serial

        def boot_shell():
            t = sh.wait_prompt(a.timeout)
            return "root shell after %.0f s" % (time.monotonic() - self.t0)

        if not self.check(0, "the control console has a root shell", boot_shell):
            return self.finish()

        def attract():
            # The time limit counts from qemu's start.
            left = a.timeout - (time.monotonic() - self.t0)
            serial.wait_for([ATTRACT_FR, ATTRACT, LANGUAGE_FR], max(left, 1))
            pid = main_pid(sh, u0)
            env = sh.value("tr '\\0' '\\n' < /proc/%d/environ | grep -E '^(TERM|LANG)='"
                           " | sort | tr '\\n' ' '" % pid)
            if "TERM=vt220" not in env:
                raise Failure("the kiosk's TERM is not systemd's vt220: %s" % env)
            creds = sh.value("tr '\\0' '\\n' < /proc/%d/environ | grep -c"
                             " CREDENTIALS_DIRECTORY || true" % pid)
            return ("attract screen %.0f s after qemu started; %s; no PIN"
                    " credential yet, and the unit started (%s)"
                    % (time.monotonic() - self.t0, env.strip(),
                       "credentials directory set" if creds == "1" else
                       "no credentials directory"))

        self.check(1, "the attract screen arrives on ttyS0 as a vt220 shows it",
                   attract)

        def french_warnings():
            serial.send("\r")                   # the first language: French
            serial.wait_for([HOME_FR], 30)
            serial.send("!")                    # the warning signs
            t = serial.wait_for([WARNING_TITLE_FR, WARNING_BODY_FR], 30,
                                absent=[HOME_FR])
            return "warning signs in French"

        self.check(2, "keys on the line choose French and open the warning"
                   " signs", french_warnings)

        def kill_restart():
            old = main_pid(sh, u0)
            sh.run("systemctl kill -s KILL %s" % u0)
            new = wait_new_pid(sh, u0, old, 60)
            serial.wait_for([ATTRACT_FR, ATTRACT], 60, absent=[WARNING_BODY_FR])
            restarts = sh.value("systemctl show -p NRestarts --value %s" % u0)
            return "PID %d killed, PID %d shows the attract screen; NRestarts=%s" % (
                old, new, restarts)

        self.check(3, "systemctl kill -s KILL: systemd starts the kiosk again"
                   " and the attract screen comes back", kill_restart)

        def reload():
            serial.send("\r")
            serial.wait_for([HOME_FR], 30)
            serial.send("!")
            serial.wait_for([WARNING_TITLE_FR, WARNING_BODY_FR], 30)
            pid = main_pid(sh, u0)
            sh.run("mkdir -p /etc/mesokiosk/fr && sed 's/^title: .*/title: \"%s\"/'"
                   " /usr/share/mesokiosk/content/fr/signes-alerte.yaml"
                   " > /etc/mesokiosk/fr/signes-alerte.yaml" % CHANGED_TITLE)
            sh.run("mesokiosk --check > /dev/null")
            sh.run("systemctl reload %s" % u0)
            serial.wait_for([CHANGED_TITLE], 30)
            if main_pid(sh, u0) != pid:
                raise Failure("the kiosk was restarted, not reloaded")
            return "the changed title shows, same PID %d" % pid

        self.check(4, "systemctl reload: a page changed in /etc/mesokiosk"
                   " shows up", reload)

        def read_only():
            pid = main_pid(sh, u0)
            prot = sh.value("systemctl show -p ProtectSystem --value %s" % u0)
            if prot != "strict":
                raise Failure("ProtectSystem=%s" % prot)
            opts = sh.value("awk '$5 == \"/\" { print $6 }' /proc/%d/mountinfo" % pid)
            if not opts.startswith("ro"):
                raise Failure("the kiosk's / is mounted %s" % opts)
            for path in ("/etc/mesokiosk/x", "/usr/share/mesokiosk/x", "/var/lib/x"):
                st, out = sh.run("nsenter -t %d -m touch %s 2>&1" % (pid, path),
                                 check=False)
                if st == 0 or "Read-only" not in out:
                    raise Failure("in the kiosk's mounts, touch %s: %s" % (path, out))
            if sh.value("systemctl is-active %s" % u0) != "active":
                raise Failure("the kiosk is not running")
            # What the kiosk itself logged, warnings and worse.
            own = sh.value("journalctl -b --no-pager -o cat -p warning"
                           " _SYSTEMD_UNIT=%s + _SYSTEMD_UNIT=%s" % (u0, u1))
            if own and "No entries" not in own:
                raise Failure("the kiosk logged:\n%s" % own)
            errs = sh.value("journalctl -b --no-pager -o cat -p err"
                            " | grep -i mesokiosk || true")
            if errs:
                raise Failure("errors about the kiosk in the journal:\n%s" % errs)
            sys_kill = sh.value("journalctl -b --no-pager -o short"
                                " | grep -E 'status=31/SYS|type=1326|seccomp' || true")
            if sys_kill:
                raise Failure("the system-call filter stopped the kiosk:\n%s" % sys_kill)
            sec = sh.value("systemd-analyze security --no-pager %s | tail -n 1" % u0)
            m = re.search(r"exposure level for \S+: ([0-9.]+)", sec)
            if not m or float(m.group(1)) > 2.0:
                raise Failure("systemd-analyze security: %s (at most 2.0 wanted)" % sec)
            return ("ProtectSystem=strict, / is %s for it, touch fails with EROFS;"
                    " no error in the journal; systemd-analyze security: %s"
                    % (opts.split(",")[0], m.group(1)))

        self.check(5, "the root is read-only for the kiosk, which runs, and"
                   " the journal holds no error from it", read_only)

        self.check(6, "the console font of the large-text feature on tty1",
                   lambda: check_console_font(self))

        def credential():
            sh.run("mkdir -p /etc/credstore && install -m 600 /dev/null"
                   " /etc/credstore/mesokiosk.staff_pin && printf '%%s\\n' '%s'"
                   " > /etc/credstore/mesokiosk.staff_pin" % a.pin_hash)
            sh.run("! grep -q '^staff_pin' /etc/mesokiosk/kiosk.yaml"
                   " /usr/share/mesokiosk/content/kiosk.yaml")
            old = main_pid(sh, u0)
            sh.run("systemctl restart %s" % u0)
            wait_new_pid(sh, u0, old, 60)
            serial.wait_for([ATTRACT_FR], 60, absent=[CHANGED_TITLE])
            serial.send("\x0b")                 # Ctrl-K
            serial.wait_for([PIN_SCREEN_FR], 30)
            serial.send(a.pin + "\r")
            serial.wait_for([STAFF_MENU_FR], 30)
            mode = sh.value("stat -c %a /etc/credstore/mesokiosk.staff_pin")
            return "PIN %s accepted from the credential (file mode %s)" % (a.pin, mode)

        self.check(7, "the staff PIN's hash comes from the systemd credential",
                   credential)

        def gpm_mouse():
            t, _ = console_wait(sh, [ATTRACT_FR, LANGUAGE_FR], 60)
            if sh.value("systemctl is-active gpm.service") != "active":
                raise Failure("gpm is not running")
            owner = sh.value("stat -c %u /dev/tty1")
            kiosk_uid = sh.value("stat -c %%u /proc/%d" % main_pid(sh, u1))
            if owner != kiosk_uid:
                raise Failure("/dev/tty1 is owned by %s, the kiosk runs as %s"
                              % (owner, kiosk_uid))
            lines = console_screen(sh).split("\n")
            row = next(i for i, l in enumerate(lines) if LANGUAGE_FR in l)
            col = lines[row].index(LANGUAGE_FR) + 2
            at = gpm_point(sh, self.mon, row, col)
            self.gpm_at = at
            return ("gpm's pointer follows qemu's mouse on tty1 to line %d,"
                    " column %d, with the kiosk running there; tty1 is owned"
                    " by the kiosk's user (%s)" % (at[0] + 1, at[1] + 1, owner))

        if self.check(8, "gpm: the console mouse on tty1, where the kiosk"
                      " runs", gpm_mouse):
            # Known problem, not yet a failure: the click does not reach
            # the kiosk (see README: "Known problems").
            self.mon.command("mouse_button 1")
            self.mon.command("mouse_button 0")
            try:
                console_wait(sh, [HOME_FR], 15, absent=[ATTRACT_FR])
                log("ok 9 - gpm: a click on 'Français' chooses French on tty1")
            except Failure:
                # Why: wake the kiosk's loop up (SIGUSR1, by a reload) and
                # see whether the click, waiting in gpm's socket, is read.
                why = "the click does not reach the kiosk"
                sh.run("systemctl reload %s" % u1)
                try:
                    console_wait(sh, [HOME_FR], 15, absent=[ATTRACT_FR])
                    why = ("the click is read only when the loop wakes up for"
                           " something else (here a reload): its poll() does"
                           " not watch gpm's socket")
                except Failure:
                    pass
                log("not ok 9 - gpm: a click on 'Français' chooses French on"
                    " tty1 # TODO %s" % why)
        return self.finish()

    def finish(self):
        if not all(self.results):
            try:
                st, out = self.sh.run("journalctl -b --no-pager -o short -n 60", 30,
                                      check=False)
                log("# the journal's last lines:\n# " + out.replace("\n", "\n# "))
            except Failure:
                pass
        self.stop_qemu()
        passed = sum(self.results)
        log("# boot test: %d of %d checks passed in %.0f s (accelerator: %s)"
            % (passed, len(self.results), time.monotonic() - self.t0, self.accel))
        return 0 if all(self.results) and len(self.results) == 9 else 1


def check_console_font(boot):
    """The large-text feature (mesokiosk(1), LARGE TEXT) on the real Linux
    console: with the kiosk on tty1 stopped, mesokiosk --check-console on
    tty1 loads each larger Terminus font through the kernel's font
    interface, checks that the cells grew, and gives the console its own
    font back, byte for byte; then the kiosk starts again.  It needs a
    console that can change fonts: fbcon (qemu's std VGA with the bochs DRM
    driver of the full kernel), not the dummy console of -nographic."""
    sh = boot.sh
    unit = "mesokiosk@tty1.service"
    sh.run("systemctl stop %s" % unit, 60)
    try:
        # (exit $st): the status for run(), without leaving the shell.
        st, out = sh.run("mesokiosk --check-console </dev/tty1 >/dev/tty1"
                         " 2>/tmp/check-console.log; st=$?;"
                         " cat /tmp/check-console.log; (exit $st)", 120,
                         check=False)
    finally:
        sh.run("systemctl start %s" % unit, 60)
    lines = [l for l in out.strip().split("\n") if l.strip()]
    if st == 77:
        raise Failure("tty1 cannot change its font (no fbcon?):\n%s" % out)
    if st != 0 or not lines or lines[-1].strip() != "console: OK":
        raise Failure("mesokiosk --check-console on tty1 exited with %d:\n%s"
                      % (st, out))
    # "console: 80x25 cells of 8x16 pixels", a line per size, "restore: ..."
    return "tty1: " + "; ".join(l.strip() for l in lines[:-1])


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--image", required=True)
    p.add_argument("--kernel", required=True)
    p.add_argument("--initrd", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--accel", default="auto", choices=["auto", "kvm", "tcg"])
    p.add_argument("--timeout", type=float, default=300,
                   help="seconds from qemu's start to the attract screen")
    p.add_argument("--pin", default="2468")
    p.add_argument("--pin-hash", required=True)
    p.add_argument("--mouse-scale", type=int, default=1)
    args = p.parse_args()
    boot = Boot(args)
    try:
        status = boot.run()
    finally:
        if getattr(boot, "qemu", None) is not None and boot.qemu.poll() is None:
            boot.qemu.kill()
            boot.qemu.wait()
    sys.exit(status)


if __name__ == "__main__":
    main()
