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


def images_inside(document: Document, element: Element) -> list[Element]:
    """Images and other non-text content inside ``element`` that are not hidden,
    the first :data:`IMAGES_LISTED` in document order.

    Answered from a map built once per document, so a page of nested buttons or
    links costs one pass, not a search per element."""
    return list(_images_below(document).get(element, ()))


def _is_image(document: Document, element: Element) -> bool:
    if not isinstance(element.tag, str) or document.is_hidden_from_at(element):
        return False
    tag = element.tag
    return (
        tag in IMAGE_TAGS
        or ("role" in element.attrib and document.computed_role(element) == "img")
        or (tag == "input" and element.get("type", "").lower() == "image")
    )


def _images_below(document: Document) -> dict[Element, list[Element]]:
    """For every element with a visible image below it, its first images.

    Each image is added to its ancestors upwards until an ancestor's list is full,
    so every element receives at most :data:`IMAGES_LISTED` images: linear in the
    page, however deep the nesting."""
    below = document.rule_cache.get("images_below")
    if not isinstance(below, dict):
        below = {}
        candidates = {e for tag in IMAGE_TAGS for e in document.by_tag.get(tag, ())}
        candidates.update(document.with_role)
        candidates.update(document.by_tag.get("input", ()))
        images = [e for e in document.elements if e in candidates]
        for image in images:
            if not _is_image(document, image):
                continue
            node = image.getparent()
            while node is not None:
                found = below.setdefault(node, [])
                if len(found) >= IMAGES_LISTED:
                    break
                found.append(image)
                node = node.getparent()
        document.rule_cache["images_below"] = below
    return below


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
