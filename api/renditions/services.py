"""Channel renderings for the API: stored at publication, read here.

A public read only ever returns the rendering stored for the page's live
revision (``renderers.models.ChannelRendering``) with the gate's approval;
it never renders. Only a
draft in ``productPreview`` is rendered on request, because a draft has no
stored rendering.
"""

from __future__ import annotations

import base64
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from django.http import HttpRequest

from contenthub.models import ProductPage
from contenthub.structured import product_snapshot
from renderers import UnknownChannel, renderer_registry
from renderers.base import Rendering
from renderers.models import ChannelRendering
from renderers.services import still_approved

from ..errors import ApiError, Code


class WeergaveKey(NamedTuple):
    page_id: int
    revision_id: int | None
    kanaal: str
    variant: str
    fingerprint: str
    """The approved inputs of the product's served document."""


@dataclass(frozen=True, slots=True)
class WeergaveValue:
    kanaal: str
    variant: str
    media_type: str
    etag: str
    inhoud: str | None
    """The text; ``None`` for a binary rendering (a PDF)."""
    inhoud_base64: str | None
    """A binary rendering, base64-encoded; ``None`` for text."""
    revisie: int | None
    gemaakt_op: datetime | None


def check_variant(kanaal: str, variant: str) -> None:
    try:
        renderer = renderer_registry[kanaal]
    except UnknownChannel as error:
        raise ApiError(error.message, code=Code.ONGELDIGE_ARGUMENTEN) from None
    if variant not in renderer.variants:
        known = ", ".join(repr(v) for v in renderer.variants)
        raise ApiError(
            f"Het kanaal {kanaal} heeft geen variant '{variant}'. Kies uit: {known}.",
            code=Code.ONBEKENDE_VARIANT,
        )


def stored_weergaven(keys: Sequence[WeergaveKey]) -> list[WeergaveValue | None]:
    """One query per (channel, variant) asked for, for any number of products."""
    wanted: dict[tuple[str, str], set[int]] = defaultdict(set)
    for key in keys:
        wanted[(key.kanaal, key.variant)].add(key.page_id)
    found: dict[tuple[int, str, str], ChannelRendering] = {}
    for (kanaal, variant), page_ids in wanted.items():
        for row in ChannelRendering.objects.filter(
            page_id__in=page_ids, channel=kanaal, variant=variant
        ):
            found[(row.page_id, kanaal, variant)] = row
    candidates = {
        key: row
        for key in keys
        if (row := found.get((key.page_id, key.kanaal, key.variant))) is not None
        # A rendering of another revision is not what is live: leave it out
        # rather than show a stale text (the next publication stores it).
        and row.approved
        and row.revision_id == key.revision_id
    }
    # As on the website: served only while its approval is of the inputs as
    # they are now. The product's document was served only after that check
    # (``renderers.documents.served_documents``); the rendering must carry
    # the same approval.
    values: list[WeergaveValue | None] = []
    for key in keys:
        row = candidates.get(key)
        if row is None or not still_approved(row, key.fingerprint or None):
            values.append(None)
        else:
            values.append(_from_stored(row))
    return values


def _from_stored(row: ChannelRendering) -> WeergaveValue:
    binary = row.binary is not None
    return WeergaveValue(
        kanaal=row.channel,
        variant=row.variant,
        media_type=row.media_type,
        etag=row.etag,
        inhoud=None if binary else row.content,
        inhoud_base64=base64.b64encode(bytes(row.binary)).decode() if binary else None,
        revisie=row.revision_id,
        gemaakt_op=row.rendered_at,
    )


def render_draft(
    page: ProductPage, *, kanaal: str, variant: str, request: HttpRequest
) -> WeergaveValue:
    """The rendering of a draft in ``productPreview`` (nothing is stored)."""
    rendering: Rendering = renderer_registry[kanaal].render(
        product_snapshot(page, request=request), variant=variant
    )
    binary = isinstance(rendering.content, bytes)
    return WeergaveValue(
        kanaal=rendering.channel,
        variant=rendering.variant,
        media_type=rendering.media_type,
        etag=rendering.etag,
        inhoud=None if binary else rendering.text,
        inhoud_base64=base64.b64encode(rendering.data).decode() if binary else None,
        revisie=None,
        gemaakt_op=None,
    )
