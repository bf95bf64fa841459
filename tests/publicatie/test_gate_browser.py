"""The gate's browser step: axe-core in Chromium behind CONTENTHUB_WCAG_BROWSER."""

from __future__ import annotations

from pathlib import Path

import pytest

from publicatie.checks import WEB_PAGE_FIELD, with_local_stylesheets
from publicatie.gate import evaluate_publication_gate
from toegankelijkheid import browser

pytestmark = pytest.mark.django_db


def _fail_if_run(*args, **kwargs):
    pytest.fail("the browser step ran although it is off")


def test_off_the_gate_starts_no_browser(live_product, monkeypatch):
    monkeypatch.setenv("CONTENTHUB_WCAG_BROWSER", "0")
    monkeypatch.setattr(browser, "run_axe", _fail_if_run)
    result = evaluate_publication_gate(page=live_product)
    assert result.passed, result.summary()
    assert not any(
        f.rule.startswith("axe.") for f in result.findings["toegankelijkheid"]
    )


def test_unset_the_gate_leaves_the_browser_out(live_product, monkeypatch):
    # wcagcheck --browser runs it when Chromium is there; the gate waits to be asked.
    monkeypatch.delenv("CONTENTHUB_WCAG_BROWSER", raising=False)
    monkeypatch.setattr(browser, "missing", lambda: "")
    monkeypatch.setattr(browser, "run_axe", _fail_if_run)
    result = evaluate_publication_gate(page=live_product)
    assert result.passed, result.summary()


def test_a_browser_that_fails_blocks_instead_of_passing(live_product, monkeypatch):
    def broken(*args, **kwargs):
        raise browser.AxeError("Chromium stopte")

    monkeypatch.setenv("CONTENTHUB_WCAG_BROWSER", "1")
    monkeypatch.setattr(browser, "missing", lambda: "")
    monkeypatch.setattr(browser, "run_axe", broken)
    result = evaluate_publication_gate(page=live_product)
    assert not result.passed
    [finding] = [f for f in result.blocking if f.rule == "axe.browser"]
    assert finding.location.field == WEB_PAGE_FIELD
    assert "niet volledig gecontroleerd" in finding.message


def test_axe_violations_become_blocking_findings_on_the_page(live_product, monkeypatch):
    seen = []

    def fake_axe(pages, **kwargs):
        seen.append(pages[0]["html"])
        return [
            {
                "axeVersion": "test",
                "violations": [
                    {
                        "id": "image-alt",
                        "help": "Images must have alternative text",
                        "tags": ["wcag2a", "wcag111"],
                        "nodes": [
                            {"target": ["main", "img"], "html": '<img src="a.png">'}
                        ],
                    }
                ],
            }
        ]

    monkeypatch.setenv("CONTENTHUB_WCAG_BROWSER", "1")
    monkeypatch.setattr(browser, "missing", lambda: "")
    monkeypatch.setattr(browser, "run_axe", fake_axe)
    result = evaluate_publication_gate(page=live_product)
    [html] = seen
    assert "Paspoort aanvragen" in html
    [finding] = [f for f in result.blocking if f.rule == "axe.image-alt"]
    assert finding.criteria == ("1.1.1",)
    assert finding.location.field == WEB_PAGE_FIELD
    assert not result.passed


def test_asked_for_without_chromium_the_verdict_says_it_was_skipped(
    live_product, monkeypatch
):
    monkeypatch.setenv("CONTENTHUB_WCAG_BROWSER", "1")
    monkeypatch.setattr(browser, "missing", lambda: "Chromium ontbreekt")
    monkeypatch.setattr(browser, "run_axe", _fail_if_run)
    result = evaluate_publication_gate(page=live_product)
    assert result.passed, result.summary()
    [finding] = [f for f in result.all_findings if f.rule == "axe.overgeslagen"]
    assert browser.SKIPPED_NOT_INSTALLED in finding.message
    assert not finding.blocks


@pytest.mark.browser
def test_in_chromium_the_gate_runs_axe_and_a_good_product_still_passes(
    live_product, monkeypatch
):
    # CI installs Chromium (scripts/browser-deps) and runs this: the gate's browser
    # step itself, not only the static rules.
    if browser.missing():
        pytest.skip(browser.missing())
    monkeypatch.setenv("CONTENTHUB_WCAG_BROWSER", "1")
    runs = []
    real_run_axe = browser.run_axe

    def counted(pages, **kwargs):
        results = real_run_axe(pages, **kwargs)
        runs.append(results)
        return results

    monkeypatch.setattr(browser, "run_axe", counted)
    result = evaluate_publication_gate(page=live_product)
    assert len(runs) == 1
    [[page]] = runs
    assert page.get("axeVersion")
    assert "error" not in page
    assert not any(f.rule == "axe.overgeslagen" for f in result.all_findings)
    assert result.passed, result.summary()


def test_the_browser_gets_the_pages_own_stylesheets_written_in():
    # Without a server behind setContent a /static/ link loads nothing, and axe would
    # judge an unstyled page (in Chromium: target-size on every breadcrumb link).
    html = (
        '<html><head><link rel="stylesheet" href="/static/renderers/site.css">'
        '<link rel="stylesheet" href="https://cdn.example/x.css"></head>'
        "<body><p>x</p></body></html>"
    )
    out = with_local_stylesheets(html)
    assert 'href="/static/renderers/site.css"' not in out
    assert "<style>" in out
    assert 'href="https://cdn.example/x.css"' in out
    site = (
        Path(__file__).resolve().parents[2] / "renderers/static/renderers/site.css"
    ).read_text(encoding="utf-8")
    assert site.strip().splitlines()[0] in out
