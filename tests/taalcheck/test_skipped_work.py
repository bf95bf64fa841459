"""Work a check skips when the text does not need it (counted, not timed):
the glossary search, the search for written-out abbreviations and the
clause split of the passive finder run only where a match needs them."""

from __future__ import annotations

import pytest

from taalcheck import ambtelijk, check, passief
from taalcheck.rules import afkortingen

PLAIN = "U kunt een paspoort aanvragen bij de balie. Neem een pasfoto mee."


@pytest.fixture
def calls(monkeypatch):
    counted: dict[str, int] = {}

    def count(module, name):
        original = getattr(module, name)

        def counting(*args, **kwargs):
            counted[name] = counted.get(name, 0) + 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)

    count(ambtelijk, "glossary_spans")
    count(afkortingen, "_first_uses")
    count(passief, "_clauses")
    return counted


def test_a_plain_text_skips_all_three(calls):
    report = check(PLAIN)
    assert report.passes
    assert calls == {}


def test_each_search_runs_once_when_a_match_needs_it(calls):
    report = check(
        "Indien u een paspoort aanvraagt, wordt uw brief door het CJIB gecontroleerd. "
        "Neem een pasfoto mee."
    )
    rules = {finding.rule for finding in report.findings}
    assert {"taal.ambtelijk-woord", "taal.afkorting", "taal.lijdende-vorm"} <= rules
    assert calls["glossary_spans"] == 1
    assert calls["_first_uses"] == 1
    assert calls["_clauses"] == 1  # only the sentence with "wordt"
