"""taal.lang-woord: long compounds, with their parts as a suggestion."""

from __future__ import annotations

import pytest

from contenthub.findings import Severity
from taalcheck import Settings

from .helpers import findings_of, spans_of


def test_a_long_compound_from_the_curated_list_gets_its_paraphrase():
    (finding,) = findings_of(
        "Lees eerst de bezwaarschriftprocedure.", "taal.lang-woord"
    )
    assert finding.severity is Severity.WAARSCHUWING  # 23 letters
    assert finding.suggestion == (
        "Schrijf bijvoorbeeld 'bezwaarprocedure' in plaats van "
        "'bezwaarschriftprocedure'."
    )


def test_a_compound_built_on_a_glossary_term_is_not_a_long_word():
    assert (
        findings_of("Vraag een bewonersparkeervergunning aan.", "taal.lang-woord") == []
    )


def test_another_long_compound_gets_no_made_up_paraphrase_or_guessed_parts():
    (finding,) = findings_of(
        "Bel de verkeersregelaars van het evenement.", "taal.lang-woord"
    )
    assert finding.suggestion == (
        "Gebruik een korter woord als dat kan, of leg het woord uit."
    )


def test_a_web_address_is_not_a_long_word():
    assert (
        findings_of("Kijk op verlorenofgevonden.nl voor uw fiets.", "taal.lang-woord")
        == []
    )


def test_a_compound_of_17_letters_is_a_tip():
    (finding,) = findings_of("Geef uw verhuizingsdatum door.", "taal.lang-woord")
    assert finding.severity is Severity.TIP


@pytest.mark.parametrize(
    "text",
    [
        "Vraag een parkeervergunning aan.",  # 17 letters, but see the next test
        "Neem uw paspoort mee.",
    ],
)
def test_short_words_are_fine_with_a_higher_limit(text):
    assert (
        findings_of(text, "taal.lang-woord", settings=Settings(lang_woord_letters=18))
        == []
    )


def test_a_long_word_is_reported_once_per_text():
    text = "Uw verhuizingsdatum is nodig. Geef de verhuizingsdatum door."
    assert spans_of(text, "taal.lang-woord") == ["verhuizingsdatum"]


def test_glossary_terms_are_not_long_words():
    assert (
        findings_of("U heeft een omgevingsvergunning nodig.", "taal.lang-woord") == []
    )
