"""Two gemeenten in one hub, each with its own pages, snippets and editors.

Testdorp is the default site (``localhost``, as the other tests use);
Anderdorp is added the way an administrator does it, with
``gemeente_toevoegen``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Site

from contenthub.models import (
    Contactpunt,
    GemeenteInstellingen,
    Locatie,
    ProductPage,
    ThemaPage,
)
from gemeenten.services import (
    add_to_gemeente,
    ensure_gemeente_groups,
    gemeente_toevoegen,
)
from tests.factories import (
    ContactpuntFactory,
    LocatieFactory,
    ProductPageFactory,
    ThemaPageFactory,
)


@dataclass
class Gemeente:
    site: Site
    home: Page
    thema: ThemaPage
    contactpunt: Contactpunt
    locatie: Locatie
    product: ProductPage
    groups: dict[str, Group]


def _fill(site: Site, *, telefoon: str, bedrag: str, naam: str) -> Gemeente:
    thema = ThemaPageFactory(parent=site.root_page, title="Paspoort en ID-kaart")
    contactpunt = ContactpuntFactory(
        site=site, naam=f"Publiekszaken {naam}", telefoon=telefoon
    )
    locatie = LocatieFactory(site=site, naam=f"Stadhuis {naam}", postcode="9999 AA")
    product = ProductPageFactory(
        parent=thema,
        slug="paspoort",
        title=f"Paspoort aanvragen in {naam}",
        contact=contactpunt,
        kort_antwoord="U vraagt een paspoort aan bij de balie van het stadhuis.",
        kosten=[
            {
                "type": "regel",
                "value": {
                    "omschrijving": "Paspoort 18 jaar en ouder",
                    "bedrag": bedrag,
                    "per": "per_stuk",
                },
            }
        ],
    )
    product.locaties.set([locatie])
    product.save_revision().publish()
    product.refresh_from_db()
    return Gemeente(
        site=site,
        home=site.root_page,
        thema=thema,
        contactpunt=contactpunt,
        locatie=locatie,
        product=product,
        groups=ensure_gemeente_groups(site),
    )


@pytest.fixture
def testdorp(home) -> Gemeente:
    site = Site.objects.get(is_default_site=True)
    instellingen = GemeenteInstellingen.for_site(site)
    instellingen.naam = "Gemeente Testdorp"
    instellingen.website = "https://www.testdorp.example"
    instellingen.save()
    return _fill(site, telefoon="14 0111", bedrag="84.29", naam="Testdorp")


@pytest.fixture
def anderdorp(testdorp) -> Gemeente:
    nieuw = gemeente_toevoegen(
        naam="Gemeente Anderdorp",
        hostname="anderdorp.example",
        website="https://www.anderdorp.example",
    )
    return _fill(nieuw.site, telefoon="14 0222", bedrag="79.50", naam="Anderdorp")


@pytest.fixture
def user_in(db):
    """A user with role ``rol`` in each of the given gemeenten."""

    def make(*gemeenten: Gemeente, rol: str, username: str | None = None) -> User:
        name = username or f"{rol}-" + "-".join(g.site.hostname for g in gemeenten)
        user = User.objects.create_user(username=name, password="x")
        for gemeente in gemeenten:
            add_to_gemeente(user, gemeente.site, rol)
        return user

    return make


@pytest.fixture
def client_as(user_in):
    def login(*gemeenten: Gemeente, rol: str) -> Client:
        client = Client()
        client.force_login(user_in(*gemeenten, rol=rol))
        return client

    return login


def refused(response) -> bool:
    """403 or 404, or Wagtail's answer to PermissionDenied in the admin: back
    to the dashboard (with a "no permission" message)."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"] == reverse(
        "wagtailadmin_home"
    )


def forbidden(response) -> bool:
    """PermissionDenied (not 404): the user may see the object, not do this."""
    return response.status_code != 404 and refused(response)
