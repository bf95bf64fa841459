"""4.1.2: an ``aria-*`` attribute that does not exist (often a typing error)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..aria import ATTRIBUTES
from ..html import Document
from ..registry import BaseRule, register


@register
class AriaAttribuutOnbekend(BaseRule):
    id = "wcag.aria-attribuut-onbekend"
    title = "Onbekend ARIA-attribuut"
    criteria = ("4.1.2",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.with_aria:
            for name in element.attrib:
                if not name.startswith("aria-") or name in ATTRIBUTES:
                    continue
                close = difflib.get_close_matches(name, ATTRIBUTES, n=1)
                hint = f" Bedoelt u {close[0]}?" if close else ""
                yield self.finding(
                    document,
                    element,
                    f"Het attribuut {name} bestaat niet in WAI-ARIA en wordt genegeerd.{hint}",
                    "Gebruik een bestaand ARIA-attribuut of haal het weg.",
                )
