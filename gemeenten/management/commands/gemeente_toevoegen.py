"""Add a gemeente to the hub: home page, Site, settings, groups and workflow.

    manage.py gemeente_toevoegen --naam "Gemeente Anderdorp" \
        --hostname pdc.anderdorp.nl --website https://www.anderdorp.nl

Safe to repeat: a second run with the same hostname and name changes only
what differs.
"""

from django.core.management.base import BaseCommand, CommandError

from gemeenten.services import GemeenteFout, gemeente_toevoegen


class Command(BaseCommand):
    help = (
        "Voeg een gemeente toe: homepagina, site, instellingen, de drie groepen "
        "(contentmanagers, communicatieadviseurs, beheerders) en de workflow. "
        "Veilig om te herhalen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--naam", required=True, help='Bijvoorbeeld "Gemeente Anderdorp".'
        )
        parser.add_argument(
            "--hostname",
            required=True,
            help="De hostnaam van de hub voor deze gemeente.",
        )
        parser.add_argument(
            "--website", required=True, help="De publieke website, met https://."
        )
        parser.add_argument(
            "--postadres", default="", help="Het postadres (optioneel)."
        )

    def handle(self, *args, **options):
        try:
            gemeente = gemeente_toevoegen(
                naam=options["naam"],
                hostname=options["hostname"],
                website=options["website"],
                postadres=options["postadres"],
            )
        except GemeenteFout as fout:
            raise CommandError(str(fout)) from None
        site = gemeente.site
        if gemeente.aangemaakt:
            self.stdout.write(
                self.style.SUCCESS(
                    f"'{options['naam'].strip()}' toegevoegd op {site.hostname}."
                )
            )
        elif gemeente.gewijzigd:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Gemeente op {site.hostname} bestond al; bijgewerkt: "
                    f"{', '.join(gemeente.gewijzigd)}."
                )
            )
        else:
            self.stdout.write(
                f"Gemeente op {site.hostname} bestond al; niets gewijzigd."
            )
        self.stdout.write("Groepen:")
        for group in gemeente.groups.values():
            self.stdout.write(f"  {group.name}")
        self.stdout.write(
            "Zet redacteuren van deze gemeente alleen in deze groepen, niet in de "
            "hub-brede groepen Contentmanagers, Communicatieadviseurs of Beheerders."
        )
