"""Wagtail's ``publish_scheduled``, which keeps going when the gate stops a product.

A scheduled revision that fails the publication gate is not published; its
schedule is cleared (so it is not retried every run) and the command prints
what to fix. Every other scheduled revision is still published.
"""

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import Revision

from publicatie.enforcement import publication_path
from publicatie.gate import PublicationBlocked


class Command(WagtailCommand):
    def handle(self, *args, **options):
        blocked = 0
        # Each round publishes until the first blocked revision; at most one
        # round per scheduled revision.
        for _ in range(Revision.objects.exclude(approved_go_live_at=None).count() + 1):
            try:
                with publication_path("gepland"):
                    super().handle(*args, **options)
            except PublicationBlocked as error:
                blocked += 1
                Revision.objects.filter(pk=error.revision_id).update(
                    approved_go_live_at=None
                )
                self.stderr.write(
                    f"Niet gepubliceerd: {error.page.title}\n{error.result.summary()}\n"
                )
                continue
            break
        if blocked:
            self.stderr.write(
                f"{blocked} geplande publicatie(s) tegengehouden door de publicatiecontrole."
            )
