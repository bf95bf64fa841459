"""Source: an export of the SDG invoervoorziening (its API's ``Product`` JSON).

One ``Product`` per product version, a list of them, or a page of the list
API (``results``). The Dutch ``LocalizedProduct`` (``taal: nl``) is mapped
field by field as ``contenthub/models/MAPPING.md`` names the pairs; the
schema is in ``renderers/schemas/sdg/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from contenthub.upl import upl_naam_for, upl_uri_for

from .base import Geweigerd, Invoer, Invoerfout, items_of, lees_json, register
from .opschonen import (
    TITEL_MAX,
    kort,
    kort_antwoord_uit,
    kosten_uit,
    lijst_uit,
    link,
    platte_tekst,
    rijke_tekst,
    stappen_uit,
    tekst_van,
    termijn_uit,
)

DOELGROEPEN = {"eu-burger": "inwoners", "eu-bedrijf": "ondernemers"}


@register
class SdgBron:
    naam = "sdg"
    label = "SDG-invoervoorziening"

    def lees(self, pad: Path) -> Iterator[Invoer | Geweigerd]:
        try:
            producten = items_of(lees_json(pad), pad)
        except Invoerfout as error:
            yield Geweigerd(pad.name, str(error))
            return
        for nummer, product in enumerate(producten, 1):
            label = f"{pad.name}, product {nummer}"
            try:
                yield sdg_invoer(product, label)
            except Invoerfout as error:
                yield Geweigerd(label, str(error))


def sdg_invoer(product: Any, label: str) -> Invoer:
    """One SDG ``Product`` as the hub's fields."""
    if not isinstance(product, dict):
        raise Invoerfout("Dit is geen SDG-product (geen JSON-object).")
    vertalingen = product.get("vertalingen")
    if not isinstance(vertalingen, list):
        raise Invoerfout("Het SDG-product heeft geen 'vertalingen'.")
    nl = next(
        (v for v in vertalingen if isinstance(v, dict) and v.get("taal") == "nl"), None
    )
    if nl is None:
        raise Invoerfout("Het SDG-product heeft geen Nederlandse versie (taal 'nl').")
    invoer = Invoer(extern_id="", label=label, velden={})
    velden, gegokt, notities = invoer.velden, invoer.gegokt, invoer.notities

    upn_uri = link(product.get("upnUri"), "upnUri")
    upn_label = platte_tekst(product.get("upnLabel"), "upnLabel", max_len=255)
    invoer.extern_id = (
        platte_tekst(product.get("uuid"), "uuid", max_len=100)
        or link(product.get("url"), "url")
        or upn_uri
    )
    if not invoer.extern_id:
        raise Invoerfout(
            "Het SDG-product heeft geen uuid, url of upnUri: de import kan het bij "
            "een volgende keer niet terugvinden."
        )
    naam = upl_naam_for(upn_uri) if upn_uri else None
    if naam is None and upn_label and upl_uri_for(upn_label):
        naam = upn_label
    if naam:
        velden["upl_naam"], velden["upl_uri"] = naam, upl_uri_for(naam) or ""
    elif upn_label or upn_uri:
        notities.append(
            f"UPL: '{upn_label or upn_uri}' staat niet in de Uniforme Productnamenlijst; "
            "kies de UPL-naam in de editor."
        )

    titel = platte_tekst(
        nl.get("productTitelDecentraal"), "productTitelDecentraal", max_len=TITEL_MAX
    )
    if not titel:
        titel = (upn_label or "").capitalize()
        if titel:
            gegokt.append("Titel: de UPL-naam, want er is geen productTitelDecentraal.")
    if not titel:
        raise Invoerfout("Het SDG-product heeft geen titel en geen UPL-naam.")
    velden["title"] = titel
    invoer.label = f"{titel} ({label})"

    doelgroep = product.get("doelgroep")
    if doelgroep in DOELGROEPEN:
        velden["doelgroep"] = DOELGROEPEN[doelgroep]

    opgeschoond = invoer.opgeschoond
    specifiek = rijke_tekst(nl.get("specifiekeTekst"), "specifiekeTekst", opgeschoond)
    velden["wat_is_het"] = specifiek
    if specifiek:
        velden["kort_antwoord"] = kort_antwoord_uit(specifiek)
        gegokt.append("Kort antwoord: de eerste zinnen van de specifieke tekst.")
    velden["voorwaarden"] = rijke_tekst(nl.get("vereisten"), "vereisten", opgeschoond)
    velden["bezwaar_en_beroep"] = rijke_tekst(
        nl.get("bezwaarEnBeroep"), "bezwaarEnBeroep", opgeschoond
    )
    velden["wat_als_geen_reactie"] = rijke_tekst(
        nl.get("wtdBijGeenReactie"), "wtdBijGeenReactie", opgeschoond
    )
    procedure = rijke_tekst(
        nl.get("procedureBeschrijving"), "procedureBeschrijving", opgeschoond
    )
    if procedure:
        velden["aanvragen"] = stappen_uit(procedure)
        gegokt.append("Aanvragen: elk punt van de procedurebeschrijving is een stap.")
    bewijs = rijke_tekst(nl.get("bewijs"), "bewijs", opgeschoond)
    if bewijs:
        velden["benodigdheden"] = [kort(item, 300) for item in lijst_uit(bewijs)]
    kosten = rijke_tekst(
        nl.get("kostenEnBetaalmethoden"), "kostenEnBetaalmethoden", opgeschoond
    )
    if kosten:
        gratis, regels, rest = kosten_uit(kosten)
        velden["kosten_gratis"], velden["kosten"] = gratis, regels
        if regels:
            gegokt.append(
                f"Kosten: {len(regels)} bedrag(en) uit de tekst gelezen, 'per' uit de "
                "tekst of 'per stuk'; controleer 'per'."
            )
        if rest:
            notities.append("Kosten en betaalmethoden: " + " ".join(rest))
    termijn = tekst_van(
        rijke_tekst(nl.get("uitersteTermijn"), "uitersteTermijn", opgeschoond)
    )
    if termijn:
        velden["termijn_omschrijving"] = kort(termijn, 1000)
        gevonden = termijn_uit(termijn)
        if gevonden:
            velden["termijn_dagen"], velden["termijn_eenheid"] = gevonden
            gegokt.append(
                f"Termijn: maximaal {gevonden[0]} {gevonden[1]}, gelezen uit de tekst."
            )
    procedure_link = link(nl.get("decentraleProcedureLink"), "decentraleProcedureLink")
    if procedure_link:
        velden["online_aanvragen_url"] = procedure_link
        velden["kanaal_online"] = True
        gegokt.append("Kanalen: online, want er is een link naar de procedure.")
    for verwijzing in nl.get("verwijzingLinks") or []:
        if isinstance(verwijzing, dict):
            url = link(verwijzing.get("url"), "verwijzingLinks")
            tekst = platte_tekst(
                verwijzing.get("label"), "verwijzingLinks", max_len=500
            )
            notities.append(f"Verwijzing: {tekst}: {url}")
    return invoer
