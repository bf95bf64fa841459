"""Word knowledge: Dutch word frequencies and our word lists.

Frequencies come from ``wordfreq`` (Dutch "large" list). Its data ships inside
the package, so nothing is downloaded at run time. We read the frequency table
once and look words up in a dict: ``wordfreq.zipf_frequency`` tokenises every
call, which is far too slow for a checker that must do 50,000 words a second.

The CSV lists in ``data/`` start with ``#`` comment lines naming their sources;
every row also has a ``bron`` column.
"""

from __future__ import annotations

import csv
import math
import re
from functools import cache, lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def frequencies() -> dict[str, float]:
    """The Dutch frequency table of wordfreq, loaded once per process."""
    import wordfreq

    return wordfreq.get_frequency_dict("nl", wordlist="large")


def zipf(word: str) -> float:
    """The Zipf frequency of a lower-case word: 0 when unknown, 7 for "de"."""
    frequency = frequencies().get(word)
    if not frequency:
        return 0.0
    return round(math.log10(frequency) + 9, 2)


def frequency(word: str) -> float:
    """The raw frequency (share of all words) of a lower-case word."""
    return frequencies().get(word, 0.0)


def zipf_to_frequency(value: float) -> float:
    return 10 ** (value - 9)


# Linking sounds between parts of a Dutch compound: "stoffen|heffing",
# "omgevings|vergunning", "kinder|opvang".
_LINKS = ("", "s", "e", "en", "er")
# Verb prefixes are words in the frequency list, but not the head of a compound.
_PREFIXES = frozenset({"ver", "ont", "her", "bij", "ge", "be", "mis", "er"})


def split_compound(word: str, minimum: float) -> tuple[str, str] | None:
    """Split a lower-case compound into two known parts, or ``None``.

    Both parts must be at least three letters and either at least as frequent
    as ``minimum`` (a raw frequency) or themselves such a compound (one level
    deeper). The split with the most frequent rarest part wins:
    "afvalstoffenheffing" gives ("afvalstoffen", "heffing").
    """
    return _split_top(word, minimum)[0]


def compound_frequency(word: str, minimum: float) -> float:
    """The frequency of the rarer part of a compound ("ophaal|dag": the verb
    "ophalen"), or 0.0 when ``word`` does not split into known parts."""
    parts, score = _split_top(word, minimum)
    return max(0.0, score) if parts is not None else 0.0


@lru_cache(maxsize=65536)
def _split_top(word: str, minimum: float) -> tuple[tuple[str, str] | None, float]:
    """One cached split for both ``split_compound`` and ``compound_frequency``."""
    return _split(word, minimum, 2)


def _split(
    word: str, minimum: float, depth: int
) -> tuple[tuple[str, str] | None, float]:
    table = frequencies()
    best: tuple[str, str] | None = None
    best_score = -1.0
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:].lstrip("-")
        if len(tail) < 3:
            continue
        tail_score = _part_score(tail, minimum, depth, table, head=False)
        if tail_score < 0:
            continue
        for link in _LINKS:
            if link and not head.endswith(link):
                continue
            stem = (head[: len(head) - len(link)] if link else head).rstrip("-")
            if len(stem) < 3 or stem in _PREFIXES:
                continue
            if len(stem) <= 4 and table.get(stem, 0.0) < minimum * 10:
                continue  # short first parts must be common words ("huis", not "inge")
            head_score = _part_score(stem, minimum, depth, table, head=not link)
            if head_score < 0:
                continue
            score = min(head_score, tail_score)
            if score > best_score:
                best, best_score = (head, tail), score
    return best, best_score


def _part_score(
    part: str, minimum: float, depth: int, table: dict[str, float], *, head: bool
) -> float:
    """How good ``part`` is as half of a compound: its frequency; for a first
    part also the frequency of the verb it is the stem of ("ophaal" from
    "ophalen"); or a small share of its own best split. A compound second
    part ("bewoners|parkeervergunning") beats a compound first part, because
    in Dutch the last part carries the meaning."""
    found = table.get(part, 0.0)
    if found >= minimum:
        return found
    if head and part[-1] not in "aeiouy":
        # Only without a linking sound: "parkeer|vergunning", not "brek|e|stelling".
        stem_frequency = max(table.get(form, 0.0) for form in _verb_forms(part))
        if stem_frequency >= minimum:
            return stem_frequency
    if depth > 1 and len(part) >= 7:
        parts, score = _split(part, minimum, depth - 1)
        if parts is not None:
            return score / (10_000 if head else 100)
    return -1.0


def _verb_forms(stem: str) -> list[str]:
    last = stem[-1]
    voiced = stem[:-1] + _VOICED[last] if last in _VOICED else stem
    forms = [stem + "en", voiced + "en"]
    if _LONG_VOWEL.search(stem):
        forms.append(stem[:-3] + stem[-2] + voiced[-1] + "en")
    return forms


_LONG_VOWEL = re.compile(r"(?:aa|ee|oo|uu)[^aeiou]$")
_SHORT_VOWEL = re.compile(r"[^aeiou][aeiou][bdfgklmnprst]$")
_VOICED = {"f": "v", "s": "z"}


def basic_forms(lower: str) -> list[str]:
    """Candidate basic forms of an inflected Dutch word (no dictionary):
    "sorteert" -> "sorteren", "logt" -> "loggen", "afschriften" -> "afschrift",
    "beëdigde" -> "beëdigd"."""
    stems = [lower]
    for ending in ("t", "en", "de", "te", "den", "ten", "e", "s", "'s"):
        if lower.endswith(ending) and len(lower) - len(ending) >= 3:
            stems.append(lower[: -len(ending)])
    forms = []
    for stem in stems:
        forms.append(stem)
        last = stem[-1]
        voiced = stem[:-1] + _VOICED[last] if last in _VOICED else stem
        forms.append(voiced + "en")
        if _LONG_VOWEL.search(stem):
            forms.append(stem[:-3] + stem[-2] + voiced[-1] + "en")
        elif _SHORT_VOWEL.search(stem):
            forms.append(stem + last + "en")
    return forms


def read_csv(name: str) -> list[dict[str, str]]:
    """The rows of ``data/<name>``, skipping ``#`` comment lines."""
    path = DATA_DIR / name
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [
        {key: (value or "").strip() for key, value in row.items()}
        for row in csv.DictReader(lines)
    ]
