from django.core.management.base import BaseCommand, CommandError

from demo.loader import DemoDataError, existing_content, load_demo
from demo.source import GEMEENTEN

CONFIRMATION = "ja"


class Command(BaseCommand):
    help = (
        "Laad de demo: de landelijke basisteksten en de fictieve gemeenten "
        f"{', '.join(naam.capitalize() for naam in GEMEENTEN)}. Alleen in een lege "
        "database; met --reset zet u de demoteksten terug (na bevestiging)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--gemeente",
            action="append",
            choices=GEMEENTEN,
            dest="gemeenten",
            help="Laad alleen deze gemeente (mag vaker). Zonder deze optie: alle gemeenten.",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help=(
                "Zet de demo terug, ook als er al gemeenten of producten zijn: "
                "gepubliceerde teksten van de demoproducten en basisteksten worden "
                "overschreven met de demotekst."
            ),
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Vraag niet om bevestiging (bij --reset).",
        )

    def handle(self, *args, **options):
        present = existing_content()
        if present and not options["reset"]:
            self.stdout.write(
                f"De database bevat al {present}: de demo is niet geladen, zodat "
                "gepubliceerd werk blijft staan. Wilt u de demoteksten toch "
                "terugzetten, gebruik dan: manage.py load_demo --reset"
            )
            return
        if present and options["interactive"] and not self._confirmed(present):
            self.stdout.write("De demo is niet teruggezet; er is niets veranderd.")
            return
        verbose = options["verbosity"] > 1
        try:
            result = load_demo(
                gemeenten=options["gemeenten"],
                progress=(lambda slug: self.stdout.write(f"  {slug}"))
                if verbose
                else None,
            )
        except DemoDataError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo geladen: {len(result.created)} nieuw, {len(result.updated)} bijgewerkt, "
                f"{len(result.unchanged)} ongewijzigd."
            )
        )

    def _confirmed(self, present: str) -> bool:
        answer = input(
            f"De database bevat al {present}. --reset zet de gepubliceerde teksten "
            "van de demoproducten en basisteksten terug naar de demotekst; wat een "
            f"redacteur daarin publiceerde, gaat verloren. Typ '{CONFIRMATION}' om "
            "door te gaan: "
        )
        return answer.strip().lower() == CONFIRMATION
