"""The language of a question: Dutch or English, from its function words.

A citizen's question is short and often misspelt, so a character model
trained on newspapers gains little; the words that carry no subject ("de",
"het", "ik", "hoe" against "the", "my", "how", "what") are what separates
the two languages, and both lists are short enough to read. Each list holds
only words that are not ordinary words in the other language ("is", "in",
"we", "me", "of", "was", "had", "over", "want", "been" are in neither).

``detect_language`` counts the question's words on each list and names the
language with more; on a tie (also 0 against 0) it says ``None``, and the
caller keeps the language it had (the page's, the session's, else Dutch).

Limits, on purpose: a question of only subject words ("passport",
"paspoort kwijt", "grofvuil") is undecided; a question that mixes the
languages goes to the one with more function words ("how do I apply for
een parkeervergunning" is English); and only Dutch and English are known, so
a German or Polish question is undecided or counted as the language whose
words it happens to share ("die", "was").
"""

from __future__ import annotations

from contenthub.talen import SOURCE_LANGUAGE

from .normalise import words

_DUTCH_TEXT = """
    de het een en van ik je jij u uw mijn mn ons onze wat hoe waar wanneer
    waarom welk welke wie kan kun kunt moet moeten wil wilt willen niet geen
    voor met op aan bij naar dat die dit deze er ook zijn ben heb hebt heeft
    hebben kost kosten mag mogen graag alstublieft bedankt dank hoeveel
    nog al dan maar als om tot uit zo moet wordt worden zal zou
    hoi hallo goedemorgen goedemiddag iets iemand mij jullie hun hij zij
    wij ze
"""
DUTCH_WORDS = frozenset(_DUTCH_TEXT.split())
"""Dutch function words (and a few courtesies) that are no English words."""

_ENGLISH_TEXT = """
    the a an and i my your our what how where when why which who whom
    can could must should would will not no for with on at to from
    that this these those there also are am be being have has do does
    did don doesn didn isn aren cannot much many please thank thanks hello
    it its myself you she they them their get got need apply
    if or but so about
"""
ENGLISH_WORDS = frozenset(_ENGLISH_TEXT.split())
"""English function words (and a few frequent verbs of questions to a
gemeente: "get", "need", "apply") that are no Dutch words."""


def language_votes(vraag: str) -> tuple[int, int]:
    """How many words of ``vraag`` are Dutch and how many English function words."""
    found = words(vraag)
    return (
        sum(word in DUTCH_WORDS for word in found),
        sum(word in ENGLISH_WORDS for word in found),
    )


def detect_language(vraag: str) -> str | None:
    """``"nl"`` or ``"en"`` when the question's function words say so, else ``None``."""
    dutch, english = language_votes(vraag)
    if english > dutch:
        return "en"
    if dutch > english:
        return SOURCE_LANGUAGE
    return None
