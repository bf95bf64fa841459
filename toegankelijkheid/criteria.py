"""The WCAG 2.2 success criteria our rules map to, with their official Dutch names.

Names follow the W3C's authorised Dutch translation of WCAG (as used by
digitoegankelijk.nl). A rule may only name criteria listed here; the registry
checks that when a rule is registered.
"""

from __future__ import annotations

from typing import NamedTuple


class Criterion(NamedTuple):
    number: str
    name: str
    level: str
    """``A``, ``AA`` or ``AAA``."""


CRITERIA: dict[str, Criterion] = {
    c.number: c
    for c in (
        Criterion("1.1.1", "Niet-tekstuele content", "A"),
        Criterion(
            "1.2.1", "Louter-geluid en louter-videobeeld (vooraf opgenomen)", "A"
        ),
        Criterion(
            "1.2.2", "Ondertitels voor doven en slechthorenden (vooraf opgenomen)", "A"
        ),
        Criterion(
            "1.2.3", "Audiodescriptie of media-alternatief (vooraf opgenomen)", "A"
        ),
        Criterion("1.3.1", "Info en relaties", "A"),
        Criterion("1.3.5", "Identificeer het doel van de input", "AA"),
        Criterion("1.4.4", "Herschalen van tekst", "AA"),
        Criterion("2.2.1", "Timing aanpasbaar", "A"),
        Criterion("2.4.1", "Blokken omzeilen", "A"),
        Criterion("2.4.2", "Paginatitel", "A"),
        Criterion("2.4.4", "Linkdoel (in context)", "A"),
        Criterion("2.4.6", "Koppen en labels", "AA"),
        Criterion("2.4.9", "Linkdoel (alleen link)", "AAA"),
        Criterion("2.5.3", "Label in naam", "A"),
        Criterion("3.1.1", "Taal van de pagina", "A"),
        Criterion("3.1.2", "Taal van onderdelen", "AA"),
        Criterion("3.3.2", "Labels of instructies", "A"),
        Criterion("4.1.1", "Parsen (vervallen in WCAG 2.2)", "A"),
        Criterion("4.1.2", "Naam, rol, waarde", "A"),
    )
}

_LEVELS = ("A", "AA", "AAA")


def lowest_level(numbers: tuple[str, ...]) -> str:
    """The lowest conformance level among ``numbers``: a rule matters from there on."""
    return min((CRITERIA[n].level for n in numbers), key=_LEVELS.index)


def sort_key(number: str) -> tuple[int, ...]:
    """``"1.4.10"`` sorts after ``"1.4.4"``."""
    return tuple(int(part) for part in number.split("."))
