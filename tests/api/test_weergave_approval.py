"""The API's ``weergave`` serves a stored rendering only while its approval holds.

As the website does (``renderers.preview.serve_live``): the stored
rendering's verdict must be of the product's inputs as they are now. A write
that went around the gate, or a related product that left the catalogue,
makes the stored rendering and the product's stored document stale; neither
is then served (the product is left out, as the website answers 404).
"""

from __future__ import annotations

import pytest
from django.core.cache import cache

from contenthub.models import GerelateerdProduct, ProductPage
from renderers.approval import current_fingerprint, current_fingerprints
from tests.factories import LocatieFactory

pytestmark = pytest.mark.django_db

TWEET = '{ product(slug: "paspoort") { weergave(kanaal: TWEET) { inhoud } } }'


def test_a_stored_rendering_of_the_current_inputs_is_served(make_product, data):
    make_product(slug="paspoort", title="Paspoort aanvragen")
    weergave = data(TWEET)["product"]["weergave"]
    assert weergave is not None
    assert "paspoort" in weergave["inhoud"]


def test_a_write_around_the_gate_makes_the_stored_rendering_stale(
    make_product, data, client
):
    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    assert data(TWEET)["product"]["weergave"] is not None
    # No save(), no gate: the stored rendering no longer shows these inputs.
    ProductPage.objects.filter(pk=page.pk).update(
        kort_antwoord="Een tekst die de publicatiecontrole nooit zag."
    )
    cache.clear()
    assert data(TWEET)["product"] is None
    # The website answers the same for the same reason.
    assert client.get(page.url).status_code == 404


def test_a_related_product_that_leaves_the_catalogue_makes_it_stale(make_product, data):
    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    related = make_product(slug="id-kaart", title="Identiteitskaart aanvragen")
    GerelateerdProduct.objects.create(page=page, product=related)
    page.save()  # a live product's save: judged and stored again
    assert data(TWEET)["product"]["weergave"] is not None
    # Unpublished without a signal (as a bulk update would).
    ProductPage.objects.filter(pk=related.pk).update(live=False)
    cache.clear()
    assert data(TWEET)["product"] is None


def test_the_batch_fingerprints_equal_the_fingerprint_of_one_page(make_product):
    locaties = [LocatieFactory(), LocatieFactory()]
    previous = None
    pages = []
    for n in range(3):
        page = make_product(slug=f"product-{n}")
        page.locaties = locaties
        page.zoektermen.add("id-kaart", f"woord-{n}")
        if previous is not None:
            GerelateerdProduct.objects.create(page=page, product=previous)
        page.save()
        pages.append(page)
        previous = page
    batch = current_fingerprints([page.pk for page in pages])
    assert batch == {
        page.pk: current_fingerprint(ProductPage.objects.get(pk=page.pk))
        for page in pages
    }
