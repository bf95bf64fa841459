"""Aanspreekvorm: address the reader consistently, "u" or "je", never both.

Source: Direct Duidelijk, schrijftips ("Spreek de lezer rechtstreeks aan met
u en uw. Gebruik je en je/jouw in informelere situaties"), and our own
FORMAT.md ("address the reader as 'u' everywhere"). A text that mixes the two
gets a waarschuwing on every use of the minority form.
"""

from __future__ import annotations

from contenthub.findings import Finding, Location, Severity

from ..registry import Context, register
from ..text import Word

_U = frozenset({"u", "uw", "uzelf"})
_JE = frozenset({"je", "jij", "jou", "jouw", "jezelf"})


@register
class Aanspreekvorm:
    """Mixed "u" and "je"; source: Direct Duidelijk and FORMAT.md."""

    id = "taal.aanspreekvorm"
    naam = "Aanspreekvorm"

    def check(self, context: Context) -> list[Finding]:
        u_forms: list[tuple[int, Word]] = []
        je_forms: list[tuple[int, Word]] = []
        for sentence in context.document.sentences:
            for word in sentence.words:
                if word.lower in _U:
                    u_forms.append((sentence.block, word))
                elif word.lower in _JE:
                    je_forms.append((sentence.block, word))
        if not u_forms or not je_forms:
            return []
        majority, minority = (
            ("u", "je") if len(u_forms) >= len(je_forms) else ("je", "u")
        )
        wrong = je_forms if minority == "je" else u_forms
        return [
            Finding(
                rule=self.id,
                severity=Severity.WAARSCHUWING,
                message=(
                    f"De tekst spreekt de lezer meestal aan met '{majority}', maar "
                    f"hier met '{word.text}'. Dat is verwarrend."
                ),
                suggestion=f"Kies één vorm: gebruik overal '{majority}'.",
                location=Location(block=block, start=word.start, end=word.end),
                excerpt=word.text,
            )
            for block, word in wrong
        ]
