"""The gemeente's logo: only image types a browser shows without running anything.

Accepted: PNG, JPEG, WebP (recognised by their first bytes, not by the file
name) and SVG without anything active in it: no scripts, no event handlers,
no embedded HTML or other documents, no links or references outside the file
itself, no DTD (no entities). Anything else is refused with a Dutch message
and nothing is stored.
"""

from __future__ import annotations

from typing import IO

from django.core.exceptions import ValidationError
from lxml import etree

MAX_LOGO_BYTES = 512 * 1024

RASTER_TYPES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
SVG_TYPE = "image/svg+xml"

FORBIDDEN_SVG_ELEMENTS = frozenset(
    {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
)
REFERENCE_ATTRIBUTES = frozenset({"href", "src", "action", "formaction"})

NOT_AN_IMAGE = (
    "Dit bestand is geen logo dat de website kan tonen. Kies een PNG-, JPEG-, "
    "WebP- of SVG-bestand."
)


def logo_type(head: bytes) -> str | None:
    """The content type of a logo from its first bytes (None: not a raster image
    we accept; an SVG is recognised by :func:`validate_svg`)."""
    for magic, content_type in RASTER_TYPES:
        if head.startswith(magic):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def _local_name(name: object) -> str:
    text = str(name)
    return text.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def validate_svg(data: bytes) -> None:
    """Refuse an SVG that could run or load anything."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise ValidationError(NOT_AN_IMAGE) from error
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise ValidationError("Een SVG-logo mag geen DOCTYPE of entiteiten bevatten.")
    if _local_name(root.tag) != "svg":
        raise ValidationError(NOT_AN_IMAGE)
    for element in root.iter():
        if not isinstance(element.tag, str):
            if isinstance(element, etree._ProcessingInstruction):
                raise ValidationError(
                    "Een SVG-logo mag geen verwerkingsinstructies bevatten."
                )
            continue  # comments
        name = _local_name(element.tag)
        if name in FORBIDDEN_SVG_ELEMENTS:
            raise ValidationError(
                f"Een SVG-logo mag geen <{name}> bevatten: dat kan code uitvoeren "
                "of iets van buiten laden."
            )
        if name == "style" and _loads_something(element.text or ""):
            raise ValidationError(
                "De stijl in dit SVG-logo laadt iets van buiten (url of @import)."
            )
        for attribute, value in element.attrib.items():
            local = _local_name(attribute)
            if local.startswith("on"):
                raise ValidationError(
                    f"Een SVG-logo mag geen gebeurtenis ({local}) bevatten."
                )
            if local in REFERENCE_ATTRIBUTES and not value.strip().startswith("#"):
                raise ValidationError(
                    "Een SVG-logo mag alleen naar delen van zichzelf verwijzen, "
                    "niet naar andere bestanden of adressen."
                )
            if local == "style" and _loads_something(value):
                raise ValidationError(
                    "De stijl in dit SVG-logo laadt iets van buiten (url of @import)."
                )


def _loads_something(css: str) -> bool:
    lowered = css.lower().replace(" ", "")
    if "@import" in lowered:
        return True
    # url(#id) points inside the file; any other url() loads something.
    return any(
        not part.lstrip("'\"").startswith("#") for part in lowered.split("url(")[1:]
    )


def read_logo(file: IO[bytes]) -> tuple[bytes, str]:
    """The logo's bytes and content type, or a Dutch ValidationError."""
    file.seek(0)
    data = file.read(MAX_LOGO_BYTES + 1)
    file.seek(0)
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(
            f"Het logo is groter dan {MAX_LOGO_BYTES // 1024} kB. Kies een kleiner bestand."
        )
    content_type = logo_type(data[:16])
    if content_type is not None:
        return data, content_type
    validate_svg(data)
    return data, SVG_TYPE


def validate_logo(file: IO[bytes]) -> None:
    """Model field validator: only the types :func:`read_logo` accepts."""
    read_logo(file)
