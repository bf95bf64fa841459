"""Small, shared text helpers for Dutch plain text."""

from __future__ import annotations

import re

# A sentence ends with . ! or ? followed by white space and a capital, digit,
# quote or bracket; "bijv. met" (lower case after the dot) does not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9À-Ý\"'\u2018\u201c(€])")


def split_sentences(text: str) -> list[str]:
    text = " ".join((text or "").split())
    if not text:
        return []
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def count_sentences(text: str) -> int:
    return len(split_sentences(text))
