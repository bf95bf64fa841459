"""Loaders for what a product refers to; each batches one read per request."""

from __future__ import annotations

from collections.abc import Sequence

from contenthub.models import ProductPage, ThemaPage

from .. import selectors
from ..dataloaders import DataLoader
from . import stored
from .stored import StoredProduct


class GerelateerdeProductenLoader(DataLoader[tuple[int, ...], list[StoredProduct]]):
    """Keyed by (product id, product path, *related ids shown): the path fixes
    the gemeente; each related product is its own served document."""

    context_key = "gerelateerde_producten"

    def batch_load(self, keys: Sequence[tuple[int, ...]]) -> list[list[StoredProduct]]:
        return stored.related_products(keys, self.context)


class ProductenByThemaPathLoader(DataLoader[str, list[StoredProduct]]):
    context_key = "producten_by_thema_path"

    def batch_load(self, keys: Sequence[str]) -> list[list[StoredProduct]]:
        grouped = selectors.products_by_thema(keys)
        served = {
            product.pk: product
            for product in stored.stored_products(
                [page for pages in grouped for page in pages], self.context
            )
        }
        return [
            [served[page.pk] for page in pages if page.pk in served]
            for pages in grouped
        ]


class ThemaByPathLoader(DataLoader[str, ThemaPage | None]):
    context_key = "thema_by_path"

    def batch_load(self, keys: Sequence[str]) -> list[ThemaPage | None]:
        return selectors.themas_by_path(keys)


class VertalingVerouderdLoader(DataLoader[ProductPage, bool]):
    """Keyed by the translation's page row (it holds the digest of the Dutch
    text it was made from); one query for the Dutch sources of all."""

    context_key = "vertaling_verouderd"

    def batch_load(self, keys: Sequence[ProductPage]) -> list[bool]:
        return selectors.outdated_translations(keys)
