"""The fee table of the demo README: which amounts are national, which invented.

Run ``python -m contenthub.demo.voorbeeldbedragen`` to print it; a test checks
that the README holds the current table.
"""

from __future__ import annotations

from typing import Any

from ..formatting import format_euro
from ..vocabulary import PER_LABELS


def fee_table(catalogus: dict[str, list[dict[str, Any]]]) -> str:
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


if __name__ == "__main__":
    from .source import read_catalogus

    print(fee_table(read_catalogus()))  # noqa: T201
