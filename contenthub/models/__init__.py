"""The PDC content model. Re-exports only; each concept has its own module."""

from .pages import GerelateerdProduct, HomePage, ProductPage, ProductZoekterm, ThemaPage
from .settings import GemeenteInstellingen
from .snippets import Contactpunt, Locatie

__all__ = [
    "Contactpunt",
    "GemeenteInstellingen",
    "GerelateerdProduct",
    "HomePage",
    "Locatie",
    "ProductPage",
    "ProductZoekterm",
    "ThemaPage",
]
