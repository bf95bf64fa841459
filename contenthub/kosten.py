"""A product's fee rows with the dates they hold, read from the page's
``kosten`` StreamField.

It sits below both the validation and the snapshot (``structured``), which
both need to know which rows hold on a day, so neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from .formatting import format_euro, to_cents
from .text import strip_markup as plain
from .vocabulary import PER_LABELS, PER_LABELS_EN

if TYPE_CHECKING:
    from .models import ProductPage

__all__ = [
    "KostenRegel",
    "alle_kosten_of",
    "english_date",
    "komende_kosten_of",
    "kosten_of",
]

_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def english_date(day: date) -> str:
    """ "1 January 2027", whatever the process's locale."""
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class KostenRegel:
    omschrijving: str
    bedrag: Decimal
    per: str
    geldig_vanaf: date | None = None
    geldig_tot: date | None = None
    """The last day this amount holds (inclusive)."""
    taal: str = "nl"
    """The language the labels are written in (the product's)."""

    def geldig_op(self, datum: date) -> bool:
        """Whether this row is the fee on ``datum``."""
        if self.geldig_vanaf and datum < self.geldig_vanaf:
            return False
        return not (self.geldig_tot and datum > self.geldig_tot)

    @property
    def per_datum_tekst(self) -> str:
        """ "per 1 januari 2027" for a coming row, empty for one without a start."""
        if not self.geldig_vanaf:
            return ""
        from django.utils import translation
        from django.utils.formats import date_format

        if self.taal == "en":
            return "from " + english_date(self.geldig_vanaf)
        with translation.override("nl"):
            return "per " + date_format(self.geldig_vanaf, "j F Y")

    @property
    def per_label(self) -> str:
        if self.taal == "en":
            return PER_LABELS_EN.get(self.per, self.per)
        return PER_LABELS.get(self.per, self.per)

    @property
    def bedrag_tekst(self) -> str:
        """The amount as every channel writes it: "€ 84,29"."""
        return format_euro(self.bedrag)

    @property
    def centen(self) -> int:
        return to_cents(self.bedrag)


def kosten_of(page: ProductPage, op: date | None = None) -> tuple[KostenRegel, ...]:
    """The fee rows that hold on ``op`` (today when not given)."""
    if op is None:
        from django.utils import timezone

        op = timezone.localdate()
    return tuple(regel for regel in alle_kosten_of(page) if regel.geldig_op(op))


def komende_kosten_of(page: ProductPage, na: date) -> tuple[KostenRegel, ...]:
    """The fee rows that start after ``na``."""
    return tuple(
        regel
        for regel in alle_kosten_of(page)
        if regel.geldig_vanaf and regel.geldig_vanaf > na
    )


def alle_kosten_of(page: ProductPage) -> tuple[KostenRegel, ...]:
    """Every fee row with its dates, in the editor's order."""
    # An amount that is not a number (NaN, Infinity written past validation)
    # is left out here, so no channel and no check crashes on it; validation
    # refuses it with a message (``validation._check_kosten``).
    regels = []
    for child in page.kosten:
        try:
            bedrag = Decimal(str(child.value["bedrag"]))
        except (InvalidOperation, ValueError, TypeError):
            continue
        if bedrag.is_finite():
            regels.append(
                KostenRegel(
                    omschrijving=plain(child.value["omschrijving"]),
                    bedrag=bedrag,
                    per=child.value["per"],
                    geldig_vanaf=child.value.get("geldig_vanaf"),
                    geldig_tot=child.value.get("geldig_tot"),
                )
            )
    return tuple(regels)
