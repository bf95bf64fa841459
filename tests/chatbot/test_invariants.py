"""Two promises the chatbot keeps for every product of the demo catalogue.

1. A question that names a product (its title, its UPL name or one of its
   zoektermen) gets that product first. A zoekterm that several products
   carry ("geen geld") may give any of them.
2. A follow-up that only makes sense with the product of the earlier turn
   stays with it; a question about something new leaves it.
"""

from __future__ import annotations

import pytest
from wagtail.models import Site

from chatbot import answer
from chatbot.index import index_for_site
from chatbot.matching import match

pytestmark = pytest.mark.django_db


@pytest.fixture
def voorbeeldstad(demo_site):
    return demo_site


def test_a_question_that_names_a_product_gets_it_first(voorbeeldstad):
    index = index_for_site(voorbeeldstad)
    gemeente = [d for d in index.documents if not d.instantie]
    assert len(gemeente) == 50
    holders: dict[str, set[str]] = {}
    for document in gemeente:
        for name in (document.title, document.upl_naam, *document.zoektermen):
            holders.setdefault(name.lower(), set()).add(document.slug)

    wrong = []
    for document in gemeente:
        for name in (document.title, document.upl_naam, *document.zoektermen):
            result = match(name, index)
            first = result.kandidaten[0].slug if result.kandidaten else None
            if result.fallback or first not in holders[name.lower()]:
                wrong.append(f"{name!r} → {first} (verwacht {document.slug})")
    assert wrong == []


def _ask(vraag: str, site: Site) -> dict:
    return answer(vraag, "invariant", site=site, log=False).body


def test_a_follow_up_stays_with_the_product_and_a_new_topic_leaves_it(
    voorbeeldstad,
):
    first = _ask("Ik wil een nieuw paspoort aanvragen", voorbeeldstad)
    assert first["product"]["slug"] == "paspoort"

    kosten = _ask("En wat kost dat?", voorbeeldstad)
    assert kosten["product"]["slug"] == "paspoort"
    assert kosten["vervolgvraag"] is True
    assert kosten["sectie"]["sectie"] == "kosten"

    mee = _ask("wat moet ik meenemen", voorbeeldstad)
    assert mee["product"]["slug"] == "paspoort"

    nieuw = _ask("ik ga naar Duitsland verhuizen", voorbeeldstad)
    assert nieuw["product"]["slug"] == "vertrek-naar-het-buitenland"
    assert nieuw["vervolgvraag"] is False

    daarna = _ask("en wat moet ik daarvoor meenemen?", voorbeeldstad)
    assert daarna["product"]["slug"] == "vertrek-naar-het-buitenland"


def test_a_country_name_means_abroad_not_moving_in(voorbeeldstad):
    result = answer("ik ga naar Duitsland verhuizen", site=voorbeeldstad, log=False)
    assert result.ranked[0] == "vertrek-naar-het-buitenland"
    assert result.ranked[0] != "inschrijven-vanuit-het-buitenland"


@pytest.mark.parametrize(
    ("vraag", "instantie"),
    [
        ("Hoe vraag ik huurtoeslag aan?", "Dienst Toeslagen van de Belastingdienst"),
        ("Wanneer krijg ik kinderbijslag?", "Sociale Verzekeringsbank (SVB)"),
    ],
)
def test_a_question_that_is_another_organisations_says_who_handles_it(
    voorbeeldstad, vraag, instantie
):
    result = answer(vraag, site=voorbeeldstad, log=False)
    assert result.fallback
    assert result.body["product"] is None
    buiten = result.body["niet_van_de_gemeente"]
    assert buiten["instantie"] == instantie
    assert buiten["url"].startswith("https://")
    assert result.body["bericht"].startswith(
        f"Dit regelt niet de gemeente, maar {instantie}."
    )
    assert "Bel 14 0999" in result.body["bericht"]


def test_an_answer_offers_online_first_and_always_a_person(voorbeeldstad):
    online = answer("verhuizing doorgeven", site=voorbeeldstad, log=False).body
    routes = online["kanalen"]
    assert routes[0] == {
        "kanaal": "online",
        "label": "Regel het online",
        "url": "https://loket.voorbeeldstad.example/verhuizing-doorgeven",
    }
    assert routes[-1]["kanaal"] == "medewerker"

    balie = answer("paspoort aanvragen", site=voorbeeldstad, log=False).body
    kanalen = [k["kanaal"] for k in balie["kanalen"]]
    assert "online" not in kanalen
    assert kanalen[0] in {"balie", "telefoon"}
    assert kanalen[-1] == "medewerker"
