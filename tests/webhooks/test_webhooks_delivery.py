"""Delivery paths the other webhook tests leave out: a receiver that cannot
be reached is retried and logged; a stored plain-http address is never used
outside development."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from koppelingen.models import WebhookDelivery, WebhookEndpoint
from koppelingen.webhooks import MAX_ATTEMPTS
from tests.koppelingen.receiver import Receiver

pytestmark = pytest.mark.django_db


def endpoint_for(url: str) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(
        site=Site.objects.get(is_default_site=True), naam="Website", url=url
    )


def test_an_unreachable_receiver_is_retried_and_logged(
    product, settings, django_capture_on_commit_callbacks
):
    settings.DEBUG = True  # http://127.0.0.1 is allowed only while developing
    gone = Receiver()
    url = gone.url
    gone.close()  # nothing listens there any more
    endpoint = endpoint_for(url)
    with django_capture_on_commit_callbacks(execute=True):
        product.save_revision().publish()
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert (delivery.status, delivery.pogingen) == ("mislukt", MAX_ATTEMPTS)
    assert delivery.laatste_statuscode is None
    assert "niet bereikbaar" in delivery.laatste_fout
    assert url not in delivery.laatste_fout


def test_a_plain_http_address_is_not_used_outside_development(
    product, receiver, settings, django_capture_on_commit_callbacks
):
    server = receiver()
    endpoint = endpoint_for(server.url)  # stored while developing, say
    settings.DEBUG = False
    with django_capture_on_commit_callbacks(execute=True):
        product.save_revision().publish()
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert (delivery.status, delivery.pogingen) == ("mislukt", 1)
    assert "https://" in delivery.laatste_fout
    assert server.requests == []
