"""The retention period of the question log (``CHATBOT_BEWAARTERMIJN_DAGEN``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone


def purge_old_questions(*, dagen: int, now: datetime | None = None) -> int:
    """Delete logged questions older than ``dagen`` days; return how many."""
    from .models import Vraaglog

    if dagen < 0:
        raise ValueError("De bewaartermijn kan niet negatief zijn.")
    grens = (now or timezone.now()) - timedelta(days=dagen)
    deleted, _ = Vraaglog.objects.filter(created_at__lt=grens).delete()
    return deleted
