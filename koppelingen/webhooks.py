"""Webhook events: CloudEvents 1.0 JSON, HMAC-SHA256 signed, retried with backoff.

Every change of what a product shows live (``signal_handlers``: publication,
re-render, unpublication) sends one event to every active endpoint of its
gemeente. Delivery runs on the background task queue
(``koppelingen.tasks``); a failed attempt is tried again after 1, 2, 4, ...
minutes (``BACKOFF_SECONDS`` doubling), at most ``MAX_ATTEMPTS`` times, and
every attempt is logged on the ``WebhookDelivery`` (the admin shows it).

Before every attempt (the first, a retry, or a beheerder's "opnieuw
versturen") the event is checked against what the product serves now
(:func:`stale_reason`): an event about a revision that is no longer live with
the gate's approval, or a withdrawal of a product that is live again, is not
sent (status ``vervallen``); the newer event about that product tells the
receiver what holds.
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
from .selectors import served_live_revision

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


def stale_reason(delivery: WebhookDelivery) -> str:
    """Why the event no longer tells the truth about its product ('' when it does).

    A publication or update names a revision: it holds while that revision is
    live and its stored renderings still have the gate's approval for the
    inputs as they are now (what every channel serves). A withdrawal holds
    while the product serves nothing.
    """
    data = delivery.payload.get("data") or {}
    product_id = (data.get("product") or {}).get("id")
    served = (
        served_live_revision(page_id=product_id)
        if isinstance(product_id, int)
        else None
    )
    if delivery.event_type == EVENT_INGETROKKEN:
        if served is None:
            return ""
        return (
            "Niet verstuurd: het product staat inmiddels weer live; daarover "
            "is een nieuwer bericht verstuurd."
        )
    if served is None:
        return (
            "Niet verstuurd: dit product staat niet meer met goedkeuring live; "
            "daarover is een nieuwer bericht verstuurd."
        )
    if served.revision_id != data.get("revisie"):
        return (
            "Niet verstuurd: er staat inmiddels een nieuwere versie van dit "
            "product live; daarover is een nieuwer bericht verstuurd."
        )
    return ""


def attempt_delivery(delivery: WebhookDelivery) -> bool:
    """One attempt; returns whether another attempt should follow."""
    if delivery.status != WebhookDelivery.Status.WACHTEND:
        return False
    if reason := stale_reason(delivery):
        delivery.status = WebhookDelivery.Status.VERVALLEN
        delivery.laatste_fout = reason
        delivery.volgende_poging_op = None
        delivery.save()
        logger.info(
            "Webhook %s niet verstuurd: het bericht klopt niet meer", delivery.pk
        )
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


class ResendRefused(Exception):
    """A delivery that cannot be sent again; the message says why (in Dutch)."""


def resend_delivery(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a failed delivery's event again, as a new delivery with fresh attempts.

    The failed delivery stays in the log as it was. The new one carries the
    same event (same id: the receiver can deduplicate) and goes through the
    same path as every delivery: queued after the commit, checked against
    what the product serves now before each attempt, retried with backoff.
    """
    if delivery.status != WebhookDelivery.Status.MISLUKT:
        raise ResendRefused(
            "Alleen een mislukte aflevering kunt u opnieuw versturen. Deze is "
            f"{delivery.get_status_display().lower()}."
        )
    endpoint = delivery.endpoint
    if not endpoint.actief:
        raise ResendRefused(
            "Deze webhook staat uit. Zet de webhook eerst aan en verstuur het "
            "bericht dan opnieuw."
        )
    already = (
        WebhookDelivery.objects.filter(endpoint=endpoint, event_id=delivery.event_id)
        .exclude(pk=delivery.pk)
        .filter(
            status__in=[
                WebhookDelivery.Status.WACHTEND,
                WebhookDelivery.Status.AFGELEVERD,
            ]
        )
    )
    if already.exists():
        raise ResendRefused(
            "Dit bericht is al opnieuw verstuurd. Bekijk de nieuwste aflevering "
            "in het overzicht."
        )
    again = WebhookDelivery.objects.create(
        endpoint=endpoint,
        event_id=delivery.event_id,
        event_type=delivery.event_type,
        payload=delivery.payload,
    )
    transaction.on_commit(lambda: deliver_webhook_task.enqueue(again.pk))
    logger.info("Webhook %s opnieuw verstuurd als %s", delivery.pk, again.pk)
    return again
