"""The Rule protocol and the registry that runs the rules.

One rule per module in ``taalcheck/rules/``; ``rules/__init__.py`` imports
each module explicitly, so it is easy to see (and grep) which rules exist.
Modelled on ``django.core.checks.registry``: a singleton ``registry`` with the
alias ``register``; a rule that returns something that is not iterable fails
loudly with ``TypeError``. Tests build their own ``RuleRegistry()`` instead of
changing the singleton.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol, TypeVar, runtime_checkable

from contenthub.findings import Finding

if TYPE_CHECKING:
    from .config import Settings
    from .metrics import Metrics
    from .text import Document


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule gets: the analysed text, the settings and the metrics."""

    document: Document
    settings: Settings
    niveau: str
    """The requested level (A2, B1, B2 or C1)."""
    metrics: Metrics
    estimated: str
    """The estimated level of the text."""


@runtime_checkable
class Rule(Protocol):
    """One language rule. Its docstring names the guideline it follows."""

    id: ClassVar[str]
    """Stable id, for example ``taal.lange-zin``; never reused."""
    naam: ClassVar[str]
    """Short Dutch name for editors."""

    def check(self, context: Context) -> Iterable[Finding]: ...


R = TypeVar("R", bound=type)


class RuleRegistry:
    """The rules, by id, in registration order."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def register(self, rule_class: R) -> R:
        """Class decorator: register an instance of ``rule_class``."""
        rule_id = getattr(rule_class, "id", None)
        if not isinstance(rule_id, str) or not rule_id:
            raise TypeError(f"{rule_class!r} heeft geen 'id' (een tekst).")
        if not callable(getattr(rule_class, "check", None)):
            raise TypeError(f"{rule_class!r} heeft geen methode 'check'.")
        if rule_id in self._rules:
            raise ValueError(f"Er is al een regel met id {rule_id!r}.")
        self._rules[rule_id] = rule_class()
        return rule_class

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __getitem__(self, rule_id: str) -> Rule:
        return self._rules[rule_id]

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    def __len__(self) -> int:
        return len(self._rules)

    def ids(self) -> list[str]:
        return list(self._rules)

    def run(self, context: Context) -> list[Finding]:
        """The findings of every rule that is not switched off."""
        disabled = context.settings.uitgeschakelde_regels
        findings: list[Finding] = []
        for rule in self._rules.values():
            if rule.id in disabled:
                continue
            result = rule.check(context)
            if not isinstance(result, Iterable):
                raise TypeError(
                    f"Regel {rule.id} gaf {result!r} terug in plaats van een lijst."
                )
            findings.extend(result)
        return findings


registry = RuleRegistry()
register = registry.register
