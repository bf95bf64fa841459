"""Hostile content appears inert in every channel.

Since issue 14 a plain-text field leaves the hub without its markup (the
snapshot strips it; validation refuses it before that): a client that puts
a JSON string into ``innerHTML`` is not exposed.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

import renderers
from contenthub.structured import product_snapshot

HOSTILE_TITLE = '<script>alert("x")</script> "Paspoort" & \'ID\''


@pytest.fixture
def hostile(product):
    product.title = HOSTILE_TITLE
    product.wat_is_het = (
        '<p>Tekst<script>alert(1)</script><a href="javascript:alert(2)">link</a></p>'
    )
    return product_snapshot(product)


def test_the_web_page_escapes_the_title_and_strips_unsafe_markup(hostile):
    for variant in ("", "fragment"):
        html = renderers.render(hostile, "web", variant=variant).text
        assert "<script>alert" not in html
        assert "javascript:" not in html
        assert "&quot;Paspoort&quot; &amp; &#x27;ID&#x27;" in html


def test_the_json_ld_cannot_close_its_script_element(hostile):
    html = renderers.render(hostile, "web").text
    json_ld = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in json_ld
    assert json.loads(json_ld)["name"] == hostile.title


@pytest.mark.parametrize("channel", ["app", "chatbot"])
def test_json_channels_carry_the_title_as_data(hostile, channel):
    data = json.loads(renderers.render(hostile, channel).text)
    title = data["product"]["titel"]
    assert title == hostile.title == "\"Paspoort\" & 'ID'"
    # No string carries markup; the rich text lost its script and its javascript: link.
    assert "<script" not in json.dumps(data)
    assert "alert(1)" not in json.dumps(data)
    assert "javascript:" not in json.dumps(data)


def test_text_channels_are_plain_text_without_markup_from_rich_text(hostile):
    brief = renderers.render(hostile, "brief").text
    assert "alert(1)" not in brief
    assert renderers.render(hostile, "tweet").media_type.startswith("text/plain")


def test_the_pdf_holds_the_title_as_text(hostile):
    from renderers.crosscheck import rendering_text

    text = rendering_text(renderers.render(hostile, "brief", variant="pdf"))
    assert "\"Paspoort\" & 'ID'" in text
    assert "<script>" not in text


def test_snapshots_sanitise_rich_text(hostile):
    assert hostile.wat_is_het == "<p>Tekst<a>link</a></p>"


def test_hostile_url_in_a_snapshot_does_not_break_the_page(demo_products):
    product = dataclasses.replace(
        demo_products[0],
        online_aanvragen_url='https://x.nl/"><script>alert(1)</script>',
    )
    html = renderers.render(product, "web").text
    assert "<script>alert(1)" not in html
