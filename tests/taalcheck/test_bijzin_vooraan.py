"""taal.bijzin-vooraan: a long subordinate clause before the main clause (a tip)."""

from __future__ import annotations

import pytest

from contenthub.findings import Severity

from .helpers import findings_of, spans_of


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Als u vragen over uw aanslag heeft, kunt u ons bellen.",
            "Als u vragen over uw aanslag heeft",
        ),
        (
            "Omdat de balie op maandag dicht is, komt u op dinsdag.",
            "Omdat de balie op maandag dicht is",
        ),
        (
            "Nadat wij uw aanvraag hebben ontvangen, sturen wij een brief.",
            "Nadat wij uw aanvraag hebben ontvangen",
        ),
    ],
)
def test_a_sentence_opening_with_a_subordinate_clause_gets_a_tip(text, span):
    assert spans_of(text, "taal.bijzin-vooraan") == [span]
    (finding,) = findings_of(text, "taal.bijzin-vooraan")
    assert finding.severity is Severity.TIP
    assert "Heeft u vragen?" in finding.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Heeft u vragen over uw aanslag? Bel ons dan.",
        "U kunt ons bellen als u vragen heeft.",
        "Als dat kan, komen wij langs.",  # a short opening is fine
        "Als bewijs neemt u uw paspoort mee.",  # "als" = "as", no clause
    ],
)
def test_main_clause_first_or_a_short_opening_is_fine(text):
    assert findings_of(text, "taal.bijzin-vooraan") == []
