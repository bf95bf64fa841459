"""3.1.2: a ``lang`` attribute on part of the page that is not a valid language."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document, Element
from ..registry import BaseRule, register
from ._taal import language_problem


@register
class TaalOnderdeel(BaseRule):
    id = "wcag.taal-onderdeel"
    title = "Ongeldige taalcode op een deel van de tekst"
    criteria = ("3.1.2",)
    level = "AA"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.with_attribute_lang():
            if element is document.root or document.is_hidden(element):
                continue
            for attribute in ("lang", "xml:lang"):
                value = element.get(attribute)
                if value is not None and value != "":
                    break  # lang="" means "unknown language": allowed; "  " is not
            else:
                continue
            problem = language_problem(value)
            if problem and inherits_text(document, element):
                yield self.finding(
                    document,
                    element,
                    f'De taal van dit tekstdeel {problem} ({attribute}="{value}").',
                    'Gebruik een geldige taalcode, bijvoorbeeld lang="en" voor Engels of '
                    'lang="fy" voor Fries.',
                )


INHERIT_SEARCHED = 2000
"""Elements looked at per ``lang`` before the language counts as used (bounded)."""


def inherits_text(document: Document, element: Element) -> bool:
    """Some rendered text, or a text alternative, takes its language from ``element``.

    Text inside a descendant with its own ``lang`` takes that one instead, and text
    that is not rendered (``display: none``, ``hidden``) has no language to speak of
    (W3C ACT rule de46e4). Text hidden only from assistive technology still counts:
    it is visible. Past :data:`INHERIT_SEARCHED` elements the answer is yes."""
    stack = [element]
    seen = 0
    while stack:
        node = stack.pop()
        seen += 1
        if seen > INHERIT_SEARCHED:
            return True
        if node is not element and (
            node.get("lang") is not None or node.get("xml:lang") is not None
        ):
            continue
        if document.is_hidden(node):
            continue
        if (node.text or "").strip():
            return True
        if node.tag in ("img", "area", "input") and (node.get("alt") or "").strip():
            return True
        for attribute in ("aria-label", "title"):
            if (node.get(attribute) or "").strip():
                return True
        for child in node:
            if (child.tail or "").strip():
                return True
            if isinstance(child.tag, str):
                stack.append(child)
    return False
