"""Carry a published basistekst to every product again, and show how it went.

For example after the gemeenten fixed what blocked their products, or after
a worker stopped half-way::

    manage.py doorwerken "Paspoort aanvragen"
    manage.py doorwerken 12
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from contenthub.models import Basistekst
from contenthub.talen import SOURCE_LANGUAGE
from publicatie.doorwerking import (
    Voortgang,
    record_doorwerking,
    run_doorwerking,
    start_doorwerking,
    summary_counts,
)


class Command(BaseCommand):
    help = "Publiceer de producten die een basistekst gebruiken opnieuw, met de landelijke tekst."

    def add_arguments(self, parser):
        parser.add_argument("basistekst", help="De titel of het id van de basistekst.")
        parser.add_argument(
            "--achtergrond",
            action="store_true",
            help="Zet het werk in de wachtrij in plaats van het hier te doen.",
        )

    def handle(self, *args, basistekst: str, achtergrond: bool, **options):
        tekst = self._find(basistekst)
        if not tekst.live:
            raise CommandError(
                f"De basistekst '{tekst}' is niet gepubliceerd. Publiceer hem eerst."
            )
        if achtergrond:
            doorwerking = start_doorwerking(tekst)
            self.stdout.write(
                f"Doorwerking {doorwerking.pk} staat in de wachtrij "
                f"({doorwerking.totaal} producten)."
            )
            return
        doorwerking = record_doorwerking(tekst)
        self.stdout.write(
            f"Doorwerking van de basistekst '{tekst}': {doorwerking.totaal} producten"
        )
        doorwerking = run_doorwerking(doorwerking.pk, on_progress=self._progress)
        self.stdout.write(f"Status: {doorwerking.get_status_display().lower()}")
        if doorwerking.melding:
            self.stderr.write(doorwerking.melding)
        for label, count in summary_counts(doorwerking).items():
            self.stdout.write(f"  {label}: {count}")

    def _find(self, value: str) -> Basistekst:
        matches = Basistekst.objects.filter(titel__iexact=value.strip())
        # A translation may still carry the Dutch title: the Dutch one first.
        found = (
            matches.filter(locale__language_code=SOURCE_LANGUAGE).first()
            or matches.first()
        )
        if found is None and value.strip().isdigit():
            found = Basistekst.objects.filter(pk=int(value)).first()
        if found is None:
            raise CommandError(
                f"Geen basistekst gevonden met de titel of het id '{value}'."
            )
        return found

    def _progress(self, voortgang: Voortgang) -> None:
        resultaat = voortgang.resultaat
        line = (
            f"{voortgang.verwerkt}/{voortgang.totaal} {resultaat.titel}: "
            f"{resultaat.get_uitkomst_display().lower()}"
        )
        self.stdout.write(line)
        if resultaat.uitkomst in ("geblokkeerd", "fout"):
            for regel in resultaat.melding.splitlines():
                self.stdout.write(f"    {regel}")
