"""The monthly workbook as printed: the 合計 row never alone on a page, one title style, the
swap notice in days and hours, a month's swaps being those of its duties, and attendance
headers that break where written (「遲到（/分）」 was printed). Read back with openpyxl."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from frontdesk.export.hours import HoursSheetWriter
from frontdesk.export.monthly import export_month
from frontdesk.export.styles import PRINTABLE_PT, wrapped_lines
from frontdesk.services.reports import month_report
from frontdesk.store.db import Database
from tests.export.helpers import find_row, row_values
from tests.export.scenario import build_february


def _pages_of_total(path: Path) -> tuple[int, int]:
    """(rows on the page where 合計 prints before it, the 合計 row): paginating the body rows
    below the repeated title rows 1-2 at 100%, honouring manual breaks."""
    ws = load_workbook(path)["服務時數"]
    room = PRINTABLE_PT["landscape"] - sum(ws.row_dimensions[r].height for r in (1, 2))
    breaks = {b.id for b in ws.row_breaks.brk}
    total = find_row(ws, 1, "合計")
    used, on_page = 0.0, 0
    for row in range(3, total + 1):
        height = ws.row_dimensions[row].height or 15
        if on_page and (used + height > room or row - 1 in breaks):
            used, on_page = 0.0, 0
        used += height
        on_page += 1
    return on_page - 1, total


def test_the_total_row_never_prints_alone(sqlite_db: Database, tmp_path: Path) -> None:
    sc = build_february(sqlite_db)
    people = month_report(sc.desk, 2025, 2).volunteers
    alone = []
    for count in range(5, 60):
        many = [replace(people[i % len(people)], code=f"V{i:03d}") for i in range(count)]
        wb = Workbook(write_only=True)
        HoursSheetWriter(wb, "測試 志工服務時數", "社會服務").summary(many)
        path = tmp_path / f"{count}.xlsx"
        wb.save(path)
        before, _ = _pages_of_total(path)
        if before == 0:
            alone.append(count)
    assert not alone, f"合計 alone atop a page with {alone} volunteers"


@pytest.fixture
def feb(sqlite_db: Database, tmp_path: Path, qapp: object) -> tuple[Workbook, Workbook]:
    """February's and January's workbooks, made in Chinese as the desk runs."""
    from frontdesk import i18n

    sc = build_february(sqlite_db)
    i18n.install("zh_TW")
    try:
        feb = load_workbook(export_month(sc.desk, 2025, 2, tmp_path / "feb.xlsx"))
        jan = load_workbook(export_month(sc.desk, 2025, 1, tmp_path / "jan.xlsx"))
    finally:
        i18n.install("en")
    return feb, jan


def test_swaps_say_notice_in_days_and_hours_and_belong_to_their_duty_month(
    feb: tuple[Workbook, Workbook],
) -> None:
    wb, jan = feb
    ws = wb["換班紀錄"]
    col = {name: i for i, name in enumerate(row_values(ws, 2))}
    notices = [r[col["提前"]].value for r in ws.iter_rows(min_row=3)]
    assert notices == ["20 天 22 小時", "19 天 22 小時", "1 天 17 小時"]
    # The exchange was asked on 114/01/20 for February's duties: it is February's only.
    assert jan["換班紀錄"].max_row == 2  # title and header, no rows


def test_every_titled_sheet_has_one_title_style(feb: tuple[Workbook, Workbook]) -> None:
    wb, _ = feb
    fonts = {
        name: (wb[name]["A1"].font.sz, wb[name]["A1"].font.b)
        for name in ("月值班表", "服務時數", "換班紀錄")
    }
    assert len(set(fonts.values())) == 1, fonts
    assert "換班紀錄" in wb["換班紀錄"]["A1"].value
    assert wb["換班紀錄"].print_title_rows == "$1:$2"


def test_attendance_headers_break_only_where_written(feb: tuple[Workbook, Workbook]) -> None:
    wb, _ = feb
    ws = wb["簽到簽退紀錄"]
    height = ws.row_dimensions[1].height
    for i, header in enumerate(row_values(ws, 1), start=1):
        column = ws.column_dimensions[get_column_letter(i)]
        if column.hidden:
            continue
        lines = wrapped_lines(header, column.width)
        if "（" in header:  # a unit in brackets stays whole on its own line
            assert lines == header.count("\n") + 1, header
        assert lines * 10 * 1.32 <= height, header
    assert "遲到\n（分）" in row_values(ws, 1)
