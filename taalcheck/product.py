"""The text fields of a product, as texts the checker can take.

Works on the demo source (TOML dicts from ``demo.source``) and on
anything shaped like it; the management command turns a ``ProductPage`` into
this shape first. Steps become a heading with a paragraph, questions a heading
with the answer, benodigdheden a list, so findings map back to one step,
question or item.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

PLAIN_FIELDS = ("kort_antwoord", "termijn_omschrijving")
HTML_FIELDS = (
    "wat_is_het",
    "lokale_aanvulling",
    "voorwaarden",
    "bezwaar_en_beroep",
    "wat_als_geen_reactie",
)
TEXT_FIELDS = (
    "kort_antwoord",
    "wat_is_het",
    "lokale_aanvulling",
    "voorwaarden",
    "aanvragen",
    "benodigdheden",
    "termijn_omschrijving",
    "vragen",
    "bezwaar_en_beroep",
    "wat_als_geen_reactie",
)


def product_texts(product: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(field, text)`` for every filled-in text field, in editor order."""
    texts: list[tuple[str, str]] = []
    for name in TEXT_FIELDS:
        value = product.get(name)
        if not value:
            continue
        if name in PLAIN_FIELDS or name in HTML_FIELDS:
            text = str(value)
        elif name == "aanvragen":
            text = _pairs(value, "titel", "uitleg")
        elif name == "vragen":
            text = _pairs(value, "vraag", "antwoord")
        else:
            text = (
                "<ul>"
                + "".join(f"<li>{escape(str(item))}</li>" for item in value)
                + "</ul>"
            )
        if text.strip():
            texts.append((name, text))
    return texts


def _pairs(items: Iterable[Mapping[str, Any]], head: str, body: str) -> str:
    parts = []
    for item in items:
        parts.append(f"<h3>{escape(str(item.get(head) or ''))}</h3>")
        text = str(item.get(body) or "")
        # Rich text (a step's uitleg in the editor) keeps its own blocks.
        parts.append(
            text if text.lstrip().startswith("<") else f"<p>{escape(text)}</p>"
        )
    return "".join(parts)


def page_as_product(page: Any) -> dict[str, Any]:
    """A ``ProductPage`` (or a revision's object) in the shape of the demo source."""
    return {
        "kort_antwoord": page.kort_antwoord,
        "wat_is_het": page.wat_is_het,
        "lokale_aanvulling": getattr(page, "lokale_aanvulling", ""),
        "voorwaarden": page.voorwaarden,
        "aanvragen": [
            {"titel": step.value["titel"], "uitleg": _source(step.value["uitleg"])}
            for step in page.aanvragen
        ],
        "benodigdheden": [str(item.value) for item in page.benodigdheden],
        "termijn_omschrijving": page.termijn_omschrijving,
        "vragen": [
            {"vraag": item.value["vraag"], "antwoord": item.value["antwoord"]}
            for item in page.vragen
        ],
        "bezwaar_en_beroep": page.bezwaar_en_beroep,
        "wat_als_geen_reactie": page.wat_als_geen_reactie,
    }


def _source(value: Any) -> str:
    # RichText keeps its stored HTML in ``source``.
    return getattr(value, "source", None) or str(value or "")
