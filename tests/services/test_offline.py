"""A desk on a shared PostgreSQL server that loses it: scans are decided from the local
replica by the same rule, journaled before the answer, replayed once in order with their
original instants when the server is back, conflicts recorded and flagged with a reason."""

from __future__ import annotations

import time as wall
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from frontdesk.core.attendance import AttendanceStatus, ScanOutcome
from frontdesk.core.offline import Conflict
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import attendance, roster
from frontdesk.services.context import Desk
from frontdesk.services.offline import journal
from frontdesk.services.offline.desk import OfflineDesk
from frontdesk.services.offline.state import desk_reports
from frontdesk.services.offline.upload import receive
from frontdesk.store.db import Database
from frontdesk.store.models import Attendance, AuditEntry
from frontdesk.store.offline_models import ScanReceipt
from tests.support.clocks import Clock
from tests.support.desks import new_desk, volunteer_maker
from tests.support.proxy import TcpProxy

pytestmark = pytest.mark.postgres

DEC1 = date(2026, 12, 1)  # a Tuesday, a working day


def t(hh: int, mm: int = 0) -> datetime:
    return at(DEC1, time(hh, mm))


@pytest.fixture
def server(pg_db: Database, clock: Clock) -> Desk:
    """The server's side: V801 on the morning of DEC1, V802 on its afternoon."""
    clock.set(DEC1, 7, 0)
    desk = new_desk(pg_db, clock)
    make = volunteer_maker(desk)
    found = {code: make(code, f"志工{code}") for code in ("V801", "V802", "V803")}
    roster.assign(desk, ShiftKey(DEC1, "AM"), found["V801"])
    roster.assign(desk, ShiftKey(DEC1, "PM"), found["V802"])
    return replace(desk, actor="kiosk")


@pytest.fixture
def proxy(pg_db: Database, pg_server: object) -> Iterator[TcpProxy]:
    port = pg_db.url.port
    assert port is not None
    p = TcpProxy(port)
    yield p
    p.close()


@pytest.fixture
def offline(server: Desk, proxy: TcpProxy, tmp_path: Path) -> Iterator[OfflineDesk]:
    """The desk PC, reaching the server through the proxy, its replica refreshed."""
    assert server.db.url.database is not None
    db = Database(proxy.url(server.db.url.database))
    desk = OfflineDesk(replace(server, db=db), tmp_path, name="一樓服務台", timeout_seconds=1.0)
    desk.refresh()
    yield desk
    desk.stop()
    db.dispose()


def rows(desk: Desk) -> list[Attendance]:
    with desk.db.read() as session:
        return list(session.scalars(select(Attendance).order_by(Attendance.id)))


def receipts(desk: Desk) -> list[ScanReceipt]:
    with desk.db.read() as session:
        return list(session.scalars(select(ScanReceipt).order_by(ScanReceipt.id)))


def test_offline_scans_are_journaled_then_replayed_once_at_their_instants(
    server: Desk, offline: OfflineDesk, proxy: TcpProxy, clock: Clock
) -> None:
    proxy.drop()
    clock.set(DEC1, 8, 25)
    signed_in = offline.scan("V801")
    assert (signed_in.outcome, signed_in.offline) == (ScanOutcome.SIGNED_IN, True)
    assert not offline.online and offline.status().offline_since == t(8, 25)
    clock.set(DEC1, 11, 31)
    signed_out = offline.scan("V801")
    assert (signed_out.outcome, signed_out.offline) == (ScanOutcome.SIGNED_OUT, True)
    assert rows(server) == [] and offline.status().waiting == 2

    proxy.restore()
    clock.set(DEC1, 12, 0)
    offline.sync()
    assert offline.online and offline.status().waiting == 0
    [row] = rows(server)
    assert (row.in_at, row.out_at, row.status) == (t(8, 25), t(11, 31), "on_time")
    assert not row.needs_review
    assert [(r.outcome, r.conflict, r.scanned_at) for r in receipts(server)] == [
        ("signed_in", None, t(8, 25)),
        ("signed_out", None, t(11, 31)),
    ]
    assert offline.replay() == 0  # nothing is sent twice
    assert len(rows(server)) == 1 and len(receipts(server)) == 2
    assert offline.status().last_upload == t(12, 0)


def test_a_replay_interrupted_after_the_server_received_a_scan_applies_it_once(
    server: Desk, offline: OfflineDesk, proxy: TcpProxy, clock: Clock
) -> None:
    proxy.drop()
    clock.set(DEC1, 8, 25)
    offline.scan("V801")
    proxy.restore()
    entry = journal.next_pending(offline.replica.db)
    assert entry is not None
    receive(offline.server, offline.name, entry)  # received; the desk died before marking it
    assert offline.replay() == 1
    assert receive(offline.server, offline.name, entry).again
    assert len(rows(server)) == 1 and len(receipts(server)) == 1


def test_a_sign_in_made_elsewhere_meanwhile_is_recorded_and_flagged(
    server: Desk, offline: OfflineDesk, proxy: TcpProxy, clock: Clock
) -> None:
    proxy.drop()
    clock.set(DEC1, 13, 20)
    attendance.scan(server, "V802")  # upstairs, online
    clock.set(DEC1, 13, 26)
    told = offline.scan("V802")
    assert told.outcome is ScanOutcome.SIGNED_IN and told.offline
    proxy.restore()
    offline.sync()
    [receipt] = receipts(server)
    assert receipt.offline_outcome == "signed_in" and receipt.outcome != "signed_in"
    assert receipt.conflict == Conflict.NOT_RECORDED.value
    [row] = rows(server)
    assert row.needs_review
    with server.db.read() as session:
        flagged = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "attendance.offline_conflict")
        ).one()
    assert flagged.after is not None and flagged.after["offline_conflict"] == "not_recorded"


def test_a_day_offline_corrects_the_absence_the_sweep_recorded_and_flags_it(
    server: Desk, offline: OfflineDesk, proxy: TcpProxy, clock: Clock
) -> None:
    proxy.drop()
    clock.set(DEC1, 8, 25)
    offline.scan("V801")
    clock.set(DEC1, 11, 31)
    offline.scan("V801")
    clock.set(DEC1, 18, 0)
    attendance.sweep(server)  # the server's evening sweep
    absent, _pm = rows(server)  # V801's morning, V802's afternoon
    assert absent.status == AttendanceStatus.ABSENT.value and absent.in_at is None
    proxy.restore()
    offline.sync()
    row, _pm_after = rows(server)
    assert row.id == absent.id
    assert (row.in_at, row.out_at, row.status) == (t(8, 25), t(11, 31), "on_time")
    assert row.needs_review  # corrected, and the supervisor is told
    assert [r.conflict for r in receipts(server)] == ["absent_corrected", None]


def test_a_walk_in_after_the_roster_changed_is_recorded_as_one_and_flagged(
    server: Desk, offline: OfflineDesk, proxy: TcpProxy, clock: Clock
) -> None:
    proxy.drop()
    clock.set(DEC1, 8, 25)
    told = offline.scan("V801")
    assert (told.status, told.offline) == (AttendanceStatus.OPEN, True)  # on the roster
    assert rows(server) == []
    roster.unassign(server, ShiftKey(DEC1, "AM"), _id(server, "V801"), confirm_warnings=True)
    proxy.restore()
    offline.sync()
    [row] = rows(server)
    assert row.walk_in and row.needs_review and row.in_at == t(8, 25)
    assert [r.conflict for r in receipts(server)] == ["roster_changed"]


def test_a_server_that_swallows_packets_is_noticed_within_the_timeout(
    server: Desk, offline: OfflineDesk, proxy: TcpProxy, clock: Clock
) -> None:
    clock.set(DEC1, 8, 25)
    assert not offline.scan("V803").offline  # online: not on duty, answered by the server
    proxy.stall()
    started = wall.monotonic()
    first = offline.scan("V801")
    noticed = wall.monotonic() - started
    assert first.offline and first.outcome is ScanOutcome.SIGNED_IN
    # Noticed by the desk's own timeout, not TCP's retransmissions (minutes); the margin
    # is the 2.5 s less the 1 s timeout, for a loaded test machine.
    assert noticed < offline.timeout() + 1.5
    started = wall.monotonic()
    clock.set(DEC1, 8, 26)
    second = offline.scan("V802")  # answered from the replica, recording nothing
    assert wall.monotonic() - started < 0.5  # the next scan does not wait again
    assert not offline.online and offline.status().waiting == 1
    assert (second.outcome, second.offline) == (ScanOutcome.TOO_EARLY, False)
    proxy.restore()
    for _ in range(20):  # the abandoned online try may still land: once either way
        offline.sync()
        if offline.online:
            break
        wall.sleep(0.2)
    assert offline.online
    v801 = [r for r in rows(server) if r.volunteer_id == _id(server, "V801")]
    assert len(v801) == 1 and v801[0].in_at is not None  # landed late or replayed: once
    assert len([r for r in receipts(server) if r.code == "V801"]) == 1


def test_the_desk_reports_its_state_for_the_supervisor(
    server: Desk, offline: OfflineDesk, proxy: TcpProxy, clock: Clock
) -> None:
    proxy.drop()
    clock.set(DEC1, 8, 25)
    offline.scan("V801")
    proxy.restore()
    clock.set(DEC1, 9, 0)
    offline.sync()
    [report] = desk_reports(server)
    assert report.status.name == "一樓服務台" and report.status.online
    assert report.status.offline_since == t(8, 25) and report.status.waiting == 0
    assert report.status.last_upload == t(9, 0) and report.status.uploaded == 1
    assert not report.silent and report.conflicts == 0


def test_a_desk_that_crashed_offline_starts_offline_and_replays(
    server: Desk, offline: OfflineDesk, proxy: TcpProxy, clock: Clock, tmp_path: Path
) -> None:
    proxy.drop()
    clock.set(DEC1, 8, 25)
    offline.scan("V801")
    offline.stop()
    proxy.restore()
    again = OfflineDesk(offline.server, tmp_path, name="一樓服務台", timeout_seconds=1.0)
    try:
        assert not again.online and again.status().waiting == 1
        again.sync()
        assert again.online and len(rows(server)) == 1
    finally:
        again.stop()


def test_the_replica_copies_only_what_changed_and_no_phones(
    server: Desk, offline: OfflineDesk, clock: Clock
) -> None:
    assert offline.replica.refresh(server.db, DEC1).tables == ()
    make: Callable[..., int] = volunteer_maker(server)
    make("V900", "新志工")
    report = offline.replica.refresh(server.db, DEC1)
    assert report.tables == ("volunteer",)
    with offline.replica.db.read() as session:
        phones = session.execute(select(func.count()).where(_phones())).scalar()
    assert phones == 0


def _phones() -> object:
    from frontdesk.store.models import Volunteer

    return Volunteer.phone.is_not(None)


def _id(desk: Desk, code: str) -> int:
    from frontdesk.store.models import Volunteer

    with desk.db.read() as session:
        return int(session.scalars(select(Volunteer.id).where(Volunteer.code == code)).one())


def test_a_scan_made_offline_on_a_doubtful_clock_is_flagged_on_the_server(
    server: Desk,
    proxy: TcpProxy,
    clock: Clock,
    tmp_path: Path,
    guard: object,
    clocks: object,
) -> None:
    from frontdesk.core.clock import ClockGuard
    from tests.support.clocks import FakeClocks

    assert isinstance(guard, ClockGuard) and isinstance(clocks, FakeClocks)
    assert server.db.url.database is not None
    db = Database(proxy.url(server.db.url.database))
    desk = OfflineDesk(
        replace(server, db=db, clock_guard=guard), tmp_path, name="一樓", timeout_seconds=1.0
    )
    try:
        clock.set(DEC1, 7, 0)
        desk.refresh()
        proxy.drop()
        clock.set(DEC1, 8, 25)
        assert not desk.scan("V803").clock_suspect  # the PC's clock agrees with itself
        clocks.set_wall(3600)  # someone sets the PC's clock an hour ahead
        told = desk.scan("V801")
        assert told.offline and told.clock_suspect
        proxy.restore()
        desk.sync()
        [row] = rows(server)
        assert row.clock_suspect and row.needs_review and row.in_at == t(8, 25)
        assert [r.conflict for r in receipts(server)] == [None]  # same answer, clock flagged
    finally:
        desk.stop()
        db.dispose()


def test_a_sign_out_taken_back_offline_is_taken_back_on_the_server(
    server: Desk, offline: OfflineDesk, proxy: TcpProxy, clock: Clock
) -> None:
    proxy.drop()
    clock.set(DEC1, 8, 25)
    offline.scan("V801")
    clock.set(DEC1, 10, 0)
    out = offline.scan("V801", confirm_sign_out=True)
    assert out.outcome is ScanOutcome.SIGNED_OUT and out.offline
    clock.now = t(10, 0) + timedelta(seconds=5)
    undone = offline.undo_sign_out(out)  # 按錯了？
    assert undone.outcome is ScanOutcome.SIGN_OUT_UNDONE and undone.offline
    proxy.restore()
    offline.sync()
    [row] = rows(server)
    assert row.is_open and row.out_at is None and row.in_at == t(8, 25)
    assert [(r.outcome, r.conflict) for r in receipts(server)] == [
        ("signed_in", None),
        ("signed_out", None),
        ("sign_out_undone", None),
    ]
