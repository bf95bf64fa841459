"""Remove personal data from a question before it is stored, keyed or logged.

Citizens type their e-mail address, phone number, BSN, address, date of birth
or name into a chat. The log keeps what they asked, not who they are (AVG:
data minimisation), so these are replaced by a placeholder before anything is
written: the question log, its normalised key, log lines and error reports
all see only the scrubbed text.

The scrubber works in two steps:

1. **Normalise** (``normalise_text``): Unicode NFKC (full-width digits become
   ASCII digits), zero-width and other invisible characters out, every dash
   becomes ``-`` and every run of white space one space. ``123\u200b456\u200b782``
   and full-width ``\uff11\uff12\uff13...`` are then an ordinary number.
2. **Remove** what is personal: e-mail addresses (also ``jan(at)example.nl``,
   ``jan @ example.nl`` and "jan punt devries at gmail punt com"), IBANs
   (with spaces, dashes or dots), postcodes, dates (``12-03-1985``, "12 maart
   1985"), licence plates in every Dutch sidecode (``AB-123-C``), codes that
   mix letters and digits (passport ``NW3F1K2L7``, customer numbers), numbers
   after a word such as "klantnummer" or "kenmerk", street + house number
   (with a known street suffix, a capitalised street name, or after "ik woon
   op" and the like), names after "mijn naam is", "ik heet", "ik ben",
   "namens", "meneer"/"mevrouw" and greetings, and finally **every number it
   cannot prove harmless**.

Numbers that are proven harmless stay, because they matter for finding the
product and identify nobody:

- a number of at most three digits on its own ("2 kinderen", "65 jaar",
  "14:30"), unless it follows an identifying word or is part of an address;
- a year from 1900 to 2099 on its own ("belasting 2027"), unless it follows
  "geboren";
- an amount with ``€`` or "euro" ("€ 12,50", "1.250 euro");
- a time ("om 9.30 uur");
- the gemeente's own number ``14 0xx(x)`` ("bel ik 14 0999").

Everything else with digits goes, whether it looks like a BSN, a phone
number or nothing known: a false alarm costs the log one number, a missed BSN
is a data leak. Technical ids (UUIDs, hex keys and digests) stay: they name a
record of the hub, not a person. After "ik ben" a name in lower case is recognised when it is a known first
name (``data/voornamen.txt``), is no common Dutch word, is followed by a known surname
(``data/achternamen.txt``) or has a surname particle ("ik ben jan de
vries"). What is *not* recognised: a name that nothing introduces, a lower-case name
after "ik ben" that is also a common word ("ik ben roos"), and a
lower-case street name without suffix and without "ik woon op" ("damrak 70");
the retention period (``CHATBOT_BEWAARTERMIJN_DAGEN``) limits that risk.
Measured on a generated corpus: see chatbot/README.md, "Persoonsgegevens".
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

# --- Step 1: normalise -------------------------------------------------------

_INVISIBLE = dict.fromkeys(
    [
        0x00AD,  # soft hyphen
        0x034F,  # combining grapheme joiner
        0x061C,  # Arabic letter mark
        0x180E,  # Mongolian vowel separator
        *range(0x200B, 0x2010),  # zero-width space/joiners, LRM, RLM
        *range(0x202A, 0x202F),  # bidi embeddings
        *range(0x2060, 0x2070),  # word joiner, invisible operators, bidi isolates
        0xFEFF,  # zero-width no-break space (BOM)
    ]
)
_DASHES = re.compile("[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d\u00af]")
_WHITE_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """``text`` in NFKC, without invisible characters, with plain dashes and spaces."""
    text = unicodedata.normalize("NFKC", text or "").translate(_INVISIBLE)
    text = "".join(
        " " if unicodedata.category(c) in {"Cc", "Cs", "Co", "Cf"} else c for c in text
    )
    text = _DASHES.sub("-", text)
    return _WHITE_SPACE.sub(" ", text).strip()


# --- Step 2: remove ----------------------------------------------------------

_I = re.IGNORECASE
_MONTHS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
    r"november|december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|"
    # English: "12 March 1985", "born on 3 May".
    r"january|february|march|may|june|july|august|october|mar|oct)"
)
_DAY_WORDS = (
    r"(?:een|eerste|twee|tweede|drie|derde|vier|vierde|vijf|vijfde|zes|zesde|"
    r"zeven|zevende|acht|achtste|negen|negende|tien|tiende|elf|elfde|twaalf|"
    r"twaalfde|dertien|dertiende|veertien|veertiende|vijftien|vijftiende|"
    r"zestien|zestiende|zeventien|zeventiende|achttien|achttiende|negentien|"
    r"negentiende|twintig|twintigste|(?:een|twee|drie|vier|vijf|zes|zeven|acht|"
    r"negen)en(?:twintig|dertig)(?:ste)?|dertig|dertigste)"
)
_TOEVOEGING = (
    r"(?:[ -]?(?:hs|bis|zw|rd|bg|huis|boven|ii|iii)\b|[ -]?[a-z](?![\w])|[-/]\d{1,4})?"
)
_UNITS = (
    r"(?:jaar|jaren|jr|maand|maanden|week|weken|weekjes|dag|dagen|uur|uren|"
    r"minuut|minuten|keer|maal|kind|kinderen|personen|persoon|mensen|euro|eur|"
    r"procent|%|km|kilometer|meter|m|m2|m3|kilo|kg|gram|liter|stuks|stuk|"
    r"containers|zakken|bakken|pagina|paginas|punten)"
)
# Capitalised words before a number that are not a street.
_NOT_A_STREET = frozenset(
    [
        "artikel",
        "groep",
        "klas",
        "lijn",
        "bus",
        "tram",
        "trein",
        "week",
        "fase",
        "stap",
        "punt",
        "vraag",
        "bijlage",
        "hoofdstuk",
        "pagina",
        "niveau",
        "level",
        "kamer",
        "zaal",
        "loket",
        "balie",
        "ingang",
        "verdieping",
        "kwartaal",
        "maand",
        "dag",
        "jaar",
        "box",
        "windows",
        "iphone",
        "covid",
        "wmo",
        "ik",
        "u",
        "wij",
        "we",
        "ze",
        "je",
        "kost",
        "kosten",
        "wat",
        "hoe",
        "hoeveel",
        "waar",
        "wanneer",
        "welke",
        "kan",
        "mag",
        "moet",
        "wil",
        "ben",
        "heb",
        "is",
        "zijn",
        "hebben",
        "nummer",
        "bel",
        "mail",
        "en",
        "of",
        "maar",
        "dan",
        "ook",
        "nog",
        "al",
        "niet",
        "geen",
        "een",
        "de",
        "het",
        "tot",
        "van",
        "voor",
        "na",
        "om",
        "op",
        "in",
        "aan",
        "met",
        "bij",
        "uit",
        "per",
        "ongeveer",
        "zo'n",
        "ca",
        "circa",
        "sinds",
        "rond",
    ]
)
_NAME_STOP = frozenset(
    [
        "en",
        "ik",
        "ben",
        "wil",
        "wilde",
        "graag",
        "heb",
        "had",
        "hoe",
        "wat",
        "waar",
        "wanneer",
        "waarom",
        "welke",
        "kan",
        "kun",
        "mag",
        "moet",
        "woon",
        "woont",
        "uit",
        "van",
        "de",
        "het",
        "een",
        "mijn",
        "onze",
        "uw",
        "je",
        "jouw",
        "zijn",
        "haar",
        "hun",
        "deze",
        "die",
        "dit",
        "dat",
        "er",
        "hier",
        "daar",
        "niet",
        "nog",
        "al",
        "net",
        "pas",
        "nu",
        "ook",
        "wel",
        "toch",
        "zo",
        "erg",
        "heel",
        "echt",
        "bijna",
        "op",
        "in",
        "bij",
        "met",
        "voor",
        "aan",
        "om",
        "te",
        "tot",
        "over",
        "naar",
        "sinds",
        "per",
        "vandaag",
        "gisteren",
        "morgen",
        "zelf",
        "alleen",
        "samen",
        "iemand",
        "iets",
        "niemand",
        "verhuisd",
        "getrouwd",
        "gescheiden",
        "geboren",
        "vergeten",
        "kwijt",
        "bezig",
        "benieuwd",
        "student",
        "ondernemer",
        "eigenaar",
        "huurder",
        "zwanger",
        "ziek",
        "werkloos",
        "blij",
        "bang",
        "boos",
        "en",
        "of",
        "maar",
        "dus",
        "want",
        "omdat",
        "als",
        "vraag",
        "vragen",
        "is",
        "was",
        "zou",
        "zal",
        "wordt",
        "word",
        "gaat",
        "ga",
    ]
)
_PARTICLES = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "'t",
        "ter",
        "ten",
        "te",
        "in",
        "op",
        "la",
        "le",
        "el",
        "al",
        "bin",
        "ben",
        "da",
        "di",
        "du",
    ]
)


def _sub(pattern: str, placeholder: str, flags: int = _I) -> Callable[[str], str]:
    compiled = re.compile(pattern, flags)
    return lambda text: compiled.sub(placeholder, text)


def _valid_iban(match: re.Match[str]) -> str:
    compact = re.sub(r"[ ._-]", "", match.group(0))
    digits = sum(c.isdigit() for c in compact)
    return (
        "[rekeningnummer]"
        if 15 <= len(compact) <= 34 and digits >= 6
        else match.group(0)
    )


_EMAIL_SEPARATOR = r"\s*(?:\.|\(punt\)|\[punt\]|\(dot\)|\[dot\]|\bpunt\b|\bdot\b)\s*"
_EMAIL_AT = r"\s*(?:@|\(at\)|\[at\]|\{at\}|<at>|\(a\)|\bat\b|-at-|\bapenstaartje\b|\bapestaart\b)\s*"
_TLD = (
    r"(?:nl|com|net|org|eu|be|de|fr|uk|info|nu|me|io|biz|online|email|gov|edu|"
    r"frl|amsterdam|co|ch|at|es|it|pl|tr|ma)"
)
_EMAIL_PATTERNS = (
    # Ordinary, also with spaces around the @: jan.jansen+test@example.nl, jan @ example.nl.
    _sub(r"(?<![\w.+%-])[\w.+%-]++\s*@\s*[\w-]++(?:\s*\.\s*[\w-]++)+", "[e-mailadres]"),
    # Spelled out: jan(at)example.nl, "jan punt devries at gmail punt com".
    _sub(
        rf"(?<![\w.+%-])[\w+%-]++(?:{_EMAIL_SEPARATOR}[\w+%-]++)*+{_EMAIL_AT}[\w-]++"
        rf"(?:{_EMAIL_SEPARATOR}[\w-]++)*?{_EMAIL_SEPARATOR}{_TLD}\b",
        "[e-mailadres]",
    ),
)

_IBAN = re.compile(
    r"\b(?:[a-z]{2}-?|(?-i:[A-Z]{2}) )\d{2}(?:[ ._-]?[a-z0-9]{4}){2,7}"
    r"(?:[ ._-]?[a-z0-9]{1,3})?(?![a-z0-9])",
    _I,
)

# Harmless numbers are set aside before the numbers are scrubbed and put
# back afterwards (\x00 cannot occur: normalise_text turned controls into spaces).
_HARMLESS = re.compile(
    r"(?:€|\beur\b)\s?\d{1,3}(?:[.\s]\d{3}){0,2}(?:,(?:\d{1,2}|-{1,2}))?(?![\d.,]*\d)"
    r"|(?<![\w.,])\d{1,3}(?:\.\d{3}){0,2}(?:,\d{1,2})?\s?(?:euro|eur)\b"
    r"|(?<![\w.,:])(?:[01]?\d|2[0-3])[:.][0-5]\d\s?(?:uur|u)\b"
    r"|(?<![\w.,:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])"
    r"|(?<![\w+])14\s?0\d{2,3}(?![\d\w])"
    # Technical ids (a task's UUID in a worker's log line, a 32-hex key, a
    # 40/64-hex digest) identify a record of the hub, not a person.
    r"|(?<![\w-])(?=[0-9-]*[a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])"
    # (with a letter in it: 32 digits in a row are a number, not a digest).
    r"|(?<![\w-])(?=[0-9]*[a-f])(?:[0-9a-f]{64}|[0-9a-f]{40}|[0-9a-f]{32})(?![\w-])",
    _I,
)

_NUMBER_WORDS = (
    r"(?:\w*nummer|\w*nr|nr|no|kenmerk|referentie|ref|dossier|zaak|"
    r"number|reference|account|customer|case|policy|invoice|"
    r"klant|relatie|polis|contract|order|factuur|aanslag|pas|pasje|code|pin|"
    r"pincode|id|registratie|bsn|sofi|sofinummer|burgerservicenummer|kvk|btw|rsin)"
)

# The RDW's sidecodes 1-14 for licence plates: L a letter, D a digit.
SIDECODES = (
    "LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL",
    "DD-LLL-D", "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL",
    "D-LL-DDD", "DDD-LL-D",
)  # fmt: skip


def _sidecode_pattern(separator: str, letter: str) -> str:
    def group(part: str) -> str:
        return f"{letter if part[0] == 'L' else chr(92) + 'd'}{{{len(part)}}}"

    return "|".join(
        separator.join(group(part) for part in code.split("-")) for code in SIDECODES
    )


# With dashes in any case ("ab-123-c"); with spaces only in capitals
# ("AB 123 C", not "12 en 14"); without separator they are a code (below).
_PLATES = (
    re.compile(rf"(?<![\w-])(?:{_sidecode_pattern('-', '[a-z]')})(?![\w-])", _I),
    re.compile(rf"(?<![\w-])(?:{_sidecode_pattern(' ', '[A-Z]')})(?![\w-])"),
)


def _plates(text: str) -> str:
    for pattern in _PLATES:
        text = pattern.sub("[kenteken]", text)
    return text


_SPLIT_CODE = re.compile(r"(?<![\w-])[A-Z0-9]{2,5} [A-Z0-9]{3,6}(?![\w-])")


def _split_code(match: re.Match[str]) -> str:
    """A code written in two parts in capitals: "HT5I AYTH7" is one passport number."""
    compact = match.group(0).replace(" ", "")
    digits = sum(c.isdigit() for c in compact)
    letters = len(compact) - digits
    if 8 <= len(compact) <= 10 and digits >= 2 and letters >= 2:
        return "[code]"
    return match.group(0)


_MIXED_TOKEN = re.compile(r"(?<![\w\[])[a-z0-9]+(?:[-_/.][a-z0-9]+)*(?![\w\]])", _I)


def _mixed(match: re.Match[str]) -> str:
    token = match.group(0)
    digits = sum(c.isdigit() for c in token)
    letters = sum(c.isalpha() for c in token)
    if not digits or not letters or digits + letters < 5 or digits < 2:
        return token
    # A word with a short number or a year ("covid19", "wmo2015", "65plus").
    word = re.fullmatch(r"([a-z]{3,})-?(\d+)|(\d+)-?([a-z]{3,})", token, _I)
    if word:
        from taalcheck.lexicon import zipf

        letters_part = (word.group(1) or word.group(4)).lower()
        number = word.group(2) or word.group(3)
        known = zipf(letters_part) >= 2.5
        if known and (len(number) <= 2 or re.fullmatch(r"(?:19|20)\d{2}", number)):
            return token
    return "[code]"


_STREET_SUFFIXES = (
    r"(?:straat|straatje|laan|laantje|weg|plein|pleintje|gracht|kade|singel|dijk|"
    r"steeg|steegje|hof|park|dreef|pad|markt|baan|wal|burgwal|boulevard|plantsoen|"
    r"erf|veld|haven|dam|damrak|rak|allee|ring|oord|werf|hoeve|weide|akker|brink|"
    r"gaarde|dal|berg|heuvel|bos|zijde|zoom|kamp|hoek|vaart|poort|tuin|tuinen|"
    r"hout|wetering|sloot|polder|stede|promenade|passage|kwartier|lei|reef|"
    r"donk|horst|acker|molen|hoven|kant|rode|voort|loop|stein)"
)
_STREET_NUMBER = rf"\d{{1,5}}(?!\d){_TOEVOEGING}(?![\d,.]\d)"
_STREET_PREFIX = (
    r"(?:(?:[A-Z][\wà-ÿ'-]*|lange|korte|oude|nieuwe|hoge|lage|grote|groote|kleine|"
    r"noord|zuid|oost|west|eerste|tweede|derde|sint|st\.|van|de|der|den|het|'t) ){0,2}"
)
_ADDRESS_PATTERNS = (
    # A known street suffix: "Dorpsstraat 12", "kerkplein 3a", "Lange Voorhout 9".
    _sub(
        rf"(?<![\w-])(?-i:{_STREET_PREFIX})[a-zà-ÿ'-]*{_STREET_SUFFIXES} {_STREET_NUMBER}"
        rf"(?!\s*{_UNITS}\b)",
        "[adres]",
    ),
    # English, number first: "12 Baker Street", "I live at 70 Damrak".
    _sub(
        r"(?<![\w-])\d{1,5}[a-z]?,?\s+(?-i:(?:[A-Z][\w'-]*\s+){0,2})"
        r"(?:street|road|lane|avenue|square|drive|court|place|crescent|close)\b",
        "[adres]",
    ),
    _sub(
        r"\b(?P<cue>live|lives|living|address is|moved to|moving to|move to|"
        r"registered at)\s+(?:at|on|in)\s+\d{1,5}[a-z]?,?\s+"
        r"(?-i:(?:[A-Za-z][\w'-]*)(?:\s+[A-Z][\w'-]*){0,2})",
        r"\g<cue> [adres]",
    ),
    # After "ik woon op", "mijn adres is", "verhuisd naar": "woon op damrak 70".
    _sub(
        r"\b(?P<cue>woon|woont|wonen|woonde|woonachtig|wonend|adres|adres is|"
        r"adres:|verhuisd naar|verhuis naar|verhuizen naar|ingeschreven op|"
        r"ingeschreven aan|live|lives|living|address|address is|address:|"
        r"moved to|moving to|move to|registered at)"
        r"\s+(?:op|aan|in|te|bij|at|on)?\s*(?:de |het |'t |the )?"
        # The street is a word of its own: "wonen in 2 gemeentes" has none.
        r"(?!(?:op|aan|in|te|bij|at|on)\s)"
        rf"(?:[a-zà-ÿ'][\wà-ÿ'-]*\s+){{1,3}}{_STREET_NUMBER}(?!\s*{_UNITS}\b)",
        r"\g<cue> [adres]",
    ),
)
_CAPITALISED_STREET = re.compile(
    r"(?<![\w\['-])(?P<street>[A-Z][\wà-ÿ'-]++(?:\s+(?:van|de|der|den|het|'t|ter|ten|"
    r"op|aan|in|[A-Z][\wà-ÿ'-]++)){0,3})\s+(?P<number>\d{1,5})"
    rf"(?!\d)(?P<toevoeging>{_TOEVOEGING})(?![\d,.:]\d)(?!\s*{_UNITS}\b)"
)


def _capitalised_street(text: str) -> str:
    from taalcheck.lexicon import zipf

    def replace(match: re.Match[str]) -> str:
        words = match.group("street").split()
        number = match.group("number")
        if re.fullmatch(r"(?:19|20)\d{2}", number):
            return match.group(0)
        # Drop leading words that are not part of a street ("Kan Damrak 70").
        while words and words[0].lower() in _NOT_A_STREET:
            words.pop(0)
        if not words:
            return match.group(0)
        start = match.start("street")
        at_sentence_start = (
            not text[:start].strip() or text[:start].rstrip()[-1] in ".!?:"
        )
        if at_sentence_start and len(words) == 1 and zipf(words[0].lower()) >= 3.5:
            return match.group(0)  # "Paspoort 2 keer aanvragen"
        kept = match.group("street")[
            : len(match.group("street")) - len(" ".join(words))
        ]
        return f"{kept}[adres]"

    return _CAPITALISED_STREET.sub(replace, text)


_POSTCODE = re.compile(
    r"\b[1-9]\d{3}(?: ?(?!SA|SD|SS)(?-i:[A-Z]{2})|(?!sa|sd|ss)[a-z]{2}|"
    r" (?!sa\b|sd\b|ss\b|en\b|of\b|in\b|op\b|om\b|te\b|de\b|al\b|na\b|nu\b|ik\b|je\b|"
    r"we\b|ze\b|zo\b|ja\b|is\b|er\b|uw\b|km\b|kg\b|ml\b|cm\b|mm\b|eu\b|jr\b|uur\b)[a-z]{2})\b"
    r"(?:[ ,]+(?:nr\.? ?)?\d{1,5}(?: ?[a-z]\b|-\d{1,4})?)?",
    _I,
)

_DATE_PATTERNS = (
    # 12-03-1985, 12/3/85, 12.03.1985, 1985-03-12, 12 - 03 - 1985.
    _sub(
        r"(?<![\w.,])(?:\d{1,2}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?(?:\d{4}|\d{2})|"
        r"\d{4}-\d{1,2}-\d{1,2})(?![\w]|[.,]\d)",
        "[datum]",
    ),
    # 12 maart 1985, 12e mrt '85, 1 jan. 2000, twaalf maart 1985, 12th March 1985.
    _sub(
        rf"\b(?:\d{{1,2}}(?:e|ste|de|st|nd|rd|th)?|{_DAY_WORDS})\s+(?:of\s+)?{_MONTHS}\b\.?"
        r"\s*(?:'|`)?(?:\d{4}|\d{2})\b",
        "[datum]",
    ),
    # English month first: March 12, 1985; May 3rd 1985.
    _sub(
        rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:'|`)?(?:\d{{4}}|\d{{2}})\b",
        "[datum]",
    ),
    # After a word about birth also "12 maart", "maart 1985" and "1985".
    _sub(
        r"\b(?P<cue>geboren|geb\.|geboortedatum|geboortejaar|geboortedag|jarig|"
        r"verjaardag|born|date of birth|birth date|birthday|dob)"
        r"(?:\s+(?:op|in|op de|is|on|on the|:))?\s*(?:"
        rf"(?:\d{{1,2}}(?:e|ste|de|st|nd|rd|th)?|{_DAY_WORDS})\s+(?:of\s+)?{_MONTHS}\b\.?|"
        rf"{_MONTHS}\b\.?\s*(?:'|`)?\d{{1,4}}(?:st|nd|rd|th)?|(?:19|20)\d{{2}}\b|'\d{{2}}\b)",
        r"\g<cue> [datum]",
    ),
)

_PHONE = re.compile(
    r"(?<![\w+])(?:\+\s?\d{2}|00\s?\d{2}|\(0\d{1,3}\)|0)[ ./-]?(?:\(0\)[ ./-]?)?"
    r"\d(?:[ ./-]?\d){7,9}(?!\d)"
)
_NUMBER_AFTER_WORD = re.compile(
    rf"\b(?P<word>{_NUMBER_WORDS})(?P<sep>\s*(?:is|was|:|#|=)?\s*(?:nr\.?|nummer)?\s*[:#]?\s*)"
    r"(?P<number>[a-z]{0,4}[-_/.]?\d[\w]*(?:(?: ?[./_,+-] ?| )\d[\w]*)*)",
    _I,
)
# Any run of digits, also when split by spaces, dots, slashes, commas or dashes.
_NUMBER_RUN = re.compile(r"(?<![\w\x00])\+?\d+(?:(?: ?[./_,+-] ?| )\d+)*(?![\w\x00])")


def _number_after_word(match: re.Match[str]) -> str:
    word, number = match.group("word").lower(), match.group("number")
    digits = sum(c.isdigit() for c in number)
    bsn = word in {"bsn", "sofi", "burgerservicenummer", "sofinummer"} or digits == 9
    return f"{match.group('word')}{match.group('sep')}{'[bsn]' if bsn else '[nummer]'}"


def _number(match: re.Match[str]) -> str:
    run = match.group(0)
    groups = re.findall(r"\d+", run)
    digits = sum(len(g) for g in groups)
    if all(re.fullmatch(r"(?:19|20)\d{2}", g) for g in groups):
        return run  # years: "2027", "2024/2025"
    if digits <= 3 and not run.startswith("+"):
        return run  # small counts: "2 kinderen", "2,5 kilo"
    if digits == 9:
        return "[bsn]"
    if run.lstrip("+").startswith("0") or run.startswith("+") or digits in (10, 11):
        return "[telefoonnummer]"
    return "[nummer]"


_NAME_CUE = re.compile(
    r"(?P<always>\bmijn (?:voor|achter)?naam is\b|\bmijn naam\s*:|\bnaam\s*:|"
    r"\bik heet\b|\bspreekt met\b|\bmeneer\b|\bmevrouw\b|\bmevr\.?|\bmw\.|\bdhr\.?|"
    r"\bde heer\b|\bfamilie\b|\bfam\.|\bgroetjes\b|\bgroeten\b|\bgroet\b|\bmvg\b|"
    r"\bgr\.|\bnamens\b)"
    r"|(?P<capital>\bik ben\b|\bdit is\b|\bhier is\b|\bik was\b)"
    # English: "my name is", "I am called", "on behalf of", "Mrs", "regards".
    r"|(?P<always_en>\bmy (?:first |last |full |sur)?name is\b|\bmy name\s*:|"
    r"\b(?:i am|i['\u2019]m) called\b|\bon behalf of\b|\bmrs?\b\.?|\bms\b\.?|"
    r"\bmister\b|\b(?:kind |best |warm )?regards\b|\bsincerely\b|"
    r"\bbest wishes\b|\bcheers\b)"
    r"|(?P<capital_en>\bi am\b|\bi['\u2019]m\b|\bthis is\b)",
    _I,
)
_WORD = re.compile(r"[\s,:;]*([^\W\d_][\w'-]*)")
DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def _name_list(filename: str) -> frozenset[str]:
    with (DATA_DIR / filename).open(encoding="utf-8") as lines:
        return frozenset(
            line.strip() for line in lines if line.strip() and not line.startswith("#")
        )


def first_names() -> frozenset[str]:
    """Lower-case Dutch first names (data/voornamen.txt names its source)."""
    return _name_list("voornamen.txt")


def surnames() -> frozenset[str]:
    """Lower-case last words of Dutch surnames (data/achternamen.txt names its source)."""
    return _name_list("achternamen.txt")


def _names(text: str) -> str:
    out: list[str] = []
    position = 0
    for cue in _NAME_CUE.finditer(text):
        if cue.start() < position:
            continue
        english = (
            cue.group("always_en") is not None or cue.group("capital_en") is not None
        )
        end = _name_end(
            text,
            cue.end(),
            lenient=cue.group("always") is not None
            or cue.group("always_en") is not None,
            english=english,
        )
        if end is None:
            continue
        out.append(text[position : cue.end()] + " [naam]")
        position = end
    out.append(text[position:])
    return "".join(out)


COMMON_WORD_ZIPF = 3.0
"""A lower-case word after "ik ben" at least this frequent (Zipf scale) is an
ordinary word ("ik ben mantelzorger"), not a name."""


def _common_word(word: str, *, english: bool = False) -> bool:
    from taalcheck.lexicon import zipf

    if english:
        return _english_zipf(word.lower()) >= COMMON_WORD_ZIPF
    return zipf(word.lower()) >= COMMON_WORD_ZIPF


@cache
def _english_zipf(word: str) -> float:
    """The Zipf frequency of an English word (``wordfreq``'s English list,
    shipped in the package): "moving" is common, "xandra" is not."""
    import wordfreq

    return wordfreq.zipf_frequency(word, "en")


_NAME_STOP_EN_TEXT = """
    a an the i am is are was not no now here there in on at with for to of
    from and or but so very also just still about calling writing looking
    going moving trying planning wondering asking applying living getting
    having hoping new married divorced born pregnant unemployed retired
    sick ill happy sorry interested unable able allowed expecting back abroad
    student resident owner tenant tourist expat citizen dutch english british
    american german polish french spanish italian turkish moroccan indian
    chinese my your his her their our this that it a lost staying leaving
    coming working studying currently already only sure afraid worried
"""
_NAME_STOP_EN = frozenset(_NAME_STOP_EN_TEXT.split())
"""Words after an English cue ("I am", "this is") that do not start a name,
capitalised or not ("I am Dutch", "this is about my passport")."""


def _name_end(
    text: str, start: int, *, lenient: bool, english: bool = False
) -> int | None:
    """Where the name after a cue ends, or None when no name follows.

    ``lenient``: after "mijn naam is" any word that is not a common word is a
    name; after "ik ben" only a capitalised word, or a word followed by a
    surname particle ("ik ben jan de vries").
    """
    words: list[tuple[str, int]] = []
    position = start
    while len(words) < 6:
        found = _WORD.match(text, position)
        if not found:
            break
        words.append((found.group(1), found.end()))
        position = found.end()
    if not words:
        return None
    first = words[0][0]
    stop = _NAME_STOP | _NAME_STOP_EN if english else _NAME_STOP
    if english and first.lower() in _NAME_STOP_EN:
        return None
    if lenient and first.lower() in _PARTICLES:
        # A surname that starts with its particle: "mevrouw de Vries".
        index = 1
        while index < len(words) and words[index][0].lower() in _PARTICLES:
            index += 1
        if index < len(words) and words[index][0][0].isupper():
            return words[index][1]
        return None
    capital = first[0].isupper() and first.lower() not in {"ik", "u", "ook", "mijn"}
    if first.lower() in stop and not capital:
        return None
    if not lenient and not capital and first.lower() not in first_names():
        # Lower case after "ik ben": a known first name, a word that is no
        # common Dutch word ("ik ben xandra"), a known surname next ("ik ben
        # kees bakker") or a surname particle ("ik ben jan de vries").
        second = words[1][0].lower() if len(words) > 1 else ""
        if (second in surnames() and second not in stop) or not _common_word(
            first, english=english
        ):
            pass
        elif len(words) < 3 or second not in _PARTICLES or words[2][0].lower() in stop:
            return None
    end = words[0][1]
    index = 1
    while index < len(words):
        word = words[index][0]
        if word.lower() in _PARTICLES:
            # A particle belongs to the name only when a name word follows it.
            follow = index + 1
            while follow < len(words) and words[follow][0].lower() in _PARTICLES:
                follow += 1
            if follow < len(words) and words[follow][0].lower() not in stop:
                end = words[follow][1]
                index = follow + 1
                continue
            break
        lower = word.lower()
        if english and lower in _NAME_STOP_EN:
            break
        if (
            word[0].isupper()
            or (lenient and lower not in stop and index < 2)
            or (index == 1 and lower in surnames() and lower not in stop)
        ):
            end = words[index][1]
            index += 1
            continue
        break
    return end


def scrub(text: str) -> str:
    """``text`` normalised, with everything personal replaced by a placeholder."""
    text = normalise_text(text)
    for email in _EMAIL_PATTERNS:
        text = email(text)
    harmless: list[str] = []

    def set_aside(match: re.Match[str]) -> str:
        harmless.append(match.group(0))
        return f"\x00{len(harmless) - 1}\x00"

    text = _HARMLESS.sub(set_aside, text)
    text = _IBAN.sub(_valid_iban, text)
    text = _POSTCODE.sub("[postcode]", text)
    for date in _DATE_PATTERNS:
        text = date(text)
    text = _plates(text)
    text = _PHONE.sub("[telefoonnummer]", text)
    text = _NUMBER_AFTER_WORD.sub(_number_after_word, text)
    text = _SPLIT_CODE.sub(_split_code, text)
    text = _MIXED_TOKEN.sub(_mixed, text)
    for address in _ADDRESS_PATTERNS:
        text = address(text)
    text = _capitalised_street(text)
    text = _names(text)
    text = _NUMBER_RUN.sub(_number, text)
    return re.sub(r"\x00(\d+)\x00", lambda m: harmless[int(m.group(1))], text)


# --- Logs and error reports --------------------------------------------------


class ScrubbingLogFilter(logging.Filter):
    """Scrub every log record's message and traceback before a handler writes it.

    Installed on the console handler in ``LOGGING``: an exception whose message
    quotes a citizen's question then shows the question without BSN or e-mail.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # arguments that do not fit the message
            message = f"{record.msg} {record.args}"
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = _scrub_lines(record.exc_text)
        if record.stack_info:
            record.stack_info = _scrub_lines(record.stack_info)
        return True


def _scrub_lines(text: str) -> str:
    return "\n".join(scrub(line) if line.strip() else line for line in text.split("\n"))


class ScrubbingExceptionReporterFilter(SafeExceptionReporterFilter):
    """Django's error report (500 page with DEBUG, the admins' e-mail) without personal data.

    The frames' local variables hold the question (``tekst`` in the chatbot
    view); every text value is scrubbed, and so is the raw request body.
    """

    def get_traceback_frame_variables(self, request: Any, tb_frame: Any) -> Any:
        return [
            (name, _scrub_value(value))
            for name, value in super().get_traceback_frame_variables(request, tb_frame)
        ]

    def get_post_parameters(self, request: Any) -> Any:
        parameters = super().get_post_parameters(request)
        return {key: _scrub_value(value) for key, value in parameters.items()}


class ScrubbingExceptionReporter(ExceptionReporter):
    """The report with the exception's own message and the request body scrubbed."""

    def get_traceback_data(self) -> dict[str, Any]:
        data = super().get_traceback_data()
        if data.get("exception_value"):
            data["exception_value"] = scrub(str(data["exception_value"]))
        return data


def _scrub_value(value: Any) -> Any:
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, bytes):
        return scrub(value.decode("utf-8", "replace"))
    if isinstance(value, int | float | bool) or value is None:
        return value
    return scrub(repr(value))
