"""The texts of the demo's TOML files as the hub's fields: used by the loader
(basisteksten, products) and by the translations."""

from __future__ import annotations

from html import escape
from typing import Any


def paragraph(text: str) -> str:
    """One paragraph of plain text, as the demo writes a step's uitleg."""
    return f"<p>{escape(text)}</p>" if text else ""


def apply_shared_texts(target: Any, data: dict[str, Any]) -> None:
    """The texts a basistekst shares with its products, from the TOML form;
    a text the file leaves out is empty."""
    target.kort_antwoord = data["kort_antwoord"]
    for name in ("wat_is_het", "voorwaarden", "bezwaar_en_beroep"):
        setattr(target, name, data.get(name, ""))
    target.aanvragen = [
        {
            "type": "stap",
            "value": {
                "titel": stap["titel"],
                "uitleg": paragraph(stap.get("uitleg", "")),
            },
        }
        for stap in data["aanvragen"]
    ]
    target.benodigdheden = [
        {"type": "item", "value": item} for item in data.get("benodigdheden", [])
    ]
    target.vragen = [
        {"type": "vraag", "value": vraag} for vraag in data.get("vragen", [])
    ]
