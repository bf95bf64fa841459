"""The result of a check: verdict, level, score, metrics and findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from contenthub.findings import (
    DUTCH_FINDING_KEYS,
    JSON_KEY_LANGUAGES,
    Finding,
    Severity,
    rename_keys,
)

from .metrics import Metrics


@dataclass(frozen=True, slots=True)
class Report:
    """What ``taalcheck.check`` returns."""

    passes: bool
    """True when there is no fout and the estimated level is at most the
    requested one."""
    niveau: str
    """The estimated level: A2, B1, B2 or C1."""
    gevraagd_niveau: str
    """The level the text was checked against."""
    score: float
    """Difficulty, higher is harder; 100 is the upper limit of B1. Compare a
    rewrite with its original."""
    metrics: Metrics
    moeilijkheid: int
    """The score on a scale of 0 to 100, higher is harder; B1 is up to 50."""
    samenvatting: str
    """One line for the writer: level, the number with its direction, and
    the main cause ("Niveau B2: moeilijkheid 62 van 100 (B1 is tot 50).
    Vooral: de zinnen zijn te lang.")."""
    findings: tuple[Finding, ...]
    blocks: tuple[str, ...]
    """The plain text of each block; findings point into these."""

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def fouten(self) -> int:
        return self.count(Severity.FOUT)

    @property
    def waarschuwingen(self) -> int:
        return self.count(Severity.WAARSCHUWING)

    @property
    def tips(self) -> int:
        return self.count(Severity.TIP)

    def to_dict(self) -> dict[str, Any]:
        return {
            "passes": self.passes,
            "niveau": self.niveau,
            "gevraagd_niveau": self.gevraagd_niveau,
            "score": self.score,
            "moeilijkheid": self.moeilijkheid,
            "samenvatting": self.samenvatting,
            "metrics": self.metrics.to_dict(),
            "findings": [finding.to_dict() for finding in self.findings],
            "blocks": list(self.blocks),
        }


# The keys of the JSON output in Dutch, the names the GraphQL API uses
# (``api/quality/types.py``). ``--json`` writes these; ``--json-sleutels en``
# keeps the English names of the dataclass fields for scripts written before.
DUTCH_KEYS = {
    **DUTCH_FINDING_KEYS,
    "passes": "geslaagd",
    "metrics": "metingen",
    "findings": "bevindingen",
    "blocks": "blokken",
    "words": "woorden",
    "sentences": "zinnen",
    "average_sentence_length": "gemiddelde_zinslengte",
    "longest_sentence": "langste_zin",
    "syllables_per_word": "lettergrepen_per_woord",
    "long_word_share": "aandeel_lange_woorden",
    "rare_word_share": "aandeel_zeldzame_woorden",
    "passive_sentences": "passieve_zinnen",
}
KEY_LANGUAGES = JSON_KEY_LANGUAGES


def json_keys(data: Any, taal: str = "nl") -> Any:
    """``data`` (a report's ``to_dict()``, or lists and dicts of them) with
    its keys in ``taal``: "nl" renames them by ``DUTCH_KEYS``, "en" leaves
    them as they are. Values are never changed."""
    return data if taal == "en" else rename_keys(data, DUTCH_KEYS)
    if isinstance(data, dict):
        return {
            DUTCH_KEYS.get(key, key): json_keys(value) for key, value in data.items()
        }
    if isinstance(data, list):
        return [json_keys(value) for value in data]
    return data
