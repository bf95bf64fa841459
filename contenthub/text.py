"""Shared text helpers for Dutch plain text: one sentence splitter for the
whole hub (model validation, the tweet channel, the consistency check and the
taalcheck all split sentences the same way)."""

from __future__ import annotations

import re

# Abbreviations that end with a period inside a sentence (lower case, without
# the final period). "enz." and "etc." may also end a sentence.
ABBREVIATIONS = frozenset(
    {
        "a.s",
        "aanv",
        "afd",
        "art",
        "bijv",
        "bv",
        "b.v",
        "ca",
        "d.m.v",
        "d.w.z",
        "dhr",
        "dr",
        "e.a",
        "e.d",
        "evt",
        "excl",
        "i.p.v",
        "i.v.m",
        "incl",
        "jl",
        "m.b.t",
        "m.u.v",
        "max",
        "min",
        "mevr",
        "mr",
        "mw",
        "n.a.v",
        "nl",
        "nr",
        "o.a",
        "o.b.v",
        "o.i.d",
        "p.m",
        "resp",
        "st",
        "t.a.v",
        "t.b.v",
        "t.o.v",
        "t.z.t",
        "tel",
        "vgl",
        "z.s.m",
        "zgn",
    }
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'’”)\]]*(?=\s|$)|\n")  # noqa: RUF001 (Dutch typography)
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_OPENERS = "\"'‘“([€"  # noqa: RUF001 (Dutch typography)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of the sentences in one block of plain text.

    A sentence ends at . ! ? or … followed by white space and a capital,
    digit or opening quote; at a line break; or at the end of the block.
    Known abbreviations ("bijv.", "o.a.") and initials ("J.") do not end one.
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
    token = _TOKEN_BEFORE.search(text, 0, period)
    if token is None:
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


def sentence_texts(text: str) -> list[str]:
    """The sentences of a plain text, white space collapsed."""
    text = " ".join((text or "").split())
    return [text[start:end] for start, end in split_sentences(text)]


def count_sentences(text: str) -> int:
    return len(sentence_texts(text))
