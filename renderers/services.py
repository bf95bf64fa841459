"""Render and store: the only place that writes ``ChannelRendering`` rows.

A rendering is stored only with the approval of exactly the inputs it was
rendered from (``renderers.approval``), and read back only while that
approval still matches.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from django.db import transaction

from contenthub.catalogue import bump_catalogue_version
from contenthub.structured import ProductSnapshot, product_snapshot

from .approval import Approval, NotApproved, current_fingerprint, inputs_fingerprint
from .base import Rendering
from .documents import store_document, withdraw_documents
from .registry import RendererRegistry, renderer_registry
from .signals import renderings_stored, renderings_withdrawn

if TYPE_CHECKING:
    from wagtail.models import Revision

    from contenthub.models import ProductPage

    from .models import ChannelRendering

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
    page: ProductPage,
    *,
    approval: Approval | None,
    snapshot: ProductSnapshot,
    renderings: Sequence[Rendering] | None = None,
    revision: Revision | None = None,
) -> list[Rendering]:
    """Store ``page``'s renderings of ``snapshot`` with the approval of that snapshot.

    Refused (``NotApproved``) without an approval, or with one of other inputs.
    ``renderings`` are those the gate made of the same snapshot (so nothing is
    rendered twice); without them the snapshot is rendered here.
    """
    from .models import ChannelRendering

    if approval is None:
        raise NotApproved(
            f"{page.title}: een weergave wordt alleen opgeslagen met de goedkeuring "
            "van de publicatiecontrole."
        )
    if approval.fingerprint != inputs_fingerprint(snapshot):
        raise NotApproved(
            f"{page.title}: de goedkeuring hoort bij andere invoer dan deze weergave."
        )
    renderings = list(renderings) if renderings is not None else render_all(snapshot)
    revision = revision or page.live_revision
    before = {
        (channel, variant): (etag, revision_id)
        for channel, variant, etag, revision_id in ChannelRendering.objects.filter(
            page=page
        ).values_list("channel", "variant", "etag", "revision_id")
    }
    # One INSERT ... ON CONFLICT DO UPDATE for every channel, instead of a
    # SELECT, a savepoint and a write per channel.
    rows = []
    for rendering in renderings:
        is_binary = isinstance(rendering.content, bytes)
        rows.append(
            ChannelRendering(
                page=page,
                channel=rendering.channel,
                variant=rendering.variant,
                media_type=rendering.media_type,
                content="" if is_binary else rendering.content,
                binary=rendering.content if is_binary else None,
                revision=revision,
                etag=rendering.etag,
                verdict_id=approval.verdict_id,
                inputs_fingerprint=approval.fingerprint,
            )
        )
    ChannelRendering.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["page", "channel", "variant"],
        update_fields=[
            "media_type",
            "content",
            "binary",
            "revision",
            "etag",
            "verdict_id",
            "inputs_fingerprint",
            "rendered_at",
        ],
    )
    # What the API serves, with the same approval (``renderers.documents``).
    store_document(page, approval=approval, snapshot=snapshot, revision=revision)
    # bulk_create sends no post_save: the readers' caches learn of the new
    # renderings here, once for the page's gemeente.
    bump_catalogue_version(instance=page)
    revision_id = revision.pk if revision is not None else None
    renderings_stored.send(
        sender=ChannelRendering,
        page=page,
        revision=revision,
        changed=changed_channels(before, renderings),
        new_revision=all(stored != revision_id for _, stored in before.values()),
    )
    return renderings


def changed_channels(
    before: dict[tuple[str, str], tuple[str, int | None]],
    renderings: Iterable[Rendering],
) -> list[str]:
    """The channels whose stored output differs from ``before`` (etag per
    channel and variant); a channel that was not stored and stays empty has
    not changed."""
    changed = set()
    for rendering in renderings:
        old = before.get((rendering.channel, rendering.variant))
        if old is None:
            if rendering.content:
                changed.add(rendering.channel)
        elif old[0] != rendering.etag:
            changed.add(rendering.channel)
    return sorted(changed)


def withdraw_renderings(page_ids: Iterable[int]) -> int:
    """Forget stored renderings (a product that is no longer live)."""
    from .models import ChannelRendering

    page_ids = list(page_ids)
    rows = ChannelRendering.objects.filter(page_id__in=page_ids)
    channels: dict[int, set[str]] = {}
    for page_id, channel in rows.exclude(content="", binary__isnull=True).values_list(
        "page_id", "channel"
    ):
        channels.setdefault(page_id, set()).add(channel)
    deleted, _ = rows.delete()
    withdraw_documents(page_ids)
    if deleted:
        renderings_withdrawn.send(
            sender=ChannelRendering,
            page_ids=page_ids,
            channels={page_id: sorted(names) for page_id, names in channels.items()},
        )
    return deleted


def still_approved(row: ChannelRendering, fingerprint: str | None) -> bool:
    """A stored rendering may be served: approved, and for the inputs as they are now."""
    return (
        row.approved
        and fingerprint is not None
        and row.inputs_fingerprint == fingerprint
    )


def approved_rendering(
    page: ProductPage,
    channel: str,
    variant: str = "",
    *,
    fingerprint: Callable[[ProductPage], str] | None = None,
) -> ChannelRendering | None:
    """The stored rendering, only while its approval matches the inputs as they are now.

    For a public read of one product: builds the snapshot (a few queries), never
    renders. ``fingerprint`` (default ``current_fingerprint``) lets a reader
    that knows the catalogue has not changed reuse a fingerprint it computed.
    """
    from .models import ChannelRendering

    stored = ChannelRendering.objects.filter(
        page=page, channel=channel, variant=variant
    ).first()
    if stored is None or not stored.approved:
        return None
    if not still_approved(stored, (fingerprint or current_fingerprint)(page)):
        return None
    return stored


def stored_outdated_notice(page: ProductPage) -> bool | None:
    """Whether the stored renderings of translation ``page`` say that it is out
    of date (read from its app document, which carries it as a field);
    ``None`` when nothing is stored."""
    import json

    from .models import ChannelRendering

    content = (
        ChannelRendering.objects.filter(page=page, channel="app", variant="")
        .values_list("content", flat=True)
        .first()
    )
    if not content:
        return None
    try:
        return bool(json.loads(content).get("vertaling_verouderd"))
    except ValueError:
        return None
