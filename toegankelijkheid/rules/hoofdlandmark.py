"""1.3.1: a page has exactly one main landmark (``<main>`` or ``role="main"``)."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register


@register
class Hoofdlandmark(BaseRule):
    id = "wcag.hoofdlandmark"
    title = "Niet precies één hoofdinhoud (main)"
    criteria = ("1.3.1",)
    level = "A"
    severity = Severity.FOUT
    page_only = True

    def check(self, document: Document) -> Iterator[Finding]:
        mains = [
            element
            for element in document.tags_or_roles(("main",), ("main",))
            if document.computed_role(element) == "main"
            and not document.is_hidden_from_at(element)
        ]
        if not mains:
            if not self._has_content(document):
                return  # an empty page: there is nothing to put in a main
            yield self.finding(
                document,
                document.body,
                "De pagina heeft geen hoofdinhoud (<main>). Wie een schermlezer gebruikt, kan "
                "dan niet direct naar de inhoud springen.",
                "Zet de eigenlijke inhoud van de pagina in één <main>-element.",
            )
            return
        for extra in mains[1:]:
            yield self.finding(
                document,
                extra,
                'De pagina heeft meer dan één hoofdinhoud (<main> of role="main").',
                "Houd één <main> over; gebruik voor andere delen <section>, <aside> of <nav>.",
            )

    @staticmethod
    def _has_content(document: Document) -> bool:
        body = document.body
        if (body.text or "").strip():
            return True
        return any(
            isinstance(child.tag, str) or (child.tail or "").strip() for child in body
        )
