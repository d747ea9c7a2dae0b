"""報表 → 年度報告: the button writes the year's workbook for the year chosen (ROC)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from frontdesk.store.db import Database
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.reports import ReportsPage
from frontdesk.words import year_report as w
from tests.export.scenario import build_february


def test_the_year_button_writes_the_year_chosen(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    s = build_february(sqlite_db)
    s.clock.set(date(2026, 1, 12), 9)  # January: the year just ended is proposed
    page = ReportsPage(s.desk)
    qtbot.addWidget(page)
    box = page.year_report
    assert box.year.value() == 114 and box.gregorian() == 2025
    asked: list[str] = []

    def choose(_parent, _title, name, _pattern):  # type: ignore[no-untyped-def]
        asked.append(name)
        return str(tmp_path / name)

    monkeypatch.setattr(common, "choose_save_file", choose)
    box.button.click()
    assert asked == ["志工服務年度報告_114年.xlsx"]
    out = tmp_path / asked[0]
    assert load_workbook(out).sheetnames == list(w.SHEETS)
    assert str(out) in box.banner.text()
