"""1.3.1: header cells that are not linked to data cells.

Broken ``headers`` (to a missing id, to the cell itself, or to a header cell that is in
neither the row nor the column of the cell: WCAG technique F90, a copied cell whose
``headers`` were not updated) and invalid ``scope``.
"""

from __future__ import annotations

from collections.abc import Iterator

from contenthub.findings import Finding, Severity

from ..html import Document, Element
from ..registry import BaseRule, register
from ._tables import Span, cells, grid, rows, shares_row_or_column

_SCOPES = frozenset(("row", "col", "rowgroup", "colgroup"))
_GROUP_SCOPES = frozenset(("rowgroup", "colgroup"))


@register
class TabelKoppeling(BaseRule):
    id = "wcag.tabel-koppeling"
    title = "Kopcellen niet gekoppeld aan datacellen"
    criteria = ("1.3.1",)
    level = "A"
    severity = Severity.FOUT

    def check(self, document: Document) -> Iterator[Finding]:
        for table in document.tags("table"):
            if document.is_hidden_from_at(table) or document.is_presentational(table):
                continue
            table_cells = [cell for row in rows(table) for cell in cells(row)]
            ids = {cell.get("id"): cell for cell in table_cells if cell.get("id")}
            spans = (
                grid(table)
                if any("headers" in cell.attrib for cell in table_cells)
                else {}
            )
            for cell in table_cells:
                problem = self._headers_problem(cell, ids, spans)
                if problem:
                    yield self.finding(
                        document,
                        cell,
                        f"Het headers-attribuut van deze cel {problem}.",
                        "Laat headers alleen verwijzen naar de id's van kopcellen (th) in dezelfde "
                        'tabel, of gebruik bij een eenvoudige tabel scope="col"/"row" op de th.',
                    )
                scope = cell.get("scope")
                if (
                    scope is not None
                    and cell.tag == "th"
                    and scope.strip().lower() not in _SCOPES
                ):
                    yield self.finding(
                        document,
                        cell,
                        f'De kopcel heeft scope="{scope}"; dat koppelt haar aan geen enkele cel.',
                        'Gebruik scope="col" voor een kolomkop en scope="row" voor een rijkop.',
                    )

    @staticmethod
    def _headers_problem(
        cell: Element, ids: dict[str | None, Element], spans: dict[Element, Span]
    ) -> str:
        tokens = cell.get("headers", "").split()
        if not tokens:
            return ""
        if cell.get("id") in tokens:
            return "verwijst naar de cel zelf"
        missing = [token for token in tokens if token not in ids]
        if missing:
            return f"verwijst naar {', '.join(missing)}, maar die cel staat niet in deze tabel"
        if cell.tag != "td" or cell not in spans:
            return ""
        elsewhere = [
            token
            for token in dict.fromkeys(tokens)
            if (header := ids[token]) in spans
            and header.get("scope", "").strip().lower() not in _GROUP_SCOPES
            and not shares_row_or_column(spans[cell], spans[header])
        ]
        if elsewhere:
            return (
                f"verwijst naar {', '.join(elsewhere)}, maar die kopcel staat niet in de rij "
                "en niet in de kolom van deze cel"
            )
        return ""
