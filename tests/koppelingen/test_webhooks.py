"""Webhooks: a signed CloudEvent per publication and unpublication, retried, logged."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest
from wagtail.models import Site

from koppelingen.models import WebhookDelivery, WebhookEndpoint
from koppelingen.webhooks import (
    EVENT_GEPUBLICEERD,
    EVENT_INGETROKKEN,
    MAX_ATTEMPTS,
    SIGNATURE_HEADER,
    backoff,
)
from renderers.models import ChannelRendering

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def local_receiver_allowed(settings):
    """The receivers here listen on http://127.0.0.1: allowed only with DEBUG on."""
    settings.DEBUG = True


def endpoint_for(url: str) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(
        site=Site.objects.get(is_default_site=True), naam="Website", url=url
    )


def stored_etags(page) -> dict[tuple[str, str], str]:
    return {
        (row.channel, row.variant): row.etag
        for row in ChannelRendering.objects.filter(page=page)
    }


def publish(product, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        revision = product.save_revision()
        revision.publish()
    return revision


def test_a_publication_sends_a_signed_cloudevent(
    product, receiver, django_capture_on_commit_callbacks
):
    server = receiver()
    endpoint = endpoint_for(server.url)
    before = stored_etags(product)
    revision = publish(product, django_capture_on_commit_callbacks)
    after = stored_etags(product)
    [(headers, body)] = server.requests
    expected = hmac.new(endpoint.geheim.encode(), body, hashlib.sha256).hexdigest()
    assert headers[SIGNATURE_HEADER] == f"sha256={expected}"
    assert headers["Content-Type"].startswith("application/cloudevents+json")
    event = json.loads(body)
    assert event["specversion"] == "1.0"
    assert event["type"] == EVENT_GEPUBLICEERD
    assert {"id", "source", "subject", "time"} <= set(event)
    assert event["data"]["product"]["id"] == product.pk
    assert event["data"]["revisie"] == revision.pk
    # The channels whose stored output this publication changed.
    changed = sorted({key[0] for key, etag in after.items() if before.get(key) != etag})
    assert changed
    assert event["data"]["kanalen"] == changed
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert (delivery.status, delivery.pogingen) == ("afgeleverd", 1)


def test_an_unpublication_sends_an_event(
    product, receiver, django_capture_on_commit_callbacks
):
    publish(product, django_capture_on_commit_callbacks)
    server = receiver()
    endpoint_for(server.url)
    with django_capture_on_commit_callbacks(execute=True):
        product.unpublish()
    [(_, body)] = server.requests
    assert json.loads(body)["type"] == EVENT_INGETROKKEN


def test_a_failing_endpoint_is_retried_and_every_attempt_logged(
    product, receiver, django_capture_on_commit_callbacks
):
    server = receiver([500, 503])
    endpoint = endpoint_for(server.url)
    publish(product, django_capture_on_commit_callbacks)
    assert len(server.requests) == 3
    # The same event each time: the receiver can deduplicate on its id.
    assert len({json.loads(body)["id"] for _, body in server.requests}) == 1
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert (delivery.status, delivery.pogingen, delivery.laatste_statuscode) == (
        "afgeleverd",
        3,
        200,
    )


def test_after_the_last_attempt_the_delivery_is_marked_failed(
    product, receiver, django_capture_on_commit_callbacks
):
    server = receiver([500] * MAX_ATTEMPTS)
    endpoint = endpoint_for(server.url)
    publish(product, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert (delivery.status, delivery.pogingen) == ("mislukt", MAX_ATTEMPTS)
    assert "HTTP 500" in delivery.laatste_fout
    assert len(server.requests) == MAX_ATTEMPTS


def test_backoff_doubles():
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [60, 120, 240, 480]


def test_an_inactive_endpoint_or_another_gemeente_hears_nothing(
    product, receiver, django_capture_on_commit_callbacks
):
    server = receiver()
    endpoint = endpoint_for(server.url)
    endpoint.actief = False
    endpoint.save()
    publish(product, django_capture_on_commit_callbacks)
    assert server.requests == []


def test_a_beheerder_sees_webhooks_and_the_delivery_log_in_the_admin(
    admin_client, product, receiver, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    server = receiver([500])
    endpoint_for(server.url)
    publish(product, django_capture_on_commit_callbacks)
    endpoints = admin_client.get(
        reverse("wagtailsnippets_koppelingen_webhookendpoint:list")
    )
    assert endpoints.status_code == 200
    assert "Website" in endpoints.content.decode()
    log = admin_client.get(reverse("wagtailsnippets_koppelingen_webhookdelivery:list"))
    assert log.status_code == 200
    assert "Afgeleverd" in log.content.decode()
