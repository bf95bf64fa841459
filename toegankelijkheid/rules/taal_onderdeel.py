"""3.1.2: a ``lang`` attribute on part of the page that is not a valid language."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register
from ._taal import language_problem


@register
class TaalOnderdeel(BaseRule):
    id = "wcag.taal-onderdeel"
    title = "Ongeldige taalcode op een deel van de tekst"
    criteria = ("3.1.2",)
    level = "AA"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.elements:
            if element is document.root or document.is_hidden(element):
                continue
            value = element.get("lang")
            if value is None or not value.strip():
                continue  # lang="" means "unknown language": allowed
            problem = language_problem(value)
            if problem:
                yield self.finding(
                    document,
                    element,
                    f'De taal van dit tekstdeel {problem} (lang="{value}").',
                    'Gebruik een geldige taalcode, bijvoorbeeld lang="en" voor Engels of '
                    'lang="fy" voor Fries.',
                )
