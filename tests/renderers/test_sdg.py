"""SDG channel: every demo SDG product is a valid Product of the invoervoorziening."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import renderers
from contenthub.findings import Severity
from publicatie.gate import evaluate_publication_gate
from renderers.channels.sdg import SdgRenderer
from renderers.overheid import is_sdg_product
from tests.openapi import errors_of, openapi_validator

pytestmark = pytest.mark.django_db

SPEC = json.loads(
    (
        Path(__file__).resolve().parents[2]
        / "renderers"
        / "schemas"
        / "sdg"
        / "sdg-invoervoorziening-components.json"
    ).read_text()
)
COMPONENTS = SPEC["components"]["schemas"]
DOELGROEPEN = SPEC["doelgroepen"]["enum"]
# What the channel renders: a request body without the catalogus, which the
# command adds when sending (koppelingen/sdg.py).
RENDERED = openapi_validator(
    COMPONENTS, "Product", request=True, not_required=("catalogus",)
)


def sdg_document(product) -> dict:
    return json.loads(renderers.render(product, "sdg").text)


def test_every_demo_sdg_product_is_valid_against_the_schema(demo_products):
    sdg_products = [p for p in demo_products if is_sdg_product(p)]
    assert len(sdg_products) >= 10
    for product in sdg_products:
        document = sdg_document(product)
        assert errors_of(RENDERED, document) == [], product.slug
        assert document["doelgroep"] in DOELGROEPEN
        assert [v["taal"] for v in document["vertalingen"]] == ["nl", "en"]


def test_the_dutch_version_carries_every_sdg_field(demo_products):
    product = next(p for p in demo_products if p.slug == "paspoort")
    [nl, _en] = sdg_document(product)["vertalingen"]
    assert product.kort_antwoord in nl["specifiekeTekst"]
    assert nl["procedureBeschrijving"].startswith("<ol>")
    assert product.bezwaar_en_beroep == nl["bezwaarEnBeroep"]
    assert product.kosten[0].bedrag_tekst in nl["kostenEnBetaalmethoden"]
    assert nl["uitersteTermijn"] == product.termijn.omschrijving
    assert nl["wtdBijGeenReactie"] == product.wat_als_geen_reactie
    assert nl["decentraleProcedureLink"] in (product.online_aanvragen_url, product.url)
    assert nl["verwijzingLinks"][0]["url"] == product.url


def test_a_product_outside_the_sdg_has_no_sdg_rendering(demo_products):
    outside = next(p for p in demo_products if p.upl_uri and not is_sdg_product(p))
    rendering = renderers.render(outside, "sdg")
    assert rendering.content == ""
    assert SdgRenderer().check(outside, rendering) == []


@pytest.mark.parametrize(
    ("path", "broken"),
    [
        (("vertalingen", 0, "productTitelDecentraal"), "x" * 51),
        (("vertalingen", 0, "taal"), "de"),
        (("vertalingen", 0, "verwijzingLinks"), [{"label": "zonder url"}]),
        (("upnUri",), "geen link"),
        (("organisatie",), None),
        (("productAanwezig",), "ja"),
    ],
)
def test_breaking_one_field_fails_validation(demo_products, path, broken):
    product = next(p for p in demo_products if p.slug == "paspoort")
    document = sdg_document(product)
    assert errors_of(RENDERED, document) == []
    target = document
    for key in path[:-1]:
        target = target[key]
    if broken is None:
        del target[path[-1]]
    else:
        target[path[-1]] = broken
    assert errors_of(RENDERED, document) != []


def test_english_fields_say_which_are_missing(product, snapshot_of):
    snapshot = snapshot_of(product)
    findings = SdgRenderer().check(snapshot, renderers.render(snapshot, "sdg"))
    [english] = [f for f in findings if f.rule == "kanaal.sdg-engels-ontbreekt"]
    assert english.severity is Severity.WAARSCHUWING
    assert "specifieke tekst" in english.message
    assert "bezwaar en beroep" in english.message


def test_an_sdg_product_without_bezwaar_en_beroep_is_blocked(product):
    product.bezwaar_en_beroep = ""
    result = evaluate_publication_gate(page=product)
    blocking = [f for f in result.blocking if f.rule == "kanaal.sdg-ontbreekt"]
    assert [f.location.field for f in blocking] == ["bezwaar_en_beroep"]
    assert "bezwaar" in blocking[0].message


def test_a_product_outside_the_sdg_needs_no_sdg_fields(product):
    product.upl_naam = "huwelijk"
    product.upl_uri = "http://standaarden.overheid.nl/owms/terms/huwelijk"
    product.bezwaar_en_beroep = ""
    result = evaluate_publication_gate(page=product)
    assert not [f for f in result.all_findings if f.rule.startswith("kanaal.sdg")]
