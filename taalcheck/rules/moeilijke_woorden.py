"""Moeilijke woorden: words that are rare in everyday Dutch.

Source: word frequencies from ``wordfreq`` (Dutch "large" list, which merges
subtitles, Wikipedia, news and web text). A B1 reader knows the common words
of the language (Communicatie Rijk, "Taalniveau B1": "veelgebruikte
woorden"); a word below ``Settings.zeldzaam_zipf`` (default 3, once per
million words) is probably outside that vocabulary.

Not flagged: numbers, names (a capital inside a sentence), abbreviations
(``taal.afkorting``), glossary terms and their compounds, ambtelijke woorden
(``taal.ambtelijk-woord`` gives a better suggestion), and compounds of two
common words ("afvalcontainer"), which ``taal.lang-woord`` judges instead.
"""

from __future__ import annotations

from contenthub.findings import Finding, Location, Severity

from ..ambtelijk import find_ambtelijk
from ..lexicon import zipf
from ..registry import Context, register
from ..words import word_profile


@register
class MoeilijkeWoorden:
    """Rare word; source: wordfreq (Dutch) and the B1 guidance on common words."""

    id = "taal.moeilijk-woord"
    naam = "Moeilijk woord"

    def check(self, context: Context) -> list[Finding]:
        document = context.document
        covered = {
            (treffer.block, offset)
            for treffer in find_ambtelijk(document, context.settings.woordenlijst)
            for offset in range(treffer.start, treffer.end)
        }
        findings = []
        seen: set[str] = set()
        for sentence, word in word_profile(document, context.settings).rare:
            if (sentence.block, word.start) in covered:
                continue
            first = word.lower not in seen
            seen.add(word.lower)
            findings.append(
                Finding(
                    rule=self.id,
                    severity=Severity.WAARSCHUWING if first else Severity.TIP,
                    message=(
                        f"'{word.text}' is een weinig gebruikt woord "
                        f"(frequentie {zipf(word.lower):.1f} op de Zipf-schaal). "
                        "Niet iedereen kent het."
                    ),
                    suggestion=(
                        f"Gebruik een gewoner woord voor '{word.text}', of leg het "
                        "de eerste keer uit. Is het een vaste term van de gemeente? "
                        "Dan kan de beheerder het in de woordenlijst van de "
                        "taalcheck zetten."
                    ),
                    location=Location(
                        block=sentence.block, start=word.start, end=word.end
                    ),
                    excerpt=word.text,
                )
            )
        return findings
