"""The example queries in docs/api.md are valid against the schema and the limits."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from graphql import parse, specified_rules, validate

from api.limits import validation_rules
from api.schema import schema

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"
EXAMPLES = re.findall(r"```graphql\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)


def test_the_docs_have_examples_for_website_app_and_chatbot():
    names = {re.match(r"\s*query (\w+)", example).group(1) for example in EXAMPLES}
    assert {"Productpagina", "Zoeken", "Chatbot", "Preview"} <= names


@pytest.mark.parametrize("example", EXAMPLES)
def test_an_example_query_is_valid(example):
    # Examples indented inside a list item keep their indentation.
    errors = validate(
        schema.graphql_schema, parse(example), [*specified_rules, *validation_rules()]
    )
    assert errors == [], example


# Each example with its variables and the (abridged) answer or error the docs
# promise: ```graphql, then ```json variabelen, then ```json antwoord|fout.
DOCUMENTED = re.findall(
    r"```graphql\n(.*?)```\s*"
    r"```json variabelen\n(.*?)```\s*"
    r"```json (antwoord|fout)\n(.*?)```",
    DOCS.read_text(encoding="utf-8"),
    re.S,
)


def contains(actual, documented) -> bool:
    """The documented answer is part of the actual one: every documented key
    with its value, a documented list as the start of the actual list, and a
    documented text ending in "…" as the start of the actual text."""
    if isinstance(documented, dict):
        return isinstance(actual, dict) and all(
            key in actual and contains(actual[key], value)
            for key, value in documented.items()
        )
    if isinstance(documented, list):
        return (
            isinstance(actual, list)
            and len(actual) >= len(documented)
            and all(contains(a, d) for a, d in zip(actual, documented, strict=False))
        )
    if isinstance(documented, str) and documented.endswith("…"):
        return isinstance(actual, str) and actual.startswith(documented[:-1].rstrip())
    return actual == documented


def _name(example: str) -> str:
    return re.match(r"\s*query (\w+)", example).group(1)


def test_every_example_query_documents_its_variables_and_answer():
    assert sorted(_name(e) for e, *_ in DOCUMENTED) == sorted(
        _name(e) for e in EXAMPLES
    )


@pytest.fixture
def demo_api(demo_site, client):
    from django.core.cache import cache

    cache.clear()

    def post(query: str, variables: dict):
        response = client.post(
            "/graphql/",
            data=json.dumps({"query": query, "variables": variables}),
            content_type="application/json",
        )
        return response.json()

    return post


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("example", "variables", "kind", "expected"),
    DOCUMENTED,
    ids=[_name(example) for example, *_ in DOCUMENTED],
)
def test_an_example_gives_the_documented_answer_on_the_demo(
    demo_api, example, variables, kind, expected
):
    payload = demo_api(example, json.loads(variables))
    expected = json.loads(expected)
    if kind == "antwoord":
        assert "errors" not in payload, payload
        assert contains(payload["data"], expected), payload["data"]
    else:
        codes = [error["extensions"]["code"] for error in payload.get("errors", [])]
        assert expected["code"] in codes, payload


def test_the_comparison_reads_an_abridged_answer_strictly():
    assert contains({"a": [1, 2], "b": "lange tekst"}, {"a": [1], "b": "lange…"})
    assert not contains({"a": [2, 1]}, {"a": [1]})
    assert not contains({"b": "andere tekst"}, {"b": "lange…"})
    assert not contains({"a": 1}, {"a": 1, "c": 2})
