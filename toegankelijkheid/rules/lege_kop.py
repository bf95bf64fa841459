"""1.3.1: a heading without text."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register


@register
class LegeKop(BaseRule):
    id = "wcag.lege-kop"
    title = "Lege kop"
    criteria = ("1.3.1",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for heading, _level in document.headings():
            if document.accessible_name(heading):
                continue
            yield self.finding(
                document,
                heading,
                "Deze kop is leeg: schermlezers noemen een kop zonder tekst, en wie met koppen "
                "door de pagina springt, weet niet waar die heen gaat.",
                "Zet tekst in de kop, of verwijder de kop. Gebruik voor witruimte geen lege kop.",
            )
