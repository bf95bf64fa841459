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

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

import pyphen

# The hub's one sentence splitter, a pure module the checkers may import like
# contenthub.findings, so the taalcheck, the validation and the tweet channel
# count the same sentences.
from contenthub.sentences import ABBREVIATIONS, split_sentences  # noqa: F401

# -- input ------------------------------------------------------------------

MAX_WORD = 60
"""Letters in the longest word the checker analyses. Real Dutch compounds stay
well below this ("arbeidsongeschiktheidsverzekeringsmaatschappij" has 45); a
longer "word" is one finding (``taal.lang-woord``), never a dictionary search."""

# Lone surrogates cannot be encoded (UTF-8, PostgreSQL) and control characters
# have no place in a text for readers: both become a character of the same
# length, so offsets stay valid.
_UNSAFE = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0e-\x1f\x7f]")


def sanitise(text: str) -> str:
    """``text`` with lone surrogates as U+FFFD and control characters as
    spaces (tab, line breaks and form feed stay); the length is unchanged."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_replacement, text)


def shorten(text: str, limit: int = 120) -> str:
    """``text`` cut to at most ``limit`` characters, with "…" when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _replacement(match: re.Match[str]) -> str:
    return "\ufffd" if match.group() >= "\ud800" else " "


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
_RAW_TEXT_TAGS = frozenset({"script", "style"})
_SKIP_TAGS = frozenset({"template", "noscript"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HTML_HINT = re.compile(
    r"<(?:/?(?:p|ul|ol|li|h[1-6]|br|div|b|strong|em|i|a|span|table|blockquote)\b"
    r"|!--)",
    re.IGNORECASE,
)
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)")
_SPACES = re.compile(r"[^\S\n]+")
_AROUND_NEWLINE = re.compile(r" ?\n\s*")
_BULLET = re.compile(r"^[^\S\n]*+(?:[-*•·–]|\d{1,2}[.)])[^\S\n]+")  # noqa: RUF001 (Dutch typography)
_BLANK_LINE = re.compile(r"\n[^\S\n]*+\n")


class Block(NamedTuple):
    """One paragraph, list item or heading, as plain text (a named tuple:
    cheap to create, and a text may have a quarter of a million blocks)."""

    index: int
    kind: str
    """``p``, ``li``, ``h`` (heading) or ``tekst`` (loose text)."""
    text: str


class _Blocks:
    """Collects the text of the HTML blocks while the scanner walks the tags."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, str]] = []
        self.parts: list[str] = []
        self.kinds: list[str] = []

    def flush(self) -> None:
        if self.parts:
            text = _clean(html.unescape("".join(self.parts)))
            if text:
                self.blocks.append((self.kinds[-1] if self.kinds else "tekst", text))
            self.parts = []

    def tag(self, name: str, closing: bool) -> None:
        if name in _BLOCK_TAGS:
            self.flush()
            if closing:
                if self.kinds:
                    self.kinds.pop()
            else:
                self.kinds.append(_kind(name))
        elif name == "br":
            self.parts.append("\n")


def _html_blocks(text: str) -> list[tuple[str, str]]:
    """Blocks of an HTML text, in one pass (linear in the input).

    Our own small scanner rather than ``html.parser``, which needs quadratic
    time on unclosed comments and start tags ("<!--" or "<a " repeated). An
    unclosed comment, tag or script runs to the end of the input, as in a
    browser.
    """
    out = _Blocks()
    length = len(text)
    position = 0
    skip = 0
    lower: str | None = None
    while position < length:
        lt = text.find("<", position)
        if lt < 0:
            lt = length
        if lt > position and not skip:
            # Source line breaks in HTML are plain white space.
            out.parts.append(text[position:lt].replace("\n", " ").replace("\r", " "))
        if lt >= length:
            break
        if text.startswith("<!--", lt):
            close = text.find("-->", lt + 4)
            position = length if close < 0 else close + 3
            continue
        name = _TAG_NAME.match(text, lt)
        if name is None:
            if text.startswith(("<!", "<?", "</"), lt):
                close = text.find(">", lt)  # declaration, processing instruction
                position = length if close < 0 else close + 1
            else:
                if not skip:
                    out.parts.append("<")  # a lone "<" in the text: "a < b"
                position = lt + 1
            continue
        end = _tag_end(text, name.end())
        tag = name.group(1).lower()
        closing = text[lt + 1] == "/"
        position = end
        if tag in _RAW_TEXT_TAGS and not closing:
            if lower is None:
                lower = text.lower()
            close = lower.find("</" + tag, end)
            position = length if close < 0 else _tag_end(text, close + 2 + len(tag))
            continue
        if tag in _SKIP_TAGS:
            skip = max(0, skip - 1) if closing else skip + 1
            continue
        if not skip:
            out.tag(tag, closing)
    out.flush()
    return out.blocks


def _tag_end(text: str, position: int) -> int:
    """The offset after the ">" that closes the tag whose attributes start at
    ``position``; a ">" inside a quoted attribute value does not count."""
    quote = ""
    length = len(text)
    while True:
        if quote:
            close = text.find(quote, position)
            if close < 0:
                return length
            position, quote = close + 1, ""
            continue
        gt = text.find(">", position)
        if gt < 0:
            return length
        # A quote that opens before the ">" hides it: skip the quoted value.
        opener = -1
        for mark in ('"', "'"):
            at = text.find(mark, position, gt)
            if at >= 0 and (opener < 0 or at < opener):
                opener = at
        if opener < 0:
            return gt + 1
        # Only a quote after "=" opens a value; a stray quote is a character.
        if text[position:opener].rstrip().endswith("="):
            quote, position = text[opener], opener + 1
        else:
            position = opener + 1


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
    text = sanitise(text)
    pairs = _html_blocks(text) if is_html(text) else _plain_blocks(text)
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


# -- sentences --------------------------------------------------------------


# The hub's one sentence splitter (``contenthub.sentences``, a pure module the
# checkers may import like ``contenthub.findings``), so the taalcheck, the
# validation and the tweet channel count the same sentences.

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
    if len(word) > MAX_WORD or _HAS_DIGIT.search(word):
        return max(1, len(_VOWEL_GROUPS.findall(word)))
    parts = 1
    for piece in word.replace("'", "-").replace("’", "-").split("-"):  # noqa: RUF001 (Dutch typography)
        if piece:
            parts += len(_PYPHEN.positions(piece))
    count = parts + word.count("-")
    return max(1, count)


class Sentence(NamedTuple):
    """One sentence of a block."""

    block: int
    start: int
    end: int
    text: str
    words: tuple[Word, ...]


def words_of(text: str, offset: int = 0) -> tuple[Word, ...]:
    """The words of ``text``; offsets are shifted by ``offset``.

    ``findall`` runs in C; each token's offset is then found with
    ``str.find`` from the end of the previous one. That is exact: the text
    between two words holds no word character, so a token cannot be found
    there.
    """
    digit = _HAS_DIGIT.search
    find = text.find
    new = tuple.__new__
    words = []
    append = words.append
    position = 0
    for token in WORD_RE.findall(text):
        start = find(token, position)
        position = start + len(token)
        append(
            new(
                Word,
                (
                    token,
                    start + offset,
                    position + offset,
                    token.lower(),
                    not token.isalpha() and digit(token) is not None,
                    token[0].isupper(),
                ),
            )
        )
    return tuple(words)


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


def analyse(text: str) -> Document:
    """Split ``text`` (HTML or plain) into blocks, sentences and words.

    Lone surrogates and control characters are replaced first (``sanitise``);
    everything here is linear in the length of the input.
    """
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
