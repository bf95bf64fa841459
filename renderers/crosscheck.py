"""The same antwoord in every channel.

Compares each rendering with the product it came from: the kort antwoord
(in a shortened tweet: its first sentence), every amount written the same way,
the termijn and the canonical link must appear in every channel that carries
them, and no channel may show an amount the product does not have. A channel
declares what it carries in ``carries``; by default all facts.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from html import unescape

from contenthub.findings import Finding, Location, Severity
from contenthub.formatting import EURO_AMOUNT, euro_cents
from contenthub.structured import ProductSnapshot
from contenthub.text import sentence_texts

from .base import Rendering
from .komend import komende_regels
from .registry import RendererRegistry, renderer_registry

ALL_FACTS = frozenset({"kort_antwoord", "bedragen", "termijn", "link"})
_WHITESPACE = re.compile(r"\s+")
_AMOUNT = EURO_AMOUNT


def _known_amounts(product: ProductSnapshot) -> set[str]:
    """Every amount the product itself writes, in any field."""
    texts = [
        product.kort_antwoord,
        product.wat_is_het,
        product.lokale_aanvulling,
        product.voorwaarden,
        product.bezwaar_en_beroep,
        product.wat_als_geen_reactie,
        *product.benodigdheden,
        *(stap.titel + " " + stap.uitleg_html for stap in product.stappen),
        *(vraag.vraag + " " + vraag.antwoord for vraag in product.vragen),
        product.termijn.omschrijving if product.termijn else "",
    ]
    known = {_squash(regel.bedrag_tekst) for regel in product.kosten}
    # The web page, the app and the letter also name the coming fees.
    known.update(_squash(regel.bedrag_tekst) for regel in komende_regels(product))
    known.update(
        _squash(match) for text in texts for match in _AMOUNT.findall(unescape(text))
    )
    if product.engels is not None:
        # The SDG document carries the English translation's texts, judged
        # with the translation itself (``check_translation``).
        known.update(_known_amounts(product.engels))
    return known


def _squash(text: str) -> str:
    # Line breaks in a PDF or a letter must not hide a fact.
    return _WHITESPACE.sub("", text)


def rendering_text(rendering: Rendering) -> str:
    """Everything a reader of this rendering can see, as one string."""
    if rendering.source_text is not None:
        return rendering.source_text
    if rendering.media_type == "application/pdf":
        # A stored PDF read back from the database: the text it was made
        # from is not stored with it.
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(rendering.data))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    text = rendering.text
    if "xml" in rendering.media_type:
        from lxml import etree

        # Text and attribute values (a link is an attribute), entities resolved.
        root = etree.fromstring(rendering.data)
        parts = [
            *root.itertext(),
            *(v for el in root.iter() for v in el.attrib.values()),
        ]
        return unescape(" ".join(parts))
    if rendering.media_type.startswith("application/json"):
        return " ".join(_strings(json.loads(text)))
    if rendering.media_type.startswith("text/html"):
        return unescape(text)
    return text


def _strings(data: object) -> Iterable[str]:
    if isinstance(data, str):
        yield unescape(data)
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def facts_carried(rendering: Rendering, registry: RendererRegistry) -> frozenset[str]:
    renderer = registry.get(rendering.channel, None)
    carries = getattr(renderer, "carries", {}) or {}
    return frozenset(carries.get(rendering.variant, ALL_FACTS))


def check_consistency(
    product: ProductSnapshot,
    renderings: Iterable[Rendering],
    *,
    registry: RendererRegistry = renderer_registry,
) -> list[Finding]:
    findings: list[Finding] = []
    known_amounts = _known_amounts(product)
    for rendering in renderings:
        if not rendering.content:
            continue  # the channel does not publish this product (see base.py)
        carried = facts_carried(rendering, registry)
        visible = rendering_text(rendering)
        seen = _squash(visible)
        name = rendering.channel + (
            f" ({rendering.variant})" if rendering.variant else ""
        )
        for amount in dict.fromkeys(_AMOUNT.findall(visible)):
            if _squash(amount) not in known_amounts:
                findings.append(
                    _missing(
                        "kanaal.onbekend-bedrag",
                        "kosten",
                        f"In het kanaal {name} staat het bedrag {amount}, maar dat bedrag staat "
                        "nergens in het product.",
                        amount,
                    )
                )
        if "kort_antwoord" in carried:
            findings.extend(_check_answer(product, rendering, seen, name))
        if "bedragen" in carried:
            # The same amount counts however it is written ("€ 25" is "€ 25,00").
            cents_seen = {euro_cents(amount) for amount in _AMOUNT.findall(visible)}
            for regel in _amounts_for(product, rendering):
                if (
                    _squash(regel.bedrag_tekst) not in seen
                    and euro_cents(regel.bedrag_tekst) not in cents_seen
                ):
                    findings.append(
                        _missing(
                            "kanaal.bedrag-ontbreekt",
                            "kosten",
                            f"In het kanaal {name} staat het bedrag {regel.bedrag_tekst} "
                            f"({regel.omschrijving}) niet, of niet op dezelfde manier geschreven.",
                            regel.bedrag_tekst,
                        )
                    )
        termijn = product.termijn
        if (
            "termijn" in carried
            and termijn
            and _squash(termijn.omschrijving) not in seen
        ):
            findings.append(
                _missing(
                    "kanaal.termijn-ontbreekt",
                    "termijn_omschrijving",
                    f"In het kanaal {name} ontbreekt de termijn.",
                    termijn.omschrijving,
                )
            )
        if "link" in carried and product.url and _squash(product.url) not in seen:
            findings.append(
                _missing(
                    "kanaal.link-ontbreekt",
                    "",
                    f"In het kanaal {name} ontbreekt de link naar de productpagina.",
                    product.url,
                )
            )
    return findings


def _amounts_for(product: ProductSnapshot, rendering: Rendering):
    if rendering.channel == "tweet" and rendering.variant == "":
        # One post carries the main amount only.
        return [product.hoofdbedrag] if product.hoofdbedrag else []
    return list(product.kosten)


def _check_answer(
    product: ProductSnapshot, rendering: Rendering, seen: str, name: str
) -> list[Finding]:
    answer = product.kort_antwoord
    if _squash(answer) in seen:
        return []
    sentences = sentence_texts(answer)
    if rendering.channel == "tweet":
        if rendering.variant == "thread" and all(_squash(s) in seen for s in sentences):
            return []
        if rendering.variant == "" and sentences and _squash(sentences[0]) in seen:
            return []
        if rendering.variant == "" and sentences:
            cut = rendering.text.split("…")[0]
            if "…" in rendering.text and _squash(sentences[0]).startswith(_squash(cut)):
                return [
                    Finding(
                        rule="kanaal.antwoord-ingekort",
                        severity=Severity.WAARSCHUWING,
                        message="De tweet kon maar een deel van de eerste zin van het korte antwoord bevatten.",
                        suggestion="Maak de eerste zin van het korte antwoord korter, zodat hij heel in de tweet past.",
                        location=Location(field="kort_antwoord"),
                        excerpt=cut,
                    )
                ]
    return [
        _missing(
            "kanaal.antwoord-ontbreekt",
            "kort_antwoord",
            f"In het kanaal {name} staat het korte antwoord niet, of anders geschreven.",
            answer,
        )
    ]


def _missing(rule: str, field: str, message: str, excerpt: str) -> Finding:
    return Finding(
        rule=rule,
        severity=Severity.FOUT,
        message=message,
        suggestion="Render het product opnieuw. Blijft dit zo, meld het dan aan de beheerder: dit kanaal wijkt af van de inhoud.",
        location=Location(field=field),
        excerpt=excerpt[:120],
    )


def check_channels(
    product: ProductSnapshot,
    renderings: Iterable[Rendering],
    *,
    registry: RendererRegistry = renderer_registry,
) -> list[Finding]:
    """The gate's channel check: consistency, and each channel's own findings.

    A channel with a ``check(product, rendering)`` method (the national
    channels: is the SC entry valid, has an SDG product what the SDG needs)
    reports there; its findings block publication like any other.
    """
    renderings = list(renderings)
    findings = check_consistency(product, renderings, registry=registry)
    for rendering in renderings:
        renderer = registry.get(rendering.channel)
        check = getattr(renderer, "check", None)
        if check is not None:
            findings.extend(check(product, rendering))
    return findings


def check_translation(
    translation: ProductSnapshot, source: ProductSnapshot
) -> list[Finding]:
    """The facts a translation must share with its Dutch source: the same fee
    rows (amounts, per, dates), the same termijn and the same link to apply
    online. Texts differ by language; these may not."""
    findings: list[Finding] = []

    def rows(product: ProductSnapshot) -> list[tuple]:
        return [
            (r.centen, r.per, r.geldig_vanaf, r.geldig_tot) for r in product.kosten_alle
        ]

    if rows(translation) != rows(source) or (
        translation.kosten_gratis != source.kosten_gratis
    ):
        bedragen = ", ".join(r.bedrag_tekst for r in source.kosten_alle) or "gratis"
        findings.append(
            _across(
                "vertaling.kosten-anders",
                "kosten",
                "De kosten van deze vertaling zijn anders dan die van het Nederlandse "
                f"product ({bedragen}).",
                "Neem de bedragen, 'per' en de datums van het Nederlandse product over.",
            )
        )

    def termijn(product: ProductSnapshot) -> tuple | None:
        t = product.termijn
        return (t.dagen, t.eenheid) if t else None

    if termijn(translation) != termijn(source):
        findings.append(
            _across(
                "vertaling.termijn-anders",
                "termijn_dagen",
                "De termijn van deze vertaling is anders dan die van het Nederlandse "
                "product"
                + (
                    f" ({source.termijn.dagen} {source.termijn.eenheid})."
                    if source.termijn
                    else "."
                ),
                "Neem de termijn van het Nederlandse product over.",
            )
        )
    if translation.online_aanvragen_url != source.online_aanvragen_url:
        findings.append(
            _across(
                "vertaling.link-anders",
                "online_aanvragen_url",
                "De link om online aan te vragen is anders dan die van het Nederlandse "
                f"product ({source.online_aanvragen_url or 'geen link'}).",
                "Neem de link van het Nederlandse product over.",
            )
        )
    return findings


def _across(rule: str, field: str, message: str, suggestion: str) -> Finding:
    return Finding(
        rule=rule,
        severity=Severity.FOUT,
        message=message,
        suggestion=suggestion,
        location=Location(field=field),
    )
