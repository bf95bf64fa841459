"""Rule protocol, the registry and ``Report``: one rule per module in ``rules/``.

A rule declares, in one place, its id, the WCAG success criteria it checks,
their level and how severe a finding is. The registry validates that when the
rule is registered (a wrong rule fails at import, not in production), and
``check_html`` runs every registered rule over one parsed document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, TypeVar, runtime_checkable

from contenthub.findings import Finding, Location, Severity

from .criteria import CRITERIA, lowest_level, sort_key
from .html import Document, Element

_RULE_ID = re.compile(r"^wcag\.[a-z0-9]+(?:-[a-z0-9]+)*$")


@runtime_checkable
class Rule(Protocol):
    """What the registry needs of a rule."""

    id: str
    """Stable id, ``wcag.<naam>``; the gate and stored findings refer to it."""
    title: str
    """One Dutch line: what the rule checks."""
    criteria: tuple[str, ...]
    level: str
    severity: Severity
    page_only: bool
    """Only for a whole page (``fragment=False``), for example the page title."""

    def check(self, document: Document) -> Iterable[Finding]: ...


class BaseRule:
    """Convenience base: the class attributes plus :meth:`finding`."""

    id: ClassVar[str]
    title: ClassVar[str]
    criteria: ClassVar[tuple[str, ...]]
    level: ClassVar[str]
    severity: ClassVar[Severity]
    page_only: ClassVar[bool] = False
    document_rule: ClassVar[bool] = False
    """A page rule that also runs on a fragment that is a document (has ``<head>``, …)."""

    def check(self, document: Document) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self, document: Document, element: Element, message: str, suggestion: str
    ) -> Finding:
        return Finding(
            rule=self.id,
            severity=self.severity,
            message=message,
            suggestion=suggestion,
            location=Location(
                css_path=document.css_path(element), line=document.line(element)
            ),
            criteria=self.criteria,
            level=self.level,
            excerpt=document.excerpt(element),
        )


R = TypeVar("R", bound=type)


class RuleRegistry:
    """Rules by id. Make a fresh one in tests to run a chosen set of rules."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def register(self, rule_class: R) -> R:
        """Class decorator: validate the rule, store one instance, return the class."""
        rule = rule_class()
        if not isinstance(rule, Rule):
            raise TypeError(
                f"{rule_class.__name__} is geen Rule (id, criteria, level, severity, check)."
            )
        problems = _problems(rule)
        if problems:
            raise TypeError(f"{rule_class.__name__}: {'; '.join(problems)}")
        if rule.id in self._rules:
            raise ValueError(f"Regel {rule.id} is al geregistreerd.")
        self._rules[rule.id] = rule
        return rule_class

    def unregister(self, rule_id: str) -> None:
        del self._rules[rule_id]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    def get(self, rule_id: str) -> Rule:
        return self._rules[rule_id]

    def for_mode(self, *, fragment: bool, document: bool = False) -> list[Rule]:
        """Rules to run: page rules only on a page, document rules also on markup that is a
        document (a doctype, ``<html>`` or ``<head>``) even when it came as a fragment."""
        return [
            rule
            for rule in self
            if not (fragment and rule.page_only)
            or (document and getattr(rule, "document_rule", False))
        ]

    def by_criterion(self) -> dict[str, list[Rule]]:
        grouped: dict[str, list[Rule]] = {}
        for rule in self:
            for number in rule.criteria:
                grouped.setdefault(number, []).append(rule)
        return dict(sorted(grouped.items(), key=lambda item: sort_key(item[0])))


def _problems(rule: Rule) -> list[str]:
    problems = []
    if not isinstance(rule.id, str) or not _RULE_ID.match(rule.id):
        problems.append(f"id {rule.id!r} moet de vorm wcag.<naam> hebben")
    if not rule.criteria or not all(number in CRITERIA for number in rule.criteria):
        problems.append(f"onbekende succescriteria {rule.criteria!r}")
    elif rule.level != lowest_level(rule.criteria):
        problems.append(f"niveau {rule.level!r} past niet bij {rule.criteria!r}")
    if not isinstance(rule.severity, Severity):
        problems.append("severity moet een Severity zijn")
    if not callable(getattr(rule, "check", None)):
        problems.append("check ontbreekt")
    return problems


registry = RuleRegistry()
register = registry.register


@dataclass(frozen=True, slots=True)
class Pass:
    """A rule that ran and found nothing."""

    rule: str
    criteria: tuple[str, ...]
    level: str


@dataclass(frozen=True, slots=True)
class CriterionSummary:
    number: str
    name: str
    level: str
    findings: int
    blocking: int
    passes: int


@dataclass(frozen=True)
class Report:
    """The result of :func:`toegankelijkheid.check_html`."""

    findings: tuple[Finding, ...]
    passes: tuple[Pass, ...]
    fragment: bool = True
    rules_run: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """No findings at all."""
        return not self.findings

    @property
    def blocks(self) -> bool:
        """At least one ``fout``: publication is blocked."""
        return any(finding.blocks for finding in self.findings)

    def by_criterion(self) -> dict[str, list[Finding]]:
        """Findings per success criterion, in WCAG order (a finding may appear under several)."""
        grouped: dict[str, list[Finding]] = {}
        for finding in self.findings:
            for number in finding.criteria:
                grouped.setdefault(number, []).append(finding)
        return dict(sorted(grouped.items(), key=lambda item: sort_key(item[0])))

    def summary(self) -> list[CriterionSummary]:
        """Per criterion that a rule checked: how many findings, blocking ones, and passed rules."""
        numbers = {n for f in self.findings for n in f.criteria} | {
            n for p in self.passes for n in p.criteria
        }
        grouped = self.by_criterion()
        rows = []
        for number in sorted(numbers, key=sort_key):
            findings = grouped.get(number, [])
            criterion = CRITERIA.get(number)
            rows.append(
                CriterionSummary(
                    number=number,
                    name=criterion.name if criterion else "",
                    level=criterion.level if criterion else "",
                    findings=len(findings),
                    blocking=sum(1 for f in findings if f.blocks),
                    passes=sum(1 for p in self.passes if number in p.criteria),
                )
            )
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "blocks": self.blocks,
            "fragment": self.fragment,
            "findings": [finding.to_dict() for finding in self.findings],
            "passes": [
                {"rule": p.rule, "criteria": list(p.criteria), "level": p.level}
                for p in self.passes
            ],
            "summary": [
                {
                    "criterion": row.number,
                    "name": row.name,
                    "level": row.level,
                    "findings": row.findings,
                    "blocking": row.blocking,
                    "passes": row.passes,
                }
                for row in self.summary()
            ],
        }
