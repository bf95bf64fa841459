"""Small helpers shared by several rules (not rules themselves)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..html import Document, Element

IMAGE_TAGS = frozenset(("img", "svg", "object", "picture", "canvas", "area", "embed"))

_TRANSCRIPT = re.compile(
    r"transcript|uitgeschreven|uitgeschreven tekst|tekstversie|tekstalternatief|"
    r"uitschrift|tekst van (?:de|het|deze) (?:video|audio|podcast|opname|fragment)|"
    r"(?:video|audio|podcast|opname) (?:in|als) tekst|text version",
    re.IGNORECASE,
)

REFERENCING_ATTRIBUTES = (
    "for",
    "headers",
    "list",
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
    "aria-owns",
    "aria-activedescendant",
    "aria-flowto",
    "aria-errormessage",
    "aria-details",
)


IMAGES_LISTED = 20
"""Images :func:`images_inside` lists at most; rules only ask whether there are any and
whether one of the first lacks alt."""
DESCENDANTS_SEARCHED = 5000


def images_inside(document: Document, element: Element) -> list[Element]:
    """Images and other non-text content inside ``element`` that are not hidden.

    Bounded: elements without any image below are answered from a set built once,
    and the search stops after :data:`IMAGES_LISTED` images or
    :data:`DESCENDANTS_SEARCHED` descendants (so nested buttons stay linear).
    """
    if element not in _image_holders(document):
        return []
    found = []
    for searched, descendant in enumerate(element.iterdescendants()):
        if len(found) >= IMAGES_LISTED or searched >= DESCENDANTS_SEARCHED:
            break
        if _is_image(document, descendant):
            found.append(descendant)
    return found


def _is_image(document: Document, element: Element) -> bool:
    if not isinstance(element.tag, str) or document.is_hidden_from_at(element):
        return False
    tag = element.tag
    return (
        tag in IMAGE_TAGS
        or ("role" in element.attrib and document.computed_role(element) == "img")
        or (tag == "input" and element.get("type", "").lower() == "image")
    )


def _image_holders(document: Document) -> set[Element]:
    """Elements with a visible image somewhere below, marked upwards once per document."""
    holders = document.rule_cache.get("image_holders")
    if not isinstance(holders, set):
        holders = set()
        candidates = [e for tag in IMAGE_TAGS for e in document.by_tag.get(tag, ())]
        candidates += document.with_role
        candidates += document.by_tag.get("input", ())
        for image in candidates:
            if not _is_image(document, image):
                continue
            node = image.getparent()
            while node is not None and node not in holders:
                holders.add(node)
                node = node.getparent()
        document.rule_cache["image_holders"] = holders
    return holders


def has_transcript_nearby(document: Document, media: Element) -> bool:
    """A transcript link or block next to ``media``, or referenced with aria-describedby."""
    if document.accessible_description(media):
        return True
    for target in document.referenced(media, "aria-details"):
        if document.text(target):
            return True
    for candidate in _nearby(media):
        if _TRANSCRIPT.search(document.text(candidate, limit=200)):
            return True
    return False


def _nearby(media: Element) -> Iterator[Element]:
    """Links, summaries and headings in the media's figure or parent, and the next siblings."""
    scopes: list[Element] = []
    figure = next(media.iterancestors("figure"), None)
    parent = media.getparent()
    for scope in (figure, parent):
        if scope is not None and scope.tag not in ("body", "html"):
            scopes.append(scope)
    for start in (media, parent):
        if start is None or start.tag in ("body", "html"):
            continue
        for count, sibling in enumerate(start.itersiblings()):
            if count >= 3:
                break
            scopes.append(sibling)
    for scope in scopes:
        if scope.tag in ("a", "summary"):
            yield scope
        yield from scope.iterdescendants(
            "a", "summary", "h2", "h3", "h4", "h5", "h6", "button"
        )


def duplicate_ids(document: Document) -> tuple[dict[str, list[Element]], set[str]]:
    """Ids used more than once, and the set of ids that something refers to."""
    duplicates = {
        ident: found for ident, found in document.ids.items() if len(found) > 1
    }
    referenced: set[str] = set()
    if duplicates:
        for element in document.elements:
            for attribute in REFERENCING_ATTRIBUTES:
                value = element.get(attribute)
                if value:
                    referenced.update(value.split())
            usemap = element.get("usemap", "")
            if usemap.startswith("#"):
                referenced.add(usemap[1:])
    return duplicates, referenced
