"""Accessible name and description, after W3C *Accessible Name and Description Computation 1.2*
with the HTML-AAM and SVG-AAM host-language rules.

One module that every rule about names uses. The step letters in the comments are the
specification's (https://w3c.github.io/accname/#computation-steps):

- 2A hidden and not referenced: empty, unless the traversal started at a hidden node that
  ``aria-labelledby``/``aria-describedby`` pointed at (then its hidden subtree counts);
- 2B ``aria-labelledby``: followed once (never from inside another labelledby traversal);
- 2C embedded control inside a label: its value (textbox), chosen option (combobox,
  listbox) or ``aria-valuetext``/``aria-valuenow``/value (range);
- 2D ``aria-label``; 2E host language: ``alt``, ``<label>``, ``<legend>``, ``<caption>``,
  ``<figcaption>``, svg ``<title>``, button values; not for presentational nodes;
- 2F name from content for roles that allow it, referenced nodes, labels and descendants;
- 2I tooltip: ``title`` (and ``placeholder`` for text fields).

Bounded: a computation visits at most :data:`NODES_PER_NAME` nodes and
:data:`MAX_DEPTH` levels, collects at most :data:`TEXT_LIMIT` characters, and the whole
document shares a budget linear in its size. What is cut off still counts as "there is
content" (the name becomes "…"), so deep or huge markup never produces a false "no name".
No CSS is applied: generated content and ``display`` from style sheets are unknown here;
inline ``display:none``/``visibility:hidden`` count as hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from . import aria

if TYPE_CHECKING:
    from .html import Document, Element

NODES_PER_NAME = 500
"""Nodes one name or description visits at most."""
MAX_DEPTH = 150
"""Levels of descendants followed; deeper content counts as present but is not read."""
TEXT_LIMIT = 1000
"""Characters collected; a longer name never changes a verdict."""
DOCUMENT_BUDGET_PER_ELEMENT = 10
"""The document-wide node budget is this many visits per element (at least 20,000)."""

TRUNCATED = "…"

_TEXT_INPUTS = frozenset(
    ["", "text", "search", "tel", "url", "email", "password", "number"]
)
_RANGE_ROLES = frozenset(["slider", "spinbutton", "scrollbar", "progressbar", "meter"])


@dataclass(frozen=True, slots=True)
class _Context:
    root: Element
    in_reference: bool = False
    """Part of an ``aria-labelledby``/``aria-describedby`` traversal (2B is not followed again)."""
    hidden_allowed: bool = False
    """The traversal started at a hidden node: its hidden subtree counts (2A)."""
    in_label: bool = False
    """Inside the label of another widget: embedded controls give their value (2C)."""
    recursion: bool = False
    """A descendant during name from content (2F.iii / 2H)."""
    depth: int = 0


class _Walk:
    """State of one computation: visited nodes, collected size, remaining budget."""

    __slots__ = ("cut", "nodes", "visited")

    def __init__(self) -> None:
        self.visited: set[Element] = set()
        self.nodes = 0
        self.cut = False


class AccessibleNames:
    """Names and descriptions of one :class:`~toegankelijkheid.html.Document`, cached."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._names: dict[Element, str] = {}
        self._descriptions: dict[Element, str] = {}
        self.budget = max(20_000, DOCUMENT_BUDGET_PER_ELEMENT * len(document.elements))

    # -- public ------------------------------------------------------------

    def name(self, element: Element) -> str:
        """The accessible name as a flat string ("" when there is none)."""
        cached = self._names.get(element)
        if cached is None:
            cached = self._names[element] = self._name(element)
        return cached

    def _plain_image_name(self, element: Element) -> str | None:
        """The name of an ``<img>``/``<area>`` whose alt decides it, without a walk.

        Steps 2B and 2D need ``aria-labelledby``/``aria-label``, a ``role`` may make it
        presentational, and a hidden root has no name; without any of those step 2E
        returns the alt. None when the full computation is needed. (A page of
        200,000 images then costs a dictionary lookup per image, not a traversal.)
        """
        attributes = element.attrib
        alt = attributes.get("alt")
        if (
            alt is None
            or "aria-labelledby" in attributes
            or "aria-label" in attributes
            or "role" in attributes
            or self.document.is_hidden_from_at(element)
        ):
            return None
        return flat(alt)

    def description(self, element: Element) -> str:
        """The accessible description: aria-describedby, aria-description, then title."""
        cached = self._descriptions.get(element)
        if cached is None:
            cached = self._descriptions[element] = self._description(element)
        return cached

    # -- steps ---------------------------------------------------------------

    def _name(self, element: Element) -> str:
        if element.tag in ("img", "area"):
            plain = self._plain_image_name(element)
            if plain is not None:
                return plain
        role = self.document.computed_role(element)
        if (
            role in aria.NAME_PROHIBITED
            and not element.get("aria-label")
            and not element.get("aria-labelledby")
        ):
            # Step 1: a role that prohibits naming has no name (an aria-label on it is
            # still read, so that a misplaced one stays visible to the rules).
            return ""
        walk = _Walk()
        text = self._compute(element, _Context(root=element), walk)
        return self._finish(element, text, walk)

    def _description(self, element: Element) -> str:
        walk = _Walk()
        ids = element.get("aria-describedby", "").split()
        parts = []
        for target in self._targets(ids):
            context = _Context(
                root=element,
                in_reference=True,
                hidden_allowed=self.document.is_hidden_from_at(target),
                in_label=True,
            )
            parts.append(self._compute(target, context, _Walk()))
        text = flat(" ".join(parts))
        if text:
            return text
        text = flat(element.get("aria-description", ""))
        if text:
            return text
        title = flat(element.get("title", ""))
        if title and title != self.name(element):
            return title
        return self._finish(element, "", walk) if walk.cut else ""

    def _finish(self, element: Element, text: str, walk: _Walk) -> str:
        text = flat(text)
        if text:
            return text
        if walk.cut and self.document.has_content(element):
            return TRUNCATED
        return ""

    def _targets(self, ids: list[str]) -> list[Element]:
        found = []
        for ident in ids:
            targets = self.document.ids.get(ident)
            if targets:
                found.append(targets[0])
        return found

    def _compute(self, node: Element, context: _Context, walk: _Walk) -> str:
        document = self.document
        if walk.nodes >= NODES_PER_NAME or self.budget <= 0:
            walk.cut = True
            return ""
        walk.nodes += 1
        self.budget -= 1
        # 2A: hidden and not part of a traversal that started at a hidden node.
        if document.is_hidden_from_at(node) and not context.hidden_allowed:
            return ""
        if node in walk.visited:
            return ""
        walk.visited.add(node)
        tag = node.tag
        role = document.computed_role(node)

        # 2B: aria-labelledby, unless already inside such a traversal.
        if not context.in_reference:
            targets = self._targets(node.get("aria-labelledby", "").split())
            if targets:
                parts = []
                for target in targets:
                    target_context = _Context(
                        root=context.root,
                        in_reference=True,
                        hidden_allowed=document.is_hidden_from_at(target),
                        in_label=True,
                        depth=context.depth,
                    )
                    # Each IDREF is its own traversal, so a node may name itself (example 5).
                    inner = _Walk()
                    inner.nodes = walk.nodes
                    parts.append(self._compute(target, target_context, inner))
                    walk.nodes = inner.nodes
                    walk.cut = walk.cut or inner.cut
                text = " ".join(part for part in parts if part.strip())
                if text.strip():
                    return text

        is_root = node is context.root
        # 2C: a control embedded in the label of another widget gives its value.
        if not is_root and context.in_label:
            value = self._embedded_value(node, role)
            if value is not None:
                return value

        # 2D: aria-label.
        label = node.get("aria-label")
        if label is not None and label.strip():
            return label

        # 2E: the host language's own text alternative (HTML-AAM, SVG-AAM).
        presentational = role in ("presentation", "none") and not aria.is_focusable(
            node
        )
        if not presentational:
            native = self._host_language(node, tag, context, walk, is_root)
            if native is not None:
                return native

        # 2F / 2H: name from content.
        if (
            context.recursion
            or context.in_reference
            or context.in_label
            or role in aria.NAME_FROM_CONTENT
            or tag in _TEXT_ALTERNATIVE_ELEMENTS
            or tag == "summary"
        ) and not (is_root and role in aria.NAME_PROHIBITED):
            text = self._content(node, context, walk)
            if text.strip():
                return text

        # 2I: tooltip.
        title = node.get("title")
        if title and title.strip():
            return title
        if is_root and tag in ("input", "textarea") and _is_text_field(node):
            return node.get("placeholder", "") or node.get("aria-placeholder", "")
        return ""

    def _content(self, node: Element, context: _Context, walk: _Walk) -> str:
        """2F.iii: the text of every rendered child, block elements set apart by spaces."""
        if node.tag in ("script", "style", "template"):
            return ""
        if context.depth >= MAX_DEPTH:
            walk.cut = True
            return ""
        child_context: _Context | None = None
        pieces = [node.text or ""]
        size = len(pieces[0])
        for child in node:
            if size > TEXT_LIMIT:
                break
            if isinstance(child.tag, str) and child is not context.root:
                if child_context is None:
                    child_context = replace(
                        context,
                        recursion=True,
                        depth=context.depth + 1,
                        in_label=context.in_label or node.tag == "label",
                    )
                result = self._compute(child, child_context, walk)
                if child.tag not in _INLINE:
                    result = f" {result} "
                pieces.append(result)
                size += len(result)
            tail = child.tail
            if tail:
                pieces.append(tail)
                size += len(tail)
        return "".join(pieces)

    def _embedded_value(self, node: Element, role: str) -> str | None:
        tag = node.tag
        if role == "textbox":
            if tag == "input":
                return node.get("value", "")
            return flat("".join(node.itertext()))
        if role in ("combobox", "listbox"):
            if tag == "select":
                options = list(node.iter("option"))
                chosen = [o for o in options if o.get("selected") is not None]
                if not chosen and options and node.get("multiple") is None:
                    chosen = options[:1]
                return " ".join(flat("".join(o.itertext())) for o in chosen)
            if tag == "input":
                return node.get("value", "")
            chosen = [
                e
                for e in node.iter()
                if isinstance(e.tag, str)
                and e.get("aria-selected", "").strip().lower() == "true"
            ]
            return " ".join(flat("".join(o.itertext())) for o in chosen)
        if role in _RANGE_ROLES:
            for attribute in ("aria-valuetext", "aria-valuenow", "value"):
                value = node.get(attribute)
                if value is not None:
                    return value
            return ""
        return None

    def _host_language(
        self, node: Element, tag: str, context: _Context, walk: _Walk, is_root: bool
    ) -> str | None:
        """2E; ``None`` when the element has no native text alternative of its own."""
        kind = node.get("type", "").strip().lower() if tag == "input" else ""
        if tag in ("img", "area"):
            alt = node.get("alt")
            if alt is not None:
                return alt  # alt="" is decoration: the name is empty, title is not used
            return None
        if tag == "input":
            if kind == "image":
                return node.get("alt") or node.get("value") or None
            if kind in ("submit", "reset", "button"):
                value = node.get("value")
                if value is not None:
                    return value
                return _DEFAULT_BUTTON_NAMES.get(kind)
            if kind == "hidden":
                return ""
        if tag in _LABELABLE and is_root:
            labels = self.document.labels_for(node)
            if labels:
                parts = []
                for label in labels:
                    label_context = _Context(
                        root=context.root,
                        in_reference=context.in_reference,
                        hidden_allowed=self.document.is_hidden_from_at(label),
                        in_label=True,
                        depth=context.depth,
                    )
                    parts.append(self._compute(label, label_context, walk))
                text = " ".join(p for p in parts if p.strip())
                if text.strip():
                    return text
            return None
        child_tag = _CAPTION_CHILD.get(tag)
        if child_tag is not None:
            for child in node:
                if isinstance(child.tag, str) and child.tag == child_tag:
                    text = self._compute(
                        child, replace(context, in_label=True, recursion=True), walk
                    )
                    return text if text.strip() else None
            return None
        if tag == "optgroup":
            return node.get("label")
        if tag == "svg" or self.document.in_svg(node):
            for child in node:
                if isinstance(child.tag, str) and child.tag.lower() == "title":
                    text = flat("".join(child.itertext()))
                    if text:
                        return text
            return None
        return None


def flat(text: str) -> str:
    """A flat string: whitespace (also non-breaking spaces) collapsed, ends trimmed."""
    return " ".join(text.replace("\xa0", " ").split())


def _is_text_field(node: Element) -> bool:
    if node.tag == "textarea":
        return True
    return node.get("type", "").strip().lower() in _TEXT_INPUTS


_DEFAULT_BUTTON_NAMES = {"submit": "Verzenden", "reset": "Herstellen"}
"""HTML-AAM: a submit or reset button without value is named by the browser's language."""

_LABELABLE = frozenset(
    ["input", "select", "textarea", "meter", "progress", "output", "button"]
)
_CAPTION_CHILD = {"fieldset": "legend", "table": "caption", "figure": "figcaption"}
_TEXT_ALTERNATIVE_ELEMENTS = frozenset(["label", "legend", "caption", "figcaption"])
_INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "img",
        "ins",
        "kbd",
        "label",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
    ]
)
