#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# A language the kiosk does not ship, added by a clinic in its own
# directory: a catalog compiled from a .po (locale/pl/LC_MESSAGES/
# mesokiosk.mo) and one page.  The language screen offers it by the name
# its catalog gives; the interface speaks it, plurals included; a page
# missing in it is shown in the fallback language (English here, not the
# default French), with the notice.
. "$srcdir/tests/screen/lib.sh"

command -v msgfmt >/dev/null 2>&1 || skip_ "no msgfmt"
clinic=$tmp/clinic
mkdir -p "$clinic/locale/pl/LC_MESSAGES" "$clinic/pl"
cat > "$clinic/kiosk.yaml" <<'YAML'
languages: [fr, en, pl]
fallback_language: en
YAML
cat > "$clinic/pl/apres-seance.yaml" <<'YAML'
id: apres-seance
title: Po zabiegu
summary: Co jest normalne w kolejnych dniach.
review:
  by: Dr Test
  date: 2026-11-01
  next: 2027-11-01
sources: []
blocks:
  - heading: Co jest normalne
  - text: Zimny okład pomaga.
YAML
cat > "$tmp/pl.po" <<'EOF'
msgid ""
msgstr ""
"Project-Id-Version: mesokiosk clinic\n"
"PO-Revision-Date: 2026-12-01 00:00+0000\n"
"Last-Translator: the clinic\n"
"Language-Team: none\n"
"Language: pl\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgctxt "this language"
msgid "English"
msgstr "Polski"

msgid "Choose your language"
msgstr "Wybierz język"

msgid "Mesotherapy: information for patients"
msgstr "Mezoterapia: informacje dla pacjentów"

msgctxt "button"
msgid "Back"
msgstr "Wstecz"

msgid "English"
msgstr "angielski"

msgid "This page is not available in %s yet; it is shown in %s."
msgstr "Tej strony nie ma jeszcze w języku: %s; jest pokazana w języku: %s."

msgid "Still there?"
msgstr "Jesteś tam?"

msgid "Starting again in %u second."
msgid_plural "Starting again in %u seconds."
msgstr[0] "Nowa wizyta za %u sekundę."
msgstr[1] "Nowa wizyta za %u sekundy."
msgstr[2] "Nowa wizyta za %u sekund."
EOF
msgfmt -c -o "$clinic/locale/pl/LC_MESSAGES/mesokiosk.mo" "$tmp/pl.po" \
  || framework_failure_ "msgfmt"

DATADIR_=$srcdir/tests/content-good
start_kiosk --content "$clinic" --kiosk --idle 8
wait_for "Polski"
expect_screen "Français" "English"
send Space
wait_for "Wybierz język"

send Down Down Enter
wait_for "Mezoterapia: informacje dla pacjentów"
# The menu: the Polish page, and the others in English, the fallback.
expect_screen "Po zabiegu" "Warning signs" "An example page"
refuse_screen "Signes d'alerte" "Une page d'exemple"

# The Polish page, with the clinic's word on the button.
send Down Enter
wait_for "Zimny okład pomaga."
expect_screen "Wstecz"
send BSpace
wait_for "Mezoterapia: informacje dla pacjentów"

# Missing in Polish: English, with the notice in Polish (the entry after
# the one just read: Back left it selected).
send Down Enter
wait_for "Tej strony nie ma jeszcze w języku: Polski; jest pokazana w"
expect_screen "angielski." "Section heading" "Wstecz"
refuse_screen "Titre de section"

# No input now: the countdown speaks Polish, with its plural forms.
wait_for "Jesteś tam?"
wait_for "Nowa wizyta za 2 sekundy."
wait_for "Nowa wizyta za 1 sekundę."
# A new visit: the attract screen offers Polish by its name again.
wait_trace "idle-reset"
wait_for "Polski"
exit 0
