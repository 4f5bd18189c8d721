#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
# A third language added by a clinic: a directory of pages plus a catalog.
# A page missing in it is shown in the default language, with a notice,
# never as an empty screen.
. "$srcdir/tests/screen/lib.sh"

[ -n "${MESOKIOSK_LOCALEDIR:-}" ] && [ -f "$MESOKIOSK_LOCALEDIR/de/LC_MESSAGES/mesokiosk.mo" ] \
  || skip_ "the test catalogs are not built"
DATADIR_=$srcdir/tests/content-good
start_kiosk --content "$srcdir/tests/content-lang3"
wait_for "Deutsch"
expect_screen "Français" "English"
send Down Down Enter
wait_for "Mesotherapie: Informationen für Patienten"
expect_screen "Warnzeichen" "Nach der Sitzung" "Une page d'exemple" "Zurück"

# Translated page.
send Down Enter
wait_for "Was in den folgenden Tagen normal ist."
send BSpace
wait_for "Mesotherapie: Informationen für Patienten"

# Missing in German: French, with a notice in German.
send Down Enter
wait_for "Diese Seite gibt es noch nicht auf Deutsch; sie wird auf"
expect_screen "Französisch" "gezeigt." "Une page d'exemple" "Titre de section"

# The warning signs in German, with the clinic's numbers.
send '!'
wait_for "Rufen Sie sofort die 15 an"
send F10
[ "$(wait_exit)" = 0 ] || fail_ "bad exit status"
