"""Workbooks a person might hand the desk: a header and rows, optionally below a title."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

# The volunteer list's columns, as the template and the export write them.
VOLUNTEER_HEADER = [
    "編號",
    "姓名",
    "電話",
    "語言",
    "狀態",
    "每週上限",
    "基礎訓練日期",
    "基礎訓練時數",
    "備註",
]


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
