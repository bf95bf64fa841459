"""The example queries in docs/api.md are valid against the schema and the limits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import parse, specified_rules, validate

from contenthub.api.limits import validation_rules
from contenthub.api.schema import schema

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
