"""Ask the chatbot a question from the command line: ``manage.py vraag "mn paspoort is gejat"``."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from chatbot.answers import answer


class Command(BaseCommand):
    help = "Stel de chatbot een vraag en toon het antwoord."

    def add_arguments(self, parser) -> None:
        parser.add_argument("vraag", help="De vraag, tussen aanhalingstekens.")
        parser.add_argument("--sessie", help="Sessie-id, voor vervolgvragen.")
        parser.add_argument(
            "--gemeente", help="Hostnaam van de gemeente (standaard: de standaardsite)."
        )
        parser.add_argument(
            "--taal",
            choices=("nl", "en"),
            help="Taal van het gesprek (standaard: de taal van de vraag zelf).",
        )
        parser.add_argument("--json", action="store_true", help="Toon de hele JSON.")
        parser.add_argument(
            "--niet-loggen",
            action="store_true",
            help="Sla de vraag niet op in het vraaglog.",
        )

    def handle(self, *args, **options) -> None:
        site = None
        if options["gemeente"]:
            site = Site.objects.filter(hostname__iexact=options["gemeente"]).first()
            if site is None:
                raise CommandError(f"Onbekende gemeente: {options['gemeente']}")
        try:
            result = answer(
                options["vraag"],
                options["sessie"],
                site=site,
                log=not options["niet_loggen"],
                taal=options["taal"],
            )
        except LookupError as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(result.body, ensure_ascii=False, indent=2))
            return
        body = result.body
        if result.fallback:
            self.stdout.write(f"Geen goed antwoord (score {result.score:.2f}).")
        else:
            product = body["product"]
            self.stdout.write(
                f"{product['titel']} ({product['slug']}), score {result.score:.2f}"
            )
        self.stdout.write(body["bericht"])
        for alternatief in body["alternatieven"]:
            self.stdout.write(
                f"  of: {alternatief['titel']} ({alternatief['slug']}), "
                f"score {alternatief['score']:.2f}"
            )
