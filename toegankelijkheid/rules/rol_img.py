"""1.1.1: an element with ``role="img"`` (often an inline svg or an icon font) without a name."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register

IMAGE_ROLES = frozenset(("img", "graphics-document", "graphics-symbol"))
"""Roles that present an element as one image (WAI-ARIA and Graphics-ARIA)."""


@register
class RolImgZonderNaam(BaseRule):
    id = "wcag.rol-img-zonder-naam"
    title = 'role="img" zonder tekstalternatief'
    criteria = ("1.1.1",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.with_role:
            if document.computed_role(element) not in IMAGE_ROLES or element.tag in (
                "img",
                "area",
            ):
                continue
            if document.is_hidden_from_at(element) or document.accessible_name(element):
                continue
            yield self.finding(
                document,
                element,
                'Dit element is een afbeelding (role="img") maar heeft geen tekstalternatief.',
                "Geef het een naam met aria-label (of bij een svg een <title> als eerste kind). "
                'Is het versiering, gebruik dan aria-hidden="true" in plaats van role="img".',
            )
