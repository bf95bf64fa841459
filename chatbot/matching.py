"""Score the products of an index against a question; decide when to hand over.

Each word of the question becomes one or more weighted stems: the word
itself when the catalogue knows it, else its compound parts, else the
nearest catalogue word within a few typing errors (``rapidfuzz``, optimal
string alignment, so a swapped pair of letters is one error). Synonyms add
the catalogue's words for colloquial ones.

A product scores like BM25 without length normalisation (the fields are
short and weighted already): for every stem, weight * idf * saturated,
field-weighted frequency. The **score** is that sum divided by the most the
question could have scored: the share of the question a product explains,
from 0 to 1. Words the catalogue does not know count in that maximum too,
at ``UNKNOWN_WEIGHT``, so "wie wint het WK" explains nothing and a long
question with one catalogue word explains little. Below ``DREMPEL`` the
chatbot hands over to a person. How the threshold was chosen is in
``chatbot/README.md``.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .index import CatalogueIndex
from .normalise import STOPWOORDEN, split_compound, stem, words
from .synonyms import SynonymTable, default_table

K1 = 1.2
"""BM25 saturation: a second mention of a word adds less than the first."""

DREMPEL = 0.30
"""Default threshold on the score; set ``CHATBOT_DREMPEL`` to change it."""

MIN_EVIDENCE_SHARE = 0.08
"""A question must carry at least the evidence of one word that only 8% of
the products use. Without this floor "hoe laat is het" would be fully
explained by any product that mentions "laat"; a single rare word
("ondertrouw") still is. As a share of the products, the floor means the
same in a catalogue of 50 and of 5,000."""

UNKNOWN_WEIGHT = 0.75
"""How much a word the catalogue does not know counts against the score."""

PHRASE_BONUS = 0.15
"""Added to the score when the question holds a whole multi-word name or
zoekterm of the product ("rijbewijs kwijt"): strong evidence, whatever else
the question says."""

MIN_EVIDENCE = math.log(1 + (1 - MIN_EVIDENCE_SHARE) / MIN_EVIDENCE_SHARE)

SYNONYM_WEIGHT = 1.0
SYNONYM_OF_KNOWN_WEIGHT = 0.5
"""A synonym of words the catalogue knows already only adds a hint."""
COMPOUND_WEIGHT = 0.7
FUZZY_WEIGHT = 0.7
MAX_ALTERNATIVES = 3


@dataclass(frozen=True, slots=True)
class Term:
    stem: str
    gewicht: float
    bron: str
    """"woord", "synoniem", "samenstelling" or "tikfout"."""


@dataclass(frozen=True, slots=True)
class Analyse:
    termen: tuple[Term, ...]
    onbekend: tuple[str, ...]
    """Content words the catalogue does not know and no synonym explains."""


@dataclass(frozen=True, slots=True)
class Kandidaat:
    slug: str
    title: str
    upl_naam: str
    page_id: int | None
    score: float
    """Share of the question this product explains, 0 to 1."""
    position: int
    """Position in the index's documents."""


@dataclass(frozen=True, slots=True)
class Match:
    kandidaten: tuple[Kandidaat, ...]
    """Best first; at most ``1 + MAX_ALTERNATIVES``."""
    fallback: bool
    analyse: Analyse

    @property
    def best(self) -> Kandidaat | None:
        return self.kandidaten[0] if self.kandidaten else None

    @property
    def score(self) -> float:
        return self.kandidaten[0].score if self.kandidaten else 0.0


def max_edits(word: str) -> int:
    """Typing errors tolerated in a word: none up to 4 letters, then 1, 2, 3.

    Short words are left alone: "grap" is one letter from "gras", and
    "morgen" one from "zorgen".
    """
    if len(word) < 5:
        return 0
    if len(word) < 8:
        return 1
    if len(word) < 12:
        return 2
    return 3


def resolve_word(
    word: str, index: CatalogueIndex
) -> tuple[tuple[str, float, str], ...]:
    """The stems a folded word stands for in ``index``, with weight and source."""
    cached = index._resolved.get(word)
    if cached is not None:
        return cached
    resolved: tuple[tuple[str, float, str], ...] = ()
    word_stem = stem(word)
    if word_stem in index.postings:
        resolved = ((word_stem, 1.0, "woord"),)
    else:
        parts = split_compound(word, index.is_known)
        if parts:
            resolved = tuple(
                (stem(part), COMPOUND_WEIGHT, "samenstelling") for part in parts
            )
        elif (edits := max_edits(word)) and word[0] in index.fuzzy_words:
            # Citizens rarely mistype the first letter; comparing only with
            # words that start with it avoids most false friends and is faster.
            found = process.extract(
                word,
                index.fuzzy_words[word[0]],
                scorer=OSA.distance,
                score_cutoff=edits,
                limit=8,
            )
            if found:
                # Fewest errors first; then the word most products use.
                choice, distance, _ = min(
                    found,
                    key=lambda hit: (
                        hit[1],
                        -index.document_frequency.get(index.word_stems[hit[0]], 0),
                        hit[0],
                    ),
                )
                weight = FUZZY_WEIGHT * (1 - distance / (len(word) + 1))
                resolved = ((index.word_stems[choice], weight, "tikfout"),)
    if len(index._resolved) < 50_000:
        index._resolved[word] = resolved
    return resolved


def analyse(
    vraag: str, index: CatalogueIndex, *, synonyms: SynonymTable | None = None
) -> Analyse:
    question_words = words(vraag)
    expansion = (synonyms or default_table()).expand(question_words)
    best: dict[str, Term] = {}
    unknown: list[str] = []

    def add(term: Term) -> None:
        if term.stem not in best or best[term.stem].gewicht < term.gewicht:
            best[term.stem] = term

    for position, word in enumerate(question_words):
        if word in STOPWOORDEN or word.isdigit():
            continue
        resolved = resolve_word(word, index)
        if not resolved:
            if position not in expansion.vervangen:
                unknown.append(word)
            continue
        for word_stem, weight, source in resolved:
            add(Term(word_stem, weight, source))
    for toevoeging in expansion.toevoegingen:
        explains_known = all(
            index.is_known(question_words[p]) for p in toevoeging.posities
        )
        weight = SYNONYM_OF_KNOWN_WEIGHT if explains_known else SYNONYM_WEIGHT
        for word in toevoeging.woorden:
            if word in STOPWOORDEN:
                continue
            word_stem = stem(word)
            if word_stem in index.postings:
                add(Term(word_stem, weight, "synoniem"))
    return Analyse(termen=tuple(best.values()), onbekend=tuple(unknown))


def match(
    vraag: str,
    index: CatalogueIndex,
    *,
    drempel: float = DREMPEL,
    synonyms: SynonymTable | None = None,
) -> Match:
    """Rank the products of ``index`` for ``vraag``; fall back below ``drempel``."""
    result = analyse(vraag, index, synonyms=synonyms)
    scores: dict[int, float] = {}
    maximum = 0.0
    for term in result.termen:
        idf = index.idf[term.stem]
        maximum += term.gewicht * idf * (K1 + 1)
        for position, frequency in index.postings[term.stem].items():
            scores[position] = scores.get(position, 0.0) + (
                term.gewicht * idf * frequency * (K1 + 1) / (frequency + K1)
            )
    maximum += len(result.onbekend) * UNKNOWN_WEIGHT * index.max_idf * (K1 + 1)
    maximum = max(maximum, MIN_EVIDENCE * (K1 + 1))
    if not scores or maximum <= 0:
        return Match(kandidaten=(), fallback=True, analyse=result)
    coverage = {position: raw / maximum for position, raw in scores.items()}
    question_stems = {term.stem for term in result.termen}
    with_phrase = {
        position
        for term in result.termen
        for position, phrase in index.phrases.get(term.stem, ())
        if phrase <= question_stems
    }
    for position in with_phrase:
        coverage[position] += PHRASE_BONUS
    ranked = heapq.nsmallest(
        1 + MAX_ALTERNATIVES,
        coverage.items(),
        key=lambda item: (-item[1], item[0]),
    )
    kandidaten = tuple(
        Kandidaat(
            slug=index.documents[position].slug,
            title=index.documents[position].title,
            upl_naam=index.documents[position].upl_naam,
            page_id=index.documents[position].page_id,
            score=round(min(value, 1.0), 3),
            position=position,
        )
        for position, value in ranked
    )
    return Match(
        kandidaten=kandidaten,
        fallback=kandidaten[0].score < drempel,
        analyse=result,
    )
