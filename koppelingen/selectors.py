"""Reads for every koppeling: stored renderings of live products, per gemeente."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.http import Http404, HttpRequest
from wagtail.models import Site

from contenthub.catalogue import live_products
from contenthub.models import ProductPage
from renderers.documents import served_documents
from renderers.models import ChannelRendering
from renderers.services import still_approved


@dataclass(frozen=True, slots=True)
class StoredRendering:
    page: ProductPage
    content: str
    revision_id: int | None
    rendered_at: datetime


def requesting_site(request: HttpRequest) -> Site:
    """The gemeente whose host name the request uses; 404 for an unknown host."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("Onbekende gemeente: dit adres hoort bij geen enkele gemeente.")
    return site


def stored_renderings(
    *, site: Site, channel: str, variant: str = "", pages: Iterable[int] | None = None
) -> list[StoredRendering]:
    """The stored rendering of every live product of ``site`` in ``channel``.

    Only the rendering of the page's live revision counts (a stale one is
    left out until the next publication stores it), only while the gate's
    approval is of the product's inputs as they are now (checked on the
    stored documents, as in the API), and an empty rendering
    means the channel does not publish that product. In catalogue order.
    """
    products = live_products(site=site)
    if pages is not None:
        products = products.filter(pk__in=list(pages))
    by_page = {page.pk: page for page in products}
    rows = [
        row
        for row in ChannelRendering.objects.filter(
            page_id__in=list(by_page), channel=channel, variant=variant
        ).exclude(content="")
        if row.revision_id == by_page[row.page_id].live_revision_id
    ]
    # The approval is checked once per product, on its stored document
    # (``renderers.documents``): one or two queries for all products.
    documents = (
        served_documents([by_page[row.page_id] for row in rows]).documents
        if rows
        else {}
    )
    found = {
        row.page_id: row
        for row in rows
        if row.page_id in documents
        and still_approved(row, documents[row.page_id].inputs_fingerprint)
    }
    return [
        StoredRendering(
            page=page,
            content=found[page.pk].content,
            revision_id=found[page.pk].revision_id,
            rendered_at=found[page.pk].rendered_at,
        )
        for page in by_page.values()
        if page.pk in found
    ]


@dataclass(frozen=True, slots=True)
class ServedRevision:
    """The revision a product is served at now (``None``: a page without revisions)."""

    revision_id: int | None


def served_live_revision(*, page_id: int) -> ServedRevision | None:
    """The live revision of the product while the channels serve it, else None.

    Served: a live product (``live_products``) with a stored rendering of
    that revision whose approval is of its inputs as they are now, the rule
    every channel reads by (checked on its stored document, as in the API).
    """
    page = live_products().filter(pk=page_id).first()
    if page is None:
        return None
    rows = list(
        ChannelRendering.objects.filter(
            page_id=page.pk, revision_id=page.live_revision_id
        ).exclude(content="")
    )
    if not rows:
        return None
    document = served_documents([page]).documents.get(page.pk)
    fingerprint = document.inputs_fingerprint if document is not None else None
    if any(still_approved(row, fingerprint) for row in rows):
        return ServedRevision(page.live_revision_id)
    return None
