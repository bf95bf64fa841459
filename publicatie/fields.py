"""The product's fields as the gate names them, and what a field says now."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from contenthub.models import ProductPage

FIELD_LABELS = {
    "": "Het product als geheel",
    "title": "Titel",
    "kort_antwoord": "Kort antwoord",
    "wat_is_het": "Wat is het",
    "lokale_aanvulling": "Lokale aanvulling",
    "basistekst": "Basistekst",
    "contact": "Contactpunt",
    "locaties": "Locaties",
    "voorwaarden": "Voorwaarden",
    "aanvragen": "Hoe vraagt u het aan",
    "benodigdheden": "Wat heeft u nodig",
    "kosten": "Kosten",
    "termijn_omschrijving": "Termijn",
    "termijn_dagen": "Termijn (dagen)",
    "vragen": "Veelgestelde vragen",
    "bezwaar_en_beroep": "Bezwaar en beroep",
    "wat_als_geen_reactie": "Wat als de gemeente niet op tijd reageert",
    "weergave:web": "De webpagina zoals inwoners hem zien",
    "instellingen": "Gegevens van de gemeente",
    "gerelateerde_producten": "Gerelateerde producten",
    "online_aanvragen_url": "Link naar online aanvragen",
}


def field_fingerprint(page: ProductPage, field_name: str) -> str:
    """A hash of what a field says now, so an exception lapses when it changes."""
    if field_name in ("", "weergave:web"):
        from taalcheck.product import page_as_product

        value: Any = page_as_product(page) | {"title": page.title}
    else:
        value = getattr(page, field_name, "")
        if hasattr(value, "stream_block"):
            value = [
                {
                    "type": child.block_type,
                    "value": child.block.get_prep_value(child.value),
                }
                for child in value
            ]
    data = json.dumps(value, sort_keys=True, default=str).encode("utf-8")
    return hashlib.sha256(data).hexdigest()
