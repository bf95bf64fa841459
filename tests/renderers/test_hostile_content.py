"""Hostile content through every channel: each escapes for its own format.

The gate refuses these values (see ``tests/publicatie/test_channels_hold.py``);
here they are written past it, as old data or a careless import would, to
show that no channel carries markup or a dangerous link even then.
"""

from __future__ import annotations

import json

import pytest

from contenthub.models import Contactpunt, GemeenteInstellingen, ProductPage
from contenthub.structured import product_snapshot
from contenthub.text import has_markup
from renderers.services import render_all

pytestmark = pytest.mark.django_db

TAG = "<img src=x onerror=alert(1)>"
ENTITY_TAG = "&lt;script&gt;alert(1)&lt;/script&gt;"
BAD_URL = "javascript:alert(document.cookie)"
FORBIDDEN = ("onerror", "<script>", "<img", "javascript:", "data:text")


@pytest.fixture
def hostile_product(product):
    """Every plain-text field with markup and every link dangerous, in the database."""
    ProductPage.objects.filter(pk=product.pk).update(
        title=f"Paspoort {TAG}",
        kort_antwoord=f"U vraagt het aan. {TAG} {ENTITY_TAG}",
        termijn_omschrijving=f"Zes werkdagen {TAG}",
        online_aanvragen_url=BAD_URL,
        kanaal_online=True,
        wat_is_het=f"<p>Reizen <a href='{BAD_URL}'>hier</a> {ENTITY_TAG}</p><script>x</script>",
    )
    page = ProductPage.objects.get(pk=product.pk)
    page.aanvragen = [
        {
            "type": "stap",
            "value": {"titel": f"Afspraak {TAG}", "uitleg": f"<p>{ENTITY_TAG}</p>"},
        }
    ]
    page.benodigdheden = [{"type": "item", "value": f"Pasfoto {TAG}"}]
    page.vragen = [
        {
            "type": "vraag",
            "value": {"vraag": f"Hoe {TAG}?", "antwoord": f"Zo {ENTITY_TAG}"},
        }
    ]
    page.kosten = [
        {
            "type": "regel",
            "value": {
                "omschrijving": f"Leges {TAG}",
                "bedrag": "84.29",
                "per": "per_stuk",
            },
        }
    ]
    ProductPage.objects.filter(pk=page.pk).update(
        aanvragen=page.aanvragen,
        benodigdheden=page.benodigdheden,
        vragen=page.vragen,
        kosten=page.kosten,
    )
    Contactpunt.objects.filter(pk=page.contact_id).update(
        naam=f"Balie {TAG}",
        contactformulier_url=BAD_URL,
        afspraak_url="data:text/html,x",
    )
    site = page.get_site()
    hostile = {"naam": f"Testdorp {TAG}", "website": BAD_URL}
    if not GemeenteInstellingen.objects.filter(site=site).update(**hostile):
        GemeenteInstellingen.objects.bulk_create(
            [GemeenteInstellingen(site=site, **hostile)]
        )
    return ProductPage.objects.get(pk=page.pk)


def _strings(value, key=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)
    elif isinstance(value, str):
        yield key, value


@pytest.fixture
def renderings(hostile_product):
    return {
        (r.channel, r.variant): r for r in render_all(product_snapshot(hostile_product))
    }


def test_the_web_page_escapes_html_and_carries_no_dangerous_link(renderings):
    html = renderings[("web", "")].text + renderings[("web", "fragment")].text
    for forbidden in FORBIDDEN:
        assert forbidden not in html
    assert "Paspoort" in html


@pytest.mark.parametrize(("channel", "variant"), [("app", ""), ("chatbot", "")])
def test_json_strings_carry_no_markup(renderings, channel, variant):
    document = json.loads(renderings[(channel, variant)].text)
    for key, value in _strings(document):
        for forbidden in FORBIDDEN:
            assert forbidden not in value, (key, value)
        if key != "html":  # the app's rich-text sections, cleaned to the allowed tags
            assert not has_markup(value), (key, value)
    assert "Paspoort" in renderings[(channel, variant)].text


@pytest.mark.parametrize(
    ("channel", "variant"),
    [("tweet", ""), ("tweet", "thread"), ("brief", ""), ("chatbot", "tekst")],
)
def test_plain_text_channels_carry_no_markup(renderings, channel, variant):
    text = renderings[(channel, variant)].text
    assert not has_markup(text), text
    for forbidden in FORBIDDEN:
        assert forbidden not in text


def test_the_pdf_is_made_from_the_same_clean_letter(hostile_product, renderings):
    from django.template.loader import render_to_string

    from renderers.channels.brief import brief_context

    # What WeasyPrint gets: the letter's context in the HTML template.
    html = render_to_string(
        "renderers/brief.html", brief_context(product_snapshot(hostile_product))
    )
    for forbidden in FORBIDDEN:
        assert forbidden not in html
    if ("brief", "pdf") in renderings:
        assert renderings[("brief", "pdf")].data.startswith(b"%PDF")


def test_a_nan_amount_never_reaches_a_channel(product):
    product.kosten = [
        {
            "type": "regel",
            "value": {"omschrijving": "Leges", "bedrag": "NaN", "per": "per_stuk"},
        }
    ]
    snapshot = product_snapshot(product)
    assert snapshot.kosten == ()
    assert render_all(snapshot)  # no crash
