"""Every rule, both sides: the tables in ``cases.py``. Pure checks, no database."""

from __future__ import annotations

import pytest

from contenthub.findings import Finding, Severity
from toegankelijkheid import check_html, registry

from .cases import FAILING, PASSING, Case


def fired(case: Case) -> list[Finding]:
    report = check_html(case.html, fragment=not case.page)
    return [finding for finding in report.findings if finding.rule == case.rule]


@pytest.mark.parametrize("case", FAILING, ids=lambda c: f"{c.rule}:{c.why}")
def test_rule_reports_the_failing_html(case: Case):
    findings = fired(case)
    assert findings, f"{case.rule} did not report: {case.html}"
    rule = registry.get(case.rule)
    for finding in findings:
        assert finding.criteria == rule.criteria
        assert finding.level == rule.level
        assert finding.severity is rule.severity
        assert finding.message
        assert finding.suggestion
        assert finding.location.css_path
        assert finding.location.line == 1 or finding.location.line is None
        assert finding.excerpt.startswith("<")


@pytest.mark.parametrize("case", PASSING, ids=lambda c: f"{c.rule}:{c.why}")
def test_rule_accepts_the_passing_html(case: Case):
    assert fired(case) == [], f"{case.rule} reported on correct HTML: {case.html}"


def test_every_rule_has_both_sides():
    failing = {case.rule for case in FAILING}
    passing = {case.rule for case in PASSING}
    rules = {rule.id for rule in registry}
    assert rules - failing == set(), "rules without a failing case"
    assert rules - passing == set(), "rules without a passing case"
    assert (failing | passing) - rules == set(), "cases for rules that do not exist"


@pytest.mark.parametrize(
    "rule",
    [
        "wcag.alt-ontbreekt",
        "wcag.lege-link",
        "wcag.kopniveau-overgeslagen",
        "wcag.tabel-zonder-kopcellen",
        "wcag.linktekst-nietszeggend",
    ],
)
def test_what_an_editor_certainly_broke_blocks(rule):
    assert registry.get(rule).severity is Severity.FOUT


@pytest.mark.parametrize("rule", ["wcag.linktekst-dubbel", "wcag.opmaaktabel"])
def test_heuristics_only_warn(rule):
    assert registry.get(rule).severity is Severity.WAARSCHUWING


def test_page_rules_do_not_run_on_fragments():
    report = check_html("<p>Een alinea uit een rijketekstveld.</p>")
    assert report.ok
    page_rules = {rule.id for rule in registry if rule.page_only}
    # viewport-zoom and meta-refresh left this set (issue 18): a <meta> is judged wherever
    # it is, also in a fragment.
    assert page_rules == {"wcag.taal-pagina", "wcag.paginatitel", "wcag.hoofdlandmark"}
    assert page_rules.isdisjoint(report.rules_run)


def test_meta_refresh_and_viewport_are_found_in_a_fragment_too():
    report = check_html(
        '<meta http-equiv="refresh" content="30; url=/elders">'
        '<meta name="viewport" content="width=device-width, user-scalable=no"><p>x</p>'
    )
    assert {"wcag.meta-refresh", "wcag.viewport-zoom"} <= {
        f.rule for f in report.findings
    }


def test_a_fragment_with_a_head_is_a_document_for_title_and_language():
    report = check_html("<head><meta charset='utf-8'></head><p>Tekst</p>")
    found = {f.rule for f in report.findings}
    assert {"wcag.paginatitel", "wcag.taal-pagina"} <= found
    assert "wcag.hoofdlandmark" not in report.rules_run  # not a WCAG requirement
    assert check_html("<p>Tekst</p>").ok


def test_a_clean_page_has_no_findings():
    from .cases import page

    html = page(
        "<p>U vraagt een paspoort aan bij de balie.</p>"
        '<h2>Kosten</h2><table><tr><th scope="col">Soort</th><th scope="col">Prijs</th></tr>'
        "<tr><td>Paspoort</td><td>€ 83,87</td></tr></table>"
        '<ul><li>Pasfoto</li><li>Oud paspoort</li></ul><p><a href="/afspraak">Maak een afspraak</a></p>'
        '<img src="balie.jpg" alt="De balie in het stadskantoor"><img src="rand.png" alt="">'
    )
    report = check_html(html, fragment=False)
    assert report.findings == ()
    assert {p.rule for p in report.passes} == {rule.id for rule in registry}


def test_messages_name_the_alt_text_and_the_level_that_is_missing():
    [finding] = check_html('<img src="a.jpg" alt="afbeelding">').findings
    assert "“afbeelding”" in finding.message
    [finding] = check_html("<h2>A</h2><h5>B</h5>").findings
    assert "niveau 3 is overgeslagen" in finding.message
    assert "h3" in finding.suggestion


def test_typo_in_aria_attribute_suggests_the_right_one():
    [finding] = check_html('<button aria-lable="Sluiten">X</button>').findings
    assert "aria-label?" in finding.message
