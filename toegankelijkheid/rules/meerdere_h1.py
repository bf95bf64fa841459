"""1.3.1: more than one h1 (the page has one main heading)."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register


@register
class MeerdereH1(BaseRule):
    id = "wcag.meerdere-h1"
    title = "Meer dan één h1"
    criteria = ("1.3.1",)
    level = "A"
    severity = Severity.WAARSCHUWING

    def check(self, document: Document) -> Iterator[Finding]:
        first = None
        for heading, level in document.headings():
            if level != 1:
                continue
            if first is None:
                first = heading
                continue
            yield self.finding(
                document,
                heading,
                "Dit is de tweede (of volgende) kop van niveau 1. Een pagina heeft één h1: "
                "de titel van de pagina.",
                "Maak van deze kop een h2 (of lager), zodat de paginatitel de enige h1 is.",
            )
