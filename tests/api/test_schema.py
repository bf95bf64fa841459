"""The schema in the repository is the schema the code serves."""

from __future__ import annotations

from pathlib import Path

from graphql import print_schema

from api.content.types import (
    ContactpuntType,
    LocatieType,
    ProductType,
    ThemaType,
)
from api.schema import schema
from renderers import CHANNELS

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_schema_graphql_matches_the_code():
    exported = SCHEMA_FILE.read_text(encoding="utf-8").strip()
    assert exported == print_schema(schema.graphql_schema).strip(), (
        "schema.graphql loopt achter op de code. Exporteer opnieuw met: python "
        "manage.py graphql_schema --schema api.schema.schema --out schema.graphql"
    )


def test_the_kanaal_enum_is_the_renderer_registry():
    kanaal = schema.graphql_schema.get_type("Kanaal")
    assert sorted(value.value.value for value in kanaal.values.values()) == sorted(
        CHANNELS
    )


def test_model_types_expose_only_chosen_fields():
    # Explicit ``fields`` on every DjangoObjectType: nothing of Wagtail's page
    # internals (owner, path, locked, draft title, ...) leaks into the API.
    internals = {"owner", "path", "depth", "locked", "draft_title", "live", "url_path"}
    for graphene_type in (ProductType, ThemaType, ContactpuntType, LocatieType):
        assert not internals & set(graphene_type._meta.fields), graphene_type
