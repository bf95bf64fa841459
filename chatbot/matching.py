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
import json
import math
from dataclasses import dataclass, field
from functools import cache
from operator import countOf, itemgetter
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .index import CatalogueIndex
from .landen import country_positions
from .normalise import split_compound, stem, stopwords, words
from .synonyms import SynonymTable, default_table

K1 = 3.0
"""BM25 saturation: a second mention of a word adds less than the first."""

DREMPEL = 0.12
"""Default threshold on the score; set ``CHATBOT_DREMPEL`` to change it."""

MIN_EVIDENCE_SHARE = 0.08
"""A question must carry at least the evidence of one word that only 8% of
the products use. Without this floor "hoe laat is het" would be fully
explained by any product that mentions "laat"; a single rare word
("ondertrouw") still is. As a share of the products, the floor means the
same in a catalogue of 50 and of 5,000."""

UNKNOWN_WEIGHT = 0.75
"""How much a word the catalogue does not know counts against the score."""

IDF_POWER = 1.5
"""The idf is raised to this power: rare words (the object of a question,
"hondenpenning") outweigh words many products share ("kwijt", "aanvragen")
more than in plain BM25. Fitted on the development set."""

NAME_BONUS = 0.25
"""Added when the question is exactly a product's title, UPL name or one of
its zoektermen (after normalising): the citizen named the product."""

NATIONAL_FACTOR = 0.9
"""Scores of other organisations' products count at this share: the
gemeente's own product wins a near tie. Fitted on the development set."""

PHRASE_BONUS = 0.0
"""Added to the score when the question holds a whole multi-word name or
zoekterm of the product ("rijbewijs kwijt"): strong evidence, whatever else
the question says."""

MIN_EVIDENCE = math.log(1 + (1 - MIN_EVIDENCE_SHARE) / MIN_EVIDENCE_SHARE)

SYNONYM_WEIGHT = 1.0
SYNONYM_OF_KNOWN_WEIGHT = 0.5
"""A synonym of words the catalogue knows already only adds a hint."""
COUNTRY_WEIGHT = 2.0
"""Weight of "buitenland" added for a foreign country's name. Set by hand
(the fit on dev chose 1.0, not a strict optimum) so that "ik ga naar
Duitsland verhuizen" is emigration, the invariant the tests pin."""
COMPOUND_WEIGHT = 0.7
FUZZY_WEIGHT = 0.7
MAX_ALTERNATIVES = 3
RERANK_DEPTH = 6
"""The learned reranker orders this many best candidates by match score."""
NAME_ORGANISATION_SHARE = 0.6
"""When the learned decision hands over, another organisation's product
that scored at least this share of the gemeente's best is named as the one
that handles the question."""


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
    instantie: str = ""
    """Non-empty when this is not the gemeente's product: who handles it."""


@dataclass(frozen=True, slots=True)
class Match:
    kandidaten: tuple[Kandidaat, ...]
    """Best first; at most ``1 + MAX_ALTERNATIVES``."""
    fallback: bool
    analyse: Analyse
    buiten: Kandidaat | None = None
    """A product of another organisation that explains the question better
    than any of the gemeente's (then ``fallback`` is true)."""
    kenmerken: dict[str, float] = field(default_factory=dict)
    """The features of the hand-over decision (``BESLISSING``)."""
    kans_buiten: float = 0.0
    """The learned decision's probability that no product of the gemeente
    answers this question."""
    rijen: tuple[dict, ...] = ()
    """With ``keep_rows``: the features of the ``RERANK_DEPTH`` best
    candidates by match score (before reranking), each with its ``slug``."""
    vraag_kenmerken: dict[str, float] = field(default_factory=dict)
    """Features of the question itself (unknown words, other organisations)."""

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
    taal = index.taal
    word_stem = stem(word, taal)
    if word_stem in index.postings:
        resolved = ((word_stem, 1.0, "woord"),)
    else:
        # Compounds are split in Dutch only ("parkeerkaart"); English writes
        # its compounds as separate words ("parking permit").
        parts = split_compound(word, index.is_known) if taal == "nl" else None
        if parts:
            resolved = tuple(
                (stem(part, taal), COMPOUND_WEIGHT, "samenstelling") for part in parts
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


ABROAD = {"nl": "buitenland", "en": "abroad"}
"""The catalogue's word for "another country", per language."""


def analyse(
    vraag: str, index: CatalogueIndex, *, synonyms: SynonymTable | None = None
) -> Analyse:
    taal = index.taal
    skip = stopwords(taal)
    question_words = words(vraag)
    if synonyms is None:
        synonyms = default_table(taal)
    expansion = synonyms.expand(question_words)
    best: dict[str, Term] = {}
    unknown: list[str] = []

    def add(term: Term) -> None:
        if term.stem not in best or best[term.stem].gewicht < term.gewicht:
            best[term.stem] = term

    countries = country_positions(question_words, taal)
    # A synonym explains a word only when the catalogue knows what it stands
    # for: "gejat" means "gestolen" or "kwijt", and in a catalogue that has
    # neither, "gejat" is as unknown as any other word.
    explained = frozenset(
        position
        for toevoeging in expansion.toevoegingen
        if any(
            word not in skip and stem(word, taal) in index.postings
            for word in toevoeging.woorden
        )
        for position in toevoeging.posities
    )
    for position, word in enumerate(question_words):
        if word in skip or word.isdigit() or position in countries:
            continue
        resolved = resolve_word(word, index)
        if not resolved:
            if position not in explained:
                unknown.append(word)
            continue
        for word_stem, weight, source in resolved:
            add(Term(word_stem, weight, source))
    # A foreign country means "buitenland", but only in a question that is
    # about something the catalogue knows ("naar Duitsland verhuizen"), not
    # in "wat is de hoofdstad van Frankrijk".
    abroad = stem(ABROAD.get(taal, ABROAD["nl"]), taal)
    if countries and best and abroad in index.postings:
        add(Term(abroad, COUNTRY_WEIGHT, "synoniem"))
    for toevoeging in expansion.toevoegingen:
        explains_known = all(
            index.is_known(question_words[p]) for p in toevoeging.posities
        )
        weight = SYNONYM_OF_KNOWN_WEIGHT if explains_known else SYNONYM_WEIGHT
        for word in toevoeging.woorden:
            if word in skip:
                continue
            word_stem = stem(word, taal)
            if word_stem in index.postings:
                add(Term(word_stem, weight, "synoniem"))
    return Analyse(termen=tuple(best.values()), onbekend=tuple(unknown))


def match(
    vraag: str,
    index: CatalogueIndex,
    *,
    drempel: float = DREMPEL,
    synonyms: SynonymTable | None = None,
    model: dict | None = None,
    keep_rows: bool = False,
) -> Match:
    """Rank the products of ``index`` for ``vraag``; fall back below ``drempel``
    or when the learned decision says no product of the gemeente answers it.

    ``model`` replaces the shipped ``data/beslissing.json`` (the fitting
    script passes ``{}``: no reranking, no learned decision); ``keep_rows``
    keeps every candidate's features on the result (for fitting)."""
    result = analyse(vraag, index, synonyms=synonyms)
    if not index.documents:
        return Match(kandidaten=(), fallback=True, analyse=result, kans_buiten=1.0)
    scores: dict[int, float] = {}
    maximum = 0.0
    for term in result.termen:
        idf = index.idf[term.stem] ** IDF_POWER
        maximum += term.gewicht * idf * (K1 + 1)
        weight = term.gewicht * idf
        saturated = _saturated(index, term.stem)
        if not scores:
            scores = {position: weight * value for position, value in saturated.items()}
            continue
        get = scores.get
        for position, value in saturated.items():
            scores[position] = get(position, 0.0) + weight * value
    maximum += (
        len(result.onbekend) * UNKNOWN_WEIGHT * index.max_idf**IDF_POWER * (K1 + 1)
    )
    maximum = max(maximum, MIN_EVIDENCE**IDF_POWER * (K1 + 1))
    if not scores or maximum <= 0:
        return Match(kandidaten=(), fallback=True, analyse=result, kans_buiten=1.0)
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
    named = frozenset(term.stem for term in result.termen if term.bron == "woord")
    for position in index.names.get(named, ()):
        if position in coverage:
            coverage[position] += NAME_BONUS
    national = [
        (position, coverage.pop(position) * NATIONAL_FACTOR)
        for position in coverage.keys() & index.national_positions
    ]
    national_raw = 0.0
    national_position = None
    if national:
        national_position, national_raw = min(
            national, key=lambda item: (-item[1], item[0])
        )
    named_positions = frozenset(index.names.get(named, ()))
    raw_ranked = _best(coverage, RERANK_DEPTH)
    best_raw = raw_ranked[0][1] if raw_ranked else 0.0
    rijen = tuple(
        candidate_features(
            result,
            index,
            position=position,
            raw=raw,
            rank=rank,
            best_raw=best_raw,
            named=position in named_positions,
            phrase=position in with_phrase,
        )
        for rank, (position, raw) in enumerate(raw_ranked)
    )
    vraag_kenmerken = question_features(result, index, national_raw=national_raw)
    if model is None:
        # Fitted on Dutch questions only: an English question keeps the
        # match score and the threshold.
        model = beslissing() if index.taal == "nl" else {}
    order, kans, kenmerken = decide(rijen, vraag_kenmerken, model)
    ranked = [raw_ranked[i] for i in order][: 1 + MAX_ALTERNATIVES]
    kandidaten = tuple(_kandidaat(index, position, value) for position, value in ranked)
    best_score = kandidaten[0].score if kandidaten else 0.0
    top_raw = ranked[0][1] if ranked else 0.0
    buiten = None
    drempel_model = model.get("beslissing", {}).get("drempel", 1.0)
    model_says = kans >= drempel_model and not (rijen and rijen[order[0]]["naam"])
    # Another organisation's product explains the question better (unless the
    # fitted model leaves that to the learned decision, "nationaal_wint"), or
    # the learned decision says the gemeente has no answer and that product
    # comes close: say who handles it.
    national_wins = model.get("nationaal_wint", True) and national_raw > top_raw
    if (
        national_position is not None
        and national_raw >= drempel
        and (
            national_wins
            or (model_says and national_raw >= NAME_ORGANISATION_SHARE * top_raw)
        )
    ):
        buiten = _kandidaat(index, national_position, national_raw)
    return Match(
        kandidaten=kandidaten,
        fallback=buiten is not None or best_score < drempel or model_says,
        analyse=result,
        buiten=buiten,
        kenmerken=kenmerken,
        kans_buiten=kans,
        rijen=tuple(
            {**rij, "slug": index.documents[position].slug}
            for rij, (position, _) in zip(rijen, raw_ranked, strict=True)
        )
        if keep_rows
        else (),
        vraag_kenmerken=vraag_kenmerken,
    )


def prepare(index: CatalogueIndex) -> CatalogueIndex:
    """Apply the saturation to every posting once, when the index is built,
    so no question pays for it (``index_for_site`` calls this)."""
    for word_stem in index.postings:
        _saturated(index, word_stem)
    index.national_only_stems  # noqa: B018 (computed once, here)
    return index


def _saturated(index: CatalogueIndex, word_stem: str) -> dict[int, float]:
    """The postings of ``word_stem`` with BM25's saturation applied, computed
    once per stem and index (the same for every question)."""
    saturated = index._saturated.get(word_stem)
    if saturated is None:
        saturated = {
            position: frequency * (K1 + 1) / (frequency + K1)
            for position, frequency in index.postings[word_stem].items()
        }
        index._saturated[word_stem] = saturated
    return saturated


def _best(coverage: dict[int, float], n: int) -> list[tuple[int, float]]:
    """The ``n`` best (position, score) pairs, best first; of equal scores the
    lowest position first. One pass in C, then only the ties are sorted."""
    if len(coverage) <= n:
        return sorted(coverage.items(), key=lambda item: (-item[1], item[0]))
    top = heapq.nlargest(n, coverage.items(), key=itemgetter(1))
    cutoff = top[-1][1]
    if countOf(coverage.values(), cutoff) == countOf((v for _, v in top), cutoff):
        # No score outside ``top`` equals its lowest: only ``top`` can rank.
        return sorted(top, key=lambda item: (-item[1], item[0]))
    near = [item for item in coverage.items() if item[1] >= cutoff]
    return sorted(near, key=lambda item: (-item[1], item[0]))[:n]


BESLISSING_JSON = Path(__file__).resolve().parent / "data" / "beslissing.json"


@cache
def beslissing() -> dict:
    """The learned reranker and hand-over decision (``data/beslissing.json``):
    two logistic regressions over ``candidate_features`` and
    ``question_features``, fitted by ``bench/chatbot_beslissing.py`` on the
    shipped development questions, their settings chosen by cross-validation.
    Without the file nothing is reranked and the decision never fires."""
    if not BESLISSING_JSON.exists():
        return {}
    return json.loads(BESLISSING_JSON.read_text(encoding="utf-8"))


def candidate_features(
    result: Analyse,
    index: CatalogueIndex,
    *,
    position: int,
    raw: float,
    rank: int,
    best_raw: float,
    named: bool,
    phrase: bool,
) -> dict[str, float]:
    """What the reranker and the decision know of one candidate, each 0 to 1.

    ``gedekt``: share of the question's words the product has at all;
    ``naamvelden``: idf-weighted share of the question in the product's title,
    UPL name and zoektermen; ``zeldzaam``: the rarest matched word's idf
    against the rarest possible; ``alleen_algemeen``: 1 when every matched
    word is one that many products share (a verb such as "aanvragen").
    """
    termen = result.termen
    total = len(termen) + len(result.onbekend)
    names = index.name_stems[position] if index.name_stems else frozenset()
    covered = 0
    in_names = 0.0
    weight_all = len(result.onbekend) * index.max_idf
    rare = 0.0
    for term in termen:
        idf = index.idf[term.stem]
        weight_all += idf
        if position in index.postings.get(term.stem, {}):
            covered += 1
            rare = max(rare, idf / index.max_idf)
        if term.stem in names:
            in_names += idf
    return {
        "score": min(raw, 1.5),
        "relatief": raw / best_raw if best_raw else 0.0,
        "rang": 1.0 / (1 + rank),
        "gedekt": covered / total if total else 0.0,
        "naamvelden": in_names / weight_all if weight_all else 0.0,
        "zeldzaam": rare,
        "alleen_algemeen": 1.0 if covered and rare < COMMON_IDF_SHARE else 0.0,
        "naam": 1.0 if named else 0.0,
        "frase": 1.0 if phrase else 0.0,
    }


COMMON_IDF_SHARE = 0.45
"""A matched word whose idf is below this share of the rarest word's is one
many products share ("aanvragen", "melden", "kwijt")."""


def question_features(
    result: Analyse, index: CatalogueIndex, *, national_raw: float
) -> dict[str, float]:
    """What the decision knows of the question itself, each 0 to 1 (or 1.5).

    ``alleen_nationaal``: idf-weighted share of the question in words only
    other organisations' products use ("toeslag", "kenteken")."""
    termen = result.termen
    total = len(termen) + len(result.onbekend)
    national_only = index.national_only_stems
    weight_all = len(result.onbekend) * index.max_idf
    weight_national = 0.0
    for term in termen:
        idf = index.idf[term.stem]
        weight_all += idf
        if term.stem in national_only:
            weight_national += idf
    return {
        "onbekend": len(result.onbekend) / total if total else 1.0,
        "woorden": min(sum(1 for t in termen if t.bron == "woord"), 6) / 6,
        "nationaal_score": min(national_raw, 1.5),
        "alleen_nationaal": weight_national / weight_all if weight_all else 0.0,
    }


def _logistic(weights: dict, values: dict[str, float]) -> float:
    z = weights.get("intercept", 0.0) + sum(
        w * values.get(name, 0.0) for name, w in weights.get("gewichten", {}).items()
    )
    return 1 / (1 + math.exp(-max(min(z, 50.0), -50.0)))


def decide(
    rijen: tuple[dict[str, float], ...],
    vraag_kenmerken: dict[str, float],
    model: dict,
) -> tuple[list[int], float, dict[str, float]]:
    """Rerank the candidates and decide: (new order of ``rijen``, probability
    that no product of the gemeente answers the question, the decision's
    features). Pure, so the fitting script uses exactly this.

    With a reranker, a candidate the question names (title, UPL name or
    zoekterm) stays first whatever it says: the first invariant of the tests."""
    if not rijen:
        return [], 1.0, {}
    rangorde = model.get("rangorde")
    if rangorde:
        kansen = [_logistic(rangorde, rij) for rij in rijen]
        order = sorted(
            range(len(rijen)), key=lambda i: (-rijen[i]["naam"], -kansen[i], i)
        )
    else:
        # No reranker: the match score's order, as it was.
        kansen = [rij["relatief"] for rij in rijen]
        order = list(range(len(rijen)))
    top = rijen[order[0]]
    second = kansen[order[1]] if len(order) > 1 else 0.0
    kenmerken = {
        **{f"top_{name}": value for name, value in top.items() if name != "slug"},
        **vraag_kenmerken,
        "zekerheid": kansen[order[0]],
        "marge": kansen[order[0]] - second,
        "nationaal": min(
            vraag_kenmerken.get("nationaal_score", 0.0) / top["score"], 2.0
        )
        if top["score"]
        else 0.0,
    }
    beslis = model.get("beslissing")
    kans = _logistic(beslis, kenmerken) if beslis else 0.0
    return order, kans, kenmerken


def _kandidaat(index: CatalogueIndex, position: int, value: float) -> Kandidaat:
    document = index.documents[position]
    return Kandidaat(
        slug=document.slug,
        title=document.title,
        upl_naam=document.upl_naam,
        page_id=document.page_id,
        score=round(min(value, 1.0), 3),
        position=position,
        instantie=document.instantie,
    )
