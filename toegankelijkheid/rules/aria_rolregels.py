"""4.1.2 and 1.3.1: what WAI-ARIA 1.2 requires of a role, from the tables in ``aria.py``.

- ``wcag.aria-verplicht-attribuut``: a required state or property is missing
  (``role="checkbox"`` without ``aria-checked``);
- ``wcag.aria-attribuut-niet-toegestaan``: a state or property the element's role does
  not support or prohibits (``aria-checked`` on a link, ``aria-label`` on a ``<div>``);
- ``wcag.aria-context``: a role outside the context it needs (``listitem`` outside a
  ``list``), or a container without any of the roles it must own (``list`` without
  ``listitem``).

Only explicit roles are judged for required attributes and context: native HTML
elements bring their own states (a checkbox input is checked or not).
"""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from .. import aria
from ..html import Document, Element
from ..registry import BaseRule, register

_TRANSPARENT = frozenset(["", "generic", "none", "presentation"])
"""Roles the accessibility tree looks through when it finds a parent or owned children."""
_NATIVE_STATE = frozenset(
    ["input", "select", "textarea", "h1", "h2", "h3", "h4", "h5", "h6"]
)
OWNED_SEARCHED = 200


@register
class AriaVerplichtAttribuut(BaseRule):
    id = "wcag.aria-verplicht-attribuut"
    title = "Verplicht ARIA-attribuut ontbreekt"
    criteria = ("4.1.2",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.with_role:
            role = aria.explicit_role(element)
            if (
                not role
                or element.tag in _NATIVE_STATE
                or document.is_hidden_from_at(element)
            ):
                continue
            missing = [
                a
                for a in aria.required_attributes(role, element)
                if not element.get(a, "").strip()
            ]
            if role == "combobox" and missing == ["aria-controls"]:
                continue  # WAI-ARIA 1.2: aria-controls only matters while the popup is open
            if missing:
                yield self.finding(
                    document,
                    element,
                    f'role="{role}" vraagt om {" en ".join(missing)}, maar dat ontbreekt. '
                    "Hulpsoftware kan dan niet zeggen in welke toestand het element is.",
                    f"Zet {' en '.join(missing)} op het element en houd het bij met een script, "
                    "of gebruik het HTML-element dat dit zelf doet (bijvoorbeeld "
                    '<input type="checkbox">).',
                )


@register
class AriaAttribuutNietToegestaan(BaseRule):
    id = "wcag.aria-attribuut-niet-toegestaan"
    title = "ARIA-attribuut past niet bij de rol"
    criteria = ("4.1.2",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.with_aria:
            if document.is_hidden_from_at(element):
                continue
            # "" is an element without a corresponding role (iframe, embed, object,
            # video, canvas): html-aria allows the global states and properties there,
            # aria-label included; a <div> or <span> is generic and may not be named.
            role = document.computed_role(element)
            supported = aria.supported_attributes(role or "generic")
            prohibited = aria.prohibited_attributes(role) if role else frozenset()
            wrong = [
                name
                for name in element.attrib
                if name in aria.ATTRIBUTES
                # an empty value still puts the attribute on the element (ACT 5c01ea)
                and (name in prohibited or name not in supported)
            ]
            if wrong:
                shown = (
                    "rol " + role
                    if role not in ("generic", "")
                    else "dit element zonder rol"
                )
                yield self.finding(
                    document,
                    element,
                    f"{', '.join(wrong)} is niet toegestaan bij {shown}: hulpsoftware negeert "
                    "het of geeft verkeerde informatie.",
                    "Haal het attribuut weg, of geef het element een rol die het ondersteunt "
                    "(een naam hoort bij een link, knop, kop of landmark, niet bij een <div> "
                    "of <span>).",
                )


@register
class AriaContext(BaseRule):
    id = "wcag.aria-context"
    title = "ARIA-rol buiten de vereiste context of zonder vereiste onderdelen"
    criteria = ("1.3.1",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        owners = _owners(document)
        for element in document.with_role:
            role = aria.explicit_role(element)
            if not role or document.is_hidden_from_at(element):
                continue
            context = aria.required_context(role)
            if context:
                parent = owners.get(element) or _parent_role(document, element)
                if parent not in context:
                    yield self.finding(
                        document,
                        element,
                        f'role="{role}" hoort binnen {" of ".join(context)}, maar staat '
                        f"{'binnen ' + parent if parent else 'los'}. Hulpsoftware telt het dan "
                        "niet mee als onderdeel.",
                        f"Zet het element in een element met role={context[0]} (of het "
                        "HTML-element met die rol), of haal de rol weg.",
                    )
                    continue
            owned = aria.required_owned(role)
            if owned and element.get("aria-busy", "").strip().lower() != "true":
                allowed = {entry.split(" > ")[-1] for entry in owned} | {
                    entry.split(" > ")[0] for entry in owned
                }
                children = _owned_roles(document, element)
                if not children & allowed:
                    yield self.finding(
                        document,
                        element,
                        f'role="{role}" moet {" of ".join(sorted(allowed))} bevatten, maar '
                        "bevat die niet. Hulpsoftware kan de onderdelen dan niet noemen of tellen.",
                        "Geef de onderdelen hun rol (bijvoorbeeld role=listitem in een "
                        "role=list), of gebruik de HTML-elementen (<ul> met <li>).",
                    )


def _owners(document: Document) -> dict[Element, str]:
    """Elements claimed with ``aria-owns``, with their owner's role."""
    owned: dict[Element, str] = {}
    for element in document.with_aria:
        value = element.get("aria-owns")
        if not value:
            continue
        for target in document.referenced(element, "aria-owns"):
            owned[target] = document.computed_role(element)
    return owned


def _parent_role(document: Document, element: Element) -> str:
    """The role of the nearest ancestor the accessibility tree does not look through."""
    for ancestor in element.iterancestors():
        role = document.computed_role(ancestor)
        if role not in _TRANSPARENT:
            return role
    return ""


def _owned_roles(document: Document, element: Element) -> set[str]:
    """Roles of the owned children: descendants seen through generic and presentational
    wrappers, plus ``aria-owns`` targets; the search is bounded."""
    found: set[str] = set()
    stack = list(reversed([c for c in element if isinstance(c.tag, str)]))
    stack += document.referenced(element, "aria-owns")
    searched = 0
    while stack and searched < OWNED_SEARCHED:
        node = stack.pop()
        searched += 1
        if document.is_hidden_from_at(node):
            continue
        role = document.computed_role(node)
        if role in _TRANSPARENT:
            stack.extend(c for c in node if isinstance(c.tag, str))
        else:
            found.add(role)
    return found
