"""Text handling for Dutch: blocks from HTML or plain text, sentences, words.

Everything here is plain Python (stdlib ``html.parser`` plus ``pyphen`` for
syllables), precompiled and cached, because the checker must handle tens of
thousands of words per second.

A *block* is one paragraph, list item or heading of the input. Findings point
into a block with character offsets in the block's plain text, which is the
text as a reader sees it: tags removed, entities decoded, white space
collapsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any, NamedTuple

import pyphen

from contenthub.text import ABBREVIATIONS, split_sentences  # noqa: F401  (shared with the channels)

# -- blocks -----------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    {
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "dt",
        "dd",
        "td",
        "th",
        "caption",
        "figcaption",
        "pre",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "ul",
        "ol",
        "dl",
        "table",
        "tr",
    }
)
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HTML_HINT = re.compile(
    r"<(?:/?(?:p|ul|ol|li|h[1-6]|br|div|b|strong|em|i|a|span|table|blockquote)\b"
    r"[^>]*|!--)>?",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[^\S\n]+")
_AROUND_NEWLINE = re.compile(r" *\n[\s]*")
_BULLET = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)])\s+")  # noqa: RUF001 (Dutch typography)
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph, list item or heading, as plain text."""

    index: int
    kind: str
    """``p``, ``li``, ``h`` (heading) or ``tekst`` (loose text)."""
    text: str


class _BlockParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._parts: list[str] = []
        self._kinds: list[str] = []
        self._skip = 0

    def _flush(self) -> None:
        if self._parts:
            text = _clean("".join(self._parts))
            if text:
                kind = self._kinds[-1] if self._kinds else "tekst"
                self.blocks.append((kind, text))
            self._parts = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self._flush()
            self._kinds.append(_kind(tag))
        elif tag == "br":
            self._parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        if tag == "br":
            self._parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self._flush()
            if self._kinds:
                self._kinds.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            # Source line breaks in HTML are plain white space.
            self._parts.append(data.replace("\n", " ").replace("\r", " "))


def _kind(tag: str) -> str:
    if tag in _HEADINGS:
        return "h"
    if tag in ("p", "li"):
        return tag
    return "tekst"


def _clean(text: str) -> str:
    text = _SPACES.sub(" ", text.replace("\xa0", " "))
    return _AROUND_NEWLINE.sub("\n", text).strip()


def is_html(text: str) -> bool:
    """Whether ``text`` looks like HTML rather than plain text."""
    return _HTML_HINT.search(text) is not None


def extract_blocks(text: str) -> list[Block]:
    """The blocks of ``text``: per HTML block element, or per plain paragraph.

    Plain text is split at blank lines; a line that starts with a bullet
    ("- ", "* ", "1. ") is a list item of its own.
    """
    if is_html(text):
        parser = _BlockParser()
        parser.feed(text)
        parser.close()
        parser._flush()
        pairs = parser.blocks
    else:
        pairs = _plain_blocks(text)
    return [Block(index, kind, body) for index, (kind, body) in enumerate(pairs)]


def _plain_blocks(text: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for paragraph in _BLANK_LINE.split(text.replace("\r\n", "\n")):
        lines: list[str] = []
        for line in paragraph.split("\n"):
            bullet = _BULLET.match(line)
            if bullet:
                _append_plain(pairs, "p", lines)
                lines = []
                body = _clean(line[bullet.end() :])
                if body:
                    pairs.append(("li", body))
            else:
                lines.append(line)
        _append_plain(pairs, "p", lines)
    return pairs


def _append_plain(pairs: list[tuple[str, str]], kind: str, lines: list[str]) -> None:
    body = _clean(" ".join(lines))
    if body:
        pairs.append((kind, body))


# -- words ------------------------------------------------------------------

# A word: letters and digits, with inner hyphens, apostrophes, dots (e-mail,
# d.w.z, 07.30, www.voorbeeldstad.nl) and a comma between digits (84,29).
WORD_RE = re.compile(r"\w+(?:(?:[-'’./]|(?<=\d),(?=\d))\w+)*")  # noqa: RUF001 (Dutch typography)
_HAS_DIGIT = re.compile(r"\d")
_VOWEL_GROUPS = re.compile(r"[aeiouyáéíóúàèìòùâêîôûäëïöü]+")

_PYPHEN = pyphen.Pyphen(lang="nl_NL")


class Word(NamedTuple):
    """One word of a sentence, with offsets in its block's text.

    A named tuple rather than a dataclass: a check creates one per word, and
    tuples are the cheapest objects to create.
    """

    text: str
    start: int
    end: int
    lower: str
    number: bool
    """Contains a digit: a number, date, time, amount or house number."""
    capital: bool
    """Starts with a capital letter."""


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """The number of syllables of a lower-case Dutch word.

    Uses the Dutch hyphenation patterns of ``pyphen`` (the same source as
    textstat's Dutch setting); a word without vowels counts as one.
    """
    if not word:
        return 0
    if _HAS_DIGIT.search(word):
        return max(1, len(_VOWEL_GROUPS.findall(word)))
    parts = 1
    for piece in word.replace("'", "-").replace("’", "-").split("-"):  # noqa: RUF001 (Dutch typography)
        if piece:
            parts += len(_PYPHEN.positions(piece))
    count = parts + word.count("-")
    return max(1, count)


# -- sentences --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a block."""

    block: int
    start: int
    end: int
    text: str
    words: tuple[Word, ...]


def words_of(text: str, offset: int = 0) -> tuple[Word, ...]:
    """The words of ``text``; offsets are shifted by ``offset``."""
    digit = _HAS_DIGIT.search
    return tuple(
        Word(
            token,
            match.start() + offset,
            match.end() + offset,
            token.lower(),
            digit(token) is not None,
            token[0].isupper(),
        )
        for match in WORD_RE.finditer(text)
        for token in (match.group(),)
    )


# -- document ---------------------------------------------------------------


@dataclass(slots=True)
class Document:
    """The analysed input: blocks, their sentences and words.

    ``memo`` lets rules and metrics share work (for example the passive
    sentences, needed by both the rule and the metrics) within one check.
    """

    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    memo: dict[str, Any] = field(default_factory=dict)

    @property
    def word_count(self) -> int:
        return sum(len(sentence.words) for sentence in self.sentences)

    def sentences_in(self, block: int) -> list[Sentence]:
        return [s for s in self.sentences if s.block == block]


def analyse(text: str) -> Document:
    """Split ``text`` (HTML or plain) into blocks, sentences and words."""
    blocks = tuple(extract_blocks(text))
    sentences: list[Sentence] = []
    for block in blocks:
        body = block.text
        for start, end in split_sentences(body):
            part = body[start:end]
            words = words_of(part, start)
            if words:
                sentences.append(Sentence(block.index, start, end, part, words))
    return Document(blocks, tuple(sentences))
