"""The limits measure a document without a database and without running it."""

from __future__ import annotations

import pytest
from django.test import override_settings
from graphql import get_introspection_query, parse, specified_rules, validate

from api.limits import count_fields, field_cost, validation_rules
from api.schema import schema

from .test_query_counts import ALL_FIELDS


def _codes(query: str) -> list[str]:
    errors = validate(
        schema.graphql_schema, parse(query), [*specified_rules, *validation_rules()]
    )
    return [error.extensions.get("code", "") for error in errors]


def test_the_full_list_query_of_100_products_is_allowed():
    assert _codes(ALL_FIELDS) == []


def test_the_standard_introspection_query_is_allowed():
    assert _codes(get_introspection_query(descriptions=True)) == []


@override_settings(CONTENTHUB_API_MAX_DEPTH=3)
def test_depth_counts_fields_through_fragments():
    query = "{ ...A } fragment A on Query { kanalen { ...B } } fragment B on KanaalInfo { label }"
    assert _codes(query) == []
    deep = '{ product(slug: "x") { thema { producten { slug } } } }'
    assert _codes(deep) == ["QUERY_TE_DIEP"]


def test_a_list_costs_what_it_holds():
    field = (
        parse("{ producten(first: 50) { totaal } }")
        .definitions[0]
        .selection_set.selections[0]
    )
    assert field_cost(field, 1) == 1 + 50 * 1
    search = parse('{ producten(zoek: "paspoort") { totaal } }').definitions[0]
    assert field_cost(search.selection_set.selections[0], 1) == 1 + 50 + 20


@override_settings(CONTENTHUB_API_MAX_PAGE_SIZE=100)
def test_a_page_size_in_a_variable_costs_the_maximum():
    query = "query($n: Int) { producten(first: $n) { edges { node { slug } } } }"
    field = parse(query).definitions[0].selection_set.selections[0]
    assert field_cost(field, 3) == 1 + 100 * 3


@pytest.mark.parametrize(
    ("query", "expected"),
    [("{ a b c }", 3), ("{ a { b } ...F } fragment F on Q { c d }", 4)],
)
def test_fields_are_counted_as_written(query, expected):
    assert count_fields(parse(query)) == expected
