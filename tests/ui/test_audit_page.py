"""The audit log page: readable words, filters by who, what and days, full times, export."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from frontdesk.core.timeutil import at
from frontdesk.services import attendance, attendance_review, audit_view, workspace
from frontdesk.services.context import Desk
from frontdesk.services.setup import update_settings
from frontdesk.ui.supervisor import SupervisorWindow, common
from frontdesk.ui.supervisor.audit import AuditPage
from tests.support.clocks import Clock
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)

NOV2 = date(2026, 11, 2)  # the workspace clock's day (tests.support.clocks.START)


@pytest.fixture
def history(desk: Desk, boss: str, make_volunteer, clock: Clock) -> Desk:  # type: ignore[no-untyped-def]
    """A walk-in on 2026-10-01 accepted by 王督導, and a settings change on 2026-11-02."""
    make_volunteer("B01", "王小明")
    clock.set(date(2026, 10, 1), 14)
    attendance.scan(desk, "B01", confirm_walk_in=True, now=at(date(2026, 10, 1), time(8, 40)))
    attendance.scan(desk, "B01", now=at(date(2026, 10, 1), time(11, 30)))
    ids = [r.id for r in workspace.review_rows(desk)]
    attendance_review.accept_reviews(desk, ids, "臨時支援")
    clock.set(NOV2, 9)
    update_settings(desk, {"late_grace_minutes": "10"})
    return desk


def _page(qtbot, desk: Desk) -> AuditPage:  # type: ignore[no-untyped-def]
    page = AuditPage(desk)
    qtbot.addWidget(page)
    page.first_day.setDate(QDate(2026, 9, 1))
    page.refresh()
    return page


def _column(page: AuditPage, column: int) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_the_log_reads_in_words(qtbot, history) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, history)
    m = page.model
    # The agency was set up at the real time of the test run, outside these days.
    start, end = at(date(2026, 9, 1), time(0)), at(date(2026, 11, 3), time(0))
    inside = [r.id for r in workspace.audit_log(history) if start <= r.at < end]
    assert [r.id for r in page.model.rows()] == inside and len(inside) == 6
    assert _column(page, m.ACTION)[0] == "Settings changed"
    assert _column(page, m.ACTOR)[0] == "Supervisor 王督導"
    assert _column(page, m.ENTITY)[0] == "測試衛生所"  # the agency, not "site 1"
    assert _column(page, m.DETAILS)[0] == "late after (minutes): 5 → 10"
    assert all(re.fullmatch(r"\d{3}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}", t) for t in _column(page, m.AT))
    for column in range(m.COLUMN_COUNT):
        for text in _column(page, column):
            assert not re.search(r"[{}\"]|\d{4}-\d{2}-\d{2}|\bsite \d|supervisor:", text), text
    page.table.selectRow(0)
    assert "late after (minutes): 5 → 10" in page.detail.text()


def test_filters_by_who_what_and_days(qtbot, history) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, history)
    everyone = page.model.rowCount()
    page.what.setCurrentIndex(page.what.findData("attendance.accept"))
    assert _column(page, page.model.ACTION) == ["Duty accepted as it is"]
    page.what.setCurrentIndex(0)
    assert page.model.rowCount() == everyone
    volunteer = page.who.findData("volunteer:B01")
    name = workspace.volunteer_choices(history)[0].name
    assert page.who.itemText(volunteer) == f"Volunteer {name}（B01）"
    page.who.setCurrentIndex(volunteer)
    assert set(_column(page, page.model.ACTION)) == {
        "Signed in at the desk",
        "Signed out at the desk",
    }
    page.who.setCurrentIndex(0)
    page.first_day.setDate(QDate(2026, 11, 2))
    page.last_day.setDate(QDate(2026, 11, 2))
    assert _column(page, page.model.ACTION) == [
        "Settings changed",
        "Volunteer added",
        "Supervisor account created",
    ]
    assert page.banner.text() == "3 entries."
    page.last_day.setDate(QDate(2026, 11, 1))  # before the first day: refused in words
    assert page.model.rowCount() == 0
    assert page.banner.text() == "The last day is before the first day; choose the days again."


def test_export_writes_what_the_filters_choose(qtbot, history, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, history)
    page.what.setCurrentIndex(page.what.findData("attendance.accept"))
    page.export(str(tmp_path / "log.xlsx"))
    assert page.banner.text().startswith("Saved 1 entries to ")
    ws = load_workbook(tmp_path / "log.xlsx").active
    assert ws is not None and ws["D4"].value == "Duty accepted as it is" and ws["D5"].value is None
    assert page.who.findData("supervisor:boss") >= 0
    assert audit_view.audit_entries(history, audit_view.AuditQuery(action="audit.export")).rows


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_times_are_never_cut_short(qtbot, history, size) -> None:  # type: ignore[no-untyped-def]
    window = SupervisorWindow(history, "boss", "王督導")
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.nav.setCurrentRow(window.pages.index(window.audit))
    page = window.audit
    page.first_day.setDate(QDate(2026, 9, 1))
    page.refresh()
    qtbot.wait(10)
    view = page.table
    assert view.font().pointSize() == common.WORKSPACE_PT
    at_col = page.model.AT
    needed = view.fontMetrics().horizontalAdvance(page.model.index(0, at_col).data())
    assert view.columnWidth(at_col) > needed
    assert view.columnWidth(at_col) >= view.sizeHintForColumn(at_col)
    assert view.horizontalHeader().sectionResizeMode(at_col).name == "ResizeToContents"
    assert page.model.index(0, at_col).data(Qt.ItemDataRole.DisplayRole).endswith(":00")
