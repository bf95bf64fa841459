"""The SC feed: the demo's feed is valid against the shipped SC 4.0 XSD, from stored entries only."""

from __future__ import annotations

import pytest
from lxml import etree
from wagtail.models import Page, Site

from contenthub.catalogue import live_products
from renderers.channels.samenwerkende_catalogi import (
    DCTERMS_NS,
    PRODUCT_NS,
    sc_schema,
)
from renderers.models import ChannelRendering
from tests.factories import HomePageFactory

pytestmark = pytest.mark.django_db

NS = {"sc": PRODUCT_NS, "dcterms": DCTERMS_NS}


def feed_of(client) -> etree._Element:
    response = client.get("/samenwerkende-catalogi.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def test_the_demo_feed_is_valid_against_the_sc_schema(demo_client, demo_site):
    feed = feed_of(demo_client)
    schema = sc_schema()
    assert schema.validate(feed), schema.error_log
    products = feed.findall("sc:scproduct", NS)
    assert len(products) == live_products(site=demo_site).count()


def test_each_entry_carries_upl_uri_audience_and_online_link(demo_client, demo_site):
    feed = feed_of(demo_client)
    by_id = {p.findtext(".//sc:productID", namespaces=NS): p for p in feed}
    for page in live_products(site=demo_site):
        entry = by_id[str(page.pk)]
        upl = entry.find(".//sc:uniformeProductnaam", NS)
        assert upl.get("resourceIdentifier") == page.upl_uri
        audiences = [a.text for a in entry.findall(".//dcterms:audience", NS)]
        assert (
            audiences
            == {
                "inwoners": ["particulier"],
                "ondernemers": ["ondernemer"],
                "beide": ["particulier", "ondernemer"],
            }[page.doelgroep]
        )
        online = entry.findtext(".//sc:onlineAanvragen", namespaces=NS)
        link = entry.find(".//sc:aanvraagURL", NS)
        if page.online_aanvragen_url:
            assert online in ("ja", "digid")
            assert link.get("resourceIdentifier") == page.online_aanvragen_url
        else:
            assert (online, link) == ("nee", None)


@pytest.mark.parametrize(
    ("xpath", "attribute", "broken"),
    [
        (".//sc:onlineAanvragen", None, "misschien"),
        (".//dcterms:audience", "scheme", "doelgroep"),
        (".//dcterms:identifier", None, ""),
        (".//dcterms:type", None, "nieuwsbericht"),
        (".//dcterms:creator", "scheme", "overheid:Ministerie van Niets"),
    ],
)
def test_breaking_one_field_fails_validation(demo_client, xpath, attribute, broken):
    feed = feed_of(demo_client)
    assert sc_schema().validate(feed)
    element = feed.find(xpath, NS)
    if attribute:
        element.set(attribute, broken)
    else:
        element.text = broken
    assert not sc_schema().validate(feed)


def test_the_feed_is_assembled_from_stored_entries_only(demo_client, demo_site):
    page = live_products(site=demo_site).first()
    row = ChannelRendering.objects.get(page=page, channel="samenwerkende_catalogi")
    marked = row.content.replace("<dcterms:title>", "<dcterms:title>Opgeslagen: ", 1)
    ChannelRendering.objects.filter(pk=row.pk).update(content=marked)
    feed = feed_of(demo_client)
    titles = [t.text for t in feed.iterfind(".//dcterms:title", NS)]
    assert f"Opgeslagen: {page.title}" in titles


def test_a_product_taken_offline_leaves_the_feed(demo_client, demo_site):
    page = live_products(site=demo_site).first()
    page.unpublish()
    ids = feed_of(demo_client).xpath("//sc:productID/text()", namespaces=NS)
    assert str(page.pk) not in ids


def test_a_stale_entry_of_an_older_revision_is_left_out(demo_client, demo_site):
    page = live_products(site=demo_site).first()
    ChannelRendering.objects.filter(page=page, channel="samenwerkende_catalogi").update(
        revision=None
    )
    ids = feed_of(demo_client).xpath("//sc:productID/text()", namespaces=NS)
    assert str(page.pk) not in ids


def test_another_gemeente_gets_only_its_own_products(client, demo_site):
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="nieuwdorp", title="Nieuwdorp")
    Site.objects.create(hostname="nieuwdorp.example", port=80, root_page=home)
    response = client.get("/samenwerkende-catalogi.xml", HTTP_HOST="nieuwdorp.example")
    # No products of its own yet: a clear message, never Voorbeeldstad's feed.
    assert response.status_code == 404
    assert "nog geen producten" in response.content.decode()
