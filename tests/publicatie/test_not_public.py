"""Products that are not public do not leak through renderings or the chatbot.

The rest of this path is in ``test_channels_hold.py`` (an unpublished theme,
expiry at the moment, another gemeente) and ``test_clock.py``.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from contenthub.models import GerelateerdProduct, ProductPage
from renderers.models import ChannelRendering

from .channels import chatbot, website

pytestmark = pytest.mark.django_db


def _publish(page):
    page.save_revision().publish()
    return ProductPage.objects.get(pk=page.pk)


def test_a_password_protected_related_product_is_not_listed(live_product, make_product):
    geheim = _publish(
        make_product(slug="geheim", title="Geheim product aanvragen", live=False)
    )
    PageViewRestriction.objects.create(
        page=geheim, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    GerelateerdProduct.objects.create(page=live_product, product=geheim)
    paspoort = _publish(ProductPage.objects.get(pk=live_product.pk))
    for channel, variant in (("web", ""), ("web", "fragment"), ("app", "")):
        row = ChannelRendering.objects.get(
            page=paspoort, channel=channel, variant=variant
        )
        assert "Geheim product" not in row.content, (channel, variant)
    status, html = website(paspoort.get_url())
    assert status == 200
    assert "Geheim product" not in html


def test_the_chatbot_stops_answering_an_expired_product_at_the_moment(live_product):
    assert chatbot("paspoort aanvragen").get("fallback") is not True
    ProductPage.objects.filter(pk=live_product.pk).update(
        expire_at=timezone.now() - timedelta(seconds=1)
    )
    # No publish_scheduled, no herkeur, no new catalogue version, and the
    # chatbot's index is not rebuilt: the answer checks at read time.
    response = Client().post(
        "/api/chatbot/vraag",
        data=json.dumps({"vraag": "paspoort aanvragen"}),
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json().get("fallback") is True
    assert website(live_product.get_url())[0] == 404
