"""Structured findings: the one contract of every checker in the hub.

The taalcheck, the WCAG checker, the channel consistency check and the
publication gate all report ``Finding`` objects. No Django imports here, so
checkers stay plain Python and their tests need no database.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How bad a finding is. Only ``FOUT`` blocks publication."""

    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"
    TIP = "tip"

    @property
    def blocks(self) -> bool:
        return self is Severity.FOUT

    @property
    def rank(self) -> int:
        return {"fout": 3, "waarschuwing": 2, "tip": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding is, as precisely as the checker knows."""

    field: str = ""
    """The product field, for example ``wat_is_het``; empty for a loose text."""
    block: int | None = None
    """Index of the block (paragraph, list item, heading) in the text or field."""
    start: int | None = None
    """Character offset in the block's text where the problem starts."""
    end: int | None = None
    """Character offset in the block's text where the problem ends (exclusive)."""
    css_path: str = ""
    """For HTML checks: a CSS selector path to the element."""
    line: int | None = None
    """For HTML checks: the source line of the element."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, with a Dutch message and a concrete suggestion."""

    rule: str
    """Stable rule id, for example ``taal.lange-zin`` or ``wcag.alt-ontbreekt``."""
    severity: Severity
    message: str
    suggestion: str = ""
    location: Location = field(default_factory=Location)
    criteria: tuple[str, ...] = ()
    """WCAG success criteria the rule maps to, for example ``("1.1.1",)``."""
    level: str = ""
    """WCAG conformance level of those criteria: ``A`` or ``AA``."""
    excerpt: str = ""
    """The offending text or element, shortened, so an editor recognises it."""

    @property
    def blocks(self) -> bool:
        return self.severity.blocks

    def in_field(self, name: str) -> Finding:
        """The same finding, placed in product field ``name``."""
        return replace(self, location=replace(self.location, field=name))

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["criteria"] = list(self.criteria)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        values = dict(data)
        values["severity"] = Severity(values["severity"])
        values["location"] = Location(**values.get("location", {}))
        values["criteria"] = tuple(values.get("criteria", ()))
        return cls(**values)


# -- the findings contract in JSON, with Dutch keys -------------------------

DUTCH_FINDING_KEYS: dict[str, str] = {
    "rule": "regel",
    "severity": "ernst",
    "message": "melding",
    "suggestion": "suggestie",
    "location": "vindplaats",
    "criteria": "succescriteria",
    "level": "wcag_niveau",
    "excerpt": "fragment",
    "field": "veld",
    "block": "blok",
    "start": "begin",
    "end": "eind",
    "css_path": "css_pad",
    "line": "regelnummer",
}
"""The Dutch names of ``Finding.to_dict()``'s keys, the names the GraphQL API
uses; every checker's ``--json`` starts from these."""

JSON_KEY_LANGUAGES = ("nl", "en")


def rename_keys(
    data: Any,
    names: dict[str, str],
    *,
    within: dict[str, dict[str, str]] | None = None,
    parent: str = "",
) -> Any:
    """``data`` (dicts and lists, as ``to_dict()`` gives them) with every key
    renamed by ``names``; inside the field named ``parent`` the names of
    ``within[parent]`` come first (one English key can mean two things in one
    report). A key without a name stays as it is; values are never changed."""
    if isinstance(data, dict):
        table = {**names, **(within or {}).get(parent, {})}
        return {
            table.get(key, key): rename_keys(value, names, within=within, parent=key)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [
            rename_keys(value, names, within=within, parent=parent) for value in data
        ]
    return data
