"""The desk without its server, in figures: offline scan to confirmation against an online
scan on SQLite in the same run, the time the desk takes to notice the server is gone and
answer the first scan (the cable pulled: connections fail; the network swallowing packets:
only the timeout tells), and the replay's throughput after the outage.

    python3 -m benchmarks.bench_offline [--scans 300]

Starts a throw-away PostgreSQL server (tests.pg) and a TCP proxy (tests.support.proxy)
the benchmark cuts. Times are wall-clock seconds (time.perf_counter); p50/p95 in ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

from frontdesk.core.timeutil import at
from frontdesk.services import attendance
from frontdesk.services.context import Desk
from frontdesk.services.offline import journal
from frontdesk.services.offline.desk import OfflineDesk
from frontdesk.store.db import Database
from frontdesk.store.migrate import upgrade
from frontdesk.store.models import Assignment
from tests.pg import start_server, stop_server
from tests.support.clocks import Clock
from tests.support.desks import new_desk, volunteer_maker
from tests.support.proxy import TcpProxy

DAY = date(2026, 12, 1)
VOLUNTEERS = 60


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def site(db: Database, clock: Clock) -> Desk:
    """60 volunteers on the morning of DAY (roster rows written directly)."""
    desk = new_desk(db, clock, actor="supervisor:bench")
    make = volunteer_maker(desk)
    ids = [make(f"V{n:03d}", f"志工{n:03d}") for n in range(1, VOLUNTEERS + 1)]
    with db.write() as session:
        for vid in ids:
            session.add(
                Assignment(
                    site_id=desk.site_id, day=DAY, slot="AM", volunteer_id=vid, created_at=clock()
                )
            )
    return replace(desk, actor="kiosk")


def timed_scans(
    scan: Callable[[str], object], clock: Clock, start: datetime, n: int
) -> list[float]:
    """`n` scans, each volunteer in turn, 20 s apart on the desk's clock; seconds each."""
    out = []
    for i in range(n):
        clock.now = start + i * timedelta(seconds=20)
        began = time.perf_counter()
        scan(f"V{i % VOLUNTEERS + 1:03d}")
        out.append(time.perf_counter() - began)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_offline")
    parser.add_argument("--scans", type=int, default=300)
    args = parser.parse_args(argv)
    n = args.scans
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-bench-offline-"))
    pg = start_server()
    try:
        rows = run(pg, folder, n)
    finally:
        stop_server(pg)
    width = max(len(r[0]) for r in rows)
    print(f"offline desk, {n} scans per series, {VOLUNTEERS} volunteers")
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    return 0


def run(pg: object, folder: Path, n: int) -> list[tuple[str, str]]:
    from tests.pg import PgServer

    assert isinstance(pg, PgServer)
    flags = {"confirm_walk_in": True, "confirm_sign_out": True}
    # SQLite, online: the baseline the issue names
    clock = Clock(at(DAY, dtime(7)))
    lite = Database(f"sqlite+pysqlite:///{folder / 'desk.sqlite3'}")
    upgrade(lite, backup=False)
    lite_desk = site(lite, clock)
    sqlite_online = timed_scans(
        lambda code: attendance.scan(lite_desk, code, **flags), clock, at(DAY, dtime(8)), n
    )
    lite.dispose()
    # PostgreSQL through the proxy, online then offline
    name = pg.create_database(prefix="fd_bench_offline")
    db = Database(pg.url(name))
    upgrade(db, backup=False)
    clock = Clock(at(DAY, dtime(7)))
    server = site(db, clock)
    proxy = TcpProxy(pg.port)
    through = Database(proxy.url(name))
    desk = OfflineDesk(replace(server, db=through), folder)  # the default 2 s timeout
    desk.refresh()
    pg_online = timed_scans(lambda c: desk.scan(c, **flags), clock, at(DAY, dtime(8)), n)
    desk.sync()
    desk.refresh()  # what the online scans wrote
    proxy.drop()
    clock.now = at(DAY, dtime(10))
    began = time.perf_counter()
    first = desk.scan("V001", **flags)
    cut_first = time.perf_counter() - began
    assert first.offline
    offline = timed_scans(lambda c: desk.scan(c, **flags), clock, at(DAY, dtime(10, 1)), n)
    waiting = journal.count_pending(desk.replica.db)
    proxy.restore()
    clock.now = at(DAY, dtime(12))
    began = time.perf_counter()
    sent = desk.replay()
    replay_s = time.perf_counter() - began
    assert desk.online and sent == waiting
    desk.refresh()
    proxy.stall()  # packets swallowed: only the timeout notices
    clock.now = at(DAY, dtime(13, 30))
    began = time.perf_counter()
    stalled = desk.scan("V002", **flags)
    stall_first = time.perf_counter() - began
    assert stalled.offline
    began = time.perf_counter()
    desk.scan("V003", **flags)
    after_stall = time.perf_counter() - began
    proxy.restore()
    desk.stop()
    through.dispose()
    db.dispose()
    proxy.close()

    def ms(v: float) -> str:
        return f"{v * 1000:.1f} ms"

    ratio = pct(offline, 95) / pct(sqlite_online, 95)
    return [
        ("online scan on SQLite, p50 / p95", f"{ms(statistics.median(sqlite_online))} / "
         f"{ms(pct(sqlite_online, 95))}"),
        ("online scan on PostgreSQL (receipt included), p50 / p95",
         f"{ms(statistics.median(pg_online))} / {ms(pct(pg_online, 95))}"),
        ("offline scan (replica + journal), p50 / p95",
         f"{ms(statistics.median(offline))} / {ms(pct(offline, 95))}"),
        ("offline p95 / SQLite online p95 (target <= 2x)", f"{ratio:.2f}x"),
        ("first scan after the cable is pulled (connections fail)", ms(cut_first)),
        ("first scan when packets are swallowed (timeout 2 s; target < 2.5 s)",
         ms(stall_first)),
        ("the scan after that", ms(after_stall)),
        (f"replay of {sent} scans", f"{replay_s:.2f} s = {sent / replay_s:.0f} scans/s"),
    ]  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
