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

KEY_LANGUAGES = ("nl", "en")

DUTCH_KEYS: dict[str, str] = {
    # Report
    "ok": "in_orde",
    "blocks": "blokkeert",
    "fragment": "als_fragment",
    "findings": "bevindingen",
    "passes": "geslaagde_regels",
    "summary": "samenvatting",
    # Finding (the shared contract, as in the taalcheck)
    "rule": "regel",
    "criteria": "succescriteria",
    "level": "wcag_niveau",
    "severity": "ernst",
    "message": "melding",
    "suggestion": "suggestie",
    "location": "vindplaats",
    "excerpt": "fragment",
    "field": "veld",
    "block": "blok",
    "start": "begin",
    "end": "eind",
    "css_path": "css_pad",
    "line": "regelnummer",
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


def json_keys(data: Any, taal: str = "nl", *, within: str = "") -> Any:
    """``data`` (a ``Report.to_dict()``, the command's output, or lists and
    dicts of them) with its keys in ``taal``: "nl" renames them by
    ``DUTCH_KEYS`` (and ``WITHIN`` inside the field named ``within``), "en"
    leaves them as they are. A key without a Dutch name stays as it is."""
    if taal == "en":
        return data
    if isinstance(data, dict):
        names = {**DUTCH_KEYS, **WITHIN.get(within, {})}
        return {
            names.get(key, key): json_keys(value, taal, within=key)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [json_keys(value, taal, within=within) for value in data]
    return data
