"""Recognition benchmark (prints figures; not a test).

The recognition page for 600 volunteers with 10 years of duties (about one a week each,
~300,000 attendance rows), a third of them holding honor cards (so the card windows are
counted in SQL), some prior hours, trainings and record books. Measured in the same run:

- raw: the plain SQL that sums each volunteer's credited minutes (the floor);
- data: services.recognition_views.standings, everything the page shows (target <= 2x raw);
- page: the same plus the table model's texts (what opening the page costs);
- kiosk: one volunteer's month, total and news, which a sign-out adds to its transaction.

Both read through SQLite's (site, day) index, which without ANALYZE statistics is slower
than a straight scan here; the scan's figure is printed for scale.

    python3 benchmarks/bench_recognition.py [--volunteers 600] [--years 10] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("FRONTDESK_HOME", tempfile.mkdtemp(prefix="fd-bench-home-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import text

from frontdesk.core.recognition import card_expiry
from frontdesk.services.context import Desk
from frontdesk.services.opening import open_desk
from frontdesk.services.recognition_views import kiosk_standing, standings
from frontdesk.services.setup import init_site

AS_OF = date(2026, 11, 2)
RAW = (
    "SELECT volunteer_id, SUM(credited_minutes) FROM attendance "
    "WHERE site_id = :site AND day <= :day GROUP BY volunteer_id"
)


def build(folder: Path, people: int, years: int) -> Desk:
    """The desk's rows written in bulk with plain SQL (the use cases would take minutes)."""
    db = open_desk(f"sqlite+pysqlite:///{folder / 'desk.sqlite3'}", need_site=False).db
    site = init_site(db, "高雄市○○區衛生所")
    now = datetime(2026, 11, 2, 1, tzinfo=UTC)
    desk = Desk(db=db, site_id=site, actor="supervisor:bench", clock=lambda: now)
    rng = random.Random(7)
    start = AS_OF - timedelta(days=365 * years)
    stamp = now.isoformat(sep=" ")
    with db.write() as s:
        s.execute(
            text(
                "INSERT INTO volunteer (id, site_id, code, name, languages, status, notes,"
                " joined_on, created_at) VALUES (:id, :site, :code, :name, '', 'active', '',"
                " :joined, :at)"
            ),
            [
                {
                    "id": i,
                    "site": site,
                    "code": f"V{i:04d}",
                    "name": f"志工{i}",
                    "joined": start.isoformat(),
                    "at": stamp,
                }
                for i in range(1, people + 1)
            ],
        )
        rows = []
        for vid in range(1, people + 1):
            day = start + timedelta(days=rng.randrange(7))
            while day <= AS_OF:
                rows.append(
                    {
                        "site": site,
                        "vid": vid,
                        "day": day.isoformat(),
                        "slot": rng.choice(("AM", "PM")),
                        "min": rng.choice((150, 175, 180)),
                        "at": stamp,
                    }
                )
                day += timedelta(days=rng.choice((5, 7, 7, 9)))
        s.execute(
            text(
                "INSERT INTO attendance (site_id, volunteer_id, day, slot, is_open, status,"
                " late_minutes, early_leave_minutes, credited_minutes, needs_review, recorded_by,"
                " clock_suspect, walk_in, resumed, note, created_at, updated_at) VALUES (:site,"
                " :vid, :day, :slot, 0, 'on_time', 0, 0, :min, 0, 'kiosk', 0, 0, 0, '', :at, :at)"
            ),
            rows,
        )
        grants, extra = [], []
        for vid in range(1, people + 1, 3):
            approved = start + timedelta(days=365 * 4 + rng.randrange(300))
            grants.append(
                {
                    "vid": vid,
                    "kind": "honor_card",
                    "on": approved.isoformat(),
                    "until": card_expiry(approved).isoformat(),
                    "at": stamp,
                }
            )
        for vid in range(1, people + 1, 5):
            extra.append(
                {
                    "site": site,
                    "vid": vid,
                    "first": "2005-01-01",
                    "day": "2015-12-31",
                    "min": 600 * 60,
                    "at": stamp,
                }
            )
        s.execute(
            text(
                "INSERT INTO recognition_grant (volunteer_id, kind, approved_on, expires_on,"
                " number, created_at, created_by) VALUES (:vid, :kind, :on, :until, '', :at, '')"
            ),
            grants,
        )
        s.execute(
            text(
                "INSERT INTO service_hours (site_id, volunteer_id, kind, first_day, day, minutes,"
                " item, reason, created_at, created_by) VALUES (:site, :vid, 'prior', :first,"
                " :day, :min, '', '他機關', :at, '')"
            ),
            extra,
        )
    print(f"  built: {people} volunteers, {len(rows):,} duties, {len(grants)} card holders")
    return desk


def median(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm the page cache and the statement cache
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--volunteers", type=int, default=600)
    p.add_argument("--years", type=int, default=10)
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args()
    from PySide6.QtWidgets import QApplication

    from frontdesk.ui.models.recognition import RecognitionModel

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="fd-bench-rec-") as tmp:
        desk = build(Path(tmp), args.volunteers, args.years)

        def raw() -> object:
            with desk.db.read() as s:
                return s.execute(text(RAW), {"site": desk.site_id, "day": AS_OF}).all()

        def scan() -> object:  # the same sum, SQLite told to read the table straight through
            with desk.db.read() as s:
                sql = RAW.replace("FROM attendance", "FROM attendance NOT INDEXED")
                return s.execute(text(sql), {"site": desk.site_id, "day": AS_OF}).all()

        model = RecognitionModel()
        raw_s = median(raw, args.runs)
        scan_s = median(scan, args.runs)
        data_s = median(lambda: standings(desk, AS_OF), args.runs)
        page_s = median(lambda: model.set_rows(standings(desk, AS_OF)), args.runs)

        def kiosk() -> object:  # what a sign-out adds to the scan's transaction
            with desk.db.read() as s:
                return [kiosk_standing(s, desk.site_id, vid, AS_OF) for vid in range(1, 21)]

        kiosk_s = median(kiosk, args.runs) / 20
        print(f"  raw SQL sum of minutes     {raw_s * 1000:8.1f} ms")
        print(f"  (same sum, full scan       {scan_s * 1000:8.1f} ms: the planner's index costs)")
        print(f"  recognition page data      {data_s * 1000:8.1f} ms   {data_s / raw_s:4.2f}x raw")
        print(f"  page data + table texts    {page_s * 1000:8.1f} ms   {page_s / raw_s:4.2f}x raw")
        print(f"  kiosk line after a sign-out {kiosk_s * 1000:7.1f} ms per volunteer")
        desk.db.dispose()
    del app


if __name__ == "__main__":
    main()
