"""Remove personal data from a question before it is stored.

Citizens type their e-mail address, phone number, BSN or address into a
chat. The log keeps what they asked, not who they are (AVG: data
minimisation), so these are replaced by a placeholder before anything is
written. Names cannot be recognised reliably without a language model; the
retention period (``CHATBOT_BEWAARTERMIJN_DAGEN``) limits that risk.
"""

from __future__ import annotations

import re

# Order matters: e-mail and IBAN first (they contain digits), then the
# address patterns, then phone numbers and finally any remaining long number.
_PATRONEN: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE),
        "[e-mailadres]",
    ),
    (
        # IBAN: NL91 ABNA 0417 1643 00 (with or without spaces).
        re.compile(
            r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b", re.I
        ),
        "[rekeningnummer]",
    ),
    (
        # Postcode with an optional house number: 1234 AB, 1234AB 12, 1234 ab 12-3.
        re.compile(
            r"\b[1-9]\d{3} ?(?!sa|sd|ss)[a-z]{2}\b(?:[ ,]+(?:nr\.? ?)?\d{1,5}(?: ?[a-z]\b|-\d{1,4})?)?",
            re.IGNORECASE,
        ),
        "[postcode]",
    ),
    (
        # Street and house number: "Dorpsstraat 12", "Kerkplein 3a".
        re.compile(
            r"\b[a-zà-ÿ'-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|"
            r"steeg|hof|park|dreef|pad|markt|baan|wal|boulevard)"
            r" \d{1,5}(?: ?[a-z]\b|-\d{1,4})?",
            re.IGNORECASE,
        ),
        "[adres]",
    ),
    (
        # Dutch phone numbers: 06-12345678, 06 1234 5678, +31 6 12345678,
        # 0031 20 123 4567, 020-1234567, (010) 123 45 67.
        re.compile(
            r"(?<![\w+])(?:\+31|0031|\(0\d{1,3}\)|0)[ -]?(?:\(0\)[ -]?)?"
            r"\d(?:[ -]?\d){7,9}(?!\d)"
        ),
        "[telefoonnummer]",
    ),
    (
        # A BSN has 9 digits, sometimes written as 123.456.789 or 123 456 789.
        # Any 9-digit number is removed, whether or not it passes the
        # elfproef: a false alarm costs nothing, a missed BSN does.
        re.compile(r"(?<!\d)\d{3}[ .-]?\d{3}[ .-]?\d{3}(?!\d)"),
        "[bsn]",
    ),
    (
        # Whatever long number is left (customer or case numbers, a phone
        # number written in an unusual way).
        re.compile(r"(?<!\d)\d(?:[ .-]?\d){7,}(?!\d)"),
        "[nummer]",
    ),
)


def scrub(text: str) -> str:
    """``text`` with e-mail addresses, phone numbers, BSN-like numbers,
    postcodes (with house numbers), street addresses and IBANs replaced."""
    for pattern, placeholder in _PATRONEN:
        text = pattern.sub(placeholder, text)
    return text
