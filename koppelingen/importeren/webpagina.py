"""Source: a gemeente's existing product pages, saved as HTML files.

The fetch itself happens outside the hub: give the saved ``.html`` files, or
a sitemap (``.xml``) or URL list (``.txt``) beside them; each address is
read from the file named after its last path segment (``…/paspoort-aanvragen``
→ ``paspoort-aanvragen.html``). A page is split into the hub's fields by its
headings; what no heading places is kept in a note for the editor.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from .base import Geweigerd, Invoer, Invoerfout, lees_bytes, register
from .opschonen import (
    _DANGEROUS,
    TITEL_MAX,
    kort,
    kort_antwoord_uit,
    kosten_uit,
    lijst_uit,
    link,
    platte_tekst,
    schoon_html,
    stappen_uit,
    tekst_van,
    termijn_uit,
)

# A heading's words → the hub field, first match wins ("Wat kost het?" is
# kosten, not "wat is het").
KOPPEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("wat_als_geen_reactie", ("geen reactie", "niet op tijd", "geen antwoord")),
    ("bezwaar_en_beroep", ("bezwaar", "beroep")),
    ("kosten", ("kost", "tarie", "prijs", "leges")),
    ("benodigdheden", ("nodig", "meenemen", "neem mee", "meebrengen", "benodigd")),
    ("termijn", ("hoe lang", "termijn", "duur", "levertijd", "wanneer krijg")),
    ("voorwaarden", ("voorwaarde", "wie kan", "wie mag", "regels")),
    (
        "aanvragen",
        (
            "aanvra",
            "aanvraa",
            "hoe werkt",
            "regelen",
            "procedure",
            "stappen",
            "aanmelden",
        ),
    ),
    ("wat_is_het", ("wat is", "over ", "uitleg", "meer informatie")),
)
VELDNAMEN = {
    "wat_als_geen_reactie": "wat als de gemeente niet op tijd reageert",
    "bezwaar_en_beroep": "bezwaar en beroep",
    "kosten": "kosten",
    "benodigdheden": "wat heeft u nodig",
    "termijn": "termijn",
    "voorwaarden": "voorwaarden",
    "aanvragen": "hoe vraagt u het aan",
    "wat_is_het": "wat is het",
}
AANVRAAG_WOORDEN = ("aanvra", "online", "direct regelen", "digid", "formulier")
_WEG = ("nav", "header", "footer", "aside", "form", "script", "style", "noscript")
_TABEL_TAGS = frozenset({"table", "thead", "tbody", "tr", "th", "td", "h1"})


@register
class WebpaginaBron:
    naam = "html"
    label = "bestaande website (HTML)"

    def lees(self, pad: Path) -> Iterator[Invoer | Geweigerd]:
        try:
            paginas = _paginas(pad)
        except Invoerfout as error:
            yield Geweigerd(pad.name, str(error))
            return
        for url, bestand in paginas:
            label = url or bestand.name
            try:
                yield pagina_invoer(lees_bytes(bestand), url=url, bestand=bestand.name)
            except Invoerfout as error:
                yield Geweigerd(label, str(error))


def _paginas(pad: Path) -> list[tuple[str, Path]]:
    """(address, saved file) for an .html file, a sitemap or a URL list."""
    suffix = pad.suffix.lower()
    if suffix in (".html", ".htm"):
        return [("", pad)]
    if suffix == ".xml":
        adressen = _sitemap(lees_bytes(pad), pad.name)
    elif suffix == ".txt":
        adressen = [
            regel.strip()
            for regel in lees_bytes(pad).decode("utf-8", "replace").splitlines()
            if regel.strip() and not regel.startswith("#")
        ]
    else:
        raise Invoerfout(
            f"{pad.name}: geef HTML-bestanden (.html), een sitemap (.xml) of een "
            "lijst met adressen (.txt)."
        )
    paginas = []
    for adres in adressen:
        adres = link(adres, "adres in de lijst")
        naam = urlsplit(adres).path.rstrip("/").rsplit("/", 1)[-1] or "index"
        paginas.append((adres, pad.parent / f"{naam}.html"))
    return paginas


def _sitemap(data: bytes, naam: str) -> list[str]:
    parser = lxml.etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = lxml.etree.fromstring(data, parser=parser)
    except lxml.etree.XMLSyntaxError as error:
        raise Invoerfout(f"{naam} is geen geldige sitemap (XML).") from error
    return [
        " ".join((loc.text or "").split())
        for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc", "loc")
    ]


def pagina_invoer(data: bytes, *, url: str = "", bestand: str = "") -> Invoer:
    """One saved product page as the hub's fields."""
    try:
        # Saved pages are UTF-8 almost always; otherwise lxml reads the
        # page's own charset declaration.
        try:
            doc = lxml.html.document_fromstring(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            doc = lxml.html.document_fromstring(data)
    except (lxml.etree.ParserError, ValueError) as error:
        raise Invoerfout(f"{bestand or url}: dit is geen HTML-pagina.") from error
    if not url:
        canonical = doc.xpath("//link[@rel='canonical']/@href") or doc.xpath(
            "//meta[@property='og:url']/@content"
        )
        url = link(canonical[0], "canonical-adres") if canonical else ""
    container = next(
        iter(
            doc.xpath("//main")
            or doc.xpath("//*[@role='main']")
            or doc.xpath("//article")
        ),
        None,
    )
    if container is None:
        container = doc.find("body") if doc.find("body") is not None else doc
    ruw = lxml.html.tostring(container, encoding="unicode")
    invoer = Invoer(
        extern_id=url or f"bestand:{bestand}", label=url or bestand, velden={}
    )
    if _DANGEROUS.search(ruw):
        invoer.opgeschoond.append(
            "Onveilige code verwijderd (script, stijl, formulier of javascript:-link)."
        )
    for element in container.xpath(" | ".join(f".//{tag}" for tag in _WEG)):
        element.drop_tree()
    h1 = container.xpath(".//h1")
    titel = " ".join(h1[0].text_content().split()) if h1 else ""
    if not titel:
        titel = " ".join((doc.findtext(".//title") or "").split())
        if titel:
            invoer.gegokt.append("Titel: uit de <title> van de pagina (er is geen h1).")
    if not titel:
        raise Invoerfout(
            f"{bestand or url}: de pagina heeft geen kop (h1) en geen titel."
        )
    invoer.velden["title"] = kort(platte_tekst(titel, "titel", max_len=2000), TITEL_MAX)
    invoer.label = f"{titel} ({url or bestand})"
    schoon = schoon_html(
        lxml.html.tostring(container, encoding="unicode"), extra_tags=_TABEL_TAGS
    )
    _verdeel(schoon, invoer)
    return invoer


def _verdeel(html: str, invoer: Invoer) -> None:
    """Split the cleaned page at its h2 headings and place each section."""
    root = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
    secties: list[tuple[str, list[str]]] = [("", [_losse_tekst(root.text)])]
    for element in root:
        staart = _losse_tekst(element.tail)
        if element.tag == "h1":
            # What stands above the page's heading is page chrome (a breadcrumb).
            if len(secties) == 1:
                secties[0] = ("", [staart])
            continue
        if element.tag == "h2":
            secties.append((" ".join(element.text_content().split()), [staart]))
            continue
        secties[-1][1].extend([_als_rijke_tekst(element), staart])
    velden, gegokt, notities = invoer.velden, invoer.gegokt, invoer.notities
    teksten: dict[str, list[str]] = {}
    intro = "".join(secties[0][1])
    if tekst_van(intro):
        teksten.setdefault("wat_is_het", []).append(intro)
        velden["kort_antwoord"] = kort_antwoord_uit(intro)
        gegokt.append("Kort antwoord: de eerste zinnen boven de eerste tussenkop.")
    for kop, delen in secties[1:]:
        inhoud = "".join(delen)
        veld = _veld_van(kop)
        if veld is None:
            if tekst_van(inhoud):
                notities.append(f"Sectie '{kop}': {kort(tekst_van(inhoud), 500)}")
            continue
        gegokt.append(f"Sectie '{kop}' gelezen als '{VELDNAMEN[veld]}'.")
        teksten.setdefault(veld, []).append(inhoud)
        if veld == "aanvragen":
            _zoek_aanvraaglink(inhoud, invoer)
    for veld, delen in teksten.items():
        inhoud = "".join(delen)
        if veld == "aanvragen":
            velden["aanvragen"] = stappen_uit(inhoud)
        elif veld == "benodigdheden":
            velden["benodigdheden"] = [kort(item, 300) for item in lijst_uit(inhoud)]
        elif veld == "kosten":
            gratis, regels, rest = kosten_uit(inhoud)
            velden["kosten_gratis"], velden["kosten"] = gratis, regels
            if regels:
                gegokt.append(
                    f"Kosten: {len(regels)} bedrag(en) gelezen, 'per' uit de tekst of 'per stuk'; controleer 'per'."
                )
            if rest:
                notities.append("Kosten: " + " ".join(rest))
        elif veld == "termijn":
            tekst = tekst_van(inhoud)
            velden["termijn_omschrijving"] = kort(tekst, 1000)
            gevonden = termijn_uit(tekst)
            if gevonden:
                velden["termijn_dagen"], velden["termijn_eenheid"] = gevonden
        else:
            velden[veld] = schoon_html(inhoud)


def _veld_van(kop: str) -> str | None:
    kop = kop.lower()
    for veld, woorden in KOPPEN:
        if any(woord in kop for woord in woorden):
            return veld
    return None


def _als_rijke_tekst(element) -> str:
    """One block of the page in the allowed markup: a table becomes a list."""
    if element.tag == "table":
        rijen = [
            ": ".join(
                " ".join(cel.text_content().split()) for cel in rij.xpath("./th|./td")
            )
            for rij in element.iter("tr")
        ]
        return schoon_html(
            "<ul>"
            + "".join(f"<li>{escape(rij, quote=False)}</li>" for rij in rijen if rij)
            + "</ul>"
        )
    if element.tag in ("h3", "h4", "p", "ul", "ol"):
        return schoon_html(_html(element))
    return schoon_html(f"<p>{_html(element)}</p>")


def _html(element) -> str:
    return lxml.html.tostring(element, encoding="unicode", with_tail=False)


def _losse_tekst(tekst: str | None) -> str:
    tekst = " ".join((tekst or "").split())
    return f"<p>{escape(tekst, quote=False)}</p>" if tekst else ""


def _zoek_aanvraaglink(html: str, invoer: Invoer) -> None:
    if "online_aanvragen_url" in invoer.velden:
        return
    root = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
    for anker in root.iter("a"):
        href = anker.get("href") or ""
        tekst = " ".join(anker.text_content().split()).lower()
        if href.startswith("https://") and any(w in tekst for w in AANVRAAG_WOORDEN):
            invoer.velden["online_aanvragen_url"] = link(href, "aanvraaglink")
            invoer.velden["kanaal_online"] = True
            invoer.gegokt.append(
                f"Online aanvragen: de link '{tekst}'; kanaal online staat daarom aan."
            )
            return
