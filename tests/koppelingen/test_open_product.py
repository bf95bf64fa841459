"""Open Product's Producttypen API: list, detail and filters, valid against its schemas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contenthub.catalogue import live_products
from tests.openapi import errors_of, openapi_validator

pytestmark = pytest.mark.django_db

SPEC = json.loads(
    (
        Path(__file__).resolve().parents[2]
        / "renderers/schemas/open-product/producttypen-components.json"
    ).read_text()
)
SCHEMAS = SPEC["components"]["schemas"]
LIST = openapi_validator(SCHEMAS, "PaginatedProductTypeList")
DETAIL = openapi_validator(SCHEMAS, "ProductType")
URL = "/api/open-product/v1/producttypen"


def test_the_list_is_valid_and_holds_every_live_product(demo_client, demo_site):
    body = demo_client.get(URL, {"page_size": 500}).json()
    assert errors_of(LIST, body) == []
    assert body["count"] == live_products(site=demo_site).count()
    assert {p["naam"] for p in body["results"]} == {
        page.title for page in live_products(site=demo_site)
    }


def test_detail_is_valid_and_equals_the_list_entry(demo_client):
    first = demo_client.get(URL).json()["results"][0]
    response = demo_client.get(f"{URL}/{first['uuid']}")
    assert response.status_code == 200
    assert errors_of(DETAIL, response.json()) == []
    assert response.json() == first
    missing = demo_client.get(f"{URL}/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 404
    assert errors_of(openapi_validator(SCHEMAS, "DetailError"), missing.json()) == []


def test_filter_on_upl_name(demo_client, demo_site):
    body = demo_client.get(URL, {"uniforme_product_naam": "paspoort"}).json()
    assert [p["uniforme_product_naam"] for p in body["results"]] == ["paspoort"]
    none = demo_client.get(URL, {"uniforme_product_naam": "bestaat-niet"}).json()
    assert none["count"] == 0


def test_filter_on_doelgroep(demo_client, demo_site):
    for doelgroep in ("inwoners", "ondernemers", "beide"):
        body = demo_client.get(URL, {"doelgroep": doelgroep, "page_size": 500}).json()
        expected = live_products(site=demo_site).filter(doelgroep=doelgroep)
        assert {p["naam"] for p in body["results"]} == {p.title for p in expected}
    bad = demo_client.get(URL, {"doelgroep": "iedereen"})
    assert bad.status_code == 400
    assert "Onbekende doelgroep" in bad.json()["detail"]


def test_pagination_uses_page_and_page_size(demo_client):
    body = demo_client.get(URL, {"page_size": 3}).json()
    assert len(body["results"]) == 3
    assert "page_size=3" in body["next"]
    assert errors_of(LIST, demo_client.get(body["next"]).json()) == []


@pytest.mark.parametrize(
    ("field", "broken"),
    [("code", "paspoort aanvragen"), ("naam", None), ("prijzen", "gratis")],
)
def test_breaking_one_field_fails_validation(demo_client, field, broken):
    document = demo_client.get(URL).json()["results"][0]
    assert errors_of(DETAIL, document) == []
    if broken is None:
        del document[field]
    else:
        document[field] = broken
    assert errors_of(DETAIL, document) != []


def test_the_api_is_read_only(demo_client):
    assert demo_client.post(URL, {}, content_type="application/json").status_code == 405
