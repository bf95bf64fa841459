"""Is a ``lang`` value a valid BCP 47 language tag? (Used by both language rules.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

_REGISTRY = json.loads(
    (
        Path(__file__).resolve().parent.parent / "data" / "language-subtags.json"
    ).read_text(encoding="utf-8")
)
REGISTRY_SOURCE: dict[str, str] = _REGISTRY["source"]
"""The IANA Language Subtag Registry's File-Date and the npm package it came from."""


def _subtags(kind: str) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """Registered subtags of one type, and the ranges (``qaa..qtz``) among them."""
    plain, ranges = set(), []
    for entry in _REGISTRY[kind]:
        if ".." in entry:
            low, high = entry.split("..")
            ranges.append((low, high))
        else:
            plain.add(entry)
    return frozenset(plain), tuple(ranges)


LANGUAGES = _subtags("language")
SCRIPTS = _subtags("script")
REGIONS = _subtags("region")
EXTLANGS: dict[str, list[str]] = _REGISTRY["extlang"]
VARIANTS: dict[str, list[str]] = _REGISTRY["variant"]
WHOLE_TAGS = frozenset(_REGISTRY["grandfathered"]) | frozenset(_REGISTRY["redundant"])


def _registered(
    subtag: str, table: tuple[frozenset[str], tuple[tuple[str, str], ...]]
) -> bool:
    plain, ranges = table
    return subtag in plain or any(
        len(subtag) == len(low) and low <= subtag <= high for low, high in ranges
    )


_BCP47 = re.compile(
    r"^(?P<language>[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-(?P<script>[a-z]{4}))?"
    r"(?:-(?P<region>[a-z]{2}|\d{3}))?(?P<variants>(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*)"
    r"(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?$"
)


def language_problem(value: str) -> str:
    """Why ``value`` is not a valid language tag, in Dutch; "" when it is fine.

    Well-formed after BCP 47 (RFC 5646) and every subtag registered in the IANA
    Language Subtag Registry (``data/language-subtags.json``, with its File-Date).
    """
    tag = value.strip().lower().replace("_", "-")
    if not tag:
        return "is leeg"
    if tag in WHOLE_TAGS or tag.startswith("x-"):
        return ""
    match = _BCP47.match(tag)
    if not match:
        return f"“{value.strip()}” is geen geldige taalcode"
    language, *extlangs = match.group("language").split("-")
    if not _registered(language, LANGUAGES):
        return f"“{language}” is geen bestaande taal in het IANA-register"
    for extlang in extlangs:
        if extlang not in EXTLANGS:
            return f"“{extlang}” is geen bestaande taalvariant in het IANA-register"
    script = match.group("script")
    if script and not _registered(script, SCRIPTS):
        return f"“{script}” is geen bestaand schrift in het IANA-register"
    region = match.group("region")
    if region and not _registered(region, REGIONS):
        return f"“{region}” is geen bestaand land of gebied in het IANA-register"
    for variant in filter(None, match.group("variants").split("-")):
        if variant not in VARIANTS:
            return f"“{variant}” is geen bestaande variant in het IANA-register"
    return ""


def primary_language(value: str) -> str:
    """The primary language subtag, lower case (``"nl"`` for ``"nl-NL"``)."""
    return value.strip().lower().replace("_", "-").split("-")[0]
