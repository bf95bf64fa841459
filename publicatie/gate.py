"""The publication gate: one function, one verdict."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from contenthub.findings import Finding

from .context import GateContext
from .fields import FIELD_LABELS, field_fingerprint  # noqa: F401  (used by callers)
from .registry import GateCheckRegistry, gate_registry

if TYPE_CHECKING:
    from contenthub.models import ProductPage


@dataclass(frozen=True)
class GateResult:
    """The verdict on one version of a product."""

    findings: dict[str, list[Finding]]
    """Per check name, every finding (exceptions already left out)."""
    excepted: list[Finding] = field(default_factory=list)
    """Blocking findings that a documented exception lets through."""

    @property
    def all_findings(self) -> list[Finding]:
        return [finding for found in self.findings.values() for finding in found]

    @property
    def blocking(self) -> list[Finding]:
        return [finding for finding in self.all_findings if finding.blocks]

    @property
    def passed(self) -> bool:
        return not self.blocking

    def per_field(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = defaultdict(list)
        for finding in sorted(self.all_findings, key=lambda f: -f.severity.rank):
            grouped[finding.location.field].append(finding)
        return dict(grouped)

    def summary(self) -> str:
        """A Dutch list of what to fix, per field, with the checkers' suggestions."""
        if self.passed:
            return "Het product voldoet aan alle controles."
        lines = [
            f"Het product is niet gepubliceerd: {len(self.blocking)} punt(en) moeten eerst beter."
        ]
        for veld, findings in self.per_field().items():
            blocking = [f for f in findings if f.blocks]
            if not blocking:
                continue
            lines.append(f"{FIELD_LABELS.get(veld, veld)}:")
            for finding in blocking:
                suggestion = f" {finding.suggestion}" if finding.suggestion else ""
                lines.append(f"- {finding.message}{suggestion}")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            name: [finding.to_dict() for finding in found]
            for name, found in self.findings.items()
        } | {"uitgezonderd": [finding.to_dict() for finding in self.excepted]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GateResult:
        """The verdict as :meth:`to_json` stored it (a Keuring, a workflow task state)."""
        return cls(
            findings={
                name: [Finding.from_dict(item) for item in found]
                for name, found in (data or {}).items()
                if name != "uitgezonderd"
            },
            excepted=[
                Finding.from_dict(item) for item in (data or {}).get("uitgezonderd", [])
            ],
        )


class PublicationBlocked(Exception):
    """A product failed the gate; nothing was published."""

    def __init__(
        self, result: GateResult, *, page: ProductPage, revision_id: int | None
    ) -> None:
        self.result = result
        self.page = page
        self.revision_id = revision_id
        super().__init__(f"{page.title}: {result.summary()}")

    def refusal_messages(self) -> list[str]:
        """The refusal for a form: one message per line of the summary."""
        return [f"{self.page.title}: {self.result.summary()}"]


def evaluate_publication_gate(
    *,
    page: ProductPage,
    revision_id: int | None = None,
    registry: GateCheckRegistry = gate_registry,
    context: GateContext | None = None,
) -> GateResult:
    """Run every registered check on ``page`` and apply granted exceptions.

    Pass a ``context`` to keep what the checks derived (the snapshot, the
    renderings) for use after the verdict.
    """
    context = context or GateContext(page=page, revision_id=revision_id)
    found = registry.run(context)
    exceptions = active_exceptions(page) if page.pk else []
    kept: dict[str, list[Finding]] = {}
    excepted: list[Finding] = []
    for name, findings in found.items():
        kept[name] = []
        for finding in findings:
            if finding.blocks and any(exc.covers(finding, page) for exc in exceptions):
                excepted.append(finding)
            else:
                kept[name].append(finding)
    return GateResult(findings=kept, excepted=excepted)


def active_exceptions(page: ProductPage) -> list[Any]:
    from .records import Uitzondering

    now = timezone.now()
    return [
        exc
        for exc in Uitzondering.objects.filter(page_id=page.pk)
        if exc.geldig_tot is None or exc.geldig_tot > now
    ]


def record_verdict(
    *,
    page: ProductPage,
    result: GateResult,
    revision_id: int | None,
    path: str,
    user: Any = None,
    context: GateContext | None = None,
) -> Any:
    """Store the verdict, so a beheerder sees why a product was blocked and when it passed.

    With the ``context`` the verdict was made in, it also stores the
    fingerprint of its inputs, so the editor's Controle tab can show it again
    without judging (``publicatie.editor``).
    """
    from .records import Keuring

    inputs = ""
    if context is not None:
        from .inputs import verdict_inputs

        inputs = verdict_inputs(context)
    return Keuring.objects.create(
        page_id=page.pk,
        revision_id=revision_id,
        geslaagd=result.passed,
        bevindingen=result.to_json(),
        invoer=inputs,
        pad=path,
        gebruiker=user if getattr(user, "pk", None) else None,
    )
