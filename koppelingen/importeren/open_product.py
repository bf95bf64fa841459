"""Source: Open Product producttypen (the Producttypen API's ``ProductType`` JSON).

One ``ProductType``, a list, or a page of the list API (``results``); the
schema is in ``renderers/schemas/open-product/``. Open Product keeps the
long texts outside the producttype, so an import brings the name, the
summary (kort antwoord), the UPL, the prices, the links and the keywords;
the editor writes the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from contenthub.upl import upl_uri_for

from .base import Geweigerd, Invoer, Invoerfout, items_of, lees_json, register
from .opschonen import OMSCHRIJVING_MAX, TITEL_MAX, kort, link, platte_tekst

MAX_BEDRAG = Decimal("10000000")
"""A kosten row holds at most 9 digits with 2 decimals."""
AANVRAAG_WOORDEN = ("aanvra", "online", "regelen", "digid", "formulier")


@register
class OpenProductBron:
    naam = "open-product"
    label = "Open Product (producttypen)"

    def lees(self, pad: Path) -> Iterator[Invoer | Geweigerd]:
        try:
            producttypen = items_of(lees_json(pad), pad)
        except Invoerfout as error:
            yield Geweigerd(pad.name, str(error))
            return
        for nummer, producttype in enumerate(producttypen, 1):
            label = f"{pad.name}, producttype {nummer}"
            try:
                yield producttype_invoer(producttype, label)
            except Invoerfout as error:
                yield Geweigerd(label, str(error))


def producttype_invoer(
    producttype: Any, label: str, *, vandaag: dt.date | None = None
) -> Invoer:
    """One ``ProductType`` as the hub's fields."""
    if not isinstance(producttype, dict):
        raise Invoerfout("Dit is geen producttype (geen JSON-object).")
    taal = producttype.get("taal") or "nl"
    if taal != "nl":
        raise Invoerfout(
            f"Dit producttype is in de taal '{taal}'; de import leest de Nederlandse."
        )
    uuid = platte_tekst(producttype.get("uuid"), "uuid", max_len=100)
    if not uuid:
        raise Invoerfout(
            "Het producttype heeft geen uuid: de import kan het bij een volgende "
            "keer niet terugvinden."
        )
    naam = platte_tekst(producttype.get("naam"), "naam", max_len=TITEL_MAX)
    if not naam:
        raise Invoerfout("Het producttype heeft geen naam.")
    invoer = Invoer(extern_id=uuid, label=f"{naam} ({label})", velden={"title": naam})
    velden, gegokt, notities = invoer.velden, invoer.gegokt, invoer.notities
    samenvatting = platte_tekst(producttype.get("samenvatting"), "samenvatting")
    if samenvatting:
        velden["kort_antwoord"] = samenvatting
    upl = platte_tekst(
        producttype.get("uniforme_product_naam"), "uniforme_product_naam", max_len=255
    )
    if upl and upl_uri_for(upl):
        velden["upl_naam"], velden["upl_uri"] = upl, upl_uri_for(upl) or ""
    elif upl:
        notities.append(
            f"UPL: '{upl}' staat niet in de Uniforme Productnamenlijst; kies de "
            "UPL-naam in de editor."
        )
    keywords = producttype.get("keywords") or []
    if not isinstance(keywords, list):
        raise Invoerfout("'keywords' is geen lijst.")
    velden["zoektermen"] = [
        platte_tekst(woord, "keywords", max_len=100) for woord in keywords if woord
    ]
    velden["kosten"] = _kosten(producttype.get("prijzen") or [], vandaag, gegokt)
    for item in producttype.get("links") or []:
        if not isinstance(item, dict):
            raise Invoerfout("Een link van het producttype is geen object.")
        url = link(item.get("url"), "links.url")
        titel = platte_tekst(item.get("naam"), "links.naam", max_len=255)
        if (
            "online_aanvragen_url" not in velden
            and url.startswith("https://")
            and any(woord in titel.lower() for woord in AANVRAAG_WOORDEN)
        ):
            velden["online_aanvragen_url"], velden["kanaal_online"] = url, True
            gegokt.append(
                f"Online aanvragen: de link '{titel}'; kanaal online staat daarom aan."
            )
        else:
            notities.append(f"Link: {titel}: {url}")
    for locatie in producttype.get("locaties") or []:
        if isinstance(locatie, dict):
            notities.append(
                "Locatie (kies de locatie in de editor): "
                + platte_tekst(locatie.get("naam"), "locaties.naam", max_len=255)
            )
    opmerking = platte_tekst(
        producttype.get("interne_opmerkingen"), "interne_opmerkingen"
    )
    if opmerking:
        notities.append(f"Interne opmerking uit Open Product: {opmerking}")
    return invoer


def _kosten(
    prijzen: Any, vandaag: dt.date | None, gegokt: list[str]
) -> list[dict[str, Any]]:
    """Every price option, with its period from ``actief_vanaf``.

    The price that holds today has no start date; a price that starts later
    gets ``geldig_vanaf`` and ends the one before it the day before. Prices
    that an even later past price replaced are left out.
    """
    if not isinstance(prijzen, list):
        raise Invoerfout("'prijzen' is geen lijst.")
    vandaag = vandaag or dt.date.today()
    perioden = []
    for prijs in prijzen:
        if not isinstance(prijs, dict):
            raise Invoerfout("Een prijs van het producttype is geen object.")
        try:
            vanaf = dt.date.fromisoformat(str(prijs.get("actief_vanaf")))
        except ValueError as error:
            raise Invoerfout(
                f"'actief_vanaf' ({prijs.get('actief_vanaf')!r}) is geen datum (JJJJ-MM-DD)."
            ) from error
        perioden.append((vanaf, prijs.get("prijsopties") or []))
    perioden.sort(key=lambda periode: periode[0])
    huidig = [i for i, (vanaf, _) in enumerate(perioden) if vanaf <= vandaag]
    begin = huidig[-1] if huidig else 0
    regels = []
    for index in range(begin, len(perioden)):
        vanaf, opties = perioden[index]
        volgende = perioden[index + 1][0] if index + 1 < len(perioden) else None
        for optie in opties:
            regels.append(_regel(optie, vanaf if vanaf > vandaag else None, volgende))
        if vanaf > vandaag:
            gegokt.append(
                f"Kosten: de prijzen vanaf {vanaf:%d-%m-%Y} staan als kostenregels "
                "met 'geldig vanaf'."
            )
    if regels:
        gegokt.append("Kosten: elke prijsoptie is 'per stuk'; controleer 'per'.")
    return regels


def _regel(optie: Any, vanaf: dt.date | None, volgende: dt.date | None) -> dict:
    if not isinstance(optie, dict):
        raise Invoerfout("Een prijsoptie is geen object.")
    try:
        bedrag = Decimal(str(optie.get("bedrag")))
    except InvalidOperation as error:
        raise Invoerfout(
            f"Het bedrag {optie.get('bedrag')!r} is geen getal (schrijf bijvoorbeeld '84.29')."
        ) from error
    if not bedrag.is_finite() or bedrag < 0 or bedrag >= MAX_BEDRAG:
        raise Invoerfout(f"Het bedrag {optie.get('bedrag')!r} is geen geldig bedrag.")
    regel: dict[str, Any] = {
        "omschrijving": kort(
            platte_tekst(optie.get("beschrijving"), "prijsopties.beschrijving")
            or "Kosten",
            OMSCHRIJVING_MAX,
        ),
        "bedrag": f"{bedrag:.2f}",
        "per": "per_stuk",
    }
    if vanaf:
        regel["geldig_vanaf"] = vanaf.isoformat()
    if volgende:
        regel["geldig_tot"] = (volgende - dt.timedelta(days=1)).isoformat()
    return regel
