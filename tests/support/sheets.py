"""Workbooks a person might hand the desk: a header and rows, optionally below a title."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook


def write_sheet(
    path: Path,
    header: Sequence[object],
    rows: Sequence[Sequence[object]] = (),
    *,
    lead: Sequence[Sequence[object]] = (),
    title: str | None = None,
) -> Path:
    """Save a one-sheet workbook: the `lead` rows, the header, the rows; returns `path`."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    if title is not None:
        ws.title = title
    for row in (*lead, header, *rows):
        ws.append(list(row))
    wb.save(path)
    return path
