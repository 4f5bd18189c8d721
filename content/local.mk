# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 the mesokiosk authors
## content/local.mk: the shipped library, installed under $(pkgdatadir).
## Every content file must be listed here (tests/cli/content-list.sh checks).

contentdir = $(pkgdatadir)/content
dist_content_DATA = content/kiosk.yaml

content_frdir = $(contentdir)/fr
dist_content_fr_DATA = \
	content/fr/a-propos.yaml \
	content/fr/apres-seance.yaml \
	content/fr/avant-seance.yaml \
	content/fr/connaissances.yaml \
	content/fr/indications.yaml \
	content/fr/mesotherapie.yaml \
	content/fr/praticien.yaml \
	content/fr/produits.yaml \
	content/fr/risques.yaml \
	content/fr/seance.yaml \
	content/fr/signes-alerte.yaml

content_endir = $(contentdir)/en
dist_content_en_DATA = \
	content/en/a-propos.yaml \
	content/en/apres-seance.yaml \
	content/en/avant-seance.yaml \
	content/en/connaissances.yaml \
	content/en/indications.yaml \
	content/en/mesotherapie.yaml \
	content/en/praticien.yaml \
	content/en/produits.yaml \
	content/en/risques.yaml \
	content/en/seance.yaml \
	content/en/signes-alerte.yaml
