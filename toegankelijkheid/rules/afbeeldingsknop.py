"""1.1.1 and 4.1.2: an image button (``input type=image`` or a button with only an image) without a name."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register
from ._common import images_inside


@register
class AfbeeldingsknopZonderNaam(BaseRule):
    id = "wcag.afbeeldingsknop-zonder-naam"
    title = "Afbeeldingsknop zonder naam"
    criteria = ("1.1.1", "4.1.2")
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.elements:
            tag = element.tag
            is_image_input = (
                tag == "input" and element.get("type", "").lower() == "image"
            )
            is_button = (
                tag == "button" or "role" in element.attrib
            ) and document.computed_role(element) == "button"
            if not (is_image_input or is_button) or document.is_hidden_from_at(element):
                continue
            if (
                is_button
                and not is_image_input
                and not images_inside(document, element)
            ):
                continue  # a button without images: wcag.knop-zonder-naam
            if document.accessible_name(element):
                continue
            yield self.finding(
                document,
                element,
                "Deze knop bestaat uit een afbeelding zonder tekstalternatief: niet te "
                "zeggen wat de knop doet.",
                "Geef de knop een naam die zegt wat hij doet: alt-tekst op de afbeelding "
                '(bijvoorbeeld alt="Zoeken") of aria-label op de knop.',
            )
