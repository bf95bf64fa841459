"""4.1.1: an attribute written twice in one start tag, found in the raw markup.

A parser keeps only the first one, so a DOM (and therefore every other rule) never
sees the duplicate. The scan runs over the source once; comments and the content of
``script``, ``style`` and ``template`` are skipped. 4.1.1 is obsolete in WCAG 2.2
(parsers repair markup), so this is a warning, like a duplicated id nothing refers to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from contenthub.findings import Finding, Location, Severity

from ..html import Document, shorten
from ..registry import BaseRule, register

_SKIP = re.compile(
    rb"<!--.*?(?:-->|\Z)|<(script|style|template)\b[^>]*>.*?(?:</\1\s*>|\Z)",
    re.IGNORECASE | re.DOTALL,
)
_START = re.compile(rb"<([a-zA-Z][^\s/>]*)")
_ATTRIBUTE = re.compile(
    rb"""[\s/]*([^\s/>"'=][^\s/>"'=]*)"""
    rb"""(?:\s*=\s*(?:"[^"]{0,20000}"|'[^']{0,20000}'|[^\s>]*))?"""
)
"""A quoted value is looked for up to 20,000 bytes, so unclosed quotes stay linear."""


MAX_ATTRIBUTES = 1000
"""Attributes read per start tag; a tag with more is not a real one."""

_TAG = re.compile(
    rb"<([a-zA-Z][^\s/>]*)(?:" + _ATTRIBUTE.pattern + rb"){0,%d}" % MAX_ATTRIBUTES
)
"""A start tag with its attributes in one match: the same greedy steps as matching
:data:`_ATTRIBUTE` again and again, without a Python step per attribute."""


def duplicate_attributes(source: bytes) -> Iterator[tuple[int, str, int, str]]:
    """(offset, tag, ordinal, attribute) per attribute repeated in a start tag; one pass.

    ``ordinal`` counts the start tags with that name before it, so the element can
    be found again among the parsed ones.

    A ``<`` inside a tag already read does not start another tag, so every byte is
    read at most once (plus the bounded look-ahead for a closing quote)."""
    skipped = _SKIP.finditer(source)
    current = next(skipped, None)
    counts: dict[bytes, int] = {}
    search = _TAG.search
    position = 0
    while True:
        match = search(source, position)
        if match is None:
            return
        offset = match.start()
        while current is not None and current.end() <= offset:
            current = next(skipped, None)
        if current is not None and current.start() < offset < current.end():
            position = current.end()  # inside a comment or script; its own tag counted
            continue
        position = match.end()
        raw = match.group(1).lower()
        ordinal = counts.get(raw, 0)
        counts[raw] = ordinal + 1
        begin = match.end(1)
        if position - begin < 4:  # " a a" is the shortest repetition
            continue
        names = [name.lower() for name in _ATTRIBUTE.findall(source, begin, position)]
        if len(set(names)) == len(names):
            continue
        seen: set[bytes] = set()
        repeated: list[str] = []
        for name in names:
            text = name.decode("utf-8", "replace")
            if name in seen and text not in repeated:
                repeated.append(text)
            seen.add(name)
        tag = raw.decode("utf-8", "replace")
        for text in repeated:
            yield offset, tag, ordinal, text


@register
class DubbelAttribuut(BaseRule):
    id = "wcag.dubbel-attribuut"
    title = "Attribuut staat twee keer in één tag"
    criteria = ("4.1.1",)
    level = "A"
    severity = Severity.WAARSCHUWING

    def check(self, document: Document) -> Iterator[Finding]:
        source = document.source
        line, counted = 1, 0
        for offset, tag, ordinal, attribute in duplicate_attributes(source):
            line += source.count(b"\n", counted, offset)  # counted once, front to back
            counted = offset
            same = document.by_tag.get(tag, ())
            element = same[ordinal] if ordinal < len(same) else document.body
            excerpt = source[offset : offset + 160].split(b">", 1)[0] + b">"
            yield Finding(
                rule=self.id,
                severity=self.severity,
                message=(
                    f"Het attribuut {attribute} staat twee keer in deze <{tag}>-tag. "
                    "Browsers gebruiken alleen het eerste; het tweede wordt stil genegeerd."
                ),
                suggestion=f"Houd één {attribute} over, met de waarde die u bedoelt.",
                location=Location(css_path=document.css_path(element), line=line),
                criteria=self.criteria,
                level=self.level,
                excerpt=shorten(excerpt.decode("utf-8", "replace"), 160),
            )
