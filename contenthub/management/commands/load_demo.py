from django.core.management.base import BaseCommand, CommandError

from contenthub.demo.loader import DemoDataError, load_demo
from contenthub.demo.source import GEMEENTEN


class Command(BaseCommand):
    help = (
        "Laad de demo: de landelijke basisteksten en de fictieve gemeenten "
        f"{', '.join(naam.capitalize() for naam in GEMEENTEN)} (veilig om te herhalen)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--gemeente",
            action="append",
            choices=GEMEENTEN,
            dest="gemeenten",
            help="Laad alleen deze gemeente (mag vaker). Zonder deze optie: alle gemeenten.",
        )

    def handle(self, *args, **options):
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
