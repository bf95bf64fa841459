"""The Uniforme Productnamenlijst (UPL), the national key of a product.

Source: the UPL-actueel export of standaarden.overheid.nl (open data),
version of 2023-10-04, copied unchanged to ``data/upl.csv``. One row per
product name and legal basis, so a name can occur more than once; its URI is
the same on every row.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

UPL_CSV = Path(__file__).resolve().parent / "data" / "upl.csv"


@dataclass(frozen=True, slots=True)
class UplEntry:
    naam: str
    uri: str
    gemeente: bool
    burger: bool
    bedrijf: bool
    sdg: str = ""
    """The SDG annex code(s), e.g. "D1" or "N1;D2"; empty when the product is not an SDG product."""
    digid: bool = False
    """Applying online needs DigiD (the list's DigiDMacht column)."""


@cache
def upl_entries() -> dict[str, UplEntry]:
    """Every UPL name with its entry, read once per process."""
    entries: dict[str, UplEntry] = {}
    with UPL_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            naam = row["UniformeProductnaam"].strip()
            entry = entries.get(naam)
            flags = {
                "gemeente": row["Gemeente"] == "X",
                "burger": row["Burger"] == "X",
                "bedrijf": row["Bedrijf"] == "X",
                "digid": row.get("DigiDMacht", "") == "X",
            }
            if entry is not None:
                flags = {
                    key: value or getattr(entry, key) for key, value in flags.items()
                }
            sdg = row.get("SDG", "").strip() or (entry.sdg if entry else "")
            entries[naam] = UplEntry(
                naam=naam, uri=row["URI"].strip(), sdg=sdg, **flags
            )
    return entries


def upl_uri_for(naam: str) -> str | None:
    """The URI of a UPL name, or None when the name is not in the list."""
    entry = upl_entries().get(naam)
    return entry.uri if entry else None


def upl_naam_for(uri: str) -> str | None:
    """The UPL name that belongs to a URI, or None."""
    for entry in upl_entries().values():
        if entry.uri == uri:
            return entry.naam
    return None


def upl_entry_for_uri(uri: str) -> UplEntry | None:
    """The UPL entry with this URI, or None."""
    for entry in upl_entries().values():
        if entry.uri == uri:
            return entry
    return None
