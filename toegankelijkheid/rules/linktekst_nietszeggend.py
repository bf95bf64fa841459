"""2.4.4: link text that says nothing on its own ("klik hier", "lees meer", "hier")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document, iter_links
from ..registry import BaseRule, register

MEANINGLESS = frozenset(
    phrase.strip()
    for phrase in """
    klik hier|klik|hier|lees meer|lees verder|meer|meer lezen|meer informatie|meer info|
    info|informatie|link|deze link|verder|verder lezen|ga verder|bekijk|bekijk hier|
    kijk hier|download|download hier|downloaden|hier downloaden|open|openen|website|pagina|
    deze pagina|naar de pagina|zie hier|zie|hierzo|details|click here|click|here|read more|
    more|more info|learn more|continue|link to|this link
    """.replace("\n", "").split("|")
)
_PUNCTUATION = "\u00bb\u203a>\u2192\u2026:.!-"
_TRIM = re.compile(rf"^[\s{_PUNCTUATION}]+|[\s{_PUNCTUATION}]+$")


def is_meaningless(name: str) -> bool:
    """True when a link text only says "klik hier", "lees meer" and the like."""
    text = _TRIM.sub("", name.lower()).strip()
    return text in MEANINGLESS


@register
class LinktekstNietszeggend(BaseRule):
    id = "wcag.linktekst-nietszeggend"
    title = "Linktekst zegt niets (“klik hier”, “lees meer”)"
    criteria = ("2.4.4", "2.4.9")
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for link in iter_links(document):
            name = document.accessible_name(link)
            if not name or not is_meaningless(name):
                continue
            yield self.finding(
                document,
                link,
                f"De linktekst “{name}” zegt niet waar de link heen gaat. Wie de links met "
                f"een schermlezer opvraagt, hoort alleen “{name}”, zonder de zin eromheen.",
                "Maak de linktekst zelf beschrijvend: niet “klik hier voor de aanvraag” maar "
                "“Vraag een parkeervergunning aan”.",
            )
