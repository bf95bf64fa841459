"""Serve a product: Wagtail preview modes per channel, and the stored web page.

A basistekst has the same preview modes: it is shown in a sample gemeente's
product (:func:`sample_product`), with that gemeente's
kosten, termijn and contact around the national text.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from contenthub.structured import product_snapshot

from . import renderer_registry
from .channels.tweet import MAX_WEIGHTED_LENGTH, weighted_length

if TYPE_CHECKING:
    from contenthub.models import Basistekst, ProductPage

# (mode, label, channel, variant)
PREVIEW_MODES = [
    ("", "Webpagina", "web", ""),
    ("app", "App (JSON)", "app", ""),
    ("tweet", "Tweet", "tweet", ""),
    ("tweet-draad", "Tweet (draad)", "tweet", "thread"),
    ("brief", "Brief", "brief", ""),
    ("brief-pdf", "Brief (PDF)", "brief", "pdf"),
    ("chatbot", "Chatbot", "chatbot", ""),
    ("sdg", "SDG-feed", "sdg", ""),
    ("samenwerkende-catalogi", "Samenwerkende Catalogi", "samenwerkende_catalogi", ""),
]
FEEDS = frozenset({"sdg", "samenwerkende_catalogi"})


def sample_product(basistekst: Basistekst) -> tuple[ProductPage, bool]:
    """A product to preview ``basistekst`` in, and whether it is a gemeente's.

    The first gemeente's product that links to it (live ones first), with the
    national texts of ``basistekst`` put in; without one, a new, unsaved
    product with only the national texts (no gemeente's local facts).
    Nothing is saved.
    """
    from django.utils.text import slugify

    from contenthub.inheritance import inheriting_products, with_national_texts
    from contenthub.models import ProductPage
    from contenthub.talen import is_translation

    donor = None
    if basistekst.pk:
        donor = inheriting_products(basistekst).order_by("-live", "path").first()
    if donor is not None:
        return with_national_texts(donor, basistekst), True
    page = ProductPage(
        title=basistekst.titel,
        slug=slugify(basistekst.titel) or "basistekst",
        upl_naam=basistekst.upl_naam,
        upl_uri=basistekst.upl_uri,
    )
    if is_translation(basistekst):
        # An English text is shown in an English product (lang, headings).
        page.locale_id = basistekst.locale_id
    return with_national_texts(page, basistekst), False


def preview_subject(obj: ProductPage | Basistekst) -> tuple[ProductPage, str]:
    """The product a preview renders, and a note on where it comes from
    (empty for a product itself)."""
    from contenthub.models import Basistekst

    if not isinstance(obj, Basistekst):
        return obj, ""
    page, of_gemeente = sample_product(obj)
    if of_gemeente:
        return page, (
            f"De landelijke tekst in het product '{page.title}' van "
            f"{_gemeente_naam(page)}: kosten, termijn, contact en de lokale "
            "aanvulling komen van die gemeente."
        )
    return page, (
        "Nog geen gemeente gebruikt deze basistekst. U ziet de landelijke tekst "
        "zonder de gegevens van een gemeente (kosten, termijn, contact)."
    )


def serve_preview(
    obj: ProductPage | Basistekst, request: HttpRequest, mode: str
) -> HttpResponse:
    """Render the draft in the channel of ``mode``; nothing is stored."""
    _, label, channel, variant = next(m for m in PREVIEW_MODES if m[0] == mode)
    page, herkomst = preview_subject(obj)
    snapshot = product_snapshot(page, request=request)
    renderer = renderer_registry[channel]
    rendering = renderer.render(snapshot, variant=variant)
    if channel == "web" or rendering.media_type == "application/pdf":
        # The page and the letter exactly as they go out (a basistekst's in
        # the sample gemeente's page; the other modes say whose it is).
        return HttpResponse(rendering.content, content_type=rendering.media_type)
    context = preview_context(page, label, channel, variant, rendering)
    context["herkomst"] = herkomst
    if channel in FEEDS:
        context["meldingen"] = [
            finding.message for finding in renderer.check(snapshot, rendering)
        ]
    return TemplateResponse(request, "renderers/preview.html", context)


def preview_context(page, label: str, channel: str, variant: str, rendering) -> dict:
    """What the preview shows: the channel as its reader sees it (a phone
    screen, a conversation, posts with their counter, a letter, a feed as a
    table), and the raw rendering for whoever needs it."""
    context = {
        "label": label,
        "rendering": rendering,
        "page": page,
        "weergave": channel if not variant else f"{channel}-{variant}",
        "gemeente_naam": _gemeente_naam(page),
        "maximum": MAX_WEIGHTED_LENGTH,
    }
    if channel in {"app", "chatbot"} and rendering.media_type == "application/json":
        context["data"] = json.loads(rendering.text)
        for sectie in context["data"].get("secties", []):
            # A template's ``sectie.items`` would call dict.items() where the
            # section has no list.
            sectie["lijst"] = sectie.get("items") or []
    if channel in FEEDS:
        context["weergave"] = "feed"
        context["rijen"] = feed_rows(rendering.text, rendering.media_type)
    if channel == "tweet":
        texts = (
            json.loads(rendering.text)["posts"]
            if variant == "thread"
            else [rendering.text]
        )
        context["posts"] = [
            {
                "tekst": text,
                "lengte": weighted_length(text),
                "procent": min(
                    100, round(100 * weighted_length(text) / MAX_WEIGHTED_LENGTH)
                ),
                "te_lang": weighted_length(text) > MAX_WEIGHTED_LENGTH,
            }
            for text in texts
        ]
    return context


def feed_rows(text: str, media_type: str) -> list[tuple[str, str]]:
    """A feed entry (JSON or XML) as rows of field and value, in document order."""
    if not text.strip():
        return []
    if "json" in media_type:
        return _json_rows(json.loads(text), "")
    return _xml_rows(text)


def _json_rows(value: Any, name: str) -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [
            row
            for key, item in value.items()
            for row in _json_rows(item, f"{name} / {key}" if name else key)
        ]
    if isinstance(value, list):
        if all(not isinstance(item, dict | list) for item in value):
            return [(name, ", ".join(str(item) for item in value))]
        return [
            row
            for number, item in enumerate(value, start=1)
            for row in _json_rows(item, f"{name} {number}")
        ]
    if value is None or value == "":
        return [(name, "(leeg)")]
    if isinstance(value, bool):
        return [(name, "ja" if value else "nee")]
    return [(name, str(value))]


def _xml_rows(text: str) -> list[tuple[str, str]]:
    from lxml import etree

    root = etree.fromstring(text.encode())
    rows = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        qname = etree.QName(element)
        prefix = element.prefix
        name = f"{prefix}:{qname.localname}" if prefix else qname.localname
        attributes = "; ".join(
            f"{etree.QName(key).localname}={value}"
            for key, value in element.attrib.items()
        )
        content = (element.text or "").strip()
        if content or attributes:
            shown = content or ""
            if attributes:
                shown = f"{shown} ({attributes})" if shown else attributes
            rows.append((name, shown))
    return rows


def _gemeente_naam(page) -> str:
    from contenthub.models import GemeenteInstellingen

    site = page.get_site() if page.path else None
    instellingen = (
        GemeenteInstellingen.objects.filter(site=site).first() if site else None
    )
    return (instellingen.naam if instellingen else "") or "Gemeente"


class ChannelPreviews:
    """One preview mode per channel (``contenthub.extensions``)."""

    def modes(self, page: ProductPage) -> list[tuple[str, str]]:
        return [(mode, label) for mode, label, _, _ in PREVIEW_MODES]

    def serve(
        self, page: ProductPage, request: HttpRequest, mode: str
    ) -> HttpResponse | None:
        if mode not in {known for known, _, _, _ in PREVIEW_MODES}:
            return None
        return serve_preview(page, request, mode)


CHANNEL_PREVIEWS = ChannelPreviews()


def serve_live(page: ProductPage, request: HttpRequest) -> HttpResponse:
    """The public page: the stored web rendering, only while its approval holds.

    Never renders: a product that is not live by the one definition
    (``contenthub.catalogue.live_products``: published, public, not expired,
    under a live theme), or whose stored rendering is missing or approved for
    other inputs than the current ones, is not found.
    """
    from contenthub.catalogue import live_products

    from .services import approved_rendering

    if not live_products().filter(pk=page.pk).exists():
        raise Http404("Dit product is niet gepubliceerd.")
    stored = approved_rendering(page, "web")
    if stored is None:
        raise Http404("Dit product is niet gepubliceerd.")
    response = HttpResponse(stored.content, content_type=stored.media_type)
    response["ETag"] = stored.etag
    return response
