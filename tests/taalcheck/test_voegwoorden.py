"""One list of subordinating conjunctions (data/voegwoorden.csv), read by the
LiNT-style clause count, the passive finder and taal.bijzin-vooraan."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from taalcheck import check, lint, passief
from taalcheck.lexicon import read_csv
from taalcheck.text import analyse
from taalcheck.voegwoorden import BIJZIN_BEGIN, ONDERSCHIKKEND

from .helpers import spans_of

PACKAGE = Path(lint.__file__).resolve().parent


def test_the_list_is_read_from_the_shipped_file():
    rows = read_csv("voegwoorden.csv")
    assert {row["woord"] for row in rows} == ONDERSCHIKKEND
    assert {"omdat", "zodat", "zolang", "daar", "sinds"} <= ONDERSCHIKKEND
    assert "daar" not in BIJZIN_BEGIN
    assert "sinds" not in BIJZIN_BEGIN
    assert "ondanks" not in ONDERSCHIKKEND  # a preposition
    assert all(row["bron"] for row in rows)


def test_every_reader_uses_the_whole_list():
    assert ONDERSCHIKKEND <= lint._FUNCTION_WORDS
    assert all(lint._ROLES[word] == lint._SUBORDINATE for word in BIJZIN_BEGIN)
    assert ONDERSCHIKKEND <= passief._NA_DEELWOORD


@pytest.mark.parametrize(
    "module",
    ["lint.py", "passief.py", "rules/bijzin_vooraan.py"],
)
def test_no_module_writes_its_own_copy(module):
    """A conjunction that only starts a clause ("omdat", "zolang") appears
    in no word list of the code any more: only in the data file."""
    source = (PACKAGE / module).read_text(encoding="utf-8")
    literals = set(re.findall(r'^\s+"([a-z]+)",$', source, flags=re.MULTILINE))
    only_conjunctions = ONDERSCHIKKEND - {"als", "wanneer", "daar", "sinds", "toen"}
    assert not literals & only_conjunctions


def test_a_conjunction_from_the_list_opens_a_clause_in_the_lint_features():
    one = lint.lint_features(
        analyse("U kunt bij de balie blijven wachten tot het donker wordt."),
        frozenset(),
    )
    two = lint.lint_features(
        analyse("U kunt bij de balie blijven wachten zolang het licht is."),
        frozenset(),
    )
    # Same number of content words; "zolang" (not in the old clause list)
    # starts a second clause.
    assert one.inhoudswoorden == two.inhoudswoorden
    assert two.inhoudswoorden_per_deelzin == pytest.approx(
        one.inhoudswoorden_per_deelzin / 2
    )


def test_a_sentence_opening_with_toen_gets_the_tip():
    text = "Toen wij uw aanvraag hadden ontvangen, stuurden wij een brief."
    assert spans_of(text, "taal.bijzin-vooraan") == [
        "Toen wij uw aanvraag hadden ontvangen"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ondanks de regen van vannacht en vanmorgen, gaat de markt gewoon door.",
        "Daar kunt u terecht met vragen over afval, grofvuil en containers.",
    ],
)
def test_a_preposition_or_adverb_is_not_a_subordinate_clause(text):
    assert spans_of(text, "taal.bijzin-vooraan") == []


def test_a_participle_before_any_conjunction_of_the_list_ends_its_clause():
    report = check("De rekening is betaald voordat de brief kwam.")
    assert [f.rule for f in report.findings if f.rule == "taal.lijdende-vorm"] == [
        "taal.lijdende-vorm"
    ]
