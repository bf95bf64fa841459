"""Every demo gemeente (not only Voorbeeldstad) stores, for each of its live SDG
products, a payload the invoervoorziening's schema accepts as a request body."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contenthub.catalogue import live_products
from koppelingen.selectors import stored_renderings
from renderers.overheid import is_sdg_product
from tests.openapi import errors_of, openapi_validator

pytestmark = pytest.mark.django_db

SPEC = json.loads(
    (
        Path(__file__).resolve().parents[2]
        / "renderers/schemas/sdg/sdg-invoervoorziening-components.json"
    ).read_text()
)
REQUEST = openapi_validator(SPEC["components"]["schemas"], "Product", request=True)
CATALOGUS = "https://sdg.example/api/v1/catalogi/7d2b1c8e-0000-4000-8000-000000000001"


def test_every_demo_gemeente_sends_only_valid_sdg_payloads(demo_gemeenten):
    assert len(demo_gemeenten) == 3
    for key, site in demo_gemeenten.items():
        expected = {p.pk for p in live_products(site=site) if is_sdg_product(p)}
        stored = stored_renderings(site=site, channel="sdg")
        assert expected, key
        assert {row.page.pk for row in stored} == expected, key
        for row in stored:
            # As the command sends it (koppelingen/sdg.py adds the catalogus).
            body = json.loads(row.content) | {"catalogus": CATALOGUS}
            assert errors_of(REQUEST, body) == [], (key, row.page.slug)
            assert body["organisatie"]["owmsPrefLabel"], key


def test_one_broken_field_in_a_demo_payload_is_refused(demo_gemeenten):
    site = demo_gemeenten["heuveldorp"]
    row = stored_renderings(site=site, channel="sdg")[0]
    body = json.loads(row.content) | {"catalogus": CATALOGUS}
    # The invoervoorziening allows at most 50 characters for the title.
    body["vertalingen"][0]["productTitelDecentraal"] = "x" * 51
    assert errors_of(REQUEST, body)
