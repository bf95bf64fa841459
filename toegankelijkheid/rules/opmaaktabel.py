"""1.3.1: a table used for layout, or a layout table that carries data-table markup."""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document
from ..registry import BaseRule, register
from ._tables import (
    cells,
    has_header_cells,
    is_data_table_candidate,
    looks_like_layout,
    rows,
)


@register
class Opmaaktabel(BaseRule):
    id = "wcag.opmaaktabel"
    title = "Mogelijk een tabel voor opmaak"
    criteria = ("1.3.1",)
    level = "A"
    severity = Severity.WAARSCHUWING

    def check(self, document: Document) -> Iterator[Finding]:
        for table in document.tags("table"):
            if document.is_hidden_from_at(table):
                continue
            if document.is_presentational(table):
                markup = (
                    table.find("caption") is not None
                    or table.get("summary")
                    or any(
                        cell.tag == "th" or cell.get("scope") or cell.get("headers")
                        for row in rows(table)
                        for cell in cells(row)
                    )
                )
                if markup:
                    yield self.finding(
                        document,
                        table,
                        'Deze tabel is als opmaak gemarkeerd (role="presentation"), maar heeft '
                        "kopcellen of een bijschrift. Is het nu een gegevenstabel of niet?",
                        'Is het een gegevenstabel, haal dan role="presentation" weg. Is het '
                        "opmaak, gebruik dan geen th, caption, scope of headers.",
                    )
                continue
            if not is_data_table_candidate(document, table) or has_header_cells(
                document, table
            ):
                continue
            reason = looks_like_layout(table) if rows(table) else ""
            if not reason:
                continue
            yield self.finding(
                document,
                table,
                f"Deze tabel zonder kopcellen lijkt voor opmaak gebruikt ({reason}). Een "
                "schermlezer leest hem voor als gegevenstabel.",
                "Gebruik voor opmaak geen tabel maar gewone alinea's, koppen en lijsten. Zijn het "
                "wel gegevens, maak dan van de eerste rij kopcellen (th).",
            )
