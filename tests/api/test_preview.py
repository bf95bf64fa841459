"""Headless preview: drafts only through productPreview(token), for minutes."""

from __future__ import annotations

import re
import time
from html import unescape
from urllib.parse import parse_qs

import pytest
from django.core import signing
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from api.preview import HEADLESS_MODE
from tests.contenthub.test_admin import product_form

from .conftest import publish_quickly

pytestmark = pytest.mark.django_db

PREVIEW = """query($token: String!) {
  productPreview(token: $token) {
    titel kortAntwoord slug thema { slug } gerelateerdeProducten { slug }
    weergave(kanaal: TWEET) { inhoud revisie }
  }
}"""

CLIENT_URLS = {
    "localhost": "https://www.testdorp.example/api/preview",
    "anderdorp.example": "https://www.anderdorp.example/voorbeeld",
}


def _token(page, *, minutes_ago: float = 0, monkeypatch=None) -> str:
    if minutes_ago and monkeypatch is not None:
        now = time.time()
        monkeypatch.setattr(signing.time, "time", lambda: now - minutes_ago * 60)
    token = page.create_page_preview().token
    if monkeypatch is not None:
        monkeypatch.undo()
    return token


@pytest.fixture
def draft(product):
    """A live product with newer, unpublished changes."""
    publish_quickly(product)
    product.title = "Paspoort aanvragen (concept)"
    product.kort_antwoord = "Dit is de nieuwe tekst. Die is nog niet gepubliceerd."
    product.save_revision()
    return product


def test_a_valid_token_shows_the_draft(draft, graphql):
    response = graphql(PREVIEW, {"token": _token(draft)})
    payload = response.json()
    assert "errors" not in payload, payload
    preview = payload["data"]["productPreview"]
    assert preview["titel"] == "Paspoort aanvragen (concept)"
    assert preview["thema"] == {"slug": "paspoort-en-id-kaart"}
    # The draft is rendered on request: it has no stored rendering.
    assert preview["weergave"]["inhoud"].startswith("Dit is de nieuwe tekst.")
    assert preview["weergave"]["revisie"] is None
    assert response["Cache-Control"] == "private, no-store"


def test_a_preview_is_never_stored_in_the_cache(draft, graphql):
    token = _token(draft)
    graphql(PREVIEW, {"token": token})
    with CaptureQueriesContext(connection) as queries:
        again = graphql(PREVIEW, {"token": token})
    assert again["Cache-Control"] == "private, no-store"
    assert len(queries) > 0


def test_the_public_queries_still_show_the_live_version(draft, data):
    _token(draft)
    result = data('{ product(slug: "paspoort") { titel } producten { totaal } }')
    assert result["product"]["titel"] != "Paspoort aanvragen (concept)"
    assert result["producten"]["totaal"] == 1


def test_a_new_page_never_published_can_be_previewed(make_product, graphql):
    page = make_product(slug="nieuw", live=False, title="Nieuw product")
    response = graphql(PREVIEW, {"token": _token(page)})
    assert response.json()["data"]["productPreview"]["titel"] == "Nieuw product"


def test_a_token_still_valid_after_nine_minutes(draft, graphql, monkeypatch):
    token = _token(draft, minutes_ago=9, monkeypatch=monkeypatch)
    assert graphql(PREVIEW, {"token": token}).json()["data"]["productPreview"]


def test_an_expired_token(draft, graphql, monkeypatch):
    token = _token(draft, minutes_ago=11, monkeypatch=monkeypatch)
    payload = graphql(PREVIEW, {"token": token}).json()
    assert payload["data"]["productPreview"] is None
    assert payload["errors"][0]["extensions"]["code"] == "PREVIEWTOKEN_VERLOPEN"


@override_settings(CONTENTHUB_API_PREVIEW_TOKEN_MINUTES=2)
def test_the_lifetime_is_a_setting_in_minutes(draft, graphql, monkeypatch):
    token = _token(draft, minutes_ago=3, monkeypatch=monkeypatch)
    payload = graphql(PREVIEW, {"token": token}).json()
    assert payload["errors"][0]["extensions"]["code"] == "PREVIEWTOKEN_VERLOPEN"


@pytest.mark.parametrize(
    "token",
    ["onzin", "id=1:1abc:vervalst", signing.TimestampSigner(salt="x").sign("id=1")],
    # Fixed ids: the signed token holds the time, and every test worker must
    # collect the same tests.
    ids=["onzin", "vervalste-handtekening", "ander-zout"],
)
def test_a_garbage_token(draft, graphql, token):
    payload = graphql(PREVIEW, {"token": token}).json()
    assert payload["data"]["productPreview"] is None
    assert payload["errors"][0]["extensions"]["code"] == "PREVIEWTOKEN_ONGELDIG"


def test_a_signed_token_without_a_stored_preview(draft, graphql):
    token = draft.get_preview_signer().sign(f"id={draft.pk}")
    payload = graphql(PREVIEW, {"token": token}).json()
    assert payload["errors"][0]["extensions"]["code"] == "PREVIEWTOKEN_ONGELDIG"


def test_no_headless_mode_without_a_front_end(product):
    with override_settings(WAGTAIL_HEADLESS_PREVIEW={"CLIENT_URLS": {}}):
        assert HEADLESS_MODE not in dict(product.preview_modes)


@override_settings(WAGTAIL_HEADLESS_PREVIEW={"CLIENT_URLS": CLIENT_URLS})
def test_the_channel_previews_remain_and_the_front_end_is_added(product):
    modes = dict(product.preview_modes)
    assert list(modes)[:3] == ["", "app", "tweet"]
    assert modes[HEADLESS_MODE] == "Externe front-end"
    request = RequestFactory().get("/admin/", HTTP_HOST="localhost")
    tweet = product.serve_preview(request, "tweet")
    assert tweet.status_code == 200


@override_settings(WAGTAIL_HEADLESS_PREVIEW={"CLIENT_URLS": CLIENT_URLS})
def test_the_front_end_of_the_pages_own_gemeente_opens(product, other_gemeente):
    # The admin runs on one host; each product previews on its gemeente's site.
    request = RequestFactory().get("/admin/", HTTP_HOST="localhost")
    for page, url in [
        (product, "https://www.testdorp.example/api/preview/"),
        (other_gemeente, "https://www.anderdorp.example/voorbeeld/"),
    ]:
        response = page.serve_preview(request, HEADLESS_MODE)
        html = response.content.decode()
        assert f'src="{url}?content_type=contenthub.productpage&amp;token=' in html


@override_settings(
    WAGTAIL_HEADLESS_PREVIEW={"CLIENT_URLS": {"default": "{SITE_ROOT_URL}/preview"}}
)
def test_the_default_front_end(product):
    request = RequestFactory().get("/admin/", HTTP_HOST="localhost")
    html = product.serve_preview(request, HEADLESS_MODE).content.decode()
    assert 'src="http://localhost/preview/?content_type=' in html


@override_settings(WAGTAIL_HEADLESS_PREVIEW={"CLIENT_URLS": CLIENT_URLS})
def test_from_the_admin_preview_to_the_front_end_and_back(
    admin_client, product, contactpunt, graphql
):
    """The editor's preview opens the front-end, which fetches the draft by token."""
    publish_quickly(product)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(product.pk,))
    form = product_form(contactpunt, title="Paspoort (voorbeeld)", slug="paspoort")
    assert admin_client.post(url, form).json()["is_valid"]
    response = admin_client.get(url, {"mode": HEADLESS_MODE})
    html = response.content.decode()
    match = re.search(
        r'src="https://www\.testdorp\.example/api/preview/\?([^"]+)"', html
    )
    assert match, html
    token = parse_qs(unescape(match.group(1)))["token"][0]
    preview = graphql(PREVIEW, {"token": token}).json()["data"]["productPreview"]
    assert preview["titel"] == "Paspoort (voorbeeld)"


PREVIEW_FOR = """query($token: String!, $gemeente: String) {
  productPreview(token: $token, gemeente: $gemeente) { titel }
}"""


@pytest.fixture
def other_draft(other_gemeente):
    other_gemeente.title = "Grofvuil ophalen (geheim concept)"
    other_gemeente.save_revision()
    return other_gemeente


def test_a_token_opens_the_draft_on_its_own_gemeentes_host(other_draft, graphql):
    token = _token(other_draft)
    payload = graphql(PREVIEW, {"token": token}, HTTP_HOST="anderdorp.example").json()
    assert (
        payload["data"]["productPreview"]["titel"]
        == "Grofvuil ophalen (geheim concept)"
    )
    named = graphql(PREVIEW_FOR, {"token": token, "gemeente": "anderdorp.example"})
    assert named.json()["data"]["productPreview"]["titel"].endswith("(geheim concept)")


def test_a_token_never_opens_the_draft_on_another_gemeentes_host(
    draft, other_draft, graphql
):
    token = _token(other_draft)
    for response in (
        graphql(PREVIEW, {"token": token}),  # the default site: Testdorp
        graphql(PREVIEW, {"token": token}, HTTP_HOST="localhost"),
        graphql(PREVIEW_FOR, {"token": token, "gemeente": "localhost"}),
    ):
        payload = response.json()
        assert payload["data"]["productPreview"] is None
        assert payload["errors"][0]["extensions"]["code"] == "PREVIEWTOKEN_ONGELDIG"
        assert "geheim concept" not in response.content.decode()
    own = graphql(
        PREVIEW_FOR, {"token": _token(draft), "gemeente": "anderdorp.example"}
    ).json()
    assert own["data"]["productPreview"] is None


def test_a_token_without_a_gemeente_is_refused(draft, graphql):
    """A token signed the way wagtail-headless-preview does, without the site."""
    token = draft.get_preview_signer().sign(f"id={draft.pk}")
    draft.update_page_preview(token)
    payload = graphql(PREVIEW, {"token": token}).json()
    assert payload["data"]["productPreview"] is None
    assert payload["errors"][0]["extensions"]["code"] == "PREVIEWTOKEN_ONGELDIG"
