"""Ambtelijke woorden: "indien" → "als", "middels" → "met", "teneinde" → "om".

Source: the list in ``data/ambtelijke_woorden.csv``; each row names its
source (see ``taalcheck.ambtelijk``).
"""

from __future__ import annotations

import re

from contenthub.findings import Finding, Location

from ..ambtelijk import Woordpaar, find_ambtelijk, vervanging, woordenlijst
from ..registry import Context, register

__all__ = ["AmbtelijkeWoorden", "woordenlijst"]


@register
class AmbtelijkeWoorden:
    """Ambtelijke woorden; source: RVO schrijfwijzer and the other lists named
    in ``data/ambtelijke_woorden.csv``.

    Severity comes from the list: ``fout`` where a plain word always fits
    ("indien" → "als"), ``waarschuwing`` or ``tip`` where the word also has an
    everyday meaning or is merely formal.
    """

    id = "taal.ambtelijk-woord"
    naam = "Ambtelijk woord"

    def check(self, context: Context) -> list[Finding]:
        document = context.document
        findings = []
        for treffer in find_ambtelijk(document, context.settings.woordenlijst):
            text = document.blocks[treffer.block].text[treffer.start : treffer.end]
            paar = treffer.paar
            findings.append(
                Finding(
                    rule=self.id,
                    severity=paar.ernst,
                    message=(
                        f"'{text.strip()}' is ambtelijke taal. Veel lezers kennen "
                        "het niet of vinden het stijf."
                    ),
                    suggestion=_suggestion(paar, text.strip()),
                    location=Location(
                        block=treffer.block, start=treffer.start, end=treffer.end
                    ),
                    excerpt=text.strip(),
                )
            )
        return findings


_NOTE = re.compile(r"\s*\(([^)]*)\)")


def _suggestion(paar: Woordpaar, gevonden: str) -> str:
    """A literal replacement only where the list gives one for this exact
    form; otherwise the word to use, and the writer fits it into the
    sentence. "a / b" in the list are options; "(…)" is a note."""
    eigen = vervanging(paar, gevonden)
    alternatief = eigen if eigen is not None else paar.alternatief
    if alternatief.startswith("~"):  # never literal: see the CSV header
        eigen, alternatief = None, alternatief[1:]
    notes = _NOTE.findall(alternatief)
    options = [o.strip() for o in _NOTE.sub("", alternatief).split("/") if o.strip()]
    note = f" ({notes[0]})" if notes else ""
    if not options:
        return f"Laat '{gevonden}' weg."
    quoted = [f"'{option}'" for option in options]
    choice = (
        quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} of {quoted[-1]}"
    )
    if eigen is not None:
        return f"Schrijf {choice} in plaats van '{gevonden}'{note}."
    return (
        f"Kies een gewoner woord in plaats van '{gevonden}', zoals {choice}{note}, "
        "en pas de zin daarop aan."
    )
