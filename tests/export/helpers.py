"""Reading a workbook back: find rows by their first cells."""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.worksheet import Worksheet


def find_row(ws: Worksheet, col: int, value: object) -> int:
    """The 1-based index of the first row whose cell in `col` holds `value`."""
    for row in ws.iter_rows(min_col=col, max_col=col):
        if row[0].value == value:
            return int(row[0].row)
    raise AssertionError(f"no row with {value!r} in column {col} of {ws.title}")


def row_values(ws: Worksheet, row: int) -> list[Any]:
    return [c.value for c in ws[row]]


def all_text(ws: Worksheet) -> str:
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
