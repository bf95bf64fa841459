"""The gate: one verdict from every registered check, grouped per field and check."""

from __future__ import annotations

import pytest

from contenthub.findings import Finding, Severity
from publicatie.gate import evaluate_publication_gate
from publicatie.registry import GateCheckRegistry

from .conftest import BAD_TEXT

pytestmark = pytest.mark.django_db


def test_a_good_product_passes(live_product):
    result = evaluate_publication_gate(page=live_product)
    assert result.passed, result.summary()
    assert set(result.findings) == {
        "validatie",
        "taal",
        "toegankelijkheid",
        "basistekst",
        "kanalen",
        "omgeving",
    }


def test_a_bad_product_is_blocked_with_a_dutch_list_per_field(live_product):
    live_product.wat_is_het = BAD_TEXT
    result = evaluate_publication_gate(page=live_product)
    assert not result.passed
    rules = {f.rule for f in result.blocking}
    assert {
        "taal.ambtelijk-woord",
        "taal.lange-zin",
        "wcag.linktekst-nietszeggend",
    } <= rules
    assert {f.location.field for f in result.blocking} == {"wat_is_het"}
    summary = result.summary()
    assert summary.startswith("Het product is niet gepubliceerd:")
    assert "Wat is het:" in summary
    assert "indien" in summary.lower()


def test_an_image_without_alt_is_blocked_by_validation_and_wcag(live_product):
    live_product.wat_is_het = '<p>Zo ziet het eruit:</p><p><img src="paspoort.png"></p>'
    result = evaluate_publication_gate(page=live_product)
    rules = {f.rule for f in result.blocking}
    assert {"model.validatie", "wcag.alt-ontbreekt"} <= rules


def test_warnings_and_tips_do_not_block(live_product):
    registry = GateCheckRegistry()

    @registry.register("alleen-tips", label="Tips")
    def tips(context):
        return [Finding(rule="x.tip", severity=Severity.TIP, message="Een tip.")]

    assert evaluate_publication_gate(page=live_product, registry=registry).passed


def test_a_new_check_is_one_registered_function(live_product):
    registry = GateCheckRegistry()

    @registry.register("geen-haast", label="Geen spoed")
    def no_spoed(context):
        if "spoed" in context.snapshot.kort_antwoord.lower():
            return [
                Finding(rule="x.spoed", severity=Severity.FOUT, message="Geen spoed.")
            ]
        return []

    live_product.kort_antwoord = "Met spoed kan het sneller."
    result = evaluate_publication_gate(page=live_product, registry=registry)
    assert [f.rule for f in result.blocking] == ["x.spoed"]


def test_a_check_that_returns_nothing_fails_loudly(live_product):
    registry = GateCheckRegistry()
    registry.register("kapot", label="Kapot")(lambda context: None)
    with pytest.raises(
        TypeError, match=r"De controle 'kapot' gaf geen lijst met bevindingen terug\."
    ):
        evaluate_publication_gate(page=live_product, registry=registry)
