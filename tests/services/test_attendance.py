"""Signing in and out at the desk, the sweep, manual entries and corrections."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from frontdesk.core.attendance import AttendanceStatus, ScanOutcome
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import (
    attendance,
    attendance_review,
    calendar,
    roster,
    volunteers,
    workspace,
)
from frontdesk.services.attendance import AutoClosedNotice
from frontdesk.services.context import Desk
from frontdesk.services.errors import Conflict, InvalidInput, NotFound
from frontdesk.store import audit
from frontdesk.store.models import Attendance, AttendanceCorrection, AuditEntry
from tests.support.clocks import Clock

DEC1 = date(2026, 12, 1)  # Tuesday, a working day
AM1 = ShiftKey(DEC1, "AM")
PM1 = ShiftKey(DEC1, "PM")


def t(hh: int, mm: int = 0, ss: int = 0, day: date = DEC1) -> datetime:
    return at(day, time(hh, mm, ss))


def _rows(desk: Desk) -> list[Attendance]:
    with desk.db.read() as session:
        return list(session.scalars(select(Attendance).order_by(Attendance.id)))


def _row(desk: Desk, attendance_id: int | None) -> Attendance:
    assert attendance_id is not None
    with desk.db.read() as session:
        row = session.get(Attendance, attendance_id)
        assert row is not None
        return row


@pytest.fixture
def vol(desk: Desk, make_volunteer: Callable[..., int]) -> int:
    """A01, assigned to the morning of 2026-12-01."""
    vid = make_volunteer("A01", "王小明")
    roster.assign(desk, AM1, vid)
    return vid


def test_sign_in_on_time_and_out(desk: Desk, vol: int) -> None:
    r = attendance.scan(desk, "a01", now=t(8, 29))
    assert r.outcome is ScanOutcome.SIGNED_IN
    assert (r.volunteer_id, r.code, r.name) == (vol, "A01", "王小明A01")
    assert r.slot is not None and r.slot.code == "AM"
    assert r.status is AttendanceStatus.OPEN and r.late_minutes == 0
    row = _row(desk, r.attendance_id)
    assert row.is_open and row.in_at == t(8, 29) and row.out_at is None
    assert row.recorded_by == "kiosk" and not row.needs_review

    out = attendance.scan(desk, "A01", now=t(11, 31))
    assert out.outcome is ScanOutcome.SIGNED_OUT and out.attendance_id == r.attendance_id
    assert out.status is AttendanceStatus.ON_TIME
    assert out.credited_minutes == 180
    row = _row(desk, r.attendance_id)
    assert not row.is_open and row.out_at == t(11, 31) and row.status == "on_time"
    assert row.credited_minutes == 180
    assert len(_rows(desk)) == 1


def test_late_by_n_minutes(desk: Desk, vol: int) -> None:
    r = attendance.scan(desk, "A01", now=t(8, 42))
    assert r.outcome is ScanOutcome.SIGNED_IN and r.late_minutes == 12
    out = attendance.scan(desk, "A01", now=t(11, 30))
    assert out.status is AttendanceStatus.LATE
    assert (out.late_minutes, out.credited_minutes) == (12, 168)
    assert _row(desk, r.attendance_id).late_minutes == 12


def test_within_grace_is_on_time(desk: Desk, vol: int) -> None:
    attendance.scan(desk, "A01", now=t(8, 35))
    out = attendance.scan(desk, "A01", now=t(11, 26))
    assert out.status is AttendanceStatus.ON_TIME
    assert out.credited_minutes == 171


def test_early_leave(desk: Desk, vol: int) -> None:
    r = attendance.scan(desk, "A01", now=t(8, 20))
    asked = attendance.scan(desk, "A01", now=t(11, 0))
    assert asked.outcome is ScanOutcome.CONFIRM_SIGN_OUT and _row(desk, r.attendance_id).is_open
    out = attendance.scan(desk, "A01", confirm_sign_out=True, now=t(11, 0))
    assert out.status is AttendanceStatus.EARLY_LEAVE
    assert (out.early_leave_minutes, out.credited_minutes) == (30, 150)
    row = _row(desk, r.attendance_id)
    assert (row.status, row.early_leave_minutes, row.credited_minutes) == ("early_leave", 30, 150)


def test_repeat_scan_is_not_recorded(desk: Desk, vol: int) -> None:
    first = attendance.scan(desk, "A01", now=t(8, 31))
    again = attendance.scan(desk, "A01", now=t(8, 31, 40))
    assert again.outcome is ScanOutcome.REPEAT and again.previous_at == t(8, 31)
    assert len(_rows(desk)) == 1 and _row(desk, first.attendance_id).is_open
    out = attendance.scan(desk, "A01", now=t(11, 30))
    assert out.outcome is ScanOutcome.SIGNED_OUT
    again = attendance.scan(desk, "A01", now=t(11, 30, 59))
    assert again.outcome is ScanOutcome.REPEAT and again.previous_at == t(11, 30)
    rows = _rows(desk)
    assert len(rows) == 1 and not rows[0].is_open and rows[0].out_at == t(11, 30)


def test_too_early(desk: Desk, vol: int) -> None:
    r = attendance.scan(desk, "A01", now=t(7, 50))
    assert r.outcome is ScanOutcome.TOO_EARLY
    assert r.opens_at == t(8, 0) == datetime(2026, 12, 1, 0, 0, tzinfo=r.opens_at.tzinfo)
    assert _rows(desk) == []


def test_no_more_slots_and_not_duty_day(desk: Desk, vol: int) -> None:
    assert attendance.scan(desk, "A01", now=t(17, 0)).outcome is ScanOutcome.NO_MORE_SLOTS
    sat = date(2026, 12, 5)
    assert attendance.scan(desk, "A01", now=t(9, 0, day=sat)).outcome is ScanOutcome.NOT_DUTY_DAY
    assert _rows(desk) == []


def test_unknown_card_and_inactive(
    desk: Desk, vol: int, make_volunteer: Callable[..., int]
) -> None:
    r = attendance.scan(desk, "ZZ99", now=t(8, 30))
    assert r.outcome is ScanOutcome.UNKNOWN_CARD and r.volunteer_id is None
    assert attendance.scan(desk, "  ", now=t(8, 30)).outcome is ScanOutcome.UNKNOWN_CARD
    gone = make_volunteer("B01")
    volunteers.deactivate(desk, gone)
    r = attendance.scan(desk, "B01", now=t(8, 30))
    assert r.outcome is ScanOutcome.INACTIVE and r.volunteer_id == gone
    assert _rows(desk) == []


def test_walk_in(desk: Desk, vol: int, make_volunteer: Callable[..., int]) -> None:
    make_volunteer("B01")
    r = attendance.scan(desk, "B01", now=t(13, 20))
    assert r.outcome is ScanOutcome.CONFIRM_WALK_IN
    assert _rows(desk) == []
    r = attendance.scan(desk, "B01", confirm_walk_in=True, now=t(13, 21))
    assert r.outcome is ScanOutcome.SIGNED_IN and r.status is AttendanceStatus.WALK_IN
    row = _row(desk, r.attendance_id)
    assert row.is_open and row.needs_review and row.slot == "PM"
    out = attendance.scan(desk, "B01", confirm_sign_out=True, now=t(16, 0))
    assert out.status is AttendanceStatus.WALK_IN and out.credited_minutes == 150
    row = _row(desk, r.attendance_id)
    assert row.status == "walk_in" and row.needs_review and not row.is_open
    assert row.walk_in and not row.resumed and row.note == ""  # a flag, not text
    assert [a.id for a in workspace.review_rows(desk)] == [row.id]


def test_forgotten_sign_out_is_auto_closed_by_the_sweep(desk: Desk, vol: int) -> None:
    r = attendance.scan(desk, "A01", now=t(8, 30))
    # slot ends 11:30, margin 30 minutes: nothing to do at 11:59
    assert attendance.sweep(desk, now=t(11, 59)) == attendance.SweepReport(0, 0)
    assert _row(desk, r.attendance_id).is_open
    assert attendance.sweep(desk, now=t(12, 0)).auto_closed == 1
    row = _row(desk, r.attendance_id)
    assert not row.is_open and row.status == AttendanceStatus.NO_SIGN_OUT.value
    assert row.needs_review and row.credited_minutes == 0
    assert row.out_at is None  # no invented sign-out time
    assert row.auto_closed_at == t(12, 0) and row.notified_at is None
    # the next scan tells the volunteer, once
    nxt = attendance.scan(desk, "A01", confirm_walk_in=True, now=t(13, 25))
    assert nxt.outcome is ScanOutcome.SIGNED_IN
    assert nxt.auto_closed == (AutoClosedNotice(DEC1, "AM"),)
    again = attendance.scan(desk, "A01", now=t(16, 30))
    assert again.outcome is ScanOutcome.SIGNED_OUT and again.auto_closed == ()
    assert _row(desk, r.attendance_id).notified_at == t(13, 25)


def test_forgotten_sign_out_closed_by_the_next_scan(desk: Desk, vol: int) -> None:
    r = attendance.scan(desk, "A01", now=t(8, 30))
    nxt = attendance.scan(desk, "A01", confirm_walk_in=True, now=t(13, 25))
    # not a sign-out of the morning at 13:25: the morning was closed, the afternoon begun
    assert nxt.outcome is ScanOutcome.SIGNED_IN and nxt.slot is not None
    assert nxt.slot.code == "PM"
    assert nxt.auto_closed == (AutoClosedNotice(DEC1, "AM"),)
    row = _row(desk, r.attendance_id)
    assert row.status == "no_sign_out" and row.out_at is None and row.credited_minutes == 0
    assert sum(a.is_open for a in _rows(desk)) == 1


def test_sweep_absences(desk: Desk, vol: int, make_volunteer: Callable[..., int]) -> None:
    b = make_volunteer("B01")
    make_volunteer("C01")  # not assigned: never absent
    roster.assign(desk, PM1, b)
    roster.assign(desk, ShiftKey(date(2026, 12, 2), "AM"), b)
    calendar.close(desk, date(2026, 12, 2), None, "颱風停止上班")
    assert attendance.sweep(desk, now=t(11, 0)).absences == 0  # not over yet
    report = attendance.sweep(desk, now=t(11, 30))
    assert report.absences == 1
    rows = _rows(desk)
    assert [(a.volunteer_id, a.slot, a.status) for a in rows] == [(vol, "AM", "absent")]
    assert rows[0].in_at is None and rows[0].credited_minutes == 0 and not rows[0].is_open
    # idempotent
    assert attendance.sweep(desk, now=t(11, 45)) == attendance.SweepReport(0, 0)
    # the afternoon slot is closed by a typhoon: nobody absent there, nor on the closed day
    calendar.close(desk, DEC1, "PM", "颱風停止上班")
    assert attendance.sweep(desk, now=t(20, 0, day=date(2026, 12, 2))).absences == 0
    assert len(_rows(desk)) == 1


def test_closed_slot_scans(desk: Desk, vol: int) -> None:
    calendar.close(desk, DEC1, "AM", "颱風停止上班")
    r = attendance.scan(desk, "A01", now=t(8, 30))
    assert r.outcome is ScanOutcome.TOO_EARLY  # only the afternoon is left
    assert r.opens_at == t(13, 0)
    assert attendance.sweep(desk, now=t(17, 0)).absences == 0
    calendar.close(desk, DEC1, None, "颱風停止上班")
    assert attendance.scan(desk, "A01", now=t(13, 30)).outcome is ScanOutcome.NOT_DUTY_DAY
    assert _rows(desk) == []


def test_record_manual(desk: Desk, vol: int, clock: Clock) -> None:
    clock.set(DEC1, 17, 0)
    with pytest.raises(InvalidInput) as exc:
        attendance_review.record_manual(desk, vol, DEC1, "AM", t(8, 30), t(11, 30), "  ")
    assert exc.value.facts["field"] == "reason"
    with pytest.raises(InvalidInput) as exc:
        attendance_review.record_manual(desk, vol, DEC1, "AM", t(11, 30), t(8, 30), "紙本簽到")
    assert exc.value.facts["field"] == "out_at"
    with pytest.raises(InvalidInput) as exc:
        attendance_review.record_manual(desk, vol, DEC1, "XX", t(8, 30), t(11, 30), "紙本簽到")
    assert exc.value.facts["field"] == "slot"
    with pytest.raises(InvalidInput) as exc:
        attendance_review.record_manual(
            desk, vol, DEC1, "AM", t(8, 30, day=date(2026, 12, 2)), None, "紙本簽到"
        )
    assert exc.value.facts["field"] == "in_at"
    with pytest.raises(NotFound):
        attendance_review.record_manual(desk, 4242, DEC1, "AM", t(8, 30), t(11, 30), "紙本簽到")
    assert _rows(desk) == []

    aid = attendance_review.record_manual(
        desk, vol, DEC1, "AM", t(8, 30), t(11, 30), "電腦當機，紙本簽到"
    )
    row = _row(desk, aid)
    assert (row.status, row.credited_minutes, row.recorded_by) == ("on_time", 180, "manual")
    assert not row.is_open and not row.needs_review
    with desk.db.read() as session:
        corr = session.scalars(select(AttendanceCorrection)).one()
        assert corr.attendance_id == aid and corr.before is None
        assert corr.reason == "電腦當機，紙本簽到" and corr.by == desk.actor


def test_correct_keeps_history(desk: Desk, vol: int, clock: Clock) -> None:
    r = attendance.scan(desk, "A01", now=t(8, 30))
    attendance.sweep(desk, now=t(12, 0))
    clock.set(DEC1, 17, 0)
    with pytest.raises(InvalidInput):
        attendance_review.correct(desk, r.attendance_id or 0, t(8, 30), t(11, 30), "")
    with pytest.raises(InvalidInput):
        attendance_review.correct(desk, r.attendance_id or 0, t(8, 30), t(8, 0), "忘記簽退")
    with pytest.raises(NotFound):
        attendance_review.correct(desk, 4242, t(8, 30), t(11, 30), "忘記簽退")
    assert _row(desk, r.attendance_id).status == "no_sign_out"

    attendance_review.correct(desk, r.attendance_id or 0, t(8, 30), t(11, 30), "忘記簽退，督導確認")
    row = _row(desk, r.attendance_id)
    assert (row.status, row.credited_minutes, row.needs_review) == ("on_time", 180, False)
    assert row.out_at == t(11, 30) and not row.is_open
    with desk.db.read() as session:
        corr = session.scalars(select(AttendanceCorrection)).one()
        assert corr.before is not None and corr.before["status"] == "no_sign_out"
        assert corr.before["out"] is None
        assert corr.after["status"] == "on_time"
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "attendance.correct")
        ).one()
        assert entry.before is not None and entry.before["status"] == "no_sign_out"
        assert entry.after is not None and entry.after["reason"] == "忘記簽退，督導確認"
        assert entry.actor == desk.actor
        assert audit.verify(session).ok


def test_accept_review(desk: Desk, vol: int, make_volunteer: Callable[..., int]) -> None:
    make_volunteer("B01")
    r = attendance.scan(desk, "B01", confirm_walk_in=True, now=t(8, 40))
    attendance.scan(desk, "B01", now=t(11, 30))
    with pytest.raises(InvalidInput):
        attendance_review.accept_review(desk, r.attendance_id or 0, "")
    attendance_review.accept_review(desk, r.attendance_id or 0, "臨時支援，歡迎")
    assert workspace.review_rows(desk) == []
    assert [a.status for a in workspace.attendance_day(desk, DEC1)] == ["walk_in"]


def test_one_open_attendance_is_enforced_by_the_database(desk: Desk, vol: int) -> None:
    now = t(8, 30)

    def row(slot: str) -> Attendance:
        return Attendance(
            site_id=desk.site_id,
            volunteer_id=vol,
            day=DEC1,
            slot=slot,
            in_at=now,
            is_open=True,
            status="open",
            recorded_by="kiosk",
            created_at=now,
            updated_at=now,
        )

    with desk.db.write() as session:
        session.add(row("AM"))
    with pytest.raises(IntegrityError), desk.db.write() as session:
        session.add(row("PM"))
    with desk.db.read() as session:
        assert session.scalar(select(func.count(Attendance.id)).where(Attendance.is_open)) == 1
    # a closed record next to the open one is fine
    closed = row("PM")
    closed.is_open, closed.out_at, closed.status = False, now + timedelta(hours=1), "on_time"
    with desk.db.write() as session:
        session.add(closed)
    assert len(_rows(desk)) == 2


def test_manual_entry_cannot_open_a_second_duty(desk: Desk, vol: int, clock: Clock) -> None:
    attendance.scan(desk, "A01", now=t(8, 30))
    clock.set(DEC1, 14, 0)
    with pytest.raises(Conflict):
        attendance_review.record_manual(desk, vol, DEC1, "PM", t(13, 30), None, "補登")
    assert len(_rows(desk)) == 1
    # a closed one is fine
    aid = attendance_review.record_manual(desk, vol, DEC1, "PM", t(13, 30), t(14, 0), "補登")
    assert not _row(desk, aid).is_open


def test_manual_entry_without_sign_in_is_never_open(desk: Desk, vol: int, clock: Clock) -> None:
    clock.set(DEC1, 9, 0)
    aid = attendance_review.record_manual(desk, vol, DEC1, "PM", None, None, "請假登記")
    assert not _row(desk, aid).is_open


def test_manual_entry_replaces_an_absence(desk: Desk, vol: int, clock: Clock) -> None:
    assert attendance.sweep(desk, now=t(12, 0)).absences == 1
    clock.set(DEC1, 17, 0)
    aid = attendance_review.record_manual(desk, vol, DEC1, "AM", t(8, 30), t(11, 30), "紙本簽到表")
    rows = _rows(desk)
    assert [a.id for a in rows] == [aid]
    assert (rows[0].status, rows[0].credited_minutes) == ("on_time", 180)
    with desk.db.read() as session:
        corr = session.scalars(select(AttendanceCorrection)).one()
        assert corr.before is not None and corr.before["status"] == "absent"
    assert attendance.sweep(desk, now=t(17, 5)).absences == 0


def test_return_within_the_slot_keeps_the_first_segment(desk: Desk, vol: int) -> None:
    """Out for an errand and back: both segments' minutes count, the return is not late."""
    first = attendance.scan(desk, "A01", now=t(8, 25))
    attendance.scan(desk, "A01", confirm_sign_out=True, now=t(9, 30))  # leaves early...
    back = attendance.scan(desk, "A01", now=t(10, 0))  # ...and comes back
    assert back.outcome is ScanOutcome.SIGNED_IN and back.late_minutes == 0
    assert back.attendance_id != first.attendance_id
    out = attendance.scan(desk, "A01", now=t(11, 30))
    assert out.attendance_id == back.attendance_id and out.status is AttendanceStatus.ON_TIME
    rows = _rows(desk)
    assert [r.credited_minutes for r in rows] == [60, 90]
    assert rows[0].in_at == t(8, 25) and rows[0].out_at == t(9, 30)
    assert [(r.resumed, r.walk_in, r.note) for r in rows] == [(False, False, ""), (True, False, "")]


def test_walk_in_coming_back_keeps_both_flags(
    desk: Desk, vol: int, make_volunteer: Callable[..., int]
) -> None:
    """Both facts are kept: one note could hold only one, and 'walk-in' overwrote 'resumed'."""
    make_volunteer("B01")
    attendance.scan(desk, "B01", confirm_walk_in=True, now=t(13, 20))
    attendance.scan(desk, "B01", confirm_sign_out=True, now=t(14, 0))
    back = attendance.scan(desk, "B01", confirm_walk_in=True, now=t(15, 0))
    assert back.outcome is ScanOutcome.SIGNED_IN and back.status is AttendanceStatus.WALK_IN
    out = attendance.scan(desk, "B01", now=t(16, 30))
    assert out.status is AttendanceStatus.WALK_IN and out.late_minutes == 0
    rows = [r for r in _rows(desk) if r.volunteer_id != vol]
    assert [(r.walk_in, r.resumed, r.note) for r in rows] == [(True, False, ""), (True, True, "")]
