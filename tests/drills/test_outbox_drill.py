"""Pulling the plug on the mail sender: a process sending the outbox to a real SMTP server
(aiosmtpd, in this process) is killed with SIGKILL at random moments, then started again,
until everything is sent. Every message reaches the server, under its own Message-ID and
no other; a second delivery happens only for a message whose sender was killed between the
server's acceptance and the mark (it carries the same Message-ID), so at most one per kill.

50 kills with FRONTDESK_DRILL_OUTBOX_KILLS=50 (the full drill); a small sample by default.
FRONTDESK_DRILL_SEED replays one run.
"""

from __future__ import annotations

import os
import random
import secrets
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from datetime import time as clock_time
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk.core.notices import MessageState
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import outbox, roster
from frontdesk.services.opening import open_desk
from frontdesk.services.setup import update_settings
from frontdesk.store.notice_models import OutboxMessage
from tests.support.desks import add_volunteer, new_desk
from tests.support.smtp import smtp_server

KILLS = int(os.environ.get("FRONTDESK_DRILL_OUTBOX_KILLS") or 8)
REPO = Path(__file__).resolve().parents[2]
BASE = at(date(2026, 12, 4), clock_time(9))  # the sender's clock at its first life
LIFE_STEP = timedelta(minutes=10)  # each life starts past the last one's sending lease
# Mon-Thu of two weeks, due with 14 days' notice from BASE
DAYS = [date(2026, 12, d) for d in (7, 8, 9, 10, 14, 15, 16, 17)]
PER_VOLUNTEER = 4


def _desk(url: str, port: int, messages: int) -> None:
    db = open_desk(url, need_site=False).db
    try:
        desk = new_desk(db, lambda: BASE, actor="supervisor:drill")
        update_settings(
            desk,
            {
                "slots": "AM=08:30-11:30/0-20;PM=13:30-16:30/0-20",
                "weekly_max_shifts": "14",
                "reminder_days_before": "14",
                "smtp_host": "127.0.0.1",
                "smtp_port": str(port),
                "smtp_security": "none",
                "smtp_from": "desk@example.tw",
            },
        )
        for n in range((messages + PER_VOLUNTEER - 1) // PER_VOLUNTEER):
            vid = add_volunteer(desk, f"V{n:03d}", f"志工{n}", phone=None)
            outbox.set_email(desk, vid, f"v{n}@example.tw", opt_in=True)
            first = (n // 2) % 2 * PER_VOLUNTEER  # at most a quarter of them on one slot
            for day in DAYS[first : first + PER_VOLUNTEER]:
                shift = ShiftKey(day, "AM" if n % 2 else "PM")
                roster.assign(desk, shift, vid, confirm_warnings=True)
        assert outbox.queue_reminders(desk, DAYS[0], DAYS[-1]) >= messages
    finally:
        db.dispose()


def _life(url: str, life: int, kill_after: float | None, env: dict[str, str]) -> tuple[int, bool]:
    """One sender process; returns (messages it acknowledged, whether it was killed)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.drills.outbox_worker", url, str(life)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "READY", (line, proc.stderr.read() if proc.stderr else "")
    if kill_after is None:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err[-2000:]
        return out.count("ACK"), False
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=10)
    assert "Traceback" not in err, err[-2000:]
    return out.count("ACK"), proc.returncode == -signal.SIGKILL


# Each life starts a Python process (about a second on a busy machine): room for all of them.
@pytest.mark.timeout(120 + 8 * KILLS)
def _waiting(url: str) -> int:
    """Messages not sent yet."""
    db = open_desk(url).db
    try:
        with db.read() as session:
            states = session.scalars(select(OutboxMessage.state))
            return sum(state != MessageState.SENT.value for state in states)
    finally:
        db.dispose()


def test_kill_the_sender_at_random_moments(tmp_path: Path) -> None:
    seed = int(os.environ.get("FRONTDESK_DRILL_SEED") or secrets.randbits(32))
    rng = random.Random(seed)
    url = f"sqlite+pysqlite:///{tmp_path / 'desk.sqlite3'}"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    messages = 40 + 4 * KILLS
    with smtp_server() as (box, port):
        _desk(url, port, messages)
        kills, life, acked = 0, 0, 0
        while kills < KILLS:
            sent, killed = _life(url, life, rng.uniform(0.0, 0.3), env)
            kills, life, acked = kills + killed, life + 1, acked + sent
        for _ in range(10):  # lives without a kill until the outbox is empty
            sent, _ = _life(url, life, None, env)
            life, acked = life + 1, acked + sent
            if not _waiting(url):
                break
        received = Counter(box.message_ids())

    db = open_desk(url).db
    try:
        with db.read() as session:
            rows = list(session.scalars(select(OutboxMessage)))
    finally:
        db.dispose()
    where = f"seed {seed} (FRONTDESK_DRILL_SEED={seed} repeats it)"
    twice = {mid: n for mid, n in received.items() if n > 1}
    print(
        f"outbox drill: {kills} kills in {life} lives, {len(rows)} messages, "
        f"{sum(received.values())} deliveries, {len(twice)} delivered twice (same Message-ID); "
        f"{where}"
    )
    assert len(rows) >= messages
    assert {r.state for r in rows} == {MessageState.SENT.value}, where
    assert set(received) == {r.message_id for r in rows}, f"lost or foreign messages; {where}"
    assert all(n <= 2 for n in received.values()), where
    assert len(twice) <= kills, where
    attempts = {r.message_id: r.attempts for r in rows}
    assert all(attempts[mid] >= 2 for mid in twice), f"a repeat without a crash; {where}"
