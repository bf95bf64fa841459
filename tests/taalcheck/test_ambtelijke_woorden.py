"""taal.ambtelijk-woord: "indien" → "als", with a documented list of 150+ pairs."""

from __future__ import annotations

import pytest

from contenthub.findings import Severity
from taalcheck import check
from taalcheck.lexicon import DATA_DIR
from taalcheck.rules.ambtelijke_woorden import woordenlijst

from .helpers import findings_of, spans_of


@pytest.mark.parametrize(
    ("text", "span", "alternatief"),
    [
        ("Indien u vragen heeft, belt u ons.", "Indien", "als"),
        ("U betaalt middels een acceptgiro.", "middels", "met"),
        ("Neem uw paspoort mee teneinde uw identiteit aan te tonen.", "teneinde", "om"),
        ("Wij beslissen conform de regels van de gemeente.", "conform", "volgens"),
        ("De aanvang van de werkzaamheden is op 1 mei.", "aanvang", "begin"),
        ("Wij maken geld over ten behoeve van uw kind.", "ten behoeve van", "voor"),
        ("U dient het formulier voor 1 mei terug te sturen.", "dient", "moeten"),
        ("Wij hebben uw brief reeds ontvangen.", "reeds", "al"),
        ("U ontvangt tevens een nieuwe pas.", "tevens", "ook"),
        ("Wilt u het formulier retourneren?", "retourneren", "terugsturen"),
        ("De gemeente verstrekt een vergoeding.", "verstrekt", "geven"),
        ("Bent u woonachtig in Voorbeeldstad?", "woonachtig", "wonen"),
        ("Wij informeren u inzake uw aanvraag.", "inzake", "over"),
    ],
)
def test_ambtelijke_woorden_are_found_with_their_plain_alternative(
    text, span, alternatief
):
    (finding,) = findings_of(text, "taal.ambtelijk-woord")
    report_span = spans_of(text, "taal.ambtelijk-woord")[0]
    assert report_span == span
    assert alternatief in finding.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Als u vragen heeft, belt u ons.",
        "Dien uw bezwaar in binnen zes weken.",  # indienen, not "dienen te"
        "U kunt de aanvraag in te dienen stukken toevoegen.",
        "Deze brief dient als bewijs.",  # serve as
        "Welke papieren heeft u nodig?",  # question word, not a relative pronoun
        "Een wijze beslissing.",
        "Vraag een verklaring omtrent het gedrag (VOG) aan bij Justis.",  # glossary name
        "Neem contact op met de Verklaring Omtrent het Gedrag-balie.",
    ],
)
def test_ordinary_words_and_names_are_not_ambtelijk(text):
    assert findings_of(text, "taal.ambtelijk-woord") == []


def test_words_with_a_plain_alternative_always_are_fouten():
    (finding,) = findings_of(
        "Indien u vragen heeft, belt u ons.", "taal.ambtelijk-woord"
    )
    assert finding.severity is Severity.FOUT


def test_formal_but_understood_words_only_warn():
    (finding,) = findings_of(
        "Aangezien het regent, blijven wij binnen.", "taal.ambtelijk-woord"
    )
    assert finding.severity is Severity.WAARSCHUWING


def test_the_list_has_at_least_150_pairs_each_with_a_source():
    pairs = woordenlijst()
    assert len(pairs) >= 150
    assert len({p.woord.lower() for p in pairs}) == len(pairs)
    assert all(p.woord and p.alternatief and p.bron for p in pairs)


def test_the_list_file_names_its_sources_in_a_header_comment():
    lines = (
        (DATA_DIR / "ambtelijke_woorden.csv").read_text(encoding="utf-8").splitlines()
    )
    comment = "\n".join(line for line in lines if line.startswith("#"))
    assert "nl-design-system.github.io/rvo" in comment
    used = {p.bron for p in woordenlijst()}
    assert all(source in comment for source in used)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Dit geschiedt per brief.", "Schrijf 'gebeurt' in plaats van 'geschiedt'."),
        (
            "Het geschiedde vorig jaar.",
            "Schrijf 'gebeurde' in plaats van 'geschiedde'.",
        ),
    ],
)
def test_a_verb_form_gets_the_same_form_of_the_plain_verb(text, suggestion):
    (finding,) = findings_of(text, "taal.ambtelijk-woord")
    assert finding.suggestion == suggestion


def test_a_form_without_its_own_replacement_is_described_not_rewritten():
    (finding,) = findings_of(
        "U dient het formulier te tekenen.", "taal.ambtelijk-woord"
    )
    assert "Schrijf" not in finding.suggestion
    assert "'moeten'" in finding.suggestion
    assert "pas de zin daarop aan" in finding.suggestion


def test_a_replacement_with_another_article_is_never_literal():
    (finding,) = findings_of("U krijgt een rappel.", "taal.ambtelijk-woord")
    assert "Schrijf" not in finding.suggestion
    assert "'herinnering'" in finding.suggestion


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("U bent belanghebbende bij dit besluit.", "belanghebbende"),
        ("Stuur alle bescheiden mee.", "bescheiden"),
        ("Onverminderd artikel 3 geldt het volgende.", "Onverminderd"),
        ("U krijgt een tegemoetkoming in de kosten.", "tegemoetkoming"),
        ("U krijgt een beschikking per post.", "beschikking"),
        ("Na de bekendmaking kunt u reageren.", "bekendmaking"),
        ("Dit besluit heeft rechtsgevolgen.", "rechtsgevolgen"),
    ],
)
def test_the_words_issue_19_found_missing_are_flagged(text, word):
    assert spans_of(text, "taal.ambtelijk-woord") == [word]


def test_bescheiden_as_an_adjective_is_not_flagged():
    assert findings_of("Zij is een bescheiden vrouw.", "taal.ambtelijk-woord") == []


@pytest.mark.parametrize(
    ("text", "headword", "suggestion"),
    [
        (
            "Dit behelst een regel.",
            "behelzen",
            "Schrijf 'bevat' in plaats van 'behelst'.",
        ),
        (
            "Wij constateren een fout.",
            "constateren",
            "Schrijf 'zien' in plaats van 'constateren'.",
        ),
        (
            "Het is nagenoeg klaar.",
            "nagenoeg",
            "Schrijf 'bijna' in plaats van 'nagenoeg'.",
        ),
        (
            "De bovengenoemde regels gelden.",
            "bovengenoemde",
            "Schrijf 'genoemde' in plaats van 'bovengenoemde'.",
        ),
    ],
)
def test_words_from_the_onze_taal_list_get_a_replacement_that_fits(
    text, headword, suggestion
):
    (finding,) = [f for f in check(text).findings if f.rule == "taal.ambtelijk-woord"]
    assert finding.suggestion == suggestion
    (pair,) = [p for p in woordenlijst() if p.woord == headword]
    assert pair.bron == "onzetaal-modern"


def test_in_verband_met_is_replaced_by_a_preposition_only():
    """'omdat' does not fit the slot of 'in verband met' ("Omdat een
    personeelsbijeenkomst zijn wij gesloten" is not Dutch); 'door' does."""
    (finding,) = findings_of(
        "In verband met een personeelsbijeenkomst zijn wij gesloten.",
        "taal.ambtelijk-woord",
    )
    assert finding.suggestion == "Schrijf 'door' in plaats van 'In verband met'."
