from django.core.management.base import BaseCommand, CommandError

from contenthub.demo.loader import DemoDataError, load_demo


class Command(BaseCommand):
    help = "Laad de demo-catalogus van de fictieve Gemeente Voorbeeldstad (veilig om te herhalen)."

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 1
        try:
            result = load_demo(
                progress=(lambda slug: self.stdout.write(f"  {slug}"))
                if verbose
                else None
            )
        except DemoDataError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo geladen: {len(result.created)} nieuw, {len(result.updated)} bijgewerkt, "
                f"{len(result.unchanged)} ongewijzigd."
            )
        )
