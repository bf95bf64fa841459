"""Table structure for the table rules: rows and cells of one table, not of nested ones."""

from __future__ import annotations

from ..html import Document, Element

HEADER_ROLES = frozenset(("columnheader", "rowheader"))
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
LAYOUT_CONTENT = frozenset(
    ("table", "h1", "h2", "h3", "h4", "h5", "h6", "form", "input", "select", "textarea")
)


def rows(table: Element) -> list[Element]:
    found = []
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            found.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            found.extend(c for c in child if isinstance(c.tag, str) and c.tag == "tr")
    return found


def cells(row: Element) -> list[Element]:
    return [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]


def width(row: Element) -> int:
    total = 0
    for cell in cells(row):
        span = cell.get("colspan", "1").strip()
        total += int(span) if span.isdigit() and 0 < int(span) < 1000 else 1
    return total


def has_header_cells(document: Document, table: Element) -> bool:
    return any(
        cell.tag == "th"
        or ("role" in cell.attrib and document.computed_role(cell) in HEADER_ROLES)
        for row in rows(table)
        for cell in cells(row)
    )


def is_data_table_candidate(document: Document, table: Element) -> bool:
    """A visible table that is not marked as layout and is not an ARIA widget."""
    if document.is_hidden_from_at(table) or document.is_presentational(table):
        return False
    return "role" not in table.attrib or document.computed_role(table) == "table"


def looks_like_layout(table: Element) -> str:
    """Why a table without header cells looks like a layout table, or "" when it does not."""
    table_rows = rows(table)
    if table.find("caption") is not None or table.get("summary"):
        return ""
    if len(table_rows) <= 1:
        return "één rij"
    if max((width(row) for row in table_rows), default=0) <= 1:
        return "één kolom"
    for index, row in enumerate(table_rows):
        for cell in cells(row):
            for descendant in cell.iterdescendants():
                tag = descendant.tag
                if not isinstance(tag, str) or tag not in LAYOUT_CONTENT:
                    continue
                if index == 0 and tag in HEADINGS:
                    continue  # headings in the first row: meant as column headers
                return f"<{tag}> in een cel"
    return ""


Span = tuple[int, int, int, int]
"""First row, last row, first column, last column of a cell in the table grid."""

_MAX_COLSPAN = 1000


def _span(cell: Element, attribute: str, limit: int) -> int:
    value = cell.get(attribute, "1").strip()
    if not value.isdigit():
        return 1
    number = int(value)
    if number == 0 and attribute == "rowspan":
        return limit  # rowspan="0": to the end of the table
    return max(1, min(number, limit))


def grid(table: Element) -> dict[Element, Span]:
    """Where each cell sits, after the HTML table model (rowspan and colspan).

    Simplified on purpose: row groups are taken together, as the rows of one table.
    Linear in the number of slots the spans cover (colspan at most 1000, rowspan at
    most the rows that are left).
    """
    table_rows = rows(table)
    taken: set[tuple[int, int]] = set()
    spans: dict[Element, Span] = {}
    for row_index, row in enumerate(table_rows):
        column = 0
        for cell in cells(row):
            while (row_index, column) in taken:
                column += 1
            height = _span(cell, "rowspan", len(table_rows) - row_index)
            breadth = _span(cell, "colspan", _MAX_COLSPAN)
            spans[cell] = (
                row_index,
                row_index + height - 1,
                column,
                column + breadth - 1,
            )
            if height > 1:
                for extra_row in range(row_index + 1, row_index + height):
                    for extra_column in range(column, column + breadth):
                        taken.add((extra_row, extra_column))
            column += breadth
    return spans


def shares_row_or_column(first: Span, second: Span) -> bool:
    """Whether two cells overlap in at least one row or one column of the grid."""
    rows_overlap = first[0] <= second[1] and second[0] <= first[1]
    columns_overlap = first[2] <= second[3] and second[2] <= first[3]
    return rows_overlap or columns_overlap
