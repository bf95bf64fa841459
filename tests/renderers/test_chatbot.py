"""Chatbot: the kort antwoord, up to four quick replies, the advised way, a handover."""

from __future__ import annotations

import json

import renderers


def message(product):
    return json.loads(renderers.render(product, "chatbot").text)


def test_every_demo_message_carries_the_answer_and_at_most_four_quick_replies(
    demo_products,
):
    for product in demo_products:
        data = message(product)
        assert data["bericht"] == product.kort_antwoord
        assert 1 <= len(data["snelle_antwoorden"]) <= 4
        assert data["link"]["url"] == product.url
        assert data["overdracht"]["label"] == "Praat met een medewerker"


def test_quick_replies_lead_to_the_other_sections(demo_products):
    product = next(p for p in demo_products if p.slug == "paspoort")
    labels = [reply["label"] for reply in message(product)["snelle_antwoorden"]]
    assert labels == ["Kosten", "Wat neem ik mee", "Hoe vraag ik het aan", "Contact"]


def test_the_advice_follows_the_advised_channel(demo_products):
    paspoort = next(p for p in demo_products if p.slug == "paspoort")
    assert message(paspoort)["advies"]["label"] == "Maak een afspraak"
    verhuizen = next(p for p in demo_products if p.slug == "verhuizing-doorgeven")
    advice = message(verhuizen)["advies"]
    assert advice == {
        "kanaal": "online",
        "label": "Regel het online",
        "url": verhuizen.online_aanvragen_url,
    }


def test_the_text_variant_offers_a_person(demo_products):
    text = renderers.render(demo_products[0], "chatbot", variant="tekst").text
    assert text.startswith(demo_products[0].kort_antwoord)
    assert "Liever een mens? Bel 14 0999." in text


def test_a_list_stays_a_list_in_the_chatbot_text(demo_products):
    product = next(p for p in demo_products if len(p.benodigdheden) > 1)
    text = renderers.render(product, "chatbot", variant="tekst").text
    lines = text.splitlines()
    for item in product.benodigdheden:
        assert f"- {item}" in lines, text
    for number, stap in enumerate(product.stappen, 1):
        assert f"{number}. {stap.titel}." in lines, text
