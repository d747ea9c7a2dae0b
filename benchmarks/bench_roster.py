"""Timings of the supervisor workspace's heavy screens (prints figures; not a test).

    QT_QPA_PLATFORM=offscreen python3 benchmarks/bench_roster.py

1. A roster month for a desk with 60 volunteers: month_view (load + coverage re-check) and
   filling the RosterMonthModel; target under 100 ms (median).
2. The volunteer table with 10,000 rows: loading the rows, filling the model, and the
   proxy's sort and search.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView
from sqlalchemy import insert

from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at, utcnow
from frontdesk.services import roster, volunteers, workspace
from frontdesk.services.context import Desk
from frontdesk.services.opening import open_desk
from frontdesk.services.setup import init_site
from frontdesk.store.models import Training, Volunteer
from frontdesk.ui.models.roster import RosterMonthModel
from frontdesk.ui.models.volunteers import VolunteerFilterProxy, VolunteerTableModel


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def show(label: str, ms: list[float]) -> None:
    print(
        f"{label:<48} median {statistics.median(ms):7.1f} ms   "
        f"min {min(ms):7.1f}   max {max(ms):7.1f}   (n={len(ms)})"
    )


def desk_with(folder: Path, name: str) -> Desk:
    db = open_desk(f"sqlite+pysqlite:///{folder / name}", need_site=False).db
    clock = lambda: at(date(2026, 11, 20), __import__("datetime").time(9))  # noqa: E731
    return Desk(db=db, site_id=init_site(db, "效能測試衛生所"), actor="bench", clock=clock)


def bench_roster(folder: Path) -> None:
    desk = desk_with(folder, "roster.sqlite3")
    ids = [
        volunteers.add(
            desk,
            volunteers.VolunteerInput(
                code=f"V{i:03d}",
                name=f"志工{i:03d}",
                trainings=[("basic", "基礎訓練", date(2026, 1, 5), 12.0)],
            ),
        )
        for i in range(60)
    ]
    # Weekly patterns: every volunteer twice a week, spread so slots hold 1-2 people.
    for n, vid in enumerate(ids):
        volunteers.add_pattern(desk, vid, n % 5, "AM" if n % 2 else "PM", date(2026, 1, 1))
        volunteers.add_pattern(desk, vid, (n + 2) % 5, "PM" if n % 2 else "AM", date(2026, 1, 1))
    report = roster.generate_month(desk, 2026, 12)
    print(
        f"roster: 60 volunteers, {len(report.added)} duties generated for 2026-12 "
        f"({len(report.skipped)} refused as full)"
    )
    model = RosterMonthModel()
    view = QTableView()
    view.setModel(model)

    def open_month() -> None:
        model.set_month(roster.month_view(desk, 2026, 12))

    def open_and_size() -> None:
        open_month()
        view.resizeRowsToContents()

    def recheck() -> None:
        roster.check(desk, ShiftKey(date(2026, 12, 15), "AM"), ids[0])

    timed(open_month, 3)  # warm caches (holidays tables, SQLAlchemy compiled statements)
    show("roster month: month_view + model fill", timed(open_month, 30))
    show("roster month: ... + row heights (view)", timed(open_and_size, 15))
    show("roster: one live check (roster.check)", timed(recheck, 30))
    show("roster: coverage list, next 4 weeks", timed(lambda: workspace.coverage_gaps(desk), 15))


def bench_volunteers(folder: Path) -> None:
    desk = desk_with(folder, "volunteers.sqlite3")
    now = utcnow()
    with desk.db.write() as session:
        session.execute(
            insert(Volunteer),
            [
                {
                    "site_id": desk.site_id,
                    "code": f"V{i:05d}",
                    "name": f"志工{(i * 7919) % 10000:04d}",
                    "phone": f"09{i:08d}",
                    "languages": "國語 台語" if i % 3 else "國語 English",
                    "status": "inactive" if i % 17 == 0 else "active",
                    "notes": "",
                    "created_at": now,
                }
                for i in range(10_000)
            ],
        )
    with desk.db.write() as session:
        session.execute(
            insert(Training),
            [
                {
                    "volunteer_id": i + 1,
                    "kind": "basic",
                    "title": "基礎",
                    "taken_on": date(2026, 1, 1),
                    "hours": 12.0,
                }
                for i in range(0, 10_000, 2)
            ],
        )
    model = VolunteerTableModel()
    proxy = VolunteerFilterProxy()
    proxy.setSourceModel(model)
    rows = workspace.volunteer_rows(desk)
    show(
        "volunteers 10,000: load rows (workspace)", timed(lambda: workspace.volunteer_rows(desk), 5)
    )
    show("volunteers 10,000: model fill", timed(lambda: model.set_rows(rows), 5))
    show(
        "volunteers 10,000: proxy sort by name",
        timed(lambda: proxy.sort(VolunteerTableModel.NAME, Qt.SortOrder.AscendingOrder), 5),
    )
    show(
        "volunteers 10,000: proxy sort by duties (int)",
        timed(lambda: proxy.sort(VolunteerTableModel.SHIFTS, Qt.SortOrder.DescendingOrder), 5),
    )

    def search() -> None:
        proxy.set_search("志工12")
        proxy.set_search("")

    show("volunteers 10,000: search + clear (sorted)", timed(search, 5))
    proxy.set_search("志工12")
    print(f"  ('志工12' matches {proxy.rowCount()} rows)")


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_roster(folder)
        bench_volunteers(folder)
    del app


if __name__ == "__main__":
    main()
