"""1.1.1: an inline svg that is neither named nor hidden as decoration."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from .. import aria
from ..html import Document
from ..registry import BaseRule, register


@register
class SvgZonderTekstalternatief(BaseRule):
    id = "wcag.svg-zonder-tekstalternatief"
    title = "Inline svg zonder tekstalternatief of aria-hidden"
    criteria = ("1.1.1",)
    level = "A"
    severity = Severity.WAARSCHUWING

    def check(self, document: Document) -> Iterator[Finding]:
        for svg in document.tags("svg"):
            if aria.explicit_role(svg) or document.is_hidden_from_at(svg):
                continue  # role="img" is wcag.rol-img-zonder-naam; presentation is fine
            if next(svg.iterancestors("svg", "a", "button"), None) is not None:
                continue  # nested svg, or an icon inside a link/button that has its own name
            if document.accessible_name(svg):
                continue
            yield self.finding(
                document,
                svg,
                "Deze svg-afbeelding heeft geen tekstalternatief en is ook niet als versiering "
                "gemarkeerd.",
                'Informatief: geef de svg role="img" en een <title> of aria-label. '
                'Versiering: zet aria-hidden="true" op de svg.',
            )
