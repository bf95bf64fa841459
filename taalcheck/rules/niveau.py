"""Taalniveau: the estimated level of the whole text is above the requested one.

Source: the score in ``taalcheck.metrics`` (sentence length, long and rare
words, passive voice and ambtelijke woorden against the B1 guidance of
Direct Duidelijk and Communicatie Rijk). A fout: the publication gate blocks
a text that is too hard, even when no single sentence breaks a rule.
"""

from __future__ import annotations

from contenthub.findings import Finding, Location, Severity

from ..config import NIVEAUS
from ..registry import Context, register


@register
class Niveau:
    """Estimated level above the requested level; source: taalcheck.metrics."""

    id = "taal.niveau"
    naam = "Taalniveau"

    def check(self, context: Context) -> list[Finding]:
        if NIVEAUS.index(context.estimated) <= NIVEAUS.index(context.niveau):
            return []
        metrics = context.metrics
        reasons = []
        if metrics.average_sentence_length > context.settings.gemiddelde_zinslengte:
            reasons.append(
                f"de zinnen zijn gemiddeld {metrics.average_sentence_length:.0f} woorden"
            )
        if metrics.rare_word_share > 0.05:
            reasons.append(
                f"{metrics.rare_word_share:.0%} van de woorden is weinig gebruikt"
            )
        if metrics.long_word_share > 0.15:
            reasons.append(f"{metrics.long_word_share:.0%} van de woorden is lang")
        if metrics.passive_sentences:
            reasons.append(f"{metrics.passive_sentences} zin(nen) in de lijdende vorm")
        if metrics.ambtelijke_woorden:
            reasons.append(f"{metrics.ambtelijke_woorden} ambtelijk(e) woord(en)")
        why = "; ".join(reasons) or "de woorden en zinnen zijn samen te moeilijk"
        return [
            Finding(
                rule=self.id,
                severity=Severity.FOUT,
                message=(
                    f"De taalcheck schat deze tekst op taalniveau {context.estimated}; "
                    f"de norm is {context.niveau}. Oorzaak: {why}."
                ),
                suggestion=(
                    "Maak de zinnen korter, gebruik gewone woorden en schrijf actief. "
                    "Los eerst de fouten en waarschuwingen hieronder op."
                ),
                location=Location(),
            )
        ]
