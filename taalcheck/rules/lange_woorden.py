"""Lange samengestelde woorden: "gehandicaptenparkeerkaartaanvraag".

Source: b1teksten.nl, "Voorbeelden van B1-teksten" (words of more than three
syllables are hard at B1) and the RVO schrijfwijzer ("Knip lange woorden
op"). Dutch writes compounds as one word, so length alone flags them; a word
of ``Settings.lang_woord_letters`` letters or more is a tip, from 20 letters a
waarschuwing.

The advice rewrites a word only with a paraphrase from the curated list
``data/samenstellingen.csv`` (each row with its source). Otherwise it leaves
the wording to the writer: a generated "vergunning voor/van parkeer" is not
Dutch, and a split found with word frequencies can be wrong. A "word" of more than
``MAX_WORD`` characters is one finding without any dictionary search.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from contenthub.findings import Finding, Location, Severity

from ..lexicon import read_csv
from ..registry import Context, register
from ..text import MAX_WORD, shorten
from ..words import word_profile

LANG = 20


@dataclass(frozen=True, slots=True)
class Omschrijving:
    woord: str
    omschrijving: str
    bron: str


@cache
def omschrijvingen() -> dict[str, Omschrijving]:
    """The curated paraphrases, by lower-case word (also its plural)."""
    found: dict[str, Omschrijving] = {}
    for row in read_csv("samenstellingen.csv"):
        entry = Omschrijving(row["woord"], row["omschrijving"], row["bron"])
        for form in (row["woord"], *row["vormen"].split("|")):
            if form:
                found[form.lower()] = entry
    return found


def _is_address(lower: str) -> bool:
    return "." in lower or "@" in lower or "/" in lower


@register
class LangeWoorden:
    """Long compound word; source: b1teksten.nl and the RVO schrijfwijzer."""

    id = "taal.lang-woord"
    naam = "Lang woord"

    def check(self, context: Context) -> list[Finding]:
        settings = context.settings
        findings = []
        seen: set[str] = set()
        for sentence, word in word_profile(context.document, settings).compounds:
            if word.lower in seen or _is_address(word.lower):
                continue  # once per word and text is enough; links are no words
            seen.add(word.lower)
            location = Location(block=sentence.block, start=word.start, end=word.end)
            if len(word.text) > MAX_WORD:
                findings.append(self._overlong(word.text, location))
                continue
            findings.append(
                Finding(
                    rule=self.id,
                    severity=(
                        Severity.WAARSCHUWING
                        if len(word.text) >= LANG
                        else Severity.TIP
                    ),
                    message=(
                        f"'{word.text}' is een lang woord ({len(word.text)} letters). "
                        "Lange samenstellingen lezen moeilijk."
                    ),
                    suggestion=_suggestion(word.text),
                    location=location,
                    excerpt=word.text,
                )
            )
        return findings

    def _overlong(self, text: str, location: Location) -> Finding:
        return Finding(
            rule=self.id,
            severity=Severity.WAARSCHUWING,
            message=(
                f"Hier staan {len(text)} tekens zonder spatie. Zo lang is geen "
                "Nederlands woord."
            ),
            suggestion=(
                "Staan hier woorden zonder spatie ertussen, of is dit een code of "
                "een link? Zet spaties tussen de woorden, of haal de tekens weg."
            ),
            location=location,
            excerpt=shorten(text, 60),
        )


def _suggestion(text: str) -> str:
    entry = omschrijvingen().get(text.lower())
    if entry is not None:
        return f"Schrijf bijvoorbeeld '{entry.omschrijving}' in plaats van '{text}'."
    # No generated paraphrase, and no parts named: a split from word
    # frequencies can be wrong ("verkeersrege|laars").
    return "Gebruik een korter woord als dat kan, of leg het woord uit."
