"""1.1.1, 2.4.4 and 4.1.2: a link whose only content is an image without a text alternative.

A link without a name fails 2.4.4 and 4.1.2 (WCAG technique F89); the image in it that
should have carried the name fails 1.1.1.
"""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document, iter_links
from ..registry import BaseRule, register
from ._common import images_inside


@register
class AfbeeldingslinkZonderNaam(BaseRule):
    id = "wcag.afbeeldingslink-zonder-naam"
    title = "Link met alleen een afbeelding, zonder naam"
    criteria = ("1.1.1", "2.4.4", "4.1.2")
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for link in iter_links(document):
            images = images_inside(document, link)
            # The link is judged on its own computed name: an image without alt
            # inside is reported by wcag.alt-ontbreekt as well, but the link still
            # has no name (2.4.4, W3C ACT rule c487ae).
            if not images or document.accessible_name(link):
                continue
            yield self.finding(
                document,
                link,
                "Deze link bestaat alleen uit een afbeelding zonder tekstalternatief: "
                "een schermlezer kan niet zeggen waar de link heen gaat.",
                "Geef de afbeelding een alt-tekst die het doel van de link noemt "
                "(bijvoorbeeld “Home - Gemeente Voorbeeldstad”), of zet zichtbare tekst in de link.",
            )
