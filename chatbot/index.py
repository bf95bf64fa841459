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

import html
import math
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .normalise import content_words, split_compound, stem

if TYPE_CHECKING:
    from wagtail.models import Site

    from contenthub.structured import ProductSnapshot

FIELD_WEIGHTS = {
    "title": 3.0,
    "upl_naam": 2.5,
    "zoektermen": 3.0,
    "vragen": 2.0,
    "kort_antwoord": 1.0,
    "thema": 0.5,
    "tekst": 0.4,
}
"""How much a word counts by where it stands.

The name, the UPL name, the zoektermen and the questions are what citizens
ask for; the body text only adds context (and many words that every product
shares), so it counts for little.
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


@dataclass(frozen=True, slots=True)
class Contactgegevens:
    """Where a citizen reaches a person (from the Contactpunt snippet)."""

    naam: str
    telefoon: str = ""
    afspraak_url: str = ""
    contactformulier_url: str = ""


@dataclass(frozen=True, slots=True)
class ProductDocument:
    """What the index reads of one product."""

    slug: str
    title: str
    upl_naam: str
    zoektermen: tuple[str, ...] = ()
    vragen: tuple[str, ...] = ()
    kort_antwoord: str = ""
    tekst: str = ""
    thema: str = ""
    page_id: int | None = None
    contact: Contactgegevens | None = None


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
    default_contact: Contactgegevens | None = None
    version: str = ""
    _resolved: dict[str, tuple[tuple[str, float, str], ...]] = field(
        default_factory=dict, repr=False
    )

    @cached_property
    def positions_by_page_id(self) -> dict[int, int]:
        return {
            document.page_id: position
            for position, document in enumerate(self.documents)
            if document.page_id is not None
        }

    @property
    def max_idf(self) -> float:
        return _idf(len(self.documents), 1)

    def is_known(self, word: str) -> bool:
        return word in self.word_stems or stem(word) in self.postings


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
) -> CatalogueIndex:
    """Index ``documents``; pure Python, so benchmarks and tests need no database."""
    documents = tuple(documents)
    word_stems: dict[str, str] = {}
    # Per document: (folded word, weight, from a low field) in reading order.
    occurrences: list[list[tuple[str, float, bool]]] = []
    document_phrases: list[set[frozenset[str]]] = []
    for document in documents:
        seen: list[tuple[str, float, bool]] = []
        phrases: set[frozenset[str]] = set()
        for field_name, text in _field_texts(document):
            weight = FIELD_WEIGHTS[field_name]
            is_low = field_name in LOW_FIELDS
            field_stems = []
            for word in content_words(text):
                field_stems.append(word_stems.setdefault(word, stem(word)))
                seen.append((word, weight, is_low))
            if field_name in PHRASE_FIELDS and len(set(field_stems)) > 1:
                phrases.add(frozenset(field_stems))
        occurrences.append(seen)
        document_phrases.append(phrases)

    # Compound parts are split against the whole catalogue's vocabulary: a
    # product about an "afvalcontainer" is found by "container" too.
    known_stems = set(word_stems.values())

    def is_known(part: str) -> bool:
        return part in word_stems or stem(part) in known_stems

    split_cache: dict[str, tuple[str, ...] | None] = {}
    postings: dict[str, dict[int, float]] = defaultdict(dict)
    for position, seen in enumerate(occurrences):
        high: Counter[str] = Counter()
        low: Counter[str] = Counter()
        for word, weight, is_low in seen:
            target = low if is_low else high
            target[word_stems[word]] += weight
            if len(word) < MIN_COMPOUND_LENGTH:
                continue
            if word not in split_cache:
                split_cache[word] = split_compound(word, is_known)
            for part in split_cache[word] or ():
                target[stem(part)] += weight * COMPOUND_PART_WEIGHT
        for word_stem, frequency in low.items():
            high[word_stem] += min(frequency, LOW_FIELD_CAP)
        for word_stem, frequency in high.items():
            postings[word_stem][position] = frequency

    document_frequency = {term: len(docs) for term, docs in postings.items()}
    idf = {
        term: _idf(len(documents), frequency)
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
        default_contact=default_contact,
        version=version,
    )


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
        contact=Contactgegevens(
            naam=contact.naam,
            telefoon=contact.telefoon,
            afspraak_url=contact.afspraak_url,
            contactformulier_url=contact.contactformulier_url,
        )
        if contact
        else None,
    )


# --- Django: one index per site and catalogue version, per process ---------

_lock = threading.Lock()
_indexes: dict[int, CatalogueIndex] = {}


def clear_indexes() -> None:
    """Forget the indexes of this process (tests, benchmarks)."""
    with _lock:
        _indexes.clear()


def index_for_site(site: Site) -> CatalogueIndex:
    """The index of ``site``'s live, public products with a stored chatbot rendering."""
    from contenthub.catalogue import catalogue_version

    version = catalogue_version()
    index = _indexes.get(site.pk)
    if index is not None and index.version == version:
        return index
    with _lock:
        index = _indexes.get(site.pk)
        if index is None or index.version != version:
            index = build_index(
                documents_for_site(site),
                default_contact=default_contact_for_site(site),
                version=version,
            )
            _indexes[site.pk] = index
    return index


def live_products(site: Site):
    """The site's live products (the one rule, ``contenthub.catalogue``) whose
    chatbot rendering is stored."""
    from contenthub import catalogue

    return catalogue.live_products(site=site).filter(
        renderings__channel="chatbot", renderings__variant=""
    )


def documents_for_site(site: Site) -> list[ProductDocument]:
    from contenthub.structured import product_snapshot

    pages = (
        live_products(site)
        .select_related("contact")
        .prefetch_related("zoektermen", "locaties")
    )
    return [document_from_snapshot(product_snapshot(page)) for page in pages]


def default_contact_for_site(site: Site) -> Contactgegevens | None:
    """The site's general contactpunt for a handover.

    ``CHATBOT_CONTACTPUNT`` names it; without that setting it is the
    contactpunt that answers for most of the site's live products (in
    practice the gemeente's general desk, such as Publiekszaken).
    """
    from django.conf import settings

    from contenthub.models import Contactpunt

    naam = getattr(settings, "CHATBOT_CONTACTPUNT", "")
    contactpunt = (
        Contactpunt.objects.filter(naam=naam, site=site).first() if naam else None
    )
    if contactpunt is None:
        counts = Counter(
            contact_id
            for contact_id in live_products(site).values_list("contact_id", flat=True)
            if contact_id
        )
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
