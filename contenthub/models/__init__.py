"""The PDC content model. Re-exports only; each concept has its own module."""

from .basistekst import Basistekst
from .pages import GerelateerdProduct, HomePage, ProductPage, ProductZoekterm, ThemaPage
from .settings import GemeenteInstellingen
from .snippets import Contactpunt, Locatie

__all__ = [
    "Basistekst",
    "Contactpunt",
    "GemeenteInstellingen",
    "GerelateerdProduct",
    "HomePage",
    "Locatie",
    "ProductPage",
    "ProductZoekterm",
    "ThemaPage",
]
