"""How facts are written, the same way in every channel."""

from __future__ import annotations

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
