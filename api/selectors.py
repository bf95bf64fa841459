"""Reads for the API: live, public, unexpired content of one gemeente only.

Every query path (list, detail, search, related products, theme children)
starts from ``contenthub.catalogue.live_products`` or ``live_themas``, where
the rule "only what is published" is written once for every reader.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired
from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.models import Page, Site
from wagtail_headless_preview.models import PagePreview

from contenthub.catalogue import STEPLEN, live_products, live_themas
from contenthub.models import (
    Contactpunt,
    GemeenteInstellingen,
    GerelateerdProduct,
    Locatie,
    ProductPage,
    ProductZoekterm,
    ThemaPage,
)
from contenthub.search import ranked_product_ids
from contenthub.structured import Gemeente, canonical_url
from contenthub.talen import locale_code
from contenthub.vocabulary import Doelgroep

from .errors import ApiError, Code

PREVIEW_ATTRIBUTE = "_contenthub_api_preview"


def filter_products(
    products: QuerySet[ProductPage],
    *,
    thema: str | None = None,
    doelgroep: str | None = None,
    kanaal: str | None = None,
) -> QuerySet[ProductPage]:
    if thema:
        products = products.filter(
            parent_path__in=ThemaPage.objects.filter(slug=thema).values("path")
        )
    if doelgroep:
        # A product for "inwoners en ondernemers" is a product for both.
        products = products.filter(doelgroep__in={doelgroep, Doelgroep.BEIDE.value})
    if kanaal:
        products = products.filter(**{f"kanaal_{kanaal}": True})
    return products


@dataclass(frozen=True, slots=True)
class ProductenPagina:
    items: list[ProductPage]
    totaal: int
    offset: int

    @property
    def heeft_volgende(self) -> bool:
        return self.offset + len(self.items) < self.totaal


def product_page(
    *,
    site: Site,
    offset: int,
    limit: int,
    thema: str | None = None,
    doelgroep: str | None = None,
    kanaal: str | None = None,
    zoek: str | None = None,
    taal: str = "nl",
) -> ProductenPagina:
    """One page of the product list (in ``taal``), optionally a full-text search."""
    products = filter_products(
        live_products(site=site, taal=taal),
        thema=thema,
        doelgroep=doelgroep,
        kanaal=kanaal,
    )
    zoek = (zoek or "").strip()
    if not zoek:
        return ProductenPagina(
            items=list(products[offset : offset + limit]),
            totaal=products.count(),
            offset=offset,
        )
    allowed = set(products.values_list("pk", flat=True))
    # Dutch stemming on every database, title and zoektermen first
    # (contenthub/search.py); the filters narrow the ranked ids down.
    ranked = [pk for pk in ranked_product_ids(site=site, zoek=zoek) if pk in allowed]
    window = ranked[offset : offset + limit]
    by_pk = products.in_bulk(window) if window else {}
    return ProductenPagina(
        items=[by_pk[pk] for pk in window if pk in by_pk],
        totaal=len(ranked),
        offset=offset,
    )


def find_product(
    *,
    site: Site,
    slug: str | None = None,
    id: int | None = None,
    upl_uri: str | None = None,
    taal: str = "nl",
) -> ProductPage | None:
    products = live_products(site=site, taal=taal)
    if id is not None:
        products = products.filter(pk=id)
    if slug is not None:
        products = products.filter(slug=slug)
    if upl_uri is not None:
        products = products.filter(upl_uri=upl_uri)
    return products.first()


def find_thema(*, site: Site, slug: str, taal: str = "nl") -> ThemaPage | None:
    return live_themas(site=site, taal=taal).filter(slug=slug).first()


def outdated_translations(ids: Sequence[int]) -> list[bool]:
    """Per product id: whether it is a translation whose Dutch source changed since."""
    from contenthub.vertaling import outdated_translation_ids

    pages = ProductPage.objects.in_bulk(ids)
    outdated = outdated_translation_ids(list(pages.values()))
    return [pk in outdated for pk in ids]


def home_path(path: str) -> str:
    """The path of the gemeente's home page: every site's root is a HomePage
    directly under Wagtail's root (depth 2)."""
    return path[: 2 * STEPLEN]


def thema_path(page: Page) -> str:
    return page.path[:-STEPLEN] if page.path else ""


# Batch reads for the dataloaders: one query for any number of keys, values
# in the order of the keys.


def basistekst_titels(ids: Sequence[int]) -> list[str | None]:
    from contenthub.models import Basistekst

    found = dict(Basistekst.objects.filter(pk__in=set(ids)).values_list("pk", "titel"))
    return [found.get(pk) for pk in ids]


def contactpunten_by_id(ids: Sequence[int]) -> list[Contactpunt | None]:
    found = Contactpunt.objects.in_bulk(set(ids))
    return [found.get(pk) for pk in ids]


def locaties_by_product(ids: Sequence[int]) -> list[list[Locatie]]:
    through = ProductPage.locaties.through
    grouped: dict[int, list[Locatie]] = defaultdict(list)
    shared: dict[int, Locatie] = {}
    for link in through.objects.filter(productpage_id__in=set(ids)).select_related(
        "locatie"
    ):
        # One object per locatie, however many products share it: its
        # opening hours (a StreamField) are then read once.
        locatie = shared.setdefault(link.locatie_id, link.locatie)
        grouped[link.productpage_id].append(locatie)
    return [sorted(grouped[pk], key=lambda locatie: locatie.naam) for pk in ids]


def _versions(model: type, keys: set, locale_ids: set[int]) -> dict[tuple, object]:
    """Per (translation key, locale id), the version of a snippet: one query."""
    if not keys or not locale_ids:
        return {}
    return {
        (version.translation_key, version.locale_id): version
        for version in model.objects.filter(
            translation_key__in=keys, locale_id__in=locale_ids
        )
    }


def contactpunten_in_language(
    keys: Sequence[tuple[int, int]],
) -> list[Contactpunt | None]:
    """Per (contactpunt id, locale id): its version in that locale, else
    itself; marked with the language it is shown in. Two queries for any
    number of keys."""
    found = Contactpunt.objects.in_bulk({pk for pk, _ in keys})
    versions = _versions(
        Contactpunt,
        {contact.translation_key for contact in found.values()},
        {locale_id for _, locale_id in keys},
    )
    shown = []
    for pk, locale_id in keys:
        contact = found.get(pk)
        if contact is not None:
            contact = versions.get((contact.translation_key, locale_id), contact)
            contact.shown_in = locale_code(locale_id)
        shown.append(contact)
    return shown


def locaties_in_language(locaties: list[Locatie], locale_id: int) -> list[Locatie]:
    """``locaties`` (of one translation) in the language of ``locale_id``."""
    versions = _versions(
        Locatie,
        {locatie.translation_key for locatie in locaties},
        {locale_id},
    )
    shown = [
        versions.get((locatie.translation_key, locale_id), locatie)
        for locatie in locaties
    ]
    for locatie in shown:
        locatie.shown_in = locale_code(locale_id)
    return sorted(shown, key=lambda locatie: locatie.naam)


def locaties_of_translations(
    keys: Sequence[tuple[int, int]],
) -> list[list[Locatie]]:
    """Per (product id, locale id) of a translation: its locaties in that
    language (``locaties_by_product`` plus one query for the versions)."""
    per_product = dict(
        zip(
            [pk for pk, _ in keys],
            locaties_by_product([pk for pk, _ in keys]),
            strict=True,
        )
    )
    versions = _versions(
        Locatie,
        {
            locatie.translation_key
            for locaties in per_product.values()
            for locatie in locaties
        },
        {locale_id for _, locale_id in keys},
    )
    shown: list[list[Locatie]] = []
    for pk, locale_id in keys:
        row = []
        for locatie in per_product[pk]:
            version = versions.get((locatie.translation_key, locale_id), locatie)
            if version is locatie:
                # Shared with Dutch products in this request: a copy carries
                # the language it is shown in.
                version = copy(locatie)
            version.shown_in = locale_code(locale_id)
            row.append(version)
        shown.append(sorted(row, key=lambda locatie: locatie.naam))
    return shown


def zoektermen_by_product(ids: Sequence[int]) -> list[list[str]]:
    grouped: dict[int, list[str]] = defaultdict(list)
    for item in ProductZoekterm.objects.filter(
        content_object_id__in=set(ids)
    ).select_related("tag"):
        grouped[item.content_object_id].append(item.tag.name)
    return [sorted(grouped[pk]) for pk in ids]


def related_products(keys: Sequence[tuple[int, str]]) -> list[list[ProductPage]]:
    """Per (product id, path): its related products that are live in its gemeente."""
    links: dict[int, list[int]] = defaultdict(list)
    for page_id, product_id in (
        GerelateerdProduct.objects.filter(page_id__in={pk for pk, _ in keys})
        .order_by("page_id", "sort_order", "pk")
        .values_list("page_id", "product_id")
    ):
        links[page_id].append(product_id)
    wanted = {product_id for ids in links.values() for product_id in ids}
    live = live_products_by_id(wanted)
    return [
        _same_gemeente((live.get(pk) for pk in links[page_id]), path)
        for page_id, path in keys
    ]


def live_products_by_id(ids: Iterable[int]) -> dict[int, ProductPage]:
    ids = set(ids)
    if not ids:
        return {}
    return live_products().in_bulk(ids)


def related_products_of_preview(page: ProductPage) -> list[ProductPage]:
    """The related products of a draft (held in memory), live ones only."""
    ids = [item.product_id for item in page.gerelateerde_producten.all()]
    live = live_products_by_id(ids)
    return _same_gemeente((live.get(pk) for pk in ids), page.path)


def _same_gemeente(
    products: Iterable[ProductPage | None], path: str
) -> list[ProductPage]:
    home = home_path(path)
    return [p for p in products if p is not None and p.path.startswith(home)]


def products_by_thema(paths: Sequence[str]) -> list[list[ProductPage]]:
    grouped: dict[str, list[ProductPage]] = defaultdict(list)
    for product in live_products().filter(parent_path__in=set(paths)):
        grouped[product.parent_path].append(product)
    return [grouped[path] for path in paths]


def themas_by_path(paths: Sequence[str]) -> list[ThemaPage | None]:
    found = {thema.path: thema for thema in live_themas().filter(path__in=set(paths))}
    return [found.get(path) for path in paths]


# The gemeente of the request


def resolve_site(request: HttpRequest, gemeente: str | None) -> Site:
    """The Site of ``gemeente`` (a hostname), or of the request's host."""
    memo: dict[str | None, Site] = request.__dict__.setdefault(
        "_contenthub_api_sites", {}
    )
    if gemeente in memo:
        return memo[gemeente]
    if gemeente:
        site = (
            Site.objects.filter(hostname__iexact=gemeente.strip())
            .select_related("root_page")
            .order_by("-is_default_site", "port")
            .first()
        )
        if site is None:
            raise ApiError(
                f"Er is geen gemeente met de hostnaam '{gemeente}'.",
                code=Code.ONBEKENDE_GEMEENTE,
            )
    else:
        site = Site.find_for_request(request)
        if site is None:
            raise ApiError(
                "Bij dit adres hoort geen gemeente. Geef de hostnaam van de "
                "gemeente mee in het argument 'gemeente'.",
                code=Code.ONBEKENDE_GEMEENTE,
            )
    memo[gemeente] = site
    return site


def gemeente_of_site(request: HttpRequest, site_id: int) -> Gemeente:
    """The gemeente's name and website, read once per site and request."""
    memo: dict[int, Gemeente] = request.__dict__.setdefault(
        "_contenthub_api_gemeenten", {}
    )
    if site_id not in memo:
        # Not ``for_site``: that creates the settings row, and reads never write.
        instellingen = GemeenteInstellingen.objects.filter(site_id=site_id).first()
        memo[site_id] = Gemeente(
            naam=instellingen.naam if instellingen else "",
            website=instellingen.website if instellingen else "",
            postadres=instellingen.postadres if instellingen else "",
        )
    return memo[site_id]


def public_url(page: Page, request: HttpRequest) -> str:
    """The page on the gemeente's website (its configured address, else the site)."""
    parts = page.get_url_parts(request) if page.path else None
    gemeente = gemeente_of_site(request, parts[0]) if parts else Gemeente("", "", "")
    return canonical_url(page, gemeente=gemeente, request=request)


# Headless preview


def preview_product(*, token: str, max_age: timedelta, site: Site) -> ProductPage:
    """The draft behind a wagtail-headless-preview token younger than ``max_age``.

    Only on the gemeente (``site``) the token was made for: a token from one
    gemeente never opens its draft on another gemeente's host.
    """
    from .preview import site_of, token_site_id

    try:
        value = ProductPage.get_preview_signer().unsign(token, max_age=max_age)
    except SignatureExpired:
        raise ApiError(
            "Het previewtoken is verlopen. Open de preview opnieuw vanuit Wagtail.",
            code=Code.PREVIEWTOKEN_VERLOPEN,
        ) from None
    except BadSignature:
        raise ApiError(
            "Het previewtoken is ongeldig.", code=Code.PREVIEWTOKEN_ONGELDIG
        ) from None
    preview = PagePreview.objects.filter(
        token=token, content_type=ContentType.objects.get_for_model(ProductPage)
    ).first()
    if preview is None:
        raise ApiError(
            "Bij dit previewtoken hoort geen product.",
            code=Code.PREVIEWTOKEN_ONGELDIG,
        )
    page = preview.as_page()
    page_site = site_of(page)
    if token_site_id(value) != site.pk or page_site is None or page_site.pk != site.pk:
        raise ApiError(
            "Dit previewtoken hoort niet bij deze gemeente. Open de preview vanuit "
            "Wagtail op de front-end van de gemeente van de pagina.",
            code=Code.PREVIEWTOKEN_ONGELDIG,
        )
    setattr(page, PREVIEW_ATTRIBUTE, True)
    return page


def is_preview(page: Page) -> bool:
    return getattr(page, PREVIEW_ATTRIBUTE, False)
