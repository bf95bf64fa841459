"""App: valid JSON against the published schema, in the web page's section order."""

from __future__ import annotations

import json
import re
from pathlib import Path

from jsonschema import Draft202012Validator

import renderers

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[2]
        / "renderers"
        / "schemas"
        / "app-product.schema.json"
    ).read_text()
)


def test_every_demo_product_is_valid_against_the_schema(demo_products):
    validator = Draft202012Validator(
        SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    for product in demo_products:
        document = json.loads(renderers.render(product, "app").text)
        errors = [error.message for error in validator.iter_errors(document)]
        assert errors == [], product.slug


def test_amounts_are_cents_and_a_display_string(demo_products):
    product = next(p for p in demo_products if p.slug == "paspoort")
    kosten = next(
        s
        for s in json.loads(renderers.render(product, "app").text)["secties"]
        if s["id"] == "kosten"
    )
    assert kosten["regels"][0]["bedrag_centen"] == 8387
    assert kosten["regels"][0]["bedrag_tekst"] == "€ 83,87"


def test_sections_follow_the_order_of_the_web_page(demo_products):
    for product in demo_products:
        app_ids = [
            s["id"]
            for s in json.loads(renderers.render(product, "app").text)["secties"]
        ]
        web = renderers.render(product, "web", variant="fragment").text
        web_ids = re.findall(r'<h2 id="([^"]+)"', web)
        assert app_ids == web_ids, product.slug


def test_deep_links(demo_products):
    product = demo_products[0]
    links = json.loads(renderers.render(product, "app").text)["links"]
    assert links["app"] == f"contenthub://product/{product.slug}"
    assert links["web"] == product.url
