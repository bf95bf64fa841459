"""Matching on an in-memory index: no database, the scoring rules one by one."""

from __future__ import annotations

import pytest

from chatbot.index import ProductDocument, build_index
from chatbot.matching import DREMPEL, match, max_edits

CATALOGUS = [
    ProductDocument(
        slug="paspoort",
        title="Paspoort aanvragen",
        upl_naam="paspoort",
        zoektermen=("paspoort", "paspoort kwijt", "reisdocument"),
        vragen=("Mijn paspoort is kwijt of gestolen. Wat moet ik doen?",),
        kort_antwoord="U vraagt een paspoort aan bij de balie.",
        tekst="Met een paspoort laat u zien wie u bent. Laat een pasfoto maken.",
    ),
    ProductDocument(
        slug="identiteitskaart",
        title="ID-kaart aanvragen",
        upl_naam="identiteitskaart",
        zoektermen=("id-kaart", "identiteitskaart", "ID-kaart kwijt"),
        kort_antwoord="U vraagt een identiteitskaart aan bij de balie.",
        tekst="De kaart is zo groot als een bankpas.",
    ),
    ProductDocument(
        slug="afvalcontainer",
        title="Afvalcontainer aanvragen",
        upl_naam="afvalcontainer",
        zoektermen=("kliko", "minicontainer", "vuilnisbak kapot"),
        kort_antwoord="Een nieuwe container vraagt u online aan.",
        tekst="Is uw container kapot of gestolen? Laat het ons weten.",
    ),
    ProductDocument(
        slug="grofvuil",
        title="Grofvuil laten ophalen",
        upl_naam="afvalinzameling grofvuil",
        zoektermen=("grof afval", "oude bank", "matras weg"),
        kort_antwoord="Wij halen grofvuil op afspraak op.",
        tekst="Laat uw bank, kast of matras ophalen.",
    ),
    ProductDocument(
        slug="verhuizing",
        title="Verhuizing doorgeven",
        upl_naam="verhuismelding",
        zoektermen=("verhuizen", "adreswijziging", "nieuw adres"),
        kort_antwoord="Geef uw verhuizing binnen 5 dagen door.",
        tekst="U geeft uw nieuwe adres door aan de gemeente.",
    ),
]


@pytest.fixture(scope="module")
def index():
    return build_index(CATALOGUS)


@pytest.mark.parametrize(
    ("vraag", "slug"),
    [
        ("paspoort aanvragen", "paspoort"),
        ("paspoorten", "paspoort"),  # stemming
        ("paspoot kwijt", "paspoort"),  # typo
        ("mn paspoort is gejat", "paspoort"),  # synonym
        ("wat kost een id kaart", "identiteitskaart"),  # multi-word synonym
        ("mijn kliko is kapot", "afvalcontainer"),
        ("nieuwe container", "afvalcontainer"),  # compound part in the index
        ("waar kan ik mijn oude bank kwijt", "grofvuil"),
        ("ik ga samenwonen", "verhuizing"),
    ],
)
def test_questions_find_the_right_product(index, vraag, slug):
    result = match(vraag, index)
    assert result.best is not None
    assert result.best.slug == slug
    assert not result.fallback


@pytest.mark.parametrize(
    "vraag", ["wie wint het WK", "hoe laat is het", "asdfgh", "", "?!"]
)
def test_off_topic_questions_fall_back(index, vraag):
    assert match(vraag, index).fallback


def test_scores_run_from_zero_to_one_and_alternatives_are_ranked(index):
    result = match("paspoort of id kaart kwijt", index)
    scores = [k.score for k in result.kandidaten]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 1 for s in scores)
    assert {k.slug for k in result.kandidaten[:2]} == {"paspoort", "identiteitskaart"}
    assert len(result.kandidaten) <= 4


def test_unknown_words_lower_the_score(index):
    kort = match("paspoort", index).score
    lang = match("paspoort voor de vakantie naar thailand met mijn schoonmoeder", index)
    assert lang.score < kort
    assert lang.best.slug == "paspoort"


def test_a_whole_zoekterm_phrase_in_the_question_adds_a_bonus(index, monkeypatch):
    # The bonus is fitted on the development questions (currently 0.0); the
    # mechanism is pinned with a bonus set explicitly.
    from chatbot import matching

    monkeypatch.setattr(matching, "PHRASE_BONUS", 0.15)
    with_phrase = match("oude bank", index)
    without = match("oude stoel bank", index)
    assert with_phrase.score > without.score


def test_short_words_are_never_corrected_as_typos(index):
    assert max_edits("grap") == 0
    assert max_edits("paspoot") == 1
    assert max_edits("identiteitkart") == 3


def test_the_threshold_is_a_parameter(index):
    assert match("paspoort", index, drempel=1.01).fallback
    assert not match("paspoort", index, drempel=DREMPEL).fallback


def test_an_empty_catalogue_always_falls_back():
    assert match("paspoort", build_index([])).fallback


def test_a_word_weighs_the_same_in_a_small_and_a_large_gemeente(index):
    """The idf counts the national reference collection, so one product alone
    does not make every word rare."""
    alone = build_index([index.documents[0]])
    word = next(iter(alone.postings))
    assert alone.reference_documents > 500
    assert alone.idf[word] == pytest.approx(index.idf[word], rel=0.05)
    assert alone.max_idf == pytest.approx(index.max_idf, rel=0.01)


def test_without_the_reference_a_lone_product_makes_every_word_rare(index):
    from chatbot.index import NO_REFERENCE

    alone = build_index([index.documents[0]], reference=NO_REFERENCE)
    assert alone.reference_documents == 0
    assert alone.max_idf < index.max_idf / 3


def test_the_shipped_reference_uses_the_current_normalisation():
    """``chatbot/data/referentie_df.csv`` is written with ``stem``; after a
    change to the normalisation run ``bench/chatbot_referentie.py`` again."""
    from chatbot.index import default_reference
    from chatbot.normalise import stem

    reference = default_reference()
    for word in ("paspoort", "verhuizing", "afvalcontainer", "kinderbijslag"):
        assert stem(word) in reference.frequency, word


def test_a_synonym_the_catalogue_cannot_use_counts_as_an_unknown_word():
    lone = build_index(
        [
            ProductDocument(
                slug="parkeervergunning",
                title="Parkeervergunning",
                upl_naam="parkeervergunning",
                kort_antwoord="Met een paspoort of rijbewijs vraagt u hem aan.",
            )
        ]
    )
    result = match("mn paspoort is gejat", lone)
    assert "gejat" in result.analyse.onbekend
    assert result.fallback


def test_equal_scores_rank_the_earlier_product_first():
    """Identical products score the same; the one earlier in the catalogue
    ranks first, however many share the score (the ranking is stable)."""
    same = [
        ProductDocument(
            slug=f"hondenbelasting-{n}",
            title="Hondenbelasting",
            upl_naam="hondenbelasting",
            zoektermen=("hond",),
            kort_antwoord="U betaalt belasting voor uw hond.",
            tekst="",
        )
        for n in range(12)
    ]
    result = match("hondenbelasting betalen", build_index(same))
    assert [k.slug for k in result.kandidaten] == [
        "hondenbelasting-0",
        "hondenbelasting-1",
        "hondenbelasting-2",
        "hondenbelasting-3",
    ]
    assert len({k.score for k in result.kandidaten}) == 1


def test_prepare_applies_the_saturation_once_without_changing_a_ranking(index):
    from chatbot.matching import prepare

    before = match("mijn paspoort is gejat", index)
    prepare(index)
    assert set(index._saturated) == set(index.postings)
    after = match("mijn paspoort is gejat", index)
    assert after.kandidaten == before.kandidaten
