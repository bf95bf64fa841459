"""The content model does not import the gate; the gate registers itself, and
the hub refuses to run (and to save a live product) without it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from contenthub.checks import publication_gate_installed
from contenthub.extensions import extensions


@pytest.fixture
def without_live_guards():
    kept = {label: list(guards) for label, guards in extensions.live_guards.items()}
    extensions.live_guards.clear()
    yield
    extensions.live_guards.clear()
    extensions.live_guards.update(kept)


def test_publicatie_registers_the_gate_for_products_and_basisteksten():
    assert extensions.has_live_guard("contenthub.ProductPage")
    assert extensions.has_live_guard("contenthub.Basistekst")
    assert publication_gate_installed() == []


def test_without_the_gate_the_system_check_fails(without_live_guards):
    errors = publication_gate_installed()
    assert [error.id for error in errors] == ["contenthub.E001", "contenthub.E001"]
    assert "publicatie" in errors[0].msg


def test_without_the_gate_a_live_product_is_not_saved(product, without_live_guards):
    product.kort_antwoord = "Een nieuwe tekst."
    with pytest.raises(ImproperlyConfigured, match="publicatiecontrole"):
        product.save()


def test_the_controle_and_import_tabs_are_added_by_the_layers_above():
    from contenthub.models import ProductPage

    headings = [child.heading for child in ProductPage.edit_handler.children]
    assert headings == [
        "Inhoud",
        "Afhandeling",
        "Vindbaarheid",
        "Publicatie",
        "Controle",
        "Import",
    ]
