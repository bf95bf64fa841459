"""The public pages that are not Wagtail pages: search results, the
gemeente's colour, and the error pages. Each answers for the gemeente of the
address it is called on (its Wagtail Site)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .models import GemeenteInstellingen
from .search import search_products

MAX_ZOEK_LENGTE = 200


def _gemeente(request: HttpRequest) -> tuple[Site | None, GemeenteInstellingen | None]:
    site = Site.find_for_request(request)
    if site is None:
        return None, None
    # Not ``for_site``: that creates the settings row, and a read never writes.
    return site, GemeenteInstellingen.objects.filter(site=site).first()


def _context(request: HttpRequest, **extra) -> dict:
    site, gemeente = _gemeente(request)
    naam = (gemeente.naam if gemeente else "") or (site.site_name if site else "")
    return {"site": site, "gemeente": gemeente, "gemeente_naam": naam, **extra}


@require_GET
def zoeken(request: HttpRequest) -> HttpResponse:
    """Search results: only this gemeente's live products, best match first."""
    zoek = request.GET.get("q", "").strip()[:MAX_ZOEK_LENGTE]
    context = _context(request, zoek=zoek)
    site = context["site"]
    context["breadcrumb"] = [
        {"titel": site.root_page.title if site else "Home", "url": "/"},
        {"titel": "Zoeken", "url": "/zoeken/"},
    ]
    context["resultaten"] = (
        search_products(site=site, zoek=zoek) if zoek and site is not None else []
    )
    return render(request, "contenthub/search_results.html", context)


@require_GET
def huisstijl(request: HttpRequest) -> HttpResponse:
    """The gemeente's colour as CSS custom properties (empty: the voorbeeld theme)."""
    _, gemeente = _gemeente(request)
    css = "/* Geen huiskleur ingesteld: de kleuren van het voorbeeldthema. */\n"
    if gemeente and gemeente.huiskleur:
        css = f".contenthub-site {{ --contenthub-huiskleur: {gemeente.huiskleur}; }}\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def logo(request: HttpRequest) -> HttpResponse:
    """The gemeente's logo, checked again on the way out (``contenthub.logo``)."""
    from django.core.exceptions import ValidationError
    from django.http import Http404

    from .logo import read_logo

    _, gemeente = _gemeente(request)
    if gemeente is None or not gemeente.logo:
        raise Http404("Deze gemeente heeft geen logo.")
    try:
        with gemeente.logo.open("rb") as file:
            data, content_type = read_logo(file)
    except (OSError, ValidationError) as error:
        raise Http404("Het logo is niet beschikbaar.") from error
    response = HttpResponse(data, content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    # An SVG opened on its own runs nothing and loads nothing.
    response["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    )
    return response


def page_not_found(request: HttpRequest, exception: Exception | None = None):
    return render(request, "404.html", _context(request), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # The error may be the database itself: the page must render without it.
    try:
        context = _context(request)
    except Exception:  # noqa: BLE001
        context = {"gemeente": None, "gemeente_naam": ""}
    return render(request, "500.html", context, status=500)
