"""4.1.2: a ``role`` attribute that is not a valid WAI-ARIA role."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..aria import ABSTRACT_ROLES, ROLES
from ..html import Document
from ..registry import BaseRule, register


@register
class AriaRolOngeldig(BaseRule):
    id = "wcag.aria-rol-ongeldig"
    title = "Ongeldige ARIA-rol"
    criteria = ("4.1.2",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.with_role:
            tokens = element.get("role", "").lower().split()
            if not tokens or any(token in ROLES for token in tokens):
                continue  # the first valid token is used; later ones are fallbacks
            value = element.get("role", "").strip()
            reason = (
                "is een abstracte rol die niet in HTML mag staan"
                if tokens[0] in ABSTRACT_ROLES
                else "bestaat niet in WAI-ARIA"
            )
            yield self.finding(
                document,
                element,
                f'role="{value}" {reason}. Hulpsoftware weet dan niet wat dit element is.',
                "Gebruik het juiste HTML-element (button, nav, …) zonder role, of een geldige rol "
                "uit WAI-ARIA 1.2.",
            )
