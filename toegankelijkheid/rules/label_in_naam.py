"""2.5.3 Label in Name: the visible text of a control is part of its accessible name.

A speech-input user says what they see ("Volgende pagina"); when an ``aria-label``
or ``aria-labelledby`` replaces the visible text with other words, the command
finds nothing. Applies to widgets that take their name from their content (link,
button, checkbox, tab, …) and carry ``aria-label`` or ``aria-labelledby``, the
applicability of W3C ACT rule 2ee8b8. Case and surrounding whitespace do not
count; a visible text of one symbol or one character (``&times;``, ``X``, an emoji)
expresses non-text content and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from .. import aria
from ..html import Document, Element
from ..registry import BaseRule, register

LABEL_IN_NAME_ROLES = frozenset(
    role
    for role in aria.NAME_FROM_CONTENT
    if aria.is_a(role, "widget") and role in aria.ROLES
)
"""Widget roles that support name from content (WAI-ARIA 1.2, from ``data/aria.json``)."""

TEXT_SEARCHED = 500
"""Elements read for the visible text of one control at most."""


def visible_text(document: Document, element: Element) -> str:
    """The rendered text inside ``element``, lower case with whitespace collapsed.

    Hidden content (``display: none``, ``hidden``) is left out; text hidden only from
    assistive technology is still seen, so it stays. Text alternatives (``alt``) are
    not visible text."""
    pieces: list[str] = []
    stack: list[tuple[Element, bool]] = [(element, False)]
    seen = 0
    while stack and seen < TEXT_SEARCHED:
        node, tail_only = stack.pop()
        if tail_only:
            pieces.append(node.tail or "")
            continue
        seen += 1
        if node is not element and document.is_hidden(node):
            continue
        if node.tag in ("script", "style", "template"):
            continue
        pieces.append(node.text or "")
        # children in document order, each followed by its tail
        for child in reversed(list(node)):
            if child.tail:
                stack.append((child, True))
            if isinstance(child.tag, str):
                stack.append((child, False))
            else:  # comments and processing instructions: only their tail counts
                pass
    return " ".join("".join(pieces).replace("\xa0", " ").split()).lower()


def expresses_non_text(text: str) -> bool:
    """One character, or no letter or digit at all: a symbol standing for something else."""
    return len(text) <= 1 or not any(ch.isalnum() for ch in text)


@register
class LabelInNaam(BaseRule):
    id = "wcag.label-in-naam"
    title = "Zichtbare tekst staat niet in de toegankelijke naam"
    criteria = ("2.5.3",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.with_aria:
            if (
                element.get("aria-label") is None
                and element.get("aria-labelledby") is None
            ):
                continue
            if document.is_hidden_from_at(element):
                continue
            if document.computed_role(element) not in LABEL_IN_NAME_ROLES:
                continue
            seen = visible_text(document, element)
            if not seen or expresses_non_text(seen):
                continue
            name = " ".join(document.accessible_name(element).split()).lower()
            if seen in name:
                continue
            yield self.finding(
                document,
                element,
                f"Op het scherm staat “{seen}”, maar hulpsoftware noemt dit element "
                f"“{name or 'zonder naam'}”. Wie met spraak bedient en zegt wat hij ziet, "
                "vindt het element dan niet.",
                "Laat de aria-label of aria-labelledby beginnen met de zichtbare tekst "
                '(bijvoorbeeld aria-label="Volgende pagina met resultaten" bij de tekst '
                "“Volgende pagina”), of haal het attribuut weg.",
            )
