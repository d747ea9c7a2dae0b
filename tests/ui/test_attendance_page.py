"""The attendance review page: many records accepted with one reason, a reason asked for
again, and dates that are never cut short."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QTableView

from frontdesk.core.timeutil import at
from frontdesk.services import attendance, workspace
from frontdesk.services.context import Desk
from frontdesk.ui.supervisor import SupervisorWindow, common
from frontdesk.ui.supervisor.attendance import AcceptDialog, AttendancePage
from tests.support.clocks import Clock
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)

OCT1 = date(2026, 10, 1)  # Thursday: "115/10/01 (四)", the date the issue saw cut
REASON = "臨時支援，督導同意"


@pytest.fixture
def walk_ins(desk: Desk, make_volunteer: Callable[..., int], clock: Clock) -> list[int]:
    """Three walk-ins on the morning of 2026-10-01, waiting in the review queue."""
    ids = []
    for code in ("B01", "B02", "B03"):
        make_volunteer(code)
        r = attendance.scan(desk, code, confirm_walk_in=True, now=at(OCT1, time(8, 40)))
        attendance.scan(desk, code, now=at(OCT1, time(11, 30)))
        assert r.attendance_id is not None
        ids.append(r.attendance_id)
    return ids


def _page(qtbot, desk: Desk) -> AttendancePage:  # type: ignore[no-untyped-def]
    page = AttendancePage(desk)
    qtbot.addWidget(page)
    page.refresh()
    return page


def _select(view: QTableView, rows: list[int]) -> None:
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in rows:
        view.selectionModel().select(view.model().index(r, 0), flags)


def test_many_selected_records_are_accepted_with_one_reason(qtbot, desk, walk_ins, monkeypatch):
    page = _page(qtbot, desk)
    assert page.review.rowCount() == 3
    _select(page.review_view, [0, 2])
    assert [r.id for r in page.selected_records()] == [walk_ins[0], walk_ins[2]]
    opened: list[AcceptDialog] = []

    def fill_and_run(dialog: AcceptDialog) -> int:
        opened.append(dialog)
        dialog.reason.setText(REASON)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(AcceptDialog, "exec", fill_and_run)
    page.accept_selected()
    assert len(opened) == 1 and len(opened[0].records) == 2
    assert [r.id for r in workspace.review_rows(desk)] == [walk_ins[1]]
    assert page.review.rowCount() == 1
    assert "Accepted 2 record(s)" in page.banner.text()
    for aid in (walk_ins[0], walk_ins[2]):
        assert [h.reason for h in workspace.attendance_history(desk, aid)] == [REASON]


def test_the_selection_mode_lets_several_rows_be_chosen(qtbot, desk, walk_ins):
    page = _page(qtbot, desk)
    page.show()
    view = page.review_view
    rect = view.visualRect(view.model().index(0, 3))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    rect = view.visualRect(view.model().index(2, 3))
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        rect.center(),
    )
    assert len(page.selected_records()) == 3


def test_an_empty_reason_asks_again_and_keeps_the_dialog_open(qtbot, desk, walk_ins):
    page = _page(qtbot, desk)
    _select(page.review_view, [0, 1, 2])
    dialog = page.accept_dialog(page.selected_records())
    qtbot.addWidget(dialog)
    dialog.show()
    for empty in ("", "   "):
        dialog.reason.setText(empty)
        QTest.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter, as a person would
        assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.banner.isVisibleTo(dialog)
        assert dialog.banner.text() == "Please give the reason: it is kept with the record."
        assert len(workspace.review_rows(desk)) == 3
    dialog.reason.setText(REASON)
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.accepted_count == 3
    assert workspace.review_rows(desk) == []


def test_a_refused_batch_keeps_the_dialog_open_and_accepts_none(qtbot, desk, walk_ins):
    page = _page(qtbot, desk)
    _select(page.review_view, [0, 1])
    records = page.selected_records()
    # A record that is gone by the time the supervisor presses Accept (no such id).
    gone = type(records[0])(**{**_fields(records[0]), "id": 99999})
    dialog = page.accept_dialog([*records, gone])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason.setText(REASON)
    dialog.save()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.banner.text()
    assert {r.id for r in workspace.review_rows(desk)} == set(walk_ins)


def _fields(row: object) -> dict[str, object]:
    return {name: getattr(row, name) for name in row.__slots__}  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_dates_are_never_cut_short(qtbot, desk, boss, walk_ins, size):
    window = SupervisorWindow(desk, boss, "王督導")
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.nav.setCurrentRow(window.pages.index(window.attendance))
    page = window.attendance
    page.refresh()
    page.month_picker.set_month(2026, 10)
    page.day_edit.setDate(common.qdate(OCT1))
    _select(page.review_view, [0])
    qtbot.wait(10)
    for tab, view in enumerate((page.review_view, page.day_view, page.month_view)):
        page.tabs.setCurrentIndex(tab)
        qtbot.wait(10)
        model = view.model()
        if model.rowCount() == 0:
            continue
        day = model.index(0, 0)
        assert day.data() == "115/10/01 (四)"
        metrics = view.fontMetrics()
        needed = metrics.horizontalAdvance(day.data())
        assert view.columnWidth(0) > needed, (tab, size)
        assert view.columnWidth(0) >= view.sizeHintForColumn(0), (tab, size)
    history = page.history_view
    assert history.model().rowCount() == 0 or history.columnWidth(0) >= history.sizeHintForColumn(0)
    assert view.font().pointSize() == common.WORKSPACE_PT
