"""Contactpunten and locaties: an editor sees and uses only their own gemeente's."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from contenthub.models import Contactpunt, Locatie, ProductPage
from tests.factories import ContactpuntFactory

from .conftest import forbidden, refused

pytestmark = pytest.mark.django_db

CONTACTPUNT = "wagtailsnippets_contenthub_contactpunt"
LOCATIE = "wagtailsnippets_contenthub_locatie"
CHOOSER = "wagtailsnippetchoosers_contenthub_contactpunt"
LOCATIE_CHOOSER = "wagtailsnippetchoosers_contenthub_locatie"


def _contactpunt_form(site, naam="Burgerzaken", **extra) -> dict:
    data = {
        "site": str(site.pk),
        "naam": naam,
        "telefoon": "14 0333",
        "email": "",
        "contactformulier_url": "",
        "afspraak_url": "",
        "openingstijden-count": "0",
    }
    data.update(extra)
    return data


@pytest.mark.parametrize(
    "rol", ["contentmanagers", "communicatieadviseurs", "beheerders"]
)
def test_the_listing_shows_only_the_own_gemeentes_snippets(
    client_as, testdorp, anderdorp, rol
):
    client = client_as(testdorp, rol=rol)
    for url_name, eigen, ander in (
        (CONTACTPUNT, testdorp.contactpunt, anderdorp.contactpunt),
        (LOCATIE, testdorp.locatie, anderdorp.locatie),
    ):
        response = client.get(reverse(f"{url_name}:list"))
        assert response.status_code == 200
        assert [obj.pk for obj in response.context["object_list"]] == [eigen.pk]
        html = response.content.decode()
        assert eigen.naam in html
        assert ander.naam not in html


def test_search_and_the_gemeente_filter_stay_within_the_own_gemeente(
    client_as, testdorp, anderdorp
):
    client = client_as(testdorp, rol="beheerders")
    url = reverse(f"{CONTACTPUNT}:list")
    found = client.get(url, {"q": "Publiekszaken"}).context["object_list"]
    assert [obj.pk for obj in found] == [testdorp.contactpunt.pk]
    assert list(client.get(url, {"q": "Anderdorp"}).context["object_list"]) == []

    response = client.get(url)
    filter_field = response.context["filters"].form.fields["site"]
    assert list(filter_field.queryset) == [testdorp.site]
    # Asking for the other gemeente's filter value shows nothing of it.
    other = client.get(url, {"site": anderdorp.site.pk})
    assert anderdorp.contactpunt.naam not in other.content.decode()


@pytest.mark.parametrize("view", ["edit", "delete", "usage", "history", "copy"])
def test_another_gemeentes_snippet_is_not_found_by_url(
    client_as, testdorp, anderdorp, view
):
    client = client_as(testdorp, rol="beheerders")
    ander = client.get(
        reverse(f"{CONTACTPUNT}:{view}", args=(anderdorp.contactpunt.pk,))
    )
    assert ander.status_code == 404
    assert anderdorp.contactpunt.naam not in ander.content.decode()
    # One no live product shows: the delete view of a snippet in use refuses
    # before its confirmation (tests/publicatie/test_snippet_delete.py).
    vrij = ContactpuntFactory(site=testdorp.site, naam="Wijkteam Testdorp")
    eigen = client.get(reverse(f"{CONTACTPUNT}:{view}", args=(vrij.pk,)))
    assert eigen.status_code == 200


def test_posting_to_another_gemeentes_snippet_changes_and_deletes_nothing(
    client_as, testdorp, anderdorp
):
    client = client_as(testdorp, rol="beheerders")
    ander = anderdorp.contactpunt
    edit = client.post(
        reverse(f"{CONTACTPUNT}:edit", args=(ander.pk,)),
        _contactpunt_form(testdorp.site, naam="Overgenomen"),
    )
    assert edit.status_code == 404
    delete = client.post(reverse(f"{LOCATIE}:delete", args=(anderdorp.locatie.pk,)))
    assert delete.status_code == 404
    ander.refresh_from_db()
    assert (ander.naam, ander.site_id) == ("Publiekszaken Anderdorp", anderdorp.site.pk)
    assert Locatie.objects.filter(pk=anderdorp.locatie.pk).exists()


def test_bulk_delete_skips_another_gemeentes_snippets(client_as, testdorp, anderdorp):
    client = client_as(testdorp, rol="beheerders")
    eigen = Contactpunt.objects.create(site=testdorp.site, naam="Tijdelijk")
    url = reverse("wagtail_bulk_action", args=("contenthub", "contactpunt", "delete"))
    query = f"?id={eigen.pk}&id={anderdorp.contactpunt.pk}"
    client.post(url + query)
    assert not Contactpunt.objects.filter(pk=eigen.pk).exists()
    assert Contactpunt.objects.filter(pk=anderdorp.contactpunt.pk).exists()


def test_the_site_field_offers_only_the_own_gemeente_and_defaults_to_it(
    client_as, testdorp, anderdorp
):
    client = client_as(testdorp, rol="beheerders")
    response = client.get(reverse(f"{CONTACTPUNT}:add"))
    field = response.context["form"].fields["site"]
    assert list(field.queryset) == [testdorp.site]
    assert field.initial == testdorp.site.pk
    assert field.empty_label is None


def test_creating_a_snippet_for_another_gemeente_is_refused_in_dutch(
    client_as, testdorp, anderdorp
):
    client = client_as(testdorp, rol="beheerders")
    url = reverse(f"{CONTACTPUNT}:add")
    response = client.post(url, _contactpunt_form(anderdorp.site))
    assert response.status_code == 200
    assert response.context["form"].errors["site"] == [
        "Kies een gemeente waarvoor u dit mag beheren."
    ]
    assert not Contactpunt.objects.filter(naam="Burgerzaken").exists()

    response = client.post(url, _contactpunt_form(testdorp.site))
    assert response.status_code == 302
    assert Contactpunt.objects.get(naam="Burgerzaken").site == testdorp.site


def test_editing_cannot_move_a_snippet_to_another_gemeente(
    client_as, testdorp, anderdorp
):
    client = client_as(testdorp, rol="beheerders")
    eigen = testdorp.contactpunt
    response = client.post(
        reverse(f"{CONTACTPUNT}:edit", args=(eigen.pk,)),
        _contactpunt_form(anderdorp.site, naam=eigen.naam),
    )
    assert response.status_code == 200
    assert "site" in response.context["form"].errors
    eigen.refresh_from_db()
    assert eigen.site == testdorp.site


@pytest.mark.parametrize("rol", ["contentmanagers", "communicatieadviseurs"])
def test_editors_see_but_do_not_change_their_gemeentes_snippets(
    client_as, testdorp, anderdorp, rol
):
    client = client_as(testdorp, rol=rol)
    assert client.get(reverse(f"{CONTACTPUNT}:list")).status_code == 200
    edit = client.get(reverse(f"{CONTACTPUNT}:edit", args=(testdorp.contactpunt.pk,)))
    assert forbidden(edit)
    assert refused(client.get(reverse(f"{CONTACTPUNT}:add")))
    assert (
        client.get(
            reverse(f"{CONTACTPUNT}:edit", args=(anderdorp.contactpunt.pk,))
        ).status_code
        == 404
    )


def test_a_beheerder_here_and_contentmanager_there_changes_only_here(
    user_in, testdorp, anderdorp
):
    user = user_in(testdorp, rol="beheerders", username="twee-petten")
    from gemeenten.services import add_to_gemeente

    add_to_gemeente(user, anderdorp.site, "contentmanagers")
    client = Client()
    client.force_login(user)

    listing = client.get(reverse(f"{CONTACTPUNT}:list")).context["object_list"]
    assert {obj.pk for obj in listing} == {
        testdorp.contactpunt.pk,
        anderdorp.contactpunt.pk,
    }
    eigen = client.get(reverse(f"{CONTACTPUNT}:edit", args=(testdorp.contactpunt.pk,)))
    assert eigen.status_code == 200
    # Anderdorp's contactpunt is visible to this user, so 403 (not 404).
    ander = client.get(reverse(f"{CONTACTPUNT}:edit", args=(anderdorp.contactpunt.pk,)))
    assert forbidden(ander)
    add_form = client.get(reverse(f"{CONTACTPUNT}:add")).context["form"]
    assert list(add_form.fields["site"].queryset) == [testdorp.site]


def test_the_hub_wide_beheerders_group_manages_every_gemeente(
    client, testdorp, anderdorp
):
    user = User.objects.create_user("hubbeheer")
    user.groups.add(Group.objects.get(name="Beheerders"))
    client.force_login(user)
    listing = client.get(reverse(f"{CONTACTPUNT}:list")).context["object_list"]
    assert {obj.pk for obj in listing} == {
        testdorp.contactpunt.pk,
        anderdorp.contactpunt.pk,
    }
    for gemeente in (testdorp, anderdorp):
        url = reverse(f"{CONTACTPUNT}:edit", args=(gemeente.contactpunt.pk,))
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("rol", ["contentmanagers", "communicatieadviseurs"])
def test_the_chooser_offers_only_the_own_gemeentes_snippets(
    client_as, testdorp, anderdorp, rol
):
    client = client_as(testdorp, rol=rol)
    for chooser, eigen, ander in (
        (CHOOSER, testdorp.contactpunt, anderdorp.contactpunt),
        (LOCATIE_CHOOSER, testdorp.locatie, anderdorp.locatie),
    ):
        response = client.get(reverse(f"{chooser}:choose"))
        assert response.status_code == 200
        html = response.content.decode()
        assert eigen.naam in html
        assert ander.naam not in html
        ander_url = reverse(f"{chooser}:chosen", args=(ander.pk,))
        eigen_url = reverse(f"{chooser}:chosen", args=(eigen.pk,))
        assert eigen_url in html
        assert ander_url not in html
        for q in (ander.naam, eigen.naam):
            results = client.get(reverse(f"{chooser}:choose_results"), {"q": q})
            assert ander_url not in results.content.decode()
        assert eigen_url in results.content.decode()
        assert (
            client.get(reverse(f"{chooser}:chosen", args=(ander.pk,))).status_code
            == 404
        )
        assert (
            client.get(reverse(f"{chooser}:chosen", args=(eigen.pk,))).status_code
            == 200
        )
    multiple = client.get(
        reverse(f"{LOCATIE_CHOOSER}:chosen_multiple"),
        {"id": [testdorp.locatie.pk, anderdorp.locatie.pk]},
    )
    assert testdorp.locatie.naam in multiple.content.decode()
    assert anderdorp.locatie.naam not in multiple.content.decode()


def test_a_product_cannot_use_another_gemeentes_contactpunt_in_the_admin(
    client_as, testdorp, anderdorp
):
    from tests.contenthub.test_admin import product_form

    client = client_as(testdorp, rol="communicatieadviseurs")
    product = testdorp.product
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(product.pk,)),
        product_form(
            anderdorp.contactpunt,
            title=product.title,
            slug=product.slug,
            upl_naam="paspoort",
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["contact"] == [
        "Het contactpunt 'Publiekszaken Anderdorp' hoort bij een andere gemeente. "
        "Kies een contactpunt van uw eigen gemeente."
    ]
    fresh = ProductPage.objects.get(pk=product.pk)
    assert fresh.contact_id == testdorp.contactpunt.pk
    assert fresh.get_latest_revision().as_object().contact_id == testdorp.contactpunt.pk
