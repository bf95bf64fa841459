"""Fees that change on a date (issue 22, part 2), across the boundary with a frozen clock."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command

from contenthub.models import ProductPage
from contenthub.validation import product_errors as validate_product
from renderers.channels.brief import brief_context
from renderers.models import ChannelRendering

from .channels import assert_every_live_rendering_is_approved_for_its_inputs

QUERY = """query($slug: String!) { product(slug: $slug) {
  kosten { bedragTekst perDatumTekst }
  komendeKosten { bedragTekst perDatumTekst } } }"""


def api_product(slug: str) -> dict:
    import json

    from django.core.cache import cache
    from django.test import Client

    cache.clear()
    payload = (
        Client()
        .post(
            "/graphql/",
            data=json.dumps({"query": QUERY, "variables": {"slug": slug}}),
            content_type="application/json",
        )
        .json()
    )
    assert "errors" not in payload, payload
    return payload["data"]["product"]


pytestmark = pytest.mark.django_db

OUD, NIEUW = "€ 84,29", "€ 88,55"
DECEMBER = dt.datetime(2026, 12, 15, 10, 0, tzinfo=dt.UTC)
JANUARI = dt.datetime(2027, 1, 1, 9, 0, tzinfo=dt.UTC)


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


WISSEL = [regel("84.29", tot="2026-12-31"), regel("88.55", vanaf="2027-01-01")]


def channels(page) -> dict[str, str]:
    return {
        r.channel: r.content
        for r in ChannelRendering.objects.filter(page=page, variant="")
    }


def test_every_channel_moves_on_the_date(make_product):
    with time_machine.travel(DECEMBER, tick=False):
        page = make_product(slug="paspoort", title="Paspoort aanvragen", live=False)
        page.kosten = WISSEL
        page.kort_antwoord = "U vraagt een paspoort aan bij de gemeente."
        page.save_revision().publish()
        page.refresh_from_db()
        before = channels(page)
        assert {"web", "app", "tweet", "brief", "chatbot", "sdg"} <= set(before)
        for name in ("web", "app", "brief", "chatbot", "sdg"):
            assert OUD in before[name], name
        # Today's fee everywhere; the web page, the app and the letter also
        # name the coming one, on its own line.
        komend = f"Vanaf 1 januari 2027: Paspoort 18 jaar en ouder, {NIEUW} per stuk"
        for name in ("web", "app", "brief"):
            assert komend in before[name], name
        for name in ("chatbot", "sdg", "tweet"):
            assert NIEUW not in before[name], name
        product = api_product("paspoort")
        assert [k["bedragTekst"] for k in product["kosten"]] == [OUD]
        assert [
            (k["bedragTekst"], k["perDatumTekst"]) for k in product["komendeKosten"]
        ] == [(NIEUW, "per 1 januari 2027")]
        out = io.StringIO()
        call_command("kostenwissel", stdout=out)  # nothing changes today
        assert out.getvalue().startswith("0 opnieuw gekeurd")

    with time_machine.travel(JANUARI, tick=False):
        out = io.StringIO()
        call_command("kostenwissel", stdout=out)
        assert out.getvalue().startswith("1 opnieuw gekeurd en opgeslagen")
        after = channels(page)
        for name in ("web", "app", "brief", "chatbot", "sdg"):
            assert NIEUW in after[name], name
            assert OUD not in after[name], name
            assert "Vanaf 1 januari 2027" not in after[name], name
        assert [k["bedragTekst"] for k in api_product("paspoort")["kosten"]] == [NIEUW]
        assert api_product("paspoort")["komendeKosten"] == []
        assert_every_live_rendering_is_approved_for_its_inputs()
        # Idempotent: a second run the same day stores nothing new.
        out = io.StringIO()
        call_command("kostenwissel", stdout=out)
        assert out.getvalue().startswith(
            "0 opnieuw gekeurd en opgeslagen, 1 ongewijzigd"
        )
        assert channels(page) == after

        # A letter dated before the change uses the fee of its date.
        from contenthub.structured import product_snapshot

        snapshot = product_snapshot(ProductPage.objects.get(pk=page.pk))
        oud = brief_context(snapshot, datum=dt.date(2026, 12, 20))["kosten"]
        assert [r.bedrag_tekst for r in oud] == [OUD]
        assert [r.bedrag_tekst for r in brief_context(snapshot)["kosten"]] == [NIEUW]
        # ... and names the fee that was still to come on its date.
        assert brief_context(snapshot, datum=dt.date(2026, 12, 20))["komend"] == [
            f"Vanaf 1 januari 2027: Paspoort 18 jaar en ouder, {NIEUW} per stuk"
        ]
        assert brief_context(snapshot)["komend"] == []


def test_overlapping_rows_and_reversed_dates_are_refused(make_product):
    page = make_product(slug="paspoort", title="Paspoort aanvragen", live=False)
    page.kosten = [regel("84.29"), regel("88.55", vanaf="2027-01-01")]
    errors = validate_product(page)
    assert any("op dezelfde dag" in m for m in errors.get("kosten", [])), errors
    page.kosten = [regel("84.29", vanaf="2027-01-01", tot="2026-12-31")]
    errors = validate_product(page)
    assert any("vóór 'geldig vanaf'" in m for m in errors.get("kosten", [])), errors
    page.kosten = WISSEL
    assert "kosten" not in validate_product(page)


def test_rows_that_all_ended_are_refused_instead_of_showing_no_fee(make_product):
    page = make_product(slug="paspoort", title="Paspoort aanvragen", live=False)
    page.kosten = [regel("84.29", tot="2026-12-31")]
    with time_machine.travel(DECEMBER, tick=False):
        assert "kosten" not in validate_product(page)
    with time_machine.travel(JANUARI, tick=False):
        errors = validate_product(page)
    assert any("Vandaag geldt geen" in m for m in errors.get("kosten", [])), errors
