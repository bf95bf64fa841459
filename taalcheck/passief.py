"""Finding passive constructions ("wordt behandeld", "is goedgekeurd", "er wordt").

Shared by the rule ``taal.lijdende-vorm`` and the metrics, so it lives
outside ``rules/``.

A passive is a form of *worden* (wordt, worden, werd, werden) or of *zijn*
(is, zijn, was, waren) with a past participle in the same clause. Verbs that
form their perfect with *zijn* ("is verhuisd", "is overleden") and participles
used as adjectives ("bent verplicht", "is gesloten") are not passive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import frequency
from .text import Document, Sentence, Word
from .voegwoorden import ONDERSCHIKKEND

WORDEN = frozenset({"word", "wordt", "worden", "werd", "werden"})
ZIJN = frozenset({"is", "zijn", "ben", "bent", "was", "waren"})
_HULPWERKWOORDEN = WORDEN | ZIJN

# Participles that form an active perfect with "zijn" (mutative verbs), or
# that B1 texts use as adjectives. Neither is a passive.
ACTIEF_MET_ZIJN = frozenset(
    [
        "aangekomen",
        "afgelopen",
        "afgetreden",
        "afgenomen",
        "begonnen",
        "binnengekomen",
        "blijven",
        "doorgegaan",
        "gebleven",
        "gebeurd",
        "geboren",
        "gedaald",
        "gegaan",
        "gegroeid",
        "gekomen",
        "geland",
        "gelukt",
        "gesprongen",
        "gestegen",
        "gestopt",
        "gestorven",
        "gevallen",
        "gevlucht",
        "geweest",
        "geworden",
        "gezakt",
        "geslaagd",
        "geschrokken",
        "getreden",
        "ingegaan",
        "meegegaan",
        "mislukt",
        "ontstaan",
        "opgegroeid",
        "opgetreden",
        "opgehouden",
        "overgestapt",
        "overleden",
        "teruggegaan",
        "teruggekomen",
        "toegenomen",
        "uitgegaan",
        "veranderd",
        "verdwenen",
        "verhuisd",
        "verlopen",
        "verschenen",
        "verstreken",
        "vertrokken",
        "vervallen",
        "weggegaan",
        "gereisd",
        "gevlogen",
        "gelopen",
        "gefietst",
        "gereden",
        "verdronken",
        "ontsnapt",
        "ingestapt",
        "uitgestapt",
        "opgestaan",
        "gebleken",
        "vergeten",  # "hij was zijn inlogcode vergeten"
        "geëindigd",
    ]
)
BIJVOEGLIJK = frozenset(
    [
        "verplicht",
        "bedoeld",
        "gesloten",
        "geopend",
        "bekend",
        "gewend",
        "geïnteresseerd",
        "getrouwd",
        "gescheiden",
        "verzekerd",
        "gevestigd",
        "gelegen",
        "betrokken",
        "verbonden",
        "gehandicapt",
        "beperkt",
        "verboden",
        "toegestaan",
        "geldig",
        "bereid",
        "gemotiveerd",
        "verkeerd",
        "verwacht",
        "geleden",
        "gemiddeld",
        "gespecialiseerd",
        "gericht",
        "geschikt",
        "gerechtigd",
        "bevoegd",
        "benodigd",
        "uitgebreid",
        "onbekend",
        "ingeschreven",
        "aangesloten",
        "gebonden",
        "verwant",
        "verantwoordelijk",
        "vereist",
        "verplichte",
        "gekleurd",
        "bezet",
        "bedekt",
        "vermist",
        "gewond",
        "gezegd",
        "gekend",
        "geliefd",
        "vergunningvrij",
        # States after "is": "Mijn paspoort is kwijt of gestolen" says what
        # is the matter, not who did it (issue 19).
        "gestolen",
        "verloren",
        "beschadigd",
        "gebroken",
        "vernield",
        "versleten",
        "verdwenen",
        "overleden",
    ]
)
_GEEN_DEELWOORD_EINDE = ("heid", "heden", "ing", "ingen", "lijk", "schap")
# Participles without "ge-" or an unstressed prefix: "Er wordt voldaan aan".
ONREGELMATIG = frozenset(["voldaan", "toegevoegd", "opgenomen"])
# An adjective coordinated with the participle makes it a state as well:
# "is kwijt of gestolen", "is kapot en beschadigd".
_STAAT = frozenset(["kwijt", "kapot", "stuk", "weg", "leeg", "vol", "klaar"])
# Strong participles with an unstressed prefix and -en ("ontvangen"); other
# be-/ver-/ont-...-en words are mostly infinitives or nouns ("verhuizen",
# "verschillen"), so only these count.
STERK_ONBEKLEMTOOND = frozenset(
    [
        "vergeten",
        "verboden",
        "verkregen",
        "verloren",
        "vervangen",
        "verzonden",
        "vergeven",
        "verweten",
        "verbonden",
        "verdreven",
        "verheven",
        "verwezen",
        "verscholen",
        "verslagen",
        "verstoten",
        "ontvangen",
        "ontslagen",
        "ontnomen",
        "ontheven",
        "ontbonden",
        "ontdoken",
        "onttrokken",
        "besloten",
        "beschreven",
        "bevolen",
        "bewezen",
        "bedreven",
        "bedrogen",
        "bestolen",
        "betrokken",
        "bezworen",
        "begraven",
        "besproken",
        "bekeken",
        "beloofd",
        "beheerd",
        "herschreven",
        "herzien",
        "herkozen",
        "herroepen",
        "erkend",
    ]
)
_LIDWOORDEN = frozenset(
    [
        "de",
        "het",
        "een",
        "uw",
        "mijn",
        "je",
        "jouw",
        "onze",
        "deze",
        "dit",
        "andere",
        "alle",
        "veel",
        "enkele",
        "sommige",
        "geen",
        "elke",
        "ieder",
        "iedere",
        "welke",
        "meer",
        "minder",
    ]
)
# Words after a participle that show it ends its clause (or continues with a
# phrase), rather than describing a noun ("gevonden dieren"): prepositions,
# coordinating conjunctions, verbs, and every subordinating conjunction of
# data/voegwoorden.csv ("is betaald voordat ...").
_NA_DEELWOORD_EIGEN = frozenset(
    [
        "op",
        "in",
        "aan",
        "bij",
        "door",
        "voor",
        "met",
        "van",
        "naar",
        "om",
        "te",
        "tot",
        "uit",
        "en",
        "of",
        "maar",
        "dan",
        "want",
        "dus",
        "ook",
        "al",
        "nog",
        "niet",
        "wel",
        "worden",
        "wordt",
        "werd",
        "zijn",
        "is",
        "was",
        "waren",
        "kan",
        "kunnen",
        "moet",
        "moeten",
        "mag",
        "mogen",
        "zal",
        "zullen",
        "wil",
        "willen",
        "heeft",
        "hebben",
        "over",
        "na",
        "onder",
        "tegen",
        "tussen",
        "per",
        "via",
        "zonder",
        "vanaf",
        "sinds",
        "binnen",
        "tijdens",
    ]
)
_NA_DEELWOORD = _NA_DEELWOORD_EIGEN | ONDERSCHIKKEND
_NIET_DEELWOORD = frozenset(
    [
        "geen",
        "gemeente",
        "geld",
        "gewoon",
        "gezond",
        "genoeg",
        "gebied",
        "geheel",
        "gelijk",
        "gebed",
        "gebit",
        "gedicht",
        "gewicht",
        "geluid",
        "gezin",
        "geheim",
        "gerecht",
        "gesprek",
        "gehoor",
        "gebrek",
        "gedrag",
        "gevoel",
        "gezicht",
        "gebod",
        "gedeelte",
        "gemak",
        "gevaar",
        "gebouw",
        "gebruik",
        "gezag",
        "getuigen",
        "gebieden",
        "gevolgen",
        "gegevens",
        "gedachten",
        "geleden",
        "gewoonten",
        "genen",
        "gedeelten",
        "bericht",
        "berichten",
        "bezit",
        "bedrag",
        "bedragen",
        "begin",
        "beleid",
        "belang",
        "besluit",
        "bestand",
        "bewijs",
        "bezoek",
        "verbod",
        "verband",
        "verhaal",
        "verschil",
        "verslag",
        "vertrek",
        "verkeer",
        "verlof",
        "vervoer",
        "verzet",
        "ontslag",
        "onderzoek",
        "herfst",
        "bereid",
        "bijvoorbeeld",
        "verschillend",
        "verschillende",
        "verleden",
        "verlangen",
    ]
)
_SCHEIDBAAR = (
    "aan",
    "af",
    "bij",
    "binnen",
    "buiten",
    "door",
    "in",
    "mee",
    "na",
    "neer",
    "om",
    "op",
    "over",
    "samen",
    "terug",
    "toe",
    "tegen",
    "uit",
    "vast",
    "voor",
    "weg",
    "klaar",
    "thuis",
    "achter",
    "los",
    "dicht",
    "open",
    "goed",
    "kwijt",
    "stop",
    "teweeg",
    "vrij",
)
_GE = re.compile(r"^(?:" + "|".join(_SCHEIDBAAR) + r")?ge\w{3,}(?:d|t|en)$")
_ONBEKLEMTOOND = re.compile(
    r"^(?:"
    + "|".join(_SCHEIDBAAR)
    + r")?(?:be|ver|ont|her|er|onder|over|mis)\w{3,}(?:d|t|en)$"
)
_CLAUSE_BREAK = re.compile(r"[,;:()–—]")  # noqa: RUF001 (Dutch typography)
_WINDOW_AFTER = 8
_WINDOW_BEFORE = 3


_STERK_DEN_TEN = frozenset(
    ["geboden", "gebeden", "geleden", "genoten", "geraden", "gereden", "gezonden"]
)
"""Strong participles whose form without "-en" is another word ("gebod",
"genot", "gered"): participles all the same ("er wordt hulp geboden")."""


@lru_cache(maxsize=16384)
def is_deelwoord(word: str) -> bool:
    """Whether a lower-case word looks like a Dutch past participle."""
    if len(word) < 5 or len(word) > 40 or word in _NIET_DEELWOORD:
        return False
    if word.endswith(_GEEN_DEELWOORD_EINDE):
        return False  # "aangelegenheid", "gelegenheden": nouns
    if word in ONREGELMATIG:
        return True
    if _GE.match(word):
        # "gehandicapten", "gebruikten": a weak participle or past tense with
        # an inflection (without "-en" it is a word), a noun or a finite verb, not
        # the participle of a passive. Strong participles in -den/-ten
        # ("gesloten", "gevonden") have no such shorter form.
        return (
            not word.endswith(("den", "ten"))
            or word in _STERK_DEN_TEN
            or not frequency(word[:-2])
        )
    if _ONBEKLEMTOOND.match(word):
        return not word.endswith("en") or word in STERK_ONBEKLEMTOOND
    return False


@dataclass(frozen=True, slots=True)
class Passief:
    """One passive construction in a sentence."""

    sentence: Sentence
    hulpwerkwoord: Word
    deelwoord: Word
    onpersoonlijk: bool
    """An impersonal passive: "er wordt gecontroleerd"."""

    @property
    def start(self) -> int:
        return min(self.hulpwerkwoord.start, self.deelwoord.start)

    @property
    def end(self) -> int:
        return max(self.hulpwerkwoord.end, self.deelwoord.end)


def _clauses(sentence: Sentence) -> Iterator[list[Word]]:
    clause: list[Word] = []
    text, base = sentence.text, sentence.start
    previous_end = sentence.start
    for word in sentence.words:
        gap = text[previous_end - base : word.start - base]
        if clause and _CLAUSE_BREAK.search(gap):
            yield clause
            clause = []
        clause.append(word)
        previous_end = word.end
    if clause:
        yield clause


def find_passives(sentence: Sentence) -> list[Passief]:
    """The passive constructions in one sentence."""
    found: list[Passief] = []
    if _HULPWERKWOORDEN.isdisjoint([word.lower for word in sentence.words]):
        return found  # most sentences: no form of worden or zijn at all
    for clause in _clauses(sentence):
        lowers = [word.lower for word in clause]
        if not (WORDEN.intersection(lowers) or ZIJN.intersection(lowers)):
            continue
        used: set[int] = set()
        last = len(clause) - 1
        for index, lower in enumerate(lowers):
            worden = lower in WORDEN
            if not worden and lower not in ZIJN:
                continue
            candidates = list(
                range(index + 1, min(len(clause), index + 1 + _WINDOW_AFTER))
            )
            if index == last:
                # Verb-final subordinate clause: "als het formulier ingevuld is".
                candidates += range(index - 1, max(-1, index - 1 - _WINDOW_BEFORE), -1)
            for position in candidates:
                if position in used or not _could_be_participle(
                    clause, lowers, position, worden=worden
                ):
                    continue
                candidate = lowers[position]
                if not worden and (
                    candidate in ACTIEF_MET_ZIJN
                    or candidate in BIJVOEGLIJK
                    or _coordinated_with_a_state(lowers, position)
                ):
                    break
                if worden and candidate in BIJVOEGLIJK and candidate != "verplicht":
                    break
                used.add(position)
                onpersoonlijk = worden and (
                    (index > 0 and lowers[index - 1] == "er")
                    or (index + 1 < len(lowers) and lowers[index + 1] == "er")
                )
                found.append(
                    Passief(sentence, clause[index], clause[position], onpersoonlijk)
                )
                break
    return found


def _coordinated_with_a_state(lowers: list[str], position: int) -> bool:
    return (
        position >= 2
        and lowers[position - 1] in ("of", "en")
        and lowers[position - 2] in _STAAT
    )


def _could_be_participle(
    clause: list[Word], lowers: list[str], position: int, *, worden: bool = False
) -> bool:
    candidate = lowers[position]
    if candidate in WORDEN or not is_deelwoord(candidate):
        return False
    if clause[position].capital and position > 0:
        return False  # a name: "Voorbeeldstad"
    if position > 0 and lowers[position - 1] in _LIDWOORDEN:
        return False  # a noun: "andere gebouwen"
    following = lowers[position + 1] if position + 1 < len(lowers) else None
    # "gevonden dieren": a participle that describes a noun is an adjective.
    # After "worden" that reading is rare ("u wordt geadviseerd de ..."), so
    # any next word is fine there.
    return (
        following is None
        or following in _NA_DEELWOORD
        or following in ZIJN
        or (worden and position > 0 and lowers[position - 1] in WORDEN)
    )


def passives(document: Document) -> list[Passief]:
    """All passive constructions of the document (computed once per check)."""
    cached = document.memo.get("lijdende_vorm")
    if cached is None:
        cached = document.memo["lijdende_vorm"] = [
            passive
            for sentence in document.sentences
            for passive in find_passives(sentence)
        ]
    return cached


def passive_sentence_count(document: Document) -> int:
    return len({id(passive.sentence) for passive in passives(document)})
