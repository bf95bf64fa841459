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
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from contenthub.findings import Finding, Location, Severity

from ..ambtelijk import find_ambtelijk
from ..lexicon import read_csv, zipf
from ..registry import Context, register

# Two to seven letters as a word of their own; "two capitals" is checked in
# Python (a look-ahead for it would cost the word's length squared).
_ACRONYM = re.compile(r"(?<![\w-])[a-z]{0,5}[A-Z][A-Za-z]{1,6}(?!\w)")
_UPPER = re.compile(r"[A-Z]")
_OPEN_AFTER = re.compile(r"\s*\(")
_CLOSE_AFTER = re.compile(r"\s*\)")
_OPEN_BEFORE = re.compile(r"\(\s*$")


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
def _by_lower() -> dict[str, Afkorting]:
    """The list by lower-case abbreviation (built once, not per check)."""
    return {key.lower(): value for key, value in afkortingen().items()}


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


def _explained(text: str, start: int, end: int, written_out: bool) -> bool:
    """Brackets next to the abbreviation, or its full form earlier on."""
    if _OPEN_AFTER.match(text, end):
        return True
    if _OPEN_BEFORE.search(text, max(0, start - 8), start) and _CLOSE_AFTER.match(
        text, end
    ):
        return True
    return written_out


def _first_uses(document_lower: str) -> dict[str, int]:
    """Where the full form of every listed abbreviation first appears: one
    search per list entry, so the rule stays linear in the text."""
    found = {}
    for entry in afkortingen().values():
        if entry.voluit:
            at = document_lower.find(entry.voluit.lower())
            if at >= 0:
                found[entry.voluit] = at
    return found


def _two_capitals(token: str) -> bool:
    first = _UPPER.search(token)
    return first is not None and _UPPER.search(token, first.end()) is not None


@register
class Afkortingen:
    """Unexplained abbreviation; source: Zuid-Holland schrijfwijzer, Radar."""

    id = "taal.afkorting"
    naam = "Afkorting"

    def check(self, context: Context) -> list[Finding]:
        document = context.document
        glossary = context.settings.woordenlijst_lower
        known = afkortingen()
        known_lower = _by_lower()
        dotted_re, known_re = _patterns()
        covered = {
            (t.block, t.start)
            for t in find_ambtelijk(document, context.settings.woordenlijst)
        }
        seen: set[str] = set()
        findings = []
        # One pass over the whole document: the blocks joined with NUL, which
        # no pattern matches and the input never holds (``sanitise``).
        starts = []
        offset = 0
        for block in document.blocks:
            starts.append(offset)
            offset += len(block.text) + 1
        text = "\x00".join(block.text for block in document.blocks)
        # Where the full forms first appear: searched only when an
        # abbreviation needs it (most texts have none).
        first_use: dict[str, int] | None = None
        matches = sorted(
            [(m.start(), m.end(), True) for m in dotted_re.finditer(text)]
            + [
                (m.start(), m.end(), False)
                for m in _ACRONYM.finditer(text)
                if m.end() - m.start() <= 7 and _two_capitals(m.group())
            ]
            + [(m.start(), m.end(), False) for m in known_re.finditer(text)]
        )
        last_end = -1
        for start, end, dotted in matches:
            if start < last_end:
                continue
            last_end = end
            token = text[start:end]
            key = token.lower()
            if key in seen or key in glossary:
                continue
            index = bisect_right(starts, start) - 1
            base = starts[index]
            if (index, start - base) in covered:
                continue
            entry = known.get(token) or known_lower.get(key)
            if entry is None and not dotted and zipf(key) >= 4.0:
                continue  # capitals for emphasis ("LET OP"), not an abbreviation
            if entry is not None and entry.bekend:
                continue
            seen.add(key)
            voluit = entry.voluit if entry else ""
            if not dotted:
                if first_use is None:
                    first_use = _first_uses(text.lower())
                written_out = first_use.get(voluit, len(text)) < start
                if _explained(text, start, end, written_out):
                    continue
            findings.append(
                self._finding(index, start - base, end - base, token, voluit, dotted)
            )
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
