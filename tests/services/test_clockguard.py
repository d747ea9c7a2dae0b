"""One PC's wrong clock closes and judges nothing (issue: a clock set back an hour and the
kiosk restarted credited 95 minutes for 155 unflagged; a clock a day ahead closed open
duties with no credit and recorded an absence for a slot not begun; a clock 5 hours ahead
lifted a supervisor's lock).

On SQLite the guard's reference lives in the database; on PostgreSQL the server's clock
is used and the PC's does not matter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from frontdesk.core import timeutil
from frontdesk.core.attendance import ScanOutcome
from frontdesk.core.clock import ClockGuard
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at, local_day
from frontdesk.services import attendance, calendar, clockguard, housekeeping, roster, supervisors
from frontdesk.services.attendance import SweepReport
from frontdesk.services.context import Desk
from frontdesk.services.errors import NotAllowed
from frontdesk.services.safety import server_now
from frontdesk.store.db import Database
from frontdesk.store.models import Attendance, AuditEntry, Supervisor
from frontdesk.words.clock import clock_jump
from tests.support.clocks import Clock, FakeClocks
from tests.support.desks import new_desk, volunteer_maker

DEC1 = date(2026, 12, 1)  # Tuesday, a working day
GOOD = "correct horse 9"


def t(hh: int, mm: int = 0, day: date = DEC1) -> datetime:
    return at(day, time(hh, mm))


@pytest.fixture
def local_desk(sqlite_db: Database, clock: Clock) -> Desk:
    """A SQLite desk: A01 on the morning of 2026-12-01, B02 on its afternoon."""
    desk = new_desk(sqlite_db, clock)
    make = volunteer_maker(desk)
    roster.assign(desk, ShiftKey(DEC1, "AM"), make("A01", "王小明"))
    roster.assign(desk, ShiftKey(DEC1, "PM"), make("B02", "林美華"))
    return desk


def _guard(clocks: FakeClocks) -> ClockGuard:
    """A new process's guard: nothing in memory, the same machine's clocks."""
    return ClockGuard(monotonic=lambda: clocks.mono, wall=lambda: clocks.wall, boot=lambda: "b1")


def _rows(desk: Desk) -> list[Attendance]:
    with desk.db.read() as session:
        return list(session.scalars(select(Attendance).order_by(Attendance.id)))


def _actions(desk: Desk) -> list[str]:
    with desk.db.read() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_clock_set_back_an_hour_and_the_kiosk_restarted_flags_the_sign_out(
    local_desk: Desk, clock: Clock, clocks: FakeClocks
) -> None:
    first_run = replace(local_desk, clock_guard=_guard(clocks))
    clock.now = t(8, 29)
    signed_in = attendance.scan(first_run, "A01")
    assert signed_in.outcome is ScanOutcome.SIGNED_IN
    clocks.tick(155 * 60)  # served 155 minutes; meanwhile the clock was set back an hour
    clocks.set_wall(-3600)  # and the kiosk restarted: a new process, a new guard
    clock.now = t(8, 29) + timedelta(minutes=95)
    second_run = replace(local_desk, clock_guard=_guard(clocks))
    out = attendance.scan(second_run, "A01", confirm_sign_out=True)  # leaving early: meant
    assert out.outcome is ScanOutcome.SIGNED_OUT and out.credited_minutes <= 95
    [row] = _rows(local_desk)
    assert row.clock_suspect and row.needs_review  # the supervisor looks at it
    state = clockguard.clock_state(local_desk)
    assert state is not None and state.jump_seconds == pytest.approx(-3600)


def test_a_day_ahead_the_sweep_closes_nothing_and_judges_no_slot(
    local_desk: Desk, clock: Clock, clocks: FakeClocks
) -> None:
    desk = replace(local_desk, clock_guard=_guard(clocks))
    clock.now = t(8, 29)
    clocks.wall = clock.now.timestamp()  # the guard's wall clock is the desk's
    attendance.scan(desk, "A01")
    assert attendance.sweep(desk) == SweepReport(0, 0)
    clocks.tick(60)
    clocks.set_wall(86_400)  # the PC's clock a day ahead
    clock.now = t(8, 30, day=DEC1 + timedelta(days=1))
    for _ in range(2):
        report = attendance.sweep(desk)
        assert (report.auto_closed, report.absences) == (0, 0)
        assert report.clock_jump_seconds == pytest.approx(86_400)
    [row] = _rows(desk)
    assert row.is_open and row.out_at is None  # A01's duty stays open; B02 not absent
    assert _actions(desk).count("attendance.sweep_refused") == 1  # once per jump
    done = housekeeping.sweep(desk, daily_backup=False)
    assert done.attendance.clock_jump_seconds is not None and done.expired_swaps == 0
    sentence = clock_jump(report.clock_jump_seconds or 0, report.clock_seen_at)
    assert "1.0 days ahead" in sentence and "115/12/02 08:30" in sentence
    # set right again: the sweep works on, and the morning ends as it should
    clocks.tick(3 * 3600 + 35 * 60)
    clocks.set_wall(-86_400)
    clock.now = t(12, 5)
    assert attendance.sweep(desk) == SweepReport(1, 0)
    assert clockguard.clock_state(desk) is None


def test_a_supervisor_confirms_the_clock_and_the_sweep_resumes(
    local_desk: Desk, clock: Clock, clocks: FakeClocks
) -> None:
    desk = replace(local_desk, clock_guard=_guard(clocks))
    clock.now = t(8, 0)
    attendance.sweep(desk)
    clocks.tick(60)
    clocks.set_wall(20 * 60)  # a slow clock set right by twenty minutes
    clock.now = t(17, 0)
    assert attendance.sweep(desk).clock_jump_seconds == pytest.approx(1200)
    assert clockguard.confirm_clock(desk) is True
    assert clockguard.confirm_clock(desk) is False  # nothing left to confirm
    assert clockguard.clock_state(desk) is None
    assert attendance.sweep(desk) == SweepReport(0, 2)  # A01 and B02 never came
    assert "clock.confirm" in _actions(desk)


def test_a_sweep_in_another_process_sees_the_jump(
    local_desk: Desk, clock: Clock, clocks: FakeClocks
) -> None:
    """The evening `frontdesk sweep` runs in its own process: the mark is shared."""
    kiosk = replace(local_desk, clock_guard=_guard(clocks))
    clock.now = t(8, 0)
    attendance.sweep(kiosk)
    clocks.tick(60)
    clocks.set_wall(86_400)
    clock.now = t(18, 0, day=DEC1 + timedelta(days=1))
    evening = replace(local_desk, clock_guard=_guard(clocks))
    assert attendance.sweep(evening).clock_jump_seconds == pytest.approx(86_400)
    assert _rows(local_desk) == []


def test_five_hours_ahead_do_not_lift_a_lock_on_sqlite(
    local_desk: Desk, clock: Clock, clocks: FakeClocks
) -> None:
    desk = replace(local_desk, clock_guard=_guard(clocks))
    supervisors.create(desk, "chen", GOOD)
    for _ in range(5):
        with pytest.raises(NotAllowed):
            supervisors.authenticate(desk, "chen", "wrong password")
    locked_at = clock.now
    clocks.tick(10)
    clocks.set_wall(5 * 3600)
    clock.now = locked_at + timedelta(hours=5, seconds=10)
    with pytest.raises(NotAllowed):
        supervisors.authenticate(desk, "chen", GOOD)
    clocks.tick(60)  # the minute's lock runs out on the trusted time
    clock.now += timedelta(seconds=60)
    assert supervisors.authenticate(desk, "chen", GOOD).username == "chen"


# --- PostgreSQL: the server's clock ---------------------------------------------------------


@pytest.fixture
def pc_clock_ahead(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[timedelta], None]]:
    """Set this PC's clock (what utcnow reads) ahead by a given time."""
    real = datetime

    def set_ahead(by: timedelta) -> None:
        class Ahead(real):
            @classmethod
            def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
                return real.now(tz) + by  # type: ignore[arg-type]

        monkeypatch.setattr(timeutil, "datetime", Ahead)

    yield set_ahead


def test_postgres_sweep_and_lockout_use_the_servers_clock(
    pg_db: Database, pc_clock_ahead: Callable[[timedelta], None]
) -> None:
    desk = new_desk(pg_db)  # the real clock: this PC's, or the server's
    with pg_db.read() as session:
        server = server_now(session)
    tomorrow = local_day(server) + timedelta(days=1)
    calendar.set_manual(desk, tomorrow, open_=True)
    make = volunteer_maker(desk)
    early, late = make("A01"), make("B02")
    roster.assign(desk, ShiftKey(tomorrow, "PM"), late)
    with pg_db.write() as session:  # a duty of tomorrow morning, open (signed in early)
        session.add(
            Attendance(
                site_id=desk.site_id,
                volunteer_id=early,
                day=tomorrow,
                slot="AM",
                in_at=server,
                is_open=True,
                status="open",
                recorded_by="kiosk",
                created_at=server,
                updated_at=server,
            )
        )
    supervisors.create(desk, "chen", GOOD)
    for _ in range(5):
        with pytest.raises(NotAllowed):
            supervisors.authenticate(desk, "chen", "wrong password")

    pc_clock_ahead(timedelta(days=3))  # one PC of several, three days ahead
    assert attendance.sweep(desk) == SweepReport(0, 0)
    [row] = _rows(desk)
    assert row.is_open and row.day == tomorrow  # not closed; B02 not absent
    pc_clock_ahead(timedelta(hours=5))
    with pytest.raises(NotAllowed):
        supervisors.authenticate(desk, "chen", GOOD)
    with pg_db.read() as session:
        account = session.scalars(select(Supervisor)).one()
        assert account.locked_until is not None and account.locked_until > server_now(session)
