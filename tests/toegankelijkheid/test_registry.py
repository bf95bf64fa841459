"""The registry validates rules; the report groups findings per success criterion."""

from __future__ import annotations

import pytest

from contenthub.findings import Severity
from toegankelijkheid import RuleRegistry, check_html, registry
from toegankelijkheid.criteria import CRITERIA
from toegankelijkheid.registry import BaseRule


def make_rule(**attributes):
    defaults = {
        "id": "wcag.test",
        "title": "Test",
        "criteria": ("1.1.1",),
        "level": "A",
        "severity": Severity.FOUT,
        "check": lambda self, document: [],
    }
    return type("TestRule", (BaseRule,), {**defaults, **attributes})


def test_a_valid_rule_registers_once():
    rules = RuleRegistry()
    rules.register(make_rule())
    assert "wcag.test" in rules
    assert len(rules) == 1
    with pytest.raises(ValueError, match="al geregistreerd"):
        rules.register(make_rule())


@pytest.mark.parametrize(
    ("attributes", "problem"),
    [
        ({"id": "alt"}, "wcag.<naam>"),
        ({"criteria": ("9.9.9",)}, "onbekende succescriteria"),
        ({"criteria": ()}, "onbekende succescriteria"),
        ({"criteria": ("1.4.4",), "level": "A"}, "past niet"),
        ({"severity": "fout"}, "Severity"),
    ],
)
def test_a_wrong_rule_fails_at_registration(attributes, problem):
    with pytest.raises(TypeError, match=problem):
        RuleRegistry().register(make_rule(**attributes))


def test_a_rule_that_returns_no_iterable_fails_loudly():
    rules = RuleRegistry()
    rules.register(make_rule(check=lambda self, document: None))
    with pytest.raises(TypeError, match="reeks Findings"):
        check_html("<p>x</p>", rules=rules)


def test_a_fresh_registry_runs_only_its_own_rules():
    rules = RuleRegistry()
    rules.register(make_rule())
    report = check_html('<img src="x">', rules=rules)
    assert report.findings == ()
    assert report.rules_run == ("wcag.test",)


def test_every_rule_declares_known_criteria_and_a_dutch_title():
    assert len(registry) >= 30
    for rule in registry:
        assert rule.criteria
        assert all(number in CRITERIA for number in rule.criteria)
        assert rule.level in ("A", "AA")
        assert rule.title


def test_report_groups_findings_per_criterion_in_wcag_order():
    report = check_html(
        '<a href="/"><img src="logo.png" alt=""></a><a href="/x">klik hier</a>'
        '<iframe src="x"></iframe><p lang="engels">x</p>'
    )
    grouped = report.by_criterion()
    assert list(grouped) == ["1.1.1", "2.4.4", "2.4.9", "3.1.2", "4.1.2"]
    assert {f.rule for f in grouped["2.4.4"]} == {
        "wcag.afbeeldingslink-zonder-naam",
        "wcag.linktekst-nietszeggend",
    }
    summary = {row.number: row for row in report.summary()}
    assert summary["2.4.4"].findings == 2
    assert summary["2.4.4"].blocking == 2
    assert summary["3.1.2"].level == "AA"
    assert summary["1.3.1"].findings == 0
    assert summary["1.3.1"].passes > 0
    assert report.blocks


def test_report_to_dict_round_trips_findings():
    from contenthub.findings import Finding

    report = check_html('<img src="x.jpg">')
    data = report.to_dict()
    assert data["ok"] is False
    assert data["blocks"] is True
    assert Finding.from_dict(data["findings"][0]) == report.findings[0]
    assert {
        "criterion": "1.1.1",
        "name": "Niet-tekstuele content",
        "level": "A",
    }.items() <= data["summary"][0].items()


def test_findings_are_sorted_by_line():
    report = check_html('<a href="/x"></a>\n<img src="a">\n<h2></h2>')
    assert [f.location.line for f in report.findings] == [1, 2, 3]


def test_the_core_imports_no_django():
    import subprocess
    import sys

    code = (
        "import sys, toegankelijkheid; "
        "toegankelijkheid.check_html('<p>x</p>'); "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
