"""Open Product channel: a ProductType with Open Product's code rules and prices."""

from __future__ import annotations

import json

import pytest

import renderers
from renderers.channels.open_product import producttype_code

pytestmark = pytest.mark.django_db


def test_the_code_follows_open_products_pattern(product, snapshot_of):
    product.slug = "paspoort-aanvragen-2"
    assert producttype_code(snapshot_of(product)) == "PASPOORT-AANVRAGEN-2"


def test_prices_are_decimals_with_the_amount_as_channels_write_it(product, snapshot_of):
    document = json.loads(renderers.render(snapshot_of(product), "open_product").text)
    [optie] = document["prijzen"][0]["prijsopties"]
    assert optie["bedrag"] == "84.29"
    assert "€ 84,29" in optie["beschrijving"]


def test_a_free_product_has_no_price(make_product, snapshot_of):
    page = make_product(kosten_gratis=True, kosten=[])
    document = json.loads(renderers.render(snapshot_of(page), "open_product").text)
    assert document["prijzen"] == []


def test_the_agents_note_stays_out(make_product, snapshot_of):
    page = make_product(kcc_notitie="Alleen voor het KCC.")
    text = renderers.render(snapshot_of(page), "open_product").text
    assert "Alleen voor het KCC" not in text
    assert json.loads(text)["interne_opmerkingen"] == ""


def test_a_link_open_product_would_refuse_is_a_blocking_finding(product, snapshot_of):
    from contenthub.findings import Severity
    from renderers.channels.open_product import OpenProductRenderer

    product.online_aanvragen_url = "https://www.voorbeeldstad.example/" + "a" * 200
    snapshot = snapshot_of(product)
    findings = OpenProductRenderer().check(
        snapshot, renderers.render(snapshot, "open_product")
    )
    assert [f.rule for f in findings] == ["kanaal.open-product-link-te-lang"]
    assert findings[0].severity is Severity.FOUT
    assert "langer dan 200 tekens" in findings[0].message
