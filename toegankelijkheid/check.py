"""``check_html``: parse once, run every registered rule, return a :class:`Report`."""

from __future__ import annotations

from itertools import islice

from contenthub.findings import Finding, Location

from .html import DEFAULT_MAX_BYTES, parse
from .registry import Pass, Report, Rule, RuleRegistry, registry

MAX_FINDINGS_PER_RULE = 500
"""Findings one rule reports at most; past it one summary finding says that more exist.

An editor fixes the first few hundred of one kind before the rest matters, and the
bound keeps ``check_html`` fast on hostile input (a megabyte of ``<img>``): rules
yield lazily, so the rest of the page is never examined for that rule."""


def check_html(
    html: str | bytes,
    *,
    fragment: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    rules: RuleRegistry | None = None,
    max_findings_per_rule: int = MAX_FINDINGS_PER_RULE,
) -> Report:
    """Check ``html`` against the WCAG 2.2 AA rules.

    ``fragment=True`` (the default) is for a piece of content such as a rich
    text field; ``fragment=False`` checks a whole page and adds the page rules
    (language, title, main landmark, viewport, meta refresh).

    Raises :class:`ToegankelijkheidError` (Dutch message) for input that is not
    text, larger than ``max_bytes`` or nested too deeply to parse completely.
    """
    document = parse(html, fragment=fragment, max_bytes=max_bytes)
    findings: list[Finding] = []
    passes: list[Pass] = []
    run: list[str] = []
    chosen = registry if rules is None else rules
    for rule in chosen.for_mode(fragment=fragment, document=document.is_document):
        result = rule.check(document)
        if result is None or isinstance(result, (str, bytes, Finding)):
            raise TypeError(
                f"Regel {rule.id} moet een reeks Findings opleveren, niet {result!r}."
            )
        found = list(islice(result, max_findings_per_rule + 1))
        if len(found) > max_findings_per_rule:
            found[max_findings_per_rule:] = [_more(rule, max_findings_per_rule)]
        run.append(rule.id)
        if found:
            findings.extend(found)
        else:
            passes.append(Pass(rule=rule.id, criteria=rule.criteria, level=rule.level))
    findings.sort(
        key=lambda f: (
            f.location.line if f.location.line is not None else 1 << 30,
            f.rule,
        )
    )
    return Report(
        findings=tuple(findings),
        passes=tuple(passes),
        fragment=fragment,
        rules_run=tuple(run),
    )


def _more(rule: Rule, shown: int) -> Finding:
    """The finding that stands for everything past the first ``shown`` of one rule."""
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=(
            f"Dit probleem komt nog vaker voor; alleen de eerste {shown} plaatsen zijn getoond."
        ),
        suggestion="Herstel de getoonde plaatsen en controleer de pagina opnieuw.",
        location=Location(),
        criteria=rule.criteria,
        level=rule.level,
    )
