"""4.1.2: a button without a name."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register
from ._common import images_inside


@register
class KnopZonderNaam(BaseRule):
    id = "wcag.knop-zonder-naam"
    title = "Knop zonder naam"
    criteria = ("4.1.2",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.tags_or_roles(("button", "input"), ("button",)):
            tag = element.tag
            kind = element.get("type", "").strip().lower()
            is_input_button = tag == "input" and kind in ("submit", "reset", "button")
            # the computed role: <button role="none"> stays a button (it is focusable)
            is_button = document.computed_role(element) == "button" and kind != "image"
            if not (is_button or is_input_button) or document.is_hidden_from_at(
                element
            ):
                continue
            if tag != "input" and images_inside(document, element):
                continue  # wcag.afbeeldingsknop-zonder-naam
            if document.accessible_name(element):
                continue
            yield self.finding(
                document,
                element,
                "Deze knop heeft geen naam: een schermlezer zegt alleen “knop”.",
                "Zet tekst in de knop die zegt wat hij doet (bijvoorbeeld “Zoeken”), of geef een "
                "knop met alleen een pictogram een aria-label.",
            )
