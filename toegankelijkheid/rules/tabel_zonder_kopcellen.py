"""1.3.1: a data table without header cells (``th``)."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import HEADING_TAGS, Document
from ..registry import BaseRule, register
from ._tables import (
    cells,
    has_header_cells,
    is_data_table_candidate,
    looks_like_layout,
    rows,
)


@register
class TabelZonderKopcellen(BaseRule):
    id = "wcag.tabel-zonder-kopcellen"
    title = "Tabel zonder kopcellen"
    criteria = ("1.3.1",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for table in document.tags("table"):
            if not is_data_table_candidate(document, table) or has_header_cells(
                document, table
            ):
                continue
            if not rows(table) or looks_like_layout(table):
                continue  # wcag.opmaaktabel says what to do with those
            first_row = cells(rows(table)[0])
            styled = any(
                cell.find(".//strong") is not None
                or cell.find(".//b") is not None
                or next(cell.iterdescendants(*HEADING_TAGS), None) is not None
                for cell in first_row
            )
            hint = (
                " De eerste rij is vet of als kop opgemaakt, maar dat zijn gewone cellen (td)."
                if styled
                else ""
            )
            yield self.finding(
                document,
                table,
                "Deze tabel heeft geen kopcellen (th). Een schermlezer kan dan bij een cel niet "
                "zeggen bij welke kolom of rij die hoort." + hint,
                "Maak van de eerste rij (of kolom) kopcellen: in de editor “Kopregel”, in HTML "
                '<th scope="col"> (of scope="row").',
            )
