"""The LiNT-style features (taalcheck.lint) and the level estimate built on them."""

from __future__ import annotations

import pytest

from taalcheck import check
from taalcheck.config import DEFAULT_SETTINGS
from taalcheck.lint import lint_features
from taalcheck.metrics import MIN_INHOUDSWOORDEN, sentence_offset
from taalcheck.text import analyse


def features(text: str):
    return lint_features(analyse(text), DEFAULT_SETTINGS.woordenlijst_lower)


def test_function_words_names_and_numbers_are_not_content_words():
    # "u", "kunt", "de", "bij" are function words; "Voorbeeldstad" is a name
    # inside the sentence and "12" a number: left are aanvragen, paspoort,
    # gemeente.
    assert (
        features(
            "U kunt de paspoort bij 12 Voorbeeldstad aanvragen gemeente."
        ).inhoudswoorden
        == 3
    )


def test_a_subordinate_clause_adds_a_clause():
    one = features("U krijgt een brief van de gemeente.")
    two = features("U krijgt een brief als de gemeente uw aanvraag heeft.")
    assert one.inhoudswoorden_per_deelzin == 3.0  # krijgt, brief, gemeente
    assert two.inhoudswoorden_per_deelzin < one.inhoudswoorden_per_deelzin


def test_a_relative_after_a_preposition_is_not_a_clause():
    # "in dat geval": "dat" after a preposition is a demonstrative.
    assert features("In dat geval betaalt u niets.").inhoudswoorden_per_deelzin == 2.0


def test_abstract_suffixes_count_as_abstract():
    assert (
        features("De beoordeling van de aanvraag vergt zorgvuldigheid.").abstract > 0.4
    )
    assert features("De hond loopt in het park.").abstract == 0.0


def test_rare_words_lower_the_frequency_of_the_rarest_fifth():
    common = features("U kunt het formulier op de website vinden.")
    rare = features("U kunt het formulier op de website raadplegen.")
    assert rare.laagste_frequentie < common.laagste_frequentie


@pytest.mark.parametrize("compound", ["klachtenformulier", "ophaaldag"])
def test_a_compound_of_common_words_is_as_common_as_its_rarest_part(compound):
    # wordfreq has these compounds rarely or not at all; their parts are common.
    assert features(f"Het {compound} is klaar.").laagste_frequentie > 3.5


def test_a_glossary_term_counts_as_a_common_word():
    text = analyse("Neem uw pinpas mee.")
    without = lint_features(text, frozenset())
    text = analyse("Neem uw pinpas mee.")
    assert lint_features(text, frozenset({"pinpas"})).laagste_frequentie == 4.0
    assert without.laagste_frequentie < 4.0


def test_a_rare_word_makes_a_sentence_harder_than_its_plain_version():
    assert (
        check("De baten zijn nog onzeker.").score
        > check("Het is nog niet duidelijk wat het oplevert.").score
    )


def test_a_text_too_short_for_a_level_stays_at_most_b1():
    # An address or a label: fewer content words than MIN_INHOUDSWOORDEN.
    report = check("Postbus 100\n9999 ZZ Voorbeeldstad")
    assert report.metrics.lint.inhoudswoorden < MIN_INHOUDSWOORDEN
    assert report.metrics.lint.afgesloten_zinnen == 0
    assert report.niveau in ("A2", "B1")


def test_a_short_finished_sentence_gets_a_level_like_any_text():
    # Two content words, but a whole sentence: not a label, so no cap.
    label = check("Geredresseerde aanslag")
    sentence = check("De aanslag is geredresseerd.")
    assert sentence.metrics.lint.inhoudswoorden < MIN_INHOUDSWOORDEN
    assert sentence.metrics.lint.afgesloten_zinnen == 1
    assert label.niveau == "B1"
    assert sentence.niveau in ("B2", "C1")


def test_long_sentences_raise_the_level_by_the_guidance_not_by_the_fit():
    short = check("U vraagt de vergunning aan. Wij sturen u een brief.")
    long_sentence = (
        "Als u een parkeervergunning voor bewoners wilt aanvragen, moet u ingeschreven "
        "staan op een adres in het vergunninggebied en mag u samen met uw partner niet "
        "meer dan twee auto's op uw naam hebben staan, want anders kan het niet."
    )
    assert sentence_offset(short.metrics) == 0.0
    assert sentence_offset(check(long_sentence).metrics) > 2.0
    assert check(long_sentence).niveau in ("B2", "C1")


def test_the_metrics_carry_the_lint_features_and_the_lint_formula():
    report = check("Wij behandelen uw aanvraag binnen vier weken.")
    assert (
        report.to_dict()["metrics"]["lint"]["inhoudswoorden"]
        == report.metrics.lint.inhoudswoorden
    )
    assert 0.0 <= report.metrics.lint.lint_score() <= 100.0
