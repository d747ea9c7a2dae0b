"""Pulling the plug, many times: a kiosk process killed at random moments (during start-up
and migration, between scans, inside a swap approval, inside the evening sweep) leaves a
whole SQLite file, every acknowledged action in it, nothing half-written, and a desk the
kiosk's own start-up path opens again.

Replaces tests/services/test_crash.py (scans only, one kill timing).
"""

from __future__ import annotations

import os
import random
import secrets
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select

from frontdesk.core.swaps import SwapState
from frontdesk.services.opening import open_desk
from frontdesk.store import audit
from frontdesk.store.models import Assignment, Attendance, SwapRequest
from tests.support.desks import add_volunteer, new_desk

# A count of rounds, not a time budget: on a loaded machine a budget cut the drill short and
# it failed for being slow, not for losing anything. FRONTDESK_DRILL_CRASH_ROUNDS runs more.
ROUNDS = int(os.environ.get("FRONTDESK_DRILL_CRASH_ROUNDS") or 12)
VOLUNTEERS = 6
REPO = Path(__file__).resolve().parents[2]
# How each round ends: after a random delay from the start (maybe before READY: inside the
# imports, the migration check or the first transaction), some time after READY, right after
# the k-th acknowledgement, or just inside a swap approval or a sweep.
MODES = ("startup", "timed", "after_ack", "in_approve", "in_sweep")


@dataclass
class Acks:
    scans: dict[int, set[str]] = field(default_factory=dict)
    swaps: dict[int, tuple[date, str, int, int]] = field(default_factory=dict)
    sweeps: set[date] = field(default_factory=set)
    begun: dict[str, int] = field(default_factory=dict)

    def take(self, line: str) -> None:
        parts = line.split()
        if not parts:
            return
        kind = parts[0]
        if kind == "SCAN" and len(parts) == 4:
            self.scans.setdefault(int(parts[1]), set()).add(parts[2])
        elif kind == "SWAP" and len(parts) == 6:
            self.swaps[int(parts[1])] = (
                date.fromisoformat(parts[2]),
                parts[3],
                int(parts[4]),
                int(parts[5]),
            )
        elif kind == "SWEEP" and len(parts) == 2:
            self.sweeps.add(date.fromisoformat(parts[1]))
        elif kind == "BEGIN" and len(parts) == 3:
            self.begun[parts[1]] = self.begun.get(parts[1], 0) + 1


def _round(
    url: str, first_day: str, mode: str, rng: random.Random, env: dict[str, str], acks: Acks
) -> str:
    """One kiosk life; returns the line the kill followed ('' for a timed kill)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.drills.workers", "crash", url, first_day, str(VOLUNTEERS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    trigger = ""
    try:
        assert proc.stdout is not None
        if mode == "startup":
            time.sleep(rng.uniform(0.0, 0.6))
        else:
            line = proc.stdout.readline()
            assert line.strip() == "READY", (line, proc.stderr.read() if proc.stderr else "")
            if mode == "timed":
                time.sleep(rng.uniform(0.0, 0.5))
            else:
                wanted = {"after_ack": "SCAN", "in_approve": "BEGIN approve"}.get(
                    mode, "BEGIN sweep"
                )
                skip = rng.randint(0, 40) if mode == "after_ack" else rng.randint(0, 1)
                stop_at = time.monotonic() + 3.0
                while time.monotonic() < stop_at:
                    line = proc.stdout.readline()
                    if not line:
                        break
                    acks.take(line)
                    if line.startswith(wanted):
                        if skip == 0:
                            trigger = line.strip()
                            break
                        skip -= 1
                if trigger.startswith("BEGIN"):
                    # the transaction takes a few milliseconds: land somewhere inside it
                    time.sleep(rng.uniform(0.0, 0.008))
    finally:
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=10)
    assert proc.returncode == -signal.SIGKILL, (mode, proc.returncode, err[-2000:])
    assert "Traceback" not in err, err[-2000:]
    for line in out.splitlines():
        acks.take(line)
    return trigger


KIOSK_START = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from frontdesk import app as frontdesk_app
    from frontdesk.ui.kiosk.window import KioskWindow
    desk = frontdesk_app.open_desk(sys.argv[1])
    assert desk is not None
    window = KioskWindow(desk)
    window.show()
    window.sweep()
    app.processEvents()
    print("KIOSK OK", desk.site_id, flush=True)
    import os
    os._exit(0)
    """
)


def test_kill_the_kiosk_at_random_moments(tmp_path: Path) -> None:
    seed = int(os.environ.get("FRONTDESK_DRILL_SEED") or secrets.randbits(32))
    rng = random.Random(seed)
    path = tmp_path / "kiosk.sqlite3"
    url = f"sqlite+pysqlite:///{path}"
    db = open_desk(url, need_site=False).db
    desk = new_desk(db, actor="supervisor:setup")
    site_id = desk.site_id
    for n in range(VOLUNTEERS):
        add_volunteer(desk, f"V{n:02d}", f"志工{n}", phone=None)
    db.dispose()
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    acks = Acks()
    triggers: list[str] = []
    modes = [MODES[i % len(MODES)] for i in range(ROUNDS)]
    rng.shuffle(modes)
    rounds = 0
    for mode in modes:
        # each round works through its own stretch of days, later than the last one's
        first_day = date(2027 + rounds // 4, 1 + 3 * (rounds % 4), 4).isoformat()
        triggers.append(f"{mode}:{_round(url, first_day, mode, rng, env, acks) or '-'}")
        rounds += 1

    where = f"seed {seed} (FRONTDESK_DRILL_SEED={seed} repeats it); rounds {triggers}"
    print(
        f"crash drill: {rounds} rounds, {len(acks.scans)} scans, {len(acks.swaps)} swaps, "
        f"{len(acks.sweeps)} sweeps acknowledged; {where}"
    )
    assert sum("signed_in" in v for v in acks.scans.values()) >= 20, where
    assert acks.swaps and acks.sweeps, f"no swap or no sweep acknowledged; {where}"
    assert acks.begun.get("approve", 0) > len(acks.swaps) or acks.begun.get("sweep", 0) > len(
        acks.sweeps
    ), f"no kill landed inside an approval or a sweep; {where}"

    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", where
        assert con.execute("PRAGMA foreign_key_check").fetchall() == [], where
    finally:
        con.close()

    db = open_desk(url).db  # passes its quick check, opens and migrates cleanly again
    try:
        with db.read() as session:
            report = audit.verify(session)
            rows = {a.id: a for a in session.scalars(select(Attendance))}
            requests = {r.id: r for r in session.scalars(select(SwapRequest))}
            live = {
                tuple(row)
                for row in (
                    session.execute(
                        select(Assignment.day, Assignment.slot, Assignment.volunteer_id).where(
                            Assignment.removed_at.is_(None)
                        )
                    ).all()
                )
            }
        assert report.ok, (report, where)
        acknowledged = sum(len(v) for v in acks.scans.values()) + len(acks.swaps) + len(acks.sweeps)
        assert report.entries >= acknowledged, (report.entries, acknowledged, where)

        for aid, actions in acks.scans.items():
            assert aid in rows, f"acknowledged attendance {aid} lost; {where}"
            a = rows[aid]
            assert a.in_at is not None, (aid, where)
            if "signed_out" in actions:
                assert a.out_at is not None and not a.is_open, (aid, where)
        open_by_volunteer: dict[int, int] = {}
        for a in rows.values():
            assert a.status and a.in_at is not None, (a.id, where)
            if a.is_open:
                assert a.out_at is None and a.status == "open", (a.id, where)
                assert a.day not in acks.sweeps, f"open row {a.id} on a swept day; {where}"
                open_by_volunteer[a.volunteer_id] = open_by_volunteer.get(a.volunteer_id, 0) + 1
            elif a.out_at is not None:
                assert a.out_at > a.in_at and a.credited_minutes >= 0, (a.id, where)
            else:  # closed without a sign-out: only by an auto-close, never half-written
                assert a.status == "no_sign_out" and a.auto_closed_at is not None, (a.id, where)
        assert all(n == 1 for n in open_by_volunteer.values()), (open_by_volunteer, where)

        for rid in acks.swaps:
            assert rid in requests, f"acknowledged swap {rid} lost; {where}"
            assert requests[rid].state == SwapState.APPROVED.value, (rid, where)
        for r in requests.values():  # approved or not, the roster says the same as the request
            requester = (r.given_day, r.given_slot, r.requester_id)
            colleague = (r.given_day, r.given_slot, r.colleague_id)
            if r.state == SwapState.APPROVED.value:
                assert colleague in live and requester not in live, (r.id, where)
            else:
                assert r.state == SwapState.PENDING_SUPERVISOR.value, (r.id, r.state, where)
                assert requester in live and colleague not in live, (r.id, where)
    finally:
        db.dispose()

    # the kiosk's own start-up path (open, migrate, window, sweep) on the survivor
    started = subprocess.run(
        [sys.executable, "-c", KIOSK_START, url],
        capture_output=True,
        text=True,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert started.returncode == 0 and f"KIOSK OK {site_id}" in started.stdout, (
        started.stdout,
        started.stderr[-2000:],
        where,
    )
