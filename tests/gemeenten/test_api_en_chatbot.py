"""The GraphQL API and the chatbot answer with the asked gemeente's facts only."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache

from tests.factories import ProductPageFactory

pytestmark = pytest.mark.django_db

PRODUCT = """
query ($gemeente: String) {
  product(gemeente: $gemeente, slug: "paspoort") {
    titel
    contact { naam telefoon }
    locaties { naam }
    kosten { bedragTekst }
  }
  producten(gemeente: $gemeente) { totaal edges { node { titel } } }
}
"""


@pytest.fixture(autouse=True)
def fresh_caches():
    # API answers and chatbot indexes are cached per gemeente and version;
    # they must not outlive the rollback between tests.
    from chatbot.index import clear_indexes

    cache.clear()
    clear_indexes()
    yield
    cache.clear()
    clear_indexes()


def _graphql(client, variables=None, **extra):
    response = client.post(
        "/graphql/",
        data=json.dumps({"query": PRODUCT, "variables": variables or {}}),
        content_type="application/json",
        **extra,
    )
    payload = response.json()
    assert "errors" not in payload, payload
    return payload["data"]


def _facts(gemeente) -> dict:
    return {
        "product": {
            "titel": gemeente.product.title,
            "contact": {
                "naam": gemeente.contactpunt.naam,
                "telefoon": gemeente.contactpunt.telefoon,
            },
            "locaties": [{"naam": gemeente.locatie.naam}],
            "kosten": [{"bedragTekst": gemeente.bedrag_tekst}],
        },
        "producten": {
            "totaal": 2,
            "edges": [
                {"node": {"titel": gemeente.product.title}},
                {"node": {"titel": "Grofvuil laten ophalen"}},
            ],
        },
    }


@pytest.fixture
def gemeenten(testdorp, anderdorp):
    # A second product each, so the chatbot has a catalogue to choose from.
    for gemeente, bedrag in ((testdorp, "€ 84,29"), (anderdorp, "€ 79,50")):
        gemeente.bedrag_tekst = bedrag
        grofvuil = ProductPageFactory(
            parent=gemeente.thema,
            slug="grofvuil",
            title="Grofvuil laten ophalen",
            upl_naam="afvalinzameling grofvuil",
            upl_uri="",
            kort_antwoord="Wij halen uw grofvuil op, na een afspraak.",
            contact=gemeente.contactpunt,
            live=False,
        )
        grofvuil.save_revision().publish()
        gemeente.product.zoektermen.add("paspoort kwijt", "reisdocument")
        gemeente.product.save_revision().publish()
    return testdorp, anderdorp


def test_graphql_by_argument_gives_each_gemeente_its_own_facts(client, gemeenten):
    testdorp, anderdorp = gemeenten
    assert _graphql(client, {"gemeente": "anderdorp.example"}) == _facts(anderdorp)
    assert _graphql(client, {"gemeente": "localhost"}) == _facts(testdorp)


def test_graphql_by_host_gives_each_gemeente_its_own_facts(client, gemeenten):
    testdorp, anderdorp = gemeenten
    assert _graphql(client, HTTP_HOST="anderdorp.example") == _facts(anderdorp)
    assert _graphql(client, HTTP_HOST="localhost") == _facts(testdorp)


def _ask(client, payload: dict, **extra) -> dict:
    response = client.post(
        "/api/chatbot/vraag",
        data=json.dumps(payload),
        content_type="application/json",
        **extra,
    )
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize("by", ["argument", "host"])
def test_the_chatbot_answers_with_the_asked_gemeentes_fee_and_contact(
    client, gemeenten, by
):
    for eigen, ander in (gemeenten, tuple(reversed(gemeenten))):
        vraag = {"vraag": "mn paspoort is kwijt", "sessie": f"s-{eigen.site.pk}"}
        if by == "argument":
            body = _ask(client, {**vraag, "gemeente": eigen.site.hostname})
        else:
            body = _ask(client, vraag, HTTP_HOST=eigen.site.hostname)
        assert body["product"] is not None, body
        assert body["product"]["titel"] == eigen.product.title
        text = json.dumps(body["antwoord"], ensure_ascii=False)
        assert eigen.bedrag_tekst in text
        assert f"Bel {eigen.contactpunt.telefoon}." in text
        assert ander.bedrag_tekst not in text
        assert ander.contactpunt.telefoon not in text
        assert ander.contactpunt.naam not in text
