"""2.4.4 (2.4.9): the same link text for different targets."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

from contenthub.findings import Finding, Severity

from ..html import Document, Element, iter_links, shorten
from ..registry import BaseRule, register
from .linktekst_nietszeggend import is_meaningless


def normalize_href(href: str) -> str:
    """Compare links by target: case-insensitive host, no trailing slash, no default index."""
    href = href.strip()
    try:
        parts = urlsplit(href)
    except ValueError:
        return href
    path = parts.path.rstrip("/") or "/"
    if not parts.scheme and not parts.netloc and not parts.path:
        path = ""
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), path, parts.query, parts.fragment)
    )


@register
class LinktekstDubbel(BaseRule):
    id = "wcag.linktekst-dubbel"
    title = "Zelfde linktekst, ander doel"
    criteria = ("2.4.4", "2.4.9")
    level = "A"
    severity = Severity.WAARSCHUWING

    def check(self, document: Document) -> Iterator[Finding]:
        first: dict[str, tuple[Element, str]] = {}
        for link in iter_links(document):
            href = link.get("href")
            if href is None:
                continue
            name = document.accessible_name(link)
            if not name or is_meaningless(name):
                continue  # empty and "klik hier" links have their own rules
            key = name.casefold()
            target = normalize_href(href)
            if key not in first:
                first[key] = (link, target)
                continue
            _, first_target = first[key]
            if target == first_target:
                continue
            yield self.finding(
                document,
                link,
                f"De linktekst “{name}” komt vaker voor, maar deze link gaat naar "
                f"{shorten(href, 80)} en een eerdere naar {shorten(first_target, 80)}. "
                "Wie de links in een lijst hoort, kan ze niet uit elkaar houden.",
                "Maak de linkteksten verschillend, zodat elke tekst zijn eigen doel noemt "
                "(bijvoorbeeld “Paspoort aanvragen” en “Paspoort verlengen”).",
            )
