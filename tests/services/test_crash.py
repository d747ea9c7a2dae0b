"""Pulling the plug: a kiosk process killed mid-scan leaves a whole, consistent SQLite file."""

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
from pathlib import Path

from sqlalchemy import select

from frontdesk.services import setup, volunteers
from frontdesk.services.context import Desk
from frontdesk.store import audit
from frontdesk.store.models import Attendance

ROUNDS = 10
VOLUNTEERS = 8
BUDGET_SECONDS = 20.0
REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import sys
    from datetime import date, time, timedelta

    from frontdesk.core.timeutil import at
    from frontdesk.services import attendance
    from frontdesk.services.context import Desk
    from frontdesk.store.db import Database

    url, site_id, first_day, volunteers = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    desk = Desk(db=Database(url), site_id=site_id)
    day = date.fromisoformat(first_day)
    print("READY", flush=True)
    while True:
        if day.weekday() < 5:
            for start, end in ((time(8, 20), time(11, 31)), (time(13, 20), time(16, 31))):
                for action_at in (start, end):
                    for n in range(volunteers):
                        now = at(day, action_at) + timedelta(seconds=7 * n)
                        r = attendance.scan(desk, f"V{n:02d}", confirm_walk_in=True, now=now)
                        if r.attendance_id is not None:
                            print("ACK", r.attendance_id, r.outcome.value, flush=True)
        day += timedelta(days=1)
    """
)


def test_kill_during_scans_leaves_a_consistent_database(tmp_path: Path) -> None:
    seed = secrets.randbits(32)
    rng = random.Random(seed)
    path = tmp_path / "kiosk.sqlite3"
    url = f"sqlite+pysqlite:///{path}"
    db = setup.open_database(url)
    site_id = setup.init_site(db, "測試衛生所")
    desk = Desk(db=db, site_id=site_id)
    for n in range(VOLUNTEERS):
        volunteers.add(desk, volunteers.VolunteerInput(code=f"V{n:02d}", name=f"志工{n}"))
    db.dispose()
    script = tmp_path / "kiosk_child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    acked: dict[int, set[str]] = {}
    deadline = time.monotonic() + BUDGET_SECONDS
    rounds = 0
    while rounds < ROUNDS and time.monotonic() < deadline:
        # each round scans its own stretch of days (2027 onwards), later than the last
        first_day = f"{2027 + rounds // 2}-{1 + 6 * (rounds % 2):02d}-04"
        proc = subprocess.Popen(
            [sys.executable, str(script), url, str(site_id), first_day, str(VOLUNTEERS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=tmp_path,
        )
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()  # imports done, database opened
            assert line.strip() == "READY", (line, proc.stderr.read() if proc.stderr else "")
            time.sleep(rng.uniform(0.05, 0.8))
        finally:
            proc.send_signal(signal.SIGKILL)
            out, err = proc.communicate(timeout=10)
        assert proc.returncode == -signal.SIGKILL, (proc.returncode, err[-2000:])
        assert "Traceback" not in err, err[-2000:]
        for row in out.splitlines():
            parts = row.split()
            if parts and parts[0] == "ACK":
                acked.setdefault(int(parts[1]), set()).add(parts[2])
        rounds += 1

    print(f"crash test: {rounds} rounds, {len(acked)} records acknowledged, seed {seed}")
    assert rounds >= 3, f"only {rounds} rounds within {BUDGET_SECONDS}s (seed {seed})"
    assert sum("signed_in" in v for v in acked.values()) >= 10, (
        f"too few scans acknowledged to mean anything (seed {seed})"
    )

    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()

    db = setup.open_database(url)  # opens and migrates cleanly again
    try:
        with db.read() as session:
            rows = {a.id: a for a in session.scalars(select(Attendance))}
            report = audit.verify(session)
        assert report.ok, (report, seed)
        # every scan: one entry, plus autocloses; at least as many entries as acknowledgements
        assert report.entries >= 1 + VOLUNTEERS + sum(len(v) for v in acked.values())

        for aid, actions in acked.items():
            assert aid in rows, f"acknowledged attendance {aid} lost (seed {seed})"
            a = rows[aid]
            assert a.in_at is not None, (aid, seed)
            if "signed_out" in actions:
                assert a.out_at is not None and not a.is_open, (aid, seed)
                assert a.status in ("on_time", "late", "early_leave", "late_early_leave", "walk_in")
        open_by_volunteer: dict[int, int] = {}
        for a in rows.values():
            assert a.status, (a.id, seed)
            if a.is_open:
                assert a.in_at is not None and a.out_at is None and a.status == "open"
                open_by_volunteer[a.volunteer_id] = open_by_volunteer.get(a.volunteer_id, 0) + 1
            elif a.out_at is not None:
                assert a.in_at is not None and a.out_at > a.in_at and a.credited_minutes >= 0
            else:  # closed without a sign-out: only by the auto-close, never half-written
                assert a.status == "no_sign_out" and a.auto_closed_at is not None, (a.id, seed)
        assert all(n == 1 for n in open_by_volunteer.values()), (open_by_volunteer, seed)
    finally:
        db.dispose()
