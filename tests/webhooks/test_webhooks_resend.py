""" "Opnieuw versturen" of a failed webhook delivery: per gemeente, through the
admin URLs, and through the same delivery path as every delivery, which checks
before each attempt that the event still tells the truth (the product is live
with the gate's approval at the revision the event names)."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings
from django.urls import reverse

from koppelingen.models import WebhookDelivery, WebhookEndpoint
from koppelingen.webhooks import (
    EVENT_INGETROKKEN,
    MAX_ATTEMPTS,
    attempt_delivery,
    cloud_event,
    deliver_webhook_task,
)
from renderers.models import ChannelRendering
from tests.gemeenten.conftest import (  # noqa: F401 (fixtures)
    anderdorp,
    client_as,
    refused,
    testdorp,
    user_in,
)

pytestmark = pytest.mark.django_db

DELIVERIES = "wagtailsnippets_koppelingen_webhookdelivery"


@pytest.fixture(autouse=True)
def local_receiver_allowed(settings):
    """The receivers here listen on http://127.0.0.1: allowed only with DEBUG on."""
    settings.DEBUG = True


def resend_url(delivery: WebhookDelivery) -> str:
    return reverse(f"{DELIVERIES}:resend", args=(delivery.pk,))


def events_with_id(server, event_id) -> list[dict]:
    events = [json.loads(body) for _, body in server.requests]
    return [event for event in events if event["id"] == str(event_id)]


def failed_publication(gemeente, receiver, capture) -> tuple:
    """A publication of ``gemeente``'s product whose delivery failed every attempt;
    the receiver answers 200 from then on."""
    server = receiver([500] * MAX_ATTEMPTS)
    endpoint = WebhookEndpoint.objects.create(
        site=gemeente.site, naam=f"Website {gemeente.site.hostname}", url=server.url
    )
    with capture(execute=True):
        gemeente.product.save_revision().publish()
    failed = WebhookDelivery.objects.get(endpoint=endpoint)
    assert (failed.status, failed.pogingen) == ("mislukt", MAX_ATTEMPTS)
    return server, failed


def test_a_beheerder_resends_a_failed_delivery_of_the_own_gemeente(
    client_as,  # noqa: F811
    testdorp,  # noqa: F811
    receiver,
    django_capture_on_commit_callbacks,
):
    server, failed = failed_publication(
        testdorp, receiver, django_capture_on_commit_callbacks
    )
    client = client_as(testdorp, rol="beheerders")
    inspect = client.get(reverse(f"{DELIVERIES}:inspect", args=(failed.pk,)))
    assert "Opnieuw versturen" in inspect.content.decode()
    assert resend_url(failed) in inspect.content.decode()
    ask = client.get(resend_url(failed))
    assert ask.status_code == 200
    assert "Ja, opnieuw versturen" in ask.content.decode()
    assert len(server.requests) == MAX_ATTEMPTS  # asking sends nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend_url(failed))
    again = WebhookDelivery.objects.exclude(pk=failed.pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse(f"{DELIVERIES}:inspect", args=(again.pk,))
    # The same event, signed and sent again; the failed delivery stays as it was.
    [event] = events_with_id(server, failed.event_id)[-1:]
    assert event == failed.payload
    assert len(server.requests) == MAX_ATTEMPTS + 1
    assert (again.status, again.pogingen, again.event_id) == (
        "afgeleverd",
        1,
        failed.event_id,
    )
    failed.refresh_from_db()
    assert (failed.status, failed.pogingen) == ("mislukt", MAX_ATTEMPTS)
    # Delivered: nothing left to resend.
    after = client.get(reverse(f"{DELIVERIES}:inspect", args=(again.pk,)))
    assert resend_url(again) not in after.content.decode()


def test_a_beheerder_cannot_resend_another_gemeentes_delivery(
    client_as,  # noqa: F811
    testdorp,  # noqa: F811
    anderdorp,  # noqa: F811
    receiver,
    django_capture_on_commit_callbacks,
):
    server, ander_failed = failed_publication(
        anderdorp, receiver, django_capture_on_commit_callbacks
    )
    client = client_as(testdorp, rol="beheerders")
    assert client.get(resend_url(ander_failed)).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        stolen = client.post(resend_url(ander_failed))
    assert stolen.status_code == 404
    assert WebhookDelivery.objects.count() == 1
    assert len(server.requests) == MAX_ATTEMPTS
    # Anderdorp's own beheerder may.
    own = client_as(anderdorp, rol="beheerders")
    with django_capture_on_commit_callbacks(execute=True):
        assert own.post(resend_url(ander_failed)).status_code == 302
    assert len(server.requests) == MAX_ATTEMPTS + 1


@pytest.mark.parametrize("rol", ["contentmanagers", "communicatieadviseurs"])
def test_editors_without_the_beheerder_role_cannot_resend(
    client_as,  # noqa: F811
    testdorp,  # noqa: F811
    receiver,
    django_capture_on_commit_callbacks,
    rol,
):
    server, failed = failed_publication(
        testdorp, receiver, django_capture_on_commit_callbacks
    )
    client = client_as(testdorp, rol=rol)
    assert refused(client.get(resend_url(failed)))
    with django_capture_on_commit_callbacks(execute=True):
        assert refused(client.post(resend_url(failed)))
    assert WebhookDelivery.objects.count() == 1
    assert len(server.requests) == MAX_ATTEMPTS


def test_only_a_failed_delivery_is_resent_and_only_once(
    client_as,  # noqa: F811
    testdorp,  # noqa: F811
    receiver,
    django_capture_on_commit_callbacks,
):
    server, failed = failed_publication(
        testdorp, receiver, django_capture_on_commit_callbacks
    )
    client = client_as(testdorp, rol="beheerders")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(resend_url(failed))
        twice = client.post(resend_url(failed), follow=True)
    assert "al opnieuw verstuurd" in twice.content.decode()
    again = WebhookDelivery.objects.exclude(pk=failed.pk).get()
    with django_capture_on_commit_callbacks(execute=True):
        delivered = client.post(resend_url(again), follow=True)
    assert "Alleen een mislukte aflevering" in delivered.content.decode()
    assert WebhookDelivery.objects.count() == 2
    assert len(server.requests) == MAX_ATTEMPTS + 1


def test_a_switched_off_webhook_is_not_resent(
    client_as,  # noqa: F811
    testdorp,  # noqa: F811
    receiver,
    django_capture_on_commit_callbacks,
):
    server, failed = failed_publication(
        testdorp, receiver, django_capture_on_commit_callbacks
    )
    WebhookEndpoint.objects.filter(pk=failed.endpoint_id).update(actief=False)
    client = client_as(testdorp, rol="beheerders")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend_url(failed), follow=True)
    assert "staat uit" in response.content.decode()
    assert WebhookDelivery.objects.count() == 1
    assert len(server.requests) == MAX_ATTEMPTS


def _rendering_approval_gone(page) -> None:
    # The stored renderings' approval no longer matches the product's inputs.
    ChannelRendering.objects.filter(page=page).update(inputs_fingerprint="anders")


def _unpublished(page) -> None:
    page.unpublish()


def _published_again(page) -> None:
    page.save_revision().publish()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        pytest.param(
            _rendering_approval_gone, "niet meer met goedkeuring", id="approval"
        ),
        pytest.param(_unpublished, "niet meer met goedkeuring", id="unpublished"),
        pytest.param(_published_again, "nieuwere versie", id="newer-revision"),
    ],
)
def test_a_resend_rechecks_approval_and_sends_nothing_stale(
    client_as,  # noqa: F811
    testdorp,  # noqa: F811
    receiver,
    django_capture_on_commit_callbacks,
    change,
    reason,
):
    server, failed = failed_publication(
        testdorp, receiver, django_capture_on_commit_callbacks
    )
    with django_capture_on_commit_callbacks(execute=True):
        change(testdorp.product)
    client = client_as(testdorp, rol="beheerders")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend_url(failed))
    assert response.status_code == 302
    again = WebhookDelivery.objects.get(event_id=failed.event_id, pk__gt=failed.pk)
    assert again.status == "vervallen"
    assert reason in again.laatste_fout
    assert again.pogingen == 0
    # Only the original attempts carried this event.
    assert len(events_with_id(server, failed.event_id)) == MAX_ATTEMPTS


@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
)
def test_a_retry_of_a_product_taken_offline_meanwhile_is_not_sent(
    testdorp,  # noqa: F811
    receiver,
    django_capture_on_commit_callbacks,
):
    server = receiver([503])
    endpoint = WebhookEndpoint.objects.create(
        site=testdorp.site, naam="Website", url=server.url
    )
    with django_capture_on_commit_callbacks(execute=True):
        testdorp.product.save_revision().publish()
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert deliver_webhook_task.call(delivery.pk) == "wachtend"
    testdorp.product.unpublish()
    assert deliver_webhook_task.call(delivery.pk) == "vervallen"
    assert len(server.requests) == 1


def test_a_withdrawal_of_a_product_live_again_is_not_sent(testdorp, receiver):  # noqa: F811
    server = receiver()
    endpoint = WebhookEndpoint.objects.create(
        site=testdorp.site, naam="Website", url=server.url
    )
    event = cloud_event(
        page=testdorp.product,
        event_type=EVENT_INGETROKKEN,
        revision_id=None,
        channels=[],
    )
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint,
        event_id=event["id"],
        event_type=EVENT_INGETROKKEN,
        payload=event,
    )
    assert attempt_delivery(delivery) is False
    assert delivery.status == "vervallen"
    assert "weer live" in delivery.laatste_fout
    assert server.requests == []
    # The product taken offline: now the withdrawal holds and is sent.
    testdorp.product.unpublish()
    delivery.status = WebhookDelivery.Status.WACHTEND
    assert attempt_delivery(delivery) is False
    assert delivery.status == "afgeleverd"
    assert len(server.requests) == 1
