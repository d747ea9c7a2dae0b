"""Flat with history: a scan, the kiosk's refresh, the minute sweep and a roster month on a
desk of 600 volunteers and twenty years against the same on 60 volunteers and one year.

    python3 benchmarks/bench_history.py [--runs 15] [--no-callgrind] [--code DIR]

Both desks have the same day: three people per slot, six regulars who scan in and out (they
served twice a week through all the years), 5% of past duties late and decided. What grows is
the history only: the twenty-year desk holds 20x the attendance, audit and assignment rows.
Each measure is a median of wall-clock milliseconds and the instructions it executes under
`valgrind --tool=callgrind` (stable on a shared machine; skipped when valgrind or a C compiler
is missing). Target (issue 19): the large desk within 1.2x the small one. `--code DIR` runs
another checkout's frontdesk (the code before a change) against databases it builds itself.
Prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

HERE = Path(__file__).resolve()
CODE = os.environ.get("FRONTDESK_CODE") or str(HERE.parents[1])
sys.path.insert(0, CODE)

TODAY = date(2026, 11, 2)  # a Monday
SLOTS = {"AM": (dtime(8, 30), dtime(11, 30)), "PM": (dtime(13, 30), dtime(16, 30))}
REGULARS = 6  # V001..V006 scan at the measured desk; they served Mondays and Thursdays
PER_SLOT = 3
SCALES = {"small": (60, 1), "large": (600, 20)}

CALLGRIND_C = r"""
#include <valgrind/callgrind.h>
void fd_zero(void) { CALLGRIND_ZERO_STATS; }
void fd_toggle(void) { CALLGRIND_TOGGLE_COLLECT; }
void fd_dump(const char *name) { CALLGRIND_DUMP_STATS_AT(name); }
"""


def build(path: Path, volunteers: int, years: int) -> None:
    """A desk's history: PER_SLOT people a slot, the regulars twice a week, audit entries."""
    from sqlalchemy import insert, select

    from frontdesk.core.calendar import DutyCalendar
    from frontdesk.core.timeutil import at
    from frontdesk.services.opening import open_desk
    from frontdesk.services.setup import init_site
    from frontdesk.store.models import (
        Assignment,
        Attendance,
        AttendanceCorrection,
        AuditEntry,
        Training,
        Volunteer,
    )

    db = open_desk(f"sqlite+pysqlite:///{path}", need_site=False).db
    site = init_site(db, "苓雅區衛生所")
    rng = random.Random(19)
    now = datetime.now(UTC)
    people = range(1, volunteers + 1)
    with db.write() as s:
        s.execute(
            insert(Volunteer),
            [
                {
                    "site_id": site,
                    "code": f"V{i:03d}",
                    "name": f"志工{i:03d}",
                    "status": "active",
                    "created_at": now,
                    "joined_on": date(2000, 1, 1),
                }
                for i in people
            ],
        )
        s.execute(
            insert(Training),
            [
                {"volunteer_id": i, "kind": "basic", "taken_on": date(2000, 1, 1), "hours": 12.0}
                for i in people
            ],
        )
    cal = DutyCalendar()
    assignments: list[dict[str, object]] = []
    attendance: list[dict[str, object]] = []
    day = TODAY - timedelta(days=365 * years)
    while day < TODAY:
        if cal.is_duty_day(day):
            for slot, (start, end) in SLOTS.items():
                crew = set(rng.sample(range(REGULARS + 1, volunteers + 1), PER_SLOT))
                if slot == "AM" and day.weekday() in (0, 3):
                    crew |= set(range(1, REGULARS + 1))
                for vid in crew:
                    assignments.append(_assignment(site, day, slot, vid, now))
                    late = rng.random() < 0.05
                    in_at = at(day, start) + timedelta(minutes=12 if late else -10)
                    out_at = at(day, end) + timedelta(minutes=5)
                    attendance.append(_served(site, vid, day, slot, in_at, out_at, late))
        day += timedelta(days=1)
    for offset in range(7):  # the measured week: the regulars and a crew in every slot
        day = TODAY + timedelta(days=offset)
        for slot in SLOTS:
            crew = set(range(1, REGULARS + 1)) if slot == "AM" else set()
            crew |= set(rng.sample(range(REGULARS + 1, volunteers + 1), PER_SLOT))
            assignments += [_assignment(site, day, slot, vid, now) for vid in crew]
    if hasattr(Attendance, "decided"):  # the late ones were decided (their corrections below)
        for row in attendance:
            row["decided"] = row["status"] == "late"
    with db.write() as s:
        s.execute(insert(Assignment), assignments)
        s.execute(insert(Attendance), attendance)
        late_ids = s.scalars(select(Attendance.id).where(Attendance.status == "late")).all()
        s.execute(
            insert(AttendanceCorrection),
            [
                {"attendance_id": i, "at": now, "by": "supervisor:s", "reason": "ok", "after": {}}
                for i in late_ids
            ],
        )
        s.execute(insert(AuditEntry), [_audit(n, now) for n in range(2 * len(attendance))])
    db.dispose()
    print(
        f"  {path.stem}: {volunteers} volunteers, {years} y: {len(attendance):,} attendance, "
        f"{len(assignments):,} assignments, {2 * len(attendance):,} audit entries"
    )


def _assignment(site: int, day: date, slot: str, vid: int, now: datetime) -> dict[str, object]:
    return {
        "site_id": site,
        "day": day,
        "slot": slot,
        "volunteer_id": vid,
        "source": "pattern",
        "created_at": now,
        "removed_reason": "",
    }


def _served(
    site: int, vid: int, day: date, slot: str, in_at: datetime, out_at: datetime, late: bool
) -> dict[str, object]:
    return {
        "site_id": site,
        "volunteer_id": vid,
        "day": day,
        "slot": slot,
        "in_at": in_at,
        "out_at": out_at,
        "is_open": False,
        "status": "late" if late else "on_time",
        "late_minutes": 12 if late else 0,
        "early_leave_minutes": 0,
        "credited_minutes": 180,
        "needs_review": False,
        "recorded_by": "kiosk",
        "clock_suspect": False,
        "note": "",
        "created_at": in_at,
        "updated_at": out_at,
    }


def _audit(n: int, now: datetime) -> dict[str, object]:
    """Filler entries: what a desk's years of scans leave (not a valid chain; not walked)."""
    return {
        "at": now,
        "actor": "volunteer:V001",
        "action": "attendance.sign_in",
        "entity": "attendance",
        "entity_id": str(n),
        "prev_hash": f"{n:064x}",
        "hash": f"{n + 1:064x}",
    }


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 2, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def operations(url: str) -> tuple[dict[str, Callable[[int], object]], Callable[[], None]]:
    """The four measures, each a function of its repetition; and a warm-up."""
    from frontdesk.core.timeutil import at
    from frontdesk.services import attendance, housekeeping, kiosk, roster
    from frontdesk.services.context import settings
    from frontdesk.services.opening import open_desk

    clock = Clock()
    desk = replace(open_desk(url).desk, clock=clock)

    def scan(i: int) -> object:
        # the regulars sign in, then out, on the days of the measured week
        day = TODAY + timedelta(days=(i // (2 * REGULARS)) % 5)
        who, out = i % REGULARS + 1, (i // REGULARS) % 2 == 1
        clock.now = at(day, dtime(11, 35) if out else dtime(8, 20)) + timedelta(seconds=i)
        return attendance.scan(desk, f"V{who:03d}")

    def refresh(i: int) -> object:
        clock.now = at(TODAY, dtime(9, 0)) + timedelta(seconds=i)
        return settings(desk), kiosk.board(desk), kiosk.pending_supervisor_count(desk)

    def sweep(i: int) -> object:
        clock.now = at(TODAY, dtime(12, 0)) + timedelta(minutes=i)
        return housekeeping.sweep(desk, daily_backup=False)

    def month(i: int) -> object:
        return roster.month_view(desk, 2026, 10)

    def warm() -> None:
        refresh(0), sweep(0), month(0)

    return {"scan": scan, "refresh": refresh, "sweep": sweep, "roster month": month}, warm


def wall_clock(url: str, runs: int) -> dict[str, float]:
    ops, warm = operations(url)
    warm()
    medians = {}
    for name, op in ops.items():
        ms = []
        for i in range(2 * runs if name == "scan" else runs):
            t0 = time.perf_counter()
            op(i)
            ms.append((time.perf_counter() - t0) * 1000)
        medians[name] = statistics.median(ms)
    return medians


def instructions_here(url: str, lib: str, reps: int) -> None:
    """Inside valgrind: each repetition of each measure dumped on its own (fd_dump)."""
    import ctypes

    cg = ctypes.CDLL(lib)
    ops, warm = operations(url)
    warm()
    for name, op in ops.items():
        for i in range(2 * REGULARS if name == "scan" else reps):
            cg.fd_zero()
            cg.fd_toggle()
            op(i)
            cg.fd_toggle()
            cg.fd_dump(f"{name}#{i}".encode())


def instructions(db: Path, work: Path, reps: int) -> dict[str, float] | None:
    """Median instructions per measure, from one callgrind run on a copy of `db`."""
    if shutil.which("valgrind") is None or shutil.which("cc") is None:
        return None
    lib = work / "fd_callgrind.so"
    if not lib.exists():
        src = work / "fd_callgrind.c"
        src.write_text(CALLGRIND_C)
        subprocess.run(["cc", "-shared", "-fPIC", "-O1", "-o", str(lib), str(src)], check=True)
    copy = work / f"cg-{db.name}"
    shutil.copyfile(db, copy)
    out = work / f"cg-{db.stem}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    env = dict(os.environ, FRONTDESK_CODE=CODE, PYTHONDONTWRITEBYTECODE="")
    subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--collect-atstart=no",
            f"--callgrind-out-file={out}/cg.%p",
            sys.executable,
            str(HERE),
            "--instructions-of",
            f"sqlite+pysqlite:///{copy}",
            str(lib),
            str(reps),
        ],
        check=True,
        env=env,
        capture_output=True,
    )
    counts: dict[str, list[int]] = {}
    for dump in out.iterdir():
        text = dump.read_text(errors="replace")
        trigger = next((ln for ln in text.splitlines() if ln.startswith("desc: Trigger:")), "")
        total = next((ln for ln in text.splitlines() if ln.startswith("totals:")), "")
        if "Client Request: " not in trigger or not total:
            continue
        name = trigger.split("Client Request: ", 1)[1].split("#", 1)[0]
        counts.setdefault(name, []).append(int(total.split()[1]))
    return {name: statistics.median(v) for name, v in counts.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--reps", type=int, default=3, help="repetitions under callgrind")
    parser.add_argument("--no-callgrind", action="store_true")
    parser.add_argument("--keep", type=Path, help="build the databases in this folder")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--instructions-of", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.instructions_of:
        url, lib, reps = args.instructions_of
        instructions_here(url, lib, int(reps))
        return 0
    work = args.keep or Path(tempfile.mkdtemp(prefix="fd-history-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ["FRONTDESK_HOME"] = str(work)
    print(f"code: {CODE}")
    figures: dict[str, dict[str, dict[str, float]]] = {}
    for scale, (volunteers, years) in SCALES.items():
        db = work / f"{scale}.sqlite3"
        if not db.exists():
            build(db, volunteers, years)
        fresh = work / f"wall-{scale}.sqlite3"
        shutil.copyfile(db, fresh)
        figures[scale] = {"ms": wall_clock(f"sqlite+pysqlite:///{fresh}", args.runs)}
        if not args.no_callgrind:
            counted = instructions(db, work, args.reps)
            if counted is not None:
                figures[scale]["instructions"] = counted
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


def report(figures: dict[str, dict[str, dict[str, float]]]) -> None:
    small, large = figures["small"], figures["large"]
    print(f"{'measure':<14}{'60 vol, 1 y':>14}{'600 vol, 20 y':>16}{'ratio':>8}   (target <= 1.2x)")
    for name in small["ms"]:
        a, b = small["ms"][name], large["ms"][name]
        print(f"{name:<14}{a:>11.2f} ms{b:>13.2f} ms{b / a:>7.2f}x   wall-clock median")
        if "instructions" in small and "instructions" in large:
            a, b = small["instructions"][name], large["instructions"][name]
            print(f"{'':<14}{a / 1e6:>12.2f} M{b / 1e6:>14.2f} M{b / a:>7.2f}x   instructions")


if __name__ == "__main__":
    sys.exit(main())
