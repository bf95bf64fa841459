"""The plain-English check a translation is judged by (taalcheck/engels.py)."""

from __future__ import annotations

import pytest

from contenthub.findings import Severity
from taalcheck.engels import check_english, reading_ease, syllables
from taalcheck.talen import checker_for

PLAIN = (
    "<p>You apply for a passport at the town hall. Bring a photo. You pay by card.</p>"
)
HARD = (
    "<p>In accordance with the regulations, applications shall be submitted prior "
    "to the commencement of the administrative procedure, notwithstanding any "
    "exceptional circumstances which may be determined by the municipality in "
    "consultation with the relevant authorities and institutions concerned.</p>"
)


def test_plain_english_passes_without_findings():
    report = check_english(PLAIN)
    assert report.passes
    assert report.findings == ()


def test_long_bureaucratic_passive_english_is_refused_with_reasons():
    report = check_english(HARD)
    rules = {finding.rule: finding for finding in report.findings}
    assert not report.passes
    assert rules["en.lange-zin"].severity is Severity.FOUT
    assert rules["en.leesgemak"].severity is Severity.FOUT
    assert report.reading_ease is not None
    assert report.reading_ease < 30
    assert rules["en.ambtelijk"].severity is Severity.WAARSCHUWING
    assert "before" in next(
        f.suggestion for f in report.findings if f.excerpt.lower() == "prior to"
    )
    assert rules["en.lijdende-vorm"].severity is Severity.TIP


def test_syllables_and_the_flesch_formula():
    assert [syllables(w) for w in ("make", "table", "passport", "municipality")] == [
        1,
        2,
        2,
        6,
    ]
    # 10 words of one syllable in one sentence: 206.835 - 10.15 - 84.6.
    assert reading_ease(10, 1, "a b c d e f g h i j".replace(" ", "a ") + "a") == (
        pytest.approx(206.835 - 1.015 * 10 - 84.6)
    )


def test_the_gate_picks_the_check_by_language():
    english = checker_for("en")
    dutch = checker_for("nl", niveau="B1")
    assert {f.rule for f in english(HARD)} >= {"en.lange-zin"}
    assert not {f.rule for f in dutch(HARD)} & {"en.lange-zin", "en.leesgemak"}
    with pytest.raises(LookupError):
        checker_for("fr")
