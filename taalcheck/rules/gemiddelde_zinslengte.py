"""Gemiddelde zinslengte: on average at most 15 words per sentence (B1).

Source: Direct Duidelijk, schrijftips, and Communicatie Rijk, "Taalniveau
B1": "gemiddeld niet meer dan 15 woorden per zin". Only judged on texts of at
least three sentences; a single long sentence is ``taal.lange-zin``.
"""

from __future__ import annotations

from contenthub.findings import Finding, Location, Severity

from ..registry import Context, register

MIN_SENTENCES = 3


def _komma(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


@register
class GemiddeldeZinslengte:
    """Average sentence length; source: Direct Duidelijk, Communicatie Rijk."""

    id = "taal.gemiddelde-zinslengte"
    naam = "Gemiddelde zinslengte"

    def check(self, context: Context) -> list[Finding]:
        metrics = context.metrics
        limit = context.settings.gemiddelde_zinslengte
        if (
            metrics.sentences < MIN_SENTENCES
            or metrics.average_sentence_length <= limit
        ):
            return []
        return [
            Finding(
                rule=self.id,
                severity=Severity.WAARSCHUWING,
                message=(
                    f"De zinnen hebben gemiddeld {_komma(metrics.average_sentence_length)} "
                    f"woorden. Voor taalniveau {context.niveau} is dat meer dan "
                    f"{limit:g}."
                ),
                suggestion=(
                    f"Knip de langste zinnen (de langste heeft "
                    f"{metrics.longest_sentence} woorden) in twee. Zet per zin één "
                    "boodschap."
                ),
                location=Location(),
            )
        ]
