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
import html
import math
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

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
    default_contact: Contactgegevens | None = None
    version: str = ""
    reference_documents: int = 0
    """Documents of the reference collection counted in every idf."""
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

    @cached_property
    def max_idf(self) -> float:
        """The idf of a word that one document uses: what an unknown word costs."""
        return _idf(self.reference_documents + len(self.documents), 1)

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
    reference: Reference | None = None,
) -> CatalogueIndex:
    """Index ``documents``; pure Python, so benchmarks and tests need no database.

    ``reference`` (``None``: the shipped national reference) is counted in
    every idf; ``NO_REFERENCE`` uses the documents alone.
    """
    if reference is None:
        reference = default_reference()
    documents = tuple(documents)
    word_stems: dict[str, str] = {}
    # Per document: (folded word, weight, from a low field) in reading order.
    occurrences: list[list[tuple[str, float, bool]]] = []
    document_phrases: list[set[frozenset[str]]] = []
    names: dict[frozenset[str], list[int]] = defaultdict(list)
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
            if field_name in PHRASE_FIELDS and field_stems:
                holders = names[frozenset(field_stems)]
                if not holders or holders[-1] != len(occurrences):
                    holders.append(len(occurrences))
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
        default_contact=default_contact,
        version=version,
        reference_documents=reference_documents,
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

    version = catalogue_version(site=site)
    index = _indexes.get(site.pk)
    if index is not None and index.version == version:
        return index
    with _lock:
        index = _indexes.get(site.pk)
        if index is None or index.version != version:
            index = build_index(
                [*documents_for_site(site), *extra_documents()],
                default_contact=default_contact_for_site(site),
                version=version,
            )
            _indexes[site.pk] = index
    return index


def extra_documents() -> tuple[ProductDocument, ...]:
    """The products that are not the gemeente's (``CHATBOT_INSTANTIES``, on by
    default): a question about one of them is answered with who handles it."""
    from django.conf import settings

    if not getattr(settings, "CHATBOT_INSTANTIES", True):
        return ()
    from .instanties import national_documents

    return national_documents()


def live_products(site: Site):
    """The site's live products (the one rule, ``contenthub.catalogue``) whose
    chatbot rendering is stored with the gate's approval."""
    from contenthub import catalogue

    return catalogue.live_products(site=site).filter(
        renderings__channel="chatbot",
        renderings__variant="",
        renderings__verdict_id__isnull=False,
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
