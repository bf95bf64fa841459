"""Products as the API serves them: the documents stored at publication.

A product in a GraphQL answer is a :class:`StoredProduct`, the document that
``renderers.documents`` stored with the product's renderings and approval;
its fields are dictionary look-ups. Only what ``served_documents`` lets
through is shown: a live product whose approval no longer holds is left out,
as on the website. A draft in ``productPreview`` is built in memory the same
way and never stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.http import HttpRequest

from contenthub.catalogue import STEPLEN
from contenthub.models import ProductPage
from contenthub.structured import product_snapshot
from renderers.documents import build_document, served_documents, shown_related_ids

_LIVE_RELATED = "_contenthub_api_live_related"


class StoredProduct(dict):
    """The stored document (a dict: graphene reads fields by key), with the
    page row it belongs to and the approval it was served under."""

    __slots__ = ("fingerprint", "page", "preview", "related_ids")

    def __init__(
        self,
        data: dict[str, Any],
        *,
        page: ProductPage,
        fingerprint: str,
        related_ids: Sequence[int],
        preview: bool = False,
    ) -> None:
        super().__init__(data)
        self.page = page
        self.fingerprint = fingerprint
        self.related_ids = list(related_ids)
        self.preview = preview

    @property
    def pk(self) -> int:
        return self.page.pk


def stored_products(
    pages: Iterable[ProductPage], request: HttpRequest
) -> list[StoredProduct]:
    """The served document of each live page (read with ``live_products`` in
    this request), in the order given; a page whose document may not be
    served is left out."""
    pages = list(pages)
    known: dict[int, ProductPage] = request.__dict__.setdefault(_LIVE_RELATED, {})
    # Every caller read these pages with ``live_products`` in this request:
    # a related product that links back to one of them needs no query to
    # know that it is live.
    known.update({page.pk: page for page in pages if page.pk not in known})
    served = served_documents(pages, known_live=known)
    known.update(served.live_related)
    return [
        StoredProduct(
            doc.data,
            page=page,
            fingerprint=doc.inputs_fingerprint,
            related_ids=doc.related_ids,
        )
        for page in pages
        if (doc := served.documents.get(page.pk)) is not None
    ]


def stored_product(page: ProductPage | None, request: HttpRequest):
    if page is None:
        return None
    found = stored_products([page], request)
    return found[0] if found else None


def draft_product(page: ProductPage, request: HttpRequest) -> StoredProduct:
    """A draft for ``productPreview``, built as publication would store it."""
    return StoredProduct(
        build_document(page, product_snapshot(page, request=request)),
        page=page,
        fingerprint="",
        related_ids=shown_related_ids(page),
        preview=True,
    )


def related_products(
    keys: Sequence[tuple[int, ...]], request: HttpRequest
) -> list[list[StoredProduct]]:
    """Per (page id, path, *related ids): the related products shown, live in
    the page's gemeente, each as its own served document."""
    from contenthub.catalogue import live_products

    known: dict[int, ProductPage] = request.__dict__.setdefault(_LIVE_RELATED, {})
    missing = {pk for _, _, *ids in keys for pk in ids if pk not in known}
    if missing:
        known.update(live_products().select_related("api_document").in_bulk(missing))
    wanted = {pk for _, _, *ids in keys for pk in ids if pk in known}
    by_pk = {
        product.pk: product
        for product in stored_products(
            sorted((known[pk] for pk in wanted), key=lambda p: p.path), request
        )
    }
    values = []
    for _, path, *ids in keys:
        home = path[: 2 * STEPLEN]
        values.append(
            [
                by_pk[pk]
                for pk in ids
                if pk in by_pk and by_pk[pk].page.path.startswith(home)
            ]
        )
    return values


def kosten_op(product: StoredProduct, datum: date) -> list[dict[str, Any]]:
    """The fee rows that hold on ``datum`` (ISO dates compare as text)."""
    day = datum.isoformat()
    return [
        regel
        for regel in product["kosten_alle"]
        if not (regel["geldig_vanaf"] and day < regel["geldig_vanaf"])
        and not (regel["geldig_tot"] and day > regel["geldig_tot"])
    ]


def komende_kosten(product: StoredProduct, datum: date) -> list[dict[str, Any]]:
    day = datum.isoformat()
    return [
        regel
        for regel in product["kosten_alle"]
        if regel["geldig_vanaf"] and regel["geldig_vanaf"] > day
    ]
