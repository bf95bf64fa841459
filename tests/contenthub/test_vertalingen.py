"""A translation is marked out of date when its Dutch source changes after it."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from contenthub.models import ProductPage
from contenthub.vertaling import translation_status

pytestmark = pytest.mark.django_db


def _publish(page):
    page.save_revision().publish()
    return ProductPage.objects.get(pk=page.pk)


def test_a_changed_dutch_text_makes_the_translation_outdated_until_updated(product):
    english = product.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english = ProductPage.objects.get(pk=english.pk)
    english.title = "Apply for a passport"
    english.kort_antwoord = (
        "You apply for a passport at the town hall. It costs € 84,29."
    )
    english = _publish(english)
    assert english.basistekst_id is None
    assert not translation_status(english).verouderd

    dutch = ProductPage.objects.get(pk=product.pk)
    dutch.kort_antwoord = "U vraagt een paspoort aan in het stadhuis. Het kost € 84,29."
    _publish(dutch)
    english = ProductPage.objects.get(pk=english.pk)
    status = translation_status(english)
    assert status.verouderd
    assert "Nederlandse tekst is gewijzigd" in status.melding

    # Published again unchanged: still behind. With an updated text: caught up.
    english = _publish(english)
    assert translation_status(english).verouderd
    english.kort_antwoord = (
        "You apply for a passport in the town hall. It costs € 84,29."
    )
    english = _publish(english)
    assert not translation_status(english).verouderd


def _english_of(product):
    english = product.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english = ProductPage.objects.get(pk=english.pk)
    english.title = "Apply for a passport"
    english.kort_antwoord = "You apply for a passport at the town hall."
    return english


def _rules(page, check="kanalen"):
    from publicatie.gate import evaluate_publication_gate

    return {f.rule: f for f in evaluate_publication_gate(page=page).findings[check]}


def test_a_translation_must_have_the_amounts_termijn_and_link_of_its_dutch_source(
    product,
):
    dutch = _publish(ProductPage.objects.get(pk=product.pk))
    english = _english_of(dutch)
    assert not any(rule.startswith("vertaling.") for rule in _rules(english))

    english.kosten = [
        (
            "kostenregel",
            {"omschrijving": "Passport", "bedrag": "99.00", "per": "per_stuk"},
        )
    ]
    english.termijn_dagen = (dutch.termijn_dagen or 0) + 3
    english.online_aanvragen_url = "https://example.org/elsewhere"
    found = _rules(english)
    for rule in (
        "vertaling.kosten-anders",
        "vertaling.termijn-anders",
        "vertaling.link-anders",
    ):
        assert found[rule].blocks, rule
    assert "Nederlandse product" in found["vertaling.kosten-anders"].message


def test_a_dutch_change_of_the_amounts_warns_that_the_translation_lags(product):
    dutch = _publish(ProductPage.objects.get(pk=product.pk))
    _publish(_english_of(dutch))
    dutch = ProductPage.objects.get(pk=product.pk)
    assert "vertaling.loopt-achter" not in _rules(dutch)
    dutch.termijn_dagen = (dutch.termijn_dagen or 0) + 5
    finding = _rules(dutch)["vertaling.loopt-achter"]
    assert not finding.blocks
