"""taal.lijdende-vorm: worden/zijn + voltooid deelwoord, and "er wordt"."""

from __future__ import annotations

import pytest

from contenthub.findings import Severity

from .helpers import findings_of, spans_of


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Uw aanvraag wordt binnen acht weken behandeld.",
            "wordt binnen acht weken behandeld",
        ),
        ("De container werd gisteren opgehaald.", "werd gisteren opgehaald"),
        ("De paspoorten worden in Den Haag gemaakt.", "worden in Den Haag gemaakt"),
        ("Uw aanvraag is goedgekeurd.", "is goedgekeurd"),
        (
            "Als het formulier volledig ingevuld is, sturen wij een brief.",
            "ingevuld is",
        ),
        (
            "Het formulier moet worden ondertekend door beide partners.",
            "worden ondertekend",
        ),
        ("De vergunning is ingetrokken.", "is ingetrokken"),
        ("De aanslag werd verstuurd op 1 maart.", "werd verstuurd"),
        ("Er wordt voldaan aan de eisen.", "wordt voldaan"),
        ("U wordt geadviseerd de brief te bewaren.", "wordt geadviseerd"),
        # Strong participles whose form without "-en" is another word.
        ("Er wordt hulp geboden.", "wordt hulp geboden"),
        ("De brief is gisteren gezonden.", "is gisteren gezonden"),
    ],
)
def test_passive_constructions_are_found(text, span):
    assert spans_of(text, "taal.lijdende-vorm") == [span]


def test_an_impersonal_passive_is_named_as_such():
    (finding,) = findings_of(
        "Er wordt gecontroleerd of u aan de regels voldoet.", "taal.lijdende-vorm"
    )
    assert "Onpersoonlijke lijdende vorm" in finding.message
    assert "gecontroleerd" in finding.message
    assert finding.severity is Severity.WAARSCHUWING


@pytest.mark.parametrize(
    "text",
    [
        "Wij behandelen uw aanvraag binnen acht weken.",
        "U bent verhuisd naar een andere gemeente.",  # verhuizen: perfect with zijn
        "Uw opa is overleden.",
        "Uw paspoort is verlopen.",
        "U bent verplicht om uw afval te scheiden.",  # adjective
        "Het stadhuis is gesloten op zondag.",
        "Het wordt een mooie dag.",  # worden as a copula
        "Hij wordt volgende week 18 jaar.",
        "In Voorbeeldstad zijn 12 standplaatsen.",
        "Repareren en vervangen zijn gratis.",  # infinitives
        "Er zijn een paar verschillen.",
        "Dat is het meldpunt voor vermiste en gevonden dieren.",  # adjective before a noun
        "Uw kind is in Voorbeeldstad geboren.",
        "Mijn paspoort is kwijt of gestolen.",  # a state (issue 19)
        "Uw fiets is gestolen.",
        # Issue 19, third set: a perfect with "zijn" and an inflected participle.
        "De regeling is op 1 januari in werking getreden.",
        "Wij zijn ons bewust dat woorden als gehandicapten niet ideaal zijn.",
    ],
)
def test_active_sentences_and_look_alikes_are_not_passive(text):
    assert findings_of(text, "taal.lijdende-vorm") == []


def test_a_perfect_passive_suggests_hebben():
    (finding,) = findings_of("Uw aanvraag is goedgekeurd.", "taal.lijdende-vorm")
    assert "Wij hebben … goedgekeurd" in finding.suggestion
    assert "U heeft" not in finding.suggestion


def test_many_passive_sentences_make_a_fout_for_the_whole_text():
    text = (
        "Uw aanvraag wordt door ons ontvangen. Daarna wordt de aanvraag beoordeeld. "
        "U wordt binnen acht weken geïnformeerd."
    )
    fouten = [
        f
        for f in findings_of(text, "taal.lijdende-vorm")
        if f.severity is Severity.FOUT
    ]
    assert len(fouten) == 1
    assert fouten[0].location.block is None
    assert "3 van de 3 zinnen" in fouten[0].message


def test_one_passive_among_several_active_sentences_is_no_fout():
    text = (
        "Maak online een afspraak. Neem uw oude paspoort mee. Uw foto wordt op het "
        "stadhuis gemaakt. U betaalt met uw pinpas."
    )
    severities = [f.severity for f in findings_of(text, "taal.lijdende-vorm")]
    assert severities == [Severity.WAARSCHUWING]
