"""Remove logged questions older than the retention period (run it daily)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from chatbot.retention import purge_old_questions


class Command(BaseCommand):
    help = (
        "Verwijder chatbotvragen die ouder zijn dan de bewaartermijn "
        "(CHATBOT_BEWAARTERMIJN_DAGEN)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dagen",
            type=int,
            default=None,
            help="Bewaartermijn in dagen (standaard de instelling).",
        )

    def handle(self, *args, **options) -> None:
        dagen = options["dagen"]
        if dagen is None:
            dagen = settings.CHATBOT_BEWAARTERMIJN_DAGEN
        verwijderd = purge_old_questions(dagen=dagen)
        self.stdout.write(
            f"{verwijderd} vragen verwijderd die ouder zijn dan {dagen} dagen."
        )
