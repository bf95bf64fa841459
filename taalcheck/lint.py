"""LiNT-style features of a text, without a parser.

LiNT (Leesbaarheidsinstrument voor Nederlandse Teksten; Pander Maat, Kraf,
Van den Bosch et al., 2014-2023; LiNT-II: https://github.com/vanboefer/lint_ii,
EUPL-1.2) predicts comprehension from four features: the average log word
frequency of content words, the longest syntactic dependency, content words
per clause, and the share of concrete nouns. Its published formula (in
``lint_ii/core/lint_scorer.py``) is

    LiNT = 100 - (3.204 + 15.845 freq - 1.331 sdl - 3.829 cw + 13.096 conc)

with ``freq`` the log10 SUBTLEX-NL frequency. We compute our own stand-ins
for the four features, fast and without a model (no code of LiNT-II is
used):

- ``frequentie``: mean Zipf value (wordfreq, Dutch) of the content words
  minus 1.36, which turns a Zipf value into a log10 count in a corpus the
  size of SUBTLEX-NL (43.8 million words). Names, numbers and glossary terms
  are left out; an inflected form counts as its basic form when that is
  more frequent, a compound as its rarest part (``lexicon``), and an
  unknown word as Zipf 1.
- ``afhankelijkheid``: stand-in for the dependency length: the longest
  clause of the text in words (a clause ends at a comma, semicolon, colon,
  bracket or dash, or before a subordinating conjunction).
- ``inhoudswoorden_per_deelzin``: content words per clause; a clause is a
  sentence plus one per clause marker (a subordinating conjunction, a
  relative pronoun after a comma or a content word, "om" of "om ... te",
  and "en/maar/want/of/dus" after a comma).
- ``abstract``: stand-in for (1 - concreteness): the share of content words
  with a suffix that makes an abstract noun (-heid, -ing, -tie, -teit,
  -isme, -schap, -nis, ...). The concreteness list of LiNT-II comes from the
  Referentiebestand Nederlands, which is licensed for non-commercial use
  only, so we do not ship it.

The closed word classes (``_FUNCTION_WORDS``) are our own list of Dutch
articles, pronouns, prepositions, coordinating conjunctions, auxiliaries and
adverbs, plus the subordinating conjunctions of ``data/voegwoorden.csv``
(``taalcheck.voegwoorden``, shared with ``passief`` and
``taal.bijzin-vooraan``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import basic_forms, compound_frequency, frequency, zipf_to_frequency
from .text import MAX_WORD, Document
from .voegwoorden import BIJZIN_BEGIN, ONDERSCHIKKEND
from .words import in_glossary

ZIPF_TO_SUBTLEX = 1.36
"""log10(43.8e6 / 1e9): Zipf (per billion) to a log10 count in SUBTLEX-NL."""
_UNKNOWN_ZIPF = 1.0
_GLOSSARY_ZIPF = 4.0
_RAREST_SHARE = 0.2
"""A glossary term counts as a common word (DigiD, pinpas: every reader of
a gemeente text needs them)."""
_COMPOUND_MINIMUM = zipf_to_frequency(3.0)

_CLOSED_CLASSES = frozenset(
    [
        "de",
        "het",
        "een",
        "der",
        "des",
        "den",
        "'t",
        "ik",
        "jij",
        "je",
        "u",
        "hij",
        "zij",
        "ze",
        "wij",
        "we",
        "jullie",
        "men",
        "het",
        "hem",
        "haar",
        "hen",
        "hun",
        "ons",
        "mij",
        "me",
        "mijn",
        "jouw",
        "uw",
        "zijn",
        "haar",
        "onze",
        "ons",
        "hun",
        "zich",
        "zichzelf",
        "elkaar",
        "iemand",
        "niemand",
        "iets",
        "niets",
        "alles",
        "allen",
        "iedereen",
        "ieder",
        "iedere",
        "elk",
        "elke",
        "alle",
        "sommige",
        "enkele",
        "veel",
        "weinig",
        "meer",
        "minder",
        "meest",
        "minst",
        "beide",
        "dit",
        "dat",
        "deze",
        "die",
        "wat",
        "wie",
        "welk",
        "welke",
        "waar",
        "wanneer",
        "hoe",
        "waarom",
        "er",
        "hier",
        "daar",
        "ergens",
        "nergens",
        "overal",
        "aan",
        "achter",
        "bij",
        "binnen",
        "boven",
        "buiten",
        "door",
        "in",
        "langs",
        "met",
        "na",
        "naar",
        "naast",
        "om",
        "onder",
        "op",
        "over",
        "per",
        "rond",
        "sinds",
        "te",
        "tegen",
        "tijdens",
        "tot",
        "tussen",
        "uit",
        "van",
        "vanaf",
        "vanuit",
        "via",
        "voor",
        "zonder",
        "volgens",
        "behalve",
        "dankzij",
        "wegens",
        "vanwege",
        "ondanks",
        "en",
        "of",
        "maar",
        "want",
        "dus",
        "doch",
        "noch",
        "dan",
        "dat",
        "ofwel",
        "zowel",
        "ben",
        "bent",
        "is",
        "zijn",
        "was",
        "waren",
        "geweest",
        "wees",
        "heb",
        "hebt",
        "heeft",
        "hebben",
        "had",
        "hadden",
        "gehad",
        "word",
        "wordt",
        "worden",
        "werd",
        "werden",
        "geworden",
        "kan",
        "kun",
        "kunt",
        "kunnen",
        "kon",
        "konden",
        "gekund",
        "moet",
        "moeten",
        "moest",
        "moesten",
        "mag",
        "mogen",
        "mocht",
        "mochten",
        "wil",
        "wilt",
        "willen",
        "wilde",
        "wilden",
        "zal",
        "zult",
        "zullen",
        "zou",
        "zouden",
        "laat",
        "laten",
        "liet",
        "lieten",
        "ga",
        "gaat",
        "gaan",
        "ging",
        "gingen",
        "niet",
        "geen",
        "wel",
        "ook",
        "nog",
        "al",
        "alleen",
        "zelfs",
        "toch",
        "nu",
        "dan",
        "zo",
        "eens",
        "even",
        "steeds",
        "altijd",
        "nooit",
        "vaak",
        "soms",
        "meestal",
        "weer",
        "ook",
        "daarna",
        "daarom",
        "daardoor",
        "daarmee",
        "daarvoor",
        "daarbij",
        "daarin",
        "daarop",
        "daarvan",
        "hierbij",
        "hiervoor",
        "hiermee",
        "hierin",
        "hierover",
        "hiervan",
        "waarbij",
        "waarin",
        "waarmee",
        "waarop",
        "waarvan",
        "waarvoor",
        "waardoor",
        "waarna",
        "erg",
        "heel",
        "zeer",
        "vrij",
        "bijna",
        "ongeveer",
        "echter",
        "immers",
        "namelijk",
        "ook",
        "dus",
        "toch",
        "misschien",
        "waarschijnlijk",
        "natuurlijk",
        "inmiddels",
        "reeds",
        "tevens",
        "ja",
        "nee",
        "graag",
    ]
)
_FUNCTION_WORDS = _CLOSED_CLASSES | ONDERSCHIKKEND
_RELATIVE_ADVERBS = frozenset(
    [
        "waardoor",
        "waarin",
        "waarmee",
        "waarbij",
        "waarop",
        "waarvan",
        "waarvoor",
        "waarna",
        "waaraan",
        "welke",
    ]
)
"""Relative adverbs (and "welke"): like a subordinating conjunction, they
start a clause wherever they stand."""
_RELATIVES = frozenset(("die", "dat", "wat", "waar"))
_COORDINATORS = frozenset(("en", "maar", "want", "of", "dus"))
_NO_CLAUSE_BEFORE = frozenset(
    [
        "de",
        "het",
        "een",
        "in",
        "op",
        "aan",
        "bij",
        "met",
        "van",
        "voor",
        "uit",
        "naar",
        "door",
        "over",
        "om",
        "onder",
        "tot",
        "na",
        "tegen",
        "tussen",
        "zonder",
        "dan",
    ]
)
_SENTENCE_ENDS = (".", "!", "?")
_BREAK_RE = re.compile(r"[,;:()–—]")  # noqa: RUF001 (Dutch typography)
_ABSTRACT_SUFFIXES = (
    "heid",
    "heden",
    "ing",
    "ingen",
    "tie",
    "ties",
    "sie",
    "sies",
    "teit",
    "teiten",
    "isme",
    "schap",
    "schappen",
    "nis",
    "nissen",
    "ering",
    "atie",
    "aties",
    "age",
    "ment",
    "menten",
    "ance",
    "antie",
    "entie",
)


_SUBORDINATE, _RELATIVE, _COORDINATE, _OM, _TE = 1, 2, 3, 4, 5
_ROLES: dict[str, int] = {
    **dict.fromkeys(_COORDINATORS, _COORDINATE),
    **dict.fromkeys(_RELATIVES, _RELATIVE),
    **dict.fromkeys(BIJZIN_BEGIN | _RELATIVE_ADVERBS, _SUBORDINATE),
    "om": _OM,
    "te": _TE,
}
"""The clause role of a word (0: none), looked up once per word."""


@dataclass(frozen=True, slots=True)
class LintFeatures:
    """The four LiNT-style features of a text (see the module docstring)."""

    frequentie: float
    laagste_frequentie: float
    """Mean Zipf value of the rarest fifth of the content words (at least
    one word): the hard words of a text, whatever its length."""
    afhankelijkheid: int
    inhoudswoorden_per_deelzin: float
    abstract: float
    inhoudswoorden: int = 0
    """The number of content words counted (names and numbers left out)."""
    afgesloten_zinnen: int = 0
    """Sentences that end with a full stop, question or exclamation mark: a
    label, a name or an address has none (``taalcheck.metrics``)."""

    def lint_score(self) -> float:
        """The LiNT formula with these stand-ins; 0-100, higher is harder.

        Not the LiNT score itself: the features are proxies, so only its
        direction and rough size carry over (``taalcheck.metrics`` fits
        its own weights).
        """
        value = (
            3.204
            + 15.845 * self.frequentie
            - 1.331 * self.afhankelijkheid
            - 3.829 * self.inhoudswoorden_per_deelzin
            + 13.096 * (1.0 - self.abstract)
        )
        return min(100.0, max(0.0, 100.0 - value))


EMPTY = LintFeatures(0.0, 0.0, 0, 0.0, 0.0)


def lint_features(document: Document, glossary: frozenset[str]) -> LintFeatures:
    """The LiNT-style features of ``document`` (computed once per check).

    One pass over the words with one dict look-up per word (``_kinds_for``:
    the clause role and the content-word facts together); the words are
    unpacked as tuples, which is cheaper than reading their attributes.
    """
    cached = document.memo.get("lint")
    if cached is not None:
        return cached
    zipfs: list[float] = []
    append = zipfs.append
    kinds = _kinds_for(glossary)
    get = kinds.get
    no_clause_before = _NO_CLAUSE_BEFORE
    abstract = 0
    clauses = 0
    longest = 0
    finished = 0
    for sentence in document.sentences:
        clauses += 1
        if sentence.text.rstrip().endswith(_SENTENCE_ENDS):
            finished += 1
        clause_length = 0
        previous = ""
        previous_content = False
        om_open = False
        first = True
        # Offsets (in the block) of commas, brackets and dashes: usually none.
        base = sentence.start
        breaks = [base + match.start() for match in _BREAK_RE.finditer(sentence.text)]
        breaks.reverse()
        next_break = breaks.pop() if breaks else -1
        for _text, start, _end, lower, number, capital in sentence.words:
            comma = False
            if 0 <= next_break < start:
                comma = True
                while 0 <= next_break < start:
                    next_break = breaks.pop() if breaks else -1
            info = get(lower)
            if info is None:
                info = kinds[lower] = _word_info(lower, glossary)
            role, kind = info
            if role and not first:
                marker = False
                if role == _SUBORDINATE:
                    marker = True
                elif role == _RELATIVE:
                    marker = comma or (
                        previous_content and previous not in no_clause_before
                    )
                elif role == _COORDINATE:
                    marker = comma
                elif role == _OM:
                    om_open = True
                elif om_open:  # "te" after "om"
                    marker = True
                    om_open = False
                if marker:
                    clauses += 1
                    comma = True
            if comma:
                if clause_length > longest:
                    longest = clause_length
                clause_length = 0
            clause_length += 1
            if kind is None:
                previous_content = False
            else:
                previous_content = True
                if not number and not (capital and not first):
                    append(kind[0])
                    abstract += kind[1]
            previous = lower
            first = False
        if clause_length > longest:
            longest = clause_length
    content = len(zipfs)
    if not content:
        features = LintFeatures(0.0, 0.0, longest, 0.0, 0.0, afgesloten_zinnen=finished)
    else:
        zipfs.sort()
        rarest = max(1, round(content * _RAREST_SHARE))
        features = LintFeatures(
            frequentie=round(sum(zipfs) / content - ZIPF_TO_SUBTLEX, 3),
            laagste_frequentie=round(sum(zipfs[:rarest]) / rarest, 3),
            afhankelijkheid=longest,
            inhoudswoorden_per_deelzin=round(content / max(1, clauses), 3),
            abstract=round(abstract / content, 4),
            inhoudswoorden=content,
            afgesloten_zinnen=finished,
        )
    document.memo["lint"] = features
    return features


_KINDS: dict[frozenset[str], dict[str, tuple[int, tuple[float, int] | None]]] = {}
_MAX_KINDS = 200_000


def _kinds_for(
    glossary: frozenset[str],
) -> dict[str, tuple[int, tuple[float, int] | None]]:
    """A plain dict per glossary of ``_word_info`` results: a dict look-up
    per word is cheaper than an ``lru_cache`` call. Cleared when it grows
    past ``_MAX_KINDS`` words, so hostile input cannot fill the memory."""
    table = _KINDS.get(glossary)
    if table is None or len(table) > _MAX_KINDS:
        if len(_KINDS) > 8:
            _KINDS.clear()
        table = _KINDS[glossary] = {}
    return table


def _word_info(
    lower: str, glossary: frozenset[str]
) -> tuple[int, tuple[float, int] | None]:
    """The clause role of a word (0: none) and its ``_word_kind``."""
    return _ROLES.get(lower, 0), _word_kind(lower, glossary)


@lru_cache(maxsize=131072)
def _word_kind(lower: str, glossary: frozenset[str]) -> tuple[float, int] | None:
    """``None`` for a function word; else (Zipf value, 1 if abstract)."""
    if lower in _FUNCTION_WORDS or len(lower) > MAX_WORD:
        return None
    is_abstract = int(len(lower) >= 6 and lower.endswith(_ABSTRACT_SUFFIXES))
    if in_glossary(lower, glossary):
        return _GLOSSARY_ZIPF, is_abstract
    if "." in lower or "@" in lower or "/" in lower:
        return None  # a web or e-mail address
    if "-" in lower:
        parts = [part for part in lower.split("-") if len(part) >= 2]
        kinds = [_word_kind(part, glossary) for part in parts]
        values = [kind[0] for kind in kinds if kind is not None]
        return (min(values) if values else _GLOSSARY_ZIPF), is_abstract
    value = frequency(lower)
    if value < _COMPOUND_MINIMUM:
        # An inflected form is as easy as its basic form ("schuldt").
        value = max(value, *(frequency(form) for form in basic_forms(lower)))
    if value < _COMPOUND_MINIMUM and len(lower) >= 7:
        # A compound of two common words is as easy as its rarest part
        # ("klachtenformulier"): Dutch writes compounds as one word.
        value = max(value, compound_frequency(lower, _COMPOUND_MINIMUM))
    if not value:
        return _UNKNOWN_ZIPF, is_abstract
    return math.log10(value) + 9, is_abstract
