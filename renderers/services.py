"""Render and store: the only place that writes ``ChannelRendering`` rows."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction

from contenthub.structured import ProductSnapshot, product_snapshot

from .base import Rendering
from .registry import RendererRegistry, renderer_registry

if TYPE_CHECKING:
    from wagtail.models import Revision

    from contenthub.models import ProductPage

logger = logging.getLogger(__name__)


def snapshot_of(page: ProductPage | ProductSnapshot) -> ProductSnapshot:
    if isinstance(page, ProductSnapshot):
        return page
    return product_snapshot(page)


def render_all(
    product: ProductSnapshot, *, registry: RendererRegistry = renderer_registry
) -> list[Rendering]:
    """Every channel in every variant it stores."""
    return [
        renderer.render(product, variant=variant)
        for renderer in registry
        for variant in renderer.variants
    ]


@transaction.atomic
def store_renderings(
    page: ProductPage, *, revision: Revision | None = None
) -> list[Rendering]:
    """Render the live ``page`` in every channel and store it with its revision."""
    from contenthub.quality.enforcement import renderings_from_gate

    from .models import ChannelRendering

    revision = revision or page.live_revision
    revision_id = revision.pk if revision else None
    # The gate rendered this publication a moment ago; do not do it twice.
    renderings = renderings_from_gate(page, revision_id)
    if renderings is None:
        renderings = render_all(product_snapshot(page, revision_id=revision_id))
    for rendering in renderings:
        is_binary = isinstance(rendering.content, bytes)
        ChannelRendering.objects.update_or_create(
            page=page,
            channel=rendering.channel,
            variant=rendering.variant,
            defaults={
                "media_type": rendering.media_type,
                "content": "" if is_binary else rendering.content,
                "binary": rendering.content if is_binary else None,
                "revision": revision,
                "etag": rendering.etag,
            },
        )
    return renderings


def rerender_live_products(pages: Iterable[ProductPage]) -> int:
    """Render every live product in ``pages`` again; return how many."""
    count = 0
    for page in pages:
        if page.live:
            store_renderings(page)
            count += 1
    return count
