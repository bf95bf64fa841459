"""taal.afkorting: explain an abbreviation the first time; no dotted abbreviations."""

from __future__ import annotations

import pytest

from taalcheck import Settings

from .helpers import findings_of, spans_of

NO_GLOSSARY = Settings(woordenlijst=frozenset())


def test_an_unexplained_abbreviation_gets_its_full_form_as_suggestion():
    (finding,) = findings_of("Neem uw BSN mee.", "taal.afkorting", settings=NO_GLOSSARY)
    assert "burgerservicenummer (BSN)" in finding.suggestion


def test_an_unknown_abbreviation_asks_to_write_it_out():
    (finding,) = findings_of("Meld u bij het KCC van de gemeente.", "taal.afkorting")
    assert "Schrijf de eerste keer voluit wat 'KCC' betekent" in finding.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Neem uw burgerservicenummer (BSN) mee. Uw BSN staat op uw paspoort.",
        "Neem uw BSN (burgerservicenummer) mee.",
        "De Wet maatschappelijke ondersteuning helpt u. Via de Wmo krijgt u hulp.",
        "Alle landen van de EU doen mee.",  # known to everyone
        "LET OP: de balie is dicht.",  # capitals for emphasis
    ],
)
def test_explained_and_well_known_abbreviations_are_fine(text):
    assert findings_of(text, "taal.afkorting", settings=NO_GLOSSARY) == []


def test_a_glossary_abbreviation_is_not_flagged():
    assert findings_of("Neem uw BSN mee.", "taal.afkorting") == []


def test_a_dotted_abbreviation_is_written_out():
    (finding,) = findings_of("Neem bijv. uw paspoort mee.", "taal.afkorting")
    assert "bijvoorbeeld" in finding.suggestion
    assert spans_of("Neem bijv. uw paspoort mee.", "taal.afkorting") == ["bijv."]


def test_an_abbreviation_is_reported_once():
    text = "Neem uw BSN mee. Uw BSN staat op uw paspoort."
    assert len(findings_of(text, "taal.afkorting", settings=NO_GLOSSARY)) == 1
