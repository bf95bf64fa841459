"""taal.lang-woord: long compounds, with their parts as a suggestion."""

from __future__ import annotations

import pytest

from contenthub.findings import Severity
from taalcheck import Settings

from .helpers import findings_of, spans_of


def test_a_long_compound_gets_a_tip_naming_its_parts():
    (finding,) = findings_of(
        "Vraag een bewonersparkeervergunning aan.", "taal.lang-woord"
    )
    assert finding.severity is Severity.WAARSCHUWING  # 25 letters
    assert "'bewoners'" in finding.suggestion
    assert "'parkeervergunning'" in finding.suggestion


def test_a_compound_of_17_letters_is_a_tip():
    (finding,) = findings_of("Neem uw identiteitsbewijs mee.", "taal.lang-woord")
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
    text = "Uw identiteitsbewijs is nodig. Neem het identiteitsbewijs mee."
    assert spans_of(text, "taal.lang-woord") == ["identiteitsbewijs"]


def test_glossary_terms_are_not_long_words():
    assert (
        findings_of("U heeft een omgevingsvergunning nodig.", "taal.lang-woord") == []
    )
