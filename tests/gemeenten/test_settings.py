"""GemeenteInstellingen: a beheerder changes only the own gemeente's settings."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from contenthub.models import GemeenteInstellingen

from .conftest import refused

pytestmark = pytest.mark.django_db


def _edit_url(site) -> str:
    return reverse(
        "wagtailsettings:edit", args=("contenthub", "gemeenteinstellingen", site.pk)
    )


def _form(naam: str) -> dict:
    return {"naam": naam, "website": "https://www.elders.example", "postadres": ""}


def test_a_beheerder_cannot_open_or_change_another_gemeentes_settings(
    client_as, testdorp, anderdorp
):
    client = client_as(testdorp, rol="beheerders")
    assert refused(client.get(_edit_url(anderdorp.site)))
    assert refused(client.post(_edit_url(anderdorp.site), _form("Overgenomen")))
    instellingen = GemeenteInstellingen.for_site(anderdorp.site)
    assert (instellingen.naam, instellingen.website) == (
        "Gemeente Anderdorp",
        "https://www.anderdorp.example",
    )


def test_a_beheerder_edits_the_own_settings_without_a_switch_to_others(
    client_as, testdorp, anderdorp
):
    client = client_as(testdorp, rol="beheerders")
    # The menu entry leads to the own gemeente, whatever host the admin runs on.
    start = client.get(
        reverse("wagtailsettings:edit", args=("contenthub", "gemeenteinstellingen")),
        HTTP_HOST="anderdorp.example",
    )
    assert start["Location"] == _edit_url(testdorp.site)
    response = client.get(_edit_url(testdorp.site))
    assert response.status_code == 200
    assert response.context["site_switcher"] is None

    saved = client.post(_edit_url(testdorp.site), _form("Gemeente Testdorp"))
    assert saved.status_code == 302
    assert GemeenteInstellingen.for_site(testdorp.site).website == (
        "https://www.elders.example"
    )


@pytest.mark.parametrize("rol", ["contentmanagers", "communicatieadviseurs"])
def test_editors_do_not_change_settings(client_as, testdorp, rol):
    client = client_as(testdorp, rol=rol)
    assert refused(client.get(_edit_url(testdorp.site)))


def test_renaming_the_gemeente_renames_its_groups(client_as, testdorp, anderdorp):
    client = client_as(anderdorp, rol="beheerders")
    client.post(_edit_url(anderdorp.site), _form("Gemeente Nieuwdorp"))
    names = {
        rol: Group.objects.get(pk=group.pk).name
        for rol, group in anderdorp.groups.items()
    }
    assert names == {
        "contentmanagers": "Nieuwdorp: contentmanagers",
        "communicatieadviseurs": "Nieuwdorp: communicatieadviseurs",
        "beheerders": "Nieuwdorp: beheerders",
    }
