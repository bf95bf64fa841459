"""Web: a complete, accessible page and an embeddable fragment, for every demo product."""

from __future__ import annotations

import itertools
import json
import re
from html.parser import HTMLParser

import renderers


class Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_json_ld = (
            tag == "script" and dict(attrs).get("type") == "application/ld+json"
        )

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(data)
            self._in_json_ld = False


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def heading_levels(parsed: Outline) -> list[int]:
    return [int(tag[1]) for tag, _ in parsed.tags if re.fullmatch(r"h[1-6]", tag)]


def test_every_demo_product_renders_a_complete_accessible_page(demo_products):
    for product in demo_products:
        html = renderers.render(product, "web").text
        parsed = outline(html)
        tags = [tag for tag, _ in parsed.tags]
        assert html.startswith("<!DOCTYPE html>")
        assert dict(parsed.tags[0][1])["lang"] == "nl"
        assert tags.count("h1") == 1, product.slug
        levels = heading_levels(parsed)
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (
            product.slug,
            levels,
        )
        assert tags.count("main") == 1
        assert "header" in tags
        assert "footer" in tags
        assert "ol" in tags  # the steps
        if not product.kosten_gratis:
            header_cells = [attrs for tag, attrs in parsed.tags if tag == "th"]
            assert {attrs.get("scope") for attrs in header_cells} == {"col", "row"}
            assert "caption" in tags
        for regel in product.kosten:
            assert regel.bedrag_tekst in html


def test_the_page_carries_schema_org_government_service(demo_products):
    product = next(p for p in demo_products if p.slug == "paspoort")
    data = json.loads(outline(renderers.render(product, "web").text).json_ld[0])
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "Paspoort aanvragen"
    assert data["identifier"] == "http://standaarden.overheid.nl/owms/terms/paspoort"
    assert data["provider"] == {
        "@type": "GovernmentOrganization",
        "name": "Gemeente Voorbeeldstad",
    }
    assert [offer["price"] for offer in data["offers"]] == [
        f"{r.bedrag:.2f}" for r in product.kosten
    ]


def test_the_fragment_is_the_article_only(demo_products):
    fragment = renderers.render(demo_products[0], "web", variant="fragment").text
    assert fragment.startswith("<article")
    assert "<html" not in fragment
    assert "<main" not in fragment
    assert fragment.count("<h1") == 1


def test_nl_design_system_class_names_are_used(demo_products):
    html = renderers.render(demo_products[0], "web").text
    for class_name in (
        "utrecht-heading-1",
        "utrecht-table",
        "utrecht-ordered-list",
        "voorbeeld-theme",
    ):
        assert class_name in html
    # The neutral theme only: never a real gemeente's tokens.
    assert "utrecht-theme" not in html
