"""check(): verdict, level, score, metrics, block mapping and input limits."""

from __future__ import annotations

import pytest
import textstat

from contenthub.findings import Severity
from taalcheck import NIVEAUS, Report, Settings, TaalcheckError, check

PLAIN = (
    "Wij maken uw nieuwe paspoort binnen vijf werkdagen. U haalt het op bij de "
    "balie van het stadhuis. Neem uw oude paspoort mee."
)

# A deliberately bad product text: jargon, passive voice and a sentence of 35
# words. The publication gate must block it.
BAD = (
    "<p>Indien u een nieuw paspoort wenst aan te vragen, dient het "
    "aanvraagformulier middels DigiD volledig te worden ingevuld en dient u "
    "tevens de benodigde bescheiden conform de geldende regels binnen de "
    "gestelde termijn bij de gemeente in te leveren.</p>"
    "<p>Uw aanvraag wordt door de afdeling Publiekszaken in behandeling genomen. "
    "Er wordt gecontroleerd of alle gegevens juist zijn ingevuld.</p>"
)


def test_a_plain_text_passes_b1_with_a_low_score():
    report = check(PLAIN)
    assert isinstance(report, Report)
    assert report.passes is True
    assert report.niveau in ("A2", "B1")
    assert report.score < 100
    assert report.fouten == 0


def test_a_deliberately_bad_product_text_fails_with_fouten():
    report = check(BAD)
    assert report.passes is False
    assert report.niveau in ("B2", "C1")
    rules = {f.rule for f in report.findings if f.severity is Severity.FOUT}
    assert {"taal.lange-zin", "taal.ambtelijk-woord", "taal.lijdende-vorm"} <= rules


def test_a_plain_rewrite_scores_lower_than_its_original():
    original = (
        "Indien de aanvraag niet tijdig wordt ingediend, kan de gemeente niet "
        "garanderen dat het nieuwe document voor de gewenste datum gereed is."
    )
    rewrite = "Vraag uw paspoort op tijd aan. Dan is het klaar voor uw reis."
    assert check(rewrite).score < check(original).score


def test_metrics_count_words_sentences_and_flesch_douma_like_textstat():
    metrics = check(PLAIN).metrics
    assert (metrics.words, metrics.sentences, metrics.longest_sentence) == (23, 3, 10)
    assert metrics.average_sentence_length == pytest.approx(23 / 3, abs=0.01)
    textstat.set_lang("nl")
    assert metrics.flesch_douma == pytest.approx(
        textstat.flesch_reading_ease(PLAIN), abs=0.1
    )


def test_metrics_of_the_bad_text_show_passive_and_ambtelijke_woorden():
    metrics = check(BAD).metrics
    assert metrics.passive_sentences == 3
    assert metrics.ambtelijke_woorden >= 6
    assert metrics.longest_sentence > 35


def test_findings_point_to_the_paragraph_or_list_item_they_are_in():
    report = check(
        "<p>Kom langs op het stadhuis.</p><ul><li>Neem uw paspoort mee.</li>"
        "<li>Betaal middels uw pinpas.</li></ul>"
    )
    (finding,) = [f for f in report.findings if f.rule == "taal.ambtelijk-woord"]
    assert finding.location.block == 2
    assert report.blocks[2][finding.location.start : finding.location.end] == "middels"


def test_plain_text_and_html_give_the_same_findings_for_the_same_words():
    html = check("<p>Betaal middels uw pinpas.</p>")
    plain = check("Betaal middels uw pinpas.")
    assert [f.location for f in html.findings] == [f.location for f in plain.findings]


def test_empty_text_passes_with_zero_metrics():
    report = check("")
    assert report.passes is True
    assert report.metrics.words == 0
    assert report.findings == ()


def test_input_over_the_size_limit_is_refused_with_a_dutch_message():
    with pytest.raises(TaalcheckError, match="te groot"):
        check("woord " * 200_001)


def test_the_size_limit_is_a_setting():
    with pytest.raises(TaalcheckError, match="100 bytes"):
        check("a" * 101, settings=Settings(max_invoer_bytes=100))
    assert check("a" * 100, settings=Settings(max_invoer_bytes=100)).passes


def test_the_size_limit_counts_bytes_not_characters():
    with pytest.raises(TaalcheckError):
        check("é" * 60, settings=Settings(max_invoer_bytes=100))


def test_a_large_text_under_the_limit_is_checked_quickly():
    import time

    text = (PLAIN + "\n\n") * 2000  # about 46,000 words, 250 kB
    start = time.process_time()  # CPU time: other jobs on the machine do not count
    report = check(text)
    assert report.metrics.words == 46_000
    assert time.process_time() - start < 10


@pytest.mark.parametrize("value", [None, 42, b"bytes"])
def test_input_that_is_not_text_is_refused(value):
    with pytest.raises(TaalcheckError, match="alleen tekst"):
        check(value)  # type: ignore[arg-type]


def test_an_unknown_level_is_refused():
    with pytest.raises(TaalcheckError, match="Onbekend taalniveau"):
        check(PLAIN, niveau="B3")


def test_sentence_limits_follow_the_requested_level():
    sentence = " ".join(["woord"] * 22) + "."
    assert not [
        f for f in check(sentence, niveau="C1").findings if f.rule == "taal.lange-zin"
    ]
    (warning,) = [
        f for f in check(sentence, niveau="B1").findings if f.rule == "taal.lange-zin"
    ]
    assert warning.severity is Severity.WAARSCHUWING
    (error,) = [
        f for f in check(sentence, niveau="A2").findings if f.rule == "taal.lange-zin"
    ]
    assert error.severity is Severity.FOUT


def test_passes_is_false_when_the_estimated_level_is_above_the_requested_one():
    report = check(BAD, niveau="B1")
    assert NIVEAUS.index(report.niveau) > NIVEAUS.index("B1")
    assert not report.passes


def test_a_switched_off_rule_reports_nothing():
    text = "Betaal middels uw pinpas."
    settings = Settings(uitgeschakelde_regels=frozenset({"taal.ambtelijk-woord"}))
    assert not [
        f
        for f in check(text, settings=settings).findings
        if f.rule == "taal.ambtelijk-woord"
    ]


def test_every_finding_has_a_dutch_message_and_a_suggestion():
    for finding in check(BAD).findings:
        assert finding.rule.startswith("taal.")
        assert finding.message
        assert finding.suggestion


def test_the_report_converts_to_json_ready_data():
    import json

    data = check(BAD).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["passes"] is False
    assert {"words", "flesch_douma", "rare_word_share"} <= set(data["metrics"])
    assert data["findings"][0]["severity"] in ("fout", "waarschuwing", "tip")
