"""A property: whatever happens, every live rendering carries a passing verdict
of exactly its inputs.

Hypothesis throws random sequences of edits, snippet and settings changes,
snippet deletions, related products, moves and clock steps (with and without
``manage.py herkeur``: the task queued for the moment) at a small gemeente like the demo's
(two themes, three products sharing a contactpunt and a locatie, and a
second gemeente to move to). Changes the gate refuses must change nothing.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page, Site

from contenthub.models import GemeenteInstellingen, GerelateerdProduct, ProductPage
from publicatie import holding
from publicatie.gate import PublicationBlocked
from tests.factories import (
    HomePageFactory,
    LocatieFactory,
    ProductPageFactory,
    ThemaPageFactory,
)

from .channels import assert_every_live_rendering_is_approved_for_its_inputs, stored

pytestmark = pytest.mark.django_db

GOOD = "U vraagt dit aan bij het stadhuis. Het kost € 84,29."
BAD = "Indien u middels het formulier conform de regels een aanvraag indient."
GOOD_NAAM = "Team Burgerzaken"
BAD_NAAM = "Afdeling heffing en invordering ter zake van gemeentelijke belastingen"
GOOD_TOELICHTING = "De ingang is aan de achterkant. U kunt er met de rolstoel in."
BAD_TOELICHTING = (
    "Teneinde de toegang te waarborgen dient men zich middels de bel te melden."
)


@pytest.fixture
def gemeente(home, thema, contactpunt):
    """Voorbeeldstad in small: two themes, three live products, one shared locatie."""
    reizen = ThemaPageFactory(parent=home, slug="reizen", title="Reizen")
    locatie = LocatieFactory(site=home.get_site(), naam="Stadskantoor")
    products = []
    for index, parent in enumerate((thema, thema, reizen)):
        page = ProductPageFactory(
            parent=parent,
            slug=f"product-{index}",
            title=f"Product {index} aanvragen",
            contact=contactpunt,
            live=False,
        )
        page.locaties.add(locatie)
        page.save_revision().publish()
        products.append(page.pk)
    root = Page.get_first_root_node()
    other_home = HomePageFactory(parent=root, slug="rivierstad", title="Rivierstad")
    Site.objects.create(hostname="rivierstad.example", port=80, root_page=other_home)
    elders = ThemaPageFactory(parent=other_home, slug="elders", title="Elders")
    return {
        "products": products,
        "themas": [thema.pk, reizen.pk, elders.pk],
        "contact": contactpunt.pk,
        "locatie": locatie.pk,
        "site": home.get_site(),
    }


def _edit(g, i, good):
    page = ProductPage.objects.get(pk=g["products"][i])
    page.kort_antwoord = GOOD if good else BAD
    page.save()


def _contact(g, good):
    from contenthub.models import Contactpunt

    contact = Contactpunt.objects.filter(pk=g["contact"]).first()
    if contact is None:  # deleted by an earlier step
        return
    contact.naam = GOOD_NAAM if good else BAD_NAAM
    contact.save()


def _locatie(g, good):
    from contenthub.models import Locatie

    locatie = Locatie.objects.filter(pk=g["locatie"]).first()
    if locatie is None:  # deleted by an earlier step
        return
    locatie.toelichting = GOOD_TOELICHTING if good else BAD_TOELICHTING
    locatie.save()


def _settings(g, good):
    instellingen = GemeenteInstellingen.for_site(g["site"])
    instellingen.website = (
        "https://www.testdorp.example" if good else "javascript:alert(1)"
    )
    instellingen.save()


def _relate(g, i, j):
    if i == j:
        return
    page = ProductPage.objects.get(pk=g["products"][i])
    GerelateerdProduct.objects.get_or_create(page=page, product_id=g["products"][j])
    page = ProductPage.objects.get(pk=page.pk)
    page.save_revision().publish()


def _move(g, i, t):
    page = ProductPage.objects.get(pk=g["products"][i])
    target = Page.objects.get(pk=g["themas"][t])
    if page.get_parent().pk != target.pk:
        page.move(target, pos="last-child")


def _clock(g, i):
    ProductPage.objects.filter(pk=g["products"][i]).update(
        expire_at=timezone.now() - timedelta(seconds=1)
    )
    holding.herkeur()


def _delete_snippet(g, which):
    """Refused while a live product shows it; allowed (and harmless) otherwise."""
    from contenthub.models import Contactpunt, Locatie

    model = Contactpunt if which == "contact" else Locatie
    snippet = model.objects.filter(pk=g[which]).first()
    if snippet is not None:
        snippet.delete()


def _clock_task(g, i):
    """The moment passes; only the task queued for it runs (no manage.py herkeur)."""
    pk = g["products"][i]
    ProductPage.objects.filter(pk=pk).update(
        expire_at=timezone.now() - timedelta(seconds=1)
    )
    holding.herkeur_related_task.enqueue(pk)


product = st.integers(0, 2)
STEPS = st.one_of(
    st.tuples(st.just(_edit), product, st.booleans()),
    st.tuples(st.just(_contact), st.booleans()),
    st.tuples(st.just(_locatie), st.booleans()),
    st.tuples(st.just(_settings), st.booleans()),
    st.tuples(st.just(_relate), product, product),
    st.tuples(st.just(_move), product, st.integers(0, 2)),
    st.tuples(st.just(_clock), product),
    st.tuples(st.just(_clock_task), product),
    st.tuples(st.just(_delete_snippet), st.sampled_from(["contact", "locatie"])),
)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEPS, min_size=1, max_size=4))
def test_every_live_rendering_has_a_passing_verdict_of_exactly_its_inputs(
    gemeente, steps
):
    savepoint = transaction.savepoint()
    holding._recent.clear()
    try:
        for action, *arguments in steps:
            before = {pk: stored(pk) for pk in gemeente["products"]}
            try:
                with transaction.atomic():
                    action(gemeente, *arguments)
            except (PublicationBlocked, holding.SnippetInUse):
                # Refused: nothing any channel shows has changed.
                assert {pk: stored(pk) for pk in gemeente["products"]} == before
            assert_every_live_rendering_is_approved_for_its_inputs()
    finally:
        transaction.savepoint_rollback(savepoint)
        holding._recent.clear()
