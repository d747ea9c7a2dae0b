"""The county's template: two layouts made here, their headers found, the columns guessed,
the month filled into a copy and read back, and a changed header refused."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from frontdesk.core.national_template import TemplateMapping, guess_columns, personal_columns
from frontdesk.export.national_template import fill_template, read_layout
from frontdesk.services import records
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput
from frontdesk.services.national_template import load_mapping, save_mapping, template_rows
from frontdesk.store.db import Database
from tests.support.clocks import Clock
from tests.support.desks import add_volunteer, new_desk
from tests.support.service import served

FLAT = ("志工編號", "姓名", "服務日期", "開始時間", "結束時間", "服務時數", "服務項目", "服務類別")
COUNTY = ("服務日期", "身分證字號", "志工姓名", "服務類別", "服務項目", "時數", "備註")


def _template(path: Path, header: tuple[str, ...], title: str = "") -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "登錄"
    if title:
        ws.append([title])
        ws.append([])
    ws.append(list(header))
    wb.save(path)
    return path


@pytest.fixture
def desk(sqlite_db: Database) -> Desk:
    desk = new_desk(sqlite_db, Clock())
    a = add_volunteer(desk, "V001", "王小明")
    b = add_volunteer(desk, "V002", "李美華")
    served(desk, a, [(date(2026, 10, 5), "AM", 179), (date(2026, 10, 5), "PM", 180)])
    served(desk, b, [(date(2026, 10, 6), "AM", 180)])
    records.add_hours(desk, "V002", date(2026, 10, 17), 240, "社區篩檢", "社區衛教")
    return desk


def _fill(desk: Desk, tmp: Path, header: tuple[str, ...], title: str = "") -> tuple[Path, Path]:
    blank = _template(tmp / f"blank{len(header)}.xlsx", header, title)
    layout = read_layout(blank)
    mapping = TemplateMapping(
        layout.sheet, layout.header_row, layout.header, guess_columns(layout.header)
    )
    save_mapping(desk, mapping)
    kept = load_mapping(desk)
    assert kept == mapping
    out = fill_template(blank, kept, template_rows(desk, 2026, 10), tmp / f"out{len(header)}")
    return blank, out


def test_flat_layout(desk: Desk, tmp_path: Path) -> None:
    blank, out = _fill(desk, tmp_path, FLAT)
    ws = load_workbook(out)["登錄"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert rows[0][:3] == ["V001", "王小明", "115/10/05"]
    # one row per duty: the morning's 2 h 59 min cut to 2.5 h, the afternoon's 3 h
    assert rows[0][3] == time(8, 30) and rows[0][5] == 2.5
    assert rows[1][:3] == ["V001", "王小明", "115/10/05"]
    assert rows[1][3] == time(13, 30) and rows[1][5] == 3
    assert rows[0][6] == "服務台值勤" and rows[0][7] == "服務台諮詢引導"
    assert rows[3][:3] == ["V002", "李美華", "115/10/17"] and rows[3][5] == 4
    # hours by hand: the reason with the item, the times left blank
    assert rows[3][3] is None and rows[3][4] is None
    assert rows[3][6] == "社區衛教（補登：社區篩檢）"
    assert len(rows) == 4
    assert load_workbook(blank)["登錄"].max_row == 1  # the blank template is left blank


def test_county_layout_with_a_title_and_a_column_we_never_fill(desk: Desk, tmp_path: Path) -> None:
    blank, out = _fill(desk, tmp_path, COUNTY, "115年度志願服務時數登錄表")
    layout = read_layout(blank)
    assert layout.header_row == 3
    assert guess_columns(layout.header) == {
        "name": 3,
        "date": 1,
        "hours": 6,
        "item": 5,
        "category": 4,
    }
    ws = load_workbook(out)["登錄"]
    assert ws["A1"].value == "115年度志願服務時數登錄表"
    assert [c.value for c in ws[4]] == [
        "115/10/05",
        None,
        "王小明",
        "服務台諮詢引導",
        "服務台值勤",
        2.5,
        None,
    ]
    assert [c.value for c in ws[5]][:6] == [
        "115/10/05",
        None,
        "王小明",
        "服務台諮詢引導",
        "服務台值勤",
        3,
    ]
    assert all(ws.cell(row=r, column=2).value is None for r in range(4, 9))  # no ID numbers
    assert personal_columns(layout.header) == (2,)  # 身分證字號: said to stay empty


def test_a_changed_header_is_asked_again(desk: Desk, tmp_path: Path) -> None:
    blank, _ = _fill(desk, tmp_path, COUNTY, "115年度")
    mapping = load_mapping(desk)
    assert mapping is not None
    moved = _template(
        tmp_path / "new.xlsx", ("服務日期", "志工姓名", "身分證字號", *COUNTY[3:]), "116年度"
    )
    layout = read_layout(moved)
    assert not mapping.fits(layout.sheet, layout.header_row, layout.header)
    with pytest.raises(InvalidInput) as refused:
        fill_template(moved, mapping, template_rows(desk, 2026, 10), tmp_path / "x.xlsx")
    assert refused.value.facts["field"] == "template_header"
    assert not (tmp_path / "x.xlsx").exists()
    same = read_layout(blank)
    assert mapping.fits(same.sheet, same.header_row, tuple(f" {h} " for h in same.header))


def test_no_header_is_refused(tmp_path: Path) -> None:
    empty = _template(tmp_path / "e.xlsx", ("只有", "兩欄"))
    with pytest.raises(InvalidInput):
        read_layout(empty)
    (tmp_path / "n.xlsx").write_text("not a workbook")
    with pytest.raises(InvalidInput):
        read_layout(tmp_path / "n.xlsx")
