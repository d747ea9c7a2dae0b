"""縣市範本 in the workspace: the blank template's columns guessed and shown, one changed by
hand with the preview following, saved, filled; a changed header said and asked again."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QComboBox

from frontdesk.services.context import Desk
from frontdesk.services.national_template import load_mapping
from frontdesk.ui.supervisor.national_template import TemplateDialog
from tests.support.service import served
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)

SHOTS = os.environ.get("FRONTDESK_SHOTS")


def _blank(path: Path, header: list[str]) -> str:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["115年度志工服務時數"])
    ws.append(header)
    wb.save(path)
    return str(path)


def test_match_preview_fill_and_changed_header(
    qtbot, desk: Desk, make_volunteer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    vid = make_volunteer("V001", "王小明")
    served(desk, vid, [(date(2026, 10, 5), "AM", 180)])
    blank = _blank(tmp_path / "county.xlsx", ["日期", "姓名", "備考", "時數", "類別"])
    dialog = TemplateDialog(desk, 2026, 10)
    qtbot.addWidget(dialog)
    assert not dialog.fill_button.isEnabled()
    dialog.choose(blank)
    assert dialog.columns.rowCount() == 5
    combos = [dialog.columns.cellWidget(r, 2) for r in range(5)]
    assert all(isinstance(c, QComboBox) for c in combos)
    assert [c.currentData() for c in combos] == ["date", "name", "", "hours", "category"]  # type: ignore[union-attr]
    assert dialog.preview.item(0, 3).text() == "3"
    assert dialog.preview.item(0, 2) is None
    combos[2].setCurrentIndex(combos[2].findData("item"))  # type: ignore[union-attr]
    assert dialog.preview.item(0, 2).text() == "服務台值勤"  # the preview follows
    if SHOTS:
        dialog.resize(1300, 700)
        dialog.grab().save(str(Path(SHOTS) / "template_dialog.png"))
    out = tmp_path / "filled.xlsx"
    dialog.fill(str(out))
    ws = load_workbook(out).active
    assert ws is not None
    assert [c.value for c in ws[3]] == [
        "115/10/05",
        "王小明V001",
        "服務台值勤",
        3,
        "服務台諮詢引導",
    ]
    saved = load_mapping(desk)
    assert saved is not None and saved.columns["item"] == 3
    changed = _blank(tmp_path / "county2.xlsx", ["日期", "姓名", "時數", "類別", "備考"])
    again = TemplateDialog(desk, 2026, 10)
    qtbot.addWidget(again)
    again.choose(changed)
    assert again.banner.text() and "header" in again.banner.text()
    again.choose(blank)
    assert "saved" in again.banner.text()


def test_records_waiting_and_personal_columns_are_said(
    qtbot, desk: Desk, make_volunteer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from frontdesk.store.models import Attendance

    vid = make_volunteer("V001", "王小明")
    served(desk, vid, [(date(2026, 10, 5), "AM", 180), (date(2026, 10, 5), "PM", 180)])
    with desk.db.write() as s:
        s.execute(update(Attendance).where(Attendance.slot == "PM").values(needs_review=True))
    blank = _blank(tmp_path / "id.xlsx", ["服務日期", "身分證字號", "志工姓名", "時數"])
    dialog = TemplateDialog(desk, 2026, 10)
    qtbot.addWidget(dialog)
    dialog.choose(blank)
    notes = dialog.notes.text()
    assert "1" in notes and "115/10" in notes  # the monthly export's own warning
    assert "身分證字號" in notes
    assert len(dialog.rows) == 2  # a row per duty
    dialog.fill(str(tmp_path / "out.xlsx"))
    ws = load_workbook(tmp_path / "out.xlsx").active
    assert ws is not None
    assert [ws.cell(r, 2).value for r in (3, 4)] == [None, None]
