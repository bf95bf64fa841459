"""The hub's URLs plus the web rendering of a product, for the browser test.

``/_wcag/web/<id>/`` serves ``renderers.render(page, "web")`` exactly as the
renderer produced it, so axe checks the rendering itself; static files (the NL
Design System CSS) come from the live server as in the hub.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path

from contenthub.urls import urlpatterns as hub_urlpatterns


def web_rendering(request: HttpRequest, pk: int) -> HttpResponse:
    import renderers
    from contenthub.models import ProductPage

    page = get_object_or_404(ProductPage.objects.live().specific(), pk=pk)
    rendering = renderers.render(page, "web")
    return HttpResponse(rendering.text, content_type=rendering.media_type)


urlpatterns = [path("_wcag/web/<int:pk>/", web_rendering), *hub_urlpatterns]
