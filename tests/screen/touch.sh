#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# A patient who only touches the screen: every button is there at 80, 72,
# 60 and 40 columns in both languages (two rows rather than one missing);
# the status line's zones scroll a long page; the "Still there?" box fits
# at 40 columns, and a tap on it only takes it away.
. "$srcdir/tests/screen/lib.sh"

DATADIR_=$srcdir/content

# bar_has LABEL...: every LABEL is on the bar's rows (the screen's last
# two lines).
bar_has () {
  _bar=$(screen | tail -n 2)
  for _l in "$@"; do
    printf '%s\n' "$_bar" | grep -F -q -- "$_l" \
      || { show_screen; fail_ "${COLS_}x$ROWS_ $LANGUAGE_: no button '$_l'"; }
  done
}

round=0
for lang in fr en; do
  for cols in 80 72 60 40; do
    round=$((round + 1))
    stop_kiosk_
    tmux_ kill-server 2>/dev/null
    sock="mk-test-$$-$test_name-$round"
    : > "$trace"
    rm -f "$tmp/exit"
    COLS_=$cols ROWS_=15 start_kiosk --lang "$lang"
    if [ "$lang" = fr ]; then
      wait_for "Accueil"
      bar_has "Retour" "Accueil" "English" "Chercher" "Aide" \
        "Signes d'alerte" "Quitter"
    else
      wait_for "Home"
      bar_has "Back" "Home" "Français" "Search" "Help" "Warning signs" \
        "Quit"
    fi
    # No letter is shown as a key: letters type a search.
    screen | tail -n 2 | grep -E -q '(^| )[A-Za-z] [A-Z]' \
      && { show_screen; fail_ "a letter is shown as a key"; }
    send F10
    st=$(wait_exit)
    [ "$st" = 0 ] || { cat "$tmp/stderr" >&2; fail_ "${cols} $lang: exit status $st"; }
  done
done

# The status line's zones: "More below" is Page Down, "Up" is Page Up.
stop_kiosk_
tmux_ kill-server 2>/dev/null
sock="mk-test-$$-$test_name-zones"
: > "$trace"
rm -f "$tmp/exit"
COLS_=80 ROWS_=24 start_kiosk --lang en
send '!'
wait_frame "page=signes-alerte .*top=0 "
wait_for "More below: Page Down"
r=$(screen | grep -n -F "More below: Page Down" | cut -d: -f1)
c=$(col_of "More below: Page Down")
_before=$(events)
click "$r" "$c"
wait_trace "^[0-9.]+ event $((_before + 1)) page-down done"
wait_frame "page=signes-alerte .*top=2[0-9] "
wait_for "Up"
c=$(screen | sed -n "${r}p" | awk '{ print index($0, "↑ Up") }')
[ "${c:-0}" -gt 0 ] || { show_screen; fail_ "no Up zone"; }
_before=$(events)
click "$r" "$c"
wait_trace "^[0-9.]+ event $((_before + 1)) page-up done"
wait_frame "page=signes-alerte .*top=0 "

# "Still there?" at 40 columns: all of its words, and a tap on it only
# takes it away (the link under it is not opened).
stop_kiosk_
tmux_ kill-server 2>/dev/null
sock="mk-test-$$-$test_name-countdown"
: > "$trace"
rm -f "$tmp/exit"
COLS_=40 ROWS_=15 start_kiosk --kiosk --idle 8
send Down Enter
wait_frame "screen=1 .*lang=en "
wait_for "Still there?"
expect_screen "Touch the screen or press a" "continue." "Starting again in" "seconds."
r=$(row_of "Still there?")
_before=$(events)
click "$r" 10
wait_trace "^[0-9.]+ event $((_before + 1)) "
wait_gone "Still there?"
last_frame | grep -q "screen=1 " || fail_ "a tap on the box did more: $(last_frame)"
exit 0
