"""Open Product: the product as a ``ProductType`` of Open Product's Producttypen API.

Tools built for the Common Ground product catalogue read producttypen from
Open Product; ``koppelingen`` serves these stored documents as a read-only,
compatible ``/api/open-product/v1/producttypen``. The document follows the
API's ``ProductType`` schema (``schemas/open-product/``, source and the
choices the schema forces in its SOURCES.md).
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from contenthub.findings import Finding, Location, Severity
from contenthub.structured import Adres, ProductSnapshot

from ..base import Rendering
from ..overheid import owms_label, product_key, stable_uuid
from ..registry import register
from ..talen import is_translation

MEDIA_TYPE = "application/json"
_POSTCODE = re.compile(r"^([1-9][0-9]{3})\s?([A-Z]{2})$")
LINK_MAX = 200
"""``NestedLink.url`` has maxLength 200."""
NAAM_MAX = 255
"""``ProductType.naam`` has maxLength 255."""
NO_SCHEMA = {"naam": "geen", "schema": {}}
"""The hub keeps no product data objects; the schema requires the field."""


@register
class OpenProductRenderer:
    channel = "open_product"
    label = "Open Product (producttype)"
    variants = ("",)
    # The Open Product model has no termijn.
    carries = {"": frozenset({"kort_antwoord", "bedragen", "link"})}

    def render(
        self, product: ProductSnapshot, *, variant: str = "", **context: Any
    ) -> Rendering:
        if is_translation(product):
            # Open Product keeps the Dutch producttype (translations are its own).
            return Rendering(self.channel, MEDIA_TYPE, "", variant)
        document = producttype(product, now=context.get("now"))
        content = json.dumps(document, ensure_ascii=False, indent=2)
        return Rendering(self.channel, MEDIA_TYPE, content, variant)

    def check(self, product: ProductSnapshot, rendering: Rendering) -> list[Finding]:
        """Open Product's length limits, in Dutch: never a producttype it would refuse."""
        if is_translation(product):
            return []
        findings = []
        for link in json.loads(rendering.text)["links"]:
            if len(link["url"]) > LINK_MAX:
                findings.append(
                    Finding(
                        rule="kanaal.open-product-link-te-lang",
                        severity=Severity.FOUT,
                        message=(
                            f"De link '{link['naam']}' is langer dan {LINK_MAX} tekens; "
                            "Open Product neemt hem niet aan."
                        ),
                        suggestion="Gebruik een kortere link of een kortere paginanaam.",
                        location=Location(field="online_aanvragen_url"),
                        excerpt=link["url"][:120],
                    )
                )
        if len(product.title) > NAAM_MAX:
            findings.append(
                Finding(
                    rule="kanaal.open-product-naam-te-lang",
                    severity=Severity.FOUT,
                    message=f"De titel is langer dan {NAAM_MAX} tekens; Open Product neemt hem niet aan.",
                    suggestion="Maak de titel korter.",
                    location=Location(field="title"),
                )
            )
        return findings


def producttype_code(product: ProductSnapshot) -> str:
    """Open Product's code (``^[A-Z0-9-]+$``), from the slug."""
    return re.sub(r"[^A-Z0-9-]", "-", product.slug.upper()) or "PRODUCT"


def producttype(
    product: ProductSnapshot, *, now: datetime | None = None
) -> dict[str, Any]:
    p = product
    key = product_key(p)
    moment = (p.gepubliceerd_op or now or datetime.now(tz=UTC)).isoformat()
    return {
        "uuid": stable_uuid("producttype", key),
        "uniforme_product_naam": p.upl_naam,
        "themas": [],
        "locaties": [_locatie(adres) for adres in p.locaties],
        "organisaties": [
            {
                "uuid": stable_uuid("organisatie", owms_label(p.gemeente)),
                "naam": p.gemeente.naam,
                "code": owms_label(p.gemeente),
            }
        ],
        "contacten": [],
        "prijzen": _prijzen(p, key),
        "links": [
            {
                "uuid": stable_uuid("link", f"{key}:web"),
                "naam": "Productpagina op de website van de gemeente",
                "url": p.url,
            },
            *(
                [
                    {
                        "uuid": stable_uuid("link", f"{key}:aanvragen"),
                        "naam": "Online aanvragen",
                        "url": p.online_aanvragen_url,
                    }
                ]
                if p.online_aanvragen_url
                else []
            ),
        ],
        "acties": [],
        "bestanden": [],
        "naam": p.title,
        "samenvatting": p.kort_antwoord,
        "taal": "nl",
        "externe_codes": [],
        "parameters": [],
        "verbruiksobject_schema": NO_SCHEMA,
        "dataobject_schema": NO_SCHEMA,
        "gepubliceerd": True,
        "aanmaak_datum": moment,
        "update_datum": moment,
        "code": producttype_code(p),
        "toegestane_statussen": [],
        "keywords": [term[:100] for term in p.zoektermen],
        "interne_opmerkingen": "",
        "zaaktypen": [],
        "verzoektypen": [],
        "processen": [],
    }


def _prijzen(p: ProductSnapshot, key: object) -> list[dict[str, Any]]:
    if not p.kosten:
        return []
    return [
        {
            "uuid": stable_uuid("prijs", key),
            "prijsopties": [
                {
                    "uuid": stable_uuid("prijsoptie", f"{key}:{index}"),
                    "bedrag": f"{regel.bedrag:.2f}",
                    # The amount as every channel writes it, for people and the check.
                    "beschrijving": (
                        f"{regel.omschrijving} ({regel.bedrag_tekst} {regel.per_label})"
                    )[:255],
                }
                for index, regel in enumerate(p.kosten)
            ],
            "prijsregels": [],
            "actief_vanaf": (p.gepubliceerd_op or datetime.now(tz=UTC))
            .date()
            .isoformat(),
        }
    ]


def _locatie(adres: Adres) -> dict[str, Any]:
    locatie: dict[str, Any] = {
        "uuid": stable_uuid("locatie", f"{adres.naam}:{adres.regel}"),
        "naam": adres.naam,
        "straat": adres.straat,
        "huisnummer": adres.huisnummer[:10],
        "stad": adres.plaats,
    }
    match = _POSTCODE.match(adres.postcode.strip().upper())
    if match:
        locatie["postcode"] = f"{match[1]} {match[2]}"
    return locatie
