"""1.1.1: an alt text that is a file name or a word like "afbeelding"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from contenthub.findings import Finding, Severity

from ..html import Document, normalize
from ..registry import BaseRule, register

_FILE_NAME = re.compile(
    r"^[\w\-. ()%]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|avif|heic|ico)$", re.IGNORECASE
)
_CAMERA_NAME = re.compile(
    r"^(?:img|dsc|dscn|pxl|image|foto|photo)[_-]?\d{2,}", re.IGNORECASE
)
_GENERIC = re.compile(
    r"^(?:afbeelding|foto|fotootje|plaatje|illustratie|figuur|beeld|grafiek|icoon|"
    r"image|img|picture|photo|pic|graphic|icon|spacer|logo|banner)(?:\s*\d+)?\.?$",
    re.IGNORECASE,
)


def is_meaningless_alt(alt: str, src: str = "") -> bool:
    """True for "IMG_0042.jpg", "afbeelding", "foto 3" and the image's own file name."""
    text = normalize(alt)
    if not text:
        return False
    if _FILE_NAME.match(text) or _CAMERA_NAME.match(text) or _GENERIC.match(text):
        return True
    file_name = unquote(urlsplit(src).path.rsplit("/", 1)[-1]) if src else ""
    return bool(file_name) and text.lower() in (
        file_name.lower(),
        file_name.rsplit(".", 1)[0].lower(),
    )


@register
class AltNietszeggend(BaseRule):
    id = "wcag.alt-nietszeggend"
    title = "Alt-tekst is een bestandsnaam of zegt niets"
    criteria = ("1.1.1",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for element in document.tags("img", "area", "input"):
            if element.tag == "input" and element.get("type", "").lower() != "image":
                continue
            if document.is_hidden_from_at(element):
                continue
            # The name assistive technology reads (accname: aria-labelledby,
            # aria-label, alt, title), not the alt attribute alone. Without any of
            # those attributes an image has no name to judge (wcag.alt-ontbreekt).
            attributes = element.attrib
            if (
                "alt" not in attributes
                and "title" not in attributes
                and "aria-label" not in attributes
                and "aria-labelledby" not in attributes
            ):
                continue
            name = document.accessible_name(element)
            if not is_meaningless_alt(name, element.get("src", "")):
                continue
            yield self.finding(
                document,
                element,
                f"De tekst die hulpsoftware bij deze afbeelding voorleest, “{normalize(name)}”, "
                "zegt niet wat de afbeelding laat zien: het is een bestandsnaam of een "
                "algemeen woord.",
                "Schrijf in een korte zin wat de afbeelding laat zien of waarvoor die dient, "
                'bijvoorbeeld “Balie van het gemeentehuis”. Is het versiering, zet dan alt="".',
            )
