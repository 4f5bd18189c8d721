#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# --dump prints a page as the kiosk lays it out.
. "$srcdir/tests/lib.sh"

export MESOKIOSK_DATADIR="$srcdir/tests/content-good"
kiosk_env "$MESOKIOSK" --dump apres-seance --lang en --width 30 > "$tmp/out" \
  || fail_ "--dump failed"
cat > "$tmp/exp" <<'EOF2'
After the session
What is normal in the days
that follow.

What is normal
• Some redness that fades
  within hours.
• Small bruises.

A cold compress helps.

→ What is not normal: warning
  signs

Reviewed by Dr Test on 1
November 2026. Next review
due: 1 November 2027.
EOF2
compare "$tmp/exp" "$tmp/out"

# Placeholders come from the settings; French spacing is applied.
kiosk_env "$MESOKIOSK" --dump signes-alerte --lang fr --width 40 > "$tmp/out"
grep -q "Appelez le 15 tout de suite" "$tmp/out" || fail_ "no emergency number"
grep -q "douloureuse$(printf '\302\240'): appelez le" "$tmp/out" || fail_ "no French spacing"
nb=$(printf '\302\240')
grep -q "01${nb}02${nb}03${nb}04${nb}05" "$tmp/out" || fail_ "no clinic phone, or it can break"

# An unset clinic phone is worded in the page's language, whatever the
# language of the interface or of the environment, in words that read as
# part of the sentence; and no contact card is shown.
# (The shipped settings leave the phone unset.)
for env_lang in en fr; do
  LANGUAGE_=$env_lang MESOKIOSK_DATADIR="$srcdir/content" kiosk_env \
    "$MESOKIOSK" --dump signes-alerte --lang fr --width 200 > "$tmp/out" 2>/dev/null
  grep -q "appelez tout de suite la clinique au numéro qui vous a été donné\." "$tmp/out" \
    || { cat "$tmp/out" >&2; fail_ "LANGUAGE=$env_lang: the French page has no French wording"; }
  grep -q "▀" "$tmp/out" && fail_ "LANGUAGE=$env_lang: a contact card with no phone"
  LANGUAGE_=$env_lang MESOKIOSK_DATADIR="$srcdir/content" kiosk_env \
    "$MESOKIOSK" --dump signes-alerte --lang en --width 200 > "$tmp/out" 2>/dev/null
  grep -q "call the clinic at once on the number you were given\." "$tmp/out" \
    || fail_ "LANGUAGE=$env_lang: the English page has no English wording"
  grep -q "▀" "$tmp/out" && fail_ "LANGUAGE=$env_lang: a contact card with no phone"
done

# Plain ASCII under LANG=C.
env -i PATH="$PATH" LANG=C MESOKIOSK_DATADIR="$MESOKIOSK_DATADIR" \
  MESOKIOSK_CLINICDIR="$MESOKIOSK_CLINICDIR" \
  "$MESOKIOSK" --dump apres-seance --lang fr > "$tmp/out" || fail_ "LANG=C dump"
LC_ALL=C grep -q '[^ -~]' "$tmp/out" && fail_ "non-ASCII output under LANG=C"
grep -q "Apres la seance" "$tmp/out" || fail_ "no transliteration"

# A clinic's page without a review: marked (the default), shown as it is,
# or hidden; the warning-signs page is never hidden, only marked.
mkdir -p "$tmp/clinic/en"
cat > "$tmp/clinic/en/horaires.yaml" <<'YAML'
id: horaires
title: Opening hours
summary: When the clinic is open.
sources: []
blocks:
  - text: Monday to Friday.
YAML
sed 's/^review:/old_review:/; /^old_review:/,/^  next:/d' \
  "$srcdir/tests/content-good/en/signes-alerte.yaml" > "$tmp/clinic/en/signes-alerte.yaml"
note="The clinic has not reviewed this page yet."
for mode in mark show hide; do
  printf 'unreviewed_pages: %s\n' $mode > "$tmp/clinic/kiosk.yaml"
  kiosk_env "$MESOKIOSK" --content "$tmp/clinic" --dump horaires --lang en > "$tmp/out" 2> "$tmp/err"
  status=$?
  case $mode in
    mark) [ $status -eq 0 ] && [ "$(sed -n '4p' "$tmp/out")" = "$note" ] \
            || { cat "$tmp/out" >&2; fail_ "mark: no line above the page"; } ;;
    show) [ $status -eq 0 ] && ! grep -q "$note" "$tmp/out" \
            || { cat "$tmp/out" >&2; fail_ "show: the page is marked"; } ;;
    hide) [ $status -eq 1 ] || { cat "$tmp/out" >&2; fail_ "hide: the page is shown"; } ;;
  esac
  kiosk_env "$MESOKIOSK" --content "$tmp/clinic" --dump signes-alerte --lang en > "$tmp/out" \
    || fail_ "$mode: the warning-signs page is not shown"
  if [ $mode = show ]; then
    grep -q "$note" "$tmp/out" && fail_ "show: the warning-signs page is marked"
  else
    grep -q "$note" "$tmp/out" || fail_ "$mode: the warning-signs page is not marked"
  fi
done
# The shipped pages carry the project's review, not a mark.
kiosk_env "$MESOKIOSK" --dump apres-seance --lang en > "$tmp/out"
grep -q "$note" "$tmp/out" && fail_ "a shipped page is marked"

# A link with no label shows the title of its page, as on the screen (it
# showed the page's id).
MESOKIOSK_DATADIR="$srcdir/content" kiosk_env "$MESOKIOSK" --dump risques --lang en \
  > "$tmp/out" || fail_ "dump risques"
grep -q "Warning signs: when to call" "$tmp/out" \
  || { cat "$tmp/out" >&2; fail_ "the unlabelled link does not show its page's title"; }
grep -q "signes-alerte" "$tmp/out" && fail_ "a link shows its target's id"
MESOKIOSK_DATADIR="$srcdir/content" kiosk_env "$MESOKIOSK" --dump risques --lang fr \
  > "$tmp/out" || fail_ "dump risques"
grep -q "Signes d'alerte" "$tmp/out" || fail_ "the French link has no title"

# Missing page: status 1 and a message.
kiosk_env "$MESOKIOSK" --dump nulle-part > "$tmp/out" 2> "$tmp/err"
[ $? -eq 1 ] || fail_ "missing page: not 1"
grep -q "no page 'nulle-part'" "$tmp/err" || fail_ "missing page not named"
# Typography follows the language of the text: a French page's link to a
# page that exists only in English shows the English title without
# French spacing.
mkdir -p "$tmp/typo/fr" "$tmp/typo/en"
cat > "$tmp/typo/fr/voir-aussi.yaml" <<'YAML'
id: voir-aussi
title: "Voir aussi : les horaires"
summary: Deux liens.
blocks:
  - link: horaires
  - link: autre
YAML
cat > "$tmp/typo/fr/autre.yaml" <<'YAML'
id: autre
title: "Une autre page : en français"
summary: S.
blocks:
  - text: T.
YAML
cat > "$tmp/typo/en/horaires.yaml" <<'YAML'
id: horaires
title: "Opening hours: when to come?"
summary: S.
blocks:
  - text: T.
YAML
kiosk_env "$MESOKIOSK" --content "$tmp/typo" --dump voir-aussi --lang fr \
  > "$tmp/out" 2> "$tmp/err" || { cat "$tmp/err" "$tmp/out" >&2; fail_ "--dump voir-aussi failed"; }
grep -q "Voir aussi${nb}: les horaires" "$tmp/out" || fail_ "no French spacing in French"
grep -q "→ Opening hours: when to come?$" "$tmp/out" \
  || { cat "$tmp/out" >&2; fail_ "French spacing in an English title"; }
grep -q "→ Une autre page${nb}: en français" "$tmp/out" \
  || { cat "$tmp/out" >&2; fail_ "no French spacing in a French title"; }
exit 0
