"""Sanitising and reading texts that come from outside the hub.

Rich text is cleaned with nh3 to exactly the markup a product field allows
(``contenthub.vocabulary.RICHTEXT_FEATURES``); plain-text fields with markup
and links with another scheme than https, http, mailto or tel refuse the
item, with a Dutch message (``Invoerfout``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from html import escape

import lxml.html
import nh3

from contenthub.richtext import disallowed_markup
from contenthub.text import has_markup, sentence_texts, strip_markup
from contenthub.validation import url_scheme_allowed
from contenthub.vocabulary import KORT_ANTWOORD_MAX, PER_CHOICES, RICHTEXT_FEATURES

from .base import Invoerfout

MAX_TEKST = 50_000
"""One text field longer than this (in characters) refuses the item."""
TITEL_MAX = 255
STAP_TITEL_MAX = 120
ITEM_MAX = 300
OMSCHRIJVING_MAX = 200

_RICH_TAGS = {"p", "br", "h2", "h3", "h4", "b", "strong", "ol", "ul", "li", "a"}
SAFE_SCHEMES = {"https", "http", "mailto", "tel"}
_DANGEROUS = re.compile(
    r"<\s*(script|style|iframe|object|embed|form)\b|\son\w+\s*=|javascript:|vbscript:|data:text",
    re.IGNORECASE,
)


def platte_tekst(value: object, veld: str, *, max_len: int = MAX_TEKST) -> str:
    """A plain-text value: no markup, not too long, white space collapsed."""
    if value is None:
        return ""
    if not isinstance(value, str | int | float):
        raise Invoerfout(f"'{veld}' is geen tekst.")
    tekst = " ".join(str(value).split())
    if has_markup(tekst) or ("<" in tekst and ">" in tekst):
        raise Invoerfout(
            f"'{veld}' is platte tekst, maar bevat HTML-code. Haal de code weg in de bron."
        )
    if len(tekst) > max_len:
        raise Invoerfout(
            f"'{veld}' is {len(tekst)} tekens lang; de import neemt maximaal "
            f"{max_len} tekens aan."
        )
    return tekst


def link(value: object, veld: str) -> str:
    """A URL field: only https, http, mailto and tel."""
    tekst = platte_tekst(value, veld, max_len=500)
    if tekst and not url_scheme_allowed(tekst):
        raise Invoerfout(
            f"De link in '{veld}' begint niet met https:, http:, mailto: of tel: "
            f"({tekst[:60]!r}). Zo'n link komt nooit in de hub."
        )
    return tekst


def rijke_tekst(value: object, veld: str, opgeschoond: list[str]) -> str:
    """Rich text cleaned to the allowed markup; what was removed goes in ``opgeschoond``."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Invoerfout(f"'{veld}' is geen tekst.")
    if len(value) > MAX_TEKST:
        raise Invoerfout(
            f"'{veld}' is {len(value)} tekens lang; de import neemt maximaal "
            f"{MAX_TEKST} tekens aan."
        )
    if not value.strip():
        return ""
    if not has_markup(value):
        # A plain text (the SDG allows that too): paragraphs per blank line.
        return "".join(
            f"<p>{escape(' '.join(deel.split()), quote=False)}</p>"
            for deel in re.split(r"\n\s*\n", value)
            if deel.strip()
        )
    problemen = disallowed_markup(value, features=RICHTEXT_FEATURES)
    if _DANGEROUS.search(value):
        problemen.insert(0, "onveilige code (script of javascript:-link)")
    schoon = schoon_html(value)
    if problemen:
        opgeschoond.append(f"{veld}: verwijderd: " + "; ".join(problemen[:5]))
    return schoon


def schoon_html(html: str, *, extra_tags: frozenset[str] = frozenset()) -> str:
    """Only the rich-text markup of a product field (plus ``extra_tags``)."""
    return nh3.clean(
        html,
        tags=_RICH_TAGS | set(extra_tags),
        attributes={"a": {"href"}},
        url_schemes=SAFE_SCHEMES,
        link_rel=None,
    ).strip()


_BLOK_EINDE = re.compile(
    r"<(?:/p|/li|br|/h[1-6]|/t[dhr]|/[ou]l)\b[^>]*>", re.IGNORECASE
)


def tekst_van(html: str) -> str:
    """The plain text of an HTML fragment, with a space between its blocks."""
    return " ".join(strip_markup(_BLOK_EINDE.sub(" ", html or "")).split())


def kort_antwoord_uit(html: str) -> str:
    """The first one or two sentences of a text, within the kort antwoord's limit."""
    zinnen = sentence_texts(tekst_van(html))
    gekozen = ""
    for zin in zinnen[:2]:
        kandidaat = f"{gekozen} {zin}".strip()
        if len(kandidaat) > KORT_ANTWOORD_MAX:
            break
        gekozen = kandidaat
    if not gekozen and zinnen:
        gekozen = zinnen[0][: KORT_ANTWOORD_MAX - 1].rsplit(" ", 1)[0] + "…"
    return gekozen


def _fragment(html: str):
    return lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")


def lijst_uit(html: str) -> list[str]:
    """The items of the lists in ``html``; without a list, its paragraphs."""
    root = _fragment(html)
    items = [" ".join(li.text_content().split()) for li in root.iter("li")]
    if not items:
        items = [" ".join(p.text_content().split()) for p in root.iter("p")]
    if not items and root.text_content().strip():
        items = [" ".join(root.text_content().split())]
    return [item for item in items if item]


def kort(tekst: str, max_len: int) -> str:
    if len(tekst) <= max_len:
        return tekst
    return tekst[: max_len - 1].rsplit(" ", 1)[0] + "…"


def stappen_uit(html: str) -> list[dict[str, str]]:
    """Steps from a procedure: one per list item (or paragraph).

    A step's title is its first sentence; the rest becomes its explanation.
    """
    stappen = []
    for item in lijst_uit(html):
        zinnen = sentence_texts(item) or [item]
        titel = kort(zinnen[0], STAP_TITEL_MAX)
        rest = " ".join(zinnen[1:])
        if titel.endswith("…"):
            rest = item
        stappen.append(
            {
                "titel": titel,
                "uitleg": f"<p>{escape(rest, quote=False)}</p>" if rest else "",
            }
        )
    return stappen


_BEDRAG = re.compile(
    r"(?:€|eur(?:o)?)\s*(\d{1,6}(?:\.\d{3})*(?:,\d{1,2}|,-)?)"
    r"|(\d{1,6}(?:\.\d{3})*,\d{2})\s*(?:€|euro)",
    re.IGNORECASE,
)


def bedrag_uit(tekst: str) -> Decimal | None:
    """The first amount in euro written in a Dutch text ("€ 84,29", "84,29 euro")."""
    match = _BEDRAG.search(tekst)
    if not match:
        return None
    ruw = (match.group(1) or match.group(2)).replace(".", "").replace(",-", "")
    try:
        return Decimal(ruw.replace(",", "."))
    except InvalidOperation:
        return None


def omschrijving_bij(tekst: str) -> str:
    """The description of a fee line: the text without the amount and its "per"."""
    zonder = _BEDRAG.sub(" ", tekst)
    for _, label in PER_CHOICES:
        if label.startswith("per "):
            zonder = re.sub(rf"\b{label}\b", " ", zonder, flags=re.IGNORECASE)
    zonder = " ".join(zonder.split()).strip(" .:;,\u2013-")
    zonder = re.sub(r"\s+(kost|kosten|bedraagt|is)$", "", zonder, flags=re.IGNORECASE)
    return kort(zonder or "Kosten", OMSCHRIJVING_MAX)


_TERMIJN = re.compile(r"(\d{1,3})\s*(werkdag(?:en)?|dag(?:en)?|we(?:e)?k(?:en)?)", re.I)


def termijn_uit(tekst: str) -> tuple[int, str] | None:
    """The maximum from a termijn text: (number, "werkdagen" | "dagen")."""
    match = _TERMIJN.search(tekst)
    if not match:
        return None
    getal, eenheid = int(match.group(1)), match.group(2).lower()
    if eenheid.startswith("werkdag"):
        return getal, "werkdagen"
    if eenheid.startswith("we"):
        return getal * 7, "dagen"
    return getal, "dagen"


def per_uit(tekst: str) -> str:
    """The "per" of a fee line when the text names one ("€ 120,00 per jaar")."""
    tekst = tekst.lower()
    for sleutel, label in sorted(PER_CHOICES, key=lambda keuze: -len(keuze[1])):
        if label.startswith("per ") and label in tekst:
            return sleutel
    return "per_stuk"


def kosten_uit(html: str) -> tuple[bool, list[dict[str, str]], list[str]]:
    """Fee rows from a kosten text: (gratis, rows, lines without an amount).

    Every list item, table row or paragraph with an amount becomes a row
    (with the "per" its text names, else "per stuk"); "gratis" without any amount makes
    the product free.
    """
    root = _fragment(html)
    regels: list[dict[str, str]] = []
    rest: list[str] = []
    lijnen = [
        " ".join(el.text_content().split())
        for el in root.iter("li", "tr", "p")
        if not any(child.tag in ("li", "tr", "p") for child in el.iterdescendants())
    ] or [tekst_van(html)]
    for lijn in lijnen:
        if not lijn:
            continue
        bedrag = bedrag_uit(lijn)
        if bedrag is None:
            rest.append(lijn)
            continue
        regels.append(
            {
                "omschrijving": omschrijving_bij(lijn),
                "bedrag": f"{bedrag:.2f}",
                "per": per_uit(lijn),
            }
        )
    gratis = not regels and "gratis" in tekst_van(html).lower()
    if gratis:
        rest = [lijn for lijn in rest if "gratis" not in lijn.lower()]
    return gratis, regels, rest
