"""Metrics of a text, the difficulty score and the estimated level.

The score is one number, higher is harder; 100 is the upper limit of B1. It
weighs five features, each divided by the value that B1 guidance allows, so
each part reads as "how far towards the B1 limit":

========================  ======  =========================================
feature                   weight  B1 limit (source)
========================  ======  =========================================
average sentence length   0.40    15 words (Direct Duidelijk, Communicatie
                                  Rijk)
share of long words       0.20    15 % of the words with 4+ syllables
                                  (b1teksten.nl: "more than 3 syllables")
share of rare words       0.25    6 % under Zipf 3 (wordfreq)
passive sentences         0.075   25 % of the sentences
ambtelijke woorden        0.075   1 per 100 words (RVO schrijfwijzer)
========================  ======  =========================================

Short texts are pulled towards a typical B1 text (a prior of 20 words and 2
sentences), so that one rare word in a one-line answer does not decide the
level. The cut points: up to 60 is A2, up to 100 B1, up to 130 B2, above is
C1. The weights and limits come from the guidance above and were checked on
our own demo catalogue, never fitted on the evaluation set in ``bench/taal``.

Flesch-Douma is Douma's Dutch adaptation of Flesch, with the constants that
textstat uses for ``nl`` (206.835, 0.93, 77) and syllables from the same
Dutch hyphenation patterns (pyphen ``nl_NL``); we count words and sentences
ourselves, per block, so that a list item is a sentence of its own.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from .config import NIVEAUS, Settings
from .lexicon import basic_forms, frequency, split_compound, zipf_to_frequency
from .text import Document, Sentence, Word, syllables

FLESCH_DOUMA = (206.835, 0.93, 77.0)

_WEIGHTS = {
    "zinslengte": 0.45,
    "lange_woorden": 0.25,
    "zeldzame_woorden": 0.30,
    "lijdende_vorm": 0.15,
    "ambtelijk": 0.15,
}
_LIMIT_SENTENCE = 15.0
_LIMIT_LONG_WORDS = 0.15
_LIMIT_RARE_WORDS = 0.06
_LIMIT_PASSIVE = 0.25
_LIMIT_AMBTELIJK = 0.01
# Prior: a typical B1 text of 20 words in 2 sentences with these shares.
_PRIOR_WORDS = 20
_PRIOR_SENTENCES = 2
_PRIOR_LONG = 0.08
_PRIOR_RARE = 0.02
_CUTS = ((55.0, "A2"), (100.0, "B1"), (130.0, "B2"))


@dataclass(frozen=True, slots=True)
class Metrics:
    """Counts and shares of one text."""

    words: int
    sentences: int
    average_sentence_length: float
    longest_sentence: int
    syllables_per_word: float
    flesch_douma: float
    long_word_share: float
    """Share of words with ``Settings.lang_woord_lettergrepen`` or more syllables."""
    rare_word_share: float
    """Share of words below ``Settings.zeldzaam_zipf`` (numbers, names and
    glossary terms excluded)."""
    passive_sentences: int
    ambtelijke_woorden: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class WordProfile:
    """Per-word findings that both the metrics and the rules need."""

    syllables: int
    long_words: int
    rare: tuple[tuple[Sentence, Word], ...]
    compounds: tuple[tuple[Sentence, Word], ...]
    """Words of ``Settings.lang_woord_letters`` letters or more."""


def in_glossary(lower: str, glossary: frozenset[str]) -> bool:
    """Whether a lower-case word is a glossary term, an inflection of one, or
    a compound or hyphenated word built on one ("omgevingsvergunningen")."""
    if lower in glossary:
        return True
    return _glossary_match(lower, glossary)


@lru_cache(maxsize=65536)
def _glossary_match(lower: str, glossary: frozenset[str]) -> bool:
    if "-" in lower and all(
        part in glossary or len(part) < 3 for part in lower.split("-")
    ):
        return True
    for term in glossary:
        if len(term) >= 5 and term in lower:
            return True
        if lower.startswith(term) and lower[len(term) :] in ("s", "en", "e", "'s"):
            return True
    return False


@lru_cache(maxsize=131072)
def is_rare(lower: str, minimum: float) -> bool:
    """Whether a lower-case word is rare: below ``minimum`` (raw frequency),
    also in its basic form, and not a compound of two frequent parts.

    Web addresses and e-mail addresses are never rare words.
    """
    if len(lower) < 4 or frequency(lower) >= minimum:
        return False
    if "." in lower or "@" in lower or "/" in lower:
        return False
    if "-" in lower:
        return any(
            is_rare(part, minimum) for part in lower.split("-") if len(part) >= 4
        )
    if any(frequency(form) >= minimum for form in basic_forms(lower)):
        return False
    for particle in _PARTICLES:
        rest = lower[len(particle) :]
        if (
            lower.startswith(particle)
            and len(rest) >= 4
            and any(frequency(form) >= minimum for form in [rest, *basic_forms(rest)])
        ):
            return False
    return split_compound(lower, minimum) is None


# Separable verb particles: "ophaalt" is "op" + "haalt".
_PARTICLES = (
    "aan",
    "af",
    "bij",
    "door",
    "in",
    "mee",
    "na",
    "om",
    "op",
    "over",
    "terug",
    "toe",
    "uit",
    "voor",
    "weg",
    "vast",
    "samen",
)


def word_profile(document: Document, settings: Settings) -> WordProfile:
    """Syllables, long and rare words of the document (computed once)."""
    cached = document.memo.get("woorden")
    if cached is not None:
        return cached
    minimum = zipf_to_frequency(settings.zeldzaam_zipf)
    glossary = settings.woordenlijst_lower
    long_syllables = settings.lang_woord_lettergrepen
    long_letters = settings.lang_woord_letters
    total = 0
    long_words = 0
    rare: list[tuple[Sentence, Word]] = []
    compounds: list[tuple[Sentence, Word]] = []
    for sentence in document.sentences:
        first = True
        for word in sentence.words:
            lower = word.lower
            count = syllables(lower)
            total += count
            if word.number:
                first = False
                continue
            if count >= long_syllables:
                long_words += 1
            if _is_name_or_acronym(word, first):
                first = False
                continue
            first = False
            if len(lower) >= long_letters and not in_glossary(lower, glossary):
                compounds.append((sentence, word))
            if is_rare(lower, minimum) and not in_glossary(lower, glossary):
                rare.append((sentence, word))
    profile = WordProfile(total, long_words, tuple(rare), tuple(compounds))
    document.memo["woorden"] = profile
    return profile


def _is_name_or_acronym(word: Word, first: bool) -> bool:
    text = word.text
    if not word.capital:
        return False
    if sum(1 for char in text if char.isupper()) >= 2:
        return True  # BSN, DigiD, KvK: the abbreviation rule handles these
    if not first:
        return True  # a capital inside a sentence: a name
    # Sentence start: a name when the lower-case word is unknown.
    return frequency(word.lower) == 0.0


def compute(document: Document, settings: Settings) -> Metrics:
    """The metrics of ``document``."""
    from .rules.ambtelijke_woorden import find_ambtelijk
    from .rules.lijdende_vorm import passive_sentence_count

    sentences = document.sentences
    words = sum(len(sentence.words) for sentence in sentences)
    if not words:
        return Metrics(0, 0, 0.0, 0, 0.0, 0.0, 0.0, 0.0, 0, 0)
    profile = word_profile(document, settings)
    average = words / len(sentences)
    per_word = profile.syllables / words
    base, per_sentence, per_syllable = FLESCH_DOUMA
    return Metrics(
        words=words,
        sentences=len(sentences),
        average_sentence_length=round(average, 2),
        longest_sentence=max(len(sentence.words) for sentence in sentences),
        syllables_per_word=round(per_word, 3),
        flesch_douma=round(base - per_sentence * average - per_syllable * per_word, 1),
        long_word_share=round(profile.long_words / words, 4),
        rare_word_share=round(len(profile.rare) / words, 4),
        passive_sentences=passive_sentence_count(document),
        ambtelijke_woorden=len(find_ambtelijk(document, settings.woordenlijst)),
    )


def score(metrics: Metrics) -> float:
    """One difficulty number, higher is harder; 100 is the B1 limit.

    Independent of the settings, so scores stay comparable between texts,
    gemeenten and over time.
    """
    if not metrics.words:
        return 0.0
    words = metrics.words + _PRIOR_WORDS
    sentences = metrics.sentences + _PRIOR_SENTENCES
    average = words / sentences
    long_share = (
        metrics.long_word_share * metrics.words + _PRIOR_LONG * _PRIOR_WORDS
    ) / words
    rare_share = (
        metrics.rare_word_share * metrics.words + _PRIOR_RARE * _PRIOR_WORDS
    ) / words
    passive_share = metrics.passive_sentences / sentences
    ambtelijk = metrics.ambtelijke_woorden / words
    parts = {
        "zinslengte": average / _LIMIT_SENTENCE,
        "lange_woorden": long_share / _LIMIT_LONG_WORDS,
        "zeldzame_woorden": rare_share / _LIMIT_RARE_WORDS,
        "lijdende_vorm": passive_share / _LIMIT_PASSIVE,
        "ambtelijk": ambtelijk / _LIMIT_AMBTELIJK,
    }
    return round(100 * sum(_WEIGHTS[name] * value for name, value in parts.items()), 1)


def level(value: float) -> str:
    """The estimated level (A2, B1, B2, C1) for a score."""
    for cut, name in _CUTS:
        if value <= cut:
            return name
    return NIVEAUS[-1]
