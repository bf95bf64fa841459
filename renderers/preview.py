"""Serve a product: Wagtail preview modes per channel, and the stored web page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest, HttpResponse
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
    context = {"label": label, "rendering": rendering, "page": page}
    if channel == "tweet" and variant == "":
        context["lengte"] = weighted_length(rendering.text)
        context["maximum"] = MAX_WEIGHTED_LENGTH
    if channel == "tweet" and variant == "thread":
        import json

        context["posts"] = [
            {"tekst": post, "lengte": weighted_length(post)}
            for post in json.loads(rendering.text)["posts"]
        ]
        context["maximum"] = MAX_WEIGHTED_LENGTH
    return TemplateResponse(request, "renderers/preview.html", context)


def serve_live(page: ProductPage, request: HttpRequest) -> HttpResponse:
    """The public page: the stored web rendering, rendered only if none is stored."""
    from .models import ChannelRendering

    stored = ChannelRendering.objects.filter(
        page=page, channel="web", variant=""
    ).first()
    if stored is None or (
        page.live_revision_id and stored.revision_id != page.live_revision_id
    ):
        from .services import store_renderings

        store_renderings(page)
        stored = ChannelRendering.objects.get(page=page, channel="web", variant="")
    response = HttpResponse(stored.content, content_type=stored.media_type)
    response["ETag"] = stored.etag
    return response
