"""WAI-ARIA 1.2 as data: roles, states and properties, value types, context and implicit roles.

The tables are not typed in here: ``data/aria.json`` is converted at build time
(``scripts/wcag-data``, ``data/convert.mjs``) from the npm package **aria-query**
(version, licence and source in :data:`SOURCE`; Apache-2.0, the W3C ARIA tables as
data). This module only reads it and answers questions about it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .html import Document, Element

_DATA: dict[str, Any] = json.loads(
    (Path(__file__).with_name("data") / "aria.json").read_text(encoding="utf-8")
)
SOURCE: dict[str, str] = _DATA["source"]
"""``{"package": "aria-query", "version": …, "license": …}``."""

ROLE_DATA: dict[str, dict[str, Any]] = _DATA["roles"]

ABSTRACT_ROLES = frozenset(name for name, role in ROLE_DATA.items() if role["abstract"])
ROLES = frozenset(name for name, role in ROLE_DATA.items() if not role["abstract"]) | {
    "image"  # WAI-ARIA 1.3 synonym of img; every current browser maps it to img
}
"""Roles an author may use."""

NAME_FROM_CONTENT = frozenset(
    name for name, role in ROLE_DATA.items() if "contents" in role["nameFrom"]
)
NAME_PROHIBITED = frozenset(
    name for name, role in ROLE_DATA.items() if role["nameFrom"] == ["prohibited"]
) | {"none"}
NAME_REQUIRED = frozenset(
    name for name, role in ROLE_DATA.items() if role["nameRequired"]
)
CHILDREN_PRESENTATIONAL = frozenset(
    name for name, role in ROLE_DATA.items() if role["childrenPresentational"]
)

# Value types, as aria-query names them (WAI-ARIA 1.2 §6.6 "Value").
STRING = "string"
BOOLEAN = "boolean"
TRISTATE = "tristate"
TRUE_FALSE_UNDEFINED = "true/false/undefined"
INTEGER = "integer"
NUMBER = "number"
IDREF = "id"
IDREFS = "idlist"
TOKEN = "token"  # noqa: S105  (a value type, not a secret)
TOKENS = "tokenlist"


def _token(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


ATTRIBUTE_DATA: dict[str, dict[str, Any]] = {
    name: {
        "type": (
            TRUE_FALSE_UNDEFINED
            if definition["type"] == BOOLEAN and definition["allowUndefined"]
            else definition["type"]
        ),
        "values": frozenset(_token(v) for v in definition["values"]),
    }
    for name, definition in _DATA["attributes"].items()
}
# WAI-ARIA 1.2 §6.6: an aria-invalid value that is not a known token means "true".
ATTRIBUTE_DATA["aria-invalid"] = {"type": STRING, "values": frozenset()}
ATTRIBUTES: dict[str, str | frozenset[str]] = {
    name: (data["values"] if data["type"] == TOKEN else data["type"])
    for name, data in ATTRIBUTE_DATA.items()
}
"""Every state and property with its type; a token type is the set of allowed values."""

GLOBAL_ATTRIBUTES = frozenset(ROLE_DATA["roletype"]["supported"])
"""Supported on every role (the states and properties of the base role ``roletype``)."""

DEFAULTED_REQUIREMENTS = frozenset(
    [
        ("option", "aria-selected"),
        ("treeitem", "aria-selected"),
    ]
)
"""Required in the tables but with a default value browsers apply (aria-selected
false), so leaving them out is not a failure. ``heading``/``aria-level`` is not
here: WAI-ARIA 1.2 dropped its default of 2 (W3C ACT rule 4e8ab6, failed example 1)."""

FOCUSABLE_REQUIREMENTS = {"separator": ("aria-valuenow",)}
"""WAI-ARIA 1.2: a focusable separator is a widget and then needs its value."""


def required_attributes(role: str, element: Element | None = None) -> tuple[str, ...]:
    """States and properties ``role`` requires; with ``element``, also those that
    depend on it (a focusable separator needs ``aria-valuenow``)."""
    data = ROLE_DATA.get(role)
    if data is None:
        return ()
    required = tuple(
        a for a in data["required"] if (role, a) not in DEFAULTED_REQUIREMENTS
    )
    if element is not None and role in FOCUSABLE_REQUIREMENTS and is_focusable(element):
        required += tuple(a for a in FOCUSABLE_REQUIREMENTS[role] if a not in required)
    return required


def supported_attributes(role: str) -> frozenset[str]:
    """States and properties allowed on ``role`` (its own, inherited and global)."""
    data = ROLE_DATA.get(role)
    if data is None:
        return GLOBAL_ATTRIBUTES
    return (
        frozenset(data["supported"]) | frozenset(data["required"]) | GLOBAL_ATTRIBUTES
    )


def prohibited_attributes(role: str) -> frozenset[str]:
    data = ROLE_DATA.get(role)
    return frozenset(data["prohibited"]) if data else frozenset()


def required_context(role: str) -> tuple[str, ...]:
    data = ROLE_DATA.get(role)
    return tuple(data["requiredContext"]) if data else ()


def required_owned(role: str) -> tuple[str, ...]:
    """Roles one of which must be owned (``"row > rowgroup"`` means a rowgroup holding rows)."""
    data = ROLE_DATA.get(role)
    return tuple(data["requiredOwned"]) if data else ()


def is_a(role: str, ancestor: str) -> bool:
    """``role`` is ``ancestor`` or a subclass of it (``slider`` is a ``range``)."""
    data = ROLE_DATA.get(role)
    return role == ancestor or bool(data and ancestor in data["superclasses"])


# -- implicit roles (HTML-AAM / html-aria, from aria-query's elementRoles) -----------

_BY_ELEMENT: dict[str, list[dict[str, Any]]] = {}
for _concept in _DATA["elementRoles"]:
    # The most specific match wins: an attribute value counts double, presence once.
    _concept["score"] = sum(
        2 if c["value"] is not None else 1 for c in _concept["attributes"]
    )
    _BY_ELEMENT.setdefault(_concept["element"], []).append(_concept)

_INPUT_TYPES = frozenset(
    [
        *("button", "checkbox", "color", "date", "datetime-local", "email", "file"),
        *("hidden", "image", "month", "number", "password", "radio", "range"),
        *("reset", "search", "submit", "tel", "text", "time", "url", "week"),
    ]
)
_SECTIONING = frozenset(["article", "aside", "main", "nav", "section"])
_FOCUSABLE_TAGS = frozenset(["button", "select", "textarea", "iframe", "summary"])


def _attribute_matches(element: Element, condition: dict[str, Any]) -> bool:
    name = condition["name"]
    value = element.get(name)
    if name == "type" and element.tag == "input":
        value = (value or "text").strip().lower()
        if value not in _INPUT_TYPES:
            value = "text"
        if condition["value"] is None and "undefined" in condition["constraints"]:
            return element.get("type") is None or value == "text"
    constraints = condition["constraints"]
    if "undefined" in constraints:
        return value is None
    if "set" in constraints:
        return value is not None
    if ">1" in constraints:
        return bool(value and value.strip().isdigit() and int(value) > 1)
    if condition["value"] is None:
        return value is not None
    if name == "alt":
        # html-aam: only alt="" (exactly empty) makes an image presentational;
        # alt=" " is a (blank) text alternative, the image stays an img.
        return value == condition["value"]
    return value is not None and value.strip().lower() == condition["value"]


def _context_matches(element: Element, constraints: list[str]) -> bool:
    if not constraints:
        return True
    text = " ".join(constraints)
    if "scoped to the body element" in text and element.tag in ("header", "footer"):
        return next(element.iterancestors(*_SECTIONING), None) is None
    if "scoped to the main element" in constraints and element.tag in (
        "header",
        "footer",
    ):
        return next(element.iterancestors(*_SECTIONING), None) is not None
    if "ancestor table element has grid role" in text:
        table = next(element.iterancestors("table"), None)
        return table is not None and (table.get("role") or "").strip() in (
            "grid",
            "treegrid",
        )
    if element.tag == "aside" and "scoped to the body element" in constraints:
        return (
            next(element.iterancestors("article", "aside", "nav", "section"), None)
            is None
        )
    return True


_LOCAL_CONSTRAINT_ATTRIBUTES = ("list", "multiple", "size")
"""Attributes the element-only constraints of aria-query's elementRoles speak of."""
_SIGNATURES: dict[str, tuple[str, ...]] = {
    tag: tuple(
        sorted(
            {a["name"] for c in concepts for a in c["attributes"]}
            | set(_LOCAL_CONSTRAINT_ATTRIBUTES)
        )
    )
    for tag, concepts in _BY_ELEMENT.items()
    if tag not in ("footer", "header")  # by their ancestors, in _implicit_role
    and all(
        any(f"the {name} attribute" in text for name in _LOCAL_CONSTRAINT_ATTRIBUTES)
        for c in concepts
        for text in c["constraints"]
    )
}
"""Per tag whose implicit role depends only on its own attributes: those attributes."""
_IMPLICIT_CACHE: dict[tuple[str, tuple[str | None, ...]], str] = {}
_IMPLICIT_CACHE_SIZE = 4096


def implicit_role(element: Element) -> str:
    """The role an HTML element has without a ``role`` attribute ("" when none).

    Where the role depends only on the element's own attributes (``input`` by its
    type and list, ``a`` by href, …) the answer is remembered per attribute values,
    so a page of 20,000 fields does not match every concept 20,000 times."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    signature = _SIGNATURES.get(tag)
    if signature is None:
        return _implicit_role(element, tag)
    key = (tag, tuple(element.get(name) for name in signature))
    role = _IMPLICIT_CACHE.get(key)
    if role is None:
        role = _implicit_role(element, tag)
        if len(_IMPLICIT_CACHE) < _IMPLICIT_CACHE_SIZE:
            _IMPLICIT_CACHE[key] = role
    return role


def _implicit_role(element: Element, tag: str) -> str:
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return "heading"
    if tag == "footer":
        return (
            "contentinfo"
            if _context_matches(element, ["scoped to the body element"])
            else "generic"
        )
    if tag == "svg":
        return "graphics-document"  # SVG-AAM
    concepts = _BY_ELEMENT.get(tag)
    if not concepts:
        return ""
    best, best_score = "", -1
    for concept in concepts:
        conditions = concept["attributes"]
        matched = True
        for condition in conditions:
            if not _attribute_matches(element, condition):
                matched = False
                break
        if not matched or not _context_matches(element, concept["constraints"]):
            continue
        score = concept["score"]
        if score > best_score:
            best, best_score = concept["roles"][0], score
    return best


def explicit_role(element: Element) -> str:
    """The first token of ``role`` that is a real, non-abstract role ("" when none)."""
    for word in (element.get("role") or "").lower().split():
        if word in ROLES:
            return "img" if word == "image" else word
    return ""


def is_focusable(element: Element) -> bool:
    """Focusable without scripts: links, form controls, ``tabindex``, ``contenteditable``."""
    tag = element.tag
    if element.get("tabindex") is not None:
        return element.get("tabindex", "").strip().lstrip("-").isdigit()
    if element.get("disabled") is not None and tag in (
        "button",
        "input",
        "select",
        "textarea",
    ):
        return False
    if tag in ("a", "area"):
        return element.get("href") is not None
    if tag == "input":
        return (element.get("type") or "").strip().lower() != "hidden"
    if element.get("contenteditable") not in (None, "false"):
        return True
    return tag in _FOCUSABLE_TAGS


def role_of(document: Document | None, element: Element) -> str:
    """The element's role as browsers compute it: explicit, else implicit.

    ``presentation``/``none`` is ignored (presentational role conflict resolution,
    WAI-ARIA 1.2 §9.3) on a focusable element or one with a global state or property.
    """
    role = explicit_role(element)
    if role in ("presentation", "none"):
        if is_focusable(element) or any(
            name in GLOBAL_ATTRIBUTES for name in element.attrib
        ):
            return implicit_role(element)
        return role
    return role or implicit_role(element)


# -- values ------------------------------------------------------------------


def value_problem(
    name: str, value: str, ids: object, element: Element | None = None
) -> str | None:
    """Why ``value`` is not valid for attribute ``name``, in Dutch; None when it is.

    ``ids`` is a container of the document's ids, for IDREF(S) attributes.
    An empty value is allowed everywhere: it means "not set". With ``element``,
    an ``aria-errormessage`` is only required to point at an existing element while
    the element is invalid (WAI-ARIA 1.2: the message is shown, and often added to
    the page, only when ``aria-invalid`` is true).
    """
    data = ATTRIBUTE_DATA.get(name)
    value = value.strip()
    if data is None or not value:
        return None
    kind, allowed = data["type"], data["values"]
    lowered = value.lower()
    if kind == TOKEN and lowered not in allowed:
        return f"moet een van {', '.join(sorted(allowed))} zijn"
    if kind == TOKENS and not set(lowered.split()) <= allowed:
        return f"moet bestaan uit {', '.join(sorted(allowed))}"
    if kind == BOOLEAN and lowered not in ("true", "false"):
        return "moet true of false zijn"
    if kind == TRISTATE and lowered not in ("true", "false", "mixed", "undefined"):
        return "moet true, false of mixed zijn"
    if kind == TRUE_FALSE_UNDEFINED and lowered not in ("true", "false", "undefined"):
        return "moet true, false of undefined zijn"
    if kind == INTEGER and not value.lstrip("-").isdigit():
        return "moet een geheel getal zijn"
    if kind == NUMBER:
        try:
            float(value)
        except ValueError:
            return "moet een getal zijn"
    if kind == IDREF and len(value.split()) > 1:
        return "moet één id zijn, geen lijst"
    if kind == IDREF and value not in ids:  # type: ignore[operator]
        if (
            name == "aria-errormessage"
            and element is not None
            and not is_invalid(element)
        ):
            return None
        return "verwijst naar een id die niet op de pagina staat"
    if kind == IDREFS and not any(token in ids for token in value.split()):  # type: ignore[operator]
        return "verwijst naar een id die niet op de pagina staat"
    return None


def is_invalid(element: Element) -> bool:
    """``aria-invalid`` says the value is wrong: any value except false (WAI-ARIA 1.2 §6.6)."""
    value = (element.get("aria-invalid") or "").strip().lower()
    return value not in ("", "false", "undefined")
