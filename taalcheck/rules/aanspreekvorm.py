"""Aanspreekvorm: address the reader consistently, "u" or "je", never both.

Source: Direct Duidelijk, schrijftips ("Spreek de lezer rechtstreeks aan met
u en uw. Gebruik je en je/jouw in informelere situaties"), and our own
FORMAT.md ("address the reader as 'u' everywhere"). A text that mixes the two
gets a waarschuwing on every use of the minority form.
"""

from __future__ import annotations

import re

from contenthub.findings import Finding, Location, Severity

from ..registry import Context, register

_U = re.compile(r"\b(?:u|uw|uzelf)\b", re.IGNORECASE)
_JE = re.compile(r"\b(?:je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)


@register
class Aanspreekvorm:
    """Mixed "u" and "je"; source: Direct Duidelijk and FORMAT.md."""

    id = "taal.aanspreekvorm"
    naam = "Aanspreekvorm"

    def check(self, context: Context) -> list[Finding]:
        u_forms: list[tuple[int, re.Match[str]]] = []
        je_forms: list[tuple[int, re.Match[str]]] = []
        for block in context.document.blocks:
            u_forms += [(block.index, m) for m in _U.finditer(block.text)]
            je_forms += [(block.index, m) for m in _JE.finditer(block.text)]
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
                    f"hier met '{match.group()}'. Dat is verwarrend."
                ),
                suggestion=f"Kies één vorm: gebruik overal '{majority}'.",
                location=Location(block=block, start=match.start(), end=match.end()),
                excerpt=match.group(),
            )
            for block, match in wrong
        ]
