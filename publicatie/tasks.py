"""The gate's background tasks (defined with the code they run)."""

from .holding import herkeur_related_task, herkeur_task

__all__ = ["herkeur_related_task", "herkeur_task"]
