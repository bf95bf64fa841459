"""``/samenwerkende-catalogi.xml``: the gemeente's SC 4.0 feed for overheid.nl."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from renderers.channels.samenwerkende_catalogi import MEDIA_TYPE, assemble_feed

from ..selectors import requesting_site, stored_renderings

CHANNEL = "samenwerkende_catalogi"


@require_safe
def feed(request: HttpRequest) -> HttpResponse:
    site = requesting_site(request)
    entries = [
        stored.content for stored in stored_renderings(site=site, channel=CHANNEL)
    ]
    if not entries:
        # The schema needs at least one product: say so instead of an invalid feed.
        return HttpResponse(
            "Deze gemeente heeft nog geen producten in de Samenwerkende Catalogi.",
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponse(assemble_feed(entries), content_type=MEDIA_TYPE)
