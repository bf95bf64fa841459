"""Naamwoordstijl: "het doen van een aanvraag" → "aanvragen".

Source: VRU Schrijfwijzer 4.1.2 ("Schrijf concreet: vermijd naamwoordstijl")
and the RVO schrijfwijzer; the word list is ``data/naamwoordstijl.csv``.
Four shapes are found:

1. "het <werkwoord> van …": "het invullen van het formulier";
2. a noun with a light verb: "een aanvraag doen", "doet u een aanvraag";
3. "… vindt plaats": "de betaling vindt plaats";
4. fixed phrases: "na ontvangst van", "ter voorkoming van".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from contenthub.findings import Finding, Location, Severity

from ..lexicon import read_csv
from ..registry import Context, register

_LIGHT = (
    "doen|indienen|verrichten|uitvoeren|plegen|geven|nemen|maken|voeren|"
    "afleggen|leveren|ondernemen|brengen"
)
_LIGHT_FORMS = (
    _LIGHT + "|gedaan|ingediend|verricht|uitgevoerd|gepleegd|gegeven|genomen|gemaakt"
)
_LIGHT_FINITE = (
    "doe|doet|doen|deed|deden|verricht|verrichten|verrichtte|pleegt|plegen|pleegde|"
    "neem|neemt|nemen|nam|namen|geef|geeft|geven|gaf|gaven"
)
_DET = r"(?:een|de|het|uw|je|jouw|onze|hun)"
_PREPOSITIONS = r"(?:van|voor|in|op|aan|met|bij|door|naar|om|over|tot|uit)"
_SUBJECT = r"(?:u|wij|we|je|jij|hij|zij|ze|de\s+gemeente)"
_NOT_INFINITIVE = frozenset(
    [
        "examen",
        "teken",
        "kenteken",
        "wapen",
        "laken",
        "leven",
        "wezen",
        "verleden",
        "vermogen",
        "verlangen",
        "eten",
        "nummer",
        "ongeveer",
        "gebeuren",
        "weekend",
        "midden",
        "boven",
        "ogen",
        "regen",
        "zegen",
        "wonen",
        "deken",
        "vaandel",
        "toeven",
        "rijbewijzen",
    ]
)


@dataclass(frozen=True, slots=True)
class Regel:
    tekst: str
    alternatief: str
    ernst: Severity


@cache
def _lists() -> tuple[dict[str, Regel], dict[str, Regel]]:
    naamwoorden: dict[str, Regel] = {}
    zinsdelen: dict[str, Regel] = {}
    for row in read_csv("naamwoordstijl.csv"):
        regel = Regel(row["tekst"], row["alternatief"], Severity(row["ernst"]))
        target = naamwoorden if row["soort"] == "naamwoord" else zinsdelen
        target[row["tekst"].lower()] = regel
    return naamwoorden, zinsdelen


@cache
def _patterns(flags: int = 0) -> tuple[re.Pattern[str], ...]:
    """The patterns, for lower-cased text (``flags=0``, three times faster)
    or with ``re.IGNORECASE`` for the rare text whose length changes when
    lower-cased ("İ")."""
    naamwoorden, zinsdelen = _lists()
    nouns = "|".join(sorted(map(re.escape, naamwoorden), key=len, reverse=True))
    phrases = "|".join(
        r"\s+".join(map(re.escape, phrase.split()))
        for phrase in sorted(zinsdelen, key=len, reverse=True)
    )
    return (
        re.compile(
            rf"\bhet\s+(?P<inf>\w{{2,}}en)\s+van\s+"
            rf"(?P<obj>{_DET}\s+(?:\w+e\s+)?(?P<noun>(?!{_PREPOSITIONS}\b)\w+)|(?P<bare>\w+))",
            flags,
        ),
        re.compile(rf"\b{_DET}\s+(?P<noun>{nouns})\s+(?:{_LIGHT_FORMS})\b", flags),
        re.compile(
            rf"\b(?:{_LIGHT_FINITE})\s+(?:{_SUBJECT}\s+)?{_DET}\s+(?P<noun>{nouns})\b",
            flags,
        ),
        re.compile(
            rf"\b{_DET}\s+(?P<noun>{nouns})\s+(?:vindt|vinden|vond|vonden)\s+plaats\b",
            flags,
        ),
        re.compile(rf"\b(?P<phrase>{phrases})\b", flags),
    )


@register
class Naamwoordstijl:
    """Naamwoordstijl; source: VRU Schrijfwijzer 4.1.2 and the RVO schrijfwijzer."""

    id = "taal.naamwoordstijl"
    naam = "Naamwoordstijl"

    def check(self, context: Context) -> list[Finding]:
        naamwoorden, zinsdelen = _lists()
        findings = []
        taken: set[int] = set()
        document = context.document
        # One pass over the whole document: the blocks joined with NUL, which
        # no pattern matches and the input never holds (``sanitise``).
        starts = []
        offset = 0
        for block in document.blocks:
            starts.append(offset)
            offset += len(block.text) + 1
        text = "\x00".join(block.text for block in document.blocks)
        lower = text.lower()
        if len(lower) == len(text):
            patterns = _patterns()
        else:
            lower, patterns = text, _patterns(re.IGNORECASE)
        for pattern in patterns:
            for match in pattern.finditer(lower):
                if match.start() in taken:
                    continue
                result = _judge(match, text, naamwoorden, zinsdelen)
                if result is None:
                    continue
                taken.add(match.start())
                severity, suggestion = result
                index = bisect_right(starts, match.start()) - 1
                base = starts[index]
                fragment = text[match.start() : match.end()]
                findings.append(
                    Finding(
                        rule=self.id,
                        severity=severity,
                        message=(
                            f"Naamwoordstijl: '{fragment}'. Een werkwoord leest "
                            "makkelijker en korter."
                        ),
                        suggestion=suggestion,
                        location=Location(
                            block=index,
                            start=match.start() - base,
                            end=match.end() - base,
                        ),
                        excerpt=fragment,
                    )
                )
        return findings


def _judge(
    match: re.Match[str],
    text: str,
    naamwoorden: dict[str, Regel],
    zinsdelen: dict[str, Regel],
) -> tuple[Severity, str] | None:
    groups = match.groupdict()
    if groups.get("phrase"):
        regel = zinsdelen[" ".join(groups["phrase"].lower().split())]
        return regel.ernst, f"Schrijf '{regel.alternatief}'."
    if groups.get("inf"):
        infinitive = groups["inf"].lower()
        noun = (groups["noun"] or groups["bare"]).lower()
        if infinitive in _NOT_INFINITIVE:
            return None
        if re.fullmatch(_LIGHT, infinitive) and noun in naamwoorden:
            regel = naamwoorden[noun]
            return regel.ernst, f"Gebruik het werkwoord: '{regel.alternatief}'."
        # Described, not rewritten: "na het ophalen van afval" does not
        # become "na afval ophalen".
        return Severity.TIP, (
            f"Gebruik het werkwoord '{infinitive}' zelf en zeg wie het doet, "
            f"in plaats van 'het {infinitive} van'."
        )
    regel = naamwoorden[groups["noun"].lower()]
    return regel.ernst, f"Gebruik het werkwoord: '{regel.alternatief}'."
