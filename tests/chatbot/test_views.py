"""The endpoint: answers, clear 4xx errors, rate limiting, gemeenten, drafts."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction, Site

from renderers.models import ChannelRendering
from tests.factories import (
    ContactpuntFactory,
    HomePageFactory,
    ProductPageFactory,
    ThemaPageFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/chatbot/vraag"


def ask(client, payload, **extra):
    return client.post(
        URL, data=json.dumps(payload), content_type="application/json", **extra
    )


@pytest.fixture
def catalogus(make_live_product):
    paspoort = make_live_product(
        slug="paspoort",
        title="Paspoort aanvragen",
        zoektermen=["paspoort kwijt", "reisdocument"],
    )
    grofvuil = make_live_product(
        slug="grofvuil",
        title="Grofvuil laten ophalen",
        upl_naam="afvalinzameling grofvuil",
        upl_uri="",
        kort_antwoord="Wij halen uw grofvuil op, na een afspraak.",
        zoektermen=["oude bank", "matras weg"],
    )
    return {"paspoort": paspoort, "grofvuil": grofvuil}


def test_a_question_returns_the_product_and_its_stored_chatbot_rendering(
    client, catalogus
):
    response = ask(client, {"vraag": "mn paspoort is gejat", "sessie": "abc"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["fallback"] is False
    assert body["product"] == {
        "slug": "paspoort",
        "titel": "Paspoort aanvragen",
        "upl_naam": "paspoort",
    }
    stored = ChannelRendering.objects.get(
        page=catalogus["paspoort"], channel="chatbot", variant=""
    )
    assert body["antwoord"] == json.loads(stored.content)
    assert set(body["antwoord"]) >= {"bericht", "snelle_antwoorden", "link", "advies"}
    assert 0 < body["score"] <= 1
    assert all(
        {"slug", "titel", "upl_naam", "score"} <= set(a) for a in body["alternatieven"]
    )


def test_a_follow_up_over_http_uses_the_session(client, catalogus):
    ask(client, {"vraag": "waar kan ik mijn oude bank kwijt", "sessie": "s1"})
    body = ask(client, {"vraag": "en wat kost dat?", "sessie": "s1"}).json()
    assert body["product"]["slug"] == "grofvuil"
    assert body["vervolgvraag"] is True
    assert body["sectie"]["sectie"] == "kosten"


def test_an_off_topic_question_gets_the_handover_from_the_contactpunt(
    client, catalogus, contactpunt
):
    body = ask(client, {"vraag": "wie wint het WK"}).json()
    assert body["fallback"] is True
    assert body["product"] is None
    assert body["overdracht"] == {
        "bericht": body["overdracht"]["bericht"],
        "contactpunt": contactpunt.naam,
        "telefoon": contactpunt.telefoon,
        "afspraak_url": contactpunt.afspraak_url,
        "contactformulier_url": contactpunt.contactformulier_url,
    }


def test_a_changed_contactpunt_reaches_the_handover_at_once(
    client, catalogus, contactpunt
):
    ask(client, {"vraag": "wie wint het WK"})
    contactpunt.telefoon = "14 0888"
    contactpunt.save()
    body = ask(client, {"vraag": "wie wint het WK"}).json()
    assert body["overdracht"]["telefoon"] == "14 0888"


def test_wrong_method_is_405_with_a_dutch_message(client):
    response = client.get(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json()["code"] == "methode-niet-toegestaan"
    assert "POST" in response.json()["fout"]


def test_wrong_content_type_is_415(client, catalogus):
    response = client.post(URL, data={"vraag": "paspoort"})
    assert response.status_code == 415
    assert response.json() == {
        "fout": "Stuur uw vraag als JSON, met Content-Type: application/json.",
        "code": "verkeerd-type",
    }


@pytest.mark.parametrize(
    "raw", [b"{niet json", b"[1, 2]", b'"paspoort"', b"\xff\xfe", b"null"]
)
def test_malformed_json_is_400(client, catalogus, raw):
    response = client.post(URL, data=raw, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "ongeldige-json"


@pytest.mark.parametrize(
    "payload", [{}, {"vraag": ""}, {"vraag": "   "}, {"vraag": 12}, {"tekst": "x"}]
)
def test_missing_question_is_400(client, catalogus, payload):
    response = ask(client, payload)
    assert response.status_code == 400
    assert response.json()["code"] == "vraag-ontbreekt"
    assert response.json()["fout"] == "Vul een vraag in."


def test_too_long_question_is_400(client, catalogus, settings):
    settings.CHATBOT_MAX_VRAAG_LENGTE = 50
    response = ask(client, {"vraag": "paspoort " * 10})
    assert response.status_code == 400
    assert response.json()["code"] == "vraag-te-lang"
    assert "50 tekens" in response.json()["fout"]


def test_oversized_body_is_413(client, catalogus, settings):
    settings.CHATBOT_MAX_BERICHT_BYTES = 100
    response = ask(client, {"vraag": "paspoort", "extra": "x" * 200})
    assert response.status_code == 413


def test_invalid_session_is_400(client, catalogus):
    response = ask(client, {"vraag": "paspoort", "sessie": "x" * 500})
    assert response.status_code == 400
    assert response.json()["code"] == "ongeldige-sessie"


def test_too_many_questions_from_one_client_get_429(
    client, catalogus, settings, steady_clock
):
    settings.CHATBOT_RATE_LIMIT = "2/m"
    assert ask(client, {"vraag": "paspoort"}).status_code == 200
    assert ask(client, {"vraag": "paspoort"}).status_code == 200
    response = ask(client, {"vraag": "paspoort"})
    assert response.status_code == 429
    assert response.json()["code"] == "te-veel-vragen"
    assert "Wacht even" in response.json()["fout"]
    assert 1 <= int(response["Retry-After"]) <= 60
    # Another client is not affected.
    other = ask(client, {"vraag": "paspoort"}, REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200


def test_rate_limit_behind_a_proxy_uses_the_address_the_proxy_added(
    client, catalogus, settings, steady_clock
):
    settings.CHATBOT_RATE_LIMIT = "1/m"
    settings.CHATBOT_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    first = {"HTTP_X_FORWARDED_FOR": "1.1.1.1, 192.0.2.10"}
    assert ask(client, {"vraag": "paspoort"}, **first).status_code == 200
    # Writing another address in front does not escape the limit.
    spoofed = {"HTTP_X_FORWARDED_FOR": "6.6.6.6, 192.0.2.10"}
    assert ask(client, {"vraag": "paspoort"}, **spoofed).status_code == 429
    other = {"HTTP_X_FORWARDED_FOR": "192.0.2.11"}
    assert ask(client, {"vraag": "paspoort"}, **other).status_code == 200


def test_rate_limit_can_be_switched_off(client, catalogus, settings):
    settings.CHATBOT_RATE_LIMIT = "0"
    for _ in range(5):
        assert ask(client, {"vraag": "paspoort"}).status_code == 200


def test_the_endpoint_needs_no_csrf_token(catalogus):
    strict = Client(enforce_csrf_checks=True)
    assert ask(strict, {"vraag": "paspoort"}).status_code == 200


def test_drafts_are_never_answered(client, catalogus, make_product):
    draft = make_product(
        live=False,
        slug="hondenbelasting",
        title="Hondenbelasting",
        upl_naam="hondenbelasting",
        upl_uri="",
    )
    draft.save_revision()
    assert ask(client, {"vraag": "hondenbelasting"}).json()["fallback"] is True

    # A newer draft of a live product does not change what is answered.
    paspoort = catalogus["paspoort"]
    paspoort.title = "Concepttitel die nog niet live is"
    paspoort.save_revision()
    body = ask(client, {"vraag": "mn paspoort is gejat"}).json()
    assert body["product"]["titel"] == "Paspoort aanvragen"


def test_a_newly_published_product_is_answered_at_once(
    client, catalogus, make_live_product
):
    assert ask(client, {"vraag": "hondenbelasting"}).json()["fallback"] is True
    make_live_product(
        slug="hondenbelasting",
        title="Hondenbelasting",
        upl_naam="hondenbelasting",
        upl_uri="",
    )
    body = ask(client, {"vraag": "hondenbelasting"}).json()
    assert body["product"]["slug"] == "hondenbelasting"


def test_unpublished_and_private_products_are_not_answered(client, catalogus):
    assert ask(client, {"vraag": "oude bank"}).json()["product"]["slug"] == "grofvuil"
    catalogus["grofvuil"].unpublish()
    assert ask(client, {"vraag": "oude bank"}).json()["fallback"] is True

    PageViewRestriction.objects.create(
        page=catalogus["paspoort"], restriction_type="password", password="geheim"
    )
    assert ask(client, {"vraag": "mn paspoort is gejat"}).json()["fallback"] is True


@pytest.fixture
def anderdorp(home, publish):
    root = home.get_parent()
    andere_home = HomePageFactory(parent=root, slug="anderdorp", title="Anderdorp")
    site = Site.objects.create(
        hostname="anderdorp.example",
        port=80,
        root_page=andere_home,
        site_name="Anderdorp",
    )
    thema = ThemaPageFactory(parent=andere_home, title="Parkeren")
    product = ProductPageFactory(
        parent=thema,
        live=False,
        slug="parkeervergunning",
        title="Parkeervergunning voor bewoners",
        upl_naam="parkeervergunning",
        upl_uri="",
        contact=ContactpuntFactory(naam="Parkeerloket Anderdorp", site=site),
    )
    return publish(product)


def test_each_gemeente_answers_only_from_its_own_products(client, catalogus, anderdorp):
    vraag = {"vraag": "parkeervergunning voor bewoners"}
    assert ask(client, vraag).json()["fallback"] is True

    by_field = ask(client, {**vraag, "gemeente": "anderdorp.example"}).json()
    assert by_field["product"]["slug"] == "parkeervergunning"

    by_host = ask(client, vraag, HTTP_HOST="anderdorp.example").json()
    assert by_host["product"]["slug"] == "parkeervergunning"

    other_way = ask(
        client, {"vraag": "mn paspoort is gejat", "gemeente": "anderdorp.example"}
    ).json()
    assert other_way["fallback"] is True


def test_an_unknown_gemeente_is_400(client, catalogus):
    response = ask(client, {"vraag": "paspoort", "gemeente": "nergens.example"})
    assert response.status_code == 400
    assert response.json()["code"] == "onbekende-gemeente"


def test_a_write_around_the_gate_takes_the_product_out_of_the_index(client, catalogus):
    """The index compares each stored rendering's approval with the product's
    inputs as they are now (the fingerprint), as every other reader does."""
    from django.core.cache import cache

    from contenthub.models import ProductPage

    assert ask(client, {"vraag": "oude bank"}).json()["product"]["slug"] == "grofvuil"
    # No save(), no gate: the stored rendering no longer shows these inputs.
    ProductPage.objects.filter(pk=catalogus["grofvuil"].pk).update(
        kort_antwoord="Een tekst die de publicatiecontrole nooit zag."
    )
    cache.clear()  # a new catalogue version, as any later change makes
    body = ask(client, {"vraag": "oude bank"}).json()
    assert body["fallback"] is True
    assert "grofvuil" not in [a["slug"] for a in body["alternatieven"]]
    assert ask(client, {"vraag": "mn paspoort is gejat"}).json()["product"]


def test_a_product_that_expires_leaves_the_index_at_that_moment(
    client, catalogus, time_machine
):
    import datetime

    from django.utils import timezone

    from contenthub.models import ProductPage

    expiry = timezone.now() + datetime.timedelta(hours=1)
    # Set without a signal: the index must notice the moment by itself.
    ProductPage.objects.filter(pk=catalogus["grofvuil"].pk).update(expire_at=expiry)
    from django.core.cache import cache

    cache.clear()
    assert ask(client, {"vraag": "oude bank"}).json()["product"]["slug"] == "grofvuil"
    time_machine.move_to(expiry + datetime.timedelta(minutes=1))
    assert ask(client, {"vraag": "oude bank"}).json()["fallback"] is True
