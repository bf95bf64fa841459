"""Serve a product: Wagtail preview modes per channel, and the stored web page."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from contenthub.structured import product_snapshot

from . import renderer_registry
from .channels.tweet import MAX_WEIGHTED_LENGTH, weighted_length

if TYPE_CHECKING:
    from contenthub.models import ProductPage

# (mode, label, channel, variant)
PREVIEW_MODES = [
    ("", "Webpagina", "web", ""),
    ("app", "App (JSON)", "app", ""),
    ("tweet", "Tweet", "tweet", ""),
    ("tweet-draad", "Tweet (draad)", "tweet", "thread"),
    ("brief", "Brief", "brief", ""),
    ("brief-pdf", "Brief (PDF)", "brief", "pdf"),
    ("chatbot", "Chatbot", "chatbot", ""),
]


def serve_preview(page: ProductPage, request: HttpRequest, mode: str) -> HttpResponse:
    """Render the draft in the channel of ``mode``; nothing is stored."""
    _, label, channel, variant = next(m for m in PREVIEW_MODES if m[0] == mode)
    rendering = renderer_registry[channel].render(
        product_snapshot(page, request=request), variant=variant
    )
    if channel == "web" or rendering.media_type == "application/pdf":
        return HttpResponse(rendering.content, content_type=rendering.media_type)
    context = preview_context(page, label, channel, variant, rendering)
    return TemplateResponse(request, "renderers/preview.html", context)


def preview_context(page, label: str, channel: str, variant: str, rendering) -> dict:
    """What the preview shows: the channel as its reader sees it (a phone
    screen, a conversation, posts with their counter, a letter), and the raw
    rendering for whoever needs it."""
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
