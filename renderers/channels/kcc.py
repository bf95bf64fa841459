"""KCC: the product as a PDC-kennisartikel, every vraag as a VAC, for KISS.

Agents of the klantcontactcentrum answer the phone with KISS, which reads
kennisartikelen and VAC's from an Objects API (``koppelingen`` serves one,
from these stored renderings). The documents follow the community
objecttypes' JSON schemas (``schemas/kcc/``, source in its SOURCES.md).
The agents' own note (``kcc_notitie``, the kennisartikel's ``deskMemo``) is
not stored here: the token-protected Objects API adds it when serving.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from contenthub.findings import Finding, Location, Severity
from contenthub.structured import ProductSnapshot
from contenthub.vocabulary import Doelgroep

from ..base import Rendering
from ..overheid import owms_gemeente_uri, owms_label, product_key, stable_uuid
from ..registry import register
from ..talen import is_translation
from .sdg import (
    kosten_html,
    list_html,
    paragraph_html,
    procedure_html,
    sdg_doelgroep,
)

MEDIA_TYPE = "application/json"
NO_END_DATE = "9999-12-31T23:59:59Z"
"""The schema requires an OWMS end date; a gemeente that exists has none."""


@register
class KccRenderer:
    channel = "kcc"
    label = "KCC-kennisbank (KISS)"
    variants = ("", "vac")
    # The VAC's are the product's own vragen: they carry none of the product's facts.
    carries = {"vac": frozenset()}

    def render(
        self, product: ProductSnapshot, *, variant: str = "", **context: Any
    ) -> Rendering:
        if is_translation(product):
            # KISS reads the Dutch product; its agents answer in Dutch.
            return Rendering(self.channel, MEDIA_TYPE, "", variant)
        if variant == "vac":
            content = json.dumps(vacs(product), ensure_ascii=False, indent=2)
            return Rendering(self.channel, MEDIA_TYPE, content, variant)
        if not product.upl_uri:
            return Rendering(self.channel, MEDIA_TYPE, "", variant)
        document = kennisartikel(product, now=context.get("now"))
        content = json.dumps(document, ensure_ascii=False, indent=2)
        return Rendering(self.channel, MEDIA_TYPE, content, variant)

    def check(self, product: ProductSnapshot, rendering: Rendering) -> list[Finding]:
        if is_translation(product):
            return []
        if rendering.variant == "" and not rendering.content:
            return [
                Finding(
                    rule="kanaal.kcc-geen-upl",
                    severity=Severity.WAARSCHUWING,
                    message=(
                        "Dit product komt niet in de kennisbank van het KCC: het heeft "
                        "geen UPL-naam, en een kennisartikel vraagt de UPL-URI."
                    ),
                    suggestion="Kies op het tabblad Vindbaarheid de UPL-naam van dit product.",
                    location=Location(field="upl_naam"),
                )
            ]
        return []


def kennisartikel_uuid(product: ProductSnapshot) -> str:
    return stable_uuid("kennisartikel", product_key(product))


def vac_uuid(product: ProductSnapshot, vraag: str) -> str:
    # A reworded vraag is a new VAC; the same vraag keeps its identity.
    return stable_uuid("vac", f"{product_key(product)}:{vraag}")


def kennisartikel(
    product: ProductSnapshot, *, now: datetime | None = None
) -> dict[str, Any]:
    p = product
    gewijzigd = (p.gepubliceerd_op or now or datetime.now(tz=UTC)).isoformat()
    trefwoorden = [{"trefwoord": term} for term in p.zoektermen]
    return {
        "url": p.url,
        "uuid": kennisartikel_uuid(p),
        "upnUri": p.upl_uri,
        "publicatieDatum": p.gepubliceerd_op.date().isoformat()
        if p.gepubliceerd_op
        else None,
        "productAanwezig": True,
        "productValtOnder": None,
        "verantwoordelijkeOrganisatie": {
            "url": p.gemeente.website or owms_gemeente_uri(p.gemeente),
            "owmsIdentifier": owms_gemeente_uri(p.gemeente),
            "owmsPrefLabel": owms_label(p.gemeente),
            "owmsEndDate": NO_END_DATE,
        },
        "locaties": None,
        "doelgroep": sdg_doelgroep(p),
        "vertalingen": [
            {
                "taal": "nl",
                "titel": p.title,
                "tekst": paragraph_html(p.kort_antwoord)
                + p.wat_is_het
                + p.lokale_aanvulling,
                "procedureBeschrijving": procedure_html(p),
                "bewijs": list_html(p.benodigdheden),
                "vereisten": p.voorwaarden,
                "bezwaarEnBeroep": p.bezwaar_en_beroep,
                "kostenEnBetaalmethoden": kosten_html(p),
                "uitersteTermijn": p.termijn.omschrijving if p.termijn else "",
                "wtdBijGeenReactie": p.wat_als_geen_reactie,
                "notice": "",
                "contact": _contact(p),
                "trefwoorden": trefwoorden,
                "datumWijziging": gewijzigd,
            }
        ],
        "beschikbareTalen": ["nl"],
    }


def vacs(product: ProductSnapshot) -> list[dict[str, Any]]:
    """Every vraag of the product as a VAC's ``data``, with its stable uuid beside it."""
    doelgroep = (
        "eu-burger-bedrijf"
        if product.doelgroep == Doelgroep.BEIDE
        else sdg_doelgroep(product)
    )
    return [
        {
            "uuid": vac_uuid(product, vraag.vraag),
            "data": {
                "vraag": vraag.vraag,
                "antwoord": vraag.antwoord,
                "status": "actief",
                "doelgroep": doelgroep,
                "trefwoorden": [{"trefwoord": term} for term in product.zoektermen],
                "gerelateerdeProducten": [{"product": product.url}],
                "toelichting": "",
            },
        }
        for vraag in product.vragen
    ]


def _contact(p: ProductSnapshot) -> str:
    if not p.contact:
        return ""
    regels = [p.contact.naam]
    if p.contact.telefoon:
        regels.append(f"Telefoon: {p.contact.telefoon}")
    if p.contact.email:
        regels.append(f"E-mail: {p.contact.email}")
    regels += [tijd.tekst for tijd in p.contact.openingstijden]
    return list_html(tuple(regels))
