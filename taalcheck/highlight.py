"""Split blocks into marked and unmarked pieces, for showing findings in place.

Pure Python: the admin page renders the pieces with ``<mark>``; the template
escapes every piece, so text and messages can never inject HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from contenthub.findings import Finding

from .report import Report


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    severity: str = ""
    """Highest severity of the findings on this piece; empty when none."""
    title: str = ""
    """Their messages, for a tooltip."""


@dataclass(frozen=True, slots=True)
class MarkedBlock:
    index: int
    pieces: tuple[Piece, ...]
    findings: tuple[Finding, ...]


def mark_blocks(report: Report) -> list[MarkedBlock]:
    """Every block of ``report`` with its findings marked in place."""
    per_block: dict[int, list[Finding]] = {}
    for finding in report.findings:
        if finding.location.block is not None:
            per_block.setdefault(finding.location.block, []).append(finding)
    return [
        MarkedBlock(
            index,
            _pieces(text, per_block.get(index, [])),
            tuple(per_block.get(index, [])),
        )
        for index, text in enumerate(report.blocks)
    ]


def _pieces(text: str, findings: list[Finding]) -> tuple[Piece, ...]:
    spans = [
        (f.location.start, f.location.end, f)
        for f in findings
        if f.location.start is not None and f.location.end is not None
    ]
    cuts = sorted(
        {0, len(text), *(s for s, _e, _f in spans), *(e for _s, e, _f in spans)}
    )
    pieces = []
    for start, end in pairwise(cuts):
        if start >= end:
            continue
        covering = [f for s, e, f in spans if s <= start and end <= e]
        if covering:
            worst = max(covering, key=lambda f: f.severity.rank).severity
            title = " · ".join(dict.fromkeys(f.message for f in covering))
            pieces.append(Piece(text[start:end], worst.value, title))
        else:
            pieces.append(Piece(text[start:end]))
    return tuple(pieces)
