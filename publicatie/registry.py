"""Gate checks: one registered function each. Adding one needs no change to the gate."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured

from contenthub.findings import Finding

if TYPE_CHECKING:
    from .context import GateContext

CheckFunction = Callable[["GateContext"], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class GateCheck:
    name: str
    """Stable key, stored with every verdict: "validatie", "taal", ..."""
    label: str
    """Dutch name for editors."""
    function: CheckFunction


class GateCheckRegistry:
    def __init__(self) -> None:
        self._checks: dict[str, GateCheck] = {}

    def register(
        self, name: str, *, label: str
    ) -> Callable[[CheckFunction], CheckFunction]:
        def decorator(function: CheckFunction) -> CheckFunction:
            if name in self._checks:
                raise ImproperlyConfigured(f"De controle '{name}' is al geregistreerd.")
            self._checks[name] = GateCheck(name=name, label=label, function=function)
            return function

        return decorator

    def __iter__(self) -> Iterator[GateCheck]:
        return iter(self._checks.values())

    def names(self) -> list[str]:
        return list(self._checks)

    def run(self, context: GateContext) -> dict[str, list[Finding]]:
        results: dict[str, list[Finding]] = {}
        for check in self:
            found = check.function(context)
            if found is None or isinstance(found, Finding | str):
                # A broken check must fail loudly, not pass silently.
                raise TypeError(
                    f"De controle '{check.name}' gaf geen lijst met bevindingen terug."
                )
            results[check.name] = list(found)
        return results


gate_registry = GateCheckRegistry()
register = gate_registry.register
