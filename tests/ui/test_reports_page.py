"""報表: the supervisor's monthly export writes the workbook (no "not installed" state), under
the month's name, after saying how many records still wait for review."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from frontdesk.services.context import Desk
from frontdesk.services.workspace import review_rows
from frontdesk.store.db import Database
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor import reports as reports_module
from frontdesk.ui.supervisor.reports import Choice, ReportsPage
from frontdesk.ui.supervisor.window import SupervisorWindow
from tests.export.scenario import Scenario, build_february
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


def test_export_writes_the_month_and_says_where(qtbot, desk: Desk, tmp_path: Path) -> None:
    page = ReportsPage(desk)
    qtbot.addWidget(page)
    assert page.export_button.isEnabled()
    target = tmp_path / "month.xlsx"
    page.export(str(target))
    assert load_workbook(target).sheetnames[0] == "月值班表"
    assert str(target) in page.banner.text()


@pytest.fixture
def february(sqlite_db: Database) -> Scenario:
    return build_february(sqlite_db)


def _page(qtbot, sc: Scenario) -> ReportsPage:  # type: ignore[no-untyped-def]
    page = ReportsPage(sc.desk)
    qtbot.addWidget(page)
    page.picker.set_month(2025, 2)
    return page


def test_the_file_dialog_proposes_the_months_name_and_the_count_is_said(
    qtbot, february: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, february)
    proposed: list[str] = []
    asked: list[str] = []

    def choose(_parent: object, _title: str, name: str, _pattern: str) -> str:
        proposed.append(name)
        return str(tmp_path / name)

    monkeypatch.setattr(common, "choose_save_file", choose)
    monkeypatch.setattr(page, "ask_about_review", lambda text: asked.append(text) or Choice.EXPORT)
    page.export()
    assert proposed == ["志工值勤月報_114年2月.xlsx"]
    assert (tmp_path / "志工值勤月報_114年2月.xlsx").exists()
    waiting = len(review_rows(february.desk))  # what the 出勤 page lists as 待確認
    assert waiting == 7
    (sentence,) = asked
    assert f"{waiting} " in sentence and "114/02" in sentence
    assert sentence in page.banner.text()  # said again beside where the file went
    # the dialog asked before an existing file was chosen: it is replaced
    page.export()
    assert len(proposed) == 2 and "志工值勤月報_114年2月.xlsx" in page.banner.text()


def test_review_first_opens_the_queue_and_writes_nothing(
    qtbot, february: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = SupervisorWindow(february.desk, "chen", "陳秀英")
    qtbot.addWidget(window)
    window.attendance.tabs.setCurrentIndex(2)
    monkeypatch.setattr(window.reports, "ask_about_review", lambda _text: Choice.REVIEW)
    monkeypatch.setattr(common, "choose_save_file", lambda *a: pytest.fail("no file is asked for"))
    window.reports.picker.set_month(2025, 2)
    window.reports.export()
    assert window.stack.currentWidget() is window.attendance
    assert window.attendance.tabs.currentIndex() == 0  # 待確認
    assert window.attendance.review.rowCount() == 7


def test_nothing_waiting_asks_nothing(
    qtbot, february: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, february)
    page.picker.set_month(2025, 3)
    monkeypatch.setattr(page, "ask_about_review", lambda _t: pytest.fail("nothing waits"))
    page.export(str(tmp_path / "mar.xlsx"))
    assert (tmp_path / "mar.xlsx").exists()


def test_the_question_names_the_count_and_one_enter_exports_once(
    qtbot, february: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, february)
    calls: list[Path] = []
    real = reports_module.export_month
    monkeypatch.setattr(
        reports_module, "export_month", lambda *a, **k: calls.append(a[3]) or real(*a, **k)
    )
    seen: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        seen.extend(b.text() for b in box.buttons())
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    page.export(str(tmp_path / "feb.xlsx"))
    assert seen and "7 " in seen[0]
    assert {"Export anyway", "Open the review queue", "Cancel"} <= set(seen[1:])
    assert calls == [tmp_path / "feb.xlsx"]  # Enter: export anyway, once
