"""Content-Security-Policy and Permissions-Policy: strict on public pages, explicit in the admin."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
DATA_TYPES = ('type="application/ld+json"', 'type="application/json"')


@pytest.fixture
def csp(settings):
    settings.CONTENTHUB_CSP = True
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"localhost": "https://www.testdorp.example/api/preview"},
        "REDIRECT_ON_PREVIEW": False,
    }
    return settings


def directive(policy: str, name: str) -> list[str]:
    for part in policy.split(";"):
        words = part.split()
        if words and words[0] == name:
            return words[1:]
    raise AssertionError(f"{name} ontbreekt in {policy!r}")


def test_a_public_product_page_renders_under_a_strict_policy(csp, make_product, home):
    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    for url in (page.url, home.url):
        response = Client().get(url)
        assert response.status_code == 200, url
        policy = response["Content-Security-Policy"]
        assert directive(policy, "script-src") == ["'self'", "http://localhost:8000"]
        assert "'unsafe-inline'" not in policy
        assert directive(policy, "object-src") == ["'none'"]
        html = response.content.decode()
        # Every script is a file of the hub or a data block (JSON-LD): no inline script.
        for attributes in SCRIPT_TAG.findall(html):
            assert "src=" in attributes or any(t in attributes for t in DATA_TYPES), (
                url,
                attributes,
            )
        assert "camera=()" in response["Permissions-Policy"]
    assert 'type="application/ld+json"' in Client().get(page.url).content.decode()


def test_the_admin_policy_allows_what_wagtail_needs_and_the_preview_front_end(
    csp, admin_client
):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" in directive(policy, "script-src")
    assert "https://www.gravatar.com" in directive(policy, "img-src")
    assert "https://releases.wagtail.org" in directive(policy, "connect-src")
    assert directive(policy, "frame-src") == ["'self'", "https://www.testdorp.example"]
    assert directive(policy, "object-src") == ["'none'"]


def test_without_the_setting_only_the_permissions_policy_is_sent(
    settings, make_product
):
    settings.CONTENTHUB_CSP = False
    page = make_product(slug="paspoort")
    response = Client().get(page.url)
    assert "Content-Security-Policy" not in response
    assert "geolocation=()" in response["Permissions-Policy"]
