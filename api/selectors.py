"""Reads for the API: live, public, unexpired content of one gemeente only.

Every query path (list, detail, search, related products, theme children)
starts from ``contenthub.catalogue.live_products`` or ``live_themas``, where
the rule "only what is published" is written once for every reader.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired
from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.models import Page, Site
from wagtail_headless_preview.models import PagePreview

from contenthub.catalogue import STEPLEN, live_products, live_themas
from contenthub.models import GemeenteInstellingen, ProductPage, ThemaPage
from contenthub.search import ranked_product_ids
from contenthub.structured import Gemeente, canonical_url
from contenthub.vocabulary import Doelgroep

from .errors import ApiError, Code


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
            # With its stored document (``renderers.documents``): no query more.
            items=list(
                products.select_related("api_document")[offset : offset + limit]
            ),
            totaal=products.count(),
            offset=offset,
        )
    allowed = set(products.values_list("pk", flat=True))
    # Dutch stemming on every database, title and zoektermen first
    # (contenthub/search.py); the filters narrow the ranked ids down.
    ranked = [pk for pk in ranked_product_ids(site=site, zoek=zoek) if pk in allowed]
    window = ranked[offset : offset + limit]
    by_pk = products.select_related("api_document").in_bulk(window) if window else {}
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
    # With its stored document (``renderers.documents``): one query for both.
    return products.select_related("api_document").first()


def find_thema(*, site: Site, slug: str, taal: str = "nl") -> ThemaPage | None:
    return live_themas(site=site, taal=taal).filter(slug=slug).first()


def outdated_translations(pages: Sequence[ProductPage]) -> list[bool]:
    """Per page: whether it is a translation whose Dutch source changed since.

    Computed at read, not stored: the Dutch source changes without the
    translation's publication. The translation's row holds the digest of the
    Dutch text it was made from (``vertaald_van``); the sources' rows are
    read in one query and their text digested from the stored values
    (``contenthub.vertaling.outdated_translation_ids``).
    """
    from contenthub.vertaling import outdated_translation_ids

    outdated = outdated_translation_ids(list(pages))
    return [page.pk in outdated for page in pages]


def home_path(path: str) -> str:
    """The path of the gemeente's home page: every site's root is a HomePage
    directly under Wagtail's root (depth 2)."""
    return path[: 2 * STEPLEN]


def thema_path(page: Page) -> str:
    return page.path[:-STEPLEN] if page.path else ""


# Batch reads for the dataloaders: one query for any number of keys, values
# in the order of the keys.


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
    return page
