#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# A clinic's own translation of the interface, in its directory:
# <dir>/locale/<lang>/LC_MESSAGES/mesokiosk.mo, compiled with msgfmt.  One
# French message changed changes only that one; --check lists the
# catalogs and says which file is broken, and goes on; fallback_language
# is checked like the other settings.
. "$srcdir/tests/lib.sh"

command -v msgfmt >/dev/null 2>&1 || skip_ "no msgfmt"
[ -n "${MESOKIOSK_LOCALEDIR:-}" ] \
  && [ -f "$MESOKIOSK_LOCALEDIR/fr/LC_MESSAGES/mesokiosk.mo" ] \
  || skip_ "the French catalog is not built"
export MESOKIOSK_DATADIR="$srcdir/tests/content-good"

# po FILE LANG: a catalog's header, then the messages of standard input.
po () {
  { printf 'msgid ""\nmsgstr ""\n'
    printf '"Project-Id-Version: mesokiosk clinic\\n"\n'
    printf '"PO-Revision-Date: 2026-12-01 00:00+0000\\n"\n'
    printf '"Last-Translator: the clinic\\n"\n'
    printf '"Language-Team: none\\n"\n'
    printf '"MIME-Version: 1.0\\n"\n'
    printf '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    printf '"Content-Transfer-Encoding: 8bit\\n"\n'
    printf '"Language: %s\\n"\n' "$2"
    printf '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
    cat; } > "$1"
}

# The shipped French, as --dump shows it (a clinic directory with nothing).
mkdir "$tmp/empty"
kiosk_env "$MESOKIOSK" --dump signes-alerte --lang fr --content "$tmp/empty" \
  > "$tmp/shipped" \
  || fail_ "--dump without a clinic catalog"
grep -q "Urgence vitale" "$tmp/shipped" && grep -q "─ Urgent ─" "$tmp/shipped" \
  || { cat "$tmp/shipped" >&2; framework_failure_ "the shipped words changed"; }

# One French message of the clinic's: the word on the urgent boxes.
mkdir -p "$tmp/clinic/locale/fr/LC_MESSAGES"
po "$tmp/fr.po" fr <<'EOF'
msgid "Urgent"
msgstr "Aujourd'hui"
EOF
msgfmt -c -o "$tmp/clinic/locale/fr/LC_MESSAGES/mesokiosk.mo" "$tmp/fr.po" \
  || framework_failure_ "msgfmt"
kiosk_env "$MESOKIOSK" --dump signes-alerte --lang fr --content "$tmp/clinic" \
  > "$tmp/clinic.out" || fail_ "--dump with a clinic catalog"
# Only that line differs: the other words are the shipped catalog's.
sed 's/─ Urgent ──────/─ Aujourd'"'"'hui ─/' "$tmp/shipped" > "$tmp/exp"
compare "$tmp/exp" "$tmp/clinic.out"

# In English, the clinic's French changes nothing.
kiosk_env "$MESOKIOSK" --dump signes-alerte --lang en --content "$tmp/empty" \
  > "$tmp/en-shipped"
kiosk_env "$MESOKIOSK" --dump signes-alerte --lang en --content "$tmp/clinic" \
  > "$tmp/en-clinic"
compare "$tmp/en-shipped" "$tmp/en-clinic"

# Two layers: the higher one's catalog wins, for the messages it has.
mkdir -p "$tmp/top/locale/fr/LC_MESSAGES"
po "$tmp/top.po" fr <<'EOF'
msgid "Emergency"
msgstr "Danger"

msgid "Urgent"
msgstr "Vite"
EOF
msgfmt -c -o "$tmp/top/locale/fr/LC_MESSAGES/mesokiosk.mo" "$tmp/top.po" \
  || framework_failure_ "msgfmt"
kiosk_env "$MESOKIOSK" --dump signes-alerte --lang fr --content "$tmp/clinic" \
  --content "$tmp/top" > "$tmp/two.out"
grep -q "═ Danger ═" "$tmp/two.out" && grep -q "─ Vite ─" "$tmp/two.out" \
  && grep -q "┄ Information ┄" "$tmp/two.out" \
  || { cat "$tmp/two.out" >&2; fail_ "the higher layer's catalog does not win"; }

# --check names the catalog it read.
(cd "$tmp" && kiosk_env "$MESOKIOSK" --check --content clinic) > "$tmp/out"
[ $? -eq 0 ] || { cat "$tmp/out" >&2; fail_ "--check with a good catalog"; }
cat > "$tmp/exp" <<'EOF'
The clinic's translation of the interface into 'fr': clinic/locale/fr/LC_MESSAGES/mesokiosk.mo (1 message).
No problems found in 6 pages.
EOF
compare "$tmp/exp" "$tmp/out"

# A broken catalog, a .po not compiled, a translation with an escape
# sequence: each is said, with its file, and the rest is still read.
mkdir -p "$tmp/clinic/locale/de/LC_MESSAGES" "$tmp/clinic/locale/es/LC_MESSAGES" \
  "$tmp/clinic/locale/it/LC_MESSAGES"
printf '# German, not compiled\nmsgid "Back"\nmsgstr "Zurück"\n' > "$tmp/clinic/locale/de/LC_MESSAGES/mesokiosk.mo"
cp "$tmp/fr.po" "$tmp/clinic/locale/es/LC_MESSAGES/mesokiosk.po"
po "$tmp/it.po" it <<'EOF'
msgid "Urgent"
msgstr "Urgente\033[2J"

msgid "Emergency"
msgstr "Emergenza"
EOF
msgfmt -o "$tmp/clinic/locale/it/LC_MESSAGES/mesokiosk.mo" "$tmp/it.po" \
  || framework_failure_ "msgfmt"
(cd "$tmp" && kiosk_env "$MESOKIOSK" --check --content clinic) > "$tmp/out"
[ $? -eq 2 ] || { cat "$tmp/out" >&2; fail_ "--check with a broken catalog: not 2"; }
cat > "$tmp/exp" <<'EOF'
clinic/locale/de/LC_MESSAGES/mesokiosk.mo: error: this translation cannot be used: it is not a compiled catalog (.mo): compile the .po file with msgfmt; the interface in 'de' uses the shipped one
clinic/locale/es/LC_MESSAGES/mesokiosk.mo: warning: there is no compiled translation here (msgfmt -o mesokiosk.mo mesokiosk.po makes it); the interface in 'es' uses the shipped one
clinic/locale/it/LC_MESSAGES/mesokiosk.mo: error: 1 translation is left out: it is not valid UTF-8, or holds a control or invisible character
The clinic's translation of the interface into 'fr': clinic/locale/fr/LC_MESSAGES/mesokiosk.mo (1 message).
The clinic's translation of the interface into 'it': clinic/locale/it/LC_MESSAGES/mesokiosk.mo (1 message).
2 errors, 1 warning in 6 pages.
EOF
compare "$tmp/exp" "$tmp/out"
# The kiosk still uses the good catalogs, and the good part of the other.
kiosk_env "$MESOKIOSK" --dump signes-alerte --lang fr --content "$tmp/clinic" \
  2> "$tmp/err" > "$tmp/clinic.out"
grep -q "─ Aujourd'hui ─" "$tmp/clinic.out" \
  || fail_ "a broken catalog beside it stops the good one"
grep -q "clinic/locale/de/LC_MESSAGES/mesokiosk.mo: error:" "$tmp/err" \
  || { cat "$tmp/err" >&2; fail_ "--dump does not say the catalog is broken"; }

# fallback_language: a language code, and one of the languages offered.
rm -r "$tmp/clinic/locale"
printf 'fallback_language: Anglais\n' > "$tmp/clinic/kiosk.yaml"
(cd "$tmp" && kiosk_env "$MESOKIOSK" --check --content clinic) > "$tmp/out"
[ $? -eq 2 ] || { cat "$tmp/out" >&2; fail_ "bad fallback_language: not 2"; }
cat > "$tmp/exp" <<'EOF'
clinic/kiosk.yaml:1:20: error: 'fallback_language': 'Anglais' is not a language code (such as fr or en); this setting is ignored
     1 | fallback_language: Anglais
       |                    ^
1 error, 0 warnings in 6 pages.
EOF
compare "$tmp/exp" "$tmp/out"
printf 'languages: [fr, en]\nfallback_language: de\n' > "$tmp/clinic/kiosk.yaml"
(cd "$tmp" && kiosk_env "$MESOKIOSK" --check --content clinic) > "$tmp/out"
[ $? -eq 2 ] || { cat "$tmp/out" >&2; fail_ "fallback_language not offered: not 2"; }
grep -qx "clinic/kiosk.yaml:2:20: error: the fallback language 'de' is not one of the languages offered; a page missing in a language is shown in the default language, 'fr'" "$tmp/out" \
  || { cat "$tmp/out" >&2; fail_ "fallback_language not offered: not said"; }
printf 'fallback_language: en\n' > "$tmp/clinic/kiosk.yaml"
(cd "$tmp" && kiosk_env "$MESOKIOSK" --check --content clinic) > "$tmp/out" \
  || { cat "$tmp/out" >&2; fail_ "a good fallback_language"; }
exit 0
