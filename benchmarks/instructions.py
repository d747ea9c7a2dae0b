"""Instruction counts beside the suite's wall-clock figures (valgrind --tool=callgrind).

Wall-clock on a shared machine moves by up to 2x between runs; the number of instructions
a piece of work executes hardly moves, so a figure can be compared across runs. Each
measure runs a small script under callgrind once: after its set-up and a warm-up run (so
first-call imports are not counted) it marks the start and the end of `n` runs of the
work, callgrind_control dumps the counts at each mark, and the figure is the work's
count / n. Start-up is one whole process: to the kiosk with today's roster, beside a bare
PySide6 window. Slow (callgrind runs Python ~50x slower): the suite skips it with
--no-instructions, and without valgrind installed.

    python3 -m benchmarks.instructions DESK.sqlite3  # the desk of benchmarks.bench_kiosk
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import bench_kiosk, bench_startup  # noqa: E402

_TOTALS = re.compile(r"^totals:\s*(\d+)", re.MULTILINE)
_TRIGGER = re.compile(r"^desc: Trigger: (.*)$", re.MULTILINE)

# callgrind_control dumps the counts at each mark(tag) and starts again from zero, so a
# dump holds what ran since the previous mark. Each measured script, after its set-up,
# calls mark("idle") then mark("calibrate") (that dump: the cost of one mark), then marks
# "rest" before each piece of work and "work" right after it: the "work" dumps hold the
# work alone (and one mark's cost each).
MARK = """
import os, subprocess
def mark(tag):
    subprocess.run(["callgrind_control", "-d", tag, str(os.getpid())], capture_output=True)
"""

SCAN = (
    MARK
    + """
import sys
sys.path.insert(0, sys.argv[1])
from benchmarks import bench_kiosk
bench_kiosk.bench_scans(sys.argv[2], int(sys.argv[3]), 1 + int(sys.argv[4]), mark=mark)
os._exit(0)  # no teardown: PySide6 objects destroyed late can abort it
"""
)

BARE_COMMIT = (
    MARK
    + """
import os, sqlite3, sys
con = sqlite3.connect(sys.argv[2], isolation_level=None)
con.execute("PRAGMA journal_mode = WAL")
con.execute("PRAGMA synchronous = FULL")
con.execute(
    "CREATE TABLE scan (id INTEGER PRIMARY KEY, volunteer_id INT, day TEXT, slot TEXT, "
    "in_at TEXT, created_at TEXT)"
)
def commit(i):  # as benchmarks.suite.bare_sqlite_commits, the scan's wall-clock baseline
    con.execute("BEGIN IMMEDIATE")
    con.execute(
        "INSERT INTO scan (volunteer_id, day, slot, in_at, created_at) VALUES (?,?,?,?,?)",
        (i % 60, "2026-11-02", "AM", "2026-11-02 00:25:00", "2026-11-02 00:25:00"),
    )
    con.execute("COMMIT")
commit(0)  # warm-up
mark("idle"); mark("calibrate")
mark("rest")
for i in range(int(sys.argv[4])):  # one pair of marks: a commit costs less than a mark
    commit(i + 1)
mark("work")
os._exit(0)
"""
)

EXPORT = (
    MARK
    + """
import os, sys
from dataclasses import replace
from datetime import date, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from frontdesk.core.timeutil import at
from frontdesk.export.monthly import export_month
from frontdesk.services.opening import open_desk
desk = open_desk(sys.argv[2], actor="supervisor:bench").desk
desk = replace(desk, clock=lambda: at(date(2026, 11, 2), time(9)))
out = Path(sys.argv[3])
export_month(desk, 2026, 10, out / "month-0.xlsx")  # warm-up: first-call imports
mark("idle"); mark("calibrate")
for i in range(int(sys.argv[4])):
    mark("rest")
    export_month(desk, 2026, 10, out / f"month-{i + 1}.xlsx")
    mark("work")
os._exit(0)
"""
)

RAW_EXPORT = (
    MARK
    + """
import os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from benchmarks import bench_export
sheets = bench_export.styled_cells(Path(sys.argv[2]))
out = Path(sys.argv[3])
bench_export.raw_styled(sheets, out / "raw-0.xlsx")  # warm-up
mark("idle"); mark("calibrate")
for i in range(int(sys.argv[4])):
    mark("rest")
    bench_export.raw_styled(sheets, out / f"raw-{i + 1}.xlsx")
    mark("work")
os._exit(0)
"""
)


def human(count: float) -> str:
    """An instruction count as people read it: millions, or thousands when small."""
    return f"{count / 1e6:,.1f} M" if count >= 1e5 else f"{count / 1e3:,.1f} k"


def available() -> bool:
    return shutil.which("valgrind") is not None and shutil.which("callgrind_control") is not None


def _callgrind(script: str, *args: str) -> dict[str, list[int]]:
    """Run `script` under callgrind; the instructions of its dumps by their trigger (a
    mark's tag, or "Program termination")."""
    with tempfile.TemporaryDirectory(prefix="fd-callgrind-") as tmp:
        out = Path(tmp) / "out"
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                sys.executable,
                "-c",
                script,
                *args,
            ],
            capture_output=True,
            text=True,
            env=bench_kiosk.installed_env(),
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"the measured script failed:\n{done.stderr[-2000:]}")
        counts: dict[str, list[int]] = {}
        for dump in Path(tmp).glob("out*"):
            text = dump.read_text(errors="replace")
            trigger, total = _TRIGGER.search(text), _TOTALS.search(text)
            if trigger and total:
                tag = trigger.group(1).removeprefix("dump ").strip()
                counts.setdefault(tag, []).append(int(total.group(1)))
    return counts


def whole(script: str, *args: str) -> int:
    """Instructions of the whole process running `script`, start to exit."""
    return sum(sum(dumps) for dumps in _callgrind(script, *args).values())


def per_run(script: str, n: int, *args: str) -> float:
    """Instructions of one run of the work between the script's marks (less a mark's own)."""
    counts = _callgrind(script, *args, str(n))
    work, mark = counts["work"], counts["calibrate"][0]
    return (sum(work) - len(work) * mark) / n


@dataclass(frozen=True)
class Figure:
    measure: str
    ours: float
    baseline_name: str
    baseline: float


def figures(desk: Path, site: int, folder: Path, *, quick: bool = False) -> list[Figure]:
    """Start-up, scan and monthly export in instructions, each beside its baseline."""
    n_scans, n_exports = (10, 1) if quick else (40, 3)
    root = str(ROOT)
    copies = iter(range(1_000_000))

    def copy() -> str:
        path = folder / f"callgrind-{next(copies)}.sqlite3"
        shutil.copy(desk, path)
        return f"sqlite+pysqlite:///{path}"

    def out() -> str:  # an export never writes over a file: a new folder each run
        return tempfile.mkdtemp(prefix="callgrind-out-", dir=folder)

    bare_start = whole(bench_kiosk.READY_BARE, "0")
    os.environ["FD_EXIT_AT"] = "roster"  # the whole process to today's roster on screen
    try:
        app_start = whole(bench_startup.READY_ROSTER, "0", copy(), root)
    finally:
        os.environ.pop("FD_EXIT_AT", None)
    scan = per_run(SCAN, n_scans, root, copy(), str(site))
    commit = per_run(BARE_COMMIT, 500, root, str(folder / "bare-commits.sqlite3"), "0")
    made = out()
    export = per_run(EXPORT, n_exports, root, copy(), made)
    raw = per_run(RAW_EXPORT, n_exports, root, str(Path(made) / "month-0.xlsx"), out())
    return [
        Figure("Start-up to the kiosk with today's roster", app_start, "bare window", bare_start),
        Figure("One scan through the kiosk window", scan, "bare insert + commit", commit),
        Figure("One monthly export", export, "raw openpyxl, same styles", raw),
    ]


def main() -> int:
    desk = Path(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="fd-instructions-") as tmp:
        os.environ["FRONTDESK_HOME"] = str(Path(tmp) / "home")
        for f in figures(desk, 1, Path(tmp), quick="--quick" in sys.argv):
            print(
                f"{f.measure}: {human(f.ours)} instructions; {f.baseline_name} "
                f"{human(f.baseline)}; ratio {f.ours / f.baseline:.2f}x"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
