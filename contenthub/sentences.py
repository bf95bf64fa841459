"""The one sentence splitter of the hub for Dutch plain text.

Pure Python with no Django: model validation, the tweet channel, the
consistency check (through ``contenthub.text``) and the taalcheck all split
sentences with it. Like ``contenthub.findings`` it is a contract the two
checkers may import (see ``.importlinter``).
"""

from __future__ import annotations

import re
from pathlib import Path

# Abbreviations that end with a period inside a sentence (lower case, without
# the final period). "enz." and "etc." may also end a sentence. One data file,
# ``data/zinsafkortingen.csv``.
SENTENCE_ABBREVIATIONS_CSV = (
    Path(__file__).resolve().parent / "data" / "zinsafkortingen.csv"
)


def _read_abbreviations() -> frozenset[str]:
    with SENTENCE_ABBREVIATIONS_CSV.open(encoding="utf-8") as handle:
        lines = [line.strip() for line in handle]
    return frozenset(line for line in lines[1:] if line)


ABBREVIATIONS = _read_abbreviations()
# A run of end marks matches only from its first mark, so a long run of dots
# costs its length once, not its length squared.
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'’”)\]]*+(?=\s|$)|\n")  # noqa: RUF001 (Dutch typography)
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_LONGEST_ABBREVIATION = 12
_OPENERS = "\"'‘“([€"  # noqa: RUF001 (Dutch typography)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of the sentences in one block of plain text.

    A sentence ends at . ! ? or … followed by white space and a capital,
    digit or opening quote; at a line break; or at the end of the block.
    Known abbreviations ("bijv.", "o.a.") and initials ("J.") do not end one.
    Linear in the length of the text.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group() != "\n":
            following = _next_visible(text, end)
            if following and not (
                following.isupper() or following.isdigit() or following in _OPENERS
            ):
                continue
            if match.group()[0] == "." and _is_abbreviation(text, match.start()):
                continue
        _add_span(spans, text, start, end)
        start = end
    if start < length:
        _add_span(spans, text, start, length)
    return spans


def _next_visible(text: str, index: int) -> str:
    length = len(text)
    while index < length and text[index].isspace():
        if text[index] == "\n":
            return ""
        index += 1
    return text[index] if index < length else ""


def _is_abbreviation(text: str, period: int) -> bool:
    # Look back a few characters only: a longer token is no abbreviation.
    window = max(0, period - _LONGEST_ABBREVIATION)
    token = _TOKEN_BEFORE.search(text, window, period)
    if token is None or (
        token.start() == window and window > 0 and not text[window - 1].isspace()
    ):
        return False
    word = token.group(1).lstrip(_OPENERS).lower()
    if word in ("enz", "etc"):
        return False
    if word in ABBREVIATIONS:
        return True
    # An initial such as "J." in "J. de Vries".
    return len(word) == 1 and word.isalpha() and token.group(1)[-1].isupper()


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
