#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# SIGUSR1 reads the content again; a reload that finds errors keeps the
# previous content, and says so in the log, not on the patient's screen.
# From the staff menu, the result shows on the menu itself.
. "$srcdir/tests/screen/lib.sh"

mkdir -p "$tmp/clinic/en"
cat > "$tmp/clinic/en/apres-seance.yaml" <<'YAML'
id: apres-seance
title: After your visit
summary: First version.
blocks:
  - text: Version one.
YAML
DATADIR_=$srcdir/tests/content-good
start_kiosk --lang en --content "$tmp/clinic"
wait_for "After your visit"
# Let the kiosk read everything it has.
sleep 0.3

# A broken version: the kiosk keeps the first one.
cat > "$tmp/clinic/en/apres-seance.yaml" <<'YAML'
id: apres-seance
title: Broken
summary: [oops
YAML
kill -USR1 "$(kiosk_pid)"
i=0
while ! grep -q "previous content is kept" "$tmp/stderr" && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
grep -q "previous content is kept" "$tmp/stderr" || fail_ "no log of the failed reload"
grep -q "apres-seance.yaml:4:" "$tmp/stderr" || fail_ "the error is not located"
send Down Enter
wait_for "Version one."
refuse_screen "Broken" "oops" "error"

# A good version: shown after the reload, on the same screen.
cat > "$tmp/clinic/en/apres-seance.yaml" <<'YAML'
id: apres-seance
title: After your visit
summary: Second version.
blocks:
  - text: Version two.
YAML
kill -USR1 "$(kiosk_pid)"
wait_for "Version two."
grep -q "content reloaded" "$tmp/stderr" || fail_ "no log of the reload"

# Staff, from their menu (no PIN set, not a kiosk: Ctrl-K opens it): a
# broken page, then a good one; each time the menu says how it went.
cat > "$tmp/clinic/en/apres-seance.yaml" <<'YAML'
id: apres-seance
title: Broken
summary: [oops
YAML
send C-k
wait_for "Staff menu"
send Down Enter
wait_for "the previous content is kept"
expect_screen "must be a text" "Read the content again"
cat > "$tmp/clinic/en/apres-seance.yaml" <<'YAML'
id: apres-seance
title: After your visit
summary: Third version.
blocks:
  - text: Version three.
YAML
send Enter
wait_for "Content read again:"
expect_screen "pages, no errors" "Staff menu"
refuse_screen "previous content is kept"
send Escape
send Down Enter
wait_for "Version three."
send F10
[ "$(wait_exit)" = 0 ] || fail_ "bad exit status"
