"""``check_html``: parse once, run every registered rule, return a :class:`Report`."""

from __future__ import annotations

from contenthub.findings import Finding

from .html import DEFAULT_MAX_BYTES, parse
from .registry import Pass, Report, RuleRegistry, registry


def check_html(
    html: str | bytes,
    *,
    fragment: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    rules: RuleRegistry | None = None,
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
    for rule in (registry if rules is None else rules).for_mode(fragment=fragment):
        result = rule.check(document)
        if result is None or isinstance(result, (str, bytes, Finding)):
            raise TypeError(
                f"Regel {rule.id} moet een reeks Findings opleveren, niet {result!r}."
            )
        found = list(result)
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
