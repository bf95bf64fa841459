"""An English contactpunt or locatie is judged and stored with the English
products that show it, as a Dutch one is with the Dutch products."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from contenthub.findings import Finding, Location, Severity
from contenthub.models import Contactpunt, ProductPage
from publicatie.holding import ChangeBlocked, touched_products
from publicatie.records import Keuring
from publicatie.registry import GateCheck, gate_registry
from renderers.services import approved_rendering

pytestmark = pytest.mark.django_db


def _publish(page):
    page.save_revision().publish()
    return ProductPage.objects.get(pk=page.pk)


def _english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def pair(product):
    dutch = _publish(ProductPage.objects.get(pk=product.pk))
    english = dutch.copy_for_translation(_english(), copy_parents=True)
    english = ProductPage.objects.get(pk=english.pk)
    english.title = "Apply for a passport"
    english.kort_antwoord = "You apply for a passport at the town hall."
    return dutch, _publish(english)


def _web(page):
    row = approved_rendering(ProductPage.objects.get(pk=page.pk), "web", "fragment")
    assert row is not None
    return row.content


def test_an_english_version_reaches_the_english_product_through_the_gate(
    pair, contactpunt
):
    dutch, english = pair
    assert 'lang="nl">Publiekszaken</h3>' in _web(english)
    verdicts = Keuring.objects.filter(page_id=english.pk).count()

    version = contactpunt.copy_for_translation(_english())
    version.naam = "Public Affairs"
    version.save()
    assert [page.pk for page in touched_products(version)] == [english.pk, dutch.pk]
    assert Keuring.objects.filter(page_id=english.pk).count() == verdicts + 1
    assert ">Public Affairs</h3>" in _web(english)
    assert "Publiekszaken" in _web(dutch)

    version.naam = "Public Services"
    version.save()
    assert ">Public Services</h3>" in _web(english)
    # The Dutch product keeps its own contactpunt (its SDG document's
    # English version was judged again with it).
    assert "Publiekszaken" in _web(dutch)


def test_an_english_change_without_the_gate_is_not_served(pair, contactpunt):
    _, english = pair
    version = contactpunt.copy_for_translation(_english())
    version.naam = "Public Affairs"
    version.save()
    assert approved_rendering(english, "web") is not None
    # Written past the gate (no save()): the stored rendering is stale.
    Contactpunt.objects.filter(pk=version.pk).update(naam="Public Works")
    assert approved_rendering(ProductPage.objects.get(pk=english.pk), "web") is None


def _refuse_name(context):
    contact = context.snapshot.contact
    if contact is not None and contact.naam == "Closed Office":
        yield Finding(
            rule="test.naam",
            severity=Severity.FOUT,
            message="Geweigerd in deze test.",
            location=Location(field="contact"),
        )


def test_an_english_version_the_gate_refuses_changes_nothing(
    pair, contactpunt, monkeypatch
):
    _, english = pair
    version = contactpunt.copy_for_translation(_english())
    version.naam = "Public Affairs"
    version.save()
    monkeypatch.setitem(
        gate_registry._checks, "test-naam", GateCheck("test-naam", "Test", _refuse_name)
    )
    version.naam = "Closed Office"
    with pytest.raises(ValidationError) as raised:
        version.full_clean()
    assert "Geweigerd in deze test." in str(raised.value)
    with pytest.raises(ChangeBlocked):
        version.save()
    assert Contactpunt.objects.get(pk=version.pk).naam == "Public Affairs"
    assert ">Public Affairs</h3>" in _web(english)


def test_a_name_is_unique_per_gemeente_and_language(contactpunt):
    version = contactpunt.copy_for_translation(_english())
    version.full_clean()  # the English version may keep the Dutch name
    version.save()
    again = Contactpunt(site=contactpunt.site, naam=contactpunt.naam)
    with pytest.raises(ValidationError) as raised:
        again.full_clean()
    assert "Deze gemeente heeft al een contactpunt met deze naam." in str(raised.value)
