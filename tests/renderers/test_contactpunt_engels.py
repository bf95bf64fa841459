"""An English product shows the English contactpunt and locaties, where the
gemeente made them; otherwise the Dutch ones, marked as Dutch in HTML."""

from __future__ import annotations

import json

import pytest
from wagtail.models import Locale

from contenthub.models import Contactpunt, ProductPage
from contenthub.structured import (
    product_snapshot,
    snapshot_queryset,
    snapshot_sources,
)
from renderers import render
from tests.factories import LocatieFactory

pytestmark = pytest.mark.django_db


def _publish(page):
    page.save_revision().publish()
    return ProductPage.objects.get(pk=page.pk)


def _english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def locatie(product):
    locatie = LocatieFactory(
        naam="Stadskantoor",
        toelichting="De ingang is aan de achterkant.",
    )
    page = ProductPage.objects.get(pk=product.pk)
    page.locaties.add(locatie)
    _publish(page)
    return locatie


@pytest.fixture
def english(product, locatie):
    """The live English translation of the Dutch product (contact and locatie
    copied from the Dutch product, as Wagtail copies them)."""
    page = product.copy_for_translation(_english(), copy_parents=True)
    page = ProductPage.objects.get(pk=page.pk)
    page.title = "Apply for a passport"
    page.kort_antwoord = "You apply for a passport at the town hall."
    return _publish(page)


def _translate(snippet, **values):
    version = snippet.copy_for_translation(_english())
    for name, value in values.items():
        setattr(version, name, value)
    version.save()
    return version


def test_without_an_english_version_the_dutch_contact_is_shown_marked_dutch(
    english, contactpunt
):
    snapshot = product_snapshot(english)
    assert snapshot.contact.naam == "Publiekszaken"
    assert snapshot.contact.taal == "nl"
    assert snapshot.locaties[0].taal == "nl"
    # Day names are the channel's own words: English.
    assert snapshot.contact.openingstijden[0].tekst.startswith("Monday 09:00")

    fragment = render(snapshot, "web", variant="fragment").text
    assert '<h3 class="utrecht-heading-3" lang="nl">Publiekszaken</h3>' in fragment
    assert 'Contact form of <span lang="nl">Publiekszaken</span>' in fragment
    assert '<h3 class="utrecht-heading-3" lang="nl">Stadskantoor</h3>' in fragment
    assert (
        '<p class="utrecht-paragraph" lang="nl">De ingang is aan de achterkant'
        in fragment
    )
    assert "maandag" not in fragment

    app = json.loads(render(snapshot, "app").text)
    contact = next(s for s in app["secties"] if s["id"] == "contact")
    assert contact["contact"]["taal"] == "nl"
    assert contact["contact"]["openingstijden"][0]["tekst"].startswith("Monday")
    assert contact["locaties"][0]["taal"] == "nl"


def test_the_dutch_product_is_unchanged_by_an_english_version(
    english, product, contactpunt
):
    before = render(product_snapshot(product), "web", variant="fragment").text
    _translate(contactpunt, naam="Public Affairs")
    dutch = ProductPage.objects.get(pk=product.pk)
    snapshot = product_snapshot(dutch)
    assert snapshot.contact.naam == "Publiekszaken"
    assert render(snapshot, "web", variant="fragment").text == before
    assert 'lang="nl"' not in before.split("<article", 1)[1].split(">", 1)[1]


def test_english_versions_are_shown_in_every_channel(english, contactpunt, locatie):
    _translate(contactpunt, naam="Public Affairs")
    _translate(
        locatie,
        naam="City Office",
        toelichting="The entrance is at the back.",
    )
    page = ProductPage.objects.get(pk=english.pk)
    snapshot = product_snapshot(page)
    assert (snapshot.contact.naam, snapshot.contact.taal) == ("Public Affairs", "en")
    assert snapshot.locaties[0].naam == "City Office"
    assert snapshot.locaties[0].taal == "en"

    fragment = render(snapshot, "web", variant="fragment").text
    assert '<h3 class="utrecht-heading-3">Public Affairs</h3>' in fragment
    assert "Contact form of Public Affairs" in fragment
    assert "The entrance is at the back." in fragment
    assert "Publiekszaken" not in fragment
    assert "Stadskantoor" not in fragment
    assert 'lang="nl"' not in fragment

    app = json.loads(render(snapshot, "app").text)
    contact = next(s for s in app["secties"] if s["id"] == "contact")
    assert contact["contact"]["naam"] == "Public Affairs"
    assert contact["contact"]["taal"] == "en"
    assert contact["locaties"][0]["naam"] == "City Office"

    brief = render(snapshot, "brief").text
    assert "Please contact Public Affairs." in brief
    assert "Monday 09:00 to 17:00" in brief
    chatbot = json.loads(render(snapshot, "chatbot").text)
    contact_reply = next(
        r for r in chatbot["snelle_antwoorden"] if r["sectie"] == "contact"
    )
    assert contact_reply["antwoord"].startswith("Please contact Public Affairs.")


def test_the_letter_marks_a_dutch_contact_name_in_its_html(english):
    from django.template.loader import render_to_string

    from renderers.channels.brief import brief_context

    html = render_to_string(
        "renderers/brief.html", brief_context(product_snapshot(english))
    )
    assert 'Please contact <span lang="nl">Publiekszaken</span>.' in html


def test_an_english_contact_is_an_input_of_the_english_product(english, contactpunt):
    from renderers.approval import inputs_fingerprint

    version = _translate(contactpunt, naam="Public Affairs")
    page = ProductPage.objects.get(pk=english.pk)
    before = inputs_fingerprint(product_snapshot(page))
    Contactpunt.objects.filter(pk=version.pk).update(telefoon="14 0888")
    page = ProductPage.objects.get(pk=english.pk)
    after = product_snapshot(page)
    assert after.contact.telefoon == "14 0888"
    assert inputs_fingerprint(after) != before


def test_snapshots_of_many_translations_fetch_the_versions_at_once(
    english, contactpunt, locatie, django_assert_num_queries
):
    _translate(contactpunt, naam="Public Affairs")
    _translate(locatie, naam="City Office")
    pages = list(snapshot_queryset(ProductPage.objects.filter(pk=english.pk)))
    sources = snapshot_sources(pages)
    alone = product_snapshot(ProductPage.objects.get(pk=english.pk))
    with django_assert_num_queries(0):
        batched = product_snapshot(pages[0], sources=sources)
    assert batched == alone
    assert batched.contact.naam == "Public Affairs"
    assert batched.locaties[0].naam == "City Office"


def test_the_english_version_inside_a_dutch_sdg_snapshot_is_fetched_at_once(
    english, product, django_assert_num_queries
):
    pages = list(snapshot_queryset(ProductPage.objects.filter(pk=product.pk)))
    sources = snapshot_sources(pages)
    alone = product_snapshot(ProductPage.objects.get(pk=product.pk))
    assert alone.engels is not None
    assert alone.engels.title == "Apply for a passport"
    with django_assert_num_queries(0):
        batched = product_snapshot(pages[0], sources=sources)
    assert batched == alone
