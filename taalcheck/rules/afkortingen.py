"""Onverklaarde afkortingen: "BSN" without "burgerservicenummer (BSN)".

Source: Provincie Zuid-Holland schrijfwijzer ("Schrijf hem eerst voluit met
de afkorting tussen haakjes erachter") and Radar, "Makkelijke taal" ("Gebruik
geen afkortingen"); our own FORMAT.md asks the same. The known abbreviations
and their full forms are in ``data/afkortingen.csv``.

An abbreviation is explained when, at its first use, the full form stands in
brackets next to it ("BSN (burgerservicenummer)", "burgerservicenummer
(BSN)"), or when the full form from the list appears earlier in the text.
Glossary terms and abbreviations everybody knows ("EU") are never flagged.
Abbreviations with dots ("bijv.", "o.a.") are always written out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from contenthub.findings import Finding, Location, Severity

from ..lexicon import read_csv, zipf
from ..registry import Context, register
from .ambtelijke_woorden import find_ambtelijk

_ACRONYM = re.compile(r"(?<![\w-])(?=\w*[A-Z]\w*[A-Z])[A-Za-z]{2,7}(?![\w])")


@dataclass(frozen=True, slots=True)
class Afkorting:
    afkorting: str
    voluit: str
    bekend: bool


@cache
def afkortingen() -> dict[str, Afkorting]:
    return {
        row["afkorting"]: Afkorting(
            row["afkorting"], row["voluit"], row["bekend"] == "ja"
        )
        for row in read_csv("afkortingen.csv")
    }


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    known = afkortingen()
    dotted = [key for key in known if not key.isalnum()]
    plain = [key for key in known if key.isalnum()]
    dotted_re = re.compile(
        r"(?<![\w.])(?:"
        + "|".join(map(re.escape, sorted(dotted, key=len, reverse=True)))
        + r")(?![\w])",
        re.IGNORECASE,
    )
    known_re = re.compile(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, plain)) + r")(?![\w])"
    )
    return dotted_re, known_re


def _explained(text: str, start: int, end: int, voluit: str, before: str) -> bool:
    after = text[end:].lstrip()
    if after.startswith("("):
        return True
    if text[:start].rstrip().endswith("(") and text[end:].lstrip().startswith(")"):
        return True
    return bool(voluit) and voluit.lower() in before.lower()


@register
class Afkortingen:
    """Unexplained abbreviation; source: Zuid-Holland schrijfwijzer, Radar."""

    id = "taal.afkorting"
    naam = "Afkorting"

    def check(self, context: Context) -> list[Finding]:
        document = context.document
        glossary = context.settings.woordenlijst_lower
        known = afkortingen()
        known_lower = {key.lower(): value for key, value in known.items()}
        dotted_re, known_re = _patterns()
        covered = {
            (t.block, t.start)
            for t in find_ambtelijk(document, context.settings.woordenlijst)
        }
        seen: set[str] = set()
        findings = []
        before = ""
        for block in document.blocks:
            text = block.text
            matches = sorted(
                [(m.start(), m.end(), True) for m in dotted_re.finditer(text)]
                + [(m.start(), m.end(), False) for m in _ACRONYM.finditer(text)]
                + [(m.start(), m.end(), False) for m in known_re.finditer(text)]
            )
            last_end = -1
            for start, end, dotted in matches:
                if start < last_end:
                    continue
                last_end = end
                token = text[start:end]
                key = token.lower()
                if key in seen or key in glossary or (block.index, start) in covered:
                    continue
                entry = known.get(token) or known_lower.get(key)
                if entry is None and not dotted and zipf(key) >= 4.0:
                    continue  # capitals for emphasis ("LET OP"), not an abbreviation
                if entry is not None and entry.bekend:
                    continue
                seen.add(key)
                voluit = entry.voluit if entry else ""
                if not dotted and _explained(
                    text, start, end, voluit, before + text[:start]
                ):
                    continue
                findings.append(
                    self._finding(block.index, start, end, token, voluit, dotted)
                )
            before += text + "\n"
        return findings

    def _finding(
        self, block: int, start: int, end: int, token: str, voluit: str, dotted: bool
    ) -> Finding:
        if dotted:
            message = f"'{token}' is een afkorting met puntjes. Die leest lastig."
            suggestion = f"Schrijf het voluit: '{voluit}'."
        else:
            message = f"De tekst legt de afkorting '{token}' niet uit."
            suggestion = (
                f"Schrijf de eerste keer '{voluit} ({token})'."
                if voluit
                else f"Schrijf de eerste keer voluit wat '{token}' betekent, met "
                f"'({token})' erachter."
            )
        return Finding(
            rule=self.id,
            severity=Severity.WAARSCHUWING,
            message=message,
            suggestion=suggestion,
            location=Location(block=block, start=start, end=end),
            excerpt=token,
        )
