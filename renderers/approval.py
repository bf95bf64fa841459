"""The approval a stored rendering carries: which verdict allowed it, of which inputs.

A channel shows a stored rendering only while its approval matches the
product's inputs as they are now. The inputs are everything the renderers
read: the page's content, its contactpunt and locaties, the gemeente's
settings, its related products and its place in the tree. They are exactly
the :class:`~contenthub.structured.ProductSnapshot`, so the fingerprint is
the snapshot's, without the fields that only say when or from which
revision it was made.

The publication gate (``publicatie``, a layer above) makes approvals; this
layer only stores and compares them, so the dependency stays one-way.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from contenthub.structured import ProductSnapshot

if TYPE_CHECKING:
    from contenthub.models import ProductPage

# Bookkeeping, not content: a re-publication of the same text is the same input.
# ``verouderd`` (a translation's Dutch source changed since) is the hub's own
# notice, not an input: a translation whose re-render with the notice the gate
# refuses keeps serving its approved rendering (``publicatie.holding``).
_NOT_INPUTS = ("revision_id", "gepubliceerd_op", "verouderd")


@dataclass(frozen=True, slots=True)
class Approval:
    """A passing verdict of the gate on exactly one set of inputs."""

    verdict_id: int
    """The stored verdict (``publicatie``'s ``Keuring``) that passed."""
    fingerprint: str
    """:func:`inputs_fingerprint` of the snapshot the verdict judged."""


class NotApproved(Exception):
    """Refused: a rendering is stored only together with the approval of its inputs."""


def inputs_fingerprint(snapshot: ProductSnapshot) -> str:
    """A stable hash of everything a channel may show of this product."""
    data = dataclasses.asdict(snapshot)
    for part in (data, data.get("engels") or {}):
        for name in _NOT_INPUTS:
            part.pop(name, None)
    encoded = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def current_fingerprint(page: ProductPage) -> str:
    """The fingerprint of ``page``'s inputs as they are now."""
    from contenthub.structured import product_snapshot

    return inputs_fingerprint(product_snapshot(page))


def current_fingerprints(page_ids: Iterable[int]) -> dict[int, str]:
    """:func:`current_fingerprint` of many live pages, in a fixed number of queries."""
    from contenthub.models import ProductPage
    from contenthub.structured import (
        product_snapshot,
        snapshot_queryset,
        snapshot_sources,
    )

    pages = list(
        snapshot_queryset(ProductPage.objects.filter(pk__in=set(page_ids), live=True))
    )
    sources = snapshot_sources(pages)
    return {
        page.pk: inputs_fingerprint(product_snapshot(page, sources=sources))
        for page in pages
    }
