"""Webhooks follow every change of live output, not only a page publication:
a doorwerking, a changed snippet, the clock (herkeur) and a kostenwissel; sent
only after the change commits, retried with backoff on the task queue, and
logged without personal data."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Site

from contenthub.models import GerelateerdProduct, ProductPage
from koppelingen.models import WebhookDelivery, WebhookEndpoint
from koppelingen.webhooks import (
    BACKOFF_SECONDS,
    EVENT_BIJGEWERKT,
    EVENT_GEPUBLICEERD,
    EVENT_INGETROKKEN,
    MAX_ATTEMPTS,
    deliver_webhook_task,
)
from publicatie.holding import herkeur
from renderers.models import ChannelRendering

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def local_receiver_allowed(settings):
    """The receivers here listen on http://127.0.0.1: allowed only with DEBUG on."""
    settings.DEBUG = True


def endpoint_for(url: str, site: Site | None = None) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(
        site=site or Site.objects.get(is_default_site=True), naam="Website", url=url
    )


def stored_etags(page) -> dict[tuple[str, str], str]:
    return {
        (row.channel, row.variant): row.etag
        for row in ChannelRendering.objects.filter(page=page)
    }


def changed(before: dict, after: dict) -> list[str]:
    return sorted({key[0] for key, etag in after.items() if before.get(key) != etag})


def events(server) -> list[dict]:
    return [json.loads(body) for _, body in server.requests]


def publish(page: ProductPage) -> ProductPage:
    page.save_revision().publish()
    return ProductPage.objects.get(pk=page.pk)


# A changed snippet -------------------------------------------------------------------


def test_a_changed_contactpunt_sends_bijgewerkt_with_the_changed_channels(
    product, contactpunt, receiver, django_capture_on_commit_callbacks
):
    server = receiver()
    endpoint_for(server.url)
    live_revision = ProductPage.objects.get(pk=product.pk).live_revision_id
    before = stored_etags(product)
    with django_capture_on_commit_callbacks(execute=True):
        contactpunt.telefoon = "14 0123"
        contactpunt.save()
    after = stored_etags(product)
    [event] = events(server)
    assert event["type"] == EVENT_BIJGEWERKT
    assert event["subject"] == f"product/{product.pk}"
    # The same revision, shown with the new phone number.
    assert event["data"]["revisie"] == live_revision
    assert "web" in event["data"]["kanalen"]
    assert event["data"]["kanalen"] == changed(before, after)


def test_a_snippet_save_that_changes_no_output_sends_nothing(
    product, contactpunt, receiver, django_capture_on_commit_callbacks
):
    server = receiver()
    endpoint_for(server.url)
    with django_capture_on_commit_callbacks(execute=True):
        contactpunt.save()
    assert server.requests == []
    assert not WebhookDelivery.objects.exists()


def test_nothing_is_sent_before_the_change_commits(
    product, contactpunt, receiver, django_capture_on_commit_callbacks
):
    server = receiver()
    endpoint_for(server.url)
    with django_capture_on_commit_callbacks() as callbacks:
        contactpunt.telefoon = "14 0123"
        contactpunt.save()
    # Inside the transaction: logged as waiting, not sent.
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.pogingen) == ("wachtend", 0)
    assert server.requests == []
    for callback in callbacks:
        callback()
    assert [e["type"] for e in events(server)] == [EVENT_BIJGEWERKT]


def test_a_change_that_is_rolled_back_sends_and_logs_nothing(
    product, contactpunt, receiver, django_capture_on_commit_callbacks
):
    server = receiver()
    endpoint_for(server.url)

    def change_then_fail() -> None:
        with transaction.atomic():
            contactpunt.telefoon = "14 0123"
            contactpunt.save()
            raise RuntimeError("iets anders ging mis")

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
    ):
        change_then_fail()
    assert server.requests == []
    assert not WebhookDelivery.objects.exists()


# The clock: herkeur and kostenwissel -----------------------------------------------


def test_herkeur_after_a_related_product_expired_sends_bijgewerkt(
    product, make_product, receiver, django_capture_on_commit_callbacks
):
    idkaart = publish(make_product(slug="id-kaart", title="ID-kaart aanvragen"))
    GerelateerdProduct.objects.create(page=product, product=idkaart)
    paspoort = publish(ProductPage.objects.get(pk=product.pk))
    server = receiver()
    endpoint_for(server.url)
    ProductPage.objects.filter(pk=idkaart.pk).update(
        expire_at=timezone.now() - timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        outcome = herkeur()
    assert outcome["opgeslagen"] >= 1
    bijgewerkt = [e for e in events(server) if e["subject"] == f"product/{paspoort.pk}"]
    assert [e["type"] for e in bijgewerkt] == [EVENT_BIJGEWERKT]
    assert "web" in bijgewerkt[0]["data"]["kanalen"]


def test_a_product_the_clock_refuses_sends_ingetrokken(
    product, receiver, django_capture_on_commit_callbacks
):
    server = receiver()
    endpoint_for(server.url)
    shown = sorted(
        set(
            ChannelRendering.objects.filter(page=product)
            .exclude(content="", binary__isnull=True)
            .values_list("channel", flat=True)
        )
    )
    # The row changes behind the guards' back; the clock finds it no longer passes.
    ProductPage.objects.filter(pk=product.pk).update(kort_antwoord="")
    with django_capture_on_commit_callbacks(execute=True):
        outcome = herkeur([ProductPage.objects.get(pk=product.pk)])
    assert [page.pk for page, _ in outcome["tegengehouden"]] == [product.pk]
    [event] = events(server)
    assert event["type"] == EVENT_INGETROKKEN
    assert event["data"]["kanalen"] == shown


def regel(bedrag: str, vanaf: str | None = None, tot: str | None = None) -> dict:
    return {
        "type": "regel",
        "value": {
            "omschrijving": "Paspoort 18 jaar en ouder",
            "bedrag": bedrag,
            "per": "per_stuk",
            "geldig_vanaf": vanaf,
            "geldig_tot": tot,
        },
    }


def test_a_kostenwissel_sends_bijgewerkt_on_the_day_the_fee_changes(
    make_product, receiver, django_capture_on_commit_callbacks
):
    with time_machine.travel(dt.datetime(2026, 12, 15, 10, tzinfo=dt.UTC), tick=False):
        page = make_product(slug="paspoort", title="Paspoort aanvragen", live=False)
        page.kosten = [
            regel("84.29", tot="2026-12-31"),
            regel("88.55", vanaf="2027-01-01"),
        ]
        page = publish(page)
    server = receiver()
    endpoint_for(server.url)
    with time_machine.travel(dt.datetime(2027, 1, 1, 9, tzinfo=dt.UTC), tick=False):
        before = stored_etags(page)
        with django_capture_on_commit_callbacks(execute=True):
            call_command("kostenwissel", stdout=io.StringIO())
        after = stored_etags(page)
        [event] = events(server)
        assert event["type"] == EVENT_BIJGEWERKT
        assert {"web", "app", "sdg"} <= set(event["data"]["kanalen"])
        assert event["data"]["kanalen"] == changed(before, after)
        # A second run the same day changes nothing and sends nothing.
        with django_capture_on_commit_callbacks(execute=True):
            call_command("kostenwissel", stdout=io.StringIO())
        assert len(server.requests) == 1


# Doorwerking ----------------------------------------------------------------------


def test_a_doorwerking_publishes_the_product_again_and_says_so(
    receiver, django_capture_on_commit_callbacks
):
    from tests.publicatie.doorwerking.conftest import (
        NIEUW_KORT_ANTWOORD,
        make_basistekst,
        make_gemeente,
    )

    basistekst = make_basistekst()
    gemeente = make_gemeente("testdorp", "Testdorp")
    page = publish(gemeente.product(basistekst=basistekst))
    server = receiver()
    endpoint_for(server.url, site=gemeente.site)
    basistekst.kort_antwoord = NIEUW_KORT_ANTWOORD
    with django_capture_on_commit_callbacks(execute=True):
        basistekst.save_revision().publish()
    page = ProductPage.objects.get(pk=page.pk)
    assert page.kort_antwoord == NIEUW_KORT_ANTWOORD
    [event] = events(server)
    assert event["type"] == EVENT_GEPUBLICEERD
    assert event["data"]["revisie"] == page.live_revision_id
    assert "web" in event["data"]["kanalen"]


# Retries on the task queue, and the log ---------------------------------------------


@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
)
def test_a_failed_attempt_is_queued_again_after_the_backoff(
    product, contactpunt, receiver, django_capture_on_commit_callbacks
):
    from django_tasks import default_task_backend

    server = receiver([503])
    endpoint_for(server.url)
    with django_capture_on_commit_callbacks(execute=True):
        contactpunt.telefoon = "14 0123"
        contactpunt.save()

    def deliveries_queued():
        return [
            result
            for result in default_task_backend.results
            if result.task.module_path == deliver_webhook_task.module_path
        ]

    # Queued after the commit, not run in the request.
    [queued] = deliveries_queued()
    assert server.requests == []
    delivery = WebhookDelivery.objects.get()
    assert queued.args == [delivery.pk]

    moment = timezone.now()
    with time_machine.travel(moment, tick=False):
        assert deliver_webhook_task.call(delivery.pk) == "wachtend"
    delivery.refresh_from_db()
    assert (delivery.pogingen, delivery.laatste_statuscode) == (1, 503)
    assert delivery.volgende_poging_op == moment + timedelta(seconds=BACKOFF_SECONDS)
    _first, retry = deliveries_queued()
    assert retry.task.run_after == delivery.volgende_poging_op
    assert retry.args == [delivery.pk]

    assert deliver_webhook_task.call(delivery.pk) == "afgeleverd"
    assert len(server.requests) == 2


def test_a_failed_delivery_keeps_its_event_and_logs_no_personal_data(
    product, receiver, caplog, django_capture_on_commit_callbacks
):
    server = receiver([500] * MAX_ATTEMPTS)
    token = "persoonlijk-token-8472"
    endpoint = endpoint_for(f"{server.url}?token={token}")
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        publish(ProductPage.objects.get(pk=product.pk))
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert delivery.status == "mislukt"
    # The whole event is kept: the beheerder can see and resend it.
    assert json.loads(server.requests[0][1]) == delivery.payload
    logged = caplog.text + delivery.laatste_fout
    for secret in (token, endpoint.geheim, server.url, "127.0.0.1"):
        assert secret not in logged
    assert "HTTP 500" in delivery.laatste_fout
