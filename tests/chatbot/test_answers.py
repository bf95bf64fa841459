"""The chatbot on the demo catalogue: the issue's questions, sessions, the log."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from chatbot import Answer, answer
from chatbot.models import Vraaglog
from renderers.models import ChannelRendering

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("vraag", "slug"),
    [
        ("mn paspoort is gejat", "paspoort"),
        ("wat kost een id kaart voor mijn dochter", "identiteitskaart"),
        ("ik ga samenwonen moet ik iets doorgeven", "verhuizing-doorgeven"),
        ("waar kan ik mijn oude bank kwijt", "grofvuil"),
    ],
)
def test_the_issues_example_questions_answer_the_right_demo_product(
    demo_site, vraag, slug
):
    result = answer(vraag, site=demo_site)
    assert isinstance(result, Answer)
    assert not result.fallback
    assert result.ranked[0] == slug
    assert result.body["product"]["slug"] == slug
    assert result.body["antwoord"]["bericht"]
    assert 1 <= len(result.body["alternatieven"]) <= 3


@pytest.mark.parametrize(
    "vraag", ["wie wint het WK", "hoe laat is het", "wat is de hoofdstad van frankrijk"]
)
def test_off_topic_questions_get_the_handover_not_a_random_product(demo_site, vraag):
    result = answer(vraag, site=demo_site)
    assert result.fallback
    body = result.body
    assert body["fallback"] is True
    assert body["product"] is None
    assert body["antwoord"] is None
    overdracht = body["overdracht"]
    assert overdracht["contactpunt"] == "Publiekszaken"
    assert overdracht["telefoon"]
    assert overdracht["afspraak_url"].startswith("https://")
    assert overdracht["contactformulier_url"].startswith("https://")
    assert overdracht["telefoon"] in body["bericht"]


def test_the_answer_carries_the_stored_rendering_of_the_product(demo_site):
    result = answer("mn paspoort is gejat", site=demo_site)
    stored = ChannelRendering.objects.get(
        page_id=result.product_id, channel="chatbot", variant=""
    )
    assert result.body["antwoord"] == json.loads(stored.content)
    assert {r["sectie"] for r in result.body["antwoord"]["snelle_antwoorden"]} >= {
        "kosten",
        "benodigdheden",
    }


def test_a_changed_stored_rendering_shows_in_the_answer_so_nothing_renders_on_read(
    demo_site,
):
    first = answer("mn paspoort is gejat", site=demo_site)
    stored = ChannelRendering.objects.get(
        page_id=first.product_id, channel="chatbot", variant=""
    )
    message = json.loads(stored.content)
    message["bericht"] = "Opgeslagen bij publicatie, niet opnieuw gemaakt."
    stored.content = json.dumps(message)
    stored.save()

    result = answer("mn paspoort is gejat", site=demo_site)
    assert result.body["bericht"] == "Opgeslagen bij publicatie, niet opnieuw gemaakt."
    assert result.body["antwoord"]["bericht"] == result.body["bericht"]


def test_a_question_about_costs_answers_with_the_costs_section(demo_site):
    result = answer("wat kost een id kaart voor mijn dochter", site=demo_site)
    assert result.sectie == "kosten"
    assert "€" in result.body["bericht"]
    assert result.body["sectie"]["sectie"] == "kosten"


def test_follow_up_questions_in_a_session_answer_from_the_last_product(demo_site):
    answer("mn paspoort is gejat", "sessie-1", site=demo_site)

    kosten = answer("en wat kost dat?", "sessie-1", site=demo_site)
    assert not kosten.fallback
    assert kosten.vervolgvraag
    assert kosten.ranked[0] == "paspoort"
    assert "83,87" in kosten.body["bericht"]
    assert kosten.body["alternatieven"] == []

    meenemen = answer("wat moet ik meenemen?", "sessie-1", site=demo_site)
    assert meenemen.ranked[0] == "paspoort"
    assert meenemen.sectie == "benodigdheden"
    assert "pasfoto" in meenemen.body["bericht"]


def test_a_follow_up_without_a_session_is_not_guessed(demo_site):
    assert answer("en wat kost dat?", site=demo_site).fallback
    assert answer("wat moet ik meenemen?", "nieuwe-sessie", site=demo_site).fallback


def test_sessions_are_separate_and_a_new_subject_switches_product(demo_site):
    answer("mn paspoort is gejat", "sessie-a", site=demo_site)
    answer("waar kan ik mijn oude bank kwijt", "sessie-b", site=demo_site)

    assert answer("wat kost dat", "sessie-a", site=demo_site).ranked[0] == "paspoort"
    assert answer("wat kost dat", "sessie-b", site=demo_site).ranked[0] == "grofvuil"

    switched = answer("en wat kost een rijbewijs?", "sessie-a", site=demo_site)
    assert switched.ranked[0] == "rijbewijs"
    assert not switched.vervolgvraag
    assert (
        answer("wat moet ik meenemen", "sessie-a", site=demo_site).ranked[0]
        == "rijbewijs"
    )


def test_every_question_is_logged_without_personal_data(demo_site):
    answer(
        "mijn paspoort is gejat, bel me op 06-12345678 of mail a.b@example.nl, "
        "bsn 123456782, ik woon op 1234 AB 5",
        site=demo_site,
    )
    answer("wie wint het WK", site=demo_site)
    answered, fell_back = Vraaglog.objects.order_by("created_at", "pk")

    for secret in ("12345678", "a.b@example.nl", "123456782", "1234 AB"):
        assert secret not in answered.vraag
        assert secret not in answered.genormaliseerd
    assert answered.product.slug == "paspoort"
    assert not answered.fallback
    assert answered.score > 0.3
    assert answered.site == demo_site
    assert fell_back.fallback
    assert fell_back.vraag == "wie wint het WK"


def test_the_python_api_can_skip_the_log(demo_site):
    answer("paspoort", site=demo_site, log=False)
    assert not Vraaglog.objects.exists()


def test_the_vraag_command_prints_the_answer(demo_site):
    out = StringIO()
    call_command("vraag", "mn paspoort is gejat", stdout=out)
    assert "Paspoort aanvragen (paspoort)" in out.getvalue()

    out = StringIO()
    call_command("vraag", "wie wint het WK", "--json", "--niet-loggen", stdout=out)
    assert json.loads(out.getvalue())["fallback"] is True


def _queries_of(vraag, site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        result = answer(vraag, site=site, log=False)
    assert not result.fallback
    return len(context.captured_queries)


def test_a_warm_answer_only_asks_whether_its_product_is_still_public(demo_site):
    """The index holds the stored renderings, checked against the products'
    inputs when it was built: an answer about a product reads one row (is it
    still public now?), and the log is one INSERT."""
    _queries_of("mijn oude bank moet weg", demo_site)  # builds the index
    assert _queries_of("mn paspoort is gejat", demo_site) == 1
    assert _queries_of("paspoort verlopen", demo_site) == 1

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        answer("mn paspoort is gejat", site=demo_site)
    assert [q["sql"].split()[0] for q in context.captured_queries] == [
        "SELECT",
        "INSERT",
    ]


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_the_compiled_public_query_says_what_the_orm_query_says(demo_site, taal):
    """``is_public`` runs Django's compiled query with the page id and the
    moment put in: for every product page, live or not (one expired and one
    unpublished around the gate, one with a go-live in the future), it says
    what ``live_products`` of the site says at this moment."""
    import datetime
    import time

    from django.utils import timezone

    from chatbot.index import _public_queries, _public_query, is_public
    from contenthub.catalogue import live_products, site_root_path
    from contenthub.models import ProductPage

    root = site_root_path(demo_site, taal)
    _public_queries.clear()
    compiled = _public_query(taal, root)
    assert compiled is not None
    assert compiled.now_slots
    # Expired after the query was compiled: a moment kept from compiling
    # would still call it live.
    now = timezone.now()
    time.sleep(0.01)
    pages = list(live_products(site=demo_site, taal=taal).values_list("pk", flat=True))
    changes = [
        {"expire_at": now},
        {"live": False},
        {"go_live_at": now + datetime.timedelta(hours=1)},
    ]
    assert len(pages) >= 2
    # Each change on its own page; at least one page stays live.
    for pk, change in zip(pages[:-1], changes, strict=False):
        ProductPage.objects.filter(pk=pk).update(**change)
    live = set(live_products(site=demo_site, taal=taal).values_list("pk", flat=True))
    every = list(ProductPage.objects.values_list("pk", flat=True))
    assert live
    assert live < set(every)
    assert {pk for pk in every if compiled.exists(pk)} == live
    assert {
        pk for pk in every if is_public(pk, site=demo_site, taal=taal, root=root)
    } == live
    assert {pk for pk in every if is_public(pk, site=demo_site, taal=taal)} == live


def test_a_warm_handover_reads_nothing_from_the_database(demo_site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    answer("mijn oude bank moet weg", site=demo_site, log=False)
    with CaptureQueriesContext(connection) as context:
        result = answer("wie wint het WK", site=demo_site, log=False)
    assert result.fallback
    assert context.captured_queries == []


def test_a_new_catalogue_version_builds_the_index_again(demo_site):
    from contenthub.catalogue import bump_catalogue_version

    _queries_of("mijn oude bank moet weg", demo_site)
    assert _queries_of("paspoort verlopen", demo_site) == 1
    bump_catalogue_version()
    assert _queries_of("paspoort verlopen", demo_site) > 1
    assert _queries_of("paspoort verlopen", demo_site) == 1


def test_the_index_is_built_again_the_next_day(demo_site, time_machine):
    """A fee that stops holding changes a product's inputs at midnight."""
    import datetime

    _queries_of("mn paspoort is gejat", demo_site)
    assert _queries_of("paspoort verlopen", demo_site) == 1
    time_machine.move_to(datetime.datetime.now() + datetime.timedelta(days=1))
    assert _queries_of("paspoort verlopen", demo_site) > 1
    assert _queries_of("paspoort verlopen", demo_site) == 1
