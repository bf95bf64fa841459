"""1.3.1: a list typed as lines that start with "-", "•" or "1." instead of a real list."""

from __future__ import annotations

import re
from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import INLINE_TAGS, Document, Element, normalize
from ..registry import BaseRule, register

BULLETS = "-\u2013\u2014\u2022\u00b7*\u25aa\u25ba\u25e6\u25cf"
"""Hyphen, en and em dash, bullet, middle dot, asterisk and common bullet glyphs."""
_BULLET = re.compile(rf"^(?:[{BULLETS}]\s+|[{BULLETS}](?=[^\W\d_])|\d{{1,2}}[.)]\s+)\S")
_BLOCKS = ("p", "div", "td", "dd", "blockquote", "li")


def _lines(element: Element) -> list[str]:
    """The element's text split at ``<br>`` (nested blocks are left to themselves)."""
    lines = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            lines[-1] += child.tail or ""
            continue
        if child.tag == "br":
            lines.append(child.tail or "")
            continue
        if child.tag in INLINE_TAGS:  # a nested block is checked on its own
            lines[-1] += "".join(child.itertext())
        lines[-1] += child.tail or ""
    return [normalize(line) for line in lines if normalize(line)]


def _starts_like_item(text: str) -> bool:
    return bool(_BULLET.match(text))


def _may_be_list(element: Element) -> bool:
    """Cheap pre-check: a ``<br>`` inside, or text that starts like a list item."""
    if element.find("br") is not None:
        return True
    first = (element.text or "").lstrip()
    if not first and len(element) and element[0].tag in INLINE_TAGS:
        # The first piece of text that is not blank; stops there, however deep the rest.
        first = next(
            (piece.lstrip() for piece in element[0].itertext() if piece.strip()), ""
        )
    return bool(first) and (first[0] in BULLETS or first[0].isdigit())


@register
class NepLijst(BaseRule):
    id = "wcag.nep-lijst"
    title = "Opsomming getypt met streepjes of bolletjes"
    criteria = ("1.3.1",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        reported: set[Element] = set()
        for element in document.tags(*_BLOCKS):
            if (
                element in reported
                or not _may_be_list(element)
                or document.is_hidden(element)
            ):
                continue
            lines = _lines(element)
            if sum(1 for line in lines if _starts_like_item(line)) >= 2:
                reported.add(element)
                yield self._report(document, element)
                continue
            if element.tag != "p" or len(lines) != 1 or not _starts_like_item(lines[0]):
                continue
            run = [element]
            for sibling in element.itersiblings():
                if not isinstance(sibling.tag, str):
                    continue
                sibling_lines = _lines(sibling) if sibling.tag == "p" else []
                if len(sibling_lines) != 1 or not _starts_like_item(sibling_lines[0]):
                    break
                run.append(sibling)
            if len(run) >= 2:
                reported.update(run)
                yield self._report(document, element)

    def _report(self, document: Document, element: Element) -> Finding:
        return self.finding(
            document,
            element,
            "Dit lijkt een opsomming, maar is getypt als regels met een streepje, bolletje of "
            "nummer. Een schermlezer hoort dan geen lijst en niet hoeveel punten er zijn.",
            "Maak er een echte lijst van met de lijstknop in de editor (opsommingsteken of "
            "nummering) en haal de getypte tekens weg.",
        )
