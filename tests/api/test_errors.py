"""Errors: always GraphQL errors with a Dutch message and a code, never a trace."""

from __future__ import annotations

import json

import pytest
from django.test import RequestFactory, override_settings

from api.views import HubGraphQLView

from .conftest import publish_quickly

pytestmark = pytest.mark.django_db

DUTCH_WORDS = ("de", "het", "een", "geen", "niet", "van", "met", "bestaat", "moet")


def _error(response, status):
    assert response.status_code == status, response.content
    payload = response.json()
    assert "data" not in payload or payload["data"] is None
    [error] = payload["errors"]
    text = response.content.decode()
    assert "Traceback" not in text
    assert 'File "' not in text
    assert any(f" {word} " in f" {error['message'].lower()} " for word in DUTCH_WORDS)
    return error


def test_malformed_json(client):
    response = client.post("/graphql/", '{"query": "{ kanalen', "application/json")
    assert _error(response, 400)["extensions"]["code"] == "ONGELDIGE_JSON"


def test_json_that_is_not_an_object(client):
    response = client.post("/graphql/", '"{ kanalen { label } }"', "application/json")
    assert _error(response, 400)["extensions"]["code"] == "ONGELDIGE_JSON"


def test_a_batch_of_queries_is_refused(client):
    body = json.dumps([{"query": "{ kanalen { label } }"}] * 2)
    response = client.post("/graphql/", body, "application/json")
    assert _error(response, 400)["extensions"]["code"] == "ONGELDIGE_JSON"


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "application/xml"],
)
def test_a_wrong_content_type(client, content_type):
    response = client.post("/graphql/", "query={ kanalen { label } }", content_type)
    assert _error(response, 415)["extensions"]["code"] == "ONGELDIG_CONTENT_TYPE"


def test_application_graphql_is_accepted(client):
    response = client.post("/graphql/", "{ kanalen { kanaal } }", "application/graphql")
    assert response.status_code == 200
    assert {"kanaal": "TWEET"} in response.json()["data"]["kanalen"]


@pytest.mark.parametrize("body", ["{}", '{"query": ""}', '{"query": null}'])
def test_a_missing_query(client, body):
    response = client.post("/graphql/", body, "application/json")
    assert _error(response, 400)["extensions"]["code"] == "QUERY_ONTBREEKT"


def test_a_missing_query_by_get(client):
    assert (
        _error(client.get("/graphql/"), 400)["extensions"]["code"] == "QUERY_ONTBREEKT"
    )


def test_a_query_that_is_not_text(client):
    response = client.post("/graphql/", '{"query": 42}', "application/json")
    assert _error(response, 400)["extensions"]["code"] == "ONGELDIGE_JSON"


def test_invalid_variables(client):
    response = client.get(
        "/graphql/", {"query": "{ kanalen { label } }", "variables": "{niet json"}
    )
    assert _error(response, 400)["extensions"]["code"] == "ONGELDIGE_VARIABELEN"


def test_variables_of_the_wrong_type(graphql):
    response = graphql(
        "query($n: Int) { producten(first: $n) { totaal } }", {"n": "veel"}
    )
    assert _error(response, 400)["extensions"]["code"] == "ONGELDIGE_VARIABELEN"


def test_another_http_method(client):
    response = client.put("/graphql/", "{}", "application/json")
    assert _error(response, 405)["extensions"]["code"] == "METHODE_NIET_TOEGESTAAN"


def test_a_syntax_error(graphql):
    error = _error(graphql("{ producten { "), 400)
    assert error["extensions"]["code"] == "SYNTAXFOUT"
    assert error["message"].startswith("Syntaxfout in de query")
    assert error["locations"]


def test_an_unknown_field(graphql):
    error = _error(graphql("{ producten { prijs } }"), 400)
    assert error == {
        "message": "Het veld 'prijs' bestaat niet op type 'ProductConnection'.",
        "extensions": {"code": "ONGELDIGE_QUERY"},
        "locations": [{"line": 1, "column": 15}],
    }


def test_a_mutation_does_not_exist(graphql):
    error = _error(graphql("mutation { publiceer }"), 400)
    assert error["extensions"]["code"] == "ONGELDIGE_QUERY"


def test_an_unknown_operation_name(client):
    body = json.dumps({"query": "query a { kanalen { label } }", "operationName": "b"})
    response = client.post("/graphql/", body, "application/json")
    assert _error(response, 400)["extensions"]["code"] == "ONGELDIGE_QUERY"


@override_settings(CONTENTHUB_API_MAX_BODY_BYTES=100)
def test_a_body_that_is_too_large(client):
    body = json.dumps({"query": "{ kanalen { label } }", "variables": {"x": "a" * 200}})
    response = client.post("/graphql/", body, "application/json")
    assert _error(response, 413)["extensions"]["code"] == "VERZOEK_TE_GROOT"


def test_a_crash_in_a_resolver_shows_no_detail(graphql, monkeypatch, caplog):
    def crash(**kwargs):
        raise RuntimeError("geheime interne details /srv/contenthub")

    monkeypatch.setattr("api.selectors.product_page", crash)
    response = graphql("{ producten { totaal } }")
    assert response.status_code == 200
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "INTERNE_FOUT"
    assert "geheime" not in response.content.decode()
    assert error["path"] == ["producten"]
    assert "geheime interne details" in caplog.text  # logged for the beheerder


def test_product_needs_exactly_one_key(graphql):
    response = graphql('{ product(slug: "a", uplUri: "b") { slug } }')
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "ONGELDIGE_ARGUMENTEN"
    assert response.json()["data"] == {"product": None}


def test_an_unknown_gemeente(graphql, home):
    response = graphql('{ producten(gemeente: "nergens.example") { totaal } }')
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "ONBEKENDE_GEMEENTE"
    assert "nergens.example" in error["message"]


def test_an_unknown_variant(graphql, product):
    publish_quickly(product)
    response = graphql(
        '{ product(slug: "paspoort") { weergave(kanaal: TWEET, variant: "fax") { inhoud } } }'
    )
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "ONBEKENDE_VARIANT"
    assert "thread" in error["message"]


def test_graphiql_only_when_debug_is_on(client, home):
    # The URL is configured with DEBUG off (as in tests and production): JSON.
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert response["Content-Type"] == "application/json"
    # With DEBUG on, the same view serves GraphiQL to a browser.
    request = RequestFactory().get("/graphql/", HTTP_ACCEPT="text/html")
    html = HubGraphQLView.as_view(graphiql=True)(request)
    assert html.status_code == 200
    assert b"graphiql" in html.content.lower()
