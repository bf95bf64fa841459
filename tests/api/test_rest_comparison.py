"""Wagtail's REST API exists only for the benchmark, and then with every product field."""

from __future__ import annotations

import pytest

from contenthub.models import ProductPage

pytestmark = pytest.mark.django_db


def test_the_rest_api_is_off_by_default(client, product):
    assert client.get("/api/v2/pages/").status_code == 404


def test_when_on_it_serves_every_structured_field():
    from api.rest import ProductPagesAPIViewSet

    names = set(ProductPagesAPIViewSet.get_body_fields_names(ProductPage))
    meta = ProductPage._meta
    structured = {f.name for f in [*meta.local_fields, *meta.local_many_to_many]}
    # kcc_notitie is for the KCC's agents only, never in a public API;
    # vertaald_van / vertaling_tekst are a translation's bookkeeping (digests),
    # shown as vertalingVerouderd in GraphQL.
    hidden = {"page_ptr", "kcc_notitie", "vertaald_van", "vertaling_tekst"}
    assert structured - hidden <= names
    assert "gerelateerde_producten" in names
