"""Every item model of the supervisor workspace passes Qt's model tester with data loaded."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import (
    attendance,
    attendance_review,
    audit_view,
    calendar,
    roster,
    supervisors,
    workspace,
)
from frontdesk.ui.models.accounts import SupervisorModel
from frontdesk.ui.models.attendance import AttendanceModel, CorrectionHistoryModel
from frontdesk.ui.models.audit import AuditLogModel
from frontdesk.ui.models.base import SORT_ROLE
from frontdesk.ui.models.coverage import CoverageModel
from frontdesk.ui.models.roster import STATE_ROLE, CellState, RosterMonthModel
from frontdesk.ui.models.volunteers import VolunteerFilterProxy, VolunteerTableModel
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal
DEC = date(2026, 12, 1)  # a Tuesday


def _tested(model):
    return QAbstractItemModelTester(model, FATAL)


@pytest.fixture
def data(desk, make_volunteer, clock):
    a = make_volunteer("A01", "甲")
    b = make_volunteer("B02", "乙", trained=False)
    make_volunteer("C03", "丙", status="inactive")
    roster.assign(desk, ShiftKey(DEC, "AM"), a)
    roster.assign(desk, ShiftKey(DEC, "AM"), b, confirm_warnings=True)
    roster.assign(desk, ShiftKey(DEC, "PM"), a)
    calendar.close(desk, date(2026, 12, 3), "PM", "颱風停班")
    clock.set(DEC, 12, 0)
    attendance_review.record_manual(
        desk, a, DEC, "AM", at(DEC, time(8, 41)), at(DEC, time(11, 30)), "paper sheet"
    )
    return {"a": a, "b": b}


def test_volunteer_model_and_proxy(qtbot, desk, data):
    model = VolunteerTableModel()
    tester = _tested(model)
    model.set_rows(workspace.volunteer_rows(desk))
    proxy = VolunteerFilterProxy()
    proxy.setSourceModel(model)
    _tested(proxy)
    assert model.rowCount() == 3
    assert model.index(0, model.PHONE).data() == "0912-***-678"
    proxy.set_search("乙")
    assert proxy.rowCount() == 1
    assert proxy.index(0, model.CODE).data() == "B02"
    proxy.set_search("")
    proxy.set_show_inactive(False)
    assert proxy.rowCount() == 2
    proxy.sort(model.CODE, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, model.CODE).data() for r in range(2)] == ["B02", "A01"]
    assert isinstance(model.index(0, model.SHIFTS).data(SORT_ROLE), int)
    assert model.headerData(model.NAME, Qt.Orientation.Horizontal) == "Name"
    del tester


def test_roster_month_model(qtbot, desk, data):
    model = RosterMonthModel()
    _tested(model)
    model.set_month(roster.month_view(desk, 2026, 12))
    assert model.rowCount() == 31
    assert model.columnCount() == 3
    assert model.cell_state(ShiftKey(DEC, "AM")) is CellState.FULL  # 2 of max 2
    assert model.cell_state(ShiftKey(DEC, "PM")) is CellState.AT_MINIMUM
    assert model.cell_state(ShiftKey(date(2026, 12, 2), "AM")) is CellState.UNDER
    assert model.cell_state(ShiftKey(date(2026, 12, 3), "PM")) is CellState.NO_DUTY
    assert model.cell_state(ShiftKey(date(2026, 12, 5), "AM")) is CellState.NO_DUTY  # Saturday
    idx = model.index_of(ShiftKey(date(2026, 12, 3), "PM"))
    assert "颱風停班" in idx.data()
    assert idx.data(STATE_ROLE) == "no_duty"
    assert "甲A01" in model.index_of(ShiftKey(DEC, "AM")).data()
    model.set_month(roster.month_view(desk, 2027, 2))
    assert model.rowCount() == 28
    assert model.index(0, 0, QModelIndex()).data().startswith("116/02/01")


def test_attendance_models(qtbot, desk, data):
    model = AttendanceModel()
    _tested(model)
    model.set_rows(workspace.attendance_month(desk, 2026, 12))
    assert model.rowCount() == 1
    assert model.index(0, model.IN).data() == "08:41"
    assert model.index(0, model.STATUS).data() == "Late"
    history = CorrectionHistoryModel()
    _tested(history)
    history.set_rows(workspace.attendance_history(desk, model.row_at(0).id))
    assert history.rowCount() == 1
    assert history.index(0, history.REASON).data() == "paper sheet"


def test_attendance_flags_are_told_from_their_columns(qtbot, desk, data, make_volunteer, clock):
    """A walk-in who came back: the review column and the tooltip say both facts in words."""
    make_volunteer("D04", "丁")
    for hh, confirm in ((13, True), (14, False), (15, True)):
        clock.set(DEC, hh, 20)
        attendance.scan(desk, "D04", confirm_walk_in=confirm, confirm_sign_out=True)
    model = AttendanceModel()
    _tested(model)
    model.set_rows(workspace.attendance_day(desk, DEC))
    first, second = (r for r in range(model.rowCount()) if model.row_at(r).code == "D04")
    walk_in = "Walk-in: not on the roster"
    assert model.index(first, model.REVIEW).data() == walk_in
    assert model.index(first, model.NAME).data(Qt.ItemDataRole.ToolTipRole) == walk_in
    assert model.index(second, model.NAME).data(Qt.ItemDataRole.ToolTipRole) == (
        walk_in + "\nCame back: a second sign-in within the same duty"
    )
    a01 = next(r for r in range(model.rowCount()) if model.row_at(r).code == "A01")
    assert model.index(a01, model.NAME).data(Qt.ItemDataRole.ToolTipRole) is None


def test_audit_coverage_and_accounts_models(qtbot, desk, data, boss):
    audit = AuditLogModel()
    _tested(audit)
    log = audit_view.audit_entries(desk, audit_view.AuditQuery())
    audit.set_log(log.rows, log.names)
    assert audit.rowCount() > 5
    assert [r.id for r in log.rows] == [r.id for r in workspace.audit_log(desk)]
    # Newest first, in words: the account created last, by whom, for whom.
    assert audit.index(0, audit.ACTION).data() == "Supervisor account created"
    assert audit.index(0, audit.ENTITY).data() == "王督導"
    assert audit.index(0, audit.DETAILS).data() == "user name: 王督導（boss）"
    coverage = CoverageModel()
    _tested(coverage)
    coverage.set_rows(workspace.coverage_gaps(desk, DEC, 7))
    assert coverage.rowCount() > 0
    assert coverage.row_at(0).shift == ShiftKey(date(2026, 12, 2), "AM")
    accounts = SupervisorModel()
    _tested(accounts)
    accounts.set_rows(supervisors.supervisor_rows(desk))
    assert accounts.index(0, accounts.USERNAME).data() == "boss"
