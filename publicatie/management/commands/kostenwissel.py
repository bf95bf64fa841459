"""Re-render and store every live product whose fee changes today.

Run it daily from cron shortly after midnight (and again: it is idempotent).
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from publicatie.enforcement import publication_path
from publicatie.holding import kosten_wissel

from .herkeur import write_outcome


class Command(BaseCommand):
    help = (
        "Keur en bewaar opnieuw de live producten waarvan de kosten vandaag "
        "wijzigen (kostenregels met 'geldig vanaf' of 'geldig tot en met')."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--op", help="Datum (JJJJ-MM-DD) in plaats van vandaag, om in te halen."
        )

    def handle(self, *args, **options):
        op = None
        if options.get("op"):
            try:
                op = dt.date.fromisoformat(options["op"])
            except ValueError as error:
                raise CommandError(
                    f"'{options['op']}' is geen datum. Schrijf de datum als JJJJ-MM-DD."
                ) from error
        with publication_path("klok"):
            outcome = kosten_wissel(op)
        write_outcome(self, outcome)
