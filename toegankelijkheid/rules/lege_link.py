"""2.4.4 and 4.1.2: a link without any text or name."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document, iter_links
from ..registry import BaseRule, register
from ._common import images_inside


@register
class LegeLink(BaseRule):
    id = "wcag.lege-link"
    title = "Lege link"
    criteria = ("2.4.4", "4.1.2")
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for link in iter_links(document):
            if document.accessible_name(link) or images_inside(document, link):
                continue  # links made of images: wcag.afbeeldingslink-zonder-naam
            yield self.finding(
                document,
                link,
                "Deze link heeft geen tekst: een schermlezer leest alleen “link” voor en "
                "niemand weet waar hij heen gaat.",
                "Zet in de link een tekst die het doel noemt, of verwijder de lege link "
                "(vaak een restje na kopiëren en plakken).",
            )
