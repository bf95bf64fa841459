"""GraphQL with ``taal: EN``: an English product's contactpunt and locaties
in English where the gemeente made a version, else the Dutch ones saying so."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from contenthub.models import ProductPage
from tests.factories import LocatieFactory

from .conftest import publish

pytestmark = pytest.mark.django_db

QUERY = """
query($taal: Taal) {
  product(slug: "paspoort", taal: $taal) {
    titel
    contact { naam taal openingstijden { dag tekst } }
    locaties { naam taal toelichting openingstijden { tekst } }
  }
}
"""


@pytest.fixture
def english(product):
    locatie = LocatieFactory(naam="Stadskantoor", toelichting="De ingang is achter.")
    dutch = ProductPage.objects.get(pk=product.pk)
    dutch.locaties.add(locatie)
    dutch = publish(dutch)
    page = dutch.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    page = ProductPage.objects.get(pk=page.pk)
    page.title = "Apply for a passport"
    page.kort_antwoord = "You apply for a passport at the town hall."
    return publish(page), locatie


def _translate(snippet, **values):
    version = snippet.copy_for_translation(Locale.objects.get(language_code="en"))
    for name, value in values.items():
        setattr(version, name, value)
    version.save()
    return version


def test_english_product_without_english_versions_shows_the_dutch_ones(english, data):
    product = data(QUERY, {"taal": "EN"})["product"]
    assert product["titel"] == "Apply for a passport"
    assert product["contact"]["naam"] == "Publiekszaken"
    assert product["contact"]["taal"] == "nl"
    assert product["contact"]["openingstijden"][0]["tekst"].startswith("Monday")
    assert product["locaties"][0]["taal"] == "nl"


def test_english_product_shows_the_english_versions(english, contactpunt, data):
    _, locatie = english
    _translate(contactpunt, naam="Public Affairs")
    _translate(locatie, naam="City Office", toelichting="The entrance is at the back.")
    product = data(QUERY, {"taal": "EN"})["product"]
    assert product["contact"]["naam"] == "Public Affairs"
    assert product["contact"]["taal"] == "en"
    assert product["locaties"] == [
        {
            "naam": "City Office",
            "taal": "en",
            "toelichting": "The entrance is at the back.",
            "openingstijden": product["locaties"][0]["openingstijden"],
        }
    ]
    assert product["locaties"][0]["openingstijden"][0]["tekst"].startswith("Monday")
    dutch = data(QUERY, {"taal": "NL"})["product"]
    assert dutch["contact"]["naam"] == "Publiekszaken"
    assert dutch["contact"]["taal"] == "nl"
    assert dutch["contact"]["openingstijden"][0]["tekst"].startswith("maandag")
    assert dutch["locaties"][0]["naam"] == "Stadskantoor"
