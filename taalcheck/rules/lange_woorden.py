"""Lange samengestelde woorden: "gehandicaptenparkeerkaartaanvraag".

Source: b1teksten.nl, "Voorbeelden van B1-teksten" (words of more than three
syllables are hard at B1) and the RVO schrijfwijzer ("Knip lange woorden
op"). Dutch writes compounds as one word, so length alone flags them; a word
of ``Settings.lang_woord_letters`` letters or more is a tip, from 20 letters a
waarschuwing. The suggestion names the parts, found with word frequencies.
"""

from __future__ import annotations

from contenthub.findings import Finding, Location, Severity

from ..lexicon import split_compound, zipf_to_frequency
from ..metrics import word_profile
from ..registry import Context, register

LANG = 20


@register
class LangeWoorden:
    """Long compound word; source: b1teksten.nl and the RVO schrijfwijzer."""

    id = "taal.lang-woord"
    naam = "Lang woord"

    def check(self, context: Context) -> list[Finding]:
        settings = context.settings
        minimum = zipf_to_frequency(settings.zeldzaam_zipf)
        findings = []
        seen: set[str] = set()
        for sentence, word in word_profile(context.document, settings).compounds:
            if word.lower in seen:
                continue  # once per word and text is enough
            seen.add(word.lower)
            parts = split_compound(word.lower.replace("-", ""), minimum)
            if parts:
                head, tail = parts
                suggestion = (
                    f"Dit woord bestaat uit '{head}' en '{tail}'. Kan het korter, "
                    f"bijvoorbeeld met alleen '{tail}', of omschreven als "
                    f"'{tail} voor/van {head.rstrip('s')}'?"
                )
            else:
                suggestion = "Gebruik een korter woord, of leg het woord uit."
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
                    suggestion=suggestion,
                    location=Location(
                        block=sentence.block, start=word.start, end=word.end
                    ),
                    excerpt=word.text,
                )
            )
        return findings
