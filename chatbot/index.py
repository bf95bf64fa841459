"""An in-memory index of one gemeente's live products, with field weights.

Built from product snapshots (``contenthub.structured``), the one adapter
from a page, so the chatbot reads a product the way every channel does. The
index itself is pure Python (``build_index``) and needs no database; only
``index_for_site`` touches Django. Each process keeps one index per site and
builds it again when the catalogue version (``contenthub.catalogue``, kept
in Django's cache) changes, so every process (with Redis, every server)
notices a publication or a changed snippet on its next question.
"""

from __future__ import annotations

import csv
import datetime
import html
import json
import logging
import math
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .documents import Contactgegevens, ProductDocument
from .normalise import content_words, split_compound, stem

if TYPE_CHECKING:
    from wagtail.models import Site

    from contenthub.structured import ProductSnapshot

FIELD_WEIGHTS = {
    "title": 2.0,
    "upl_naam": 1.5,
    "zoektermen": 4.0,
    "vragen": 0.5,
    "kort_antwoord": 0.6,
    "thema": 0.0,
    "tekst": 0.7,
}
"""How much a word counts by where it stands (BM25F field weights).

Fitted on the development questions of ``bench/chatbot/vragen_extern.csv``
by ``bench/chatbot_afstemmen.py`` (coordinate search), not set by hand.
"""

LOW_FIELDS = frozenset({"thema", "tekst"})
LOW_FIELD_CAP = 1.0
"""A word from the body text or theme adds at most this much, however often
it occurs: a product that only mentions "laat" ten times in its text does not
explain "hoe laat is het"."""

PHRASE_FIELDS = frozenset({"title", "upl_naam", "zoektermen"})
"""Fields whose multi-word entries count as phrases ("paspoort kwijt")."""

COMPOUND_PART_WEIGHT = 0.5
"""A part of a compound counts half: "afvalcontainer" is also about "container"."""

MIN_COMPOUND_LENGTH = 7
MIN_FUZZY_LENGTH = 4

REFERENTIE_CSV = Path(__file__).resolve().parent / "data" / "referentie_df.csv"
REFERENCE_TOTAL = "#documenten"
"""The row of ``referentie_df.csv`` that holds the number of documents."""


@dataclass(frozen=True)
class Reference:
    """Document frequencies of a fixed reference collection (the national
    catalogue, ``bench/chatbot_referentie.py``). Every word's idf counts the
    gemeente's products on top of these, so a gemeente with one product
    weighs words as one with hundreds does."""

    documents: int
    frequency: Mapping[str, int]


@cache
def default_reference() -> Reference:
    """The shipped reference, read once per process."""
    frequency: dict[str, int] = {}
    documents = 0
    with REFERENTIE_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["stam"] == REFERENCE_TOTAL:
                documents = int(row["documenten"])
            else:
                frequency[row["stam"]] = int(row["documenten"])
    return Reference(documents=documents, frequency=frequency)


NO_REFERENCE = Reference(documents=0, frequency={})


@dataclass
class CatalogueIndex:
    """Postings of stems with field-weighted frequencies, and the vocabulary."""

    documents: tuple[ProductDocument, ...]
    postings: dict[str, dict[int, float]]
    idf: dict[str, float]
    word_stems: dict[str, str]
    """Every folded word form in the catalogue → its stem."""
    fuzzy_words: dict[str, tuple[str, ...]]
    """First letter → the word forms a misspelt word is compared with."""
    document_frequency: dict[str, int]
    phrases: dict[str, tuple[tuple[int, frozenset[str]], ...]] = field(
        default_factory=dict
    )
    """Rarest stem → (document, all stems) of every multi-word name or zoekterm."""
    names: dict[frozenset[str], tuple[int, ...]] = field(default_factory=dict)
    """The stems of every title, UPL name and zoekterm → the documents that
    carry it: a question that is exactly a product's name."""
    name_stems: tuple[frozenset[str], ...] = ()
    """Per document: every stem of its title, UPL name and zoektermen (the
    fields that name the product), for the learned reranker's features."""
    default_contact: Contactgegevens | None = None
    version: str = ""
    reference_documents: int = 0
    """Documents of the reference collection counted in every idf."""
    renderings: dict[int, str] = field(default_factory=dict)
    """Page id → the stored chatbot rendering (JSON) of every product in the
    index, checked at build time: approved by the gate for exactly the
    product's inputs as they were then (the fingerprints compared)."""
    valid_until: datetime.datetime | None = None
    """When the index goes stale without a new catalogue version: the next
    midnight (a fee that stops holding changes the inputs), a product's
    expiry or a scheduled go-live, whichever comes first."""
    taal: str = "nl"
    """The language of the index: its products, its normalisation and the
    questions it answers."""
    roots: dict[str, str] = field(default_factory=dict)
    """Language → the tree path of the gemeente's home page in it, read when
    the index was built, so asking whether a product is still public stays
    one query in every language."""
    _resolved: dict[str, tuple[tuple[str, float, str], ...]] = field(
        default_factory=dict, repr=False
    )
    _saturated: dict[str, dict[int, float]] = field(default_factory=dict, repr=False)
    """Stem → its postings with the BM25 saturation applied (``matching``)."""

    @cached_property
    def positions_by_page_id(self) -> dict[int, int]:
        return {
            document.page_id: position
            for position, document in enumerate(self.documents)
            if document.page_id is not None
        }

    @cached_property
    def national_positions(self) -> frozenset[int]:
        """Positions of the other organisations' products."""
        return frozenset(
            position
            for position, document in enumerate(self.documents)
            if document.instantie
        )

    @cached_property
    def national_only_stems(self) -> frozenset[str]:
        """Stems that only other organisations' products use ("toeslag",
        "kenteken"): a question built on them is probably not the gemeente's."""
        national = self.national_positions
        if not national:
            return frozenset()
        return frozenset(
            word_stem
            for word_stem, postings in self.postings.items()
            if postings.keys() <= national
        )

    @cached_property
    def max_idf(self) -> float:
        """The idf of a word that one document uses: what an unknown word costs."""
        return _idf(self.reference_documents + len(self.documents), 1)

    def is_known(self, word: str) -> bool:
        return word in self.word_stems or stem(word, self.taal) in self.postings

    def rendering(self, page_id: int | None) -> dict | None:
        """The stored chatbot rendering of a product in the index, a fresh
        copy per answer; ``None`` for a page the index does not serve."""
        content = self.renderings.get(page_id) if page_id is not None else None
        return json.loads(content) if content else None


def _idf(n_documents: int, document_frequency: int) -> float:
    # BM25's idf, always positive.
    return math.log(
        1 + (n_documents - document_frequency + 0.5) / (document_frequency + 0.5)
    )


def _field_texts(document: ProductDocument) -> Iterable[tuple[str, str]]:
    yield "title", document.title
    yield "upl_naam", document.upl_naam
    for zoekterm in document.zoektermen:
        yield "zoektermen", zoekterm
    for vraag in document.vragen:
        yield "vragen", vraag
    yield "kort_antwoord", document.kort_antwoord
    yield "thema", document.thema
    yield "tekst", document.tekst


def build_index(
    documents: Sequence[ProductDocument],
    *,
    default_contact: Contactgegevens | None = None,
    version: str = "",
    reference: Reference | None = None,
    renderings: Mapping[int, str] | None = None,
    valid_until: datetime.datetime | None = None,
    taal: str = "nl",
    roots: Mapping[str, str] | None = None,
) -> CatalogueIndex:
    """Index ``documents``; pure Python, so benchmarks and tests need no database.

    ``reference`` (``None``: the shipped national reference for Dutch, none
    for English) is counted in every idf; ``NO_REFERENCE`` uses the documents
    alone. ``taal`` is the language of the normalisation; compounds are split
    in Dutch only.
    """
    if reference is None:
        reference = default_reference() if taal == "nl" else NO_REFERENCE
    documents = tuple(documents)
    word_stems: dict[str, str] = {}
    # Per document: (folded word, weight, from a low field) in reading order.
    occurrences: list[list[tuple[str, float, bool]]] = []
    document_phrases: list[set[frozenset[str]]] = []
    names: dict[frozenset[str], list[int]] = defaultdict(list)
    name_stems: list[frozenset[str]] = []
    for document in documents:
        seen: list[tuple[str, float, bool]] = []
        phrases: set[frozenset[str]] = set()
        naming: set[str] = set()
        for field_name, text in _field_texts(document):
            weight = FIELD_WEIGHTS[field_name]
            is_low = field_name in LOW_FIELDS
            field_stems = []
            for word in content_words(text, document.taal or taal):
                field_stems.append(word_stems.setdefault(word, stem(word, taal)))
                seen.append((word, weight, is_low))
            if field_name in PHRASE_FIELDS and len(set(field_stems)) > 1:
                phrases.add(frozenset(field_stems))
            if field_name in PHRASE_FIELDS and field_stems:
                naming.update(field_stems)
                holders = names[frozenset(field_stems)]
                if not holders or holders[-1] != len(occurrences):
                    holders.append(len(occurrences))
        occurrences.append(seen)
        document_phrases.append(phrases)
        name_stems.append(frozenset(naming))

    # Compound parts are split against the whole catalogue's vocabulary: a
    # product about an "afvalcontainer" is found by "container" too.
    known_stems = set(word_stems.values())

    def is_known(part: str) -> bool:
        return part in word_stems or stem(part, taal) in known_stems

    splits_compounds = taal == "nl"

    split_cache: dict[str, tuple[str, ...] | None] = {}
    postings: dict[str, dict[int, float]] = defaultdict(dict)
    for position, seen in enumerate(occurrences):
        high: Counter[str] = Counter()
        low: Counter[str] = Counter()
        for word, weight, is_low in seen:
            target = low if is_low else high
            target[word_stems[word]] += weight
            if not splits_compounds or len(word) < MIN_COMPOUND_LENGTH:
                continue
            if word not in split_cache:
                split_cache[word] = split_compound(word, is_known)
            for part in split_cache[word] or ():
                target[stem(part, taal)] += weight * COMPOUND_PART_WEIGHT
        for word_stem, frequency in low.items():
            high[word_stem] += min(frequency, LOW_FIELD_CAP)
        for word_stem, frequency in high.items():
            postings[word_stem][position] = frequency

    document_frequency = {term: len(docs) for term, docs in postings.items()}
    reference_documents = reference.documents
    reference_frequency = reference.frequency
    idf = {
        term: _idf(
            reference_documents + len(documents),
            reference_frequency.get(term, 0) + frequency,
        )
        for term, frequency in document_frequency.items()
    }
    phrase_index: dict[str, list[tuple[int, frozenset[str]]]] = defaultdict(list)
    for position, phrases in enumerate(document_phrases):
        for phrase in phrases:
            rarest = min(phrase, key=lambda s: (document_frequency.get(s, 0), s))
            phrase_index[rarest].append((position, phrase))
    return CatalogueIndex(
        documents=documents,
        postings=dict(postings),
        idf=idf,
        word_stems=word_stems,
        fuzzy_words=_by_first_letter(
            word for word in word_stems if len(word) >= MIN_FUZZY_LENGTH
        ),
        document_frequency=document_frequency,
        phrases={key: tuple(value) for key, value in phrase_index.items()},
        names={key: tuple(value) for key, value in names.items()},
        name_stems=tuple(name_stems),
        default_contact=default_contact,
        version=version,
        reference_documents=reference_documents,
        renderings=dict(renderings or {}),
        valid_until=valid_until,
        taal=taal,
        roots=dict(roots or {}),
    )


def write_reference(index: CatalogueIndex, path: Path = REFERENTIE_CSV) -> None:
    """Write the document frequencies of ``index`` as a reference collection."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["stam", "documenten"])
        writer.writerow([REFERENCE_TOTAL, len(index.documents)])
        for term in sorted(index.document_frequency):
            writer.writerow([term, index.document_frequency[term]])


def _by_first_letter(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for word in sorted(words):
        grouped[word[0]].append(word)
    return {letter: tuple(group) for letter, group in grouped.items()}


_TAG = re.compile(r"<[^>]+>")


def plain_text(html_text: str) -> str:
    """Text of the (already sanitised) snapshot HTML, for the index only."""
    return " ".join(html.unescape(_TAG.sub(" ", html_text or "")).split())


def document_from_snapshot(product: ProductSnapshot) -> ProductDocument:
    contact = product.contact
    return ProductDocument(
        slug=product.slug,
        title=product.title,
        upl_naam=product.upl_naam,
        zoektermen=product.zoektermen,
        vragen=tuple(vraag.vraag for vraag in product.vragen),
        kort_antwoord=product.kort_antwoord,
        tekst=" ".join(
            [
                plain_text(product.wat_is_het),
                plain_text(product.lokale_aanvulling),
                plain_text(product.voorwaarden),
                *(
                    f"{stap.titel} {plain_text(stap.uitleg_html)}"
                    for stap in product.stappen
                ),
                *product.benodigdheden,
                *(vraag.antwoord for vraag in product.vragen),
            ]
        ),
        thema=product.thema,
        page_id=product.id,
        online_url=product.online_aanvragen_url,
        advies_kanaal=product.advies_kanaal,
        contact=Contactgegevens(
            naam=contact.naam,
            telefoon=contact.telefoon,
            afspraak_url=contact.afspraak_url,
            contactformulier_url=contact.contactformulier_url,
        )
        if contact
        else None,
    )


logger = logging.getLogger(__name__)


# --- Django: one index per site, language and catalogue version, per process

_lock = threading.Lock()
_indexes: dict[tuple[int, str], CatalogueIndex] = {}


def clear_indexes() -> None:
    """Forget the indexes of this process (tests, benchmarks)."""
    with _lock:
        _indexes.clear()
        _building.clear()


_building: set[tuple[int, str]] = set()
"""(Site, language) whose index a background thread of this process is building."""


def index_for_site(
    site: Site,
    *,
    on_build: Callable[[CatalogueIndex], CatalogueIndex] | None = None,
    taal: str = "nl",
) -> CatalogueIndex:
    """The index of ``site``'s live, public products in ``taal`` whose stored
    chatbot rendering is approved for their inputs.

    One index per gemeente and language: the Dutch one holds the Dutch
    products, the English one the English translations (in the gemeente's
    English tree, ``/en/…``) and, so that a question about it is not handed
    over blindly, every served Dutch product that has no English translation
    (``vertaling_ontbreekt``). Built once per catalogue version (a
    publication, an edited snippet or a stored rendering makes a new one)
    and kept until ``valid_until``. ``on_build`` prepares a new index before
    it is served (the matcher's warm-up). Only a process's first index of a
    site and language is built while the question waits; after that a new
    one is built in a background thread (``CHATBOT_INDEX_ACHTERGROND``, on by
    default) while questions get the previous one. That is safe because an
    answer asks at read time whether its product is still public
    (``is_public``): what the previous index holds was approved by the gate
    for the inputs of its moment, and an unpublished or expired product is
    never answered.
    """
    from django.conf import settings
    from django.utils import timezone

    from contenthub.catalogue import catalogue_version

    key = (site.pk, taal)
    version = catalogue_version(site=site)
    index = _indexes.get(key)
    if _is_current(index, version, timezone.now()):
        return index
    if index is not None and getattr(settings, "CHATBOT_INDEX_ACHTERGROND", True):
        _build_in_background(key, on_build)
        return index
    with _lock:
        index = _indexes.get(key)
        if not _is_current(index, version, timezone.now()):
            index = _build(site, version, on_build, taal)
            _indexes[key] = index
    return index


def _build(
    site: Site,
    version: str,
    on_build: Callable[[CatalogueIndex], CatalogueIndex] | None,
    taal: str = "nl",
) -> CatalogueIndex:
    catalogue = site_catalogue(site) if taal == "nl" else site_catalogue(site, taal)
    index = build_index(
        [*catalogue.documents, *extra_documents(taal)],
        default_contact=catalogue.default_contact,
        version=version,
        renderings=catalogue.renderings,
        valid_until=catalogue.valid_until,
        taal=taal,
        roots=catalogue.roots,
    )
    return on_build(index) if on_build is not None else index


def _build_in_background(
    key: tuple[int, str],
    on_build: Callable[[CatalogueIndex], CatalogueIndex] | None,
) -> None:
    with _lock:
        if key in _building:
            return
        _building.add(key)
    threading.Thread(
        target=_in_own_connection,
        args=(_build_and_swap, key, on_build),
        name=f"chatbot-index-{key[0]}-{key[1]}",
        daemon=True,
    ).start()


def _in_own_connection(function: Callable[..., None], *args: Any) -> None:
    """Run ``function`` in this thread, then close the database connections
    the thread opened (each thread has its own)."""
    from django.db import connections

    try:
        function(*args)
    finally:
        connections.close_all()


def _build_and_swap(
    key: tuple[int, str],
    on_build: Callable[[CatalogueIndex], CatalogueIndex] | None,
) -> None:
    """Build the index of ``key`` (site id, language) and swap it in; on an
    error the previous index stays and the next question tries again."""
    from wagtail.models import Site

    from contenthub.catalogue import catalogue_version

    site_id, taal = key
    try:
        site = Site.objects.select_related("root_page").get(pk=site_id)
        index = _build(site, catalogue_version(site=site), on_build, taal)
        with _lock:
            _indexes[key] = index
    except Exception:
        logger.exception(
            "Chatbotindex van site %s niet opnieuw gebouwd"
            + ("" if taal == "nl" else " (taal %s)"),
            site_id,
            *(() if taal == "nl" else (taal,)),
        )
    finally:
        with _lock:
            _building.discard(key)


def wait_for_builds(timeout: float = 600.0) -> None:
    """Wait until this process's background builds are done (tests, benchmarks)."""
    for thread in threading.enumerate():
        if thread.name.startswith("chatbot-index-"):
            thread.join(timeout)


def _is_current(
    index: CatalogueIndex | None, version: str, now: datetime.datetime
) -> bool:
    return (
        index is not None
        and index.version == version
        and (index.valid_until is None or now < index.valid_until)
    )


def extra_documents(taal: str = "nl") -> tuple[ProductDocument, ...]:
    """The products that are not the gemeente's (``CHATBOT_INSTANTIES``, on by
    default): a question about one of them is answered with who handles it."""
    from django.conf import settings

    if not getattr(settings, "CHATBOT_INSTANTIES", True):
        return ()
    from .instanties import national_documents

    return national_documents(taal)


def live_products(site: Site, taal: str = "nl"):
    """The site's live products in ``taal`` (the one rule, ``contenthub.catalogue``)."""
    from contenthub import catalogue

    return catalogue.live_products(site=site, taal=taal)


def is_public(
    page_id: int | None, *, site: Site, taal: str = "nl", root: str | None = None
) -> bool:
    """Whether the product is live and public on ``site`` in ``taal`` at this
    moment (one query): what the website asks on every request, asked per
    answer. ``root``: the tree path of the gemeente's home page in ``taal``
    when the caller knows it (``CatalogueIndex.roots``)."""
    from contenthub import catalogue

    if page_id is None:
        return False
    if root is None:
        # As ``live_products(site, taal)`` finds it (a query in English).
        root = catalogue.site_root_path(site, taal)
        if root is None:
            return False  # no home page in that language: nothing is live
    compiled = _public_query(taal, root)
    if compiled is None:
        return (
            catalogue.live_products(taal=taal)
            .filter(path__startswith=root, pk=page_id)
            .exists()
        )
    return compiled.exists(page_id)


_PAGE_SENTINEL = -7_340_117_331
"""A page id no page has: marks the id's place among the compiled query's
parameters (``_public_query``)."""


@dataclass(frozen=True)
class PublicQuery:
    """``is_public``'s query as Django compiles it, kept per language and root.

    Building that query through the ORM (three nested "live" conditions, the
    view restrictions) cost about 2.5 ms of CPU per answer, more than the
    rest of an answer together. The SQL is the same for every answer; only
    the page id and the moment ("now", for expiry and go-live) change, so
    those are put in their places in the parameters."""

    alias: str
    sql: str
    params: tuple[Any, ...]
    page_slot: int
    now_slots: tuple[int, ...]

    def exists(self, page_id: int) -> bool:
        from django.db import connections
        from django.utils import timezone

        connection = connections[self.alias]
        params = list(self.params)
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        for slot in self.now_slots:
            params[slot] = now
        params[self.page_slot] = int(page_id)
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            return cursor.fetchone() is not None


_public_queries: dict[tuple[str, str, str], PublicQuery | None] = {}


def _public_query(taal: str, root: str) -> PublicQuery | None:
    """The compiled query of "page X is live and public under ``root`` in
    ``taal`` now" (``contenthub.catalogue.live_products``, the website's one
    rule, compiled by Django once per database, language and root).

    The moment the rule compares with is found among the parameters as the
    values between two readings of the clock around building the query;
    the page id as a sentinel id. ``None`` (use the ORM every time) when the
    parameters do not show them unambiguously."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.utils import timezone

    from contenthub import catalogue

    key = (DEFAULT_DB_ALIAS, taal, root)
    if key in _public_queries:
        return _public_queries[key]
    ops = connections[DEFAULT_DB_ALIAS].ops
    before = ops.adapt_datetimefield_value(timezone.now())
    queryset = catalogue.live_products(taal=taal).filter(
        path__startswith=root, pk=_PAGE_SENTINEL
    )
    after = ops.adapt_datetimefield_value(timezone.now())
    query = queryset.query.exists()
    sql, params = query.get_compiler(using=queryset.db).as_sql()
    page_slots = [i for i, value in enumerate(params) if value == _PAGE_SENTINEL]
    now_slots = tuple(
        i
        for i, value in enumerate(params)
        if type(value) is type(before) and before <= value <= after
    )
    compiled = (
        PublicQuery(
            alias=queryset.db,
            sql=sql,
            params=tuple(params),
            page_slot=page_slots[0],
            now_slots=now_slots,
        )
        if len(page_slots) == 1 and now_slots and page_slots[0] not in now_slots
        else None
    )
    if len(_public_queries) < 1000:
        _public_queries[key] = compiled
    return compiled


def approved_rendering_now(
    page_id: int | None, *, site: Site, taal: str = "nl"
) -> dict | None:
    """The product's stored chatbot rendering, only while the product is public
    and the rendering is approved for its inputs as they are now (the check
    the website makes, ``renderers.services.approved_rendering``; a dozen
    queries). For an answer from an index that is no longer current."""
    from renderers.services import approved_rendering

    if page_id is None:
        return None
    page = live_products(site, taal).filter(pk=page_id).first()
    stored = approved_rendering(page, "chatbot") if page is not None else None
    return json.loads(stored.content) if stored and stored.content else None


def index_is_current(index: CatalogueIndex, *, site: Site) -> bool:
    """Whether ``index`` was built for ``site``'s catalogue as it is now."""
    from django.utils import timezone

    from contenthub.catalogue import catalogue_version

    return _is_current(index, catalogue_version(site=site), timezone.now())


@dataclass(frozen=True)
class SiteCatalogue:
    """What the chatbot serves of one gemeente, read in a fixed number of queries."""

    documents: list[ProductDocument]
    renderings: dict[int, str]
    default_contact: Contactgegevens | None
    valid_until: datetime.datetime | None
    roots: dict[str, str] = field(default_factory=dict)
    """Language → the tree path of the gemeente's home page in it."""


def site_catalogue(site: Site, taal: str = "nl") -> SiteCatalogue:
    """The live products of ``site`` in ``taal`` whose stored chatbot rendering
    may be served.

    A product is in only while its rendering is approved by the gate for
    exactly its inputs as they are now: the fingerprint of the snapshot built
    here is compared with the one the approval was given for (as
    ``renderers.services.approved_rendering`` does for a single read). The
    same snapshots feed the index, so one read serves both.

    In a language other than Dutch the served Dutch products without a served
    translation come along as well (``vertaling_ontbreekt``), with only their
    names (title, UPL name, zoektermen) to be found by and their Dutch stored
    rendering for the link to the Dutch page.
    """
    from django.utils import timezone

    from contenthub.catalogue import site_root_path

    documents, renderings, served = _served_products(site, taal)
    roots = {taal: site_root_path(site, taal)}
    if taal != "nl":
        translated = {page.translation_key for page in served}
        dutch_documents, dutch_renderings, dutch_served = _served_products(site, "nl")
        by_page = {document.page_id: document for document in dutch_documents}
        for page in dutch_served:
            if page.translation_key in translated:
                continue
            documents.append(_untranslated(by_page[page.pk]))
            renderings[page.pk] = dutch_renderings[page.pk]
            served.append(page)
        roots["nl"] = site.root_page.path

    now = timezone.now()
    moments = [_next_midnight(now)]
    moments += [page.expire_at for page in served if page.expire_at]
    go_live = _first_go_live([root for root in roots.values() if root], now)
    if go_live:
        moments.append(go_live)
    return SiteCatalogue(
        documents=documents,
        renderings=renderings,
        default_contact=default_contact_for_site(
            site, contact_ids=[page.contact_id for page in served]
        ),
        valid_until=min(moment for moment in moments if moment > now),
        roots={key: root for key, root in roots.items() if root},
    )


def _served_products(
    site: Site, taal: str
) -> tuple[list[ProductDocument], dict[int, str], list[Any]]:
    """Documents, stored renderings and pages of the products of ``site`` in
    ``taal`` whose chatbot rendering is approved for their inputs now."""
    from contenthub.structured import (
        product_snapshot,
        snapshot_queryset,
        snapshot_sources,
    )
    from renderers.approval import inputs_fingerprint
    from renderers.models import ChannelRendering
    from renderers.services import still_approved

    pages = list(snapshot_queryset(live_products(site, taal)))
    stored = {
        row.page_id: row
        for row in ChannelRendering.objects.filter(
            page_id__in=[page.pk for page in pages], channel="chatbot", variant=""
        ).exclude(content="")
    }
    pages = [page for page in pages if page.pk in stored]
    sources = snapshot_sources(pages) if pages else None
    documents: list[ProductDocument] = []
    renderings: dict[int, str] = {}
    served: list[Any] = []
    for page in pages:
        snapshot = product_snapshot(page, sources=sources)
        if not still_approved(stored[page.pk], inputs_fingerprint(snapshot)):
            continue
        documents.append(document_from_snapshot(snapshot))
        renderings[page.pk] = stored[page.pk].content
        served.append(page)
    return documents, renderings, served


def _untranslated(document: ProductDocument) -> ProductDocument:
    """A Dutch product in another language's index: found by its names only
    (a question in English names an untranslated product by its Dutch word,
    "grofvuil", or not at all), never by its Dutch body text."""
    return replace(
        document,
        vragen=(),
        kort_antwoord="",
        tekst="",
        thema="",
        taal="nl",
        vertaling_ontbreekt=True,
    )


def _first_go_live(roots: Sequence[str], now: datetime.datetime):
    from django.db.models import Min, Q

    from contenthub.models import ProductPage

    in_roots = Q()
    for root in roots:
        in_roots |= Q(path__startswith=root)
    return ProductPage.objects.filter(
        in_roots, live=True, go_live_at__gt=now
    ).aggregate(first=Min("go_live_at"))["first"]


def _next_midnight(now: datetime.datetime) -> datetime.datetime:
    from django.utils import timezone

    local = timezone.localtime(now)
    tomorrow = local.date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time(), tzinfo=local.tzinfo)


def documents_for_site(site: Site, taal: str = "nl") -> list[ProductDocument]:
    """The documents of the products ``site`` serves (benchmarks, tools)."""
    return site_catalogue(site, taal).documents


def default_contact_for_site(
    site: Site, *, contact_ids: Sequence[int | None] | None = None
) -> Contactgegevens | None:
    """The site's general contactpunt for a handover.

    ``CHATBOT_CONTACTPUNT`` names it; without that setting it is the
    contactpunt that answers for most of the site's live products (in
    practice the gemeente's general desk, such as Publiekszaken).
    """
    from django.conf import settings

    from contenthub.models import Contactpunt
    from contenthub.talen import SOURCE_LANGUAGE

    naam = getattr(settings, "CHATBOT_CONTACTPUNT", "")
    # The Dutch one: an English version may carry the same name.
    contactpunt = (
        Contactpunt.objects.filter(
            naam=naam, site=site, locale__language_code=SOURCE_LANGUAGE
        ).first()
        if naam
        else None
    )
    if contactpunt is None:
        if contact_ids is None:
            contact_ids = live_products(site).values_list("contact_id", flat=True)
        counts = Counter(contact_id for contact_id in contact_ids if contact_id)
        if counts:
            # Most products first; on a tie, the lowest id (the oldest desk).
            contact_id = min(counts, key=lambda pk: (-counts[pk], pk))
            contactpunt = Contactpunt.objects.filter(pk=contact_id).first()
    if contactpunt is None:
        return None
    return Contactgegevens(
        naam=contactpunt.naam,
        telefoon=contactpunt.telefoon,
        afspraak_url=contactpunt.afspraak_url,
        contactformulier_url=contactpunt.contactformulier_url,
    )
