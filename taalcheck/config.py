"""Thresholds and the glossary of the taalcheck, with the source of each default.

The defaults follow the public B1 guidance for Dutch government texts. A
beheerder changes them in the Wagtail admin (``TaalcheckInstellingen``); the
pure core only ever sees this frozen dataclass, passed as ``settings=``.

Sources of the defaults:

- Direct Duidelijk, schrijftips (directduidelijk.nl) and the B1 guidance of
  Communicatie Rijk ("Taalniveau B1", communicatierijk.nl): short sentences,
  on average at most 15 words; common words; active voice; address the reader
  as "u" and do so consistently; explain abbreviations.
- Our own demo format (``demo/FORMAT.md``): "on average under 15
  words, never over 25".
- b1teksten.nl, "Voorbeelden van B1-teksten": words of more than three
  syllables are hard for a B1 reader.
- Word frequencies: the ``wordfreq`` package (Robyn Speer, Dutch "large" list,
  Zipf scale: 3 means once per million words).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

NIVEAUS: tuple[str, ...] = ("A2", "B1", "B2", "C1")
"""The levels the checker estimates, easiest first (CEFR / ERK)."""

DEFAULT_WOORDENLIJST: frozenset[str] = frozenset(
    {
        # Identity and login: every passport, ID and DigiD product needs them.
        "BSN",
        "burgerservicenummer",
        "DigiD",
        "eHerkenning",
        "Mijn Overheid",
        "paspoort",
        "identiteitskaart",
        "identiteitsbewijs",
        "ID-kaart",
        "rijbewijs",
        "verblijfsdocument",
        "pinpas",
        "betaalpas",
        "iDEAL",
        "pasfoto",
        "inlogcode",
        # Products and documents a gemeente names by their own name.
        "uittreksel",
        "afschrift",
        "naturalisatie",
        "BRP",
        "basisregistratie",
        "omgevingsvergunning",
        "Omgevingsloket",
        "parkeervergunning",
        "gehandicaptenparkeerkaart",
        "gehandicaptenparkeerplaats",
        "Verklaring Omtrent het Gedrag",
        "ontheffing",
        "kwijtschelding",
        "bijstandsuitkering",
        "Wmo",
        "cliëntondersteuner",
        "leerlingenvervoer",
        "schuldhulpverlening",
        # Taxes and waste.
        "WOZ",
        "WOZ-waarde",
        "afvalstoffenheffing",
        "rioolheffing",
        "onroerendezaakbelasting",
        "kliko",
        "KVK",
    }
)
"""The hub-wide glossary, seeded with the words every gemeente text needs
(issue 19: "pinpas" was flagged as rare on every passport product): never
flagged as rare, long or an unexplained abbreviation. A beheerder extends it
in the admin (``TaalcheckInstellingen.woordenlijst``); the seed is the
default of that field. The seed is our own choice: the names of the
products and documents in the demo catalogue and the Samenwerkende
Catalogi product names they stand for."""

# How the sentence limits move with the requested level: A2 readers need
# shorter sentences, B2 and C1 readers cope with longer ones. The B1 values are
# the base (Direct Duidelijk / Communicatie Rijk); the steps of 5 words follow
# vak3.nl "Taalniveau A2, B1 of C1?" (B1 ~10-15 words, B2 up to ~20).
_ZIN_VERSCHUIVING = {"A2": -5, "B1": 0, "B2": 5, "C1": 10}


@dataclass(frozen=True, slots=True)
class Settings:
    """Every threshold of the checker, with the B1 default and its source."""

    zin_waarschuwing: int = 20
    """A sentence of more words warns (Communicatie Rijk: max. 15-20 words)."""
    zin_fout: int = 25
    """A sentence of more words is a fout and blocks publication (FORMAT.md:
    "never over 25")."""
    gemiddelde_zinslengte: float = 15.0
    """Average sentence length above this warns (Direct Duidelijk, B1: 15)."""
    lang_woord_letters: int = 16
    """A word of at least this many letters is a long compound (tip)."""
    lang_woord_lettergrepen: int = 4
    """Words with at least this many syllables count as long in the metrics
    (b1teksten.nl: more than three syllables is hard at B1)."""
    zeldzaam_zipf: float = 3.0
    """A word below this Zipf frequency is rare (wordfreq, Dutch). 3.0 is once
    per million words: outside the everyday vocabulary of a B1 reader."""
    max_lijdende_vorm: float = 0.34
    """Above this share of passive sentences (and at least two of them) the
    text gets a fout: more than one in three sentences hides who acts."""
    max_invoer_bytes: int = 1_000_000
    """Larger input is refused with a clear error instead of a slow check."""
    woordenlijst: frozenset[str] = field(default=DEFAULT_WOORDENLIJST)
    """The glossary of allowed terms (see ``DEFAULT_WOORDENLIJST``)."""
    uitgeschakelde_regels: frozenset[str] = frozenset()
    """Rule ids a beheerder switched off, for example ``taal.bijzin-vooraan``."""

    def __post_init__(self) -> None:
        if not 0 < self.zin_waarschuwing <= self.zin_fout:
            raise ValueError("zin_waarschuwing moet tussen 0 en zin_fout liggen.")
        if self.max_invoer_bytes <= 0:
            raise ValueError("max_invoer_bytes moet groter dan 0 zijn.")

    @property
    def woordenlijst_lower(self) -> frozenset[str]:
        return _lowered(self.woordenlijst)

    def voor_niveau(self, niveau: str) -> Settings:
        """These settings with the sentence limits moved for ``niveau``."""
        stap = _ZIN_VERSCHUIVING[niveau]
        if not stap:
            return self
        return replace(
            self,
            zin_waarschuwing=self.zin_waarschuwing + stap,
            zin_fout=self.zin_fout + stap,
            gemiddelde_zinslengte=self.gemiddelde_zinslengte + stap,
        )


_LOWERED: dict[frozenset[str], frozenset[str]] = {}


def _lowered(terms: frozenset[str]) -> frozenset[str]:
    # Settings are frozen, so the lower-cased glossary is cached per glossary.
    cached = _LOWERED.get(terms)
    if cached is None:
        if len(_LOWERED) > 64:
            _LOWERED.clear()
        cached = _LOWERED[terms] = frozenset(t.lower() for t in terms)
    return cached


DEFAULT_SETTINGS = Settings()
