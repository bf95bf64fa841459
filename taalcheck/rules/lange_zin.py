"""Lange zinnen: over 20 words warns, over 25 words is a fout (at B1).

Source: Communicatie Rijk, "Taalniveau B1" and Direct Duidelijk ("Schrijf
korte zinnen: gemiddeld 15 woorden"), and our own FORMAT.md ("never over
25"). The limits move with the requested level (``Settings.voor_niveau``).

The suggestion names where to split: the connective or punctuation mark
closest to the middle of the sentence ("…, want …", "…; …", "… en …"). It
describes the split and never writes the new sentences itself.
"""

from __future__ import annotations

import re

from contenthub.findings import Finding, Location, Severity

from ..registry import Context, register
from ..text import Sentence

# Places where a long sentence can usually be cut in two, best first.
_SPLIT = re.compile(
    r"(?P<punct>[;:])\s+|"
    r",\s+(?P<conj>en|maar|want|dus|omdat|zodat|waardoor|terwijl|of|daarna|"
    r"dan|die|dat|waarna|waarbij|wanneer|als|nadat|voordat)\b|"
    r"\s(?P<bare>en|maar|want|omdat|zodat|waardoor)\s",
    re.IGNORECASE,
)
_PREFERENCE = {"punct": 0, "conj": 1, "bare": 2}


def split_point(sentence: Sentence) -> tuple[int, str] | None:
    """Offset (in the block) and connective where ``sentence`` splits best."""
    text = sentence.text
    middle = len(text) / 2
    best: tuple[float, int, str] | None = None
    for match in _SPLIT.finditer(text):
        kind = match.lastgroup or "bare"
        word = match.group(kind)
        at = match.start(kind) if kind != "punct" else match.start()
        # Not too close to the start or the end: both halves need a message.
        if at < len(text) * 0.2 or at > len(text) * 0.85:
            continue
        cost = abs(at - middle) / len(text) + _PREFERENCE[kind] * 0.15
        if best is None or cost < best[0]:
            best = (cost, at, word)
    if best is None:
        return None
    return sentence.start + best[1], best[2]


def _suggestion(sentence: Sentence, block_text: str) -> str:
    """Where to split, described: the checker does not write the two new
    sentences, because a mechanical cut leaves a half without a finite verb
    ("Daarna de bezwaartermijn aanvangt")."""
    point = split_point(sentence)
    if point is None:
        return (
            "Maak er twee of drie zinnen van, met één boodschap per zin. Een "
            "opsomming kan ook als lijstje."
        )
    offset, word = point
    before = block_text[sentence.start : offset].rstrip(" ,;:")
    tail = " ".join(before.split()[-3:])
    where = f"voor '{word}'" if word not in (";", ":") else f"bij de '{word}'"
    return (
        f"Splits hem na '…{tail}' ({where}). Maak van elk deel een hele zin met "
        "een eigen werkwoord. Eén boodschap per zin."
    )


@register
class LangeZin:
    """Long sentence; source: Communicatie Rijk B1 guidance and FORMAT.md."""

    id = "taal.lange-zin"
    naam = "Lange zin"

    def check(self, context: Context) -> list[Finding]:
        settings = context.settings
        document = context.document
        findings = []
        for sentence in document.sentences:
            count = len(sentence.words)
            if count <= settings.zin_waarschuwing:
                continue
            fout = count > settings.zin_fout
            limit = settings.zin_fout if fout else settings.zin_waarschuwing
            findings.append(
                Finding(
                    rule=self.id,
                    severity=Severity.FOUT if fout else Severity.WAARSCHUWING,
                    message=(
                        f"Deze zin heeft {count} woorden. Voor taalniveau "
                        f"{context.niveau} is dat te lang (meer dan {limit})."
                    ),
                    suggestion=_suggestion(
                        sentence, document.blocks[sentence.block].text
                    ),
                    location=Location(
                        block=sentence.block, start=sentence.start, end=sentence.end
                    ),
                    excerpt=_shorten(sentence.text),
                )
            )
        return findings


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
