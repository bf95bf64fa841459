"""Hostile input gets the documented JSON error, fast; never an HTML 500.

Each case crashed the endpoint before (a ``ValueError``, ``RecursionError``
or ``UnicodeEncodeError`` behind Django's HTML error page).
"""

from __future__ import annotations

import json
import time

import pytest
from django.core.cache import cache as django_cache
from django.test import override_settings

from api import cache
from api.limits import rendering_cost

from .conftest import publish_quickly

pytestmark = pytest.mark.django_db

QUICK = 1.0


def post_raw(client, body: str | bytes, **extra):
    return client.post("/graphql/", data=body, content_type="application/json", **extra)


def assert_json_error(response, code: str, status: int = 400) -> dict:
    assert response["Content-Type"] == "application/json", response.content[:300]
    assert response.status_code == status, response.content[:300]
    payload = response.json()
    codes = [error["extensions"]["code"] for error in payload["errors"]]
    assert code in codes, payload
    assert "data" not in payload or payload["data"] is None
    return payload


def timed(call):
    start = time.process_time()
    response = call()
    assert time.process_time() - start < QUICK
    return response


def test_a_first_argument_of_5000_digits(client, home):
    query = "{ producten(first: " + "9" * 5000 + ") { totaal } }"
    response = timed(lambda: post_raw(client, json.dumps({"query": query})))
    payload = assert_json_error(response, "ONGELDIGE_WAARDE")
    assert "5000 cijfers" in payload["errors"][0]["message"]


def test_a_first_argument_just_under_the_digit_limit_costs_too_much(client, home):
    query = "{ producten(first: " + "9" * 999 + ") { totaal } }"
    assert_json_error(post_raw(client, json.dumps({"query": query})), "QUERY_TE_DUUR")


@pytest.mark.parametrize("depth", [1_000, 5_000])
def test_a_body_nested_deeper_than_the_limit(client, depth):
    body = '{"query": "{ kanalen { label } }", "x": ' + "[" * depth + "]" * depth + "}"
    payload = assert_json_error(timed(lambda: post_raw(client, body)), "ONGELDIGE_JSON")
    assert "te diep genest" in payload["errors"][0]["message"]


def test_variables_nested_deeper_than_the_limit(client):
    deep = "[" * 1_200 + "]" * 1_200
    body = (
        '{"query": "query($x: String) { kanalen { label } }", "variables": {"x": '
        + deep
        + "}}"
    )
    assert_json_error(timed(lambda: post_raw(client, body)), "ONGELDIGE_JSON")
    as_text = json.dumps({"query": "{ kanalen { label } }", "variables": deep})
    assert_json_error(post_raw(client, as_text), "ONGELDIGE_VARIABELEN")
    by_get = client.get(
        "/graphql/", {"query": "{ kanalen { label } }", "variables": deep}
    )
    assert_json_error(by_get, "ONGELDIGE_VARIABELEN")


@override_settings(CONTENTHUB_API_MAX_JSON_DEPTH=4)
def test_nesting_within_the_limit_still_works(client):
    body = json.dumps({"query": "{ kanalen { label } }", "variables": {"a": [[1]]}})
    assert post_raw(client, body).status_code == 200
    body = json.dumps({"query": "{ kanalen { label } }", "variables": {"a": [[[[1]]]]}})
    assert_json_error(post_raw(client, body), "ONGELDIGE_JSON")


@pytest.mark.parametrize(
    "body",
    [
        '{"query": "{ kanalen { label \\ud800 } }"}',
        '{"query": "query($z: String) { producten(zoek: $z) { totaal } }", "variables": {"z": "pas\\udfffpoort"}}',
        '{"query": "query($z: String) { producten(zoek: $z) { totaal } }", "variables": {"z": "pas\\u0000poort"}}',
        '{"query": "{ kanalen { label } }", "operationName": "\\ud83d"}',
        '{"query": "{ kanalen { label } }", "variables": {"\\ud800": 1}}',
    ],
)
def test_a_lone_surrogate_or_a_nul_in_the_request(client, home, body):
    payload = assert_json_error(post_raw(client, body), "ONGELDIGE_TEKENS")
    assert payload["errors"][0]["message"].startswith(("De tekst", "In "))


def test_an_unexpected_crash_is_json_not_an_html_page(client, monkeypatch, caplog):
    def crash(*_args, **_kwargs):
        raise RuntimeError("geheim detail")

    monkeypatch.setattr("api.views.run_query", crash)
    response = post_raw(client, json.dumps({"query": "{ kanalen { label } }"}))
    payload = assert_json_error(response, "INTERNE_FOUT", status=500)
    assert "geheim" not in response.content.decode()
    assert payload["errors"][0]["message"].startswith("Er ging iets mis")


# --- Amplification ------------------------------------------------------------

PDF_FLOOD = (
    "{ producten(first: 100) { edges { node { "
    + " ".join(
        f'p{n}: weergave(kanaal: BRIEF, variant: "pdf") {{ inhoudBase64 }}'
        for n in range(19)
    )
    + " } } } }"
)


def test_binary_renderings_weigh_what_they_are():
    # The 1,155-byte query of the issue passed the cost limit and returned 16.8 MB.
    assert len(PDF_FLOOD) < 1_300
    from graphql import parse

    weergave = (
        parse('{ weergave(kanaal: BRIEF, variant: "pdf") { inhoudBase64 } }')
        .definitions[0]
        .selection_set.selections[0]
    )
    tweet = (
        parse("{ weergave(kanaal: TWEET) { inhoud } }")
        .definitions[0]
        .selection_set.selections[0]
    )
    assert rendering_cost(weergave) >= 100  # about 10 kB of base64
    assert rendering_cost(tweet) <= 5


def test_a_flood_of_pdf_renderings_is_refused_before_it_runs(client, home):
    response = timed(lambda: post_raw(client, json.dumps({"query": PDF_FLOOD})))
    assert_json_error(response, "QUERY_TE_DUUR")


@override_settings(CONTENTHUB_API_MAX_RESPONSE_BYTES=2_000)
def test_an_answer_over_the_size_limit_is_refused(client, make_product):
    for n in range(12):
        publish_quickly(make_product(slug=f"product-{n}", title=f"Product nummer {n}"))
    query = (
        "{ producten(first: 12) { edges { node { titel kortAntwoord watIsHet } } } }"
    )
    response = post_raw(client, json.dumps({"query": query}))
    payload = assert_json_error(response, "ANTWOORD_TE_GROOT")
    assert len(response.content) < 1_000
    assert response["Cache-Control"] == "private, no-store"
    assert payload["errors"][0]["message"].startswith("Het antwoord zou")


@override_settings(CONTENTHUB_API_CACHE_MAX_ENTRY_BYTES=300)
def test_a_large_answer_is_not_cached(client, make_product):
    for n in range(5):
        publish_quickly(make_product(slug=f"product-{n}", title=f"Product nummer {n}"))
    small = json.dumps({"query": "{ kanalen { kanaal } }"})
    large = json.dumps(
        {"query": "{ producten(first: 5) { edges { node { titel kortAntwoord } } } }"}
    )
    assert post_raw(client, small).status_code == 200
    response = post_raw(client, large)
    assert response.status_code == 200
    assert len(response.content) > 300
    stored = [key for key in django_cache._cache if "contenthub_api:antwoord" in key]
    assert len(stored) == 1  # only the small one


def test_the_cache_keeps_at_most_its_total_in_bytes(settings):
    settings.CONTENTHUB_API_CACHE_MAX_TOTAL_BYTES = 1_000
    settings.CONTENTHUB_API_CACHE_MAX_ENTRY_BYTES = 1_000
    cache.budget.clear()
    keys = [f"contenthub_api:antwoord:test:{n}" for n in range(10)]
    for key in keys:
        cache.store(key, cache.CachedResponse(body=b"x" * 300, etag='"e"'))
    kept = [key for key in keys if cache.get_cached(key) is not None]
    assert kept == keys[-3:]  # 3 x 300 bytes fit in 1,000; the oldest went first
    assert cache.budget.total == 900


@pytest.mark.parametrize(
    "query",
    [
        '{ a: taalcheck(tekst: "x") { geslaagd } b: taalcheck(tekst: "y") { geslaagd } }',
        '{ taalcheck(tekst: "x") { geslaagd } wcagcheck(html: "<p>x</p>") { geslaagd } }',
        '{ ...A ...B } fragment A on Query { taalcheck(tekst: "x") { geslaagd } } '
        'fragment B on Query { c: taalcheck(tekst: "y") { geslaagd } }',
    ],
)
def test_one_checker_call_per_request(client, query, monkeypatch):
    import taalcheck
    import toegankelijkheid

    def must_not_run(*_args, **_kwargs):
        raise AssertionError("de checker draaide toch")

    monkeypatch.setattr(taalcheck, "check", must_not_run)
    monkeypatch.setattr(toegankelijkheid, "check_html", must_not_run)
    response = post_raw(client, json.dumps({"query": query}))
    payload = assert_json_error(response, "TE_VEEL_CONTROLES")
    assert "maximaal 1 per verzoek" in payload["errors"][0]["message"]
