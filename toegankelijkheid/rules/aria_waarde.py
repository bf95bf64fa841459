"""4.1.2: an ARIA attribute with a value it does not allow (``aria-hidden="yes"``)."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..aria import value_problem
from ..html import Document
from ..registry import BaseRule, register


@register
class AriaWaardeOngeldig(BaseRule):
    id = "wcag.aria-waarde-ongeldig"
    title = "Ongeldige waarde van een ARIA-attribuut"
    criteria = ("4.1.2",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.with_aria:
            for name, value in element.attrib.items():
                if not name.startswith("aria-"):
                    continue
                problem = value_problem(name, value, document.ids, element)
                if problem is None:
                    continue
                yield self.finding(
                    document,
                    element,
                    f'{name}="{value}" is ongeldig: de waarde {problem}.',
                    "Geef het attribuut een toegestane waarde (zie WAI-ARIA 1.2), of haal het weg.",
                )
