"""What every import source delivers: items in the hub's own field names.

A source (one module per format) reads saved files and yields, per product,
an :class:`Invoer` (the hub's fields, what it guessed, what it could not
place) or a :class:`Geweigerd` (the item is refused, with a Dutch reason).
Sources register themselves in :data:`BRONNEN`; the writer
(``schrijven.py``) is the same for every source.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

MAX_BESTAND = 5 * 1024 * 1024
"""A saved export or page larger than this is refused (5 MB)."""


class Invoerfout(Exception):
    """Bad input: the item (or the whole file) is refused with this Dutch message."""


@dataclass
class Invoer:
    """One product as a source read it, in the hub's field names."""

    extern_id: str
    """Stable key within the source: uuid, UPL-URI or the page's address."""
    label: str
    """How the report names the item (title and place in the file)."""
    velden: dict[str, Any]
    gegokt: list[str] = field(default_factory=list)
    """What the source guessed (a heading read as kosten, a kort antwoord taken
    from the first sentences)."""
    notities: list[str] = field(default_factory=list)
    """What it could not place in a field: kept for the editor."""
    opgeschoond: list[str] = field(default_factory=list)
    """Markup the import removed (script, forbidden elements, unsafe links)."""


@dataclass(frozen=True)
class Geweigerd:
    """An item (or file) the source refused, with the Dutch reason."""

    label: str
    reden: str


class Bron(Protocol):
    """One import source: a format the hub reads from saved files."""

    naam: str
    """The key on the command line (``--bron``)."""
    label: str
    """The Dutch name in the report."""

    def lees(self, pad: Path) -> Iterator[Invoer | Geweigerd]: ...


BRONNEN: dict[str, Bron] = {}

B = TypeVar("B")


def register(cls: type[B]) -> type[B]:
    """Class decorator: make a source available under its ``naam``."""
    bron = cls()
    BRONNEN[bron.naam] = bron  # type: ignore[attr-defined]
    return cls


def lees_bytes(pad: Path) -> bytes:
    """The saved file, or a Dutch error when it is missing or too large."""
    try:
        grootte = pad.stat().st_size
    except OSError as error:
        raise Invoerfout(f"Het bestand {pad.name} is niet te lezen.") from error
    if grootte > MAX_BESTAND:
        raise Invoerfout(
            f"Het bestand {pad.name} is {grootte // 1024} kB; de import leest "
            f"bestanden tot {MAX_BESTAND // (1024 * 1024)} MB. Splits het bestand."
        )
    return pad.read_bytes()


def lees_json(pad: Path) -> Any:
    """A JSON export, or a Dutch error."""
    import json

    data = lees_bytes(pad)
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise Invoerfout(
            f"Het bestand {pad.name} is geen geldige JSON (UTF-8). "
            "Controleer of het de export van de bron is."
        ) from error


def items_of(data: Any, pad: Path) -> list[Any]:
    """The items of an API answer: one object, a list, or a page (``results``)."""
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        return data["results"]
    if isinstance(data, dict):
        return [data]
    if isinstance(data, list):
        return data
    raise Invoerfout(
        f"Het bestand {pad.name} bevat geen object of lijst met producten."
    )
