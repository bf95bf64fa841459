"""One typed, immutable snapshot of a product, built once from the page.

Renderers and checkers take a :class:`ProductSnapshot`, never a page: they
do no database access, are fast to test, and every StreamField block is
interpreted here and nowhere else.

What leaves the hub is made safe here once, for every channel: plain-text
fields carry no markup (``text.strip_markup``), links only https, http,
mailto and tel (:func:`safe_url`), rich text only the allowed tags. Each
channel then escapes for its own format (HTML on the web, JSON strings for
app and chatbot, plain text for tweet and letter).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from .kosten import KostenRegel, alle_kosten_of, kosten_of
from .memo import remembered
from .richtext import richtext_html
from .talen import SOURCE_LANGUAGE, locale_code, page_language
from .text import strip_markup as plain
from .vocabulary import (
    DAG_CHOICES,
    DAG_LABELS_EN,
    EENHEID_LABELS_EN,
    KANAAL_LABELS_EN,
    Kanaal,
)

if TYPE_CHECKING:
    from django.http import HttpRequest

    from .models import Contactpunt, Locatie, ProductPage

DAG_VOLGORDE = [dag for dag, _ in DAG_CHOICES]


@dataclass(frozen=True, slots=True)
class Stap:
    titel: str
    uitleg_html: str


@dataclass(frozen=True, slots=True)
class Termijn:
    omschrijving: str
    dagen: int
    eenheid: str
    taal: str = "nl"

    @property
    def kort(self) -> str:
        if self.taal == "en":
            eenheid = EENHEID_LABELS_EN.get(self.eenheid, self.eenheid)
            return f"at most {self.dagen} {eenheid}"
        return f"maximaal {self.dagen} {self.eenheid}"


@dataclass(frozen=True, slots=True)
class Openingstijd:
    dag: str
    van: time
    tot: time
    alleen_op_afspraak: bool = False
    taal: str = "nl"

    @property
    def tekst(self) -> str:
        if self.taal == "en":
            dag = DAG_LABELS_EN.get(self.dag, self.dag)
            return f"{dag} {self.van:%H:%M} to {self.tot:%H:%M}" + (
                " (by appointment only)" if self.alleen_op_afspraak else ""
            )
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
    taal: str = "nl"
    """The language of its name: an English product without an English
    version of its contactpunt shows the Dutch one (``nl``)."""


@dataclass(frozen=True, slots=True)
class Adres:
    naam: str
    straat: str
    huisnummer: str
    postcode: str
    plaats: str
    toelichting: str
    openingstijden: tuple[Openingstijd, ...]
    taal: str = "nl"
    """The language of its name and toelichting (as ``Contact.taal``)."""

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
    owms_identifier: str = ""
    """The gemeente's OWMS URI; empty when not set (national channels derive it)."""
    telefoon: str = ""
    email: str = ""
    logo_url: str = ""
    """Where the website loads the gemeente's logo; empty without one."""
    logo_alt: str = ""


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
    """The fee rows that hold today (the day the snapshot was made)."""
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
    kcc_notitie: str = ""
    """For KCC agents only (the kcc channel); no public channel shows it."""
    kosten_alle: tuple[KostenRegel, ...] = ()
    """Every fee row with its dates, also past and coming ones (a letter dated
    before a change uses the fee of its date; the API shows coming rows)."""
    bron: str = ""
    """A digest of the stored values this snapshot was made from, before they
    were made safe: two sources that differ only in what no channel may carry
    (a ``javascript:`` link, markup) are still different inputs to judge."""
    taal: str = "nl"
    """The language of the product's texts: ``nl`` (the source) or a translation's."""
    engels: ProductSnapshot | None = None
    """For a Dutch SDG product: its live English translation, for the SDG
    feed's English version (``None`` when there is none)."""
    verouderd: bool = False
    """For a translation: the Dutch text changed after it was translated
    (``contenthub.vertaling``); its channels say so and link to the Dutch page.
    Not an input of the fingerprint (``renderers.approval``): a translation
    whose re-render the gate refuses keeps its approved rendering."""
    bron_url: str = ""
    """For a translation: the canonical link of its Dutch source page."""

    @property
    def hoofdbedrag(self) -> KostenRegel | None:
        """The main amount: the first kosten row (editors put the usual case first)."""
        return self.kosten[0] if self.kosten else None

    def kosten_op(self, datum: date) -> tuple[KostenRegel, ...]:
        """The fee rows that hold on ``datum``."""
        return tuple(regel for regel in self.kosten_alle if regel.geldig_op(datum))

    def komende_kosten(self, datum: date) -> tuple[KostenRegel, ...]:
        """The rows that start after ``datum`` ("per 1 januari 2027: € …")."""
        return tuple(
            regel
            for regel in self.kosten_alle
            if regel.geldig_vanaf and regel.geldig_vanaf > datum
        )

    @property
    def advies_label(self) -> str:
        if not self.advies_kanaal:
            return ""
        if self.taal == "en":
            return KANAAL_LABELS_EN.get(self.advies_kanaal, self.advies_kanaal)
        return Kanaal(self.advies_kanaal).label


@dataclass
class SnapshotSources:
    """What :func:`product_snapshot` reads around a page, fetched once for many.

    Made by :func:`snapshot_sources`; a snapshot built with it is the same as
    one built without (a test pins that), in a fixed number of queries for
    any number of pages.
    """

    sites: dict[int, Any]
    """Per site id, the Site with its root page."""
    instellingen: dict[int, Any]
    """Per site id, the gemeente's settings."""
    parents: dict[str, Any]
    """Per tree path, the parent page."""
    live_related: dict[int, Any]
    """The related products that are live (``catalogue.live_products``), by id."""
    english: dict[Any, Any] | None = None
    """Per translation key, the live English translation of an SDG product."""
    dutch: dict[Any, Any] | None = None
    """For the translations among the pages: per translation key, the Dutch source."""
    snippets: dict[tuple[str, Any, int], Any] | None = None
    """For the translations among the pages: per (model name, translation key,
    locale id), the contactpunt or locatie in the translation's language."""
    english_sources: SnapshotSources | None = None
    """What the snapshots of those English translations read (a Dutch SDG
    product's snapshot carries its translation's), fetched for all at once."""


def snapshot_sources(pages: Sequence[ProductPage]) -> SnapshotSources:
    """Fetch what the snapshots of ``pages`` need, in a fixed number of queries.

    ``pages`` should come with ``contact`` selected and ``locaties``,
    ``zoektermen`` and ``gerelateerde_producten`` prefetched
    (:func:`snapshot_queryset`).
    """
    from wagtail.models import Page, Site

    from .catalogue import live_products
    from .models.settings import GemeenteInstellingen

    site_ids = set()
    for page in pages:
        parts = page.get_url_parts() if page.path else None
        if parts:
            site_ids.add(parts[0])
    sites = {
        site.pk: site
        for site in Site.objects.filter(pk__in=site_ids).select_related("root_page")
    }
    instellingen = {
        row.site_id: row
        for row in GemeenteInstellingen.objects.filter(site_id__in=site_ids)
    }
    steplen = Page.steplen
    parent_paths = {page.path[:-steplen] for page in pages if len(page.path) > steplen}
    parents = (
        {parent.path: parent for parent in Page.objects.filter(path__in=parent_paths)}
        if parent_paths
        else {}
    )
    related_ids = {
        item.product_id
        for page in pages
        for item in page.gerelateerde_producten.all()
        if item.product_id
    }
    live_related = (
        {product.pk: product for product in live_products().filter(pk__in=related_ids)}
        if related_ids
        else {}
    )
    translations = [page for page in pages if page_language(page) != SOURCE_LANGUAGE]
    english = live_english_translations(pages)
    return SnapshotSources(
        sites=sites,
        instellingen=instellingen,
        parents=parents,
        live_related=live_related,
        english=english,
        dutch=dutch_sources(translations),
        snippets=snippet_translations(translations),
        # English pages have no English translation of their own, so this
        # goes one level deep.
        english_sources=snapshot_sources(list(english.values())) if english else None,
    )


def snapshot_queryset(queryset: Any) -> Any:
    """``queryset`` of product pages with what a snapshot reads of each page."""
    return queryset.select_related("contact").prefetch_related(
        "locaties", "zoektermen", "gerelateerde_producten"
    )


def product_snapshot(
    page: ProductPage,
    *,
    request: HttpRequest | None = None,
    revision_id: int | None = None,
    sources: SnapshotSources | None = None,
    with_english: bool = True,
) -> ProductSnapshot:
    """Build the snapshot of ``page`` (a live page or an unsaved draft).

    ``with_english=False``: without the English translation a Dutch SDG
    product carries (for a comparison of facts, which needs no texts).

    ``sources``: fetched once for many pages (:func:`snapshot_sources`).
    """
    from .models.settings import GemeenteInstellingen

    if sources is None:
        site = page.get_site()
        instellingen = (
            remembered(
                ("instellingen", site.pk), lambda: GemeenteInstellingen.for_site(site)
            )
            if site
            else None
        )
    else:
        parts = page.get_url_parts() if page.path else None
        site = sources.sites.get(parts[0]) if parts else None
        instellingen = (
            sources.instellingen.get(site.pk) or GemeenteInstellingen.for_site(site)
            if site
            else None
        )
    gemeente = Gemeente(
        naam=plain(
            (instellingen.naam if instellingen else "")
            or (site.site_name if site else "")
        ),
        website=safe_url(instellingen.website if instellingen else ""),
        postadres=plain(instellingen.postadres if instellingen else ""),
        owms_identifier=instellingen.owms_identifier if instellingen else "",
        telefoon=instellingen.telefoon if instellingen else "",
        email=instellingen.email if instellingen else "",
        logo_url=instellingen.logo_url if instellingen else "",
        logo_alt=plain(instellingen.logo_alt if instellingen else ""),
    )
    if sources is None:
        parent = page.get_parent() if page.pk or page.path else None
    else:
        parent = sources.parents.get(page.path[: -page.steplen])
    taal = page_language(page)
    contactpunt, locaties = snippets_in_language(page, taal, sources)
    snapshot = ProductSnapshot(
        id=page.pk,
        slug=page.slug,
        title=plain(page.title),
        url=canonical_url(page, gemeente=gemeente, request=request),
        upl_naam=plain(page.upl_naam),
        upl_uri=safe_url(page.upl_uri),
        doelgroep=page.doelgroep,
        thema=plain(parent.title) if parent else "",
        kort_antwoord=plain(page.kort_antwoord).strip(),
        wat_is_het=richtext_html(page.wat_is_het),
        lokale_aanvulling=richtext_html(page.lokale_aanvulling),
        voorwaarden=richtext_html(page.voorwaarden),
        stappen=stappen_of(page),
        benodigdheden=benodigdheden_of(page),
        kosten_gratis=page.kosten_gratis,
        kosten=kosten_of(page),
        kosten_alle=alle_kosten_of(page),
        termijn=termijn_of(page),
        online_aanvragen_url=safe_url(page.online_aanvragen_url),
        kanalen=tuple(page.kanalen),
        advies_kanaal=page.advies_kanaal,
        contact=_contact(contactpunt, taal) if contactpunt is not None else None,
        locaties=tuple(_adres(locatie, taal) for locatie in locaties),
        zoektermen=tuple(sorted(plain(name) for name in zoekterm_namen(page))),
        vragen=vragen_of(page),
        gerelateerd=gerelateerd_of(
            page,
            gemeente=gemeente,
            site_id=site.pk if site else None,
            sources=sources,
        ),
        bezwaar_en_beroep=richtext_html(page.bezwaar_en_beroep),
        wat_als_geen_reactie=richtext_html(page.wat_als_geen_reactie),
        gemeente=gemeente,
        revision_id=revision_id,
        gepubliceerd_op=page.last_published_at,
        kcc_notitie=page.kcc_notitie.strip(),
        bron=source_digest(
            page, instellingen, contactpunt=contactpunt, locaties=locaties
        ),
    )
    if taal != SOURCE_LANGUAGE:
        return _with_source(in_language(snapshot, taal), page, gemeente, sources)
    if not with_english:
        return snapshot
    english = _english_translation(page, sources)
    if english is not None:
        snapshot = replace(
            snapshot,
            engels=product_snapshot(
                english,
                request=request,
                sources=sources.english_sources if sources is not None else None,
            ),
        )
    return snapshot


def in_language(snapshot: ProductSnapshot, taal: str) -> ProductSnapshot:
    """``snapshot`` with its labels (per, termijn, opening hours) in ``taal``."""

    def tijden(regels: tuple[Openingstijd, ...]) -> tuple[Openingstijd, ...]:
        return tuple(replace(regel, taal=taal) for regel in regels)

    contact = snapshot.contact
    return replace(
        snapshot,
        taal=taal,
        kosten=tuple(replace(regel, taal=taal) for regel in snapshot.kosten),
        kosten_alle=tuple(replace(regel, taal=taal) for regel in snapshot.kosten_alle),
        termijn=replace(snapshot.termijn, taal=taal) if snapshot.termijn else None,
        contact=replace(contact, openingstijden=tijden(contact.openingstijden))
        if contact
        else None,
        locaties=tuple(
            replace(adres, openingstijden=tijden(adres.openingstijden))
            for adres in snapshot.locaties
        ),
    )


def _with_source(
    snapshot: ProductSnapshot,
    page: ProductPage,
    gemeente: Gemeente,
    sources: SnapshotSources | None,
) -> ProductSnapshot:
    """A translation's snapshot with its Dutch source's link, and whether it is
    out of date with that source (one query, none with ``sources``)."""
    from .vertaling import dutch_source, shows_outdated

    if sources is not None and sources.dutch is not None:
        source = sources.dutch.get(page.translation_key)
    else:
        source = dutch_source(page)
    if source is None:
        return snapshot
    return replace(
        snapshot,
        verouderd=shows_outdated(page, source),
        bron_url=canonical_url(source, gemeente=gemeente) if source.path else "",
    )


def dutch_sources(translations: Sequence[ProductPage]) -> dict[Any, Any]:
    """Per translation key, the Dutch source of each of ``translations``: one
    query for any number, none without translations."""
    from .models import ProductPage as Model

    keys = {page.translation_key for page in translations if page.translation_key}
    if not keys:
        return {}
    return {
        page.translation_key: page
        for page in Model.objects.filter(
            translation_key__in=keys, locale__language_code=SOURCE_LANGUAGE
        )
    }


def snippets_in_language(
    page: ProductPage, taal: str, sources: SnapshotSources | None = None
) -> tuple[Contactpunt | None, list[Locatie]]:
    """The contactpunt and locaties ``page`` shows: for a translation, each
    one's version in the page's language where the gemeente made one (same
    ``translation_key``), else the one the page refers to. A Dutch page
    shows what it refers to, at no extra query."""
    contactpunt = page.contact if page.contact_id else None
    locaties = list(page.locaties.all())
    if taal == SOURCE_LANGUAGE or not page.locale_id:
        return contactpunt, locaties
    wanted = [
        snippet
        for snippet in ([contactpunt] if contactpunt is not None else []) + locaties
        if snippet.locale_id != page.locale_id
    ]
    if not wanted:
        return contactpunt, sorted(locaties, key=lambda locatie: locatie.naam)
    if sources is not None and sources.snippets is not None:
        found = sources.snippets
    else:
        found = _snippet_versions(wanted, page.locale_id)

    def version(snippet: Any) -> Any:
        key = (type(snippet).__name__, snippet.translation_key, page.locale_id)
        return found.get(key, snippet)

    contactpunt = version(contactpunt) if contactpunt is not None else None
    locaties = sorted(
        (version(locatie) for locatie in locaties), key=lambda locatie: locatie.naam
    )
    return contactpunt, locaties


def snippet_translations(
    translations: Sequence[ProductPage],
) -> dict[tuple[str, Any, int], Any]:
    """:func:`snippets_in_language`'s versions for many translations at once
    (the pages with ``contact`` selected and ``locaties`` prefetched)."""
    found: dict[tuple[str, Any, int], Any] = {}
    per_locale: dict[int, list[Any]] = {}
    for page in translations:
        if not page.locale_id:
            continue
        snippets = list(page.locaties.all())
        if page.contact_id:
            snippets.append(page.contact)
        per_locale.setdefault(page.locale_id, []).extend(
            snippet for snippet in snippets if snippet.locale_id != page.locale_id
        )
    for locale_id, snippets in per_locale.items():
        if snippets:
            found |= _snippet_versions(snippets, locale_id)
    return found


def _snippet_versions(
    snippets: Sequence[Any], locale_id: int
) -> dict[tuple[str, Any, int], Any]:
    """The versions in ``locale_id`` of ``snippets``: one query per model."""
    found: dict[tuple[str, Any, int], Any] = {}
    per_model: dict[type, set[Any]] = {}
    for snippet in snippets:
        per_model.setdefault(type(snippet), set()).add(snippet.translation_key)
    for model, keys in per_model.items():
        for version in model.objects.filter(
            translation_key__in=keys, locale_id=locale_id
        ):
            found[(model.__name__, version.translation_key, locale_id)] = version
    return found


def _is_sdg(page: ProductPage) -> bool:
    from .upl import upl_entry_for_uri

    entry = upl_entry_for_uri(page.upl_uri) if page.upl_uri else None
    return bool(entry and entry.sdg)


def gemeente_has_english(page: ProductPage) -> bool:
    """Whether the gemeente of ``page`` has an English home page, read from
    Wagtail's site root paths (cached; a new translation of a home page clears
    them): a gemeente without one has no English product to look for, so its
    Dutch products cost no query for English."""
    from wagtail.models import Site

    roots = Site.get_site_root_paths()
    url_path = page.url_path or ""
    site_id = next(
        (root.site_id for root in roots if url_path.startswith(root.root_path)),
        None,
    )
    if site_id is None:
        return False
    return any(
        root.site_id == site_id and root.language_code.split("-")[0].lower() == "en"
        for root in roots
    )


def live_english_translations(pages: Sequence[ProductPage]) -> dict[Any, Any]:
    """Per translation key, the live English translation of each Dutch SDG
    product in ``pages``: one query for any number of pages, none when their
    gemeenten have no English pages."""
    from .models import ProductPage as Model

    keys = {
        page.translation_key
        for page in pages
        if page.pk
        and _is_sdg(page)
        and page_language(page) == SOURCE_LANGUAGE
        and gemeente_has_english(page)
    }
    if not keys:
        return {}
    return {
        page.translation_key: page
        for page in snapshot_queryset(
            Model.objects.filter(
                translation_key__in=keys, live=True, locale__language_code="en"
            )
        )
    }


def _english_translation(page: ProductPage, sources: SnapshotSources | None) -> Any:
    if sources is not None and sources.english is not None:
        return sources.english.get(page.translation_key)
    if not (page.pk and _is_sdg(page)):
        return None
    # Asked by every snapshot of one write (the gate, the store, the
    # fingerprint); the translation does not change within it.
    return remembered(
        ("english", page.translation_key),
        lambda: live_english_translations([page]).get(page.translation_key),
    )


# One function per structured field: the snapshot and the API read a
# StreamField the same way.


def zoekterm_namen(page: ProductPage) -> list[str]:
    """The page's zoektermen: one query, also for a page made of a revision
    (whose tags modelcluster would otherwise read one by one)."""
    from django.db.models import QuerySet
    from taggit.models import Tag

    items = page.zoekterm_items.all()
    if isinstance(items, QuerySet):  # stored in the database: one join
        return [tag.name for tag in page.zoektermen.all()]
    items = list(items)
    known = {
        item.tag_id: item._state.fields_cache["tag"].name
        for item in items
        if "tag" in item._state.fields_cache
    }
    missing = {item.tag_id for item in items if item.tag_id not in known}
    if missing:
        known |= dict(Tag.objects.filter(pk__in=missing).values_list("pk", "name"))
    # A tag made in the draft itself is not in the database yet.
    return [known.get(item.tag_id) or item.tag.name for item in items]


def gerelateerd_of(
    page: ProductPage,
    *,
    gemeente: Gemeente,
    site_id: int | None,
    sources: SnapshotSources | None = None,
) -> tuple[Link, ...]:
    """The related products a channel may link to: live by the one definition
    (``catalogue.live_products``) and of the page's own gemeente."""
    from .catalogue import live_products

    items = [item for item in page.gerelateerde_producten.all() if item.product_id]
    if not items:
        return ()
    if sources is not None:
        site = sources.sites.get(site_id) if site_id is not None else None
        root = site.root_page.path if site else ""
        shown = {
            item.product_id: sources.live_related[item.product_id]
            for item in items
            if item.product_id in sources.live_related
            and sources.live_related[item.product_id].path.startswith(root)
        }
    else:
        live = live_products().filter(pk__in=[item.product_id for item in items])
        if site_id is not None:
            from wagtail.models import Site

            root = (
                Site.objects.filter(pk=site_id)
                .values_list("root_page__path", flat=True)
                .first()
            )
            if root:
                live = live.filter(path__startswith=root)
        shown = {product.pk: product for product in live}
    return tuple(
        Link(
            titel=plain(shown[item.product_id].title),
            url=canonical_url(shown[item.product_id], gemeente=gemeente),
        )
        for item in items
        if item.product_id in shown
    )


def stappen_of(page: ProductPage) -> tuple[Stap, ...]:
    return tuple(
        Stap(
            titel=plain(child.value["titel"]),
            uitleg_html=richtext_html(child.value["uitleg"].source),
        )
        for child in page.aanvragen
    )


def benodigdheden_of(page: ProductPage) -> tuple[str, ...]:
    return tuple(plain(str(child.value)) for child in page.benodigdheden)


def termijn_of(page: ProductPage) -> Termijn | None:
    if page.termijn_omschrijving and page.termijn_dagen:
        return Termijn(
            plain(page.termijn_omschrijving), page.termijn_dagen, page.termijn_eenheid
        )
    return None


def vragen_of(page: ProductPage) -> tuple[Vraag, ...]:
    return tuple(
        Vraag(
            vraag=plain(child.value["vraag"]), antwoord=plain(child.value["antwoord"])
        )
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


_RAW_PAGE_FIELDS = (
    "title",
    "upl_naam",
    "upl_uri",
    "kort_antwoord",
    "termijn_omschrijving",
    "online_aanvragen_url",
)
_RAW_STREAMS = ("aanvragen", "benodigdheden", "vragen", "kosten")
_RAW_CONTACT = ("naam", "telefoon", "email", "contactformulier_url", "afspraak_url")
_RAW_LOCATIE = ("naam", "straat", "huisnummer", "postcode", "plaats", "toelichting")
_RAW_INSTELLINGEN = ("naam", "website", "postadres")


def source_digest(
    page: ProductPage,
    instellingen: object | None,
    *,
    contactpunt: object | None = None,
    locaties: Sequence[object] | None = None,
) -> str:
    """A hash of the stored values the snapshot makes safe (see ``ProductSnapshot.bron``).

    ``contactpunt`` and ``locaties``: those the snapshot shows (a translation's
    own versions); by default the ones the page refers to."""
    import hashlib
    import json

    def values(instance: object | None, names: tuple[str, ...]) -> list[str]:
        return [str(getattr(instance, name, "") or "") for name in names]

    if locaties is None:
        contactpunt = page.contact if page.contact_id else None
        locaties = list(page.locaties.all())
    data = {
        "page": values(page, _RAW_PAGE_FIELDS),
        "streams": [
            [dict(item) for item in getattr(page, name).raw_data]
            for name in _RAW_STREAMS
        ],
        "contact": values(contactpunt, _RAW_CONTACT),
        "locaties": [values(loc, _RAW_LOCATIE) for loc in locaties],
        "instellingen": values(instellingen, _RAW_INSTELLINGEN),
    }
    encoded = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def safe_url(url: str) -> str:
    """A link every channel may carry: https, http, mailto or tel; otherwise none."""
    from .validation import url_scheme_allowed

    url = (url or "").strip()
    return url if url and url_scheme_allowed(url) and ":" in url else ""


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


def _snippet_language(snippet: Any, taal: str) -> str:
    """The language of a contactpunt's or locatie's texts, shown in ``taal``."""
    if taal == SOURCE_LANGUAGE or not getattr(snippet, "locale_id", None):
        return SOURCE_LANGUAGE
    return locale_code(snippet.locale_id)


def _contact(contact: Contactpunt, taal: str = SOURCE_LANGUAGE) -> Contact:
    return Contact(
        naam=plain(contact.naam),
        telefoon=plain(contact.telefoon),
        email=plain(contact.email),
        contactformulier_url=safe_url(contact.contactformulier_url),
        afspraak_url=safe_url(contact.afspraak_url),
        openingstijden=sorted_openingstijden(contact.openingstijden),
        taal=_snippet_language(contact, taal),
    )


def _adres(locatie: Locatie, taal: str = SOURCE_LANGUAGE) -> Adres:
    return Adres(
        naam=plain(locatie.naam),
        straat=plain(locatie.straat),
        huisnummer=plain(locatie.huisnummer),
        postcode=plain(locatie.postcode),
        plaats=plain(locatie.plaats),
        toelichting=plain(locatie.toelichting),
        openingstijden=sorted_openingstijden(locatie.openingstijden),
        taal=_snippet_language(locatie, taal),
    )
