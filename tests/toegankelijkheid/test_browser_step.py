"""The browser step: axe-core in headless Chromium on one page, or a clear "skipped"."""

from __future__ import annotations

import io
import json
import sys

import pytest
from django.core.management import call_command

from toegankelijkheid import browser
from toegankelijkheid.browser import (
    SKIPPED_NOT_INSTALLED,
    SKIPPED_OFF,
    browser_enabled,
    check_page_in_browser,
)

BROKEN_PAGE = (
    "<!doctype html><html><head><title>Test</title></head>"
    '<body><main><img src="a.png"><a href="/"></a></main></body></html>'
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, True),
        ("1", True),
        ("aan", True),
        ("0", False),
        ("uit", False),
        ("false", False),
    ],
)
def test_the_setting_is_on_unless_turned_off(value, expected):
    environ = {} if value is None else {"CONTENTHUB_WCAG_BROWSER": value}
    assert browser_enabled(environ) is expected


def test_turned_off_it_says_so_and_runs_nothing(monkeypatch):
    monkeypatch.setattr(browser, "run_axe", lambda *a, **k: pytest.fail("ran anyway"))
    result = check_page_in_browser(
        BROKEN_PAGE, environ={"CONTENTHUB_WCAG_BROWSER": "0"}
    )
    assert not result.ran
    assert result.skipped == SKIPPED_OFF
    assert result.findings == ()


def test_without_chromium_the_check_is_skipped_with_the_reason(monkeypatch):
    monkeypatch.setattr(browser, "CHROMIUM", "/nonexistent/chromium")
    result = check_page_in_browser(BROKEN_PAGE, environ={})
    assert not result.ran
    assert result.skipped == "browser check skipped: Chromium not installed"
    assert result.skipped == SKIPPED_NOT_INSTALLED
    assert "Chromium" in result.detail
    assert result.to_dict()["skipped"] == SKIPPED_NOT_INSTALLED


@pytest.mark.browser
def test_in_chromium_axe_reports_the_broken_image_and_link():
    if browser.missing():
        pytest.skip(browser.missing())
    result = check_page_in_browser(BROKEN_PAGE, environ={})
    assert result.ran
    rules = {finding.rule for finding in result.findings}
    assert {"axe.image-alt", "axe.link-name", "axe.html-has-lang"} <= rules
    image = next(f for f in result.findings if f.rule == "axe.image-alt")
    assert image.criteria == ("1.1.1",)
    assert image.blocks
    assert image.location.css_path == "img"


@pytest.mark.browser
def test_wcagcheck_browser_reports_both_checkers(tmp_path):
    if browser.missing():
        pytest.skip(browser.missing())
    path = tmp_path / "pagina.html"
    path.write_text(BROKEN_PAGE, encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("wcagcheck", "--browser", "--json", str(path), stdout=out)
    assert exit_.value.code == 1
    data = json.loads(out.getvalue())
    assert data["browser"]["uitgevoerd"] is True
    assert any(f["regel"] == "axe.image-alt" for f in data["browser"]["bevindingen"])
    assert any(f["regel"] == "wcag.alt-ontbreekt" for f in data["bevindingen"])


def test_wcagcheck_browser_without_chromium_says_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(browser, "CHROMIUM", "/nonexistent/chromium")
    path = tmp_path / "pagina.html"
    path.write_text("<p>Schoon.</p>", encoding="utf-8")
    out = io.StringIO()
    monkeypatch.delenv("CONTENTHUB_WCAG_BROWSER")
    monkeypatch.setattr(sys, "argv", ["manage.py"])
    call_command("wcagcheck", "--browser", str(path), stdout=out)
    assert SKIPPED_NOT_INSTALLED in out.getvalue()
