# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# tests/screen/lib.sh -- drive the real binary in tmux (tmux regress/ style).
# Each test gets a private tmux server (fresh -L name), an 80x24 window
# unless it says otherwise, and a pinned environment.  We never sleep
# blindly: wait_for polls capture-pane until the text shows, and
# wait_trace polls the program's test trace (MESOKIOSK_TRACE).

. "$srcdir/tests/lib.sh"

command -v tmux >/dev/null 2>&1 || skip_ "tmux is not installed"

sock="mk-test-$$-$test_name"
# At the end the program is stopped before its terminal goes away: the
# hangup sends SIGCONT along with SIGHUP, which can race the sanitizers'
# leak check at exit (it stops the process to read its memory) and leave
# it spinning on a core, slowing every test after it.  What is still there
# after 10 s is killed, with its children (the leak checker's tracer).
stop_kiosk_ () {
  _pid=$(sed -n 's/^start pid=//p' "$trace" 2>/dev/null | tail -n 1)
  [ -n "$_pid" ] && kill -0 "$_pid" 2>/dev/null || return 0
  kill -TERM "$_pid" 2>/dev/null
  _i=0
  while kill -0 "$_pid" 2>/dev/null && [ $_i -lt 100 ]; do
    sleep 0.1
    _i=$((_i + 1))
  done
  if kill -0 "$_pid" 2>/dev/null; then
    pkill -KILL -P "$_pid" 2>/dev/null
    kill -KILL "$_pid" 2>/dev/null
  fi
  return 0
}
at_exit 'stop_kiosk_; tmux -L "$sock" kill-server 2>/dev/null'
trace="$tmp/trace"
: > "$trace"

tmux_ () { tmux -L "$sock" -f /dev/null "$@"; }

# start_kiosk [ARG...]: starts mesokiosk in a new session.  COLS_, ROWS_,
# TERM_ (default screen: what tmux itself is, so that tmux's key
# sequences are the ones the program expects), LANG_ (default C.UTF-8),
# LANGUAGE_ and DATADIR_ pin the rest.
start_kiosk () {
  cmd="stty -a > '$tmp/stty-before' 2>&1;"
  cmd="$cmd env -i PATH='$PATH' HOME='$tmp' TERM='${TERM_:-screen}'"
  cmd="$cmd LANG='${LANG_:-C.UTF-8}' LANGUAGE='${LANGUAGE_:-}'"
  cmd="$cmd MESOKIOSK_DATADIR='${DATADIR_:-$srcdir/content}'"
  cmd="$cmd MESOKIOSK_LOCALEDIR='${MESOKIOSK_LOCALEDIR:-}'"
  cmd="$cmd MESOKIOSK_CLINICDIR='${MESOKIOSK_CLINICDIR:-}'"
  cmd="$cmd MESOKIOSK_TRACE='$trace'"
  # Speech: the build's helper, into nothing unless SPEAK_OUTPUT_ says
  # (wav:DIR); or the test log (SPEECH_LOG_, SPEECH_PACE_ milliseconds an
  # utterance).
  cmd="$cmd MESOKIOSK_SPEAK='${MESOKIOSK_SPEAK:-}'"
  cmd="$cmd MESOKIOSK_SPEAK_OUTPUT='${SPEAK_OUTPUT_:-null}'"
  if [ -n "${SPEECH_LOG_:-}" ]; then
    cmd="$cmd MESOKIOSK_SPEECH_LOG='$SPEECH_LOG_'"
    cmd="$cmd MESOKIOSK_SPEECH_PACE='${SPEECH_PACE_:-0}'"
  fi
  # The sanitizer build's options (suppressions) reach the program too.
  for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
    eval "val=\${$v:-}"
    if [ -n "$val" ]; then cmd="$cmd $v='$val'"; fi
  done
  cmd="$cmd ${MESOKIOSK_VALGRIND:-} '$MESOKIOSK'"
  for a in "$@"; do cmd="$cmd '$a'"; done
  # The terminal modes are saved before the exit status, which tests
  # wait for.
  cmd="$cmd 2>'$tmp/stderr'; st=\$?; stty -a > '$tmp/stty-after' 2>&1;"
  cmd="$cmd echo \$st > '$tmp/exit'; sleep 600"
  tmux_ new-session -d -x "${COLS_:-80}" -y "${ROWS_:-24}" "$cmd" \
    || framework_failure_ "tmux cannot start"
  wait_trace "^[0-9.]+ frame 1 "
}

screen () { tmux_ capture-pane -p; }

show_screen () {
  echo "---- screen ----" >&2
  screen >&2
  echo "---- trace (tail) ----" >&2
  tail -n 5 "$trace" >&2
  if [ -s "$tmp/stderr" ]; then
    echo "---- stderr ----" >&2
    cat "$tmp/stderr" >&2
  fi
}

# How long to wait for anything, in tenths of a second (slow under
# valgrind).
patience=${MESOKIOSK_PATIENCE:-100}

# wait_for TEXT: waits until TEXT is on the screen.
wait_for () {
  _lib_i=0
  while [ $_lib_i -lt $patience ]; do
    screen | grep -F -q -- "$1" && return 0
    sleep 0.1
    _lib_i=$((_lib_i + 1))
  done
  show_screen
  fail_ "'$1' never showed"
}

# wait_gone TEXT: waits until TEXT is no longer on the screen.
wait_gone () {
  _lib_i=0
  while [ $_lib_i -lt $patience ]; do
    screen | grep -F -q -- "$1" || return 0
    sleep 0.1
    _lib_i=$((_lib_i + 1))
  done
  show_screen
  fail_ "'$1' never went away"
}

# wait_trace PATTERN: waits until the trace has a line matching PATTERN.
wait_trace () {
  _lib_i=0
  while [ $_lib_i -lt $patience ]; do
    grep -E -q -- "$1" "$trace" 2>/dev/null && return 0
    sleep 0.1
    _lib_i=$((_lib_i + 1))
  done
  show_screen
  fail_ "trace never showed '$1'"
}

# wait_frame ERE: waits until the frame on the screen matches ERE: the
# last one drawn after the last input event, or before it if that event
# was ignored (it draws nothing).
wait_frame () {
  _lib_i=0
  while [ $_lib_i -lt $patience ]; do
    awk -v re="$1" '/^[0-9.]+ event [0-9]+ / && !/ ignored/ { f = "" }
      /^[0-9.]+ frame [0-9]+ / { f = $0 }
      END { exit !(f != "" && f ~ re) }' "$trace" 2>/dev/null && return 0
    sleep 0.1
    _lib_i=$((_lib_i + 1))
  done
  show_screen
  fail_ "no frame after the last event matched '$1'"
}

# events: the number of the last input event the program has handled.
events () {
  _lib_n=$(sed -n 's/^[0-9.]* event \([0-9]*\) .*/\1/p' "$trace" | tail -n 1)
  echo "${_lib_n:-0}"
}

# send KEY...: sends keys, then waits until the program has handled them
# (one event per key) and drawn.
send () {
  _lib_before=$(events)
  tmux_ send-keys "$@"
  _lib_want=$((_lib_before + $#))
  wait_trace "^[0-9.]+ event $_lib_want "
}

# send_literal TEXT: types TEXT (each character is one event).
send_literal () {
  _lib_before=$(events)
  tmux_ send-keys -l -- "$1"
  _lib_want=$((_lib_before + ${#1}))
  wait_trace "^[0-9.]+ event $_lib_want "
}

# expect_screen TEXT...: every TEXT must be on the screen, together.  It
# polls like wait_for: the text waited for before may be the first line
# of a frame whose last lines are still on their way (a frame can take
# several writes, and many under valgrind).
expect_screen () {
  _lib_i=0
  while :; do
    s=$(screen)
    _lib_missing=
    for t in "$@"; do
      printf '%s\n' "$s" | grep -F -q -- "$t" || { _lib_missing=$t; break; }
    done
    [ -z "$_lib_missing" ] && return 0
    [ $_lib_i -ge "$patience" ] && break
    sleep 0.1
    _lib_i=$((_lib_i + 1))
  done
  show_screen
  fail_ "'$_lib_missing' is not on the screen"
}

# refuse_screen TEXT...: no TEXT may be on the screen now.
refuse_screen () {
  s=$(screen)
  for t in "$@"; do
    if printf '%s\n' "$s" | grep -F -q -- "$t"; then
      show_screen; fail_ "'$t' should not be on the screen"
    fi
  done
}

# wait_exit: waits until the program ends; prints its exit status.
wait_exit () {
  _lib_i=0
  while [ $_lib_i -lt $patience ]; do
    [ -s "$tmp/exit" ] && { cat "$tmp/exit"; return 0; }
    sleep 0.1
    _lib_i=$((_lib_i + 1))
  done
  show_screen
  fail_ "the program did not exit"
}

# last_frame: the last frame line of the trace.
last_frame () { grep '^[0-9.]* frame ' "$trace" | tail -n 1; }

# kiosk_pid: the pid of the program (from the trace).
kiosk_pid () { sed -n 's/^start pid=//p' "$trace" | head -n 1; }

# open_example_page: from the attract screen of tests/content-good, a
# patient's way to its example page, in English.
open_example_page () {
  wait_for "Touch the screen or press a key"
  send Space
  wait_for "Choose your language"
  send Down Enter
  wait_for "Mesotherapy: information for patients"
  send Down Down Enter
  wait_for "An example page"
}

# reset_on_time SECONDS [WHAT]: the idle reset comes SECONDS (less 0.1, or
# up to 0.6 more) after the last input event, and the attract screen with
# it; WHAT starts the failure's message.
reset_on_time () {
  _lib_last=$(grep '^[0-9.]* event' "$trace" | tail -n 1 | cut -d' ' -f1)
  wait_trace "idle-reset"
  _lib_reset=$(trace_time 'idle-reset')
  awk -v a="$_lib_last" -v b="$_lib_reset" -v s="$1" \
    'BEGIN { d = b - a; exit !(d >= s - 0.1 && d <= s + 0.6) }' \
    || fail_ "${2:-}reset after $_lib_last -> $_lib_reset, expected $1 s"
  wait_for "Touch the screen or press a key"
}

# term_obeyed [WHAT]: SIGTERM ends the program within a second, with
# status 0; WHAT starts the failure's message.
term_obeyed () {
  kill -TERM "$(kiosk_pid)"
  _lib_i=0
  until [ -s "$tmp/exit" ]; do
    [ $_lib_i -ge 10 ] && { show_screen; fail_ "${1:-}SIGTERM not obeyed within 1 s"; }
    sleep 0.1
    _lib_i=$((_lib_i + 1))
  done
  [ "$(cat "$tmp/exit")" = 0 ] || fail_ "${1:-}exit status $(cat "$tmp/exit")"
}

# make_clinic DIR [KEY: VALUE]...: a clinic layer whose kiosk.yaml holds
# the given settings lines.
make_clinic () {
  d=$1; shift
  mkdir -p "$d"
  : > "$d/kiosk.yaml"
  for l in "$@"; do printf '%s\n' "$l" >> "$d/kiosk.yaml"; done
}

# trace_time PATTERN: the time stamp of the first trace line matching.
trace_time () { grep -E -- "$1" "$trace" | head -n 1 | cut -d' ' -f1; }

# click ROW COL [BUTTON]: a mouse press at the 1-based ROW and COL, in the
# X10 encoding of TERM=screen (BUTTON 0 is the left button, 64 the wheel
# up, 65 the wheel down), then its release.
click () {
  b=${3:-0}
  tmux_ send-keys -l -- "$(printf '\033[M%b%b%b' \
    "\\0$(printf '%o' $((32 + b)))" "\\0$(printf '%o' $((32 + $2)))" \
    "\\0$(printf '%o' $((32 + $1)))")"
  if [ "$b" -lt 64 ]; then
    tmux_ send-keys -l -- "$(printf '\033[M%b%b%b' '\043' \
      "\\0$(printf '%o' $((32 + $2)))" "\\0$(printf '%o' $((32 + $1)))")"
  fi
}

# row_of TEXT: the 1-based screen row where TEXT first shows.
row_of () { screen | grep -n -F -- "$1" | head -n 1 | cut -d: -f1; }
# col_of TEXT: the 1-based column of TEXT on its row (ASCII rows only).
col_of () { screen | grep -F -- "$1" | head -n 1 | awk -v t="$1" '{ print index($0, t) }'; }

# click_text TEXT: clicks on the first character of TEXT.
click_text () {
  r=$(row_of "$1"); c=$(col_of "$1")
  [ -n "$r" ] && [ -n "$c" ] || { show_screen; fail_ "cannot click '$1': not on the screen"; }
  _lib_before=$(events)
  click "$r" "$c"
  wait_trace "^[0-9.]+ event $((_lib_before + 1)) "
}

# click_button LABEL: clicks a button of the bar, on the last row.
click_button () {
  last=$(screen | wc -l)
  c=$(screen | tail -n 1 | awk -v t="$1" '{ print index($0, t) }')
  [ "${c:-0}" -gt 0 ] || { show_screen; fail_ "no button '$1'"; }
  _lib_before=$(events)
  click "$last" "$c"
  wait_trace "^[0-9.]+ event $((_lib_before + 1)) "
}

# in_read: true if the program sits in read() on its terminal (fd 0):
# waiting there, it can neither time out a visit nor take a signal.
in_read () {
  _pid=$(kiosk_pid)
  case $(uname -m) in
    x86_64) _nr=0 ;; aarch64) _nr=63 ;; i?86) _nr=3 ;; *) return 1 ;;
  esac
  set -- $(cat "/proc/$_pid/syscall" 2>/dev/null)
  [ "${1:-}" = "$_nr" ] && [ "${2:-}" = 0x0 ]
}
