"""Year report benchmark (prints figures; not a test).

The year's service report (`frontdesk report year`, export.year.export_year) for a desk with
60 volunteers and five years of duties (benchmarks.bench_kiosk.build, plus a phone courtesy
test every fortnight of the year), against the monthly workbook (export_month) written for
each of the year's twelve months, measured in the same run. Target: the year report within
2x the twelve monthly exports.

    python benchmarks/bench_year.py [--runs 3] [--year 2025]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from datetime import time as clock_time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("FRONTDESK_HOME", tempfile.mkdtemp(prefix="fd-bench-home-"))

from benchmarks import bench_kiosk
from frontdesk.core.phone_tests import AnswerWay, CallMarks, ContentWay
from frontdesk.core.timeutil import at
from frontdesk.export.monthly import export_month
from frontdesk.export.year import export_year
from frontdesk.services import phone_tests
from frontdesk.services.context import Desk
from frontdesk.services.opening import open_desk

MARKS = CallMarks(
    answer_way=AnswerWay.PERSON,
    ring_seconds=9,
    states_unit=True,
    greets=True,
    tone_band="warm",
    tone=9,
    closes_politely=True,
    content_way=ContentWay.OFFICER,
    content_band="detailed",
    content=25,
)


def add_tests(desk: Desk, year: int) -> int:
    day, n = date(year, 1, 5), 0
    while day.year == year:
        marks = dataclasses.replace(MARKS, ring_seconds=5 + n % 15)
        phone_tests.record_test(
            desk,
            phone_tests.TestForm(at(day, clock_time(10)), marks, volunteer_id=1 + n % 60),
        )
        day += timedelta(days=14)
        n += 1
    return n


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--year", type=int, default=2025)
    args = p.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fd-bench-year-"))
    url, site = bench_kiosk.build(folder / "desk.sqlite3")
    db = open_desk(url).db
    now = at(date(args.year + 1, 1, 12), clock_time(9))
    desk = Desk(db=db, site_id=site, actor="supervisor:bench", clock=lambda: now)
    tests = add_tests(desk, args.year)
    months, years = [], []
    for run in range(args.runs):  # interleaved, so both meet the same machine
        t0 = time.perf_counter()
        for m in range(1, 13):
            export_month(desk, args.year, m, folder / f"m{run}-{m}.xlsx")
        months.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        export_year(desk, args.year, folder / f"y{run}.xlsx")
        years.append(time.perf_counter() - t0)
    twelve, year = statistics.median(months), statistics.median(years)
    print(f"year {args.year}: 60 volunteers, {tests} phone tests; {args.runs} runs, medians")
    print(f"  12 x export_month  {twelve * 1000:7.0f} ms  (one month {twelve / 12 * 1000:.0f} ms)")
    print(f"  export_year        {year * 1000:7.0f} ms")
    print(f"  ratio year / (12 x month) = {year / twelve:.2f}  (target <= 2.00)")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
