"""taal.niveau and the score: the level of the whole text, and ranking rewrites."""

from __future__ import annotations

import pytest

from contenthub.findings import Severity
from taalcheck import check
from taalcheck.metrics import level, moeilijkheid

# Before/after pairs in the style of the RVO schrijfwijzer (our own sentences).
PAIRS = [
    (
        "Indien u niet tijdig tot betaling overgaat, zijn wij genoodzaakt de "
        "invordering van het verschuldigde bedrag ter hand te nemen.",
        "Betaal op tijd. Anders moeten wij het geld bij u ophalen.",
    ),
    (
        "De aanvraag dient middels het daartoe bestemde formulier te worden "
        "ingediend bij de afdeling Vergunningen.",
        "Vraag de vergunning aan met het formulier op onze website.",
    ),
    (
        "Na ontvangst van de benodigde bescheiden wordt uw aanvraag in behandeling genomen.",
        "Wij behandelen uw aanvraag als wij alle papieren hebben.",
    ),
]


@pytest.mark.parametrize(("original", "rewrite"), PAIRS)
def test_a_plain_rewrite_scores_easier_than_the_original(original, rewrite):
    assert check(rewrite).score < check(original).score


def test_a_hard_text_gets_a_fout_for_its_level():
    (finding,) = [f for f in check(PAIRS[0][0]).findings if f.rule == "taal.niveau"]
    assert finding.severity is Severity.FOUT
    assert "de norm is B1" in finding.message


def test_a_plain_text_gets_no_level_finding():
    assert not [f for f in check(PAIRS[0][1]).findings if f.rule == "taal.niveau"]


def test_the_same_text_may_pass_at_a_higher_requested_level():
    text = PAIRS[1][0]
    assert not check(text, niveau="B1").passes
    report = check(text, niveau="C1")
    assert not [f for f in report.findings if f.rule == "taal.niveau"]


@pytest.mark.parametrize(
    ("score", "expected"),
    [(0, "A2"), (55, "A2"), (80, "B1"), (100, "B1"), (120, "B2"), (200, "C1")],
)
def test_the_score_maps_to_a_level(score, expected):
    assert level(score) == expected


def test_the_summary_gives_the_level_a_number_with_its_direction_and_the_main_cause():
    long_sentences = (
        "Als u een parkeervergunning voor bewoners wilt aanvragen, moet u ingeschreven "
        "staan op een adres in het vergunninggebied en mag u samen met uw partner niet "
        "meer dan twee auto's op uw naam hebben staan, want anders kan het niet."
    )
    report = check(long_sentences)
    assert report.samenvatting.startswith(f"Niveau {report.niveau}: moeilijkheid ")
    assert "van 100 (B1 is tot 50)." in report.samenvatting
    assert report.samenvatting.endswith("Vooral: de zinnen zijn te lang.")
    assert report.moeilijkheid == round(report.score / 2)
    plain = check("Heeft u vragen? Bel ons.")
    assert plain.moeilijkheid < report.moeilijkheid
    assert plain.samenvatting.endswith("binnen de grenzen van B1.")


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (0.0, 0),
        (99.0, 50),
        (100.0, 50),
        (100.4, 51),
        (101.0, 51),
        (130.0, 65),
        (400.0, 100),
    ],
)
def test_a_score_over_the_b1_limit_never_reads_as_the_limit(score, expected):
    # 100.4 is B2; "moeilijkheid 50 van 100 (B1 is tot 50)" would contradict it.
    assert moeilijkheid(score) == expected
    assert (moeilijkheid(score) > 50) == (level(score) not in ("A2", "B1"))
