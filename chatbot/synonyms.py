"""Colloquial words and spellings → the words the catalogue uses.

The list is ``data/synoniemen.csv`` (term, vervanging, toelichting), kept by
hand: "gejat" → "gestolen", "id kaart" → "identiteitskaart", "kliko" →
"container". A synonym adds its replacement to the question; the original
words stay, so a term that is itself a zoekterm ("kliko") still matches.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .normalise import fold

SYNONIEMEN_CSV = Path(__file__).resolve().parent / "data" / "synoniemen.csv"


@dataclass(frozen=True, slots=True)
class Synoniem:
    term: tuple[str, ...]
    """The folded words a citizen writes, one or more."""
    vervanging: tuple[str, ...]
    """The folded words of the catalogue that are added."""
    toelichting: str


@dataclass(frozen=True, slots=True)
class Toevoeging:
    woorden: tuple[str, ...]
    """The catalogue's words that are added."""
    posities: tuple[int, ...]
    """Positions of the question words they explain."""


@dataclass(frozen=True, slots=True)
class Expansie:
    toevoegingen: tuple[Toevoeging, ...]

    @property
    def vervangen(self) -> frozenset[int]:
        """Positions of question words that a synonym explained."""
        return frozenset(p for t in self.toevoegingen for p in t.posities)


def read_synonyms(path: Path = SYNONIEMEN_CSV) -> tuple[Synoniem, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Synoniem(
                term=tuple(fold(row["term"]).split()),
                vervanging=tuple(fold(row["vervanging"]).split()),
                toelichting=row["toelichting"].strip(),
            )
            for row in csv.DictReader(handle)
            if fold(row["term"]) and fold(row["vervanging"])
        )


class SynonymTable:
    """Phrase look-up of up to a few words at every position of a question."""

    def __init__(self, synonyms: tuple[Synoniem, ...]) -> None:
        self._by_term: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
        for synonym in synonyms:
            self._by_term[synonym.term].append(synonym.vervanging)
        self._longest = max((len(term) for term in self._by_term), default=0)

    def expand(self, words: list[str]) -> Expansie:
        found: list[Toevoeging] = []
        for start in range(len(words)):
            for length in range(min(self._longest, len(words) - start), 0, -1):
                phrase = tuple(words[start : start + length])
                for vervanging in self._by_term.get(phrase, ()):
                    found.append(
                        Toevoeging(vervanging, tuple(range(start, start + length)))
                    )
        return Expansie(toevoegingen=tuple(found))


@lru_cache(maxsize=4)
def default_table(taal: str = "nl") -> SynonymTable:
    """The synonyms of ``taal``: the Dutch list; none yet for English (an
    English question is matched on its own words, lemmas and stems)."""
    return SynonymTable(read_synonyms() if taal == "nl" else ())
