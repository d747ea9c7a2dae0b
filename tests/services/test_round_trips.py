"""PostgreSQL round trips of a scan and of the kiosk's refresh after it, counted on the wire.

A desk may sit 10 ms from its server: each round trip is paid in full by the volunteer
waiting at the desk. The proxy (tests.support.netdelay) counts every time the desk speaks
after the server answered.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from frontdesk.core.roster import ShiftKey
from frontdesk.services import attendance, kiosk, roster
from frontdesk.services.context import Desk, settings
from frontdesk.store.db import Database
from tests.support.clocks import Clock
from tests.support.desks import add_volunteer, new_desk
from tests.support.netdelay import DelayProxy

MONDAY = date(2026, 11, 2)
SCAN_TRIPS = 9  # BEGIN with the writers' lock and the clock, 7 statements, COMMIT
# three read transactions: settings, the board, the waiting count (with the phone
# follow-ups due, a statement of its own)
REFRESH_TRIPS = 15
# a sign-out also reads the volunteer's standing for the kiosk once it committed
# (services.recognition_views.kiosk_standing): 10 statements in a read transaction
STANDING_TRIPS = 12


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
    """A sign-in took 17 round trips and the refresh after it 17 more (a ping before each
    transaction, BEGIN and the writers' lock apart, the same duties read twice)."""
    desk, proxy = far_desk
    clock.set(MONDAY, 8, 20)
    attendance.scan(desk, "A01")  # the pool's first connection, off the count
    kiosk.board(desk)
    clock.set(MONDAY, 8, 25)
    proxy.counter.reset()
    assert attendance.scan(desk, "B02").outcome.value == "signed_in"
    scan = proxy.counter.reset()
    settings(desk), kiosk.board(desk), kiosk.pending_supervisor_count(desk)
    refresh = proxy.counter.reset()
    assert scan <= SCAN_TRIPS, scan
    assert refresh <= REFRESH_TRIPS, refresh
    clock.set(MONDAY, 11, 35)
    assert attendance.scan(desk, "B02").outcome.value == "signed_out"
    assert proxy.counter.reset() <= SCAN_TRIPS + STANDING_TRIPS


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
