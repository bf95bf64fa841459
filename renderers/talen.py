"""Which channels a translation has."""

from __future__ import annotations

from contenthub.structured import ProductSnapshot
from contenthub.talen import SOURCE_LANGUAGE


def is_translation(product: ProductSnapshot) -> bool:
    """A translation of a Dutch product: the national feeds (SDG, Samenwerkende
    Catalogi, KCC, Open Product) take the Dutch product only, which carries
    its translations where the feed has room for them (the SDG's English)."""
    return product.taal != SOURCE_LANGUAGE
