"""Loaders for what a product refers to; each batches one read in ``selectors``."""

from __future__ import annotations

from collections.abc import Sequence

from contenthub.models import Contactpunt, Locatie, ProductPage, ThemaPage

from .. import selectors
from ..dataloaders import DataLoader


class ContactpuntByIdLoader(DataLoader[int, Contactpunt | None]):
    context_key = "contactpunt_by_id"

    def batch_load(self, keys: Sequence[int]) -> list[Contactpunt | None]:
        return selectors.contactpunten_by_id(keys)


class ContactpuntInLanguageLoader(DataLoader[tuple[int, int], Contactpunt | None]):
    """Per (contactpunt id, locale id) of a translation: the contactpunt's
    version in that language, else the contactpunt itself."""

    context_key = "contactpunt_in_language"

    def batch_load(self, keys: Sequence[tuple[int, int]]) -> list[Contactpunt | None]:
        return selectors.contactpunten_in_language(keys)


class LocatiesInLanguageLoader(DataLoader[tuple[int, int], list[Locatie]]):
    """Per (product id, locale id) of a translation: its locaties, each in
    that language where the gemeente made a version."""

    context_key = "locaties_in_language"

    def batch_load(self, keys: Sequence[tuple[int, int]]) -> list[list[Locatie]]:
        return selectors.locaties_of_translations(keys)


class BasistekstTitelLoader(DataLoader[int, str | None]):
    context_key = "basistekst_titel"

    def batch_load(self, keys: Sequence[int]) -> list[str | None]:
        return selectors.basistekst_titels(keys)


class LocatiesByProductIdLoader(DataLoader[int, list[Locatie]]):
    context_key = "locaties_by_product_id"

    def batch_load(self, keys: Sequence[int]) -> list[list[Locatie]]:
        return selectors.locaties_by_product(keys)


class ZoektermenByProductIdLoader(DataLoader[int, list[str]]):
    context_key = "zoektermen_by_product_id"

    def batch_load(self, keys: Sequence[int]) -> list[list[str]]:
        return selectors.zoektermen_by_product(keys)


class GerelateerdeProductenLoader(DataLoader[tuple[int, str], list[ProductPage]]):
    """Keyed by (product id, product path): the path fixes the gemeente."""

    context_key = "gerelateerde_producten"

    def batch_load(self, keys: Sequence[tuple[int, str]]) -> list[list[ProductPage]]:
        return selectors.related_products(keys)


class ProductenByThemaPathLoader(DataLoader[str, list[ProductPage]]):
    context_key = "producten_by_thema_path"

    def batch_load(self, keys: Sequence[str]) -> list[list[ProductPage]]:
        return selectors.products_by_thema(keys)


class ThemaByPathLoader(DataLoader[str, ThemaPage | None]):
    context_key = "thema_by_path"

    def batch_load(self, keys: Sequence[str]) -> list[ThemaPage | None]:
        return selectors.themas_by_path(keys)


class VertalingVerouderdLoader(DataLoader[int, bool]):
    context_key = "vertaling_verouderd"

    def batch_load(self, keys: Sequence[int]) -> list[bool]:
        return selectors.outdated_translations(keys)
