"""Another gemeente's titles stay hidden in the page chooser and on bulk-action pages.

The chooser opened on any page id, its search, and the confirmation page of
a bulk action (publish, unpublish, delete, move of pages; delete of
contactpunten and locaties) show only what the user's gemeenten hold: no
title of another gemeente's page or snippet, drafts included.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from contenthub.models import Contactpunt, ProductPage
from tests.factories import ContactpuntFactory, LocatieFactory, ProductPageFactory

from .conftest import refused

pytestmark = pytest.mark.django_db

GEHEIM = "Geheim concept van Anderdorp"


@pytest.fixture
def draft(anderdorp) -> ProductPage:
    """A draft in Anderdorp whose title Testdorp may never see."""
    page = ProductPageFactory(
        parent=anderdorp.thema, slug="concept", title=GEHEIM, live=False
    )
    page.save_revision()
    return page


def _chooser_urls(gemeente, draft):
    ids = [gemeente.home.pk, gemeente.thema.pk, gemeente.product.pk, draft.pk]
    return [reverse("wagtailadmin_choose_page_child", args=(pk,)) for pk in ids]


@pytest.mark.parametrize(
    "rol", ["contentmanagers", "communicatieadviseurs", "beheerders"]
)
def test_the_page_chooser_never_shows_another_gemeentes_titles(
    client_as, testdorp, anderdorp, draft, rol
):
    client = client_as(testdorp, rol=rol)
    secrets = (
        anderdorp.product.title,
        anderdorp.thema.title + " ",
        GEHEIM,
        "Anderdorp",
    )
    for url in _chooser_urls(anderdorp, draft):
        response = client.get(url)
        html = response.content.decode()
        for secret in (anderdorp.product.title, GEHEIM, "Anderdorp"):
            assert secret not in html, (url, secret)
        assert response.status_code in (200, 404), url
    for query in ("Geheim", "Paspoort", "Anderdorp", "concept"):
        html = client.get(
            reverse("wagtailadmin_choose_page_search"), {"q": query}
        ).content.decode()
        for secret in secrets:
            assert secret not in html, (query, secret)


def test_a_page_type_only_another_gemeente_has_opens_nothing_of_it(
    client_as, testdorp, anderdorp, draft
):
    testdorp.product.delete()  # now only Anderdorp has products
    anderdorp.thema.title = "Thema van Anderdorp"
    anderdorp.thema.save_revision().publish()
    client = client_as(testdorp, rol="contentmanagers")
    response = client.get(
        reverse("wagtailadmin_choose_page"), {"page_type": "contenthub.productpage"}
    )
    html = response.content.decode()
    for secret in (anderdorp.product.title, GEHEIM, "Anderdorp"):
        assert secret not in html, secret


def test_the_page_chooser_still_shows_the_own_gemeente(
    client_as, testdorp, anderdorp, draft
):
    client = client_as(testdorp, rol="contentmanagers")
    html = client.get(
        reverse("wagtailadmin_choose_page_child", args=(testdorp.thema.pk,))
    ).content.decode()
    assert testdorp.product.title in html
    found = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Paspoort"})
    assert testdorp.product.title in found.content.decode()
    typed = client.get(
        reverse("wagtailadmin_choose_page"), {"page_type": "contenthub.productpage"}
    )
    assert typed.status_code == 200


@pytest.mark.parametrize("action", ["publish", "unpublish", "delete", "move"])
def test_a_bulk_page_action_lists_only_pages_the_user_may_touch(
    client_as, testdorp, anderdorp, draft, action
):
    client = client_as(testdorp, rol="beheerders")
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
    ids = f"id={testdorp.product.pk}&id={anderdorp.product.pk}&id={draft.pk}"
    response = client.get(f"{url}?{ids}")
    html = response.content.decode()
    for secret in (anderdorp.product.title, GEHEIM):
        assert secret not in html, secret

    client.post(f"{url}?{ids}", {"include_descendants": "", "move_applicable": "on"})
    assert ProductPage.objects.filter(pk=anderdorp.product.pk, live=True).exists()
    assert ProductPage.objects.filter(pk=draft.pk, title=GEHEIM).exists()


def test_a_bulk_page_action_on_only_other_pages_is_refused(
    client_as, testdorp, anderdorp, draft
):
    client = client_as(testdorp, rol="beheerders")
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    response = client.get(f"{url}?id={anderdorp.product.pk}&id={draft.pk}")
    assert refused(response) or GEHEIM not in response.content.decode()
    assert GEHEIM not in response.content.decode()


@pytest.mark.parametrize("model", ["contactpunt", "locatie"])
def test_bulk_snippet_delete_lists_only_the_own_gemeentes_snippets(
    client_as, testdorp, anderdorp, model
):
    client = client_as(testdorp, rol="beheerders")
    # Snippets no live product shows; one in use is refused before the
    # confirmation (tests/publicatie/test_snippet_delete.py).
    factory = {"contactpunt": ContactpuntFactory, "locatie": LocatieFactory}[model]
    eigen = factory(site=testdorp.site, naam="Vrij in Testdorp")
    ander = factory(site=anderdorp.site, naam="Vrij in Anderdorp")
    url = reverse("wagtail_bulk_action", args=("contenthub", model, "delete"))
    response = client.get(f"{url}?id={eigen.pk}&id={ander.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert ander.naam not in html
    assert eigen.naam in html
    client.post(f"{url}?id={eigen.pk}&id={ander.pk}")
    assert type(ander).objects.filter(pk=ander.pk).exists()


def test_a_refused_bulk_delete_names_nothing_of_another_gemeente(
    client_as, testdorp, anderdorp
):
    """The refusal message lists the own gemeente's products only."""
    client = client_as(testdorp, rol="beheerders")
    url = reverse("wagtail_bulk_action", args=("contenthub", "contactpunt", "delete"))
    ids = f"id={testdorp.contactpunt.pk}&id={anderdorp.contactpunt.pk}"
    response = client.get(f"{url}?{ids}", follow=True)
    html = response.content.decode()
    assert testdorp.contactpunt.naam in html  # refused: shown by live products
    assert "Anderdorp" not in html
    assert Contactpunt.objects.filter(pk=anderdorp.contactpunt.pk).exists()


def test_bulk_snippet_delete_of_only_other_snippets_shows_nothing_of_them(
    client_as, testdorp, anderdorp
):
    extra = ContactpuntFactory(site=anderdorp.site, naam="Wijkteam Anderdorp-Noord")
    client = client_as(testdorp, rol="beheerders")
    url = reverse("wagtail_bulk_action", args=("contenthub", "contactpunt", "delete"))
    response = client.get(f"{url}?id={anderdorp.contactpunt.pk}&id={extra.pk}")
    html = response.content.decode()
    assert "Anderdorp" not in html
    client.post(f"{url}?id={anderdorp.contactpunt.pk}&id={extra.pk}")
    assert (
        Contactpunt.objects.filter(pk__in=[anderdorp.contactpunt.pk, extra.pk]).count()
        == 2
    )
