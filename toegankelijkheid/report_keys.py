"""The keys of the WCAG check's JSON output in Dutch.

``manage.py wcagcheck --json`` is read by people and by scripts. Its keys are
Dutch, like the taalcheck's (``taalcheck.report.DUTCH_KEYS``) and the GraphQL
API's, so a finding reads ``regel``, ``ernst``, ``melding``, ``suggestie``
and ``vindplaats`` wherever it comes from. ``--json-sleutels en`` keeps the
English names of ``Report.to_dict()`` for existing scripts. Values (rule ids,
criteria, severities, messages) are never changed.

The same English key means two things in one report: ``passes`` is the list
of rules that found nothing at the top, but a count in a row of the summary.
Such keys are renamed by the field they are in (``WITHIN``).
"""

from __future__ import annotations

from typing import Any

from contenthub.findings import DUTCH_FINDING_KEYS, JSON_KEY_LANGUAGES, rename_keys

KEY_LANGUAGES = JSON_KEY_LANGUAGES

DUTCH_KEYS: dict[str, str] = {
    **DUTCH_FINDING_KEYS,
    # Report
    "ok": "in_orde",
    "blocks": "blokkeert",
    "fragment": "als_fragment",
    "findings": "bevindingen",
    "passes": "geslaagde_regels",
    "summary": "samenvatting",
    # a row of the summary
    "criterion": "succescriterium",
    "name": "naam",
    # the browser step
    "browser": "browser",
    "ran": "uitgevoerd",
    "skipped": "overgeslagen",
    "detail": "toelichting",
    "axe_version": "axe_versie",
    "seconds": "seconden",
    # ``--all``
    "products": "producten",
    "title": "titel",
    "url": "url",
    "error": "foutmelding",
}

WITHIN: dict[str, dict[str, str]] = {
    # In a row of the summary these are counts, not lists.
    "summary": {
        "findings": "bevindingen",
        "blocking": "blokkerend",
        "passes": "geslaagd",
    },
}


def json_keys(data: Any, taal: str = "nl") -> Any:
    """``data`` (a ``Report.to_dict()``, the command's output, or lists and
    dicts of them) with its keys in ``taal``: "nl" renames them by
    ``DUTCH_KEYS`` (and ``WITHIN`` inside the field of that name), "en"
    leaves them as they are."""
    return data if taal == "en" else rename_keys(data, DUTCH_KEYS, within=WITHIN)
