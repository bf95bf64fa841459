"""Bringing a gemeente's existing catalogue in: ``manage.py importeer``.

Three sources, one module each behind the small ``Bron`` protocol
(``base.py``): the SDG invoervoorziening's ``Product`` JSON (``sdg.py``),
Open Product producttypen (``open_product.py``) and saved HTML pages of the
gemeente's current website (``webpagina.py``). ``schrijven.importeer``
writes the items as drafts of one gemeente and returns a Dutch report.
"""

from __future__ import annotations

from . import open_product, sdg, webpagina  # noqa: F401  (register the sources)
from .base import BRONNEN, Bron, Geweigerd, Invoer, Invoerfout
from .rapport import Rapport, Regel
from .schrijven import Importfout, importeer

__all__ = [
    "BRONNEN",
    "Bron",
    "Geweigerd",
    "Importfout",
    "Invoer",
    "Invoerfout",
    "Rapport",
    "Regel",
    "importeer",
]
