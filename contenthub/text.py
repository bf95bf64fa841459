"""Shared text helpers for Dutch plain text: one sentence splitter for the
whole hub (model validation, the tweet channel, the consistency check and the
taalcheck all split sentences the same way)."""

from __future__ import annotations

import re

from .sentences import (  # noqa: F401  (the hub's text helpers offer them)
    ABBREVIATIONS,
    SENTENCE_ABBREVIATIONS_CSV,
    split_sentences,
)


def sentence_texts(text: str) -> list[str]:
    """The sentences of a plain text, white space collapsed."""
    text = " ".join((text or "").split())
    return [text[start:end] for start, end in split_sentences(text)]


def count_sentences(text: str) -> int:
    return len(sentence_texts(text))


# Markup: a tag, a comment, a doctype or a character reference. "a < b" is
# plain text; "<b>", "</p", "<!--" and "&lt;" are not.
_MARKUP = re.compile(r"<\s*[/!?]?\s*[A-Za-z!?-]|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);")


def has_markup(text: str) -> bool:
    """Whether a plain-text value holds HTML (a tag or an entity)."""
    return bool(_MARKUP.search(text or ""))


def strip_markup(text: str) -> str:
    """Plain text as it may leave the hub: tags removed, entities decoded.

    Repeated until stable, so "&lt;img&gt;" does not come back as a tag; a
    "<" that would still open one becomes U+2039 (single angle quote). Validation already refuses
    markup in plain-text fields; this holds for old revisions and writes
    that skipped validation.
    """
    from html import unescape

    import nh3

    value = text or ""
    for _ in range(4):
        cleaned = unescape(nh3.clean(value, tags=set()))
        if cleaned == value:
            break
        value = cleaned
    if has_markup(value):
        value = value.replace("<", "\u2039").replace("&", "&\u200b")
    return value.strip() if value != text else value
