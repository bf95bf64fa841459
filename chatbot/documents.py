"""What the chatbot's index reads of a product, and of the way to a person."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Contactgegevens:
    """Where a citizen reaches a person (from the Contactpunt snippet)."""

    naam: str
    telefoon: str = ""
    afspraak_url: str = ""
    contactformulier_url: str = ""


@dataclass(frozen=True, slots=True)
class ProductDocument:
    """What the index reads of one product."""

    slug: str
    title: str
    upl_naam: str
    zoektermen: tuple[str, ...] = ()
    vragen: tuple[str, ...] = ()
    kort_antwoord: str = ""
    tekst: str = ""
    thema: str = ""
    page_id: int | None = None
    contact: Contactgegevens | None = None
    online_url: str = ""
    """Where the product is arranged online, if it can be."""
    advies_kanaal: str = ""
    """The channel the product advises ("online", "balie", "telefoon", "post")."""
    instantie: str = ""
    """Non-empty for a product that is not the gemeente's (``instanties.py``):
    the key of the organisation that handles it."""
    taal: str = ""
    """The language of the text when it is not the index's: "nl" for a Dutch
    text in the English index (its Dutch stop words are dropped; the stems
    are the index's, as the question's are)."""
    vertaling_ontbreekt: bool = False
    """A Dutch product of the gemeente in the English index, because it has no
    English translation: the answer says so and offers the Dutch page."""
