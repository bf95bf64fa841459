"""English questions to the chatbot, end to end, on the demo gemeente.

The demo translates three products into English (paspoort,
verhuizing-doorgeven, parkeervergunning). The questions here are the team's
own regression tests: they pin behaviour, they say nothing about quality.
"""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chatbot import answer
from chatbot.language import detect_language
from chatbot.models import Vraaglog
from chatbot.privacy import scrub
from chatbot.sessions import detect_intent

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("vraag", "taal"),
    [
        ("How do I apply for a passport?", "en"),
        ("I lost my passport, what should I do?", "en"),
        ("and what does it cost?", "en"),
        ("Where can I get a parking permit", "en"),
        ("how do I apply for een parkeervergunning", "en"),
        ("mn paspoort is gejat", "nl"),
        ("en wat kost dat?", "nl"),
        ("Hoe vraag ik een parkeervergunning aan?", "nl"),
        ("waar kan ik mijn oude bank kwijt", "nl"),
        # Only subject words: undecided, the caller keeps its language.
        ("passport", None),
        ("paspoort kwijt", None),
        ("grofvuil", None),
        ("", None),
    ],
)
def test_the_detector_names_the_language_by_its_function_words(vraag, taal):
    assert detect_language(vraag) == taal


def test_english_section_questions_ask_for_the_same_sections():
    assert detect_intent("How much does it cost?", "en") == "kosten"
    assert detect_intent("What do I need to bring?", "en") == "benodigdheden"
    assert detect_intent("What is the phone number?", "en") == "contact"
    assert detect_intent("How long does it take?", "en") == "aanvragen"
    assert detect_intent("I lost my passport", "en") is None
    # Dutch phrases are not read as English and the other way round.
    assert detect_intent("wat kost dat", "en") is None
    assert detect_intent("how much does it cost", "nl") is None


def test_an_english_question_gets_the_english_products_stored_rendering(demo_site):
    from renderers.models import ChannelRendering

    result = answer("I lost my passport, what should I do?", site=demo_site)
    assert not result.fallback
    assert result.taal == "en"
    body = result.body
    assert body["taal"] == "en"
    assert body["product"]["slug"] == "paspoort"
    stored = ChannelRendering.objects.get(
        page_id=result.product_id, channel="chatbot", variant=""
    )
    assert body["antwoord"] == json.loads(stored.content)
    assert body["antwoord"]["taal"] == "en"
    assert (
        body["antwoord"]["link"]["url"].startswith("/en/")
        or "/en/" in (body["antwoord"]["link"]["url"])
    )
    assert body["bericht"] == body["antwoord"]["bericht"]
    assert body["bericht"].startswith("You apply for a passport")
    # The chatbot's own words are English too.
    assert body["terugkoppeling"]["vraag"] == "Did this answer help you?"
    assert body["terugkoppeling"]["opties"] == ["Yes", "No"]
    assert body["kanalen"][-1]["label"].startswith(
        "Would you rather speak to a colleague? Call "
    )


def test_a_follow_up_stays_english_also_when_it_does_not_show_its_language(
    demo_site,
):
    first = answer("I need a new passport", "en-1", site=demo_site, log=False)
    assert first.taal == "en"
    assert not first.fallback
    follow_up = answer("and what does it cost?", "en-1", site=demo_site, log=False)
    assert follow_up.taal == "en"
    assert follow_up.vervolgvraag
    assert follow_up.product_id == first.product_id
    assert follow_up.sectie == "kosten"
    assert follow_up.body["bericht"] == follow_up.body["sectie"]["antwoord"]
    # "passport" alone is undecided: the session's language holds.
    undecided = answer("passport", "en-1", site=demo_site, log=False)
    assert undecided.taal == "en"
    assert undecided.body["taal"] == "en"
    # Another session without a language: undecided is Dutch.
    assert answer("passport", "nl-1", site=demo_site, log=False).taal == "nl"


def test_a_dutch_question_is_answered_as_before(demo_site):
    result = answer("mn paspoort is gejat", site=demo_site, log=False)
    assert result.taal == "nl"
    assert not result.fallback
    assert result.ranked[0] == "paspoort"
    assert result.body["antwoord"]["taal"] == "nl"
    assert "/en/" not in result.body["antwoord"]["link"]["url"]
    assert result.body["terugkoppeling"] is None  # log=False: no kenmerk
    english = answer("I lost my passport", site=demo_site, log=False)
    assert english.product_id != result.product_id  # the translation's page


def test_the_page_language_wins_over_the_question(demo_site):
    result = answer("paspoort", site=demo_site, taal="en", log=False)
    assert result.taal == "en"
    with pytest.raises(ValueError):
        answer("paspoort", site=demo_site, taal="de", log=False)


def test_an_untranslated_product_says_so_in_english_and_links_the_dutch_page(
    demo_site,
):
    result = answer("How can I get rid of my grofvuil?", site=demo_site, log=False)
    body = result.body
    assert body["taal"] == "en"
    assert body["vertaling_ontbreekt"] is True
    assert body["product"]["slug"] == "grofvuil"
    assert body["product"]["taal"] == "nl"
    assert body["link"]["lang"] == "nl"
    assert body["link"]["url"].startswith("https://")
    assert "/en/" not in body["link"]["url"]
    assert body["bericht"].startswith("This information is not available in English")
    assert body["link"]["url"] in body["bericht"]
    assert body["overdracht"]["telefoon"] in body["bericht"]
    assert body["antwoord"] is None


def test_an_english_handover_is_english(demo_site):
    result = answer("Who will win the World Cup?", site=demo_site, log=False)
    assert result.fallback
    body = result.body
    assert body["taal"] == "en"
    assert body["product"] is None
    assert body["bericht"].startswith(
        "I am not sure what you mean, so I would rather not give you a wrong answer."
    )
    assert "I will pass you to a colleague" in body["bericht"]
    assert f"Call {body['overdracht']['telefoon']}" in body["bericht"]
    assert body["overdracht"]["bericht"].startswith("I am not sure")


def test_a_national_matter_is_answered_in_english(demo_site):
    result = answer("How do I apply for rent benefit?", site=demo_site, log=False)
    body = result.body
    assert body["niet_van_de_gemeente"]["instantie"].startswith("the Benefits Service")
    assert body["bericht"].startswith("This is not arranged by the municipality")
    assert "Do you still have a question for the municipality?" in body["bericht"]


def _queries_of(vraag, site, **kwargs):
    with CaptureQueriesContext(connection) as context:
        result = answer(vraag, site=site, log=False, **kwargs)
    return result, len(context.captured_queries)


def test_an_english_answer_costs_what_a_dutch_one_costs(demo_site):
    """As in test_answers.py: with a current index an answer reads one row
    (is the product still public?), a handover none."""
    _queries_of("mijn oude bank moet weg", demo_site)  # builds the Dutch index
    _queries_of("Who will win the World Cup?", demo_site)  # and the English one
    dutch, dutch_queries = _queries_of("mn paspoort is gejat", demo_site)
    english, english_queries = _queries_of("I lost my passport", demo_site)
    assert not dutch.fallback
    assert not english.fallback
    assert english.taal == "en"
    assert english_queries == dutch_queries == 1
    untranslated, untranslated_queries = _queries_of(
        "How can I get rid of my grofvuil?", demo_site
    )
    assert untranslated.body["vertaling_ontbreekt"]
    assert untranslated_queries == 1
    handover, handover_queries = _queries_of("Who will win the World Cup?", demo_site)
    assert handover.fallback
    assert handover_queries == 0


def test_the_log_keeps_the_language_and_no_personal_data(demo_site):
    answer(
        "My name is John Smith and I live at Damrak 70, I lost my passport",
        site=demo_site,
    )
    row = Vraaglog.objects.latest("pk")
    assert row.taal == "en"
    for personal in ("John", "Smith", "Damrak", "70"):
        assert personal not in row.vraag
    assert row.product_id is not None


@pytest.mark.parametrize(
    ("vraag", "weg"),
    [
        ("My name is Sarah Johnson", ["Sarah", "Johnson"]),
        ("my name is sarah", ["sarah"]),
        ("I am called Anna de Boer", ["Anna", "Boer"]),
        ("Hi, this is Peter, how do I register?", ["Peter"]),
        ("Kind regards, Peter Jansen", ["Peter", "Jansen"]),
        ("On behalf of Mrs Brown", ["Brown"]),
        ("I live at 12 Baker Street", ["12", "Baker"]),
        ("I live at Damrak 70", ["Damrak", "70"]),
        ("I was born on 12 March 1985", ["12", "1985"]),
        ("I was born on March 12, 1985", ["12", "1985"]),
        ("my customer number is 12345", ["12345"]),
        ("call me on +31 6 12345678", ["12345678"]),
    ],
)
def test_english_personal_data_is_scrubbed(vraag, weg):
    schoon = scrub(vraag)
    for word in weg:
        assert word not in schoon, schoon


@pytest.mark.parametrize(
    "vraag",
    [
        "I am moving to Utrecht",
        "I am Dutch and need a passport",
        "I'm looking for a parking permit",
        "This is about my passport",
    ],
)
def test_english_phrasings_without_personal_data_stay(vraag):
    assert scrub(vraag) == vraag


def test_the_endpoint_takes_the_language_of_the_page(client, demo_site):
    def ask(**data):
        return client.post(
            "/api/chatbot/vraag", data=json.dumps(data), content_type="application/json"
        )

    response = ask(vraag="paspoort", pagina="https://localhost/en/passport/")
    assert response.status_code == 200
    assert response.json()["taal"] == "en"
    assert ask(vraag="paspoort", pagina="/paspoort/").json()["taal"] == "nl"
    assert ask(vraag="paspoort", taal="en").json()["taal"] == "en"
    assert ask(vraag="I lost my passport").json()["taal"] == "en"

    wrong = ask(vraag="passport", taal="de")
    assert wrong.status_code == 400
    assert wrong.json()["code"] == "onbekende-taal"
    empty = ask(vraag="", taal="en")
    assert empty.status_code == 400
    assert empty.json() == {
        "fout": "Please enter a question.",
        "code": "vraag-ontbreekt",
    }
    assert ask(vraag="").json()["fout"] == "Vul een vraag in."


def test_the_rate_limit_message_is_english_for_an_english_client(
    client, demo_site, settings, steady_clock
):
    settings.CHATBOT_RATE_LIMIT = "1/m"
    body = json.dumps({"vraag": "passport", "taal": "en"})
    client.post("/api/chatbot/vraag", data=body, content_type="application/json")
    response = client.post(
        "/api/chatbot/vraag",
        data=body,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9,nl;q=0.5",
    )
    assert response.status_code == 429
    assert response.json()["fout"].startswith("You are asking many questions")
    dutch = client.post(
        "/api/chatbot/vraag", data=body, content_type="application/json"
    )
    assert dutch.json()["fout"].startswith("U stelt veel vragen")


def test_the_english_index_is_built_again_in_the_background(
    demo_site, settings, monkeypatch
):
    """After a new catalogue version an English question gets the previous
    English index, checked against the inputs as they are now, and starts a
    build of the English index only; once swapped in, an answer is 1 query."""
    from chatbot import index as chatbot_index
    from contenthub.catalogue import bump_catalogue_version

    started = []

    class Recorded:
        def __init__(self, *, target, args, name, daemon):
            self.call = (target, args)

        def start(self):
            started.append(self.call)

    settings.CHATBOT_INDEX_ACHTERGROND = True
    monkeypatch.setattr(chatbot_index.threading, "Thread", Recorded)
    _queries_of("I lost my passport", demo_site)
    bump_catalogue_version()
    previous, _ = _queries_of("I lost my passport", demo_site)
    assert not previous.fallback
    assert previous.taal == "en"
    # The thread's work is (_build_and_swap, key, warm-up), run here without
    # closing the test's connection.
    assert [args[1] for _, args in started] == [(demo_site.pk, "en")]
    _, (build_and_swap, *args) = started.pop()
    build_and_swap(*args)
    again, queries = _queries_of("I lost my passport", demo_site)
    assert again.product_id == previous.product_id
    assert queries == 1
    assert started == []


def test_every_organisation_has_an_english_name_and_description():
    from chatbot.instanties import english_instanties, instanties

    english, dutch = english_instanties(), instanties()
    assert set(english) == set(dutch)
    missing = [
        key
        for key, item in english.items()
        if dutch[key].omschrijving and not item.omschrijving
    ]
    assert missing == []
    assert english["huurcommissie"].naam == "the Rent Tribunal (Huurcommissie)"
    assert english["huurcommissie"].url == dutch["huurcommissie"].url
