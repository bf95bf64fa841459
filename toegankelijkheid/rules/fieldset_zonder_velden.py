"""1.3.1: a ``<fieldset>`` that groups no form field (WCAG technique F43, example 4).

A fieldset tells assistive technology "these fields belong together, under this
legend". Used only to draw a border around text, it announces a group of fields that
does not exist.
"""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from .. import aria
from ..html import Document, Element
from ..registry import BaseRule, register

_FIELDS = frozenset(
    ("input", "select", "textarea", "button", "output", "object", "meter", "progress")
)
_SEARCH_LIMIT = 5000
"""At most this many descendants are looked at per fieldset; past it, it counts as a group."""


@register
class FieldsetZonderVelden(BaseRule):
    id = "wcag.fieldset-zonder-velden"
    title = "Fieldset zonder formuliervelden"
    criteria = ("1.3.1",)
    level = "A"
    severity = Severity.WAARSCHUWING

    def check(self, document: Document) -> Iterator[Finding]:
        for fieldset in document.tags("fieldset"):
            if document.is_hidden_from_at(fieldset) or "role" in fieldset.attrib:
                continue  # an explicit role says what it is instead
            if self._groups_a_field(document, fieldset):
                continue
            yield self.finding(
                document,
                fieldset,
                "Dit <fieldset> bevat geen formuliervelden. Een schermlezer meldt dan een groep "
                "velden die er niet is.",
                "Gebruik <fieldset> en <legend> alleen om velden te groeperen. Voor een kader om "
                "tekst: een <div> of <section> met een kop, opgemaakt met CSS.",
            )

    @staticmethod
    def _groups_a_field(document: Document, fieldset: Element) -> bool:
        for seen, descendant in enumerate(fieldset.iterdescendants()):
            if seen >= _SEARCH_LIMIT:
                return True
            tag = descendant.tag
            if not isinstance(tag, str):
                continue
            if tag in _FIELDS:
                if (
                    tag == "input"
                    and descendant.get("type", "").strip().lower() == "hidden"
                ):
                    continue
                return True
            editable = descendant.get("contenteditable")
            if editable is not None and editable.strip().lower() in ("", "true"):
                return True
            if "role" in descendant.attrib and aria.is_a(
                document.computed_role(descendant), "widget"
            ):
                return True
        return False
