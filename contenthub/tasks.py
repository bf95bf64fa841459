"""Background work of the contenthub app."""

from __future__ import annotations

from django_tasks import task


@task()
def doorwerking_task(doorwerking_id: int) -> int:
    """Carry a published basistekst to every product; returns products processed."""
    from .doorwerking import run_doorwerking

    return run_doorwerking(doorwerking_id).verwerkt
