"""Taalcheck: a Dutch B1 plain-language checker.

``check(text, niveau="B1")`` takes plain text or HTML and returns a
``Report``. The core is plain Python (no Django): the Django app around it
(settings in the admin, the management command, the admin page) lives in
``models.py``, ``management/`` and ``views.py``.
"""

from .config import DEFAULT_SETTINGS, NIVEAUS, Settings
from .core import check
from .errors import TaalcheckError
from .metrics import Metrics
from .report import Report

__all__ = [
    "DEFAULT_SETTINGS",
    "NIVEAUS",
    "Metrics",
    "Report",
    "Settings",
    "TaalcheckError",
    "check",
]
