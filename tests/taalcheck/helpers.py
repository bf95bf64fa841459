"""Small helpers for the taalcheck tests (no database)."""

from __future__ import annotations

from contenthub.findings import Finding
from taalcheck import check


def findings_of(text: str, rule: str, **kwargs: object) -> list[Finding]:
    """The findings of one rule for ``text``."""
    return [f for f in check(text, **kwargs).findings if f.rule == rule]


def spans_of(text: str, rule: str, **kwargs: object) -> list[str]:
    """The text each finding of ``rule`` points to (block text, offsets)."""
    report = check(text, **kwargs)
    spans = []
    for finding in report.findings:
        if finding.rule != rule:
            continue
        location = finding.location
        if location.block is None:
            spans.append("")
        else:
            spans.append(report.blocks[location.block][location.start : location.end])
    return spans
