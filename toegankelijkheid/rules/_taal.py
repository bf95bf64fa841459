"""Does a ``lang`` value name a known language? (Used by both language rules.)"""

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
WHOLE_TAGS = frozenset(_REGISTRY["grandfathered"]) | frozenset(_REGISTRY["redundant"])


def _registered(
    subtag: str, table: tuple[frozenset[str], tuple[tuple[str, str], ...]]
) -> bool:
    plain, ranges = table
    return subtag in plain or any(
        len(subtag) == len(low) and low <= subtag <= high for low, high in ranges
    )


_PRIMARY = re.compile(r"^(?:[a-z]{2,3}|[a-z]{5,8})$")
"""A primary language subtag after BCP 47 (RFC 5646 §2.2.1); four letters are reserved."""


def language_problem(value: str) -> str:
    """Why ``value`` names no known language, in Dutch; "" when it does.

    What WCAG 3.1.1 and 3.1.2 ask is that the language can be determined, so the
    primary language subtag decides: it must be registered in the IANA Language
    Subtag Registry (``data/language-subtags.json``, with its File-Date). A region,
    script or variant after it that is unknown or repeated (``en-US-GB``) does not
    hide the language (W3C ACT rules bf051a and de46e4 judge the same way).
    Grandfathered and redundant tags count as a whole, ``x-`` tags are private use.
    """
    tag = value.strip().lower().replace("_", "-")
    if not tag:
        return "is leeg"
    if tag in WHOLE_TAGS or tag.startswith("x-"):
        return ""
    language = tag.split("-", 1)[0]
    if not _PRIMARY.match(language):
        return f"“{value.strip()}” is geen geldige taalcode"
    if not _registered(language, LANGUAGES):
        return f"“{language}” is geen bestaande taal in het IANA-register"
    return ""


def primary_language(value: str) -> str:
    """The primary language subtag, lower case (``"nl"`` for ``"nl-NL"``)."""
    return value.strip().lower().replace("_", "-").split("-")[0]
