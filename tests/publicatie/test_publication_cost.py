"""What one publication of a product costs, in SQL queries, pinned exactly.

A product publication validates, judges and renders once, stores every
channel in one write, and leaves Wagtail's reference and search index to the
task queue. The counts below are exact so that any new query shows up here
(bench/publication.py prints the time next to a plain Wagtail page).
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from contenthub.models import Contactpunt, GerelateerdProduct, ProductPage
from contenthub.revisions import checked_serializable_data
from renderers.models import ChannelRendering

QUEUED = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def queued_tasks(settings):
    """Background tasks wait in a queue, as in production, not in the request."""
    settings.TASKS = QUEUED


@pytest.fixture
def paspoort(live_product, make_product):
    """A live product with two related products and three zoektermen."""
    for slug in ("id-kaart", "rijbewijs"):
        related = publish(make_product(slug=slug, title=f"{slug} aanvragen"))
        GerelateerdProduct.objects.create(page=live_product, product=related)
    page = ProductPage.objects.get(pk=live_product.pk)
    page.zoektermen.add("reisdocument", "identiteit", "buitenland")
    return publish(page)


def _edit(page: ProductPage, text: str) -> ProductPage:
    page = ProductPage.objects.get(pk=page.pk)
    page.kort_antwoord = text
    return page


def test_a_product_publication_costs_an_exact_number_of_queries(
    paspoort, queued_tasks, django_assert_num_queries
):
    # Warm: the first publication in a process fills caches that stay.
    publish(_edit(paspoort, "U vraagt een paspoort aan bij de gemeente."))
    page = _edit(paspoort, "U vraagt een paspoort aan in het gemeentehuis.")
    # 118 when this was pinned; plus 2 x 2 for the clock (the page's related
    # products and their expire_at / go_live_at, read at save_revision and
    # again at publish: publicatie.holding.schedule_clock); and one Site
    # look-up fewer since webhook events follow the stored renderings
    # (koppelingen.signal_handlers); and one fewer since the gate reads the
    # taalcheck's settings once per verdict (publicatie.context.GateContext);
    # and two fewer since a snapshot reads the locaties once for the channels
    # and its source digest (contenthub.structured.snippets_in_language), in
    # the gate's snapshot and the stored one;
    # plus 6 since the API document is stored with the renderings
    # (renderers.documents: the document read when the save of the draft
    # finds the renderings still approved, the digest of the other rows its
    # inputs come from, there and at storing; which related products are
    # live, the locaties for their ids and the upsert at storing), and 6
    # fewer since the change guard reads the product with what its snapshot
    # reads and with its stored document (publicatie.holding.hold_live_page:
    # contact, locaties, zoektermen and related links once for the snapshot
    # and the document, and no query for the document), both times.
    with django_assert_num_queries(118):
        page.save_revision().publish()
    page.refresh_from_db()
    stored = ChannelRendering.objects.filter(page=paspoort)
    assert {row.revision_id for row in stored} == {page.live_revision_id}
    assert "in het gemeentehuis" in stored.get(channel="tweet", variant="").content


def test_listing_products_cost_nothing_when_title_and_link_stay(
    paspoort, make_product, queued_tasks
):
    id_kaart = ProductPage.objects.get(slug="id-kaart")

    def publication_queries(text: str) -> int:
        page = _edit(id_kaart, text)
        with CaptureQueriesContext(connection) as queries:
            page.save_revision().publish()
        return len(queries)

    publication_queries("U vraagt een ID-kaart aan bij de gemeente.")  # warm
    one_listing = publication_queries("U vraagt een ID-kaart aan in het stadhuis.")
    for slug in ("verhuizen", "uittreksel"):
        listing = publish(make_product(slug=slug, title=f"{slug} regelen"))
        GerelateerdProduct.objects.create(page=listing, product=id_kaart)
        publish(ProductPage.objects.get(pk=listing.pk))
    three_listings = publication_queries("U vraagt een ID-kaart aan bij de balie.")
    # What they show of the ID-kaart (title, link) did not change: not one
    # of them is read or judged again.
    assert three_listings == one_listing


def test_listing_products_follow_a_new_title(paspoort, queued_tasks):
    id_kaart = ProductPage.objects.get(slug="id-kaart")
    id_kaart.title = "Identiteitskaart aanvragen"
    publish(id_kaart)
    web = ChannelRendering.objects.get(page=paspoort, channel="web", variant="")
    assert "Identiteitskaart aanvragen" in web.content


def test_a_revision_naming_rows_that_are_gone_loses_them_as_wagtail_would(
    paspoort, contactpunt
):
    content = paspoort.latest_revision.content
    gone_tag = Tag.objects.get(name="buitenland").pk
    gone_product = ProductPage.objects.get(slug="rijbewijs").pk
    content = checked_serializable_data(ProductPage, content)  # nothing gone yet
    assert len(content["zoekterm_items"]) == 3
    assert len(content["gerelateerde_producten"]) == 2

    Tag.objects.filter(pk=gone_tag).delete()
    ProductPage.objects.get(pk=gone_product).delete()
    Contactpunt.objects.filter(pk=contactpunt.pk).delete()
    checked = checked_serializable_data(ProductPage, content)

    assert checked["contact"] is None  # SET_NULL on the page itself
    assert [item["tag"] for item in checked["zoekterm_items"]] == [
        item["tag"] for item in content["zoekterm_items"] if item["tag"] != gone_tag
    ]  # CASCADE on a child: the child is dropped
    assert [item["product"] for item in checked["gerelateerde_producten"]] == [
        item["product"]
        for item in content["gerelateerde_producten"]
        if item["product"] != gone_product
    ]
    page = ProductPage.from_serializable_data(content)
    assert page.contact_id is None
    assert sorted(tag.name for tag in page.zoektermen.all()) == [
        "identiteit",
        "reisdocument",
    ]
