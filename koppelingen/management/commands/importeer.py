"""``manage.py importeer``: a gemeente's existing catalogue in, as drafts."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from contenthub.models import ThemaPage
from koppelingen.importeren import BRONNEN, Importfout, importeer


class Command(BaseCommand):
    help = (
        "Importeert producten uit een bestaande catalogus als concepten van één "
        "gemeente: een export van de SDG-invoervoorziening (--bron sdg), "
        "producttypen uit Open Product (--bron open-product) of opgeslagen pagina's "
        "van de huidige website (--bron html: .html-bestanden, of een sitemap .xml of "
        "adressenlijst .txt naast de opgeslagen pagina's). Niets komt live: elk "
        "product gaat pas live na de publicatiecontrole. Een tweede keer importeren "
        "werkt dezelfde concepten bij en laat het werk van redacteuren staan. "
        "Het verslag noemt per product wat is aangemaakt, bijgewerkt of overgeslagen "
        "(met de reden), wat is gegokt en het advies van de taal- en WCAG-controle."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("bestanden", nargs="+", help="De bestanden om te lezen.")
        parser.add_argument(
            "--bron",
            required=True,
            choices=sorted(BRONNEN),
            help="Het soort bron: sdg, open-product of html.",
        )
        parser.add_argument(
            "--gemeente",
            required=True,
            help="De hostnaam van de gemeente waarin u importeert (verplicht).",
        )
        parser.add_argument(
            "--thema",
            help=(
                "De slug van het thema van die gemeente waaronder de concepten komen; "
                "zonder deze optie: het (niet gepubliceerde) thema 'Geïmporteerde producten'."
            ),
        )
        parser.add_argument(
            "--proef",
            action="store_true",
            help="Alleen het verslag: er wordt niets opgeslagen.",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="Het verslag als JSON in plaats van tekst.",
        )

    def handle(self, *args, **options) -> None:
        sites = list(Site.objects.filter(hostname=options["gemeente"]))
        if not sites:
            raise CommandError(
                f"Er is geen gemeente met de hostnaam '{options['gemeente']}'."
            )
        if len(sites) > 1:
            raise CommandError(
                f"Er zijn meerdere gemeenten met de hostnaam '{options['gemeente']}'; "
                "maak de hostnamen eerst uniek."
            )
        site = sites[0]
        thema = None
        if options.get("thema"):
            thema = (
                ThemaPage.objects.descendant_of(site.root_page)
                .filter(slug=options["thema"])
                .first()
            )
            if thema is None:
                raise CommandError(
                    f"De gemeente heeft geen thema met de slug '{options['thema']}'."
                )
        paden = [Path(naam) for naam in options["bestanden"]]
        for pad in paden:
            if not pad.is_file():
                raise CommandError(f"Het bestand '{pad}' bestaat niet.")
        try:
            rapport = importeer(
                options["bron"], paden, site=site, thema=thema, proef=options["proef"]
            )
        except Importfout as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(
                json.dumps(rapport.to_dict(), ensure_ascii=False, indent=2)
            )
        else:
            self.stdout.write(rapport.tekst())
        if rapport.geweigerd:
            raise CommandError(
                f"{len(rapport.geweigerd)} item(s) geweigerd (zie het verslag); "
                "die hebben niets veranderd."
            )
