"""Coming fees (issue 22, part 2): the web page, the app and the letter name
next year's fee on a line of its own; every channel keeps today's fee."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import time_machine
from jsonschema import Draft202012Validator

import renderers
from renderers.channels.brief import brief_context

pytestmark = pytest.mark.django_db

DECEMBER = dt.datetime(2026, 12, 15, 10, 0, tzinfo=dt.UTC)
REGEL = "Vanaf 1 januari 2027: Paspoort 18 jaar en ouder, € 90,00 per stuk"
APP_SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[2]
        / "renderers/schemas/app-product.schema.json"
    ).read_text()
)


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


@pytest.fixture
def paspoort(make_product):
    page = make_product(slug="paspoort", title="Paspoort aanvragen")
    page.kosten = [regel("84.29", tot="2026-12-31"), regel("90.00", vanaf="2027-01-01")]
    return page


def kosten_sectie(document: dict) -> dict:
    return next(s for s in document["secties"] if s["id"] == "kosten")


@time_machine.travel(DECEMBER, tick=False)
def test_web_page_shows_todays_fee_in_the_table_and_the_coming_one_below(paspoort):
    html = renderers.render(paspoort, "web", variant="fragment").text

    tabel, na_tabel = html.split("</table>", 1)
    assert "€ 84,29" in tabel
    assert "€ 90,00" not in tabel
    assert (
        f'<p class="utrecht-paragraph">{REGEL}</p>' in na_tabel.split("</section>")[0]
    )


@time_machine.travel(DECEMBER, tick=False)
def test_the_app_names_the_coming_fee_in_its_kosten_section(paspoort):
    document = json.loads(renderers.render(paspoort, "app").text)

    sectie = kosten_sectie(document)
    assert [r["bedrag_tekst"] for r in sectie["regels"]] == ["€ 84,29"]
    assert sectie["tekst"] == f"{REGEL}."
    assert list(Draft202012Validator(APP_SCHEMA).iter_errors(document)) == []


@time_machine.travel(DECEMBER, tick=False)
def test_the_letter_names_the_coming_fee_after_todays(paspoort):
    brief = renderers.render(paspoort, "brief").text

    assert "- Paspoort 18 jaar en ouder: € 84,29 per stuk\n" + REGEL in brief


@time_machine.travel(DECEMBER, tick=False)
def test_a_letter_dated_after_the_change_has_no_coming_line(paspoort, snapshot_of):
    context = brief_context(snapshot_of(paspoort), datum=dt.date(2027, 1, 2))

    assert [r.bedrag_tekst for r in context["kosten"]] == ["€ 90,00"]
    assert context["komend"] == []


@time_machine.travel(DECEMBER, tick=False)
def test_the_consistency_check_knows_the_coming_amount(paspoort):
    findings = renderers.consistency(paspoort)

    assert [f for f in findings if f.rule == "kanaal.onbekend-bedrag"] == []


@time_machine.travel(DECEMBER, tick=False)
def test_channels_without_a_coming_line_still_show_only_todays_fee(paspoort):
    for channel in ("tweet", "chatbot"):
        text = renderers.render(paspoort, channel).text
        assert "€ 84,29" in text, channel
        assert "€ 90,00" not in text, channel


@time_machine.travel(dt.datetime(2027, 1, 1, 9, 0, tzinfo=dt.UTC), tick=False)
def test_on_the_date_the_line_is_gone_and_the_fee_is_todays(paspoort):
    html = renderers.render(paspoort, "web", variant="fragment").text
    document = json.loads(renderers.render(paspoort, "app").text)

    assert "Vanaf 1 januari 2027" not in html
    assert "€ 90,00" in html
    assert "tekst" not in kosten_sectie(document)
