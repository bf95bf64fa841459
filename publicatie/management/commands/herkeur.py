"""Judge again every live product whose stored renderings no longer match their inputs.

Run it from cron (every minute) with a task backend that cannot defer, so
expiry and scheduled go-live of related products reach every channel at the
moment itself; and after a change of a template (``--alle``).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from contenthub.models import ProductPage
from publicatie.enforcement import publication_path
from publicatie.holding import herkeur
from renderers.models import ChannelRendering


class Command(BaseCommand):
    help = (
        "Keur live producten opnieuw waarvan de opgeslagen weergaven niet meer bij "
        "hun invoer passen (verlopen, gepland live, gewijzigde sjablonen)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--alle",
            action="store_true",
            help="Render en keur alle live producten opnieuw (na een wijziging in een sjabloon).",
        )

    def handle(self, *args, **options):
        pages = ProductPage.objects.live().order_by("path")
        if options["alle"]:
            # Forget the approvals, so every product is rendered and judged.
            ChannelRendering.objects.filter(page__in=pages).update(
                inputs_fingerprint=""
            )
        with publication_path("klok"):
            outcome = herkeur(pages)
        write_outcome(self, outcome)


def write_outcome(command: BaseCommand, outcome: dict) -> None:
    """What a re-judgement did, for the person or the cron log that ran it."""
    for page, result in outcome["tegengehouden"]:
        command.stderr.write(f"Tegengehouden: {page.title}\n{result.summary()}")
    command.stdout.write(
        f"{outcome['opgeslagen']} opnieuw gekeurd en opgeslagen, "
        f"{outcome['ongewijzigd']} ongewijzigd, "
        f"{len(outcome['tegengehouden'])} tegengehouden (uit de kanalen gehaald)."
    )
