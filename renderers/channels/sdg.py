"""SDG: the product version for the national SDG invoervoorziening.

A gemeente must publish the products the UPL marks as SDG products (the EU
Single Digital Gateway) through the SDG invoervoorziening. This channel writes,
per such product, the ``Product`` document of the invoervoorziening's API
(``schemas/sdg/``, source in its SOURCES.md) with a Dutch and an English
``LocalizedProduct``. Fields the invoervoorziening assigns itself (url, uuid,
versie, publicatieDatum) are left out; ``catalogus`` is added when sending
(``koppelingen``' command ``sdg_verzenden``). A product outside the SDG
gets an empty rendering.

The English version carries the texts of the product's live English
translation (``ProductSnapshot.engels``, a Wagtail translation that passed
the gate itself); without one it is empty, and a warning at publication says
which English fields are missing.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from html import escape
from typing import Any

from contenthub.findings import Finding, Location, Severity
from contenthub.structured import ProductSnapshot
from contenthub.vocabulary import Doelgroep

from ..base import Rendering
from ..labels import label
from ..overheid import is_sdg_product, owms_gemeente_uri, owms_label, upl_entry
from ..registry import register
from ..talen import is_translation

MEDIA_TYPE = "application/json"
TITLE_MAX = 50
"""``LocalizedProduct.productTitelDecentraal`` has maxLength 50."""
LINK_MAX = 200
"""``LocalizedProduct.decentraleProcedureLink`` has maxLength 200."""

TEXT_FIELDS = {
    "productTitelDecentraal": "titel",
    "specifiekeTekst": "specifieke tekst",
    "procedureBeschrijving": "procedure",
    "vereisten": "vereisten",
    "bewijs": "bewijs",
    "bezwaarEnBeroep": "bezwaar en beroep",
    "kostenEnBetaalmethoden": "kosten en betaalmethoden",
    "uitersteTermijn": "uiterste termijn",
    "wtdBijGeenReactie": "wat te doen bij geen reactie",
    "decentraleProcedureLink": "link naar de procedure",
}
"""The translatable fields of a ``LocalizedProduct``, with their Dutch names."""


@register
class SdgRenderer:
    channel = "sdg"
    label = "SDG (Single Digital Gateway)"
    variants = ("",)

    def render(
        self, product: ProductSnapshot, *, variant: str = "", **context: Any
    ) -> Rendering:
        if is_translation(product) or not is_sdg_product(product):
            # The Dutch product's document carries the English version.
            return Rendering(self.channel, MEDIA_TYPE, "", variant)
        document = sdg_product(product, now=context.get("now"))
        content = json.dumps(document, ensure_ascii=False, indent=2)
        return Rendering(self.channel, MEDIA_TYPE, content, variant)

    def check(self, product: ProductSnapshot, rendering: Rendering) -> list[Finding]:
        """What the SDG needs and this product lacks, in Dutch for the editor."""
        if not rendering.content:
            return []
        findings = [
            _finding(field, Severity.FOUT, message, suggestion)
            for field, message, suggestion in _missing_required(product)
        ]
        findings += [
            _finding(field, Severity.WAARSCHUWING, message, suggestion)
            for field, message, suggestion in _missing_advised(product)
        ]
        english = json.loads(rendering.text)["vertalingen"][1]
        missing = [label for key, label in TEXT_FIELDS.items() if not english.get(key)]
        if missing:
            findings.append(
                _finding(
                    "",
                    Severity.WAARSCHUWING,
                    rule="kanaal.sdg-engels-ontbreekt",
                    message="De Engelse SDG-tekst ontbreekt nog voor: "
                    + ", ".join(missing)
                    + ".",
                    suggestion="Maak een Engelse vertaling van dit product (Vertalen in "
                    "het menu van de pagina) en publiceer die; tot dan toont het "
                    "Europese portaal alleen de Nederlandse tekst.",
                )
            )
        return findings


def sdg_doelgroep(product: ProductSnapshot) -> str:
    """The SDG's own doelgroep value (``eu-burger`` or ``eu-bedrijf``)."""
    if product.doelgroep == Doelgroep.ONDERNEMERS:
        return "eu-bedrijf"
    if product.doelgroep == Doelgroep.BEIDE:
        entry = upl_entry(product)
        # The SDG knows one doelgroep per product: the UPL says which applies.
        if entry and entry.bedrijf and not entry.burger:
            return "eu-bedrijf"
    return "eu-burger"


def sdg_product(
    product: ProductSnapshot, *, now: datetime | None = None
) -> dict[str, Any]:
    entry = upl_entry(product)
    gewijzigd = product.gepubliceerd_op or now or datetime.now(tz=UTC)
    return {
        "upnUri": product.upl_uri,
        "upnLabel": entry.naam if entry else product.upl_naam,
        "organisatie": {
            "owmsIdentifier": owms_gemeente_uri(product.gemeente),
            "owmsPrefLabel": owms_label(product.gemeente),
        },
        "productAanwezig": True,
        "productAanwezigToelichting": "",
        "productValtOnder": None,
        "referentieProduct": None,
        "doelgroep": sdg_doelgroep(product),
        "locaties": [],
        "gerelateerdeProducten": [],
        "vertalingen": [
            _dutch(product, gewijzigd.isoformat()),
            _english(product, gewijzigd.isoformat()),
        ],
    }


def _dutch(p: ProductSnapshot, gewijzigd: str) -> dict[str, Any]:
    return _localized(p, gewijzigd, taal="nl")


def _localized(p: ProductSnapshot, gewijzigd: str, *, taal: str) -> dict[str, Any]:
    return {
        "taal": taal,
        "productTitelDecentraal": p.title[:TITLE_MAX],
        "specifiekeTekst": paragraph_html(p.kort_antwoord)
        + p.wat_is_het
        + p.lokale_aanvulling,
        "procedureBeschrijving": procedure_html(p),
        "vereisten": p.voorwaarden,
        "bewijs": list_html(p.benodigdheden),
        "bezwaarEnBeroep": p.bezwaar_en_beroep,
        "kostenEnBetaalmethoden": kosten_html(p),
        "uitersteTermijn": p.termijn.omschrijving if p.termijn else "",
        "wtdBijGeenReactie": p.wat_als_geen_reactie,
        "decentraleProcedureLink": (p.online_aanvragen_url or p.url)[:LINK_MAX],
        "productValtOnderToelichting": "",
        "verwijzingLinks": [
            {"label": label(taal, "website_gemeente", title=p.title), "url": p.url}
        ],
        "datumWijziging": gewijzigd,
    }


def _english(p: ProductSnapshot, gewijzigd: str) -> dict[str, Any]:
    """The live English translation's texts; without one the texts stay empty
    (the check names them). The link to the procedure is the Dutch product's."""
    if p.engels is not None:
        english = _localized(p.engels, gewijzigd, taal="en")
        english["decentraleProcedureLink"] = (p.online_aanvragen_url or p.url)[
            :LINK_MAX
        ]
        return english
    return {
        "taal": "en",
        **dict.fromkeys(TEXT_FIELDS, ""),
        "decentraleProcedureLink": (p.online_aanvragen_url or p.url)[:LINK_MAX],
        "productValtOnderToelichting": "",
        "verwijzingLinks": [],
        "datumWijziging": gewijzigd,
    }


def _escape(text: str) -> str:
    return escape(text, quote=False)


def paragraph_html(text: str) -> str:
    """A plain text (the kort antwoord) as one HTML paragraph."""
    return f"<p>{_escape(text)}</p>"


def list_html(items: tuple[str, ...]) -> str:
    if not items:
        return ""
    return "<ul>" + "".join(f"<li>{_escape(item)}</li>" for item in items) + "</ul>"


def procedure_html(p: ProductSnapshot) -> str:
    if not p.stappen:
        return ""
    return (
        "<ol>"
        + "".join(
            f"<li><strong>{_escape(stap.titel)}</strong> {stap.uitleg_html}</li>"
            for stap in p.stappen
        )
        + "</ol>"
    )


def kosten_html(p: ProductSnapshot) -> str:
    if p.kosten_gratis:
        return f"<p>{_escape(label(p.taal, 'gratis'))}</p>"
    return list_html(
        tuple(f"{r.omschrijving}: {r.bedrag_tekst} {r.per_label}" for r in p.kosten)
    )


def _missing_required(p: ProductSnapshot) -> list[tuple[str, str, str]]:
    """What the SDG regulation (EU 2018/1724, annex I and II) asks of every procedure."""
    missing = []
    if not p.stappen:
        missing.append(
            (
                "aanvragen",
                "De SDG vraagt de stappen van de procedure.",
                "Vul 'Hoe vraagt u het aan' in.",
            )
        )
    if not p.kosten_gratis and not p.kosten:
        missing.append(
            (
                "kosten",
                "De SDG vraagt wat het product kost.",
                "Vul de kosten in, of kies 'gratis'.",
            )
        )
    if not p.bezwaar_en_beroep:
        missing.append(
            (
                "bezwaar_en_beroep",
                "De SDG vraagt hoe inwoners bezwaar kunnen maken.",
                "Vul 'Bezwaar en beroep' in.",
            )
        )
    if len(p.title) > TITLE_MAX:
        missing.append(
            (
                "title",
                f"De titel is langer dan {TITLE_MAX} tekens; de SDG neemt hem niet aan.",
                f"Maak de titel korter dan {TITLE_MAX + 1} tekens.",
            )
        )
    if len(p.online_aanvragen_url or p.url) > LINK_MAX:
        missing.append(
            (
                "online_aanvragen_url",
                f"De link naar de procedure is langer dan {LINK_MAX} tekens; de SDG neemt hem niet aan.",
                "Gebruik een kortere link.",
            )
        )
    return missing


def _missing_advised(p: ProductSnapshot) -> list[tuple[str, str, str]]:
    missing = []
    if not p.wat_als_geen_reactie:
        missing.append(
            (
                "wat_als_geen_reactie",
                "De SDG vraagt wat inwoners kunnen doen als de gemeente niet op tijd reageert.",
                "Vul 'Wat als de gemeente niet op tijd reageert' in.",
            )
        )
    if not p.termijn:
        missing.append(
            (
                "termijn_omschrijving",
                "De SDG vraagt de uiterste termijn van de gemeente.",
                "Vul de termijn in als die er is.",
            )
        )
    if not p.voorwaarden:
        missing.append(
            (
                "voorwaarden",
                "De SDG vraagt de voorwaarden (vereisten).",
                "Vul de voorwaarden in.",
            )
        )
    if not p.benodigdheden:
        missing.append(
            (
                "benodigdheden",
                "De SDG vraagt welke bewijsstukken inwoners nodig hebben.",
                "Vul 'Wat heeft u nodig' in.",
            )
        )
    return missing


def _finding(
    field: str, severity: Severity, message: str, suggestion: str, rule: str = ""
) -> Finding:
    return Finding(
        rule=rule
        or "kanaal.sdg-" + ("ontbreekt" if severity is Severity.FOUT else "advies"),
        severity=severity,
        message=message,
        suggestion=suggestion,
        location=Location(field=field),
    )
