#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# A terminal that is really gone ends the kiosk at once, with status 0:
# its other end closed, without a hang-up signal (the kiosk in a session
# of its own), reads give end of file or EIO and poll() says POLLHUP.
# (tests/screen/harmless.sh checks the other side: input that means
# nothing never ends it.)
. "$srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_ "python3 is not installed"
python3 -c 'import pty' 2>/dev/null || skip_ "python3 has no pty support"

python3 - "$MESOKIOSK" "$srcdir/tests/content-good" "$tmp" \
  "${MESOKIOSK_VALGRIND:-}" <<'PY' || fail_ "the kiosk did not end when its terminal went away"
import os, pty, select, shlex, signal, sys, time
binary, data, tmp, prefix = sys.argv[1:5]
trace = os.path.join(tmp, 'trace')
status = os.path.join(tmp, 'status')
env = {'PATH': os.environ.get('PATH', '/usr/bin:/bin'), 'HOME': tmp,
       'TERM': 'screen', 'LANG': 'C.UTF-8', 'MESOKIOSK_DATADIR': data,
       'MESOKIOSK_TRACE': trace}
for k in ('ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LSAN_OPTIONS'):
    if k in os.environ:
        env[k] = os.environ[k]
patience = 300 if prefix else 20
pid, fd = pty.fork()
if pid == 0:
    # The pty's session leader stays; the kiosk runs in a session of its
    # own, so that closing the pty sends it no SIGHUP.
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    kid = os.fork()
    if kid == 0:
        os.setsid()
        argv = shlex.split(prefix) + [binary, '--kiosk']
        os.execvpe(argv[0], argv, env)
    _, st = os.waitpid(kid, 0)
    with open(status, 'w') as f:
        f.write('%d %d\n' % (os.WIFEXITED(st), os.WEXITSTATUS(st)))
    os._exit(0)
end = time.monotonic() + patience
while time.monotonic() < end:
    if select.select([fd], [], [], 0.1)[0]:
        os.read(fd, 65536)
    try:
        if ' frame 1 ' in open(trace).read():
            break
    except OSError:
        pass
else:
    print('no first frame'); sys.exit(1)
# Ends the session leader: the kiosk's terminal has no other end now.
os.close(fd)
end = time.monotonic() + patience
while time.monotonic() < end and not os.path.exists(status):
    time.sleep(0.05)
os.waitpid(pid, 0)
try:
    got = open(status).read().split()
except OSError:
    print('still running'); sys.exit(1)
if got != ['1', '0']:
    print('exit:', got); sys.exit(1)
PY
exit 0
