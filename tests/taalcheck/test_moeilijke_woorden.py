"""taal.moeilijk-woord: rare words, but not numbers, names or glossary terms."""

from __future__ import annotations

import pytest

from contenthub.findings import Severity
from taalcheck import Settings

from .helpers import findings_of, spans_of


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("U ontvangt een ingebrekestelling als wij te laat zijn.", "ingebrekestelling"),
        ("Vraag een apostille aan bij de balie.", "apostille"),
        ("Voor een buitenlandse akte heeft u soms een apostille nodig.", "apostille"),
        ("De gemeente onderzoekt de precariobelasting.", "precariobelasting"),
    ],
)
def test_rare_words_are_flagged(text, word):
    assert spans_of(text, "taal.moeilijk-woord") == [word]


@pytest.mark.parametrize(
    "text",
    [
        "U krijgt een brief van de gemeente.",
        "Bel ons op 14 0999 of kom op 12-03-2026 om 09.30 uur.",  # numbers
        "Mevrouw Wijnbergen-Oosterhuis woont in Voorbeeldstad.",  # names
        "Zet de afvalcontainer op de ophaaldag aan de straat.",  # compounds of common words
        "Hij sorteert het afval en ophaalt het later.",  # inflected verbs
        "Kijk op www.voorbeeldstad.example voor de openingstijden.",  # web address
        "U heeft een omgevingsvergunning nodig.",  # glossary term
        "Wij betalen de kosten ingevolge de wet.",  # ambtelijk: its own rule
    ],
)
def test_common_words_numbers_names_and_glossary_terms_are_not_flagged(text):
    assert findings_of(text, "taal.moeilijk-woord") == []


def test_a_glossary_term_is_no_longer_flagged():
    text = "Vraag een apostille aan bij de balie."
    assert spans_of(text, "taal.moeilijk-woord") == ["apostille"]
    settings = Settings(woordenlijst=frozenset({"Apostille"}))
    assert findings_of(text, "taal.moeilijk-woord", settings=settings) == []


def test_the_second_use_of_a_rare_word_is_only_a_tip():
    text = "Vraag een apostille aan. De apostille is gratis."
    severities = [f.severity for f in findings_of(text, "taal.moeilijk-woord")]
    assert severities == [Severity.WAARSCHUWING, Severity.TIP]


def test_the_threshold_is_a_setting():
    text = "U krijgt een brief van de gemeente."
    strict = Settings(zeldzaam_zipf=5.5)
    assert "gemeente" in spans_of(text, "taal.moeilijk-woord", settings=strict)
