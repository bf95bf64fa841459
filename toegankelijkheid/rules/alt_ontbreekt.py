"""1.1.1: an image (``img``, ``area``) without any text alternative."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register


@register
class AltOntbreekt(BaseRule):
    id = "wcag.alt-ontbreekt"
    title = "Afbeelding zonder alt-tekst"
    criteria = ("1.1.1",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.tags("img", "area"):
            if element.tag == "area" and element.get("href") is None:
                continue
            alt = element.get("alt")
            if document.is_hidden_from_at(element) or alt == "":
                continue  # alt="" (exactly empty) marks decoration
            if alt is not None and alt.strip():
                continue  # a text alternative; wcag.alt-nietszeggend judges its words
            if element.tag == "img" and document.is_presentational(element):
                continue  # role="presentation"/"none": marked as decoration
            if document.accessible_name(element):
                continue  # aria-label, aria-labelledby or title gives it a name
            blank = (
                " De alt-tekst bestaat alleen uit spaties: dat is geen versiering "
                '(daarvoor is alt="" helemaal leeg) en ook geen beschrijving.'
                if alt is not None
                else ""
            )
            yield self.finding(
                document,
                element,
                "Deze afbeelding heeft geen alt-tekst: een schermlezer leest dan de "
                "bestandsnaam of niets voor." + blank,
                "Beschrijf in het alt-attribuut wat de afbeelding laat zien of betekent. "
                'Is de afbeelding alleen versiering, zet dan alt="" (leeg).',
            )
