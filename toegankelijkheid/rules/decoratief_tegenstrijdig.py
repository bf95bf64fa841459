"""1.1.1: an image marked as decoration that still carries a text alternative."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document, normalize
from ..registry import BaseRule, register


@register
class DecoratiefTegenstrijdig(BaseRule):
    id = "wcag.decoratief-tegenstrijdig"
    title = "Afbeelding is tegelijk versiering en informatief"
    criteria = ("1.1.1",)
    level = "A"
    severity = Severity.WAARSCHUWING

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.tags("img"):
            if document.is_hidden_from_at(element):
                continue
            alt = element.get("alt")
            if alt is None and not document.is_presentational(element):
                continue
            decorative = alt is not None and not normalize(alt)
            presentational = document.is_presentational(element)
            other_name = normalize(
                element.get("aria-label", "") or element.get("title", "")
            ) or bool(element.get("aria-labelledby", "").strip())
            if (decorative or presentational) and other_name:
                reason = "een title, aria-label of aria-labelledby"
            elif presentational and alt and normalize(alt):
                reason = "een alt-tekst"
            else:
                continue
            yield self.finding(
                document,
                element,
                f"Deze afbeelding is gemarkeerd als versiering, maar heeft ook {reason}. "
                "Hulpsoftware weet dan niet of de afbeelding iets betekent.",
                'Kies één van beide: informatief (een beschrijvende alt-tekst, geen role="presentation") '
                'of versiering (alt="" en geen title of aria-label).',
            )
