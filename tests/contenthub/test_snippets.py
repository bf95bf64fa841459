"""A snippet is written once and used by many products."""

from __future__ import annotations

import pytest

from contenthub.models import ProductPage
from tests.factories import LocatieFactory

pytestmark = pytest.mark.django_db


def test_a_changed_contactpunt_reaches_every_product_that_uses_it(
    client, make_product, contactpunt
):
    paspoort = make_product(slug="paspoort", title="Paspoort aanvragen")
    idkaart = make_product(slug="id-kaart", title="ID-kaart aanvragen")

    contactpunt.telefoon = "14 0888"
    contactpunt.full_clean()
    contactpunt.save()

    for page in (paspoort, idkaart):
        fresh = ProductPage.objects.get(pk=page.pk)
        assert fresh.contact.telefoon == "14 0888"
        assert "14 0888" in client.get(fresh.url).content.decode()


def test_a_locatie_is_shared_and_lists_its_products(make_product):
    stadhuis = LocatieFactory(naam="Stadhuis", postcode="9999 AA")
    paspoort = make_product(slug="paspoort")
    idkaart = make_product(slug="id-kaart")
    for page in (paspoort, idkaart):
        page.locaties.set([stadhuis])
        page.save_revision().publish()
    assert sorted(stadhuis.producten.values_list("slug", flat=True)) == [
        "id-kaart",
        "paspoort",
    ]


def test_locatie_validates_the_postcode_in_dutch(db):
    from django.core.exceptions import ValidationError

    locatie = LocatieFactory.build(postcode="12345")
    with pytest.raises(ValidationError) as caught:
        locatie.full_clean()
    assert caught.value.message_dict["postcode"] == [
        "Vul een Nederlandse postcode in, bijvoorbeeld 1234 AB."
    ]
