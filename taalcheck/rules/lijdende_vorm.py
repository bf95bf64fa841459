"""Lijdende vorm (passive voice): "wordt behandeld", "is goedgekeurd", "er wordt".

Source: Direct Duidelijk, schrijftips ("Schrijf actief: zeg wie iets doet"),
and the RVO schrijfwijzer ("Benoem duidelijk wie iets doet of moet doen
(actief taalgebruik, vermijd extra werkwoorden als 'worden')"). Finding the
passives is ``taalcheck.passief``.
"""

from __future__ import annotations

from contenthub.findings import Finding, Location, Severity

from ..passief import ZIJN, Passief, passive_sentence_count, passives
from ..registry import Context, register


def _suggestion(passive: Passief) -> str:
    """Who acts, described with one fixed example; the checker does not
    conjugate the writer's verb (it cannot know who the subject is)."""
    deelwoord = passive.deelwoord.text
    if passive.hulpwerkwoord.lower in ZIJN:
        return (
            f"Zeg wie het doet, met 'hebben': bijvoorbeeld 'Wij hebben … {deelwoord}'."
        )
    return (
        f"Zeg wie het doet: 'wij' of 'u' met het werkwoord van '{deelwoord}'. "
        "Bijvoorbeeld: niet 'uw aanvraag wordt behandeld', maar 'wij behandelen "
        "uw aanvraag'."
    )


@register
class LijdendeVorm:
    """Lijdende vorm; source: Direct Duidelijk and the RVO schrijfwijzer.

    Each passive is a waarschuwing. When more than
    ``Settings.max_lijdende_vorm`` of the sentences (and at least two) are
    passive, the text also gets a fout: then the reader keeps missing who acts.
    """

    id = "taal.lijdende-vorm"
    naam = "Lijdende vorm"

    def check(self, context: Context) -> list[Finding]:
        document = context.document
        findings: list[Finding] = []
        for passive in passives(document):
            sentence = passive.sentence
            block_text = document.blocks[sentence.block].text
            fragment = block_text[passive.start : passive.end]
            if passive.onpersoonlijk:
                message = (
                    f"Onpersoonlijke lijdende vorm: 'er {passive.hulpwerkwoord.lower} "
                    f"… {passive.deelwoord.text}'. De lezer ziet niet wie het doet."
                )
            else:
                message = f"Lijdende vorm: '{fragment}'. De lezer ziet niet meteen wie het doet."
            findings.append(
                Finding(
                    rule=self.id,
                    severity=Severity.WAARSCHUWING,
                    message=message,
                    suggestion=_suggestion(passive),
                    location=Location(
                        block=sentence.block, start=passive.start, end=passive.end
                    ),
                    excerpt=sentence.text,
                )
            )
        sentences = len(document.sentences)
        count = passive_sentence_count(document)
        if count >= 2 and count / sentences > context.settings.max_lijdende_vorm:
            findings.append(
                Finding(
                    rule=self.id,
                    severity=Severity.FOUT,
                    message=(
                        f"{count} van de {sentences} zinnen staan in de lijdende vorm. "
                        "Zo is de tekst te afstandelijk en onduidelijk voor taalniveau "
                        f"{context.niveau}."
                    ),
                    suggestion=(
                        "Herschrijf de zinnen met 'wordt', 'werd' of 'is … ge…' actief: "
                        "'Wij sturen u een brief' in plaats van 'U wordt een brief "
                        "gestuurd'."
                    ),
                    location=Location(),
                )
            )
        return findings
