"""After a publication the next question gets the previous index while a new
one is built in a background thread (``CHATBOT_INDEX_ACHTERGROND``): no
citizen waits for a build, and nothing that stopped being public is answered.

The test's data lives in its own transaction, which another thread's
connection cannot see; so the thread is started by ``builds`` here, which
runs the build when the test says (the work the thread does, minus closing
its own connection). ``bench/chatbot_na_publicatie.py`` runs real threads.
"""

from __future__ import annotations

import json

import pytest

from chatbot import index as chatbot_index
from chatbot.answers import answer
from contenthub.models import ProductPage

pytestmark = pytest.mark.django_db


class Threads:
    """Stands in for ``threading.Thread`` in ``chatbot.index``: records the
    builds that were started; ``run()`` does them."""

    def __init__(self) -> None:
        self.started: list[tuple] = []

    def __call__(self, *, target, args, name, daemon):
        assert daemon
        assert name.startswith("chatbot-index-")
        threads = self

        class Started:
            def start(self) -> None:
                threads.started.append(args)

        return Started()

    def run(self) -> None:
        pending, self.started = self.started, []
        for function, *args in pending:
            function(*args)


@pytest.fixture
def builds(settings, monkeypatch):
    settings.CHATBOT_INDEX_ACHTERGROND = True
    threads = Threads()
    monkeypatch.setattr(chatbot_index.threading, "Thread", threads)
    return threads


def _slug(vraag: str) -> str | None:
    result = answer(vraag, log=False)
    return None if result.fallback else result.ranked[0]


def _builds(monkeypatch) -> list[int]:
    """Record the site of every index build, in whichever thread."""
    built: list[int] = []
    original = chatbot_index.site_catalogue

    def counting(site):
        built.append(site.pk)
        return original(site)

    monkeypatch.setattr(chatbot_index, "site_catalogue", counting)
    return built


def test_a_question_after_a_publication_gets_the_previous_index_until_the_new_one_is_built(
    make_live_product, monkeypatch, builds
):
    make_live_product(slug="paspoort", title="Paspoort aanvragen")
    built = _builds(monkeypatch)
    assert _slug("paspoort aanvragen") == "paspoort"
    assert len(built) == 1  # the process's first index: the question waited
    assert builds.started == []

    make_live_product(slug="rijbewijs", title="Rijbewijs verlengen")
    # A new catalogue version: this question is answered from the previous
    # index (which does not know the new product) and starts one build; the
    # next question while it runs starts none.
    assert _slug("rijbewijs verlengen") != "rijbewijs"
    assert _slug("paspoort aanvragen") == "paspoort"
    assert len(builds.started) == 1
    assert len(built) == 1
    builds.run()
    assert len(built) == 2
    assert _slug("rijbewijs verlengen") == "rijbewijs"
    assert builds.started == []  # the new index is current: no further build


def test_a_product_unpublished_while_the_previous_index_is_served_is_not_answered(
    make_live_product, builds
):
    paspoort = make_live_product(slug="paspoort", title="Paspoort aanvragen")
    make_live_product(slug="rijbewijs", title="Rijbewijs verlengen")
    assert _slug("paspoort aanvragen") == "paspoort"

    ProductPage.objects.get(pk=paspoort.pk).unpublish()
    # The new index is not built yet: the previous one still holds the
    # product, and the answer asks at read time whether it is public.
    assert _slug("paspoort aanvragen") is None
    assert _slug("rijbewijs verlengen") == "rijbewijs"
    assert len(builds.started) == 1


def test_a_failed_background_build_keeps_the_previous_index_and_is_tried_again(
    make_live_product, monkeypatch, builds
):
    make_live_product(slug="paspoort", title="Paspoort aanvragen")
    assert _slug("paspoort aanvragen") == "paspoort"
    make_live_product(slug="rijbewijs", title="Rijbewijs verlengen")

    original = chatbot_index.site_catalogue
    monkeypatch.setattr(
        chatbot_index,
        "site_catalogue",
        lambda site: (_ for _ in ()).throw(RuntimeError("database weg")),
    )
    assert _slug("paspoort aanvragen") == "paspoort"
    logged = []
    monkeypatch.setattr(
        chatbot_index.logger,
        "exception",
        lambda message, *args: logged.append(message % args),
    )
    builds.run()
    assert logged == ["Chatbotindex van site 1 niet opnieuw gebouwd"]
    assert _slug("paspoort aanvragen") == "paspoort"  # still the previous index

    monkeypatch.setattr(chatbot_index, "site_catalogue", original)
    assert _slug("rijbewijs verlengen") != "rijbewijs"
    builds.run()  # the question above started it again
    assert _slug("rijbewijs verlengen") == "rijbewijs"


def test_the_build_thread_closes_the_connections_it_opened(monkeypatch):
    closed = []
    monkeypatch.setattr("django.db.connections.close_all", lambda: closed.append(True))
    done = []
    chatbot_index._in_own_connection(done.append, "gebouwd")
    assert done == ["gebouwd"]
    assert closed == [True]


def test_while_the_new_index_is_built_an_answer_says_what_is_approved_now(
    make_live_product, publish, builds
):
    """The previous index may rank with old words, but what the answer says
    is the product's rendering approved for its inputs as they are now."""
    paspoort = make_live_product(
        slug="paspoort",
        title="Paspoort aanvragen",
        kort_antwoord="U vraagt een paspoort aan bij de balie.",
    )
    assert _slug("paspoort aanvragen") == "paspoort"

    paspoort.kort_antwoord = "U vraagt een paspoort aan op afspraak."
    publish(paspoort)
    result = answer("paspoort aanvragen", log=False)
    assert len(builds.started) == 1  # the previous index answered
    assert not result.fallback
    body = json.dumps(result.body, ensure_ascii=False)
    assert "op afspraak" in body
    assert "bij de balie" not in body
