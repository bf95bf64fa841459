"""2.4.2: the page has a title."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document, normalize
from ..registry import BaseRule, register


@register
class Paginatitel(BaseRule):
    id = "wcag.paginatitel"
    title = "Paginatitel ontbreekt of is leeg"
    criteria = ("2.4.2",)
    level = "A"
    severity = Severity.FOUT
    page_only = True
    document_rule = True

    def check(self, document: Document) -> Iterator[Finding]:
        titles = [
            title
            for title in document.tags("title")
            if next(title.iterancestors("svg", "math"), None) is None
        ]
        if titles and normalize("".join(titles[0].itertext())):
            return
        where = titles[0] if titles else document.root
        yield self.finding(
            document,
            where,
            "De pagina heeft geen titel (<title>) of een lege titel. De titel is het eerste "
            "wat een schermlezer voorleest en wat in het tabblad staat.",
            "Geef de pagina een <title> die zegt waar ze over gaat, bijvoorbeeld "
            "“Paspoort aanvragen - Gemeente Voorbeeldstad”.",
        )
