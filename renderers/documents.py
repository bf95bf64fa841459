"""The API document of a product: built once, when its renderings are stored.

Publication (and every re-render of the gate, ``publicatie.holding``) stores
beside the channel renderings one document per product with what the API
serves: the sanitised snapshot as JSON (rich text already cleaned, every
StreamField already read), the ids of what it refers to, and the approval
of the inputs it was made from. A read then costs one query for any number
of products and a comparison, never a snapshot.

The comparison (:func:`served_documents`) keeps the gate's rule "only while
its approval is of the inputs as they are now" without rebuilding the
inputs: every write that changes them through the application stores a new
document or is refused (``publicatie.holding``), and what can change them
without such a write is checked on every read:

- the page row itself (a bulk ``update()``, old data): a digest of its stored
  values, compared with the digest taken when the document was stored;
- every other row its inputs are read from (its contactpunt and locaties and,
  for a translation, their versions in its language; its locatie, related
  and zoekterm links; the related products' titles and places; its theme;
  its site and the gemeente's settings): a digest of their stored values,
  read in one query for all documents of a request
  (:func:`source_digests`), compared with the one taken at storing;
- the page's live revision;
- the related products it links to: those it shows must still be live in
  its gemeente (not expired, unpublished, moved away) and those it does not
  show still not (a ``go_live_at`` passed): one query for all documents,
  with the one definition of live.

A document that fails a check is not thrown away blindly: the inputs of that
product alone are fingerprinted as before (``current_fingerprints``); only
when they still equal the approved ones is it served.

One document per product *page*, so per language: an English translation is
its own page and stores its own document (English labels) when it is
published. What changes without that page's publication is not stored in
it: the fee rows of today are chosen at read from every stored row with its
dates, ``gepubliceerd_op`` and the theme come from the page row and tree,
and whether a translation lags its Dutch source (``vertalingVerouderd``) is
computed at read from the stored digests on the rows
(``contenthub.vertaling``).

A live page without a document (stored before documents existed) is served
from a document built in memory, under the same rule the API applied before:
its stored renderings must be approved for its inputs as they are now.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Model

from contenthub.inheritance import inherited_fields
from contenthub.structured import Openingstijd, ProductSnapshot, SnapshotSources

if TYPE_CHECKING:
    from wagtail.models import Revision

    from contenthub.models import ProductPage

    from .approval import Approval
    from .models import ProductDocument

# Bookkeeping of a page, not content: a change of these is no other input.
_NOT_ROW_CONTENT = frozenset(
    {
        "id",
        "page_ptr",
        "path",
        "depth",
        "numchild",
        "draft_title",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "live_revision",
        "latest_revision",
        "latest_revision_created_at",
        "owner",
        "locked",
        "locked_at",
        "locked_by",
        "translation_key",
        "locale",
        "content_type",
        "alias_of",
        "search_description",
        "seo_title",
        "show_in_menus",
        # A translation's bookkeeping (contenthub.vertaling): read from the
        # row itself for vertalingVerouderd, never from the document.
        "vertaald_van",
        "vertaling_tekst",
    }
)


def _row_fields(model: type[Model]) -> list[Any]:
    return [f for f in model._meta.concrete_fields if f.name not in _NOT_ROW_CONTENT]


def row_digest(page: ProductPage) -> str:
    """A hash of the stored values of the page row (its own columns)."""
    values = []
    for model_field in _row_fields(type(page)):
        value = getattr(page, model_field.attname)
        raw = getattr(value, "raw_data", None)
        if raw is not None:  # a StreamField: the stored JSON, not the blocks
            value = [dict(item) for item in raw]
        values.append(value)
    encoded = json.dumps(values, default=str, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


@dataclass
class Sources:
    """What :func:`source_digests` read of some pages, in one query."""

    digests: dict[int, str] = field(default_factory=dict)
    """Per page id: the digest of the other rows its inputs are read from."""
    linked: dict[int, list[int]] = field(default_factory=dict)
    """Per page id: the related products it links to now, in its order."""
    links_of: dict[int, list[int]] = field(default_factory=dict)
    """For the ``links_of`` ids asked: the products each links to now."""


def source_digests(
    pages: Sequence[ProductPage], *, links_of: Sequence[int] = ()
) -> Sources:
    """Per page: a digest of the stored values of every other row its inputs
    are read from, in one query for any number of pages.

    The rows: its locaties and related links and zoektermen (the link rows),
    its contactpunt and locaties, for a translation also their versions in its
    language (a version made or changed shows instead), the related products
    it links to (title, slug, place), its theme, its site and the gemeente's
    settings. The page row itself is :func:`row_digest`. A write around the
    gate (a bulk ``update()``, another process) to any of them changes the
    digest, so the stored document is not served on the cheap check alone
    (:func:`served_documents`). ``links_of``: products whose related links
    the same query reads too (:attr:`Sources.links_of`).
    """
    from contenthub.catalogue import STEPLEN
    from contenthub.talen import SOURCE_LANGUAGE, page_language

    from .source_sql import source_rows

    pages = [page for page in pages if page.pk]
    if not pages:
        return Sources()
    ids = [page.pk for page in pages]
    translations = [p for p in pages if page_language(p) != SOURCE_LANGUAGE]
    locales = {p.locale_id for p in translations}
    site_of = _site_ids(pages)
    rows: dict[str, dict[str, list[Any]]] = {}
    for kind, owner, body in source_rows(
        ids,
        contact_ids=sorted({p.contact_id for p in pages if p.contact_id}),
        translation_ids=[p.pk for p in translations],
        translation_contact_ids=sorted(
            {p.contact_id for p in translations if p.contact_id}
        ),
        locales=sorted(locales),
        parent_paths=sorted(
            {p.path[:-STEPLEN] for p in pages if len(p.path) > STEPLEN}
        ),
        site_ids=sorted({pk for pk in site_of.values() if pk is not None}),
        links_of=list(links_of),
    ):
        rows.setdefault(kind, {}).setdefault(owner, []).append(body)

    def one(kind: str, key: Any) -> Any:
        found = rows.get(kind, {}).get(str(key))
        return found[0] if found else None

    versions = {
        (kind, body["translation_key"], body["locale_id"]): body
        for kind in ("C", "O")
        for bodies in rows.get(kind, {}).values()
        for body in bodies
    }

    def shown(kind: str, body: Any, page: ProductPage) -> list[Any]:
        if body is None:
            return [None]
        if page.locale_id not in locales:
            return [body]
        return [body, versions.get((kind, body["translation_key"], page.locale_id))]

    result = Sources()
    for page in pages:
        key = str(page.pk)
        links = sorted(
            rows.get("G", {}).get(key, []),
            key=lambda link: (
                link["sort_order"] is None,
                link["sort_order"],
                link["pk"],
            ),
        )
        linked = list(dict.fromkeys(link["id"] for link in links if link["id"]))
        locatie_ids = sorted(link["id"] for link in rows.get("L", {}).get(key, []))
        parts_of_page = {
            "contact": shown("C", one("C", page.contact_id), page)
            if page.contact_id
            else None,
            "locaties": [shown("O", one("O", pk), page) for pk in locatie_ids],
            "gerelateerd": [
                [link["id"], link["sort_order"], one("R", link["id"])] for link in links
            ],
            "zoektermen": sorted(
                body["naam"] for body in rows.get("Z", {}).get(key, [])
            ),
            "thema": one("T", page.path[:-STEPLEN]),
            "site": one("S", site_of[page.pk]),
            "instellingen": one("I", site_of[page.pk]),
        }
        encoded = json.dumps(
            parts_of_page, default=str, ensure_ascii=False, sort_keys=True
        )
        result.digests[page.pk] = hashlib.sha256(encoded.encode("utf-8")).hexdigest()
        result.linked[page.pk] = linked
    for owner, links in rows.get("H", {}).items():
        result.links_of[int(owner)] = [link["id"] for link in links if link["id"]]
    return result


def _site_ids(pages: Sequence[ProductPage]) -> dict[int, int | None]:
    """Per page, the site it is served under: the first of Wagtail's cached
    site root paths its ``url_path`` falls under (as ``get_url_parts`` picks
    without a request, without reversing a URL per page)."""
    from wagtail.models import Site

    roots = Site.get_site_root_paths()
    found: dict[int, int | None] = {}
    for page in pages:
        url_path = page.url_path or ""
        found[page.pk] = next(
            (root.site_id for root in roots if url_path.startswith(root.root_path)),
            None,
        )
    return found


def _tijden(regels: Iterable[Openingstijd]) -> list[dict[str, Any]]:
    return [
        {
            "dag": regel.dag,
            "van": regel.van.isoformat(),
            "tot": regel.tot.isoformat(),
            "alleen_op_afspraak": regel.alleen_op_afspraak,
            "tekst": regel.tekst,
        }
        for regel in regels
    ]


def linked_ids(page: ProductPage) -> list[int]:
    """The products ``page`` lists as related, in its order, live or not."""
    ids = [item.product_id for item in page.gerelateerde_producten.all()]
    return list(dict.fromkeys(pk for pk in ids if pk))


def shown_related_ids(
    page: ProductPage, linked: Sequence[int] | None = None
) -> list[int]:
    """The related products the snapshot shows: live and of the page's gemeente
    (``linked``: the page's :func:`linked_ids`, when the caller read them)."""
    from contenthub.catalogue import live_products

    ids = linked_ids(page) if linked is None else list(linked)
    if not ids or not page.path:
        return []
    return _shown(ids, live_products().in_bulk(ids), page.path)


_UNKNOWN = object()


def build_document(
    page: ProductPage,
    snapshot: ProductSnapshot,
    *,
    basistekst: Any = _UNKNOWN,
    sources: SnapshotSources | None = None,
) -> dict[str, Any]:
    """What the API serves of ``page``, from its snapshot: JSON-ready, keyed by
    the API's field names, in the page's language (an English translation's
    labels are English: its snapshot is, and its contactpunt and locaties are
    their English versions where the gemeente made one). A draft
    (``productPreview``) is built the same way. ``basistekst``: its title
    when the caller read it; ``sources``: those of the snapshot, if any."""
    from contenthub.models import Basistekst
    from contenthub.structured import snippets_in_language

    if basistekst is _UNKNOWN:
        basistekst = None
        if page.basistekst_id:
            basistekst = (
                Basistekst.objects.filter(pk=page.basistekst_id)
                .values_list("titel", flat=True)
                .first()
            )
    # The snippets the snapshot shows, in its order (a translation's are
    # their versions in its language): their ids are the shown versions'.
    contactpunt, shown_locaties = snippets_in_language(page, snapshot.taal, sources)
    contact = None
    if snapshot.contact is not None:
        contact = {
            "id": contactpunt.pk if contactpunt is not None else page.contact_id,
            "taal": snapshot.contact.taal,
            "naam": snapshot.contact.naam,
            "telefoon": snapshot.contact.telefoon,
            "email": snapshot.contact.email,
            "contactformulier_url": snapshot.contact.contactformulier_url,
            "afspraak_url": snapshot.contact.afspraak_url,
            "openingstijden": _tijden(snapshot.contact.openingstijden),
        }
    locaties = [
        {
            "id": locatie.pk,
            "naam": adres.naam,
            "straat": adres.straat,
            "huisnummer": adres.huisnummer,
            "postcode": adres.postcode,
            "plaats": adres.plaats,
            "toelichting": adres.toelichting,
            "adres": adres.regel,
            "openingstijden": _tijden(adres.openingstijden),
            "taal": adres.taal,
        }
        for locatie, adres in zip(shown_locaties, snapshot.locaties, strict=True)
    ]
    termijn = snapshot.termijn
    return {
        "id": page.pk,
        "slug": snapshot.slug,
        "titel": snapshot.title,
        "url": snapshot.url,
        "upl_naam": snapshot.upl_naam,
        "upl_uri": snapshot.upl_uri,
        "doelgroep": snapshot.doelgroep,
        "kort_antwoord": snapshot.kort_antwoord,
        "wat_is_het": snapshot.wat_is_het,
        "lokale_aanvulling": snapshot.lokale_aanvulling,
        "basistekst": basistekst,
        "overgenomen_velden": list(inherited_fields(page)),
        "voorwaarden": snapshot.voorwaarden,
        "stappen": [
            {"titel": stap.titel, "uitleg_html": stap.uitleg_html}
            for stap in snapshot.stappen
        ],
        "benodigdheden": list(snapshot.benodigdheden),
        "kosten_gratis": snapshot.kosten_gratis,
        "kosten_alle": [
            {
                "omschrijving": regel.omschrijving,
                "bedrag": str(regel.bedrag),
                "bedrag_tekst": regel.bedrag_tekst,
                "centen": regel.centen,
                "per": regel.per,
                "per_label": regel.per_label,
                "geldig_vanaf": (
                    regel.geldig_vanaf.isoformat() if regel.geldig_vanaf else None
                ),
                "geldig_tot": regel.geldig_tot.isoformat()
                if regel.geldig_tot
                else None,
                "per_datum_tekst": regel.per_datum_tekst,
            }
            for regel in snapshot.kosten_alle
        ],
        "termijn": (
            {
                "omschrijving": termijn.omschrijving,
                "dagen": termijn.dagen,
                "eenheid": termijn.eenheid,
                "kort": termijn.kort,
            }
            if termijn is not None
            else None
        ),
        "online_aanvragen_url": snapshot.online_aanvragen_url,
        "kanalen": list(snapshot.kanalen),
        "advies_kanaal": snapshot.advies_kanaal or None,
        "contact": contact,
        "locaties": sorted(locaties, key=lambda locatie: locatie["naam"]),
        "zoektermen": list(snapshot.zoektermen),
        "vragen": [
            {"vraag": vraag.vraag, "antwoord": vraag.antwoord}
            for vraag in snapshot.vragen
        ],
        "bezwaar_en_beroep": snapshot.bezwaar_en_beroep,
        "wat_als_geen_reactie": snapshot.wat_als_geen_reactie,
        "taal": snapshot.taal,
    }


def store_document(
    page: ProductPage,
    *,
    approval: Approval,
    snapshot: ProductSnapshot,
    revision: Revision | None,
) -> None:
    """Write ``page``'s document with ``approval`` (called by ``store_renderings``)."""
    from .models import ProductDocument

    sources = source_digests([page])
    linked = sources.linked[page.pk]
    ProductDocument.objects.bulk_create(
        [
            ProductDocument(
                page=page,
                revision=revision,
                verdict_id=approval.verdict_id,
                inputs_fingerprint=approval.fingerprint,
                row_digest=row_digest(page),
                sources_digest=sources.digests[page.pk],
                linked_ids=linked,
                related_ids=shown_related_ids(page, linked),
                data=build_document(page, snapshot),
            )
        ],
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=[
            "revision",
            "verdict_id",
            "inputs_fingerprint",
            "row_digest",
            "sources_digest",
            "linked_ids",
            "related_ids",
            "data",
            "stored_at",
        ],
    )


@dataclass
class ServedDocuments:
    """The documents that may be served, and the live related products they name."""

    documents: dict[int, ProductDocument] = field(default_factory=dict)
    """Per page id; a page without an entry has nothing to serve."""
    live_related: dict[int, ProductPage] = field(default_factory=dict)
    """The related products the documents show, live now, by id."""


def served_documents(
    pages: Sequence[ProductPage], *, known_live: dict[int, ProductPage] | None = None
) -> ServedDocuments:
    """The document of each live page that may be served, only while its approval holds.

    One query for the documents, one for the digests of the other rows their
    inputs are read from (:func:`source_digests`), one for the related
    products they link to (only when any links one that is not in
    ``known_live``, the live products this request already read). A document that fails the cheap checks is
    fingerprinted as before and served only when its inputs are unchanged. A
    page without a stored document (stored before documents existed) gets
    one built in memory, served only while its stored renderings are
    approved for its inputs as they are now (:func:`_documents_without_row`).
    """
    from contenthub.catalogue import live_products

    from .approval import current_fingerprints

    if not pages:
        return ServedDocuments()
    stored = _documents_of(pages)
    linked = {pk for doc in stored.values() for pk in doc.linked_ids}
    known_live = known_live or {}
    approved = [page for page in pages if (doc := stored.get(page.pk)) and doc.approved]
    # The same query reads the links of the related products, so one query
    # tells which of both are live; their own documents (served when an
    # answer shows them) then need no query for that.
    sources = source_digests(approved, links_of=sorted(linked - set(known_live)))
    second = {pk for ids in sources.links_of.values() for pk in ids}
    missing = (linked | second) - set(known_live)
    # With their documents: the related products an answer shows are then
    # served without another query (``api.content.stored.related_products``).
    live_related = (
        live_products().select_related("api_document").in_bulk(missing)
        if missing
        else {}
    )
    live_related |= {pk: known_live[pk] for pk in linked | second if pk in known_live}
    served = ServedDocuments(live_related=live_related)
    doubtful = {}
    without = []
    for page in pages:
        doc = stored.get(page.pk)
        if doc is None:
            without.append(page)
            continue
        if not doc.approved:
            continue
        if (
            doc.revision_id == page.live_revision_id
            and doc.sources_digest == sources.digests.get(page.pk)
            and _shown(doc.linked_ids, live_related, page.path) == doc.related_ids
            and doc.row_digest == row_digest(page)
        ):
            served.documents[page.pk] = doc
        else:
            doubtful[page.pk] = doc
    if doubtful:
        now = current_fingerprints(doubtful)
        for pk, doc in doubtful.items():
            if now.get(pk) == doc.inputs_fingerprint:
                served.documents[pk] = doc
    if without:
        served.documents |= _documents_without_row(without)
    return served


def _documents_of(pages: Sequence[ProductPage]) -> dict[int, ProductDocument]:
    """The stored documents of ``pages``: those read with the page
    (``select_related("api_document")``, no query), the rest in one query."""
    from .models import ProductDocument

    found: dict[int, ProductDocument] = {}
    unread = []
    for page in pages:
        relation = type(page).api_document.related
        if relation.is_cached(page):
            doc = relation.get_cached_value(page)
            if doc is not None:
                found[page.pk] = doc
        else:
            unread.append(page.pk)
    if unread:
        found |= {
            doc.page_id: doc
            for doc in ProductDocument.objects.filter(page_id__in=unread)
        }
    return found


def _shown(linked: Sequence[int], live: dict[int, ProductPage], path: str) -> list[int]:
    """Of the linked products, those a snapshot shows: live, in the same gemeente."""
    from contenthub.catalogue import STEPLEN

    home = path[: 2 * STEPLEN]
    return [pk for pk in linked if pk in live and live[pk].path.startswith(home)]


def _documents_without_row(pages: Sequence[ProductPage]) -> dict[int, ProductDocument]:
    """Documents, built in memory and never stored, for live pages that have
    none: only for a page whose stored renderings of its live revision all
    carry one approval, of its inputs as they are now (the check every read
    made before documents were stored). Reads never write; the next
    publication or ``manage.py herkeur`` stores the document."""
    from contenthub.models import Basistekst
    from contenthub.models import ProductPage as Model
    from contenthub.structured import (
        product_snapshot,
        snapshot_queryset,
        snapshot_sources,
    )

    from .approval import inputs_fingerprint
    from .models import ChannelRendering, ProductDocument

    by_pk = {page.pk: page for page in pages}
    approvals: dict[int, set[tuple[int | None, str]]] = {}
    for (
        page_id,
        verdict_id,
        fingerprint,
        revision_id,
    ) in ChannelRendering.objects.filter(page_id__in=list(by_pk)).values_list(
        "page_id", "verdict_id", "inputs_fingerprint", "revision_id"
    ):
        # A rendering of another revision is not served; it holds nothing.
        if revision_id == by_pk[page_id].live_revision_id:
            approvals.setdefault(page_id, set()).add((verdict_id, fingerprint))
    candidates = {
        pk: next(iter(found))
        for pk, found in approvals.items()
        if len(found) == 1 and all(v is not None and f for v, f in found)
    }
    if not candidates:
        return {}
    fresh = list(
        snapshot_queryset(Model.objects.filter(pk__in=list(candidates), live=True))
    )
    sources = snapshot_sources(fresh)
    titels = dict(
        Basistekst.objects.filter(
            pk__in={p.basistekst_id for p in fresh if p.basistekst_id}
        ).values_list("pk", "titel")
    )
    documents = {}
    for page in fresh:
        snapshot = product_snapshot(page, sources=sources)
        verdict_id, fingerprint = candidates[page.pk]
        if inputs_fingerprint(snapshot) != fingerprint:
            continue
        linked = linked_ids(page)
        documents[page.pk] = ProductDocument(
            page_id=page.pk,
            revision_id=page.live_revision_id,
            verdict_id=verdict_id,
            inputs_fingerprint=fingerprint,
            row_digest=row_digest(page),
            linked_ids=linked,
            related_ids=_shown(linked, sources.live_related, page.path),
            data=build_document(
                page,
                snapshot,
                basistekst=titels.get(page.basistekst_id),
                sources=sources,
            ),
        )
    return documents


def withdraw_documents(page_ids: Iterable[int]) -> None:
    from .models import ProductDocument

    ProductDocument.objects.filter(page_id__in=list(page_ids)).delete()


def keep_document_current(page: ProductPage, fingerprint: str) -> bool:
    """Whether ``page``'s stored document is approved for ``fingerprint``.

    When it is, but the page row, live revision or related links changed in
    what is no input (an ``expire_at``, a re-publication of the same text, a
    link to a product that is not live yet), only that bookkeeping is brought
    up to date, so reads keep the cheap check (and see the linked product go
    live); the approval stays the one the gate gave for these inputs.
    """
    from .models import ProductDocument

    relation = type(page).api_document.related
    if relation.is_cached(page):  # read with the page
        doc = relation.get_cached_value(page)
    else:
        doc = (
            ProductDocument.objects.filter(page_id=page.pk)
            .only(
                "verdict_id",
                "inputs_fingerprint",
                "row_digest",
                "sources_digest",
                "revision_id",
                "linked_ids",
            )
            .first()
        )
    if doc is None or not doc.approved or doc.inputs_fingerprint != fingerprint:
        return False
    digest = row_digest(page)
    sources = source_digests([page])
    linked = sources.linked[page.pk]
    if (
        doc.row_digest != digest
        or doc.sources_digest != sources.digests[page.pk]
        or doc.revision_id != page.live_revision_id
        or doc.linked_ids != linked
    ):
        ProductDocument.objects.filter(pk=doc.pk).update(
            row_digest=digest,
            sources_digest=sources.digests[page.pk],
            revision_id=page.live_revision_id,
            linked_ids=linked,
        )
    return True
