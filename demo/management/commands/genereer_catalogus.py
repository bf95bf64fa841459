"""``manage.py genereer_catalogus --gemeenten N --producten M``: a national-scale test catalogue.

See ``demo/generator.py`` for what is generated and docs/schaal.md for
what that means for the benchmark figures.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from demo.generator import CONTROLES, GeneratieFout, genereer_catalogus


def _positive(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Maak een grote, fictieve catalogus: N gemeenten met elk M producten die "
        "basisteksten overnemen. Bestaande gemeenten blijven ongemoeid, dus met "
        "een grotere N groeit de catalogus aan. Alleen voor test- en meetdatabases."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--gemeenten", type=_positive, required=True, help="aantal gemeenten (N)"
        )
        parser.add_argument(
            "--producten",
            type=_positive,
            required=True,
            help="aantal producten per gemeente (M)",
        )
        parser.add_argument(
            "--basisteksten",
            type=_positive,
            default=None,
            help="aantal landelijke basisteksten (standaard gelijk aan M)",
        )
        parser.add_argument("--seed", type=int, default=1, help="startwaarde toeval")
        parser.add_argument(
            "--kanalen",
            default="chatbot",
            help="kanalen waarvan de weergave wordt opgeslagen, met komma's; "
            "'geen' voor geen enkele (de pdf nooit). Standaard: chatbot",
        )
        parser.add_argument(
            "--zonder-zoekindex",
            action="store_true",
            help="zet de producten niet in de zoekindex van Wagtail",
        )
        parser.add_argument(
            "--controle",
            choices=CONTROLES,
            default="steekproef",
            help="welke producten met full_clean worden gecontroleerd "
            "(standaard: een steekproef per gemeente)",
        )

    def handle(self, *args, **options):
        kanalen = [
            kanaal.strip()
            for kanaal in options["kanalen"].split(",")
            if kanaal.strip() and kanaal.strip() != "geen"
        ]
        try:
            result = genereer_catalogus(
                gemeenten=options["gemeenten"],
                producten=options["producten"],
                basisteksten=options["basisteksten"],
                seed=options["seed"],
                kanalen=kanalen,
                zoekindex=not options["zonder_zoekindex"],
                controle=options["controle"],
                progress=lambda message: self.stdout.write(f"  {message}"),
            )
        except GeneratieFout as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar in {result.seconden:.1f} s: {len(result.nieuwe_gemeenten)} "
                f"gemeenten nieuw ({result.nieuwe_producten} producten), "
                f"{result.bestaande_gemeenten} bestonden al, "
                f"{result.nieuwe_basisteksten} basisteksten nieuw, "
                f"{result.gecontroleerd} producten gecontroleerd."
            )
        )
        if result.nieuwe_gemeenten:
            self.stdout.write(f"  Tijd per fase: {result.fasen.regel()}")
