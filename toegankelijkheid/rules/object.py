"""1.1.1: an ``<object>`` without a text alternative."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register


@register
class ObjectZonderTekstalternatief(BaseRule):
    id = "wcag.object-zonder-tekstalternatief"
    title = "Object zonder tekstalternatief"
    criteria = ("1.1.1",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.tags("object"):
            if document.is_hidden_from_at(element) or document.is_presentational(
                element
            ):
                continue
            if next(element.iterancestors("object"), None) is not None:
                continue  # a nested object is the outer one's fallback
            if document.accessible_name(element) or document.has_content(element):
                continue  # aria-label, title, or fallback content inside the object
            yield self.finding(
                document,
                element,
                "Dit ingesloten object (<object>) heeft geen tekstalternatief.",
                "Zet tussen <object> en </object> een tekst of link die hetzelfde vertelt, "
                "of geef het object een aria-label.",
            )
