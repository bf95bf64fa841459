"""4.1.1: an id used more than once (obsolete in WCAG 2.2, still a sign of copy-paste).

When something refers to the duplicated id, labels and descriptions break: that
is ``wcag.dubbele-id-verwijzing`` (4.1.2, blocking). This rule covers the rest.
"""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register
from ._common import duplicate_ids


@register
class DubbeleId(BaseRule):
    id = "wcag.dubbele-id"
    title = "Id komt meer dan eens voor"
    criteria = ("4.1.1",)
    level = "A"
    severity = Severity.WAARSCHUWING

    def check(self, document: Document) -> Iterator[Finding]:
        duplicates, referenced = duplicate_ids(document)
        for ident, elements in duplicates.items():
            if ident in referenced:
                continue
            for element in elements[1:]:
                yield self.finding(
                    document,
                    element,
                    f"Het id “{ident}” staat {len(elements)} keer op de pagina; een id moet uniek zijn.",
                    "Geef elk element een eigen id, of haal het id weg als niets ernaar verwijst.",
                )
