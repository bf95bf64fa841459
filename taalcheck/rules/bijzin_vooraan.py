"""Bijzin vooraan: a sentence that opens with a subordinate clause.

Source: b1teksten.nl, "B1 tegenover 'lekker leesbaar'" (a sentence that
starts with an aanloop makes the reader hold the first message while looking
for the second) and the VRU Schrijfwijzer 4.1.4 ("Vermijd lange aanloop:
houd het eerste zinsdeel kort"). Direct Duidelijk's alternative is a question
and an answer: "Heeft u vragen? Bel ons." instead of "Als u vragen heeft,
kunt u ons bellen."

Found: a sentence that starts with a subordinating conjunction (the shared
list ``data/voegwoorden.csv``, without the words that are usually an adverb
or a preposition, such as "daar" and "sinds") and has a comma after the
clause. A tip, not a warning: B1 texts may use it now and
then; the suggestion shows the question form.
"""

from __future__ import annotations

from contenthub.findings import Finding, Location, Severity

from ..registry import Context, register
from ..voegwoorden import BIJZIN_BEGIN

_MIN_WORDS = 4
"""A very short opening ("Als dat kan, …") is fine."""


@register
class BijzinVooraan:
    """Sentence opening with a subordinate clause; source: b1teksten.nl, VRU."""

    id = "taal.bijzin-vooraan"
    naam = "Bijzin vooraan"

    def check(self, context: Context) -> list[Finding]:
        document = context.document
        findings = []
        for sentence in document.sentences:
            words = sentence.words
            if len(words) < _MIN_WORDS + 2 or words[0].lower not in BIJZIN_BEGIN:
                continue
            text = sentence.text
            comma = text.find(",")
            if comma < 0:
                continue
            clause_words = sum(1 for w in words if w.start - sentence.start < comma)
            if clause_words < _MIN_WORDS:
                continue
            opener = words[0].text
            findings.append(
                Finding(
                    rule=self.id,
                    severity=Severity.TIP,
                    message=(
                        f"Deze zin begint met een bijzin ('{opener} …'). De lezer "
                        "moet die onthouden tot de hoofdzin komt."
                    ),
                    suggestion=(
                        "Begin met de hoofdzin, of maak van de bijzin een vraag: "
                        "'Heeft u vragen? Bel ons dan.' in plaats van 'Als u vragen "
                        "heeft, kunt u ons bellen.'"
                    ),
                    location=Location(
                        block=sentence.block,
                        start=sentence.start,
                        end=sentence.start + comma,
                    ),
                    excerpt=text[:comma],
                )
            )
        return findings
