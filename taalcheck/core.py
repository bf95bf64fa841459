"""``check``: the one entry point of the taalcheck (plain Python, no Django)."""

from __future__ import annotations

from dataclasses import replace

from contenthub.findings import Finding

from . import rules as _rules  # noqa: F401  (registers the rules)
from .config import DEFAULT_SETTINGS, NIVEAUS, Settings
from .errors import TaalcheckError
from .metrics import compute, level, moeilijkheid, score, summary
from .registry import Context, RuleRegistry, registry
from .report import Report
from .text import analyse, shorten


def check(
    text: str,
    *,
    niveau: str = "B1",
    settings: Settings | None = None,
    rules: RuleRegistry | None = None,
) -> Report:
    """Check ``text`` (plain text or HTML) against taalniveau ``niveau``.

    HTML is checked per block (paragraph, list item, heading), so every
    finding points to a block and character offsets in its plain text
    (``Report.blocks``). Raises ``TaalcheckError`` for input that is not
    text, larger than ``Settings.max_invoer_bytes``, or an unknown level.
    """
    settings = settings or DEFAULT_SETTINGS
    _validate(text, niveau, settings)
    effective = settings.voor_niveau(niveau)
    document = analyse(text)
    metrics = compute(document, effective)
    difficulty = score(metrics)
    estimated = level(difficulty)
    context = Context(document, effective, niveau, metrics, estimated)
    findings = sorted(map(_bounded, (rules or registry).run(context)), key=_order)
    passes = NIVEAUS.index(estimated) <= NIVEAUS.index(niveau) and not any(
        finding.blocks for finding in findings
    )
    return Report(
        passes=passes,
        niveau=estimated,
        gevraagd_niveau=niveau,
        score=difficulty,
        metrics=metrics,
        moeilijkheid=moeilijkheid(difficulty),
        samenvatting=summary(metrics, difficulty),
        findings=tuple(findings),
        blocks=tuple(block.text for block in document.blocks),
    )


def _validate(text: object, niveau: str, settings: Settings) -> None:
    if not isinstance(text, str):
        raise TaalcheckError(
            f"De taalcheck kan alleen tekst controleren, geen {type(text).__name__}."
        )
    if niveau not in NIVEAUS:
        raise TaalcheckError(
            f"Onbekend taalniveau '{niveau}'. Kies uit: {', '.join(NIVEAUS)}."
        )
    limit = settings.max_invoer_bytes
    # Cheap first: a string of fewer characters than a quarter of the limit
    # can never be over it in UTF-8.
    # "surrogatepass": a lone surrogate counts as its three bytes instead of
    # crashing the size check.
    if len(text) * 4 > limit and len(text.encode("utf-8", "surrogatepass")) > limit:
        raise TaalcheckError(
            f"De tekst is te groot om te controleren: meer dan {_size(limit)}. "
            "Controleer de tekst in delen."
        )


def _size(limit: int) -> str:
    if limit >= 1_000_000:
        return f"{limit / 1_000_000:g} MB"
    if limit >= 1000:
        return f"{limit / 1000:g} kB"
    return f"{limit} bytes"


_MAX_MESSAGE = 400


def _bounded(finding: Finding) -> Finding:
    """A finding whose texts fit on a screen, whatever the input was: a rule
    that quotes a huge "word" or sentence gets its quote shortened here."""
    if (
        len(finding.message) <= _MAX_MESSAGE
        and len(finding.suggestion) <= _MAX_MESSAGE
        and len(finding.excerpt) <= 120
    ):
        return finding
    return replace(
        finding,
        message=shorten(finding.message, _MAX_MESSAGE),
        suggestion=shorten(finding.suggestion, _MAX_MESSAGE),
        excerpt=shorten(finding.excerpt, 120),
    )


def _order(finding: Finding) -> tuple[int, int, int]:
    location = finding.location
    block = -1 if location.block is None else location.block
    start = location.start or 0
    return (block, start, -finding.severity.rank)
