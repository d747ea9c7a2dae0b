"""Desks sharing one PostgreSQL server over a network: scan latency and combined throughput.

    python3 benchmarks/bench_pg_desks.py [--seconds 10] [--delays 0,2,10] [--desks 1,8,32]

A throw-away server (tests.pg) with fsync and synchronous commit on, behind a proxy that adds
a round-trip delay (tests.support.netdelay: 0, 2 and 10 ms; 10 ms is a city network). Each
simulated desk is at its own site (a city's desks), on its own connection, and scans once a
second (volunteers signing in, then out); the figures are each scan's latency through the
service (attendance.scan) and the scans completed per second by all desks together, then the
same desks scanning back to back (the most the server and this client take). Targets (issue
19): p95 under 100 ms at 10 ms and 32 desks; throughput growing with desks. The desks are
threads of one client process (its CPU is shared). `--code DIR` runs another checkout's
frontdesk (the code before a change). Prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import threading
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import TYPE_CHECKING

HERE = Path(__file__).resolve()
ROOT = HERE.parents[1]
CODE = os.environ.get("FRONTDESK_CODE") or str(ROOT)
sys.path.insert(0, str(ROOT))
from tests.pg import start_server, stop_server  # noqa: E402  (this checkout's)
from tests.support.netdelay import DelayProxy  # noqa: E402

sys.path.insert(0, CODE)  # frontdesk from CODE, imported below

TODAY = date(2026, 11, 2)  # a Monday
PER_DESK = 400  # volunteers on each desk's morning, each scanning in then out once


def durable(server: object) -> None:
    """Restart the test server with fsync and synchronous commit on, as a real one runs."""
    import psycopg

    srv: object = server
    run = srv._run  # type: ignore[attr-defined]
    data = str(srv.data_dir)  # type: ignore[attr-defined]
    run("pg_ctl", "stop", "-D", data, "-m", "fast", "-w", "-t", "30")
    options = " ".join(
        [
            "-c listen_addresses=127.0.0.1",
            f"-c port={srv.port}",  # type: ignore[attr-defined]
            f"-c unix_socket_directories={srv.socket_dir}",  # type: ignore[attr-defined]
            "-c fsync=on",
            "-c synchronous_commit=on",
            "-c max_connections=200",
        ]
    )
    log = str(srv.log_file)  # type: ignore[attr-defined]
    run("pg_ctl", "start", "-D", data, "-l", log, "-w", "-t", "30", "-o", options)
    srv._admin = psycopg.connect(srv.conninfo("postgres"), autocommit=True)  # type: ignore[attr-defined]


def build(url: str, desks: int) -> list[int]:
    """`desks` sites, each with PER_DESK volunteers on today's morning; their ids."""
    from sqlalchemy import insert

    from frontdesk.services.opening import open_desk
    from frontdesk.services.setup import init_site
    from frontdesk.store.models import Assignment, Site, Training, Volunteer

    db = open_desk(url, need_site=False).db
    first = init_site(db, "第1服務台")
    now = datetime.now(UTC)
    with db.write() as s:
        sites = [first]
        for n in range(2, desks + 1):
            row = Site(name=f"第{n}服務台", created_at=now)
            s.add(row)
            s.flush()
            sites.append(row.id)
        people = [
            {
                "site_id": site,
                "code": f"V{i:03d}",
                "name": f"志工{i:03d}",
                "status": "active",
                "created_at": now,
                "joined_on": date(2020, 1, 1),
            }
            for site in sites
            for i in range(1, PER_DESK + 1)
        ]
        ids = s.scalars(
            insert(Volunteer).returning(Volunteer.id, sort_by_parameter_order=True), people
        ).all()
        s.execute(
            insert(Training),
            [
                {"volunteer_id": v, "kind": "basic", "taken_on": date(2020, 1, 1), "hours": 12.0}
                for v in ids
            ],
        )
        s.execute(
            insert(Assignment),
            [
                {
                    "site_id": p["site_id"],
                    "day": TODAY,
                    "slot": "AM",
                    "volunteer_id": v,
                    "source": "pattern",
                    "created_at": now,
                    "removed_reason": "",
                }
                for p, v in zip(people, ids, strict=True)
            ],
        )
    db.dispose()
    return sites


class DeskClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 2, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


if TYPE_CHECKING:
    from tests.support.netdelay import Counter


def run_desks(
    url: str,
    sites: list[int],
    seconds: float,
    paced: bool,
    used: dict[int, int],
    counter: Counter,
) -> tuple[list[float], int, float, int]:
    """Every desk scans for `seconds` (once a second when `paced`, else back to back):
    each scan's latency in ms, scans done, the wall time they took and the round trips
    `counter` saw meanwhile. `used`: how many of each site's volunteers scanned before
    (each one signs in, then out)."""
    from frontdesk.core.timeutil import at
    from frontdesk.services import attendance
    from frontdesk.services.context import Desk
    from frontdesk.store.db import Database

    latencies: list[float] = []
    done = [0]
    lock = threading.Lock()
    start = threading.Barrier(len(sites) + 1)
    rng = random.Random(19)

    def desk_loop(site: int, phase: float) -> None:
        clock = DeskClock()
        db = Database(url)
        desk = Desk(db=db, site_id=site, actor="kiosk", clock=clock)
        try:
            # a sign-in and a sign-out open the desk's connection and prepare its
            # statements, off the figures
            used[site] += 1
            for moment in (dtime(8, 19), dtime(11, 34)):
                clock.now = at(TODAY, moment)
                attendance.scan(desk, f"V{used[site]:03d}")
            start.wait()
            start.wait()  # the counters were reset
            t0 = time.perf_counter() + phase
            k = 0
            while True:
                if paced:
                    wait = t0 + k - time.perf_counter()
                    if wait > 0:
                        time.sleep(wait)
                who, out = used[site] + k // 2 + 1, k % 2 == 1
                if time.perf_counter() - t0 >= seconds or who > PER_DESK:
                    break
                clock.now = at(TODAY, dtime(11, 35) if out else dtime(8, 20)) + timedelta(
                    seconds=who
                )
                s0 = time.perf_counter()
                result = attendance.scan(desk, f"V{who:03d}")
                ms = (time.perf_counter() - s0) * 1000
                assert result.outcome.value in ("signed_in", "signed_out"), result.outcome
                with lock:
                    latencies.append(ms)
                    done[0] += 1
                k += 1
        finally:
            used[site] += (k + 1) // 2
            db.dispose()

    threads = [
        threading.Thread(target=desk_loop, args=(site, rng.random() if paced else 0.0))
        for site in sites
    ]
    for t in threads:
        t.start()
    start.wait()
    counter.reset()
    start.wait()
    w0 = time.perf_counter()
    for t in threads:
        t.join()
    return latencies, done[0], time.perf_counter() - w0, counter.reset()


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--delays", default="0,2,10", help="round-trip delays, ms")
    parser.add_argument("--desks", default="1,8,32")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    delays = [float(d) for d in args.delays.split(",")]
    counts = [int(d) for d in args.desks.split(",")]
    print(f"code: {CODE}")
    server = start_server()
    figures: list[dict[str, float]] = []
    try:
        durable(server)
        for desks in counts:
            name = server.create_database(prefix="fd_desks")
            url = server.url(name)
            sites = build(url, desks)
            used = dict.fromkeys(sites, 0)
            for delay in delays:
                proxy = DelayProxy(server.port, delay / 1000)
                try:
                    far = proxy.url(url)
                    lat, n, wall, trips = run_desks(
                        far, sites, args.seconds, True, used, proxy.counter
                    )
                    _, flat, flat_wall, _ = run_desks(
                        far, sites, args.seconds / 2, False, used, proxy.counter
                    )
                finally:
                    proxy.close()
                row = {
                    "delay_ms": delay,
                    "desks": desks,
                    "scans": n,
                    "p50": statistics.median(lat),
                    "p95": pct(lat, 95),
                    "max": max(lat),
                    "per_s": n / wall,
                    "flat_out_per_s": flat / flat_wall,
                    "round_trips_per_scan": trips / max(n, 1),
                }
                figures.append(row)
                print(
                    f"rtt {delay:>4.0f} ms, {desks:>2} desks: {n:>4} scans, p50 {row['p50']:7.1f} ms, "
                    f"p95 {row['p95']:7.1f} ms, max {row['max']:7.1f} ms; {row['per_s']:5.1f} "
                    f"scans/s at 1/s a desk, {row['flat_out_per_s']:5.1f} scans/s back to back; "
                    f"{row['round_trips_per_scan']:.1f} round trips a scan",
                    flush=True,
                )
            server.drop_database(name)
    finally:
        stop_server(server)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
