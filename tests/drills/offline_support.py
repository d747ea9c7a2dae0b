"""What the offline drills share: a private PostgreSQL server the drill may stop and start
again on the same port, a site with its roster, and the scans of a morning and afternoon.

A private server, not the session's: stopping the shared one would cut every other test.
"""

from __future__ import annotations

import contextlib
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import psycopg

from frontdesk.core.timeutil import at
from frontdesk.services.context import Desk
from frontdesk.store.db import Database
from frontdesk.store.migrate import upgrade
from frontdesk.store.models import Assignment
from tests.pg import PgServer
from tests.support.clocks import Clock
from tests.support.desks import new_desk, volunteer_maker

DAY = date(2026, 12, 1)  # a Tuesday, a working day


def server_stop(server: PgServer) -> None:
    """Stop the server (fast shutdown: every connection is cut)."""
    server._run("pg_ctl", "stop", "-D", str(server.data_dir), "-m", "fast", "-w", "-t", "30")


def server_start(server: PgServer) -> None:
    """Start the stopped server again on its port, with the options it first had."""
    options = " ".join(
        [
            "-c listen_addresses=127.0.0.1",
            f"-c port={server.port}",
            f"-c unix_socket_directories={server.socket_dir}",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            "-c max_connections=200",
            "-c autovacuum=off",
        ]
    )
    proc = server._run(
        "pg_ctl", "start", "-D", str(server.data_dir), "-l", str(server.log_file), "-w",
        "-t", "30", "-o", options,
    )  # fmt: skip
    server._check(proc, "pg_ctl start")
    if server._admin is not None:  # its connection ended with the server: a new one
        with contextlib.suppress(psycopg.Error):
            server._admin.close()
        server._admin = psycopg.connect(server.conninfo("postgres"), autocommit=True)


def migrated(server: PgServer) -> str:
    """A new migrated database on `server`; its URL."""
    url = server.url(server.create_database(prefix="fd_offline"))
    db = Database(url)
    try:
        upgrade(db, backup=False)
    finally:
        db.dispose()
    return url


@dataclass(frozen=True)
class Scan:
    """One planned scan: who, when, at which desk (0 or 1)."""

    code: str
    at: datetime
    desk: int


def site(db: Database, clock: Clock, volunteers: int) -> tuple[Desk, dict[str, tuple[str, ...]]]:
    """The site: volunteers V001.. with the even ones on the morning, the odd ones on the
    afternoon of DAY, and every fifth on both; returns each code's slots. The roster rows
    are written directly: a slot's staff maximum would refuse such a crowd."""
    desk = new_desk(db, clock, actor="supervisor:drill")
    make = volunteer_maker(desk)
    slots: dict[str, tuple[str, ...]] = {}
    for n in range(1, volunteers + 1):
        code = f"V{n:03d}"
        vid = make(code, f"志工{n:03d}")
        slots[code] = ("AM", "PM") if n % 5 == 0 else ("AM",) if n % 2 == 0 else ("PM",)
        with db.write() as session:  # past the slot's staff maximum: a drill's crowd
            for slot in slots[code]:
                session.add(Assignment(site_id=desk.site_id, day=DAY, slot=slot,
                                       volunteer_id=vid, created_at=clock()))  # fmt: skip
    return desk, slots


HOURS = {"AM": (time(8, 30), time(11, 30)), "PM": (time(13, 30), time(16, 30))}


def day_of_scans(slots: dict[str, tuple[str, ...]], rng: random.Random) -> list[Scan]:
    """Each volunteer signs in and out of each rostered slot (early, on time or late; on
    time or early out) at one of the two desks, in time order."""
    scans: list[Scan] = []
    for n, (code, theirs) in enumerate(slots.items()):
        for slot in theirs:
            start, end = HOURS[slot]
            arrive = at(DAY, start) + timedelta(seconds=rng.randint(-25 * 60, 20 * 60))
            leave = at(DAY, end) + timedelta(seconds=rng.randint(-40 * 60, 10 * 60))
            scans += [Scan(code, arrive, n % 2), Scan(code, leave, n % 2)]
    scans.sort(key=lambda s: s.at)
    return scans
