"""Deleting a contactpunt or locatie that live products show is refused.

A product's ``contact`` is SET_NULL and a locatie drops out of its list, so a
delete would change live products without the gate. The delete guard
(``contenthub.extensions``) refuses it with a Dutch message that names the
products, in the model's ``delete()`` and in Wagtail's delete views, and
nothing changes.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from contenthub.models import Contactpunt, Locatie, ProductPage
from publicatie.holding import SnippetInUse
from tests.factories import ContactpuntFactory, LocatieFactory

from .channels import everything

pytestmark = pytest.mark.django_db


def test_deleting_a_contactpunt_that_live_products_show_is_refused(live_product):
    contact = live_product.contact
    before = everything(live_product)
    with pytest.raises(SnippetInUse) as refused:
        contact.delete()
    assert str(refused.value) == (
        f"Dit contactpunt ({contact.naam}) wordt gebruikt door 1 gepubliceerd "
        "product: Paspoort aanvragen; verwijderen kan pas als u bij dat product "
        "een ander contactpunt hebt gekozen. Er is niets verwijderd."
    )
    assert Contactpunt.objects.filter(pk=contact.pk).exists()
    assert ProductPage.objects.get(pk=live_product.pk).contact_id == contact.pk
    assert everything(live_product) == before


def test_deleting_a_locatie_names_every_live_product_that_shows_it(
    live_product, make_product
):
    other = make_product(slug="id-kaart", title="ID-kaart aanvragen")
    locatie = LocatieFactory(site=live_product.get_site())
    for page in (live_product, other):
        page.locaties.add(locatie)
        page.save()
    with pytest.raises(SnippetInUse) as refused:
        locatie.delete()
    assert str(refused.value).startswith(
        f"Deze locatie ({locatie.naam}) wordt gebruikt door 2 gepubliceerde "
        "producten: Paspoort aanvragen, ID-kaart aanvragen; verwijderen kan pas als"
    )
    assert Locatie.objects.filter(pk=locatie.pk).exists()
    assert list(ProductPage.objects.get(pk=live_product.pk).locaties.all()) == [locatie]


def test_a_contactpunt_that_only_drafts_use_can_be_deleted(live_product, make_product):
    unused = ContactpuntFactory(site=live_product.get_site(), naam="Team Oud")
    draft = make_product(slug="concept", live=False, contact=unused)
    unused.delete()
    assert not Contactpunt.objects.filter(pk=unused.pk).exists()
    assert ProductPage.objects.get(pk=draft.pk).contact_id is None


def test_the_admin_delete_view_shows_why_and_deletes_nothing(
    admin_client, live_product
):
    contact = live_product.contact
    before = everything(live_product)
    url = reverse("wagtailsnippets_contenthub_contactpunt:delete", args=(contact.pk,))
    for response in (admin_client.get(url), admin_client.post(url)):
        assert response.status_code == 302
        assert response["Location"] == reverse(
            "wagtailsnippets_contenthub_contactpunt:edit", args=(contact.pk,)
        )
    page = admin_client.get(response["Location"]).content.decode()
    assert "wordt gebruikt door 1 gepubliceerd product: Paspoort aanvragen" in page
    assert Contactpunt.objects.filter(pk=contact.pk).exists()
    assert everything(live_product) == before


def test_the_admin_bulk_delete_refuses_as_well(admin_client, live_product):
    contact = live_product.contact
    unused = ContactpuntFactory(site=live_product.get_site(), naam="Team Oud")
    url = reverse("wagtail_bulk_action", args=("contenthub", "contactpunt", "delete"))
    response = admin_client.post(
        f"{url}?id={contact.pk}&id={unused.pk}", {"next": "/admin/"}
    )
    assert response.status_code == 302
    assert Contactpunt.objects.filter(pk__in=[contact.pk, unused.pk]).count() == 2
    listing = admin_client.get(response["Location"]).content.decode()
    assert "Er is niets verwijderd." in listing
