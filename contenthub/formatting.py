"""How facts are written, the same way in every channel."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal


def format_euro(bedrag: Decimal | int | str) -> str:
    """Dutch notation with a space after the sign: "€ 1.084,29"."""
    value = Decimal(bedrag).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    euros, cents = f"{abs(value):.2f}".split(".")
    grouped = f"{int(euros):,}".replace(",", ".")
    return f"{sign}€ {grouped},{cents}"


def to_cents(bedrag: Decimal | int | str) -> int:
    return int((Decimal(bedrag) * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


EURO_AMOUNT = re.compile(r"€\s?\d{1,3}(?:\.\d{3})*(?:,\d{2})?")
"""An amount as Dutch texts write it: "€ 25", "€ 84,29", "€ 1.084,29"."""


def euro_cents(text: str) -> int:
    """The amount in cents of one :data:`EURO_AMOUNT` match ("€ 25" -> 2500)."""
    number = text.replace("€", "").strip().replace(".", "").replace(",", ".")
    return to_cents(number)
