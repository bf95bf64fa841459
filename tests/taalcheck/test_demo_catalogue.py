"""The demo passes its own check at B1: every text field of every product.

Reads the TOML source directly (no database), so it runs in milliseconds and
points at the exact basistekst, gemeente, product and field when a text gets
too hard. A national basistekst is checked once; each gemeente's products add
only their own texts (local fields and the fields they wrote themselves).
"""

from __future__ import annotations

import pytest

from contenthub.inheritance import INHERITED_FIELDS
from demo.source import (
    GEMEENTEN,
    own_fields,
    read_basisteksten,
    read_catalogus,
    read_organisatie,
)
from taalcheck import check
from taalcheck.product import TEXT_FIELDS, product_texts

BASISTEKSTEN = read_basisteksten()
CATALOGI = {gemeente: read_catalogus(gemeente, BASISTEKSTEN) for gemeente in GEMEENTEN}
PRODUCTS = [
    (gemeente, product)
    for gemeente, catalogus in CATALOGI.items()
    for producten in catalogus.values()
    for product in producten
]


def _own_texts(product: dict) -> list[tuple[str, str]]:
    inherited = set(INHERITED_FIELDS) - set(own_fields(product))
    if not product.get("basistekst"):
        inherited = set()
    return [(f, text) for f, text in product_texts(product) if f not in inherited]


FIELDS = [
    pytest.param(f"basistekst {slug}", field, text, id=f"basistekst-{slug}-{field}")
    for slug, tekst in BASISTEKSTEN.items()
    for field, text in product_texts(tekst)
] + [
    pytest.param(
        f"{gemeente}/{product['slug']}",
        field,
        text,
        id=f"{gemeente}-{product['slug']}-{field}",
    )
    for gemeente, product in PRODUCTS
    for field, text in _own_texts(product)
]


def test_voorbeeldstad_has_50_products_and_every_product_has_its_main_texts():
    assert sum(len(p) for p in CATALOGI["voorbeeldstad"].values()) == 50
    for gemeente, product in PRODUCTS:
        fields = {field for field, _text in product_texts(product)}
        assert {"kort_antwoord", "wat_is_het", "aanvragen"} <= fields, (
            gemeente,
            product["slug"],
        )
        assert fields <= set(TEXT_FIELDS)


def test_every_basistekst_is_used_by_every_gemeente():
    for gemeente, catalogus in CATALOGI.items():
        used = {
            product.get("basistekst")
            for producten in catalogus.values()
            for product in producten
        }
        assert set(BASISTEKSTEN) <= used, gemeente


@pytest.mark.parametrize(("waar", "field", "text"), FIELDS)
def test_every_demo_text_field_passes_b1(waar, field, text):
    report = check(text, niveau="B1")
    fouten = [
        f"{f.rule}: {f.message} ({f.excerpt})" for f in report.findings if f.blocks
    ]
    assert report.passes, (
        f"{waar}.{field}: niveau {report.niveau}, score {report.score}; {fouten}"
    )


def test_every_demo_product_as_a_whole_is_b1_or_easier():
    for gemeente, product in PRODUCTS:
        whole = "".join(
            text if text.lstrip().startswith("<") else f"<p>{text}</p>"
            for _field, text in product_texts(product)
        )
        report = check(whole)
        assert report.niveau in ("A2", "B1"), (gemeente, product["slug"], report.score)


TOELICHTINGEN = [
    pytest.param(text, id=f"{gemeente}-{slug}")
    for gemeente in GEMEENTEN
    for slug, locatie in read_organisatie(gemeente).get("locatie", {}).items()
    if (text := locatie.get("toelichting"))
]


@pytest.mark.parametrize("text", TOELICHTINGEN)
def test_every_locatie_toelichting_passes_b1(text):
    # The publication gate checks a product's locaties too (publicatie.checks):
    # one toelichting too hard keeps every product at that locatie offline.
    report = check(text, niveau="B1")
    assert report.passes, (text, report.niveau, report.score)
