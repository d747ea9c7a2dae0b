"""A long volunteer import does not lock the kiosk out (issue: a 20,000-row sheet held the
writers' lock for 47 s; the kiosk's scans failed after the 15 s busy timeout).

A second process scans (each scan a write transaction) alone, then while this one imports
FRONTDESK_DRILL_IMPORT_ROWS rows (1,000 in CI; 20,000 for the issue's figures). Printed:
the import's time, the longest the import held the writers' lock (and how long the step
making it visible held it), and the scans' p95 alone and during the import.
"""

from __future__ import annotations

import multiprocessing
import os
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from frontdesk.services import import_staging
from frontdesk.services.opening import open_desk
from frontdesk.services.setup import init_site
from frontdesk.services.volunteer_io import import_volunteers
from frontdesk.store.db import BUSY_TIMEOUT_MS, Database
from tests.drills.workers import scan_timer
from tests.support.desks import new_desk
from tests.support.processes import gather
from tests.support.sheets import VOLUNTEER_HEADER, write_sheet

ROWS = int(os.environ.get("FRONTDESK_DRILL_IMPORT_ROWS", "1000"))
LOCK_TARGET_S = 0.1  # the target for one write transaction


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def _timing_writes(db: Database, holds: list[float]) -> None:
    """Record how long each of `db`'s write transactions holds the writers' lock (s): from
    the moment it is taken (BEGIN IMMEDIATE) to the end of the commit."""
    real = db.write

    @contextmanager
    def write() -> Iterator[Any]:
        started = [0.0]
        try:
            with real() as session:
                started[0] = time.perf_counter()
                yield session
        finally:
            if started[0]:
                holds.append(time.perf_counter() - started[0])

    db.write = write  # type: ignore[method-assign]


class _VisibleStep:
    """Watches the step making an import visible, the one write transaction whose work
    grows with the sheet: its INSERT … SELECT statements, and its hold's index in `holds`."""

    def __init__(self, db: Database, holds: list[float], monkeypatch: pytest.MonkeyPatch):
        self.db, self.statements, self.hold = db, list[tuple[str, Any]](), -1
        real = import_staging._make_visible

        def visible(*args: Any) -> None:
            event.listen(db.engine, "before_cursor_execute", self._seen)
            try:
                real(*args)
            finally:
                event.remove(db.engine, "before_cursor_execute", self._seen)
                self.hold = len(holds) - 1

        monkeypatch.setattr(import_staging, "_make_visible", visible)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT"):
            self.statements.append((statement, parameters))

    def plans(self) -> list[list[str]]:
        """SQLite's query plan of the SELECT of each INSERT … SELECT the step ran: a line a
        table read (or a sort). The INSERT's own plan lists besides, for each table that
        refers to volunteer, the search a new row would need if a reference were broken;
        SQLite skips them while none is, so they are left out here."""
        with self.db.engine.connect() as conn:
            return [
                [
                    str(row[-1])
                    for row in conn.exec_driver_sql(
                        f"EXPLAIN QUERY PLAN {sql[sql.upper().index('SELECT') :]}", args
                    )
                ]
                for sql, args in self.statements
            ]


def _which(holds: list[float], visible: int) -> str:
    """Which transaction held the lock longest: opening the batch, staging, making the
    import visible (index `visible`), or chaining its entries."""
    longest = holds.index(max(holds))
    if longest == visible:
        return "making it visible"
    return "opening" if longest == 0 else "staging" if longest < visible else "chaining"


def _scanning(url: str, work: Any) -> tuple[list[float], list[str]]:
    """Scan in another process while `work()` runs here (or for 3 s when it is None)."""
    ctx = multiprocessing.get_context("spawn")
    stop, out = ctx.Event(), ctx.Queue()
    proc = ctx.Process(target=scan_timer, args=(url, stop, out))
    proc.start()
    time.sleep(3 if work is None else 1.5)  # the scanner is up and scanning
    try:
        if work is not None:
            work()
    finally:
        stop.set()
    results: list[Any] = [None]
    gather([proc], out, results, timeout=120, hung="the scanner hung")
    latencies, errors = results[0]
    return latencies, errors


def test_scans_go_on_while_a_long_volunteer_sheet_is_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'frontdesk.sqlite3'}"
    db = open_desk(url, need_site=False).db
    init_site(db, "測試衛生所")
    desk = new_desk(db)
    sheet = write_sheet(
        tmp_path / "volunteers.xlsx",
        VOLUNTEER_HEADER,
        [
            [f"V{i:05d}", f"志工{i}", f"0912-{i % 1000:03d}-{i % 997:03d}", "台語", "在職", 3,
             date(2026, 1, 5), 12, ""]
            for i in range(ROWS)
        ],
    )  # fmt: skip
    alone, alone_errors = _scanning(url, None)
    took: list[float] = []
    holds: list[float] = []
    _timing_writes(db, holds)
    step = _VisibleStep(db, holds, monkeypatch)

    def importing() -> None:
        started = time.perf_counter()
        assert len(import_volunteers(desk, sheet).added) == ROWS
        took.append(time.perf_counter() - started)

    during, errors = _scanning(url, importing)
    plans = step.plans()
    db.dispose()
    print(
        f"\nimport of {ROWS} rows: {took[0]:.2f} s in {len(holds)} write transactions, the "
        f"writers' lock held at most {max(holds) * 1000:.0f} ms ({_which(holds, step.hold)}; "
        "next longest "
        f"{sorted(holds)[-2] * 1000:.0f} ms, median {statistics.median(holds) * 1000:.0f} ms; "
        f"making it visible {holds[step.hold] * 1000:.0f} ms); "
        f"scans alone: {len(alone)}, p95 "
        f"{_p95(alone) * 1000:.0f} ms; during the import: {len(during)}, p95 "
        f"{_p95(during) * 1000:.0f} ms, max {max(during) * 1000:.0f} ms"
    )
    assert alone_errors == [] and errors == []  # no scan failed for a busy database
    assert max(during) < BUSY_TIMEOUT_MS / 1000 / 2  # far from the busy timeout
    # Staged and chained in batches (one transaction held the whole sheet before), so no
    # transaction holds the lock long however long the sheet; the final move grows ~2-4 µs
    # a new row. The figures against the 100 ms target are printed (README): a shared CI
    # machine at a high load makes every transaction several times longer, hence 5x here.
    assert len(holds) >= ROWS // import_staging.BATCH_ROWS + ROWS // import_staging.CHAIN_ROWS
    assert max(holds) < 5 * LOCK_TARGET_S
    # The step making the import visible grows with the sheet: per row it only copies. Each
    # of its INSERT … SELECT reads one staged table in key order, searching nothing per row
    # and sorting nothing (its trainings' volunteers were searched by code: at 20,000 rows
    # a third of the lock's time, a row's cost growing with the volunteers stored).
    assert [len(plan) for plan in plans] == [1, 1], plans  # the volunteers, their trainings
    assert all(plan[0].startswith("SEARCH staged_") for plan in plans), plans


LOGINS_SECONDS = float(os.environ.get("FRONTDESK_DRILL_LOGIN_SECONDS", "3"))


def test_scans_go_on_while_supervisors_log_in_back_to_back(tmp_path: Path) -> None:
    """Logging in verifies the password (argon2, ~0.3 s) before the write transaction that
    counts the attempt, so logins one after the other (right and wrong passwords) never
    hold the writers' lock for long and the kiosk's scans do not queue behind them."""
    from frontdesk.services import supervisors
    from frontdesk.services.errors import NotAllowed

    url = f"sqlite+pysqlite:///{tmp_path / 'frontdesk.sqlite3'}"
    db = open_desk(url, need_site=False).db
    init_site(db, "測試衛生所")
    desk = new_desk(db)
    supervisors.create(desk, "boss", "correct horse battery")
    alone, alone_errors = _scanning(url, None)
    holds: list[float] = []
    logins: list[float] = []
    _timing_writes(db, holds)

    def logging_in() -> None:
        until = time.perf_counter() + LOGINS_SECONDS
        n = 0
        while time.perf_counter() < until:
            started = time.perf_counter()
            password = "correct horse battery" if n % 2 == 0 else "wrong one"
            with suppress(NotAllowed):
                supervisors.authenticate(desk, "boss", password)
            if n % 6 == 5:  # three wrong in a row lock the account: lift it, as IT would
                supervisors.unlock(desk, "boss")
            logins.append(time.perf_counter() - started)
            n += 1

    during, errors = _scanning(url, logging_in)
    db.dispose()
    print(
        f"\n{len(logins)} logins back to back, median {statistics.median(logins) * 1000:.0f} ms, "
        f"the writers' lock held at most {max(holds) * 1000:.0f} ms; scans alone: {len(alone)}, "
        f"p95 {_p95(alone) * 1000:.0f} ms; during the logins: {len(during)}, p95 "
        f"{_p95(during) * 1000:.0f} ms (ratio {_p95(during) / _p95(alone):.2f}), "
        f"max {max(during) * 1000:.0f} ms"
    )
    assert alone_errors == [] and errors == []
    # argon2 under the lock would hold it ≥ 0.3 s a login; 3x the target leaves room for load
    assert len(logins) >= 3 and max(holds) < 3 * LOCK_TARGET_S
