"""Instruction counts beside the suite's wall-clock figures (valgrind --tool=callgrind).

Wall-clock on a shared machine moves by up to 2x between runs; the number of instructions
a piece of work executes hardly moves, so a figure can be compared across runs. Each
measure runs a small script under callgrind twice, doing the work `n` times and 0 times
after the same set-up (and one warm-up run, so first-call imports are not counted), and
reports (count(n) - count(0)) / n. Start-up is one whole process: to the kiosk with
today's roster, beside a bare PySide6 window. Slow (callgrind runs Python ~50x slower):
the suite skips it with --no-instructions, and without valgrind installed.

    python3 -m benchmarks.instructions DESK.sqlite3  # the desk of benchmarks.bench_kiosk
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import bench_kiosk  # noqa: E402

_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")

SCAN = """
import sys
sys.path.insert(0, sys.argv[1])
from benchmarks import bench_kiosk
bench_kiosk.bench_scans(sys.argv[2], int(sys.argv[3]), 1 + int(sys.argv[4]))
"""

BARE_COMMIT = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from benchmarks import suite
suite.bare_sqlite_commits(Path(sys.argv[2]), 1 + int(sys.argv[4]))
"""

EXPORT = """
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
for i in range(1 + int(sys.argv[4])):
    export_month(desk, 2026, 10, out / f"month-{i}.xlsx")
os._exit(0)
"""

RAW_EXPORT = """
import os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from benchmarks import bench_export
sheets = bench_export.styled_cells(Path(sys.argv[2]))
out = Path(sys.argv[3])
for i in range(1 + int(sys.argv[4])):
    bench_export.raw_styled(sheets, out / f"raw-{i}.xlsx")
os._exit(0)
"""


def available() -> bool:
    return shutil.which("valgrind") is not None


def count(script: str, *args: str) -> int:
    """Instructions the Python process running `script` executes, start to exit."""
    with tempfile.TemporaryDirectory(prefix="fd-callgrind-") as tmp:
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={Path(tmp) / 'out'}",
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
    found = _COLLECTED.findall(done.stderr)
    if not found:
        raise RuntimeError(f"callgrind gave no count:\n{done.stderr[-2000:]}")
    return int(found[-1])


def per_run(script: str, n: int, fresh: Callable[[], list[str]]) -> float:
    """Instructions of one run of the work: (count with n runs - count with none) / n;
    `fresh()` gives the script's arguments on a fresh copy of its data each time."""
    return (count(script, *fresh(), str(n)) - count(script, *fresh(), "0")) / n


@dataclass(frozen=True)
class Figure:
    measure: str
    ours: float
    baseline_name: str
    baseline: float


def figures(desk: Path, site: int, folder: Path, *, quick: bool = False) -> list[Figure]:
    """Start-up, scan and monthly export in instructions, each beside its baseline."""
    n_scans, n_exports = (10, 1) if quick else (40, 2)
    root = str(ROOT)
    copies = iter(range(1_000_000))

    def copy() -> str:
        path = folder / f"callgrind-{next(copies)}.sqlite3"
        shutil.copy(desk, path)
        return f"sqlite+pysqlite:///{path}"

    bare_start = count(bench_kiosk.READY_BARE, "0")
    app_start = count(bench_kiosk.READY_APP, "0", copy(), root)
    scan = per_run(SCAN, n_scans, lambda: [root, copy(), str(site)])
    commit = per_run(
        BARE_COMMIT, n_scans, lambda: [root, str(folder / f"bare-{next(copies)}.sqlite3"), "0"]
    )
    out = folder / "callgrind-out"
    out.mkdir(exist_ok=True)
    export = per_run(EXPORT, n_exports, lambda: [root, copy(), str(out)])
    raw = per_run(RAW_EXPORT, n_exports, lambda: [root, str(out / "month-0.xlsx"), str(out)])
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
                f"{f.measure}: {f.ours / 1e6:,.1f} M instructions; {f.baseline_name} "
                f"{f.baseline / 1e6:,.1f} M; ratio {f.ours / f.baseline:.2f}x"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
