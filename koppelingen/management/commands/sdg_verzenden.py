"""``manage.py sdg_verzenden [--gemeente HOSTNAME]``: the SDG products to the invoervoorziening."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from koppelingen.sdg import SdgConfigurationError, send_sdg_products


class Command(BaseCommand):
    help = (
        "Stuurt de gepubliceerde SDG-producten van een gemeente (of van alle "
        "gemeenten) naar de SDG-invoervoorziening."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--gemeente",
            help="De hostnaam van de gemeente; zonder deze optie: alle gemeenten.",
        )

    def handle(self, *args, **options) -> None:
        sites = Site.objects.order_by("hostname")
        if options["gemeente"]:
            sites = sites.filter(hostname=options["gemeente"])
            if not sites:
                raise CommandError(
                    f"Er is geen gemeente met de hostnaam '{options['gemeente']}'."
                )
        failed = 0
        for site in sites:
            try:
                result = send_sdg_products(
                    site=site,
                    api_url=settings.SDG_API_URL,
                    token=settings.SDG_API_TOKEN,
                    catalogus=settings.SDG_CATALOGUS_URL,
                    timeout=settings.SDG_TIMEOUT_SECONDS,
                )
            except SdgConfigurationError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(
                f"{site.site_name or site.hostname}: {len(result.sent)} product(en) verzonden."
            )
            for label, reason in result.failed:
                self.stderr.write(f"- {label}: niet verzonden, {reason}.")
            failed += len(result.failed)
        if failed:
            raise CommandError(f"{failed} product(en) zijn niet verzonden.")
