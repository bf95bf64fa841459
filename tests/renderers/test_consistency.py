"""The same antwoord in every channel, and a broken rendering is caught."""

from __future__ import annotations

import dataclasses

import renderers
from contenthub.findings import Severity
from renderers.crosscheck import check_consistency
from renderers.services import render_all


def test_every_demo_product_says_the_same_in_every_channel(demo_products):
    for product in demo_products:
        findings = renderers.consistency(product)
        assert [f for f in findings if f.severity is Severity.FOUT] == [], product.slug


def test_a_rendering_with_a_wrong_amount_in_its_table_is_caught(demo_products):
    product = next(p for p in demo_products if p.slug == "paspoort")
    broken = [
        dataclasses.replace(r, content=r.content.replace(">€ 83,87<", ">€ 84,29<"))
        if r.channel == "web" and r.variant == ""
        else r
        for r in render_all(product)
    ]
    findings = check_consistency(product, broken)
    assert [(f.rule, f.excerpt) for f in findings] == [
        ("kanaal.onbekend-bedrag", "€ 84,29")
    ]
    assert findings[0].message == (
        "In het kanaal web staat het bedrag € 84,29, maar dat bedrag staat nergens in het product."
    )


def test_a_rendering_with_a_different_amount_everywhere_is_caught(demo_products):
    product = next(p for p in demo_products if p.slug == "paspoort")
    broken = [
        dataclasses.replace(r, content=r.content.replace("€ 83,87", "€ 84,29"))
        if r.channel == "web" and r.variant == ""
        else r
        for r in render_all(product)
    ]
    rules = sorted(f.rule for f in check_consistency(product, broken))
    assert rules == [
        "kanaal.antwoord-ontbreekt",
        "kanaal.bedrag-ontbreekt",
        "kanaal.onbekend-bedrag",
    ]


def test_a_rendering_without_the_answer_or_link_is_caught(demo_products):
    product = demo_products[0]
    broken = [
        dataclasses.replace(r, content="Iets heel anders.")
        if r.channel == "chatbot" and r.variant == "tekst"
        else r
        for r in render_all(product)
    ]
    rules = {f.rule for f in check_consistency(product, broken)}
    assert {"kanaal.antwoord-ontbreekt", "kanaal.link-ontbreekt"} <= rules


def test_an_amount_written_differently_is_caught(demo_products):
    product = next(p for p in demo_products if p.slug == "paspoort")
    broken = [
        dataclasses.replace(r, content=r.content.replace("€ 83,87", "EUR 83.87"))
        if r.channel == "tweet" and r.variant == ""
        else r
        for r in render_all(product)
    ]
    assert sorted(f.rule for f in check_consistency(product, broken)) == [
        "kanaal.bedrag-ontbreekt"
    ]
