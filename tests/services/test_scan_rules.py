"""What a scan means at the desk, as the volunteers live it: a second scan never ends a
duty by accident, a mistaken sign-out is taken back, every answer speaks of the
volunteer's own duty, and time never runs backwards inside the data."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select, text

from frontdesk.core.attendance import ScanOutcome
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import attendance, roster
from frontdesk.services.context import Desk
from frontdesk.services.errors import Conflict
from frontdesk.services.setup import update_settings
from frontdesk.store import audit
from frontdesk.store.db import PG_WRITE_LOCK_KEY, Database
from frontdesk.store.models import Attendance, AuditEntry

DEC1 = date(2026, 12, 1)  # Tuesday, a working day


def t(hh: int, mm: int = 0, ss: int = 0) -> datetime:
    return at(DEC1, time(hh, mm, ss))


@pytest.fixture
def ids(desk: Desk, make_volunteer: Callable[..., int]) -> dict[str, int]:
    """V801 on the morning of 2026-12-01, V802 on its afternoon, V803 on no duty."""
    found = {code: make_volunteer(code, "志工") for code in ("V801", "V802", "V803")}
    roster.assign(desk, ShiftKey(DEC1, "AM"), found["V801"])
    roster.assign(desk, ShiftKey(DEC1, "PM"), found["V802"])
    return found


def rows(desk: Desk) -> list[Attendance]:
    with desk.db.read() as session:
        return list(session.scalars(select(Attendance).order_by(Attendance.id)))


def actions(desk: Desk) -> list[str]:
    with desk.db.read() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


# --- a second scan never signs out by accident ---------------------------------------------


def test_a_second_scan_before_the_duty_starts_records_nothing(
    desk: Desk, ids: dict[str, int]
) -> None:
    """Signed in at 08:20, scanned again at 08:21: it was 簽退成功・提早 189 分鐘離開."""
    first = attendance.scan(desk, "V801", now=t(8, 20))
    before = actions(desk)
    again = attendance.scan(desk, "V801", now=t(8, 21))
    assert again.outcome is ScanOutcome.ALREADY_IN
    assert again.previous_at == t(8, 20) and again.slot is not None and again.slot.code == "AM"
    [row] = rows(desk)
    assert row.id == first.attendance_id and row.is_open and row.out_at is None
    assert actions(desk) == before


def test_a_scan_while_the_duty_runs_is_asked_first(desk: Desk, ids: dict[str, int]) -> None:
    attendance.scan(desk, "V801", now=t(8, 20))
    before = actions(desk)
    asked = attendance.scan(desk, "V801", now=t(9, 0))
    assert asked.outcome is ScanOutcome.CONFIRM_SIGN_OUT and asked.previous_at == t(8, 20)
    assert rows(desk)[0].is_open and actions(desk) == before  # no answer: nothing recorded
    out = attendance.scan(desk, "V801", confirm_sign_out=True, now=t(9, 0, 20))
    assert out.outcome is ScanOutcome.SIGNED_OUT and out.early_leave_minutes == 150
    # at the end (within the early-leave grace) nobody is asked
    attendance.scan(desk, "V802", now=t(13, 20))
    assert attendance.scan(desk, "V802", now=t(16, 26)).outcome is ScanOutcome.SIGNED_OUT


def test_a_mistaken_sign_out_is_taken_back_and_audited(desk: Desk, ids: dict[str, int]) -> None:
    signed_in = attendance.scan(desk, "V801", now=t(8, 20))
    out = attendance.scan(desk, "V801", confirm_sign_out=True, now=t(10, 0))
    assert out.attendance_id == signed_in.attendance_id
    undone = attendance.undo_sign_out(desk, out.attendance_id or 0, now=t(10, 0, 6))
    assert undone.outcome is ScanOutcome.SIGN_OUT_UNDONE and undone.name == "志工V801"
    [row] = rows(desk)
    assert row.is_open and row.out_at is None and row.status == "open"
    assert (row.early_leave_minutes, row.credited_minutes, row.needs_review) == (0, 0, False)
    assert actions(desk)[-1] == "attendance.sign_out_undone"
    with desk.db.read() as session:
        assert audit.verify(session).ok
    with pytest.raises(Conflict):  # once
        attendance.undo_sign_out(desk, row.id, now=t(10, 0, 8))
    later = attendance.scan(desk, "V801", now=t(11, 30))
    assert later.outcome is ScanOutcome.SIGNED_OUT and later.credited_minutes == 180


def test_a_sign_out_is_not_taken_back_late_or_after_a_new_sign_in(
    desk: Desk, ids: dict[str, int]
) -> None:
    attendance.scan(desk, "V801", now=t(8, 20))
    out = attendance.scan(desk, "V801", now=t(11, 31))
    with pytest.raises(Conflict):
        attendance.undo_sign_out(desk, out.attendance_id or 0, now=t(11, 32))
    update_settings(desk, {"repeat_scan_seconds": "0"})
    attendance.scan(desk, "V803", confirm_walk_in=True, now=t(13, 5))
    gone = attendance.scan(desk, "V803", confirm_sign_out=True, now=t(14, 0))
    back = attendance.scan(desk, "V803", confirm_walk_in=True, now=t(14, 0, 3))
    assert back.outcome is ScanOutcome.SIGNED_IN
    with pytest.raises(Conflict):
        attendance.undo_sign_out(desk, gone.attendance_id or 0, now=t(14, 0, 5))
    assert [r.is_open for r in rows(desk)] == [False, False, True]


# --- every answer names the volunteer's own duty of the day ---------------------------------


@pytest.mark.parametrize("when", [t(2, 37), t(8, 27), t(10, 0)])
def test_a_pm_volunteer_in_the_morning_is_told_her_afternoon(
    desk: Desk, ids: dict[str, int], when: datetime
) -> None:
    """She was asked to help as a walk-in (今天的班表上沒有您), or told the morning's times."""
    r = attendance.scan(desk, "V802", now=when)
    assert r.outcome is ScanOutcome.TOO_EARLY
    assert r.slot is not None and r.slot.code == "PM" and r.opens_at == t(13, 0)
    assert r.own_slot is not None and r.own_slot.code == "PM"
    assert rows(desk) == []


def test_an_am_volunteer_after_her_morning_hears_of_it(desk: Desk, ids: dict[str, int]) -> None:
    r = attendance.scan(desk, "V801", now=t(13, 10))
    assert r.outcome is ScanOutcome.CONFIRM_WALK_IN
    assert r.own_slot is not None and r.own_slot.code == "AM"
    nobody = attendance.scan(desk, "V803", now=t(13, 10))
    assert nobody.outcome is ScanOutcome.CONFIRM_WALK_IN and nobody.own_slot is None


# --- time never runs backwards inside the data ---------------------------------------------


@pytest.mark.parametrize("repeat", ["60", "0"])
def test_a_scan_before_the_open_sign_in_is_recorded_and_flagged(
    desk: Desk, ids: dict[str, int], repeat: str
) -> None:
    """Signed in at 09:10 by a fast clock, corrected, scanned at 08:50: it was 'already
    recorded' (nothing written, no way out), or ValueError with a repeat window of 0."""
    update_settings(desk, {"repeat_scan_seconds": repeat})
    signed_in = attendance.scan(desk, "V801", now=t(9, 10))
    asked = attendance.scan(desk, "V801", now=t(8, 50))
    assert asked.outcome is ScanOutcome.CONFIRM_SIGN_OUT and asked.clock_suspect
    [row] = rows(desk)
    assert row.is_open and row.clock_suspect and row.needs_review
    assert actions(desk)[-1] == "attendance.clock_suspect"
    out = attendance.scan(desk, "V801", confirm_sign_out=True, now=t(8, 51))
    assert out.outcome is ScanOutcome.SIGNED_OUT and out.attendance_id == signed_in.attendance_id
    [row] = rows(desk)
    assert row.out_at == row.in_at == t(9, 10)  # never before the sign-in
    assert row.clock_suspect and row.needs_review and not row.is_open


def test_a_scan_before_the_last_sign_out_is_flagged_not_swallowed(
    desk: Desk, ids: dict[str, int]
) -> None:
    attendance.scan(desk, "V801", now=t(8, 20))
    attendance.scan(desk, "V801", now=t(11, 31))
    r = attendance.scan(desk, "V801", now=t(11, 0))
    assert r.outcome is not ScanOutcome.REPEAT and r.clock_suspect
    [row] = rows(desk)
    assert row.clock_suspect and row.needs_review and row.out_at == t(11, 31)


def _write_lock_taken(db: Database) -> bool:
    """True when another connection cannot become a writer now."""
    if db.path is not None:
        other = sqlite3.connect(db.path, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            other.close()
    with db.engine.connect() as conn:
        got = conn.execute(text(f"SELECT pg_try_advisory_xact_lock({PG_WRITE_LOCK_KEY})"))
        free = bool(got.scalar())
        conn.rollback()
        return not free


def test_a_scan_reads_the_clock_once_it_holds_the_write_lock(
    desk: Desk, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scan read the clock before it waited for the lock: a later writer's record came
    first and the scan saw time run backwards (62 'a sign-out before the sign-in').

    SQLite: the clock is read once the write lock is held. PostgreSQL takes no lock for a
    scan (services.scan_fast): a record of the volunteer written by another desk between
    the scan's read (with its clock) and its write makes the server refuse the write, and
    the scan is read, timed and decided again after that record."""
    from dataclasses import replace

    if desk.db.is_sqlite:
        seen: list[bool] = []

        def clock() -> datetime:
            seen.append(_write_lock_taken(desk.db))
            return t(9, 0)

        attendance.scan(replace(desk, clock=clock), "V801")
        assert seen == [True]
        return
    from frontdesk.store import scan_write

    real = scan_write.write_scan
    times = iter([t(9, 0), t(9, 2)])
    other = replace(desk, clock=lambda: t(9, 1))
    calls: list[datetime] = []

    def meanwhile(*args: object, **kwargs: object) -> int | None:
        calls.append(args[4].at)  # type: ignore[attr-defined]
        if len(calls) == 1:  # another desk signs the same volunteer in, first
            assert attendance.scan(other, "V801").outcome is ScanOutcome.SIGNED_IN
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(scan_write, "write_scan", meanwhile)
    result = attendance.scan(replace(desk, clock=lambda: next(times)), "V801")
    assert calls[:2] == [t(9, 0), t(9, 1)]  # refused at 09:00; the other desk's went in
    # decided again at 09:02, after the other desk's sign-in: the duty runs, so it asks
    assert result.outcome is ScanOutcome.CONFIRM_SIGN_OUT and result.at == t(9, 2)
    [row] = rows(desk)
    assert (row.in_at, row.out_at, row.is_open) == (t(9, 1), None, True)  # nothing doubled
    with desk.db.read() as session:
        assert audit.verify(session).ok


def test_scans_from_two_threads_never_fail_nor_run_backwards(
    desk: Desk, ids: dict[str, int]
) -> None:
    """Each thread's clock ticks forward; whatever the interleaving, no error, and every
    record's sign-out is at or after its sign-in."""
    from dataclasses import replace

    lock = threading.Lock()
    ticks = iter(t(8, 35) + timedelta(seconds=61 * i) for i in range(10_000))

    def clock() -> datetime:
        with lock:
            return next(ticks)

    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(15):
                attendance.scan(replace(desk, clock=clock), "V801")
                attendance.scan(replace(desk, clock=clock), "V801", confirm_sign_out=True)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    done = rows(desk)
    assert done and all(r.out_at is None or r.in_at <= r.out_at for r in done)
    assert not any(r.clock_suspect for r in done)


def test_a_scan_after_signing_out_says_so_and_records_nothing(
    desk: Desk, ids: dict[str, int]
) -> None:
    """Signed out of the morning at 11:28, scanned at 11:40: it was 「還沒到簽到時間…下午班
    13:00」; after the afternoon's last sign-out it was a second sign-in into it."""
    attendance.scan(desk, "V801", now=t(8, 20))
    attendance.scan(desk, "V801", now=t(11, 28))
    before, kept = actions(desk), len(rows(desk))
    for when in (t(11, 40), t(12, 30), t(17)):
        again = attendance.scan(desk, "V801", now=when)
        assert again.outcome is ScanOutcome.ALREADY_OUT, when
        assert again.previous_at == t(11, 28) and again.slot is not None
        assert again.slot.code == "AM"
    assert actions(desk) == before and len(rows(desk)) == kept
    attendance.scan(desk, "V802", now=t(13, 20))
    attendance.scan(desk, "V802", now=t(16, 26))
    last = attendance.scan(desk, "V802", now=t(16, 28))
    assert last.outcome is ScanOutcome.ALREADY_OUT and last.previous_at == t(16, 26)
    assert sum(r.volunteer_id == ids["V802"] for r in rows(desk)) == 1
