"""3.3.2 and 4.1.2: a form field without a label."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document, Element
from ..registry import BaseRule, register

_NO_LABEL_NEEDED = frozenset(("hidden", "submit", "reset", "button", "image"))
_FIELD_ROLES = frozenset(
    [
        "checkbox",
        "combobox",
        "listbox",
        "radio",
        "searchbox",
        "slider",
        "spinbutton",
        "switch",
        "textbox",
    ]
)


def is_form_field(document: Document, element: Element) -> bool:
    tag = element.tag
    if tag == "input":
        return element.get("type", "text").strip().lower() not in _NO_LABEL_NEEDED
    if tag in ("select", "textarea"):
        return True
    return document.computed_role(element) in _FIELD_ROLES


@register
class FormulierveldZonderLabel(BaseRule):
    id = "wcag.formulierveld-zonder-label"
    title = "Formulierveld zonder label"
    criteria = ("3.3.2", "4.1.2")
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.tags_or_roles(
            ("input", "select", "textarea"), _FIELD_ROLES
        ):
            if not is_form_field(document, element) or document.is_hidden_from_at(
                element
            ):
                continue
            if document.is_presentational(element):
                # role="none" that the computed role keeps (not focusable, no global
                # ARIA attribute): <select role="none" disabled> is not a form field
                # for assistive technology (W3C ACT rule e086e5)
                continue
            if document.accessible_name(element):
                continue
            yield self.finding(
                document,
                element,
                "Dit formulierveld heeft geen label: niet te zien of te horen wat u moet invullen.",
                'Zet er een zichtbaar <label for="…"> bij, dat verwijst naar het id van het veld. '
                "Een placeholder alleen is niet genoeg: die verdwijnt bij het typen.",
            )
