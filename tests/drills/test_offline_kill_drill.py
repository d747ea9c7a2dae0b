"""SIGKILL the desk at random moments while it scans offline and while it replays: nothing
acknowledged is lost, nothing is applied twice.

FRONTDESK_DRILL_OFFLINE_KILLS sets the number of kills (50 for the full drill; a sample in
CI); FRONTDESK_DRILL_SEED replays one run.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import func, select

from frontdesk.core.timeutil import at
from frontdesk.services.context import Desk
from frontdesk.services.offline import journal
from frontdesk.services.offline.desk import REPLAY_BATCH, OfflineDesk
from frontdesk.store.db import Database
from frontdesk.store.models import Assignment, Attendance
from frontdesk.store.offline_models import ScanReceipt
from tests.drills import offline_worker as worker
from tests.support.clocks import Clock
from tests.support.desks import new_desk, volunteer_maker
from tests.support.proxy import TcpProxy

pytestmark = pytest.mark.postgres

KILLS = int(os.environ.get("FRONTDESK_DRILL_OFFLINE_KILLS") or 6)
SEED = int(os.environ.get("FRONTDESK_DRILL_SEED") or random.randrange(1 << 30))
REPO = Path(__file__).resolve().parents[2]


@dataclass
class Acked:
    """What the killed processes acknowledged: scan index -> outcome."""

    scans: dict[int, str] = field(default_factory=dict)

    @property
    def next(self) -> int:
        return max(self.scans, default=-1) + 1


@pytest.fixture
def setup(pg_db: Database, tmp_path: Path) -> Iterator[tuple[Database, TcpProxy, str]]:
    """The site on the server, the proxy, and the desk's replica made while online."""
    clock = Clock(at(worker.DAY, worker.time(7)))
    desk = new_desk(pg_db, clock, actor="supervisor:drill")
    make = volunteer_maker(desk)
    ids = [make(f"V{n:03d}", f"志工{n:03d}") for n in range(1, worker.VOLUNTEERS + 1)]
    with pg_db.write() as session:
        for vid in ids:
            session.add(Assignment(site_id=desk.site_id, day=worker.DAY, slot="AM",
                                   volunteer_id=vid, created_at=clock()))  # fmt: skip
    assert pg_db.url.port is not None and pg_db.url.database is not None
    proxy = TcpProxy(pg_db.url.port)
    url = proxy.url(pg_db.url.database)
    through = Database(url)
    first = OfflineDesk(Desk(db=through, site_id=desk.site_id, clock=clock), tmp_path,
                        name="drill", timeout_seconds=1.0)  # fmt: skip
    first.refresh()
    first.stop()
    through.dispose()
    yield pg_db, proxy, url
    proxy.close()


def _life(
    args: list[str],
    kill_after: float | None,
    acked: Acked,
    started: Callable[[], bool] = lambda: True,
) -> bool:
    """One desk process: killed `kill_after` seconds after READY and `started()` (None:
    runs to its end). Returns whether it finished on its own."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.drills.offline_worker", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout is not None
    ready = proc.stdout.readline().strip()
    assert ready == "READY", (ready, proc.stderr.read() if proc.stderr else "")
    if kill_after is not None:
        deadline = time.monotonic() + 30
        while not started() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=120)
    for line in out.splitlines():
        parts = line.split()
        if parts[:1] == ["ACK"]:
            acked.scans[int(parts[1])] = parts[2]
    if kill_after is None:
        assert proc.returncode == 0, err
    return proc.returncode == 0


def test_kills_while_scanning_offline_and_while_replaying(
    setup: tuple[Database, TcpProxy, str], tmp_path: Path
) -> None:
    db, proxy, url = setup
    rng = random.Random(SEED)
    acked = Acked()
    cut_short = 0  # replays killed with part of the journal sent
    lives = 0
    while lives < KILLS or not cut_short:  # at least one replay cut short, whatever the dice
        assert lives < KILLS + 20, f"no replay was cut short (seed {SEED})"
        lives += 1
        if _pending(tmp_path) <= 2 * REPLAY_BATCH:  # a replay worth cutting: 3 batches
            proxy.drop()
            _life(["scan", url, str(tmp_path), str(acked.next)], rng.uniform(0.05, 1.2), acked)
        else:
            proxy.restore()
            before = _received(db)
            # killed once the replay has begun: a random moment inside it
            _life(["replay", url, str(tmp_path)], rng.uniform(0.0, 0.08), acked,
                  started=lambda before=before: _received(db) > before)  # fmt: skip
            cut_short += _pending(tmp_path) > 0
    proxy.drop()
    _life(["scan", url, str(tmp_path), str(acked.next)], rng.uniform(0.3, 1.0), acked)
    proxy.restore()
    _life(["replay", url, str(tmp_path)], None, acked)
    _check(db, tmp_path, acked)


def _received(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(ScanReceipt)) or 0)


def _pending(folder: Path) -> int:
    replica = next(folder.glob("offline-replica-*.sqlite3"))
    local = Database(f"sqlite+pysqlite:///{replica}")
    try:
        return journal.count_pending(local)
    finally:
        local.dispose()


def _check(db: Database, folder: Path, acked: Acked) -> None:
    replica = next(folder.glob("offline-replica-*.sqlite3"))
    local = Database(f"sqlite+pysqlite:///{replica}")
    try:
        with local.read() as session:
            kept = {
                (r["code"], r["scanned_at"]): r["scan_id"]
                for r in session.execute(select(journal.offline_scan)).mappings()
            }
            left = journal.count_pending_in(session)
    finally:
        local.dispose()
    assert left == 0, SEED
    recorded = [i for i, outcome in acked.scans.items() if outcome in ("signed_in", "signed_out")]
    for i in recorded:  # every acknowledged scan was journaled
        code, when = worker.scan_plan(i)
        assert (code, when) in kept, (SEED, i, code, when)
    with db.read() as session:
        receipts = dict(session.execute(select(ScanReceipt.scan_id, ScanReceipt.scanned_at)).all())
        opened = session.scalar(select(func.count()).where(Attendance.in_at.is_not(None)))
    assert set(receipts) == set(kept.values()), SEED  # each sent once, none lost
    signed_in = sum(1 for i in acked.scans if acked.scans[i] == "signed_in")
    assert opened is not None and opened >= signed_in, SEED
