"""Start-up on a five-year desk and on a 255 MB desk, each against a bare PySide6 window.

    python3 benchmarks/bench_startup.py [--runs 7] [--keep DIR] [--code DIR] [--no-callgrind]

Two desks: benchmarks.bench_kiosk's (60 volunteers, five years) and a large one of
benchmarks.bench_history's shape (600 volunteers, twenty years) whose audit log is filled
up to LARGE_MB, the size of the largest desk measured (issue 19). Each run starts, in turn
(interleaved, so all see the same machine state), a bare QMainWindow and the desk app
(benchmarks.bench_kiosk.READY_APP) on each desk, with bytecode compiled as an installed
desk has it. Figures, wall-clock medians in ms and ratios to the bare window's median:
the starting screen painted, today's roster on screen (the first paint of a board showing
a name), and ready (the first sweep done: a scan is then handled). With valgrind, the
instructions of the whole process to the roster (callgrind), beside the bare window's.
`--code DIR` runs another checkout's frontdesk (the code before a change) on the same
databases. Target (issue 19): the roster within 4x a bare window on the five-year desk and
within 5x on the 255 MB one. Prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[1]))

from benchmarks import bench_history, bench_kiosk  # noqa: E402

LARGE_MB = 255  # megabytes: the largest desk file measured (issue 19)
AUDIT_BODY = 900  # characters of an audit entry's before/after: a volunteer record's size

# The desk app to the first paint of a name on today's board, and to its first sweep.
# It prints three figures (seconds since just before the spawn): the starting screen's
# first paint, the roster's, and the first sweep's end. The roster is the first paint of
# a HomePage whose board has a name on it, whichever window holds it.
READY_ROSTER = """
import os, sys, time
t0 = float(sys.argv[1])
sys.path.insert(0, sys.argv[3])
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
app = QApplication([sys.argv[0]])  # the app's own (frontdesk.app takes the instance)
from frontdesk import app as desk_app
seen = {}
def done():
    print(seen.get("starting", float("nan")), seen.get("roster", float("nan")),
          seen.get("ready", float("nan")), flush=True)
    os._exit(0)
def stamp(name):
    seen.setdefault(name, time.time() - t0)
    if os.environ.get("FD_EXIT_AT") == name or ("roster" in seen and "ready" in seen):
        done()
class Watch(QObject):  # by class name: importing the screens here would load them early
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            kind = type(obj).__name__
            if kind == "StartingWindow":
                stamp("starting")
            elif kind == "HomePage" and obj.isVisible():
                if obj.board is not None:  # today's board: its names (or why closed)
                    stamp("roster")
        return False
watch = Watch()
app.installEventFilter(watch)
connect = desk_app.connect_supervisor
def connect_and_watch(window, desk):
    connect(window, desk)
    cls = type(window)
    sweep = cls.sweep
    def first_sweep(self):
        sweep(self)
        cls.sweep = sweep
        stamp("ready")
    cls.sweep = first_sweep
desk_app.connect_supervisor = connect_and_watch
desk_app.run(sys.argv[2], [])
"""


def build_large(path: Path, megabytes: int = LARGE_MB) -> None:
    """bench_history's twenty-year desk of 600 volunteers, its audit log filled with entries
    of a volunteer record's size until the file holds `megabytes` MB. The filler is written
    by SQLite itself (a recursive query), so the 255 MB desk builds in well under a minute."""
    bench_history.build(path, 600, 20)
    body = "x" * AUDIT_BODY
    conn = sqlite3.connect(path)
    try:
        while path.stat().st_size < megabytes * 1_000_000:
            missing = megabytes * 1_000_000 - path.stat().st_size
            rows = max(1000, missing // (2 * AUDIT_BODY + 300))
            start = conn.execute("SELECT coalesce(max(id), 0) FROM audit_entry").fetchone()[0]
            conn.execute(
                "WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                "INSERT INTO audit_entry (id, at, actor, action, entity, entity_id, before, "
                "after, prev_hash, hash) SELECT i, '2020-01-01 00:00:00.000000', "
                "'supervisor:s', 'volunteer.update', 'volunteer', CAST(i % 600 AS TEXT), "
                "json_object('note', ?), json_object('note', ?), printf('%064x', i - 1), "
                "printf('%064x', i) FROM n",
                (start + 1, start + rows, body, body),
            )
            conn.commit()
    finally:
        conn.close()
    print(f"  {path.stem}: {path.stat().st_size / 1e6:.0f} MB")


def roster_today(path: Path) -> None:
    """Today's roster on the desk, whatever the day of the run: the measured week's first
    day's people, copied to the local date today (the app reads the machine's clock)."""
    from frontdesk.core.timeutil import local_day

    today = local_day(datetime.now(UTC)).isoformat()
    if today == bench_kiosk.TODAY.isoformat():
        return  # the measured day itself: its roster is there
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("DELETE FROM assignment WHERE day = ?", (today,))
            conn.execute(
                "INSERT INTO assignment (site_id, day, slot, volunteer_id, source, created_at, "
                "removed_reason) SELECT site_id, ?, slot, volunteer_id, source, created_at, "
                "removed_reason FROM assignment WHERE day = ?",
                (today, bench_kiosk.TODAY.isoformat()),
            )
    finally:
        conn.close()


def app_times(url: str, code: str = str(HERE.parents[1])) -> tuple[float, float, float]:
    """One start of the desk app of checkout `code` on `url` (READY_ROSTER), with bytecode
    as installed: seconds to the starting screen, to today's roster, to the first sweep."""
    env = bench_kiosk.installed_env()
    if code != str(HERE.parents[1]):  # the other checkout's bytecode, as installed too
        import compileall

        compileall.compile_dir(str(Path(code) / "frontdesk"), quiet=1)
    out = subprocess.run(
        [sys.executable, "-c", READY_ROSTER, repr(time.time()), url, code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    starting, roster, ready = (float(x) for x in out.stdout.strip().splitlines()[-1].split())
    return starting, roster, ready


def fresh_copy(db: Path, name: str) -> Path:
    """A copy of the desk `db` beside it: the previous copy's WAL and shared-memory files
    removed first (a start ended by os._exit leaves them, and SQLite would apply the old
    WAL to the new copy: a damaged file)."""
    run = db.with_name(name)
    for side in ("-wal", "-shm", "-journal"):
        run.with_name(run.name + side).unlink(missing_ok=True)
    shutil.copyfile(db, run)
    return run


def wall_clock(desks: dict[str, Path], codes: list[str], runs: int) -> dict[str, list[float]]:
    """Seconds per run: "bare", and "<code> <desk> starting|roster|ready" for each code
    and desk, every one started once in each run, in turn."""
    figures: dict[str, list[float]] = {}
    for _ in range(runs):
        figures.setdefault("bare", []).append(bench_kiosk.ready_times(bench_kiosk.READY_BARE)[0])
        for code in codes:
            for name, db in desks.items():
                run = fresh_copy(db, f"run-{db.name}")  # today's backup each time
                for backup in (db.parent / "backups").glob("*daily*"):
                    backup.unlink()
                times = app_times(f"sqlite+pysqlite:///{run}", code)
                for moment, value in zip(("starting", "roster", "ready"), times, strict=True):
                    figures.setdefault(f"{code} {name} {moment}", []).append(value)
    return figures


def callgrind(desks: dict[str, Path], code: str) -> dict[str, float]:
    """Instructions of the whole process: the bare window, and the app to today's roster."""
    from benchmarks import instructions

    counts = {"bare": float(instructions.whole(bench_kiosk.READY_BARE, "0"))}
    for name, db in desks.items():
        run = fresh_copy(db, f"callgrind-{db.name}")
        os.environ["FD_EXIT_AT"] = "roster"
        try:
            counts[name] = float(
                instructions.whole(READY_ROSTER, "0", f"sqlite+pysqlite:///{run}", code)
            )
        finally:
            os.environ.pop("FD_EXIT_AT", None)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build the desks in this folder and keep them")
    parser.add_argument(
        "--code", action="append", help="a frontdesk checkout to start (repeat to compare)"
    )
    parser.add_argument("--no-callgrind", action="store_true")
    args = parser.parse_args()
    codes = args.code or [str(HERE.parents[1])]
    work = args.keep or Path(tempfile.mkdtemp(prefix="fd-startup-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ["FRONTDESK_HOME"] = str(work / "home")
    desks = {"5-year": work / "five-year.sqlite3", "255 MB": work / "large.sqlite3"}
    if not desks["5-year"].exists():
        bench_kiosk.build(desks["5-year"])
    if not desks["255 MB"].exists():
        build_large(desks["255 MB"])
    for db in desks.values():
        roster_today(db)
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    figures = wall_clock(desks, codes, args.runs)
    bare = statistics.median(figures["bare"])
    print(f"bare QMainWindow: median {bare * 1000:.0f} ms of {args.runs} runs")
    for name, values in figures.items():
        if name != "bare":
            m = statistics.median(values)
            print(f"{name}: median {m * 1000:.0f} ms = {m / bare:.2f}x bare")
    if not args.no_callgrind:
        from benchmarks import instructions

        for code in codes if instructions.available() else []:
            counts = callgrind(desks, code)
            for name in desks:
                print(
                    f"{code} {name} to the roster: {instructions.human(counts[name])} "
                    f"instructions; bare {instructions.human(counts['bare'])}; "
                    f"{counts[name] / counts['bare']:.2f}x"
                )
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)
