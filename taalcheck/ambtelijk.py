"""The list of ambtelijke woorden and where they stand in a text.

Shared by the rules ``taal.ambtelijk-woord``, ``taal.moeilijk-woord`` and
``taal.afkorting`` and by the metrics, so it lives outside ``rules/``.

Source: the list in ``data/ambtelijke_woorden.csv`` (about 200 pairs), built
from the RVO schrijfwijzer word lists, the Helder Haags Woordenboek, the
Zuid-Holland schrijfwijzer, Onze Taal and our own FORMAT.md; each row names
its source. All pairs are matched with one precompiled regular expression per
check, so the list can grow without slowing the checker down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from contenthub.findings import Severity

from .lexicon import read_csv
from .text import WORD_RE, Document, Sentence, Word


@dataclass(frozen=True, slots=True)
class Woordpaar:
    woord: str
    alternatief: str
    ernst: Severity
    bron: str
    vormen: tuple[tuple[str, str], ...] = ()
    """Other forms with their own replacement ("geschiedt" -> "gebeurt");
    a form without one gets a described suggestion, never a wrong form."""


@dataclass(frozen=True, slots=True)
class Treffer:
    block: int
    start: int
    end: int
    paar: Woordpaar


def _phrase_pattern(phrase: str) -> str:
    parts = [re.escape(part) for part in phrase.split()]
    body = r"\s+".join(parts)
    prefix = r"\b" if phrase[0].isalnum() else ""
    suffix = r"\b" if phrase[-1].isalnum() else r"(?!\w)"
    return prefix + body + suffix


def vervanging(paar: Woordpaar, gevonden: str) -> str | None:
    """The replacement for the form ``gevonden`` when the list gives one:
    the alternative for the word itself, or the form's own replacement."""
    lower = " ".join(gevonden.lower().split())
    if lower == paar.woord.lower():
        return paar.alternatief
    for vorm, eigen in paar.vormen:
        if vorm == lower and eigen:
            return eigen
    return None


@cache
def woordenlijst() -> tuple[Woordpaar, ...]:
    """The word pairs, in the order of the CSV file."""
    return tuple(paar for paar, _pattern, _triggers in _entries())


@cache
def _entries() -> tuple[tuple[Woordpaar, str, frozenset[str]], ...]:
    entries = []
    for row in read_csv("ambtelijke_woorden.csv"):
        paar = Woordpaar(
            woord=row["woord"],
            alternatief=row["alternatief"],
            ernst=Severity(row["ernst"]),
            bron=row["bron"],
        )
        pairs = [vorm.partition("=") for vorm in row["vormen"].split("|") if vorm]
        vormen = [vorm for vorm, _is, _vervanging in pairs]
        paar = replace(
            paar,
            vormen=tuple((vorm.lower(), vervanging) for vorm, _is, vervanging in pairs),
        )
        if row["patroon"]:
            pattern, phrases = row["patroon"], vormen
        else:
            phrases = sorted([row["woord"], *vormen], key=len, reverse=True)
            pattern = "|".join(_phrase_pattern(phrase) for phrase in phrases)
        triggers = frozenset(_first_word(phrase) for phrase in phrases)
        entries.append((paar, pattern, triggers))
    return tuple(entries)


def _first_word(phrase: str) -> str:
    match = WORD_RE.search(phrase)
    if match is None:
        raise ValueError(f"Geen woord in {phrase!r} (ambtelijke_woorden.csv).")
    return match.group().lower()


@cache
def _index() -> dict[str, tuple[tuple[re.Pattern[str], Woordpaar], ...]]:
    """Per first word: the patterns that can start there, longest word first.

    Looking up each word of the text in this dict is far faster than one big
    alternation of 200 patterns tried at every position.
    """
    index: dict[str, list[tuple[re.Pattern[str], Woordpaar]]] = {}
    for paar, pattern, triggers in _entries():
        compiled = re.compile(pattern, re.IGNORECASE)
        for trigger in triggers:
            index.setdefault(trigger, []).append((compiled, paar))
    return {
        trigger: tuple(sorted(items, key=lambda item: -len(item[1].woord)))
        for trigger, items in index.items()
    }


def find_ambtelijk(document: Document, glossary: frozenset[str]) -> list[Treffer]:
    """Every ambtelijk word or phrase in the document (computed once).

    Skips matches that are a glossary term or lie inside one: "omtrent" in
    "Verklaring Omtrent het Gedrag" is part of a product name.
    """
    cached = document.memo.get("ambtelijk")
    if cached is not None:
        return cached
    index = _index()
    found: list[Treffer] = []
    # Where the glossary terms stand: searched only once a match needs it
    # (most texts have no ambtelijk word, and the search reads every block).
    protected: dict[int, list[tuple[int, int]]] | None = None
    for sentence in document.sentences:
        text = document.blocks[sentence.block].text
        taken = -1
        for word in sentence.words:
            candidates = index.get(word.lower)
            if candidates is None or word.start < taken:
                continue
            for pattern, paar in candidates:
                match = pattern.match(text, word.start, sentence.end)
                if match and match.end() > match.start():
                    if _in_name(word, sentence):
                        break
                    if protected is None:
                        protected = glossary_spans(document, glossary)
                    if any(
                        start <= match.start() and match.end() <= end
                        for start, end in protected.get(sentence.block, ())
                    ):
                        break
                    found.append(
                        Treffer(sentence.block, match.start(), match.end(), paar)
                    )
                    taken = match.end()
                    break
    document.memo["ambtelijk"] = found
    return found


def glossary_spans(
    document: Document, glossary: frozenset[str]
) -> dict[int, list[tuple[int, int]]]:
    """Per block: where the glossary terms stand in its text."""
    pattern = _glossary_pattern(glossary)
    spans: dict[int, list[tuple[int, int]]] = {}
    if pattern is None:
        return spans
    for block in document.blocks:
        for match in pattern.finditer(block.text):
            spans.setdefault(block.index, []).append(match.span())
    return spans


@lru_cache(maxsize=32)
def _glossary_pattern(glossary: frozenset[str]) -> re.Pattern[str] | None:
    if not glossary:
        return None
    terms = sorted(glossary, key=len, reverse=True)
    return re.compile(
        r"(?<!\w)(?:" + "|".join(_phrase_body(term) for term in terms) + r")(?!\w)",
        re.IGNORECASE,
    )


def _phrase_body(phrase: str) -> str:
    return r"\s+".join(re.escape(part) for part in phrase.split())


def _in_name(word: Word, sentence: Sentence) -> bool:
    # "Omtrent" with a capital inside a sentence is part of a name.
    return word.capital and word.start > sentence.start
