"""Writing imported items as drafts of one gemeente, and advising on them.

Every item is written in its own transaction: a refused item changes
nothing, the others go on. Nothing is published: a product arrives as a
draft (``live=False``) and goes live only through the publication gate when
an editor publishes it. A second run finds the same draft through its
``Importherkomst`` (gemeente, source, external id) and updates it, unless
an editor saved a newer version or published it: then it is left alone.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site

from contenthub.models import ProductPage, ThemaPage
from contenthub.validation import block_error_messages
from gemeenten.services import gemeente_label
from publicatie.fields import FIELD_LABELS

from ..models import Importherkomst
from .base import BRONNEN, Geweigerd, Invoer, Invoerfout
from .rapport import (
    AANGEMAAKT,
    BIJGEWERKT,
    GEWEIGERD,
    ONGEWIJZIGD,
    OVERGESLAGEN,
    Rapport,
    Regel,
)

IMPORTTHEMA_SLUG = "geimporteerd"
IMPORTTHEMA_TITEL = "Geïmporteerde producten"
MAX_ADVIES = 8
"""At most this many taal and WCAG findings per item in the report."""

# The fields an import manages, with their value when the source has none.
VELDEN: dict[str, Any] = {
    "title": "",
    "kort_antwoord": "",
    "upl_naam": "",
    "upl_uri": "",
    "doelgroep": "inwoners",
    "wat_is_het": "",
    "voorwaarden": "",
    "bezwaar_en_beroep": "",
    "wat_als_geen_reactie": "",
    "termijn_omschrijving": "",
    "termijn_dagen": None,
    "termijn_eenheid": "werkdagen",
    "online_aanvragen_url": "",
    "kanaal_online": False,
    "kosten_gratis": False,
}
STROMEN = {"aanvragen": "stap", "benodigdheden": "item", "kosten": "regel"}


class Importfout(Exception):
    """The import cannot start (unknown source, no such gemeente or theme)."""


def importeer(
    bron: str,
    paden: list[Path],
    *,
    site: Site,
    thema: ThemaPage | None = None,
    proef: bool = False,
) -> Rapport:
    """Import every item of ``paden`` from source ``bron`` as drafts of ``site``.

    With ``proef`` everything runs (the report says what would happen) and
    is rolled back at the end.
    """
    if bron not in BRONNEN:
        raise Importfout(
            f"Onbekende bron '{bron}'. Kies uit: {', '.join(sorted(BRONNEN))}."
        )
    if thema is not None and not thema.is_descendant_of(site.root_page):
        raise Importfout(
            f"Het thema '{thema.title}' hoort niet bij deze gemeente. Kies een thema "
            "van de gemeente waarin u importeert."
        )
    lezer = BRONNEN[bron]
    rapport = Rapport(bron=lezer.label, gemeente=gemeente_label(site), proef=proef)
    gezien: set[str] = set()
    with transaction.atomic():
        doel = thema or importthema(site)
        for pad in paden:
            for item in lezer.lees(Path(pad)):
                rapport.regels.append(_een_item(item, bron, site, doel, gezien))
        if proef:
            transaction.set_rollback(True)
    return rapport


def _een_item(
    item: Invoer | Geweigerd, bron: str, site: Site, doel: ThemaPage, gezien: set[str]
) -> Regel:
    if isinstance(item, Geweigerd):
        return Regel(item.label, GEWEIGERD, item.reden)
    if item.extern_id in gezien:
        return Regel(
            item.label,
            OVERGESLAGEN,
            "dit product staat twee keer in de invoer; alleen het eerste is gelezen.",
        )
    gezien.add(item.extern_id)
    try:
        with transaction.atomic():
            regel = _schrijf(item, bron, site, doel)
            if regel.page_id and regel.uitkomst in (AANGEMAAKT, BIJGEWERKT):
                _advies(regel)
            return regel
    except Invoerfout as error:
        return Regel(item.label, GEWEIGERD, str(error))
    except ValidationError as error:
        return Regel(item.label, GEWEIGERD, " ".join(block_error_messages(error)))


def importthema(site: Site) -> ThemaPage:
    """The gemeente's draft theme for imported products (made when missing)."""
    home = site.root_page
    bestaand = ThemaPage.objects.child_of(home).filter(slug=IMPORTTHEMA_SLUG).first()
    if bestaand is not None:
        return bestaand
    thema = ThemaPage(
        title=IMPORTTHEMA_TITEL,
        slug=IMPORTTHEMA_SLUG,
        live=False,
        intro="Producten uit een import. Verplaats elk product naar zijn eigen thema.",
    )
    home.add_child(instance=thema)
    thema.save_revision(clean=False)
    return thema


def vingerafdruk(velden: dict[str, Any], notities: list[str]) -> str:
    data = json.dumps([velden, notities], sort_keys=True, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _schrijf(item: Invoer, bron: str, site: Site, doel: ThemaPage) -> Regel:
    regel = Regel(
        item.label,
        AANGEMAAKT,
        gegokt=list(item.gegokt),
        notities=list(item.notities),
        opgeschoond=list(item.opgeschoond),
    )
    afdruk = vingerafdruk(item.velden, item.notities)
    herkomst = (
        Importherkomst.objects.filter(site=site, bron=bron, extern_id=item.extern_id)
        .select_related("page")
        .first()
    )
    if herkomst is not None:
        return _werk_bij(herkomst, item, afdruk, regel, site)
    upl = item.velden.get("upl_naam")
    if upl:
        bestaand = (
            ProductPage.objects.descendant_of(site.root_page)
            .filter(upl_naam=upl)
            .first()
        )
        if bestaand is not None:
            regel.uitkomst = OVERGESLAGEN
            regel.reden = (
                f"deze gemeente heeft al een product met de UPL-naam '{upl}' "
                f"('{bestaand.title}'); de import maakt geen tweede."
            )
            regel.page_id = bestaand.pk
            return regel
    titel = item.velden["title"]
    zelfde = (
        ProductPage.objects.descendant_of(site.root_page)
        .filter(title__iexact=titel)
        .first()
    )
    if zelfde is not None:
        regel.uitkomst = OVERGESLAGEN
        regel.reden = (
            f"deze gemeente heeft al een product '{zelfde.title}'; de import maakt "
            "geen tweede. Neem over wat nodig is in de editor."
        )
        regel.page_id = zelfde.pk
        return regel
    page = ProductPage(slug=_vrije_slug(doel, titel), live=False)
    pas_toe(page, item.velden)
    doel.add_child(instance=page)
    revisie = page.save_revision(clean=False)
    Importherkomst.objects.create(
        site=site,
        bron=bron,
        extern_id=item.extern_id,
        page=page,
        revisie=revisie,
        vingerafdruk=afdruk,
        notitie="\n".join(item.notities),
    )
    regel.page_id = page.pk
    return regel


def _werk_bij(
    herkomst: Importherkomst, item: Invoer, afdruk: str, regel: Regel, site: Site
) -> Regel:
    page = herkomst.page
    regel.page_id = page.pk
    if not page.is_descendant_of(site.root_page):
        raise Invoerfout(
            "Het eerder geïmporteerde product staat niet meer in deze gemeente."
        )
    if page.live:
        regel.uitkomst, regel.reden = (
            OVERGESLAGEN,
            "het product is gepubliceerd; de import verandert geen live product. "
            "Neem wijzigingen over in de editor.",
        )
        return regel
    if page.latest_revision_id != herkomst.revisie_id:
        regel.uitkomst, regel.reden = (
            OVERGESLAGEN,
            "een redacteur heeft het concept na de vorige import gewijzigd; de import "
            "overschrijft dat werk niet.",
        )
        return regel
    if herkomst.vingerafdruk == afdruk:
        regel.uitkomst = ONGEWIJZIGD
        return regel
    concept = page.get_latest_revision_as_object()
    pas_toe(concept, item.velden)
    herkomst.revisie = concept.save_revision(clean=False)
    herkomst.vingerafdruk = afdruk
    herkomst.notitie = "\n".join(item.notities)
    herkomst.save()
    regel.uitkomst = BIJGEWERKT
    return regel


def pas_toe(page: ProductPage, velden: dict[str, Any]) -> None:
    """Set every field the import manages; what the source lacks is emptied."""
    for naam, leeg in VELDEN.items():
        setattr(page, naam, velden.get(naam, leeg))
    for naam, soort in STROMEN.items():
        setattr(page, naam, [{"type": soort, "value": v} for v in velden.get(naam, [])])
    page.zoektermen.set(velden.get("zoektermen", []), clear=True)


def _vrije_slug(doel: Page, titel: str) -> str:
    basis = slugify(titel)[:80].strip("-") or "product"
    slug, nummer = basis, 2
    while Page.objects.child_of(doel).filter(slug=slug).exists():
        slug, nummer = f"{basis}-{nummer}", nummer + 1
    return slug


def _advies(regel: Regel) -> None:
    """The gate's validation, taalcheck and WCAG findings on the draft, as advice."""
    import taalcheck
    from contenthub.validation import RICHTEXT_FIELDS
    from taalcheck.models import get_settings
    from taalcheck.product import page_as_product, product_texts
    from toegankelijkheid import check_html

    concept = ProductPage.objects.get(pk=regel.page_id).get_latest_revision_as_object()
    try:
        concept.full_clean()
    except ValidationError as error:
        for veld, berichten in error.message_dict.items():
            label = FIELD_LABELS.get(veld if veld != "__all__" else "", veld)
            regel.nog_nodig.extend(f"{label}: {bericht}" for bericht in berichten)
    taal: dict[str, list[str]] = {}
    instellingen = get_settings()
    for veld, tekst in product_texts(page_as_product(concept)):
        verslag = taalcheck.check(tekst, niveau="B1", settings=instellingen)
        for finding in verslag.findings:
            if finding.severity.value != "tip":
                taal.setdefault(finding.message, []).append(
                    FIELD_LABELS.get(veld, veld)
                )
    wcag: dict[str, list[str]] = {}
    for veld in RICHTEXT_FIELDS:
        html = str(getattr(concept, veld) or "")
        if html.strip():
            for finding in check_html(html, fragment=True).findings:
                wcag.setdefault(finding.message, []).append(
                    FIELD_LABELS.get(veld, veld)
                )
    regel.taaladvies = _kort(taal)
    regel.toegankelijkheid = _kort(wcag)


def _kort(bevindingen: dict[str, list[str]]) -> list[str]:
    """One line per finding with the fields it is in; at most ``MAX_ADVIES``."""
    punten = [
        f"{', '.join(dict.fromkeys(velden))}: {bericht}"
        for bericht, velden in bevindingen.items()
    ]
    if len(punten) <= MAX_ADVIES:
        return punten
    return [*punten[:MAX_ADVIES], f"en nog {len(punten) - MAX_ADVIES} punt(en)."]
