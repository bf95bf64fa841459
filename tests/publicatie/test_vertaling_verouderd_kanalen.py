"""The English channels say that their translation is out of date.

A Dutch publication with a changed text stores the live translation's
channels again with a notice and a link to the Dutch page; the Dutch
publication never waits for the translation. Publishing the updated
translation removes the notice.
"""

from __future__ import annotations

import json

import pytest
from wagtail.models import Locale

from contenthub.findings import Finding, Location, Severity
from contenthub.models import ProductPage
from publicatie.records import Keuring
from publicatie.registry import GateCheck, gate_registry
from renderers.models import ChannelRendering
from renderers.services import approved_rendering

pytestmark = pytest.mark.django_db

NOTICE = "This translation may be out of date."


def _publish(page):
    page.save_revision().publish()
    return ProductPage.objects.get(pk=page.pk)


@pytest.fixture
def pair(product):
    """A live Dutch product and its live English translation."""
    dutch = _publish(ProductPage.objects.get(pk=product.pk))
    english = dutch.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english = ProductPage.objects.get(pk=english.pk)
    english.title = "Apply for a passport"
    english.kort_antwoord = "You apply for a passport at the town hall."
    return dutch, _publish(english)


def _change_dutch(dutch, text="U vraagt een paspoort aan in het stadhuis."):
    page = ProductPage.objects.get(pk=dutch.pk)
    page.kort_antwoord = text
    return _publish(page)


def _stored(page, channel, variant=""):
    row = approved_rendering(ProductPage.objects.get(pk=page.pk), channel, variant)
    assert row is not None, (channel, variant)
    return row


def _app(page):
    return json.loads(_stored(page, "app").content)


def test_a_dutch_change_puts_a_notice_in_every_english_channel(pair):
    dutch, english = pair
    assert NOTICE not in _stored(english, "web").content
    assert _app(english)["vertaling_verouderd"] is False

    dutch = _change_dutch(dutch)
    dutch_url = dutch.get_full_url()
    web = _stored(english, "web").content
    assert NOTICE in web
    assert f'href="{dutch_url}" hreflang="nl"' in web
    app = _app(english)
    assert app["vertaling_verouderd"] is True
    assert app["links"]["nl"] == dutch_url
    assert app["vertaling_melding"].startswith(NOTICE)
    brief = _stored(english, "brief").content
    assert NOTICE in brief
    assert dutch_url in brief
    chatbot = json.loads(_stored(english, "chatbot").content)
    assert chatbot["melding"]["url"] == dutch_url
    assert chatbot["melding"]["hreflang"] == "nl"
    assert NOTICE in _stored(english, "chatbot", "tekst").content
    assert "Translation may be out of date." in _stored(english, "tweet").content
    thread = json.loads(_stored(english, "tweet", "thread").content)["posts"]
    assert NOTICE in thread[-1]
    # The Dutch channels carry no notice.
    assert NOTICE not in _stored(dutch, "web").content
    assert "vertaling_verouderd" not in _app(dutch)


def test_publishing_the_updated_translation_removes_the_notice(pair):
    dutch, english = pair
    _change_dutch(dutch)
    assert _app(english)["vertaling_verouderd"] is True

    # Published again unchanged: still out of date.
    english = _publish(ProductPage.objects.get(pk=english.pk))
    assert _app(english)["vertaling_verouderd"] is True
    assert NOTICE in _stored(english, "web").content

    page = ProductPage.objects.get(pk=english.pk)
    page.kort_antwoord = "You apply for a passport in the town hall."
    english = _publish(page)
    assert _app(english)["vertaling_verouderd"] is False
    assert NOTICE not in _stored(english, "web").content
    assert "melding" not in json.loads(_stored(english, "chatbot").content)


def test_a_second_dutch_change_does_not_judge_the_translation_again(pair):
    dutch, english = pair
    dutch = _change_dutch(dutch)
    verdicts = Keuring.objects.filter(page_id=english.pk).count()
    _change_dutch(dutch, "U vraagt een paspoort aan bij de balie.")
    assert Keuring.objects.filter(page_id=english.pk).count() == verdicts
    assert _app(english)["vertaling_verouderd"] is True


def _refuse_outdated(context):
    if context.snapshot.verouderd:
        yield Finding(
            rule="test.verouderd",
            severity=Severity.FOUT,
            message="Geweigerd in deze test.",
            location=Location(),
        )


def test_a_refused_translation_keeps_its_rendering_and_the_dutch_goes_live(
    pair, monkeypatch
):
    dutch, english = pair
    monkeypatch.setitem(
        gate_registry._checks,
        "test-verouderd",
        GateCheck("test-verouderd", "Test", _refuse_outdated),
    )
    before = {
        (row.channel, row.variant): row.etag
        for row in ChannelRendering.objects.filter(page_id=english.pk)
    }

    dutch = _change_dutch(dutch)
    assert "in het stadhuis" in _stored(dutch, "tweet").content
    refused = Keuring.objects.filter(page_id=english.pk).latest("pk")
    assert not refused.geslaagd
    assert "test.verouderd" in json.dumps(refused.bevindingen)
    after = {
        (row.channel, row.variant): row.etag
        for row in ChannelRendering.objects.filter(page_id=english.pk)
    }
    assert after == before
    # Still served: the notice is no input the approval depends on.
    web = _stored(english, "web").content
    assert "You apply for a passport at the town hall." in web
    assert NOTICE not in web
