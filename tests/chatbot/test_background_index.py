"""After a publication the next question gets the previous index while a new
one is built in a background thread (``CHATBOT_INDEX_ACHTERGROND``): no
citizen waits for a build, and nothing that stopped being public is answered.

The data is committed (a transactional test): the thread reads it through its
own database connection.
"""

from __future__ import annotations

import logging

import pytest

from chatbot import index as chatbot_index
from chatbot.answers import answer
from chatbot.index import wait_for_builds
from contenthub.models import ProductPage

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("_background_builds"),
]


@pytest.fixture
def _background_builds(settings):
    settings.CHATBOT_INDEX_ACHTERGROND = True
    yield
    wait_for_builds()


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
    make_live_product, monkeypatch
):
    make_live_product(slug="paspoort", title="Paspoort aanvragen")
    built = _builds(monkeypatch)
    assert _slug("paspoort aanvragen") == "paspoort"
    assert len(built) == 1  # the process's first index: the question waited

    make_live_product(slug="rijbewijs", title="Rijbewijs verlengen")
    # A new catalogue version: this question is answered from the previous
    # index (which does not know the new product) and starts the build.
    assert _slug("rijbewijs verlengen") != "rijbewijs"
    wait_for_builds()
    assert len(built) == 2
    assert _slug("rijbewijs verlengen") == "rijbewijs"
    assert len(built) == 2  # the new index is current: no further build


def test_a_product_unpublished_while_the_previous_index_is_served_is_not_answered(
    make_live_product, monkeypatch
):
    paspoort = make_live_product(slug="paspoort", title="Paspoort aanvragen")
    make_live_product(slug="rijbewijs", title="Rijbewijs verlengen")
    assert _slug("paspoort aanvragen") == "paspoort"

    monkeypatch.setattr(  # the new index is slow to come
        chatbot_index, "_build_in_background", lambda site_id, on_build: None
    )
    ProductPage.objects.get(pk=paspoort.pk).unpublish()
    # The previous index still holds the product; the answer asks at read time.
    assert _slug("paspoort aanvragen") is None
    assert _slug("rijbewijs verlengen") == "rijbewijs"


def test_a_failed_background_build_keeps_the_previous_index_and_is_tried_again(
    make_live_product, monkeypatch, caplog
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
    with caplog.at_level(logging.ERROR, logger="chatbot.index"):
        assert _slug("paspoort aanvragen") == "paspoort"
        wait_for_builds()
    assert "niet opnieuw gebouwd" in caplog.text
    assert _slug("paspoort aanvragen") == "paspoort"  # still the previous index
    wait_for_builds()

    monkeypatch.setattr(chatbot_index, "site_catalogue", original)
    assert _slug("rijbewijs verlengen") != "rijbewijs"  # starts a new build
    wait_for_builds()
    assert _slug("rijbewijs verlengen") == "rijbewijs"
