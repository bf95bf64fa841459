"""taal.gemiddelde-zinslengte: on average at most 15 words per sentence."""

from __future__ import annotations

from .helpers import findings_of

LONGISH = (
    "U kunt bij ons een parkeervergunning aanvragen als u in het centrum van de stad "
    "woont. De vergunning geldt voor een heel jaar en u betaalt de kosten vooraf via "
    "de website. Wij sturen de vergunning binnen twee weken naar het adres waar u nu "
    "woont."
)


def test_a_text_with_long_sentences_on_average_warns():
    (finding,) = findings_of(LONGISH, "taal.gemiddelde-zinslengte")
    assert "gemiddeld 15,3 woorden" in finding.message
    assert finding.location.block is None


def test_short_sentences_on_average_are_fine():
    text = (
        "Vraag de vergunning online aan. U betaalt vooraf. Wij sturen de vergunning op."
    )
    assert findings_of(text, "taal.gemiddelde-zinslengte") == []


def test_two_sentences_are_too_few_to_judge_an_average():
    two = LONGISH.rsplit(" Wij", 1)[0]
    assert findings_of(two, "taal.gemiddelde-zinslengte") == []
