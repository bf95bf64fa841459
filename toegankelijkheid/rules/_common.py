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


def images_inside(document: Document, element: Element) -> list[Element]:
    """Images and other non-text content inside ``element`` that are not hidden."""
    found = []
    for descendant in element.iterdescendants():
        if not isinstance(descendant.tag, str) or document.is_hidden_from_at(
            descendant
        ):
            continue
        tag = descendant.tag
        if (
            tag in IMAGE_TAGS
            or document.role(descendant) == "img"
            or (tag == "input" and descendant.get("type", "").lower() == "image")
        ):
            found.append(descendant)
    return found


def has_transcript_nearby(document: Document, media: Element) -> bool:
    """A transcript link or block next to ``media``, or referenced with aria-describedby."""
    for target in document.referenced(media, "aria-describedby") + document.referenced(
        media, "aria-details"
    ):
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
