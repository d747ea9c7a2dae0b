"""The recognition workbook: every volunteer's hours, what they qualify for now or within
three months at their pace, a card about to expire, and what their record lacks.

No phone or other personal data beyond the name: nothing to mask. Words from
words.records_paper (a form, the same in every UI language).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from frontdesk.export.cells import FONT_NAME
from frontdesk.export.monthly import workbook_path
from frontdesk.export.styles import row_height
from frontdesk.services.recognition_views import RecognitionRow
from frontdesk.words import records_paper as P
from frontdesk.words.dates import day_text, format_roc_short

WIDTHS = (8, 9, 10, 9, 8, 8, 9, 26, 24, 10, 13, 18)  # within landscape A4 at ~90%
_HEAD = Font(name=FONT_NAME, bold=True)
_FILL = PatternFill("solid", fgColor="F2F2F2")
_WRAP = Alignment(wrap_text=True, vertical="top")


def hours(minutes: int) -> float:
    """Minutes as hours to two decimals, the figure the workbook shows."""
    return round(minutes / 60, 2)


def goals(codes: Sequence[str]) -> str:
    return "、".join(P.GOALS.get(c, c) for c in codes)


def row_values(r: RecognitionRow) -> list[object]:
    """One volunteer's row, in RECOGNITION_HEADER's order."""
    s = r.standing
    expiring = P.CARD_EXPIRES.format(day=day_text(s.expiring.expires_on)) if s.expiring else ""
    return [
        r.code,
        r.name,
        day_text(r.since),
        hours(r.desk_minutes),
        hours(r.prior_minutes),
        hours(r.total_minutes),
        hours(r.recent_minutes),
        goals(s.due_now),
        goals(s.due_soon),
        s.honor_card.hours,
        expiring,
        "、".join(P.MISSING.get(m, m) for m in s.missing),
    ]


def write_recognition(rows: Sequence[RecognitionRow], as_of: date, out: str | Path) -> Path:
    """The workbook at `out` (.xlsx added), replacing a file there; returns its path."""
    path = workbook_path(out)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = P.RECOGNITION_SHEET
    ws.append([P.RECOGNITION_TITLE.format(day=format_roc_short(as_of))])
    ws["A1"].font = Font(name=FONT_NAME, size=14, bold=True)
    ws.append(list(P.RECOGNITION_HEADER))
    for cell in ws[2]:
        cell.font, cell.fill, cell.alignment = _HEAD, _FILL, _WRAP
    for r in rows:
        ws.append(row_values(r))
    for i, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for n, line in enumerate(ws.iter_rows(min_row=2), start=2):
        for cell in line:
            cell.alignment = _WRAP
        texts = ((cell.value, WIDTHS[i]) for i, cell in enumerate(line) if i < len(WIDTHS))
        ws.row_dimensions[n].height = row_height(texts, point=11)
    ws.freeze_panes = "C3"
    ws.print_title_rows = "1:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(path)
    return path
