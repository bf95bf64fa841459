"""Per-word knowledge the metrics and the rules share: rare words, long
words, glossary terms, names. Computed once per check (``word_profile``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .config import Settings
from .lexicon import basic_forms, frequency, split_compound, zipf_to_frequency
from .text import MAX_WORD, Document, Sentence, Word, syllables


@dataclass(frozen=True, slots=True)
class WordProfile:
    """Per-word findings that both the metrics and the rules need."""

    syllables: int
    long_words: int
    rare: tuple[tuple[Sentence, Word], ...]
    compounds: tuple[tuple[Sentence, Word], ...]
    """Words of ``Settings.lang_woord_letters`` letters or more (and every
    word over ``MAX_WORD``, with or without digits or capitals)."""


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
            count, overlong, compound, rare_word = _word_facts(
                lower, minimum, glossary, long_letters
            )
            total += count
            if overlong:
                # No Dutch word is this long: one finding, no dictionary search.
                long_words += 1
                compounds.append((sentence, word))
                first = False
                continue
            if word.number:
                first = False
                continue
            if count >= long_syllables:
                long_words += 1
            if word.capital and _is_name_or_acronym(word, first):
                first = False
                continue
            first = False
            if compound:
                compounds.append((sentence, word))
            if rare_word:
                rare.append((sentence, word))
    profile = WordProfile(total, long_words, tuple(rare), tuple(compounds))
    document.memo["woorden"] = profile
    return profile


@lru_cache(maxsize=131072)
def _word_facts(
    lower: str, minimum: float, glossary: frozenset[str], long_letters: int
) -> tuple[int, bool, bool, bool]:
    """Syllables, overlong, compound candidate and rare, for one lower-case
    word: one cached look-up per word instead of four."""
    count = syllables(lower)
    if len(lower) > MAX_WORD:
        return count, True, True, False
    compound = len(lower) >= long_letters and not in_glossary(lower, glossary)
    rare_word = is_rare(lower, minimum) and not in_glossary(lower, glossary)
    return count, False, compound, rare_word


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
