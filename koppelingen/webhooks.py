"""Webhook events: CloudEvents 1.0 JSON, HMAC-SHA256 signed, retried with backoff.

Every change of what a product shows live (``signal_handlers``: publication,
re-render, unpublication) sends one event to every active endpoint of its
gemeente. Delivery runs on the background task queue
(``koppelingen.tasks``); a failed attempt is tried again after 1, 2, 4, ...
minutes (``BACKOFF_SECONDS`` doubling), at most ``MAX_ATTEMPTS`` times, and
every attempt is logged on the ``WebhookDelivery`` (the admin shows it).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import urllib.error
import urllib.request
import uuid
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import WebhookDelivery, WebhookEndpoint, url_allowed

if TYPE_CHECKING:
    from contenthub.models import ProductPage

logger = logging.getLogger(__name__)

SPECVERSION = "1.0"
EVENT_GEPUBLICEERD = "nl.contenthub.product.gepubliceerd"
EVENT_INGETROKKEN = "nl.contenthub.product.ingetrokken"
EVENT_BIJGEWERKT = "nl.contenthub.product.bijgewerkt"
"""The same revision shows other output: a snippet, the settings, the clock."""
SIGNATURE_HEADER = "X-Contenthub-Signature"
MAX_ATTEMPTS = 5
BACKOFF_SECONDS = 60
TIMEOUT_SECONDS = 10


def signature(body: bytes, secret: str) -> str:
    """``sha256=<hex>``: the HMAC-SHA256 of the exact body with the endpoint's secret."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def cloud_event(
    *, page: ProductPage, event_type: str, revision_id: int | None, channels: list[str]
) -> dict[str, Any]:
    site = page.get_site()
    root = site.root_url if site else ""
    return {
        "specversion": SPECVERSION,
        "id": str(uuid.uuid4()),
        "source": f"{root}/",
        "type": event_type,
        "subject": f"product/{page.pk}",
        "time": timezone.now().isoformat(),
        "datacontenttype": "application/json",
        "data": {
            "product": {"id": page.pk, "slug": page.slug, "titel": page.title},
            "revisie": revision_id,
            "kanalen": channels,
        },
    }


def queue_event(
    *, page: ProductPage, event_type: str, revision_id: int | None, channels: list[str]
) -> list[WebhookDelivery]:
    """Log the event for every active endpoint of the page's gemeente; send after commit."""
    site = page.get_site()
    if site is None:
        return []
    endpoints = WebhookEndpoint.objects.filter(site=site, actief=True)
    deliveries = []
    for endpoint in endpoints:
        event = cloud_event(
            page=page, event_type=event_type, revision_id=revision_id, channels=channels
        )
        deliveries.append(
            WebhookDelivery.objects.create(
                endpoint=endpoint,
                event_id=event["id"],
                event_type=event_type,
                payload=event,
            )
        )
    if deliveries:
        ids = [delivery.pk for delivery in deliveries]
        transaction.on_commit(lambda: [deliver_webhook_task.enqueue(pk) for pk in ids])
    return deliveries


def backoff(attempts: int) -> timedelta:
    """Wait before the next attempt: 1, 2, 4, 8 minutes after attempt 1, 2, 3, 4."""
    return timedelta(seconds=BACKOFF_SECONDS * 2 ** (attempts - 1))


def attempt_delivery(delivery: WebhookDelivery) -> bool:
    """One attempt; returns whether another attempt should follow."""
    if delivery.status != WebhookDelivery.Status.WACHTEND:
        return False
    endpoint = delivery.endpoint
    if not url_allowed(endpoint.url):
        # Never over plain http outside development, whatever is stored.
        delivery.pogingen += 1
        delivery.status = WebhookDelivery.Status.MISLUKT
        delivery.laatste_statuscode = None
        delivery.laatste_fout = (
            "Niet verstuurd: het adres van deze webhook begint niet met https://."
        )
        delivery.volgende_poging_op = None
        delivery.save()
        logger.warning("Webhook %s niet verstuurd: adres zonder https", delivery.pk)
        return False
    body = json.dumps(delivery.payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(  # noqa: S310 (the beheerder's own endpoint)
        endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/cloudevents+json; charset=utf-8",
            SIGNATURE_HEADER: signature(body, endpoint.geheim),
            "User-Agent": "contenthub-webhooks",
        },
    )
    delivery.pogingen += 1
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            delivery.laatste_statuscode = response.status
        delivery.status = WebhookDelivery.Status.AFGELEVERD
        delivery.afgeleverd_op = timezone.now()
        delivery.laatste_fout = ""
        delivery.volgende_poging_op = None
    except urllib.error.HTTPError as error:
        delivery.laatste_statuscode = error.code
        delivery.laatste_fout = f"De ontvanger antwoordde met HTTP {error.code}."
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        delivery.laatste_statuscode = None
        delivery.laatste_fout = f"De ontvanger is niet bereikbaar ({error})."
    retry = delivery.status == WebhookDelivery.Status.WACHTEND
    if retry and delivery.pogingen >= MAX_ATTEMPTS:
        delivery.status = WebhookDelivery.Status.MISLUKT
        delivery.volgende_poging_op = None
        retry = False
    elif retry:
        delivery.volgende_poging_op = timezone.now() + backoff(delivery.pogingen)
    delivery.save()
    logger.info(
        "Webhook %s poging %d: %s", delivery.pk, delivery.pogingen, delivery.status
    )
    return retry


@task()
def deliver_webhook_task(delivery_id: int) -> str:
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id)
    if attempt_delivery(delivery):
        if default_task_backend.supports_defer:
            deliver_webhook_task.using(run_after=delivery.volgende_poging_op).enqueue(
                delivery_id
            )
        else:
            # A backend without deferred tasks (the immediate one) tries again at once.
            deliver_webhook_task.enqueue(delivery_id)
    return delivery.status
