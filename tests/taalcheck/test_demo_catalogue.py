"""The demo catalogue passes its own check at B1: every text field of every product.

Reads the TOML source directly (no database), so it runs in milliseconds and
points at the exact product and field when a text gets too hard.
"""

from __future__ import annotations

import pytest

from contenthub.demo.source import read_catalogus
from taalcheck import check
from taalcheck.product import TEXT_FIELDS, product_texts

PRODUCTS = [product for producten in read_catalogus().values() for product in producten]
FIELDS = [
    pytest.param(product, field, text, id=f"{product['slug']}-{field}")
    for product in PRODUCTS
    for field, text in product_texts(product)
]


def test_the_catalogue_has_50_products_with_text_in_every_main_field():
    assert len(PRODUCTS) == 50
    for product in PRODUCTS:
        fields = {field for field, _text in product_texts(product)}
        assert {"kort_antwoord", "wat_is_het", "aanvragen"} <= fields, product["slug"]
        assert fields <= set(TEXT_FIELDS)


@pytest.mark.parametrize(("product", "field", "text"), FIELDS)
def test_every_demo_text_field_passes_b1(product, field, text):
    report = check(text, niveau="B1")
    fouten = [
        f"{f.rule}: {f.message} ({f.excerpt})" for f in report.findings if f.blocks
    ]
    assert report.passes, (
        f"{product['slug']}.{field}: niveau {report.niveau}, score {report.score}; {fouten}"
    )


def test_every_demo_product_as_a_whole_is_b1_or_easier():
    for product in PRODUCTS:
        whole = "".join(
            text if text.lstrip().startswith("<") else f"<p>{text}</p>"
            for _field, text in product_texts(product)
        )
        report = check(whole)
        assert report.niveau in ("A2", "B1"), (product["slug"], report.score)
