"""The clock: a related product that expires is judged again for the products
that list it, by a task queued for that moment, without anyone running
``manage.py herkeur``.

The database queue (the default outside tests) can defer a task; these tests
use it, and ``time_machine`` to let the moment pass.
"""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from contenthub.models import GerelateerdProduct, ProductPage
from renderers.models import ChannelRendering

from .channels import assert_every_live_rendering_is_approved_for_its_inputs, website

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _publish(page, **schedule):
    revision = page.save_revision()
    revision.publish()
    page = ProductPage.objects.get(pk=page.pk)
    for name, moment in schedule.items():
        setattr(page, name, moment)
    if schedule:
        page.save_revision().publish()
    return ProductPage.objects.get(pk=page.pk)


def _web(page) -> str:
    return ChannelRendering.objects.get(page=page, channel="web", variant="").content


def _run_queue() -> None:
    # The worker closes connections between tasks; inside this test's
    # transaction that would end the test's PostgreSQL connection (SQLite's
    # in-memory database ignores it).
    with mock.patch(
        "django_tasks_db.management.commands.db_worker.close_old_connections"
    ):
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


@pytest.fixture
def queue():
    """The database queue, which can defer a task to a moment."""
    with override_settings(TASKS=DATABASE_QUEUE):
        yield


def test_a_related_product_that_expires_leaves_zie_ook_at_the_moment(
    queue, live_product, make_product, django_capture_on_commit_callbacks
):
    start = timezone.now()
    with (
        time_machine.travel(start, tick=False),
        # Tasks are queued when the transaction commits: here, on leaving.
        django_capture_on_commit_callbacks(execute=True),
    ):
        idkaart = _publish(
            make_product(slug="id-kaart", title="ID-kaart aanvragen", live=False),
            expire_at=start + timedelta(hours=1),
        )
        # Listed only after the ID-kaart's expiry was set: still judged at the moment.
        GerelateerdProduct.objects.create(page=live_product, product=idkaart)
        paspoort = _publish(ProductPage.objects.get(pk=live_product.pk))
        assert "ID-kaart aanvragen" in _web(paspoort)

    with time_machine.travel(start + timedelta(minutes=59), tick=False):
        _run_queue()  # nothing is due yet
        assert "ID-kaart aanvragen" in _web(paspoort)

    with time_machine.travel(start + timedelta(hours=1, seconds=1), tick=False):
        _run_queue()
        status, html = website(paspoort.get_url())
        assert status == 200
        assert "ID-kaart aanvragen" not in html
        assert "ID-kaart aanvragen" not in _web(paspoort)
        assert website(idkaart.get_url())[0] == 404
        assert_every_live_rendering_is_approved_for_its_inputs()


def test_a_related_product_that_goes_live_later_joins_zie_ook_at_the_moment(
    queue, live_product, make_product, django_capture_on_commit_callbacks
):
    start = timezone.now()
    with (
        time_machine.travel(start, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        later = _publish(
            make_product(slug="id-kaart", title="ID-kaart aanvragen", live=False),
        )
        ProductPage.objects.filter(pk=later.pk).update(
            go_live_at=start + timedelta(hours=1)
        )
        GerelateerdProduct.objects.create(page=live_product, product=later)
        paspoort = _publish(ProductPage.objects.get(pk=live_product.pk))
        assert "ID-kaart aanvragen" not in _web(paspoort)

    with time_machine.travel(start + timedelta(hours=1, seconds=1), tick=False):
        _run_queue()
        assert "ID-kaart aanvragen" in _web(paspoort)
        assert website(paspoort.get_url())[0] == 200
        assert_every_live_rendering_is_approved_for_its_inputs()
