"""Composing and queueing a month of e-mail reminders (prints figures; not a test).

    python3 benchmarks/bench_notices.py

A desk with 60 volunteers, all opted in, each on the roster twice a week for December:
outbox.queue_reminders for the month (read the roster, the calendar and the consents,
write every reminder's words, insert them skipping those queued already) against writing
the same number of outbox rows directly (one multi-row INSERT of rows made beforehand) in
the same run. Target: ours within 2x the baseline (median).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from datetime import time as dtime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import delete, insert, select

from frontdesk.core.timeutil import at
from frontdesk.services import outbox, roster, volunteers
from frontdesk.services.context import Desk
from frontdesk.services.opening import open_desk
from frontdesk.services.setup import init_site, update_settings
from frontdesk.store.notice_models import OutboxMessage

RUNS = int(os.environ.get("FRONTDESK_BENCH_RUNS") or 9)
MONTH = (date(2026, 12, 1), date(2026, 12, 31))


def desk_of(folder: Path) -> Desk:
    db = open_desk(f"sqlite+pysqlite:///{folder / 'notices.sqlite3'}", need_site=False).db
    now = at(date(2026, 11, 20), dtime(9))
    desk = Desk(db=db, site_id=init_site(db, "效能測試衛生所"), actor="bench", clock=lambda: now)
    # room for everyone's weekly duties: 60 volunteers twice a week over 10 slots
    update_settings(desk, {"slots": "AM=08:30-11:30/1-20;PM=13:30-16:30/1-20"})
    for i in range(60):
        vid = volunteers.add(
            desk,
            volunteers.VolunteerInput(
                code=f"V{i:03d}",
                name=f"志工{i:03d}",
                trainings=[("basic", "基礎訓練", date(2026, 1, 5), 12.0)],
            ),
        )
        volunteers.add_pattern(desk, vid, i % 5, "AM" if i % 2 else "PM", date(2026, 1, 1))
        volunteers.add_pattern(desk, vid, (i + 2) % 5, "PM" if i % 2 else "AM", date(2026, 1, 1))
        outbox.set_email(desk, vid, f"v{i:03d}@example.tw", opt_in=True)
    roster.generate_month(desk, 2026, 12)
    return desk


def clear(desk: Desk) -> None:
    with desk.db.write() as session:
        session.execute(delete(OutboxMessage))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        desk = desk_of(Path(tmp))
        count = outbox.queue_reminders(desk, *MONTH)
        with desk.db.read() as session:
            cols = [c.key for c in OutboxMessage.__table__.columns if c.key != "id"]
            made = [
                dict(zip(cols, row, strict=True))
                for row in session.execute(select(*[OutboxMessage.__table__.c[c] for c in cols]))
            ]
        ours, base = [], []
        for _ in range(RUNS):
            clear(desk)
            t0 = time.perf_counter()
            assert outbox.queue_reminders(desk, *MONTH) == count
            ours.append((time.perf_counter() - t0) * 1000)
            clear(desk)
            t0 = time.perf_counter()
            with desk.db.write() as session:
                session.execute(insert(OutboxMessage), made)
            base.append((time.perf_counter() - t0) * 1000)
        o, b = statistics.median(ours), statistics.median(base)
        print(f"reminders for December, 60 volunteers: {count} messages, {RUNS} runs each")
        print(f"  compose + queue (outbox.queue_reminders)  median {o:7.1f} ms")
        print(f"  the same rows inserted directly (baseline)  median {b:7.1f} ms")
        print(f"  ratio ours / baseline: {o / b:.2f}x (target at most 2x)")
        desk.db.dispose()


if __name__ == "__main__":
    main()
