"""4.1.2: a duplicated id that a label, ``aria-labelledby`` or ``headers`` refers to."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register
from ._common import duplicate_ids


@register
class DubbeleIdVerwijzing(BaseRule):
    id = "wcag.dubbele-id-verwijzing"
    title = "Id waarnaar verwezen wordt komt meer dan eens voor"
    criteria = ("4.1.2",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        duplicates, referenced = duplicate_ids(document)
        for ident, elements in duplicates.items():
            if ident not in referenced:
                continue
            for element in elements[1:]:
                yield self.finding(
                    document,
                    element,
                    f"Het id “{ident}” staat {len(elements)} keer op de pagina, en een label of "
                    "ARIA-attribuut verwijst ernaar. Hulpsoftware gebruikt dan het verkeerde element.",
                    "Geef elk element een eigen id en laat de verwijzing (for, aria-labelledby, "
                    "headers) naar het juiste id wijzen.",
                )
