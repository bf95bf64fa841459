"""2.4.4: a link to a PDF or other file that does not say so."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from contenthub.findings import Finding, Severity

from ..html import Document, iter_links
from ..registry import BaseRule, register

FILE_TYPES = {
    "pdf": ("PDF", ("pdf",)),
    "doc": ("Word", ("word", "doc")),
    "docx": ("Word", ("word", "docx", "doc")),
    "odt": ("OpenDocument-tekst", ("odt", "opendocument")),
    "rtf": ("RTF", ("rtf",)),
    "xls": ("Excel", ("excel", "xls", "spreadsheet")),
    "xlsx": ("Excel", ("excel", "xlsx", "xls", "spreadsheet")),
    "ods": ("OpenDocument-spreadsheet", ("ods", "opendocument", "spreadsheet")),
    "csv": ("CSV", ("csv",)),
    "ppt": ("PowerPoint", ("powerpoint", "ppt", "presentatie")),
    "pptx": ("PowerPoint", ("powerpoint", "pptx", "ppt", "presentatie")),
    "odp": ("OpenDocument-presentatie", ("odp", "opendocument", "presentatie")),
    "zip": ("zip", ("zip",)),
}
_EXTENSION = re.compile(r"\.([A-Za-z0-9]{2,5})$")


def file_type(href: str) -> str | None:
    """The file extension of a link target when it is a document we know, else None."""
    try:
        path = unquote(urlsplit(href.strip()).path)
    except ValueError:
        return None
    match = _EXTENSION.search(path)
    if match and match.group(1).lower() in FILE_TYPES:
        return match.group(1).lower()
    return None


@register
class BestandslinkZonderVermelding(BaseRule):
    id = "wcag.bestandslink-zonder-vermelding"
    title = "Link naar een bestand zonder vermelding van het bestandstype"
    criteria = ("2.4.4",)
    level = "A"
    severity = Severity.WAARSCHUWING

    def check(self, document: Document) -> Iterator[Finding]:
        for link in iter_links(document):
            extension = file_type(link.get("href", ""))
            if extension is None:
                continue
            label, words = FILE_TYPES[extension]
            context = " ".join(
                [document.accessible_name(link), document.accessible_description(link)]
            ).lower()
            if any(re.search(rf"\b{word}\b", context) for word in words):
                continue
            yield self.finding(
                document,
                link,
                f"Deze link opent een {label}-bestand, maar de linktekst zegt dat niet. "
                "Wie de link volgt, verwacht een webpagina.",
                f"Noem het bestandstype en de grootte in de linktekst, bijvoorbeeld "
                f"“Aanvraagformulier ({label}, 120 kB)”. Zet de informatie liever op een webpagina.",
            )
