"""PostgreSQL round trips of a scan and of the kiosk's refresh after it, counted on the wire.

A desk may sit 10 ms from its server: each round trip is paid in full by the volunteer
waiting at the desk. The proxy (tests.support.netdelay) counts every time the desk speaks
after the server answered.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk.core.roster import ShiftKey
from frontdesk.services import attendance, kiosk, roster
from frontdesk.services.context import Desk, settings
from frontdesk.store.db import Database
from tests.support.clocks import Clock
from tests.support.desks import add_volunteer, new_desk
from tests.support.netdelay import DelayProxy

MONDAY = date(2026, 11, 2)
# issue 19: a scan in at most 3 round trips, its confirmation on screen in at most 4. A
# sign-in took 9 (BEGIN with the writers' lock and the clock, 7 statements, COMMIT), a
# sign-out 9 more the standing's 13, the refresh after either 15.
SCAN_TRIPS = 3  # one read of what the decision needs, one server call (with the standing)
CONFIRMATION_TRIPS = 4  # the scan and the kiosk's refresh after it (one read)


@pytest.fixture
def far_desk(pg_db: Database, clock: Clock) -> Iterator[tuple[Desk, DelayProxy]]:
    """A desk on PostgreSQL through the counting proxy, two volunteers on Monday's morning."""
    desk = new_desk(pg_db, clock)
    for code in ("A01", "B02"):
        vid = add_volunteer(desk, code, "志工")
        roster.assign(desk, ShiftKey(MONDAY, "AM"), vid)
    proxy = DelayProxy(pg_db.url.port or 5432)
    far = Database(proxy.url(pg_db.url.render_as_string(hide_password=False)))
    try:
        yield replace(desk, db=far), proxy
    finally:
        far.dispose()
        proxy.close()


def test_a_scan_and_the_refresh_after_it_take_few_round_trips(
    far_desk: tuple[Desk, DelayProxy], clock: Clock
) -> None:
    """A sign-in took 9 round trips and the refresh after it 15 more (BEGIN and the
    writers' lock, a statement each, three read transactions); a sign-out 22."""
    desk, proxy = far_desk
    clock.set(MONDAY, 8, 20)
    attendance.scan(desk, "A01")  # the pool's first connection, off the count
    kiosk.refresh(desk)
    clock.set(MONDAY, 8, 25)
    proxy.counter.reset()
    assert attendance.scan(desk, "B02").outcome.value == "signed_in"
    scan = proxy.counter.reset()
    shown = kiosk.refresh(desk)
    refresh = proxy.counter.reset()
    assert scan <= SCAN_TRIPS, scan
    assert scan + refresh <= CONFIRMATION_TRIPS, (scan, refresh)
    assert [e.code for e in shown.board.slots[0].entries if e.signed_in] == ["A01", "B02"]
    clock.set(MONDAY, 11, 35)
    signed_out = attendance.scan(desk, "B02")
    scan = proxy.counter.reset()
    kiosk.refresh(desk)
    refresh = proxy.counter.reset()
    assert signed_out.outcome.value == "signed_out" and signed_out.standing is not None
    assert signed_out.standing.month_minutes == 180  # 08:25 to 11:35, cut to the half hour
    assert scan <= SCAN_TRIPS, scan
    assert scan + refresh <= CONFIRMATION_TRIPS, (scan, refresh)


def test_the_refresh_shows_what_its_parts_read_alone(
    far_desk: tuple[Desk, DelayProxy], clock: Clock
) -> None:
    """The one read of the refresh gives the settings, the board and the badge's count
    each as read on their own."""
    desk, _ = far_desk
    clock.set(MONDAY, 8, 25)
    attendance.scan(desk, "A01")
    shown = kiosk.refresh(desk)
    assert shown.settings == settings(desk)
    assert shown.board == kiosk.board(desk, shown.board.now)
    assert shown.pending == kiosk.pending_supervisor_count(desk)


def test_a_desk_that_can_go_offline_scans_in_as_few(
    far_desk: tuple[Desk, DelayProxy], clock: Clock, tmp_path: Path
) -> None:
    """The kiosk on a server scans through its offline desk (services.offline): the
    receipt is written with the record, in the same round trips."""
    from frontdesk.services.offline.desk import OfflineDesk
    from frontdesk.store.offline_models import ScanReceipt

    desk, proxy = far_desk
    offline = OfflineDesk(desk, tmp_path, name="一樓服務台", timeout_seconds=5.0)
    try:
        clock.set(MONDAY, 8, 20)
        offline.scan("A01")  # the pool's first connection, off the count
        clock.set(MONDAY, 8, 25)
        proxy.counter.reset()
        assert offline.scan("B02").outcome.value == "signed_in"
        assert proxy.counter.reset() <= SCAN_TRIPS
        clock.set(MONDAY, 11, 35)
        assert offline.scan("B02").outcome.value == "signed_out"
        assert proxy.counter.reset() <= SCAN_TRIPS
    finally:
        offline.stop()
    with desk.db.read() as session:
        kept = session.scalars(select(ScanReceipt.outcome).order_by(ScanReceipt.id)).all()
    assert kept == ["signed_in", "signed_in", "signed_out"]


def test_the_proxy_counts_each_question_and_answer(far_desk: tuple[Desk, DelayProxy]) -> None:
    from sqlalchemy import text

    desk, proxy = far_desk
    with desk.db.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
        proxy.counter.reset()
        for _ in range(3):
            conn.execute(text("SELECT 1"))
        assert proxy.counter.reset() == 3
        conn.rollback()


def test_a_scan_after_the_server_dropped_its_connections_is_recorded_once(
    far_desk: tuple[Desk, DelayProxy], clock: Clock
) -> None:
    """No ping before a scan: the pooled connection the server dropped (a restart, a
    network cut) fails at the scan's read, which is sent once more on a new connection;
    the write is never sent twice."""
    from frontdesk.store.models import Attendance
    from tests.store.test_pg_connection import _drop_every_connection

    desk, _ = far_desk
    clock.set(MONDAY, 8, 20)
    attendance.scan(desk, "A01")  # the pool holds a connection now
    assert _drop_every_connection(desk.db) >= 1
    clock.set(MONDAY, 8, 25)
    assert attendance.scan(desk, "B02").outcome.value == "signed_in"
    with desk.db.read() as session:
        assert len(session.scalars(select(Attendance.id)).all()) == 2
