"""The models of the publication gate. Re-exports only: the stored verdicts,
exceptions and doorwerking runs live in ``records.py``, the workflow task in
``workflow.py``."""

from .records import Doorwerking, DoorwerkingResultaat, Keuring, Uitzondering
from .workflow import QualityGateTask, QualityGateTaskState

__all__ = [
    "Doorwerking",
    "DoorwerkingResultaat",
    "Keuring",
    "QualityGateTask",
    "QualityGateTaskState",
    "Uitzondering",
]
