"""taal.naamwoordstijl: "het doen van een aanvraag" → "aanvragen"."""

from __future__ import annotations

import pytest

from .helpers import findings_of, spans_of


@pytest.mark.parametrize(
    ("text", "span", "verb"),
    [
        (
            "Het doen van een aanvraag kost tijd.",
            "Het doen van een aanvraag",
            "aanvragen",
        ),
        ("U kunt een aanvraag doen bij de balie.", "een aanvraag doen", "aanvragen"),
        (
            "Doet u een aanvraag? Neem dan uw paspoort mee.",
            "Doet u een aanvraag",
            "aanvragen",
        ),
        (
            "De betaling vindt plaats via uw bank.",
            "De betaling vindt plaats",
            "betalen",
        ),
        ("Na ontvangst van uw brief bellen wij u.", "Na ontvangst van", "ontvangen"),
        (
            "Wij nemen een beslissing binnen een week.",
            "nemen een beslissing",
            "beslissen",
        ),
        (
            "Het invullen van het formulier duurt tien minuten.",
            "Het invullen van het formulier",
            # Named, not rewritten: "na het invullen van het formulier" does
            # not become "na het formulier invullen" (issue 19).
            "Gebruik het werkwoord 'invullen' zelf",
        ),
    ],
)
def test_nominalisations_are_found_with_the_verb(text, span, verb):
    assert spans_of(text, "taal.naamwoordstijl")[0].startswith(span)
    (finding,) = findings_of(text, "taal.naamwoordstijl")
    assert verb in finding.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Vraag uw paspoort aan bij de balie.",
        "Het kenteken van uw auto staat op de vergunning.",  # a noun on -en
        "Het leven van uw kind verandert.",
        "Maak een afspraak voor de balie.",
        "U kunt bezwaar maken tegen het besluit.",
    ],
)
def test_verbs_and_nouns_on_en_are_fine(text):
    assert findings_of(text, "taal.naamwoordstijl") == []
