"""The gate's browser step: axe-core in Chromium behind CONTENTHUB_WCAG_BROWSER."""

from __future__ import annotations

import pytest

from publicatie.checks import WEB_PAGE_FIELD
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


@pytest.mark.browser
def test_in_chromium_a_good_product_still_passes(live_product):
    if browser.missing():
        pytest.skip(browser.missing())
    result = evaluate_publication_gate(page=live_product)
    assert result.passed, result.summary()
