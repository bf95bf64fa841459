"""Webhooks in the admin: a gemeente's beheerder manages only their own gemeente's
webhooks and sees only their deliveries; only https addresses are accepted."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from koppelingen.models import WebhookDelivery, WebhookEndpoint
from tests.gemeenten.conftest import (  # noqa: F401 (fixtures)
    anderdorp,
    client_as,
    refused,
    testdorp,
    user_in,
)

pytestmark = pytest.mark.django_db

ENDPOINTS = "wagtailsnippets_koppelingen_webhookendpoint"
DELIVERIES = "wagtailsnippets_koppelingen_webhookdelivery"


def endpoint_of(gemeente, naam: str) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(
        site=gemeente.site, naam=naam, url=f"https://{naam.lower()}.example/hook"
    )


def delivery_of(endpoint: WebhookEndpoint, fout: str) -> WebhookDelivery:
    return WebhookDelivery.objects.create(
        endpoint=endpoint,
        event_id=uuid.uuid4(),
        event_type="nl.contenthub.product.gepubliceerd",
        payload={"data": {}},
        status=WebhookDelivery.Status.MISLUKT,
        pogingen=5,
        laatste_fout=fout,
    )


def form(site, **extra) -> dict:
    data = {
        "site": str(site.pk),
        "naam": "Frontend",
        "url": "https://frontend.example/hook",
        "geheim": "een-lang-geheim-voor-de-ontvanger",
        "actief": "on",
    }
    data.update(extra)
    return data


@pytest.fixture
def two_gemeenten_with_webhooks(testdorp, anderdorp):  # noqa: F811
    eigen = endpoint_of(testdorp, "Eigenfrontend")
    ander = endpoint_of(anderdorp, "Anderfrontend")
    return {
        "eigen": eigen,
        "ander": ander,
        "eigen_log": delivery_of(eigen, "Eigen fout HTTP 500"),
        "ander_log": delivery_of(ander, "Andere fout HTTP 502"),
    }


def test_a_beheerder_lists_only_the_own_gemeentes_webhooks_and_deliveries(
    client_as,  # noqa: F811
    testdorp,  # noqa: F811
    two_gemeenten_with_webhooks,
):
    hooks = two_gemeenten_with_webhooks
    client = client_as(testdorp, rol="beheerders")
    listing = client.get(reverse(f"{ENDPOINTS}:list"))
    assert listing.status_code == 200
    assert [o.pk for o in listing.context["object_list"]] == [hooks["eigen"].pk]
    assert "Anderfrontend" not in listing.content.decode()

    log = client.get(reverse(f"{DELIVERIES}:list"))
    assert log.status_code == 200
    assert [o.pk for o in log.context["object_list"]] == [hooks["eigen_log"].pk]
    assert "Anderfrontend" not in log.content.decode()

    inspect = client.get(
        reverse(f"{DELIVERIES}:inspect", args=(hooks["eigen_log"].pk,))
    )
    assert inspect.status_code == 200
    assert "Eigen fout HTTP 500" in inspect.content.decode()


@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage"])
def test_another_gemeentes_webhook_is_not_found_by_url(
    client_as,  # noqa: F811
    testdorp,  # noqa: F811
    two_gemeenten_with_webhooks,
    view,
):
    client = client_as(testdorp, rol="beheerders")
    ander = two_gemeenten_with_webhooks["ander"]
    assert (
        client.get(reverse(f"{ENDPOINTS}:{view}", args=(ander.pk,))).status_code == 404
    )
    eigen = two_gemeenten_with_webhooks["eigen"]
    assert (
        client.get(reverse(f"{ENDPOINTS}:{view}", args=(eigen.pk,))).status_code == 200
    )


def test_another_gemeentes_delivery_is_not_found_by_url(
    client_as,  # noqa: F811
    testdorp,  # noqa: F811
    two_gemeenten_with_webhooks,
):
    client = client_as(testdorp, rol="beheerders")
    ander_log = two_gemeenten_with_webhooks["ander_log"]
    response = client.get(reverse(f"{DELIVERIES}:inspect", args=(ander_log.pk,)))
    assert response.status_code == 404
    assert "Andere fout" not in response.content.decode()


def test_a_beheerder_cannot_edit_or_delete_the_delivery_log(
    client_as,  # noqa: F811
    testdorp,  # noqa: F811
    two_gemeenten_with_webhooks,
):
    client = client_as(testdorp, rol="beheerders")
    eigen_log = two_gemeenten_with_webhooks["eigen_log"]
    assert refused(client.get(reverse(f"{DELIVERIES}:add")))
    assert refused(client.get(reverse(f"{DELIVERIES}:edit", args=(eigen_log.pk,))))
    assert refused(client.post(reverse(f"{DELIVERIES}:delete", args=(eigen_log.pk,))))
    assert WebhookDelivery.objects.filter(pk=eigen_log.pk).exists()


def test_a_beheerder_adds_a_webhook_for_the_own_gemeente_only(
    client_as,  # noqa: F811
    testdorp,  # noqa: F811
    anderdorp,  # noqa: F811
):
    client = client_as(testdorp, rol="beheerders")
    response = client.post(reverse(f"{ENDPOINTS}:add"), form(testdorp.site))
    assert response.status_code == 302, response.context["form"].errors
    endpoint = WebhookEndpoint.objects.get(naam="Frontend")
    assert endpoint.site == testdorp.site
    assert endpoint.geheim == "een-lang-geheim-voor-de-ontvanger"

    other = client.post(
        reverse(f"{ENDPOINTS}:add"), form(anderdorp.site, naam="Ingebroken")
    )
    assert other.status_code == 200
    assert "site" in other.context["form"].errors
    assert not WebhookEndpoint.objects.filter(naam="Ingebroken").exists()


def test_a_beheerder_edits_the_own_webhook_but_not_anothers(
    client_as,  # noqa: F811
    testdorp,  # noqa: F811
    two_gemeenten_with_webhooks,
):
    client = client_as(testdorp, rol="beheerders")
    eigen = two_gemeenten_with_webhooks["eigen"]
    ander = two_gemeenten_with_webhooks["ander"]
    edited = client.post(
        reverse(f"{ENDPOINTS}:edit", args=(eigen.pk,)),
        form(testdorp.site, naam="Nieuwe naam"),
    )
    assert edited.status_code == 302
    eigen.refresh_from_db()
    assert eigen.naam == "Nieuwe naam"
    stolen = client.post(
        reverse(f"{ENDPOINTS}:edit", args=(ander.pk,)),
        form(testdorp.site, naam="Overgenomen"),
    )
    assert stolen.status_code == 404
    ander.refresh_from_db()
    assert (ander.naam, ander.site_id) == ("Anderfrontend", ander.site_id)


@pytest.mark.parametrize("rol", ["contentmanagers", "communicatieadviseurs"])
def test_editors_without_the_beheerder_role_do_not_see_webhooks(
    client_as,  # noqa: F811
    testdorp,  # noqa: F811
    two_gemeenten_with_webhooks,
    rol,
):
    client = client_as(testdorp, rol=rol)
    assert refused(client.get(reverse(f"{ENDPOINTS}:list")))
    assert refused(client.get(reverse(f"{DELIVERIES}:list")))


@pytest.mark.parametrize(
    "url",
    [
        "http://frontend.example/hook",
        "http://localhost:8000/hook",
        "ftp://frontend.example/hook",
        "javascript:alert(1)",
    ],
)
def test_only_an_https_address_is_accepted(
    client_as,  # noqa: F811
    testdorp,  # noqa: F811
    url,
):
    client = client_as(testdorp, rol="beheerders")
    response = client.post(reverse(f"{ENDPOINTS}:add"), form(testdorp.site, url=url))
    assert response.status_code == 200
    assert "url" in response.context["form"].errors
    assert not WebhookEndpoint.objects.exists()


def test_http_to_localhost_is_accepted_while_developing(
    client_as,  # noqa: F811
    testdorp,  # noqa: F811
    settings,
):
    settings.DEBUG = True
    client = client_as(testdorp, rol="beheerders")
    local = client.post(
        reverse(f"{ENDPOINTS}:add"),
        form(testdorp.site, url="http://localhost:8000/hook"),
    )
    assert local.status_code == 302
    elsewhere = client.post(
        reverse(f"{ENDPOINTS}:add"),
        form(testdorp.site, naam="Buiten", url="http://frontend.example/hook"),
    )
    assert "url" in elsewhere.context["form"].errors
