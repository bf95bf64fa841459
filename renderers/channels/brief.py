"""Brief: a formal letter in plain Dutch, as plain text and as a tagged PDF.

The PDF is made with WeasyPrint as PDF/UA-1 (tagged, with a document
language), so screen readers can read it and its text can be extracted.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import lru_cache
from html import unescape
from typing import Any

import lxml.html
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import strip_tags

from contenthub.kosten import english_date
from contenthub.structured import ProductSnapshot

from ..base import Rendering
from ..komend import komende_teksten
from ..labels import for_product, label
from ..registry import register

logger = logging.getLogger(__name__)


def pdf_available() -> bool:
    """WeasyPrint needs Pango from the operating system; without it, no PDF."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        logger.warning(
            "WeasyPrint kan niet laden (ontbreekt Pango?): de brief komt alleen als tekst."
        )
        return False
    return True


@register
class BriefRenderer:
    channel = "brief"
    label = "Brief"
    variants = ("", "pdf") if pdf_available() else ("",)

    def render(
        self, product: ProductSnapshot, *, variant: str = "", **context: Any
    ) -> Rendering:
        letter = brief_context(product, **context)
        if variant == "pdf":
            html = render_to_string("renderers/brief.html", letter)
            return Rendering(
                self.channel,
                "application/pdf",
                pdf_of(html),
                variant,
                source_text=visible_text(html),
            )
        text = render_to_string("renderers/brief.txt", letter)
        return Rendering(
            self.channel, "text/plain; charset=utf-8", _tidy(text), variant
        )


@lru_cache(maxsize=128)
def pdf_of(html: str) -> bytes:
    """The tagged PDF of the letter's HTML.

    A PDF is a pure function of its HTML, and making one is most of a
    rendering's time (WeasyPrint lays out every page), so this process keeps
    the last ones: judging a product again when only what other channels show
    changed (a related product went live, a translation, the same text
    published twice) reuses its PDF. About 15 kB each.
    """
    import weasyprint

    return weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


def brief_context(
    product: ProductSnapshot,
    *,
    naam: str = "",
    datum: dt.date | None = None,
    kenmerk: str = "",
    **_: Any,
) -> dict[str, Any]:
    # A letter dated on a given day uses the fee of that day; without a date
    # it shows what every channel shows today.
    kosten = product.kosten_op(datum) if datum else product.kosten
    # Coming fees from the letter's date; without one, from today (like kosten).
    komend = komende_teksten(product, datum)
    datum = datum or (product.gepubliceerd_op or timezone.now()).date()
    if product.taal == "en":
        datum_tekst = english_date(datum)
    else:
        with translation.override("nl"):
            datum_tekst = date_format(datum, "j F Y")
    return {
        "p": product,
        "t": for_product(product),
        "aanhef": label(product.taal, "aanhef_naam", naam=naam.strip())
        if naam.strip()
        else label(product.taal, "aanhef"),
        "naam": naam.strip(),
        "datum": datum_tekst,
        "kosten": kosten,
        "komend": komend,
        "kenmerk": kenmerk or f"PDC/{product.slug}/{product.revision_id or 'concept'}",
        "stappen": [
            {"titel": stap.titel, "uitleg": plain(stap.uitleg_html)}
            for stap in product.stappen
        ],
        "postadres": [
            regel for regel in product.gemeente.postadres.splitlines() if regel.strip()
        ],
    }


def plain(html: str) -> str:
    """Rich text as plain text for the letter (and the PDF made from the same
    context): no tag survives, not even one written as an entity."""
    from contenthub.text import strip_markup

    return " ".join(
        strip_markup(
            unescape(
                strip_tags(html.replace("</p>", " </p>").replace("</li>", " </li>"))
            )
        ).split()
    )


def _tidy(text: str) -> str:
    """No trailing spaces and at most one empty line in a row."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    tidy: list[str] = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    return "\n".join(tidy) + "\n"


def visible_text(html: str) -> str:
    """The text of the letter's body as the PDF shows it (list markers aside)."""
    body = lxml.html.fromstring(html).find("body")
    return _tidy(body.text_content()) if body is not None else ""
