"""The learned reranker and hand-over decision (``chatbot.matching.decide``,
``data/beslissing.json``, fitted by ``bench/chatbot_beslissing.py``)."""

from __future__ import annotations

import pytest

from chatbot.index import build_index, index_for_site
from chatbot.matching import beslissing, decide, match, prepare
from tests.chatbot.test_matching import CATALOGUS


def _rij(**values: float) -> dict[str, float]:
    rij = dict.fromkeys(
        ("score", "relatief", "rang", "gedekt", "naamvelden", "zeldzaam"), 0.0
    )
    rij.update({"alleen_algemeen": 0.0, "naam": 0.0, "frase": 0.0})
    rij.update(values)
    return rij


QUESTION = {"onbekend": 0.0, "woorden": 0.5, "nationaal_score": 0.0}


def test_without_a_reranker_the_match_order_stays():
    rijen = (_rij(score=0.5, relatief=1.0), _rij(score=0.4, relatief=0.8, naam=1.0))
    order, kans, _ = decide(rijen, QUESTION, {})
    assert order == [0, 1]
    assert kans == 0.0  # no decision fitted: it never fires


def test_a_reranker_reorders_but_a_named_product_stays_first():
    # A reranker that only likes words in the product's name fields.
    model = {"rangorde": {"intercept": 0.0, "gewichten": {"naamvelden": 10.0}}}
    rijen = (
        _rij(score=0.5, relatief=1.0, naamvelden=0.1),
        _rij(score=0.4, relatief=0.8, naamvelden=0.9),
        _rij(score=0.3, relatief=0.6, naamvelden=0.5),
    )
    order, _, kenmerken = decide(rijen, QUESTION, model)
    assert order == [1, 2, 0]
    assert kenmerken["top_naamvelden"] == 0.9

    named = (rijen[0] | {"naam": 1.0}, rijen[1], rijen[2])
    assert decide(named, QUESTION, model)[0][0] == 0


def test_the_decision_compares_other_organisations_with_the_first_candidate():
    model = {
        "beslissing": {
            "intercept": -2.0,
            "gewichten": {"nationaal": 4.0},
            "drempel": 0.5,
        }
    }
    rijen = (_rij(score=0.4, relatief=1.0),)
    _, low, _ = decide(rijen, QUESTION | {"nationaal_score": 0.1}, model)
    _, high, kenmerken = decide(rijen, QUESTION | {"nationaal_score": 0.6}, model)
    assert kenmerken["nationaal"] == pytest.approx(1.5)
    assert low < 0.5 < high


def test_the_shipped_model_was_chosen_by_cross_validation_on_development_rows():
    model = beslissing()
    assert 0.0 < model["beslissing"]["drempel"] < 1.0
    herkomst = model["herkomst"]
    assert "ontwikkelrijen" in herkomst["getraind_op"]
    assert "gegroepeerd op bronadres" in herkomst["kruisvalidatie"]


def test_an_english_index_keeps_the_score_and_the_threshold():
    dutch = build_index(CATALOGUS)
    english = build_index(CATALOGUS, taal="en")
    assert match("paspoort kwijt", dutch).kans_buiten > 0.0
    assert match("paspoort kwijt", english).kans_buiten == 0.0


@pytest.mark.django_db
def test_a_national_matter_the_score_alone_answered_now_says_whose_it_is(demo_site):
    # A development question (e822); the score alone answers it with
    # naturalisatie, the learned decision hands it to the IND.
    index = index_for_site(demo_site, on_build=prepare)
    vraag = "Mag ik twee nationaliteiten of niet?"
    alone = match(vraag, index, model={})
    assert not alone.fallback
    assert alone.best.slug == "naturalisatie"
    learned = match(vraag, index)
    assert learned.fallback
    assert learned.buiten is not None
    assert learned.buiten.instantie == "ind"
    assert learned.best.slug == "naturalisatie"  # the ranking is unchanged
