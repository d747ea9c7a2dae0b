"""The county's blank template filled for a month: its header found, our rows written under
it into a copy (the blank file is never changed), and a changed header refused.

Dates go in as ROC text (115/11/02) and times as real times, like the built-in 時數登錄
sheet; hours as numbers (0.5 h steps as recorded).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

from openpyxl import load_workbook

from frontdesk.core.national_template import (
    CATEGORY,
    CODE,
    DATE,
    END,
    HOURS,
    ITEM,
    NAME,
    START,
    TemplateMapping,
)
from frontdesk.export.cells import FMT_HOURS, FMT_TIME, naive_local
from frontdesk.export.monthly import workbook_path
from frontdesk.services.errors import InvalidInput
from frontdesk.services.national_template import TemplateRow
from frontdesk.words.dates import day_text

HEADER_SEARCH_ROWS = 15  # the header is among the first rows (a title may come first)
MIN_HEADER_CELLS = 3


@dataclass(frozen=True, slots=True)
class Layout:
    """A template's first sheet and its header row (1-based) with the header's words."""

    sheet: str
    header_row: int
    header: tuple[str, ...]


def read_layout(path: str | Path) -> Layout:
    """The header of the template's first sheet: the first of its first rows with at least
    three words; InvalidInput (field template) when there is none or it is no workbook."""
    try:
        wb = load_workbook(path, read_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is no workbook
        raise InvalidInput(f"not a workbook: {exc}", field="template", value=str(path)) from None
    try:
        ws = wb.worksheets[0]
        for n, row in enumerate(ws.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True), 1):
            cells = tuple("" if v is None else str(v).strip() for v in row)
            if sum(1 for c in cells if c) >= MIN_HEADER_CELLS:
                while cells and not cells[-1]:
                    cells = cells[:-1]
                return Layout(ws.title, n, cells)
    finally:
        wb.close()
    raise InvalidInput("no header row", field="template", value=str(path))


def _time(instant: datetime | None) -> time | None:
    """An aware instant as the Taipei wall-clock time of day a cell shows."""
    local = naive_local(instant)
    return local.time() if local is not None else None


def cell_values(row: TemplateRow) -> dict[str, object]:
    return {
        CODE: row.code,
        NAME: row.name,
        DATE: day_text(row.day),
        START: _time(row.start),
        END: _time(row.end),
        HOURS: round(row.minutes / 60, 2),
        ITEM: row.item,
        CATEGORY: row.category,
    }


def fill_template(
    template: str | Path, mapping: TemplateMapping, rows: Sequence[TemplateRow], out: str | Path
) -> Path:
    """A copy of `template` with `rows` under its header, saved at `out` (.xlsx added).

    Refused (InvalidInput, field template_header) when the template's header is not the
    one the mapping was made for: the supervisor maps it again first.
    """
    layout = read_layout(template)
    if not mapping.fits(layout.sheet, layout.header_row, layout.header):
        raise InvalidInput("the template's header changed", field="template_header")
    path = workbook_path(out)
    wb = load_workbook(template)
    ws = wb[mapping.sheet]
    for i, row in enumerate(rows, start=mapping.header_row + 1):
        values = cell_values(row)
        for name, column in mapping.columns.items():
            cell = ws.cell(row=i, column=column)
            cell.value = values[name]  # None too: hours by hand have no times, left blank
            if name in (START, END):
                cell.number_format = FMT_TIME
            elif name == HOURS:
                cell.number_format = FMT_HOURS
    wb.save(path)
    return path
