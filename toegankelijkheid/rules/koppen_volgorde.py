"""1.3.1: heading levels that skip a level going down (h2 followed by h4)."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register


@register
class KopniveauOvergeslagen(BaseRule):
    id = "wcag.kopniveau-overgeslagen"
    title = "Kopniveau overgeslagen"
    criteria = ("1.3.1",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        previous: int | None = None
        for heading, level in document.headings():
            # Headings in table cells and elsewhere count too: a screen reader lists them all.
            if previous is not None and level > previous + 1:
                expected = previous + 1
                yield self.finding(
                    document,
                    heading,
                    f"Na een kop van niveau {previous} volgt een kop van niveau {level}: "
                    f"niveau {expected} is overgeslagen.",
                    f"Maak hier een kop van niveau {expected} (h{expected}) van. Kies het niveau "
                    "naar de structuur van de tekst, niet naar de lettergrootte.",
                )
            previous = level
