"""Desks at different sites sharing one PostgreSQL server never wait for each other
(issue 19): a scan takes no lock but its volunteer's row (services.scan_fast)."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select, text, update

from frontdesk.core.attendance import ScanOutcome
from frontdesk.core.roster import ShiftKey
from frontdesk.services import attendance, roster
from frontdesk.services.attendance import ScanResult
from frontdesk.services.context import Desk
from frontdesk.store import audit, scan_write
from frontdesk.store.db import Database
from frontdesk.store.models import Attendance, Volunteer
from tests.store import builders
from tests.support.clocks import Clock
from tests.support.desks import add_volunteer, new_desk

MONDAY = date(2026, 11, 2)
WAIT_SECONDS = 10.0  # far above a scan's time on the loopback; the lock waited 15 s


def _two_sites(db: Database, clock: Clock) -> tuple[Desk, Desk]:
    """Site A's desk and site B's, a volunteer on each one's Monday morning."""
    a = new_desk(db, clock)
    with db.write() as session:
        b = replace(a, site_id=builders.site(session, "第二服務台").id)
    for desk, code in ((a, "A01"), (b, "B01")):
        roster.assign(desk, ShiftKey(MONDAY, "AM"), add_volunteer(desk, code, "志工"))
    return a, b


def _scan_meanwhile(desk: Desk, code: str) -> tuple[bool, threading.Thread, list[ScanResult]]:
    """Scan `code` at `desk` on another thread: whether it finished within WAIT_SECONDS,
    the thread (to join once the write held open ended) and its result."""
    results: list[ScanResult] = []
    worker = threading.Thread(target=lambda: results.append(attendance.scan(desk, code)))
    worker.start()
    worker.join(WAIT_SECONDS)
    return not worker.is_alive(), worker, results


def test_a_scan_does_not_wait_for_a_write_of_the_whole_database(
    pg_db: Database, clock: Clock
) -> None:
    """A scan took the writers' lock, shared, and a supervisor's write of the whole
    database holds it alone: a long one held every desk's scan at every site until it
    ended (DatabaseBusy after 15 s)."""
    _, b = _two_sites(pg_db, clock)
    clock.set(MONDAY, 8, 25)
    with pg_db.write() as held:  # a supervisor's long write, at site A
        held.execute(update(Volunteer).where(Volunteer.code == "A01").values(notes="長"))
        finished, worker, results = _scan_meanwhile(b, "B01")
    worker.join()
    assert finished
    assert [r.outcome for r in results] == [ScanOutcome.SIGNED_IN]


def test_a_scan_does_not_wait_for_another_sites_desk(pg_db: Database, clock: Clock) -> None:
    """Site A's desk holds its own write open (the sweep closing a duty): site B's scan
    is recorded meanwhile, and both commit."""
    a, b = _two_sites(pg_db, clock)
    clock.set(MONDAY, 8, 25)
    assert attendance.scan(a, "A01").outcome is ScanOutcome.SIGNED_IN
    with pg_db.write(a.site_id) as held:
        held.execute(update(Attendance).where(Attendance.is_open).values(note="sweep"))
        finished, worker, results = _scan_meanwhile(b, "B01")
    worker.join()
    assert finished
    assert [r.outcome for r in results] == [ScanOutcome.SIGNED_IN]
    with pg_db.read() as session:
        assert len(session.scalars(select(Attendance.id).where(Attendance.is_open)).all()) == 2


def _waiting_for_a_lock(db: Database) -> bool:
    """Whether a backend of the database waits for a row or advisory lock now."""
    with db.engine.connect() as conn:
        waiting = conn.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'"
            )
        ).scalar_one()
        conn.rollback()
    return bool(waiting)


def test_a_scan_that_meets_another_writer_in_a_deadlock_is_recorded(
    pg_db: Database, clock: Clock
) -> None:
    """No lock queues a desk's writers now, so two can take the same rows in opposite
    order: a write holding A01's duty then asking for A01's row, a scan holding A01's row
    and asking for the duty. PostgreSQL ends one of them (deadlock_detected); the scan is
    read, decided and written once more, and both writes are kept."""
    a, _ = _two_sites(pg_db, clock)
    clock.set(MONDAY, 8, 25)
    assert attendance.scan(a, "A01").outcome is ScanOutcome.SIGNED_IN
    clock.set(MONDAY, 11, 35)
    results: list[ScanResult] = []
    worker = threading.Thread(
        target=lambda: results.append(attendance.scan(a, "A01", confirm_sign_out=True))
    )
    with pg_db.write(a.site_id) as held:
        held.execute(update(Attendance).where(Attendance.is_open).values(note="鑰匙已交"))
        worker.start()  # the scan locks A01's row, then waits for the duty held here
        for _ in range(100):
            if _waiting_for_a_lock(pg_db):
                break
            time.sleep(0.05)
        held.execute(select(Volunteer.id).where(Volunteer.code == "A01").with_for_update())
    worker.join(30)
    assert [r.outcome for r in results] == [ScanOutcome.SIGNED_OUT]
    with pg_db.read() as session:
        [row] = session.scalars(select(Attendance)).all()
    assert (row.is_open, row.note) == (False, "鑰匙已交")
    with pg_db.read() as session:
        assert audit.verify(session).ok


def test_a_scan_writes_back_only_what_it_changed(
    pg_db: Database, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A handover note written between the scan's read and its write stayed only now and
    then: the scan sent every column of the record as it had read it, the note empty, and
    the note was lost whenever the other write did not move the record's updated_at."""
    a, _ = _two_sites(pg_db, clock)
    clock.set(MONDAY, 8, 25)
    assert attendance.scan(a, "A01").outcome is ScanOutcome.SIGNED_IN
    real = scan_write.write_scan

    def note_first(*args: Any, **kwargs: Any) -> Any:
        with pg_db.write(a.site_id) as other:  # after the scan read the record
            other.execute(update(Attendance).where(Attendance.is_open).values(note="鑰匙已交"))
        return real(*args, **kwargs)

    monkeypatch.setattr(scan_write, "write_scan", note_first)
    clock.set(MONDAY, 11, 35)
    assert attendance.scan(a, "A01", confirm_sign_out=True).outcome is ScanOutcome.SIGNED_OUT
    with pg_db.read() as session:
        [row] = session.scalars(select(Attendance)).all()
    assert (row.is_open, row.note) == (False, "鑰匙已交")
