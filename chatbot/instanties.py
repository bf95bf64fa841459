"""Not the gemeente's, but whose: the UPL products of the Rijk, a provincie or a waterschap.

The UPL (``contenthub/data/upl.csv``) flags for every product name which
kinds of government offer it. A name that no gemeente offers but citizens
ask for ("huurtoeslag", "kinderbijslag", "studiefinanciering") becomes a
document of its own in the index, tagged with the organisation that handles
it. When such a document explains a question better than every product of
the gemeente, the chatbot says so and gives that organisation's link or
phone number instead of a wrong municipal product.

Which organisation handles which UPL names, with its address and number, is
data in ``data/instanties.csv`` with a source per row; a UPL name no row
claims goes to the Rijksoverheid's general line (or the provincie or the
waterschap, as the UPL flags say). Organisations the UPL has no product for
(NS and the other public transport companies, the Kiesraad) have a row with
a short description of what they handle, in their own words.

For English questions ``data/instanties_en.csv`` gives every organisation its
English name and a description in English (the team's own words, after the
Dutch row; link and phone number stay the Dutch row's). The English index
holds those descriptions and the Dutch UPL names (a citizen who writes
English often names a Dutch benefit by its Dutch word, "huurtoeslag").
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from .documents import ProductDocument
from .normalise import fold

INSTANTIES_CSV = Path(__file__).resolve().parent / "data" / "instanties.csv"
INSTANTIES_EN_CSV = Path(__file__).resolve().parent / "data" / "instanties_en.csv"
UPL_CSV = Path(__file__).resolve().parent.parent / "contenthub" / "data" / "upl.csv"
SLUG_PREFIX = "buiten:"


@dataclass(frozen=True, slots=True)
class Instantie:
    sleutel: str
    naam: str
    patroon: re.Pattern[str] | None
    omschrijving: str
    url: str
    telefoon: str
    bron: str


@cache
def instanties() -> dict[str, Instantie]:
    """The organisations of ``data/instanties.csv`` by key, read once."""
    with INSTANTIES_CSV.open(encoding="utf-8", newline="") as handle:
        return {
            row["sleutel"]: Instantie(
                sleutel=row["sleutel"],
                naam=row["naam"],
                patroon=re.compile(
                    "|".join(
                        re.escape(fold(part)) for part in row["patroon"].split("|")
                    )
                )
                if row["patroon"].strip()
                else None,
                omschrijving=row["omschrijving"],
                url=row["url"],
                telefoon=row["telefoon"],
                bron=row["bron"],
            )
            for row in csv.DictReader(handle)
        }


@cache
def english_instanties() -> dict[str, Instantie]:
    """The organisations with their English name and description (link and
    phone number from ``data/instanties.csv``), by key."""
    dutch = instanties()
    with INSTANTIES_EN_CSV.open(encoding="utf-8", newline="") as handle:
        rows = {row["sleutel"]: row for row in csv.DictReader(handle)}
    return {
        sleutel: replace(
            instantie,
            naam=rows[sleutel]["naam"] if sleutel in rows else instantie.naam,
            omschrijving=rows[sleutel]["omschrijving"] if sleutel in rows else "",
        )
        for sleutel, instantie in dutch.items()
    }


def instanties_in(taal: str = "nl") -> dict[str, Instantie]:
    """The organisations as a citizen reads them in ``taal``."""
    return english_instanties() if taal == "en" else instanties()


def organisation_for(
    naam: str, *, rijk: bool, provincie: bool, waterschap: bool
) -> str:
    """The key of the organisation that handles the UPL product ``naam``."""
    folded = fold(naam)
    for instantie in instanties().values():
        if instantie.patroon is not None and instantie.patroon.search(folded):
            return instantie.sleutel
    if rijk:
        return "rijksoverheid"
    if waterschap:
        return "waterschap"
    if provincie:
        return "provincie"
    return "rijksoverheid"


@cache
def national_documents(taal: str = "nl") -> tuple[ProductDocument, ...]:
    """One document per citizen-facing UPL name no gemeente offers, and one
    per organisation with a description in ``taal``. In another language
    than Dutch the UPL names are Dutch documents (``taal="nl"``: their Dutch
    stop words are dropped)."""
    seen: dict[str, tuple[bool, bool, bool]] = {}
    gemeente: set[str] = set()
    with UPL_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            naam = row["UniformeProductnaam"].strip()
            if row["Gemeente"] == "X":
                gemeente.add(naam)
            if row["Burger"] != "X":
                continue
            flags = (
                row["Rijk"] == "X",
                row["Provincie"] == "X",
                row["Waterschap"] == "X",
            )
            old = seen.get(naam, (False, False, False))
            seen[naam] = tuple(a or b for a, b in zip(old, flags, strict=True))
    documents = [
        ProductDocument(
            slug=f"{SLUG_PREFIX}{sleutel}:{naam}",
            title=naam,
            upl_naam=naam,
            instantie=sleutel,
            taal="" if taal == "nl" else "nl",
        )
        for naam, (rijk, provincie, waterschap) in sorted(seen.items())
        if naam not in gemeente and naam != "UPL-naam nog niet beschikbaar"
        for sleutel in [
            organisation_for(
                naam, rijk=rijk, provincie=provincie, waterschap=waterschap
            )
        ]
    ]
    documents.extend(
        ProductDocument(
            slug=f"{SLUG_PREFIX}{instantie.sleutel}",
            title=instantie.naam,
            upl_naam="",
            zoektermen=(instantie.omschrijving,),
            instantie=instantie.sleutel,
        )
        for instantie in instanties_in(taal).values()
        if instantie.omschrijving
    )
    return tuple(documents)
