from django.core.management.base import BaseCommand

from contenthub.demo.loader import load_demo


class Command(BaseCommand):
    help = "Laad de demo-catalogus van de fictieve Gemeente Voorbeeldstad (veilig om te herhalen)."

    def handle(self, *args, **options):
        result = load_demo(
            progress=lambda slug: (
                self.stdout.write(f"  {slug}") if options["verbosity"] > 1 else None
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo geladen: {len(result.created)} nieuw, {len(result.updated)} bijgewerkt, "
                f"{len(result.unchanged)} ongewijzigd."
            )
        )
