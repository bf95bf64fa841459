"""One typed, immutable snapshot of a product, built once from the page.

Renderers and checkers take a :class:`ProductSnapshot`, never a page: they
do no database access, are fast to test, and every StreamField block is
interpreted here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING

import nh3
from wagtail.rich_text import expand_db_html

from .formatting import format_euro, to_cents
from .vocabulary import DAG_CHOICES, PER_LABELS, Kanaal

if TYPE_CHECKING:
    from django.http import HttpRequest

    from .models import Contactpunt, Locatie, ProductPage

DAG_VOLGORDE = [dag for dag, _ in DAG_CHOICES]


@dataclass(frozen=True, slots=True)
class Stap:
    titel: str
    uitleg_html: str


@dataclass(frozen=True, slots=True)
class KostenRegel:
    omschrijving: str
    bedrag: Decimal
    per: str

    @property
    def per_label(self) -> str:
        return PER_LABELS.get(self.per, self.per)

    @property
    def bedrag_tekst(self) -> str:
        """The amount as every channel writes it: "€ 84,29"."""
        return format_euro(self.bedrag)

    @property
    def centen(self) -> int:
        return to_cents(self.bedrag)


@dataclass(frozen=True, slots=True)
class Termijn:
    omschrijving: str
    dagen: int
    eenheid: str

    @property
    def kort(self) -> str:
        return f"maximaal {self.dagen} {self.eenheid}"


@dataclass(frozen=True, slots=True)
class Openingstijd:
    dag: str
    van: time
    tot: time
    alleen_op_afspraak: bool = False

    @property
    def tekst(self) -> str:
        tijden = f"{self.van:%H.%M} tot {self.tot:%H.%M} uur"
        return f"{self.dag} {tijden}" + (
            " (alleen op afspraak)" if self.alleen_op_afspraak else ""
        )


@dataclass(frozen=True, slots=True)
class Contact:
    naam: str
    telefoon: str
    email: str
    contactformulier_url: str
    afspraak_url: str
    openingstijden: tuple[Openingstijd, ...]


@dataclass(frozen=True, slots=True)
class Adres:
    naam: str
    straat: str
    huisnummer: str
    postcode: str
    plaats: str
    toelichting: str
    openingstijden: tuple[Openingstijd, ...]

    @property
    def regel(self) -> str:
        return f"{self.straat} {self.huisnummer}, {self.postcode} {self.plaats}"


@dataclass(frozen=True, slots=True)
class Vraag:
    vraag: str
    antwoord: str


@dataclass(frozen=True, slots=True)
class Link:
    titel: str
    url: str


@dataclass(frozen=True, slots=True)
class Gemeente:
    naam: str
    website: str
    postadres: str


@dataclass(frozen=True, slots=True)
class ProductSnapshot:
    """Everything a channel may show about one product, in the order of the web page."""

    id: int | None
    slug: str
    title: str
    url: str
    """The canonical, absolute link to the product on the gemeente's website."""
    upl_naam: str
    upl_uri: str
    doelgroep: str
    thema: str
    kort_antwoord: str
    wat_is_het: str
    lokale_aanvulling: str
    """What only this gemeente adds to the (often national) text."""
    voorwaarden: str
    stappen: tuple[Stap, ...]
    benodigdheden: tuple[str, ...]
    kosten_gratis: bool
    kosten: tuple[KostenRegel, ...]
    termijn: Termijn | None
    online_aanvragen_url: str
    kanalen: tuple[str, ...]
    advies_kanaal: str
    contact: Contact | None
    locaties: tuple[Adres, ...]
    zoektermen: tuple[str, ...]
    vragen: tuple[Vraag, ...]
    gerelateerd: tuple[Link, ...]
    bezwaar_en_beroep: str
    wat_als_geen_reactie: str
    gemeente: Gemeente
    revision_id: int | None = None
    gepubliceerd_op: datetime | None = None

    @property
    def hoofdbedrag(self) -> KostenRegel | None:
        """The main amount: the first kosten row (editors put the usual case first)."""
        return self.kosten[0] if self.kosten else None

    @property
    def advies_label(self) -> str:
        return Kanaal(self.advies_kanaal).label if self.advies_kanaal else ""


def product_snapshot(
    page: ProductPage,
    *,
    request: HttpRequest | None = None,
    revision_id: int | None = None,
) -> ProductSnapshot:
    """Build the snapshot of ``page`` (a live page or an unsaved draft)."""
    from .models import GemeenteInstellingen

    site = page.get_site()
    instellingen = GemeenteInstellingen.for_site(site) if site else None
    gemeente = Gemeente(
        naam=(instellingen.naam if instellingen else "")
        or (site.site_name if site else ""),
        website=instellingen.website if instellingen else "",
        postadres=instellingen.postadres if instellingen else "",
    )
    parent = page.get_parent() if page.pk or page.path else None
    return ProductSnapshot(
        id=page.pk,
        slug=page.slug,
        title=page.title,
        url=canonical_url(page, gemeente=gemeente, request=request),
        upl_naam=page.upl_naam,
        upl_uri=page.upl_uri,
        doelgroep=page.doelgroep,
        thema=parent.title if parent else "",
        kort_antwoord=page.kort_antwoord.strip(),
        wat_is_het=richtext_html(page.wat_is_het),
        lokale_aanvulling=richtext_html(page.lokale_aanvulling),
        voorwaarden=richtext_html(page.voorwaarden),
        stappen=stappen_of(page),
        benodigdheden=benodigdheden_of(page),
        kosten_gratis=page.kosten_gratis,
        kosten=kosten_of(page),
        termijn=termijn_of(page),
        online_aanvragen_url=page.online_aanvragen_url,
        kanalen=tuple(page.kanalen),
        advies_kanaal=page.advies_kanaal,
        contact=_contact(page.contact) if page.contact_id else None,
        locaties=tuple(_adres(locatie) for locatie in page.locaties.all()),
        zoektermen=tuple(sorted(tag.name for tag in page.zoektermen.all())),
        vragen=vragen_of(page),
        gerelateerd=tuple(
            Link(
                titel=item.product.title,
                url=canonical_url(item.product, gemeente=gemeente),
            )
            for item in page.gerelateerde_producten.all()
            if item.product.live
        ),
        bezwaar_en_beroep=richtext_html(page.bezwaar_en_beroep),
        wat_als_geen_reactie=richtext_html(page.wat_als_geen_reactie),
        gemeente=gemeente,
        revision_id=revision_id,
        gepubliceerd_op=page.last_published_at,
    )


# One function per structured field: the snapshot and the API read a
# StreamField the same way.


def stappen_of(page: ProductPage) -> tuple[Stap, ...]:
    return tuple(
        Stap(
            titel=child.value["titel"],
            uitleg_html=richtext_html(child.value["uitleg"].source),
        )
        for child in page.aanvragen
    )


def benodigdheden_of(page: ProductPage) -> tuple[str, ...]:
    return tuple(str(child.value) for child in page.benodigdheden)


def kosten_of(page: ProductPage) -> tuple[KostenRegel, ...]:
    return tuple(
        KostenRegel(
            omschrijving=child.value["omschrijving"],
            bedrag=Decimal(child.value["bedrag"]),
            per=child.value["per"],
        )
        for child in page.kosten
    )


def termijn_of(page: ProductPage) -> Termijn | None:
    if page.termijn_omschrijving and page.termijn_dagen:
        return Termijn(
            page.termijn_omschrijving, page.termijn_dagen, page.termijn_eenheid
        )
    return None


def vragen_of(page: ProductPage) -> tuple[Vraag, ...]:
    return tuple(
        Vraag(vraag=child.value["vraag"], antwoord=child.value["antwoord"])
        for child in page.vragen
    )


def canonical_url(
    page: ProductPage, *, gemeente: Gemeente, request: HttpRequest | None = None
) -> str:
    """The link citizens use: the gemeente's website plus the page's path in its site."""
    parts = page.get_url_parts(request=request) if page.path else None
    path = parts[2] if parts else f"/{page.slug}/"
    if gemeente.website:
        return gemeente.website.rstrip("/") + path
    if parts:
        return parts[1] + path
    return path


# What rich text may contain once it leaves the hub (defence in depth: the
# model already refuses other markup, this also holds for old revisions).
_ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "b",
    "strong",
    "i",
    "em",
    "ol",
    "ul",
    "li",
    "a",
}
_ALLOWED_ATTRIBUTES = {"a": {"href"}}


def richtext_html(source: str) -> str:
    """Rich text as every channel shows it: real URLs, only the allowed markup."""
    # Internal links stored as references become real URLs here, then
    # anything outside the allowed set is removed.
    html = expand_db_html(source or "")
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto", "tel"},
        link_rel=None,
    ).strip()


def sorted_openingstijden(stream) -> tuple[Openingstijd, ...]:
    regels = [
        Openingstijd(
            dag=child.value["dag"],
            van=child.value["van"],
            tot=child.value["tot"],
            alleen_op_afspraak=bool(child.value.get("alleen_op_afspraak")),
        )
        for child in stream
    ]
    return tuple(
        sorted(regels, key=lambda regel: (DAG_VOLGORDE.index(regel.dag), regel.van))
    )


def _contact(contact: Contactpunt) -> Contact:
    return Contact(
        naam=contact.naam,
        telefoon=contact.telefoon,
        email=contact.email,
        contactformulier_url=contact.contactformulier_url,
        afspraak_url=contact.afspraak_url,
        openingstijden=sorted_openingstijden(contact.openingstijden),
    )


def _adres(locatie: Locatie) -> Adres:
    return Adres(
        naam=locatie.naam,
        straat=locatie.straat,
        huisnummer=locatie.huisnummer,
        postcode=locatie.postcode,
        plaats=locatie.plaats,
        toelichting=locatie.toelichting,
        openingstijden=sorted_openingstijden(locatie.openingstijden),
    )
