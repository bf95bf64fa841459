"""The generated tables of the demo README: fees per gemeente, and basisteksten.

Run ``python -m demo.voorbeeldbedragen`` to print them; a test
checks that the README holds the current tables.
"""

from __future__ import annotations

from typing import Any

from contenthub.formatting import format_euro
from contenthub.vocabulary import PER_LABELS

from .source import own_fields

Catalogus = dict[str, list[dict[str, Any]]]


def fee_table(catalogus: Catalogus) -> str:
    """Every fee of one gemeente: which amounts are national, which invented."""
    lines = ["| product | omschrijving | bedrag | bron |", "| --- | --- | --- | --- |"]
    for producten in catalogus.values():
        for product in producten:
            for regel in product.get("kosten", []):
                bron = regel.get("bron", "")
                bron = "**voorbeeld** (verzonnen)" if bron == "voorbeeld" else bron
                bedrag = f"{format_euro(regel['bedrag'])} {PER_LABELS[regel['per']]}"
                lines.append(
                    f"| {product['slug']} | {regel['omschrijving']} | {bedrag} | {bron} |"
                )
    return "\n".join(lines)


def fee_tables(catalogi: dict[str, Catalogus]) -> str:
    """:func:`fee_table` for each gemeente (keyed by its name), under a heading."""
    return "\n\n".join(
        f"### {naam}\n\n{fee_table(catalogus)}" for naam, catalogus in catalogi.items()
    )


def basistekst_table(
    basisteksten: dict[str, dict[str, Any]], catalogi: dict[str, Catalogus]
) -> str:
    """Which product of which gemeente inherits which basistekst, and its own fields."""
    namen = [naam.removeprefix("Gemeente ") for naam in catalogi]
    lines = [
        "| basistekst | " + " | ".join(namen) + " |",
        "| --- |" + " --- |" * len(namen),
    ]
    per_gemeente = [
        {
            product["basistekst"]: product
            for producten in catalogus.values()
            for product in producten
            if product.get("basistekst")
        }
        for catalogus in catalogi.values()
    ]
    for slug, tekst in basisteksten.items():
        cells = []
        for producten in per_gemeente:
            product = producten.get(slug)
            if product is None:
                cells.append("-")
                continue
            eigen = own_fields(product)
            cells.append(
                f"{product['slug']} (eigen: {', '.join(eigen)})"
                if eigen
                else product["slug"]
            )
        lines.append(f"| {tekst['titel']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def readme_catalogi() -> tuple[dict[str, dict[str, Any]], dict[str, Catalogus]]:
    """The basisteksten and every gemeente's catalogue (by gemeente name)."""
    from .source import GEMEENTEN, read_basisteksten, read_catalogus, read_organisatie

    basisteksten = read_basisteksten()
    catalogi = {
        read_organisatie(key)["gemeente"]["naam"]: read_catalogus(key, basisteksten)
        for key in GEMEENTEN
    }
    return basisteksten, catalogi


if __name__ == "__main__":
    basisteksten, catalogi = readme_catalogi()
    print(basistekst_table(basisteksten, catalogi))  # noqa: T201
    print()  # noqa: T201
    print(fee_tables(catalogi))  # noqa: T201
