#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# Kiosk mode: no key leaves the program (q, Ctrl-C, Ctrl-\, Ctrl-Z, Ctrl-D,
# Escape sequences, function keys, pasted garbage); signals a patient
# could cause are ignored; staff leave with Ctrl-K and the right PIN only.
. "$srcdir/tests/screen/lib.sh"

hash=$(printf '2468\n' | "$MESOKIOSK" --hash-pin | sed -n 's/^staff_pin: "\(.*\)"$/\1/p')
[ -n "$hash" ] || framework_failure_ "--hash-pin printed nothing"
make_clinic "$tmp/clinic" "staff_pin: \"$hash\""
DATADIR_=$srcdir/tests/content-good
start_kiosk --kiosk --content "$tmp/clinic"
wait_for "Touch the screen or press a key"
send Down Enter
wait_for "Mesotherapy: information for patients"

tmux_ send-keys q C-c 'C-\' C-z C-d C-s Escape F1 F10 F12 M-x
tmux_ send-keys -l -- "$(printf 'rm -rf / ; exit\033[A\033]0;pwned\007\033[6n')"
tmux_ send-keys C-q
pid=$(kiosk_pid)
for sig in INT QUIT TSTP TTIN TTOU; do kill -$sig "$pid"; done
sleep 0.2
kill -0 "$pid" || fail_ "the kiosk died"
[ -s "$tmp/exit" ] && fail_ "the kiosk exited"
# The 'q' typed opened the search box (letters search); the paste is its
# text, with none of the escape sequences.  Escape closes it.
wait_trace " event [0-9]+ type done"
wait_for "; exit"
refuse_screen "pwned" "[A" "6n"
send Escape
# Still answering, still drawing.
tmux_ send-keys Home
wait_trace " event [0-9]+ home "
wait_for "Mesotherapy: information for patients"
refuse_screen "pwned" "rm -rf"

# Staff: a wrong PIN, then the right one.
send C-k
wait_for "Staff only"
send_literal 1111
wait_for "PIN: ****_"
send Enter
wait_for "Wrong PIN."
send_literal 2468
send Enter
wait_for "Staff menu"
refuse_screen "2468"
send Down Down Enter
status=$(wait_exit)
[ "$status" = 0 ] || fail_ "exit status $status"
cmp -s "$tmp/stty-before" "$tmp/stty-after" || { diff "$tmp/stty-before" "$tmp/stty-after" >&2; fail_ "terminal modes changed"; }
exit 0
