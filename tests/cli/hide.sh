#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# hide: a clinic hides a shipped page without breaking the shipped pages:
# links to it are left out, the menu skips it, --check faults no shipped
# file for it, and the warning-signs page cannot be hidden.
. "$srcdir/tests/lib.sh"

export MESOKIOSK_DATADIR="$srcdir/content"
mkdir -p "$tmp/clinic"
cat > "$tmp/clinic/kiosk.yaml" <<'YAML'
clinic:
  phone: "01 02 03 04 05"
hide: [praticien]
YAML

# The shipped pages link to it: nothing is reported for it.
kiosk_env "$MESOKIOSK" --content "$tmp/clinic" --check > "$tmp/out" 2>&1 \
  || { cat "$tmp/out" >&2; fail_ "--check fails because of a hidden page"; }
grep -q "praticien" "$tmp/out" && { cat "$tmp/out" >&2; fail_ "--check speaks of the hidden page"; }
grep -qx "No problems found in 20 pages." "$tmp/out" \
  || { cat "$tmp/out" >&2; fail_ "summary"; }

# The pages that link to it show no link to it, nor its id.
for lang in fr en; do
  kiosk_env "$MESOKIOSK" --content "$tmp/clinic" --dump mesotherapie \
    --lang $lang > "$tmp/out" || fail_ "--dump $lang"
  grep -q "praticien\|[Cc]hoisir\|[Cc]hoosing" "$tmp/out" \
    && { cat "$tmp/out" >&2; fail_ "a link to the hidden page ($lang)"; }
  grep -q "→" "$tmp/out" || fail_ "the other links went too ($lang)"
done
# Unhidden, the same page links to it (the test sees what it means to).
kiosk_env "$MESOKIOSK" --dump mesotherapie --lang en | grep -q "→ Choosing" \
  || fail_ "the shipped page has no link to praticien"
# It cannot be opened.
kiosk_env "$MESOKIOSK" --content "$tmp/clinic" --dump praticien --lang fr \
  > /dev/null 2>&1 && fail_ "the hidden page can still be dumped"

# The warning-signs page cannot be hidden: an error at the clinic's line,
# and the page is still there.
cat > "$tmp/clinic/kiosk.yaml" <<'YAML'
clinic:
  phone: "01 02 03 04 05"
hide:
  - praticien
  - signes-alerte
YAML
kiosk_env "$MESOKIOSK" --content "$tmp/clinic" --check > "$tmp/out" 2>&1 \
  && fail_ "hiding the warning page is not an error"
grep -q "^$tmp/clinic/kiosk.yaml:5:5: error: the warning-signs page 'signes-alerte' cannot be hidden" \
  "$tmp/out" || { cat "$tmp/out" >&2; fail_ "no error at the clinic's line"; }
[ "$(grep -c ': error: ' "$tmp/out")" = 1 ] || { cat "$tmp/out" >&2; fail_ "other errors"; }
kiosk_env "$MESOKIOSK" --content "$tmp/clinic" --dump signes-alerte --lang fr \
  | grep -q "15" || fail_ "the warning page is gone"
LANGUAGE_=fr kiosk_env "$MESOKIOSK" --content "$tmp/clinic" \
  --check 2>&1 | grep -q "ne peut pas être masquée" || fail_ "not in French"

# A clinic file that lists a page in its menu and hides it is told.
cat > "$tmp/clinic/kiosk.yaml" <<'YAML'
clinic:
  phone: "01 02 03 04 05"
hide: [praticien]
menu: [signes-alerte, praticien]
YAML
kiosk_env "$MESOKIOSK" --content "$tmp/clinic" --check > "$tmp/out" 2>&1
grep -q "^$tmp/clinic/kiosk.yaml:4:23: warning: the menu lists 'praticien', which is hidden" \
  "$tmp/out" || { cat "$tmp/out" >&2; fail_ "no warning for the clinic's own menu"; }
exit 0
