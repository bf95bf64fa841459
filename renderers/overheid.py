"""What the national channels share: identifiers and vocabularies of the Dutch government.

The Samenwerkende Catalogi, the SDG, the KCC objects and Open Product all
name the same gemeente, the same product and the same doelgroep; each channel
reads them here so they agree.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from contenthub.upl import UplEntry, upl_entry_for_uri

if TYPE_CHECKING:
    from contenthub.structured import Gemeente, ProductSnapshot

OWMS_TERMS = "http://standaarden.overheid.nl/owms/terms/"
HUB_NAMESPACE = uuid.UUID("6f1c6f2e-3d0a-5b7e-9a51-2c8e0b6b1d21")
"""Fixed namespace for the identifiers the hub hands out (uuid5): never change it."""


def owms_label(gemeente: Gemeente) -> str:
    """The gemeente's name as the OWMS list writes it: "Utrecht", not "Gemeente Utrecht"."""
    naam = gemeente.naam.strip()
    if naam.lower().startswith("gemeente "):
        naam = naam[len("gemeente ") :].strip()
    return naam


def owms_gemeente_uri(gemeente: Gemeente) -> str:
    """The gemeente's OWMS URI: the one set in the admin, else derived from its name.

    The OWMS list names gemeenten "<Naam>_(gemeente)"; a gemeente whose name
    occurs more than once in the country sets its URI explicitly.
    """
    if gemeente.owms_identifier:
        return gemeente.owms_identifier
    return OWMS_TERMS + owms_label(gemeente).replace(" ", "_") + "_(gemeente)"


def upl_entry(product: ProductSnapshot) -> UplEntry | None:
    return upl_entry_for_uri(product.upl_uri) if product.upl_uri else None


def is_sdg_product(product: ProductSnapshot) -> bool:
    """Marked SDG in the UPL: the gemeente must publish it through the SDG."""
    entry = upl_entry(product)
    return bool(entry and entry.sdg)


def stable_uuid(kind: str, key: object) -> str:
    """A UUID that stays the same for the same object, across renderings and machines."""
    return str(uuid.uuid5(HUB_NAMESPACE, f"{kind}:{key}"))


def product_key(product: ProductSnapshot) -> object:
    # The page id survives a new slug; a draft without id falls back to the slug.
    return product.id if product.id is not None else product.slug
