"""Dutch normalisation, synonyms and intents: pure functions, no database."""

from __future__ import annotations

import pytest

from chatbot.normalise import (
    content_words,
    fold,
    normalised_key,
    split_compound,
    stem,
)
from chatbot.sessions import detect_intent, without_intent
from chatbot.synonyms import SynonymTable, default_table, read_synonyms


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("Mijn PASPOORT is kwijt!", "mijn paspoort is kwijt"),
        ("m'n ID-kaart", "mijn id kaart"),
        ("mn rijbewijs", "mijn rijbewijs"),
        ("financiële hulp, ruïne en café", "financiele hulp ruine en cafe"),
        ("z\u2019n kliko\u2019s", "zijn kliko s"),
    ],
)
def test_fold_lowercases_strips_diacritics_and_expands_short_forms(tekst, verwacht):
    assert fold(tekst) == verwacht


def test_stop_words_are_dropped_but_subject_words_stay():
    assert content_words("Hoe kan ik mijn paspoort verlengen bij de gemeente?") == [
        "paspoort",
        "verlengen",
    ]


@pytest.mark.parametrize(
    ("woorden", "zelfde_stam"),
    [
        (["verhuizing", "verhuizen", "verhuizingen"], True),
        (["vergunning", "vergunningen"], True),
        (["paspoort", "paspoorten"], True),
        (["paspoort", "rijbewijs"], False),
    ],
)
def test_dutch_stemmer_maps_inflections_to_one_stem(woorden, zelfde_stam):
    assert (len({stem(w) for w in woorden}) == 1) is zelfde_stam


def test_questions_with_the_same_words_share_a_normalised_key():
    assert normalised_key("Paspoort kwijt!") == normalised_key("kwijt, m'n paspoort")
    assert normalised_key("Paspoort kwijt") != normalised_key("rijbewijs kwijt")


@pytest.mark.parametrize(
    ("woord", "delen"),
    [
        ("parkeerkaart", ("parkeer", "kaart")),
        ("afvalcontainer", ("afval", "container")),
        ("identiteitskaart", ("identiteit", "kaart")),  # linking -s-
        ("kaart", None),
        ("xyzkaart", None),
    ],
)
def test_compounds_split_into_known_parts(woord, delen):
    known = {"parkeer", "kaart", "afval", "container", "identiteit"}
    assert split_compound(woord, known.__contains__) == delen


def test_the_synonym_list_has_a_comment_for_every_entry():
    synonyms = read_synonyms()
    assert len(synonyms) > 50
    assert all(s.toelichting for s in synonyms)


@pytest.mark.parametrize(
    ("vraag", "toegevoegd"),
    [
        ("mn paspoort is gejat", "gestolen"),
        ("wat kost een id kaart", "identiteitskaart"),
        ("de kliko is kapot", "container"),
        ("ik ga samenwonen", "verhuizing"),
    ],
)
def test_colloquial_words_add_the_catalogue_word(vraag, toegevoegd):
    expansion = default_table().expand(fold(vraag).split())
    assert any(toegevoegd in t.woorden for t in expansion.toevoegingen)


def test_multi_word_synonyms_mark_every_word_they_explain():
    table = SynonymTable(read_synonyms())
    expansion = table.expand(["wat", "kost", "een", "id", "kaart"])
    assert expansion.vervangen == {3, 4}


@pytest.mark.parametrize(
    ("vraag", "sectie"),
    [
        ("en wat kost dat?", "kosten"),
        ("Hoeveel moet ik betalen?", "kosten"),
        ("wat moet ik meenemen?", "benodigdheden"),
        ("welke papieren heb ik nodig", "benodigdheden"),
        ("hoe vraag ik het aan", "aanvragen"),
        ("wat is het telefoonnummer", "contact"),
        ("mn paspoort is gejat", None),
        ("heb ik een vergunning nodig voor een dakkapel", None),
    ],
)
def test_follow_up_intent_is_detected(vraag, sectie):
    assert detect_intent(vraag) == sectie


def test_intent_phrases_are_removed_to_see_whether_a_subject_is_left():
    assert without_intent("en wat kost dat?") == "en wat dat"
    assert "rijbewijs" in without_intent("wat kost een rijbewijs")
