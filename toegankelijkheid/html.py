"""Parse HTML once for all rules, with line numbers, CSS paths and text helpers.

lxml (libxml2's HTML parser) is forgiving: unclosed tags, stray end tags and
script content never stop it, and it parses 10 MB in well under a second.
Two limits of libxml2 are handled here explicitly: documents nested deeper than
2048 levels stop parsing (we raise :class:`ToegankelijkheidError` instead of
checking half a page), and line numbers past 65 535 are not kept (we report no
line rather than a wrong one).

Nothing here recurses over the tree, so deep nesting cannot hit Python's
recursion limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from lxml import etree

from . import aria
from .accname import AccessibleNames
from .errors import ToegankelijkheidError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""Largest input :func:`parse` accepts, in bytes of UTF-8."""

MAX_LINE = 65535
"""libxml2 keeps line numbers in 16 bits; from here on it is no longer exact."""

NAME_LIMIT = 400
"""Characters of text collected for an accessible name; more never changes a verdict."""

NAME_NODES = 200
"""Elements visited for the rendered text of one element (:meth:`Document.text`)."""

INLINE_TAGS = frozenset(
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
        "wbr",
    ]
)
VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
NEVER_RENDERED = frozenset(("script", "style", "template", "noscript", "head"))
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")

_CSS_IDENT = re.compile(r"^-?[A-Za-z_][A-Za-z0-9_-]*$")
_DISPLAY_NONE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b"
)
_SPACE = re.compile(r"\s+")
_DOCUMENT_MARKUP = re.compile(rb"<(?:!doctype\b|html[\s>/]|head[\s>/])", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

Element = etree._Element


def normalize(text: str) -> str:
    """Collapse whitespace (including non-breaking spaces) and strip."""
    return _SPACE.sub(" ", text.replace("\xa0", " ")).strip()


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def parse(
    html: str | bytes, *, fragment: bool = True, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Parse ``html`` into a :class:`Document`, or raise ToegankelijkheidError."""
    if isinstance(html, bytes):
        data = html
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ToegankelijkheidError(
                "De HTML is geen geldige UTF-8-tekst (fout bij byte "
                f"{error.start}). Sla het bestand op als UTF-8."
            ) from None
    elif isinstance(html, str):
        data = html.encode("utf-8", errors="replace")
    else:
        raise ToegankelijkheidError(
            f"Geef de HTML als tekst (str of bytes), niet als {type(html).__name__}."
        )
    if len(data) > max_bytes:
        raise ToegankelijkheidError(
            f"De HTML is te groot om te controleren: {_megabytes(len(data))} "
            f"terwijl de grens {_megabytes(max_bytes)} is. Controleer de pagina in "
            "kleinere delen of verhoog de grens."
        )
    data = data.removeprefix(b"\xef\xbb\xbf")
    if data[:100].lstrip().startswith(b"<?xml"):
        data = _XML_DECLARATION.sub(
            "", data.decode("utf-8", "replace"), count=1
        ).encode()
    parser = etree.HTMLParser(
        recover=True,
        huge_tree=True,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        encoding="utf-8",
    )
    root = etree.fromstring(data, parser) if data.strip() else None
    for entry in parser.error_log:
        if (
            entry.type_name == "ERR_RESOURCE_LIMIT"
            or "Excessive depth" in entry.message
        ):
            raise ToegankelijkheidError(
                "De HTML is te diep genest (meer dan 2048 elementen in elkaar) en kan "
                "daardoor niet volledig worden gelezen. Controleer of er tags niet "
                "worden afgesloten."
            )
    if root is None:
        root = etree.fromstring(b"<html><body></body></html>", parser)
    return Document(root, fragment=fragment, source=data)


def _megabytes(size: int) -> str:
    """``10,0 MB (10.485.761 bytes)``: Dutch number format, exact enough near the limit."""
    megabytes = f"{size / (1024 * 1024):.1f}".replace(".", ",")
    exact = f"{size:,}".replace(",", ".")
    return f"{megabytes} MB ({exact} bytes)"


@dataclass(eq=False)
class Document:
    """A parsed page or fragment, indexed once for every rule."""

    root: Element
    fragment: bool = True
    source: bytes = b""
    """The raw markup as parsed (UTF-8), for checks a DOM cannot make (duplicate attributes)."""
    elements: list[Element] = field(init=False)
    """Every element in document order (comments and processing instructions left out)."""
    by_tag: dict[str, list[Element]] = field(init=False)
    ids: dict[str, list[Element]] = field(init=False)
    with_role: list[Element] = field(init=False)
    with_aria: list[Element] = field(init=False)
    _hidden: set[Element] = field(init=False)
    _aria_hidden: set[Element] = field(init=False)
    _positions: dict[tuple[Element, str], dict[Element, int]] = field(init=False)
    _labels: dict[str, list[Element]] | None = field(init=False, default=None)

    @property
    def is_document(self) -> bool:
        """A whole document: not a fragment, or markup with a doctype, ``<html>`` or ``<head>``."""
        return not self.fragment or bool(_DOCUMENT_MARKUP.search(self.source))

    def __post_init__(self) -> None:
        self.elements = []
        self.by_tag = {}
        self.ids = {}
        self.with_role = []
        self.with_aria = []
        self.with_attributes: list[Element] = []
        self._roles: set[Element] = set()
        """Elements with a non-blank ``role`` attribute; what it means is :meth:`computed_role`."""
        self._hidden = set()
        self._aria_hidden = set()
        self._positions = {}
        self._names: dict[Element, str] = {}
        self._links: list[Element] | None = None
        self._headings: list[tuple[Element, int]] | None = None
        self._content_holders: set[Element] | None = None
        self._order: dict[Element, int] | None = None
        self._label_ancestor: dict[Element, Element] | None = None
        self._paths: dict[Element, str] = {}
        self._accname: AccessibleNames | None = None
        self._computed_roles: dict[Element, str] = {}
        self.rule_cache: dict[str, object] = {}
        """Indexes that helpers in ``rules/`` build once per document."""
        hidden, aria_hidden = self._hidden, self._aria_hidden
        for element in self.root.iter():
            tag = element.tag
            if not isinstance(tag, str):
                continue
            self.elements.append(element)
            self.by_tag.setdefault(tag, []).append(element)
            parent = element.getparent()
            keys = element.keys()
            if not keys:
                if parent in hidden or tag in NEVER_RENDERED:
                    hidden.add(element)
                    aria_hidden.add(element)
                elif parent in aria_hidden:
                    aria_hidden.add(element)
                continue
            self.with_attributes.append(element)
            get = element.get
            ident = get("id")
            if ident:
                self.ids.setdefault(ident, []).append(element)
            role = get("role")
            if role is not None:
                self.with_role.append(element)
                if role.strip():
                    self._roles.add(element)
            if any(name.startswith("aria-") for name in keys):
                self.with_aria.append(element)
            if parent in hidden or self._hides(tag, element):
                hidden.add(element)
                aria_hidden.add(element)
            elif (
                parent in aria_hidden
                or get("aria-hidden", "").strip().lower() == "true"
            ):
                aria_hidden.add(element)

    @staticmethod
    def _hides(tag: str, element: Element) -> bool:
        if tag in NEVER_RENDERED or element.get("hidden") is not None:
            return True
        if tag == "input" and element.get("type", "").lower() == "hidden":
            return True
        style = element.get("style")
        return bool(style and _DISPLAY_NONE.search(style.lower()))

    # -- queries ---------------------------------------------------------

    def tags(self, *names: str) -> Iterator[Element]:
        """Elements with one of these tag names, in document order per tag."""
        if len(names) == 1:
            yield from self.by_tag.get(names[0], ())
            return
        wanted = set(names)
        for element in self.elements:
            if element.tag in wanted:
                yield element

    def tags_or_roles(self, tags: Iterable[str], roles: Iterable[str]) -> list[Element]:
        """Elements with one of ``tags`` or whose role is one of ``roles``, in document order.

        Built from the tag and role indexes, so a rule about buttons does not walk
        every element of a page made of images."""
        wanted = set(roles)
        found = {e for tag in tags for e in self.by_tag.get(tag, ())}
        found.update(e for e in self.with_role if self.computed_role(e) in wanted)
        if self._order is None:
            self._order = dict(
                zip(self.elements, range(len(self.elements)), strict=True)
            )
        return sorted(found, key=self._order.__getitem__)

    def with_attribute_lang(self) -> list[Element]:
        """Elements (not the root) with ``lang`` or ``xml:lang``, not hidden, in document order."""
        return [
            element
            for element in self.with_attributes
            if element is not self.root
            and ("lang" in element.attrib or "xml:lang" in element.attrib)
            and not self.is_hidden(element)
        ]

    def is_hidden(self, element: Element) -> bool:
        """Not rendered: ``hidden``, ``display: none``, inside script/template/head."""
        return element in self._hidden

    def is_hidden_from_at(self, element: Element) -> bool:
        """Not rendered, or hidden from assistive technology (``aria-hidden="true"``)."""
        return element in self._aria_hidden

    def is_presentational(self, element: Element) -> bool:
        """A ``role="presentation"``/``"none"`` attribute that browsers honour.

        The computed role of :mod:`.aria` decides: the first valid token counts
        (``role="foo none"`` is ``none``), and presentational role conflict resolution
        (WAI-ARIA 1.2 §9.3) ignores it on a focusable element or one with a global
        ARIA attribute, so ``<button role="none">`` is still a button. An implicit
        presentation role (``<img alt="">``) is decoration, not this."""
        return element in self._roles and self.computed_role(element) in (
            "presentation",
            "none",
        )

    def heading_level(self, element: Element) -> int | None:
        """The level of a heading by its computed role; None when it is no heading.

        ``aria-level`` (a positive integer) wins, else h1 to h6 give their own level
        and any other heading level 2 (WAI-ARIA 1.2, html-aam). ``<h2 role="tab">`` is
        a tab, ``<div role="foo heading">`` a heading: the role is the one of
        :meth:`computed_role`, never the raw attribute."""
        if self.computed_role(element) != "heading":
            return None
        level = element.get("aria-level", "").strip()
        if level.isdigit() and int(level) >= 1:
            return int(level)
        tag = element.tag
        return int(tag[1]) if tag in HEADING_TAGS else 2

    def headings(self) -> list[tuple[Element, int]]:
        """Headings (h1 to h6 and role="heading") a screen reader lists, with their level."""
        if self._headings is None:
            self._headings = []
            for element in self.elements:
                if element.tag in HEADING_TAGS or element in self._roles:
                    level = self.heading_level(element)
                    if level is not None and not self.is_hidden_from_at(element):
                        self._headings.append((element, level))
        return self._headings

    def links(self) -> list[Element]:
        """Links a user can follow: ``<a href>`` and role="link" (not hidden, not re-roled)."""
        if self._links is None:
            self._links = []
            for element in self.elements:
                if element not in self._roles:
                    # no role attribute: only <a href> and <area href> are links
                    is_link = element.tag in ("a", "area") and "href" in element.attrib
                else:
                    # the computed role: re-roled links are not links, role="none" on
                    # a focusable link is ignored, doc-biblioref and friends are links
                    is_link = aria.is_a(self.computed_role(element), "link")
                if is_link and not self.is_hidden_from_at(element):
                    self._links.append(element)
        return self._links

    def labels_for(self, element: Element) -> list[Element]:
        """``<label for>`` elements pointing at ``element`` and a wrapping ``<label>``."""
        if self._labels is None:
            self._labels = {}
            for label in self.by_tag.get("label", ()):
                target = label.get("for")
                if target:
                    self._labels.setdefault(target, []).append(label)
        found: list[Element] = []
        ident = element.get("id")
        if ident:
            found.extend(self._labels.get(ident, ()))
        wrapping = self._wrapping_label(element)
        if wrapping is not None:
            found.append(wrapping)
        return found

    def _wrapping_label(self, element: Element) -> Element | None:
        """The nearest ``<label>`` ancestor, from a map built in one pass (no walk up per field)."""
        if self._label_ancestor is None:
            nearest: dict[Element, Element] = {}
            for node in self.elements:
                parent = node.getparent()
                if parent is None:
                    continue
                if parent.tag == "label":
                    nearest[node] = parent
                elif parent in nearest:
                    nearest[node] = nearest[parent]
            self._label_ancestor = nearest
        return self._label_ancestor.get(element)

    def referenced(self, element: Element, attribute: str) -> list[Element]:
        """Elements named by an IDREFS attribute such as ``aria-labelledby``."""
        found = []
        for ident in element.get(attribute, "").split():
            targets = self.ids.get(ident)
            if targets:
                found.append(targets[0])
        return found

    # -- text and names --------------------------------------------------

    def text(self, element: Element, *, limit: int = NAME_LIMIT) -> str:
        """The rendered text inside ``element`` (no scripts, no hidden parts), whitespace collapsed."""
        return normalize(self._content(element, limit=limit))

    def _holders(self) -> set[Element]:
        """Elements with readable content inside (text or a text alternative), computed once.

        One pass marks the elements that hold text or a named embedded child
        themselves; their ancestors are marked after, each at most once."""
        if self._content_holders is None:
            holders: set[Element] = set()
            aria_hidden = self._aria_hidden
            seeds: list[Element] = []
            for element in self.elements:
                parent = element.getparent()
                tail = element.tail
                if parent is not None and tail and not tail.isspace():
                    seeds.append(parent)  # text after a hidden child still counts
                if element in aria_hidden:
                    continue
                text = element.text
                if text and not text.isspace():
                    seeds.append(element)
                if parent is not None and (self._embedded_name(element) or "").strip():
                    seeds.append(parent)
            for seed in seeds:
                node: Element | None = seed
                while node is not None and node not in holders:
                    if node in aria_hidden:
                        break
                    holders.add(node)
                    node = node.getparent()
            self._content_holders = holders
        return self._content_holders

    def _content(self, top: Element, *, limit: int) -> str:
        pieces: list[str] = []
        size = 0
        visited = 0
        # A stack of (element, is_top) and tail strings, walked without recursion.
        stack: list[Element | str] = [top]
        while stack and size < limit and visited < NAME_NODES:
            item = stack.pop()
            if isinstance(item, str):
                pieces.append(item)
                size += len(item)
                continue
            element = item
            visited += 1
            is_top = element is top
            if not is_top:
                tail = element.tail
                if tail:
                    stack.append(tail)
            if not isinstance(element.tag, str):
                continue
            if not is_top and element in self._hidden:
                continue
            if element.tag in NEVER_RENDERED and not is_top:
                continue
            if element.tag not in INLINE_TAGS:
                pieces.append(" ")
                stack.append(" ")
            if element.text:
                pieces.append(element.text)
                size += len(element.text)
            stack.extend(reversed(list(element)))
        return "".join(pieces)

    def _embedded_name(self, element: Element) -> str | None:
        """The name a descendant contributes instead of its content, if it has one."""
        label = element.get("aria-label", "").strip()
        if label:
            return label
        tag = element.tag
        if tag in ("img", "area") or (
            tag == "input" and element.get("type", "").lower() == "image"
        ):
            return element.get("alt", "") if not self.is_presentational(element) else ""
        if (element in self._roles and self.computed_role(element) == "img") or tag in (
            "svg",
            "object",
            "embed",
            "iframe",
        ):
            if tag == "svg":
                title = self._svg_title(element)
                if title:
                    return title
            return element.get("title", "") if tag != "svg" else ""
        if tag in ("input", "select", "textarea", "video", "audio", "canvas"):
            return ""
        return None

    def _svg_title(self, svg: Element) -> str:
        for child in svg:
            if isinstance(child.tag, str) and child.tag.lower() == "title":
                return normalize("".join(child.itertext()))
        return ""

    def accessible_name(self, element: Element) -> str:
        """The accessible name (W3C accname 1.2 with HTML-AAM), see :mod:`.accname`.

        Computed once per element; "…" when the content was too large or deep to read
        completely but is certainly there.
        """
        return self.names.name(element)

    def accessible_description(self, element: Element) -> str:
        """The accessible description (aria-describedby, aria-description, title)."""
        return self.names.description(element)

    @property
    def names(self) -> AccessibleNames:
        if self._accname is None:
            self._accname = AccessibleNames(self)
        return self._accname

    def computed_role(self, element: Element) -> str:
        """The role browsers give ``element``: a valid explicit role, else the implicit one."""
        role = self._computed_roles.get(element)
        if role is None:
            role = self._computed_roles[element] = aria.role_of(self, element)
        return role

    def has_content(self, element: Element) -> bool:
        """Text or a text alternative somewhere inside, not hidden from assistive technology."""
        return element in self._holders()

    def in_svg(self, element: Element) -> bool:
        """Inside an inline ``<svg>`` (its shapes are named by a ``<title>`` child)."""
        return (
            "svg" in self.by_tag
            and next(element.iterancestors("svg"), None) is not None
        )

    # -- where -----------------------------------------------------------

    def line(self, element: Element) -> int | None:
        line = element.sourceline
        if line is None or line >= MAX_LINE:
            return None
        return line

    def css_path(self, element: Element) -> str:
        """A CSS selector for ``element``: ``main > p:nth-of-type(2) > a``.

        Starts at the nearest ancestor with a unique id; in a fragment it
        leaves out the ``html > body`` that the parser adds.
        """
        own = self._own_part(element)
        if own[1]:
            return own[0]
        parent = element.getparent()
        prefix = self._ancestor_path(parent) if parent is not None else ""
        return f"{prefix} > {own[0]}" if prefix else own[0]

    def _own_part(self, node: Element) -> tuple[str, bool]:
        """``node``'s step in a path, and whether the path may start there (unique id, root)."""
        tag = node.tag.lower()
        ident = node.get("id")
        if ident and len(self.ids.get(ident, ())) == 1 and _CSS_IDENT.match(ident):
            return f"{tag}#{ident}", True
        parent = node.getparent()
        if parent is None:
            return tag, True
        index, count = self._position(parent, node)
        return (f"{tag}:nth-of-type({index})" if count > 1 else tag), False

    def _ancestor_path(self, node: Element) -> str:
        """The path of ``node`` as an ancestor, cached: deep pages cost one walk, not one per finding."""
        chain: list[Element] = []
        current: Element | None = node
        prefix = ""
        while current is not None:
            cached = self._paths.get(current)
            if cached is not None:
                prefix = cached
                break
            if self.fragment and current.tag in ("html", "body"):
                self._paths[current] = prefix = ""
                break
            part, anchored = self._own_part(current)
            if anchored:
                self._paths[current] = prefix = part
                break
            chain.append(current)
            current = current.getparent()
        for ancestor in reversed(chain):
            part = self._own_part(ancestor)[0]
            prefix = self._paths[ancestor] = f"{prefix} > {part}" if prefix else part
        return prefix

    def _position(self, parent: Element, child: Element) -> tuple[int, int]:
        """``child``'s 1-based index among its siblings of the same tag, and their count.

        Cached per parent and tag and built at C speed, so a finding on each of
        200,000 sibling images costs one pass, not one pass per finding."""
        key = (parent, child.tag)
        positions = self._positions.get(key)
        if positions is None:
            try:
                siblings = list(parent.iterchildren(child.tag))
            except ValueError:
                # A tag the HTML parser took with a control character in it
                # ("<A\x1f"): lxml cannot match by it, so compare one by one.
                siblings = [
                    node for node in parent.iterchildren() if node.tag == child.tag
                ]
            positions = self._positions[key] = dict(
                zip(siblings, range(1, len(siblings) + 1), strict=True)
            )
        return positions[child], len(positions)

    def select(self, path: str) -> Element | None:
        """The element a :meth:`css_path` points at (the inverse, for tools and tests)."""
        node: Element | None = None
        for index, part in enumerate(path.split(" > ")):
            match = re.fullmatch(r"([a-z0-9-]+)(?:#(\S+)|:nth-of-type\((\d+)\))?", part)
            if match is None:
                return None
            tag, ident, nth = match.groups()
            if ident:
                candidates = [e for e in self.ids.get(ident, ()) if e.tag == tag]
                node = candidates[0] if candidates else None
            else:
                if node is None and index == 0:
                    node = self._start(tag)
                    if node is not None:
                        continue
                parent = node if node is not None else self.body
                children = [
                    c for c in parent if isinstance(c.tag, str) and c.tag == tag
                ]
                position = int(nth) if nth else 1
                node = children[position - 1] if len(children) >= position else None
            if node is None:
                return None
        return node

    def _start(self, tag: str) -> Element | None:
        if tag == "html":
            return self.root
        if tag in ("body", "head") and (not self.fragment or tag == "head"):
            return self.root.find(tag)
        return None

    @property
    def body(self) -> Element:
        body = self.root.find("body")
        return body if body is not None else self.root

    def excerpt(self, element: Element, *, limit: int = 160) -> str:
        """The element's start tag and the beginning of its text, shortened."""
        attributes = "".join(
            f' {name}="{shorten(value, 60)}"' for name, value in element.attrib.items()
        )
        start = f"<{element.tag}{attributes}>"
        if element.tag in VOID_TAGS:
            return shorten(start, limit)
        text = shorten(self.text(element, limit=80), 80)
        return (
            shorten(f"{start}{text}</{element.tag}>", limit)
            if len(start) < limit
            else shorten(start, limit)
        )


def iter_links(document: Document) -> Iterable[Element]:
    """Links a user can follow (see :meth:`Document.links`)."""
    return document.links()
