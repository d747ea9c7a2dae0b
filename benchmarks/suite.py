"""The benchmark suite: one table of figures, each beside a baseline measured in the same run.

    python3 -m benchmarks.suite [--quick] [--no-city] [--no-instructions] [--out FILE]

Two scales. The desk: 60 volunteers and five years of duties on SQLite (benchmarks.bench_kiosk
builds it). The city: 100 sites, 10,000 volunteers and ten years of attendance on a throw-away
PostgreSQL server (tests.pg starts it; the rows are generated inside the server with
generate_series, not through the services). --quick shrinks the city (10 sites, 1,000
volunteers, 3 years) and the repetitions. Start-ups run with the app's bytecode compiled,
as installed (bench_kiosk.installed_env). Start-up, scan and export are also counted in
instructions under valgrind's callgrind (benchmarks.instructions), which a shared
machine's load hardly moves; --no-instructions skips that (several minutes). Not part of
the test run.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import date
from datetime import time as dtime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import bench_export, bench_kiosk, bench_startup  # noqa: E402
from benchmarks.bench_roster import timed  # noqa: E402


@dataclass
class Row:
    measure: str
    ours: str
    baseline_name: str
    baseline: str
    ratio: float | None


def pct(values: list[float], p: float) -> float:
    return bench_kiosk.pct(values, p)


def med(values: list[float]) -> float:
    return statistics.median(values)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs (nproc), {cpu}, {ram} RAM; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}, SQLite "
        f"{sqlite3.sqlite_version}"
    )


# --- desk scale (SQLite) ------------------------------------------------------------------


def bare_sqlite_commits(path: Path, n: int) -> list[float]:
    """Insert one row and commit, n times, with the app's durability: WAL, synchronous=FULL."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    con.execute(
        "CREATE TABLE scan (id INTEGER PRIMARY KEY, volunteer_id INT, day TEXT, slot TEXT, "
        "in_at TEXT, created_at TEXT)"
    )
    out = []
    for i in range(n):
        t0 = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute(
            "INSERT INTO scan (volunteer_id, day, slot, in_at, created_at) VALUES (?,?,?,?,?)",
            (i % 60, "2026-11-02", "AM", "2026-11-02 00:25:00", "2026-11-02 00:25:00"),
        )
        con.execute("COMMIT")
        out.append((time.perf_counter() - t0) * 1000)
    con.close()
    return out


def roster_rows(url: str, site: int, runs: int) -> list[Row]:
    from frontdesk.core.roster import ShiftKey
    from frontdesk.core.timeutil import at
    from frontdesk.services import roster
    from frontdesk.services.opening import open_desk

    desk = open_desk(url, actor="supervisor:bench").desk
    desk = replace(desk, clock=lambda: at(date(2026, 11, 2), dtime(9)))
    assert desk.site_id == site
    db = desk.db
    with db.read() as s:
        from sqlalchemy import select

        from frontdesk.store.models import Assignment

        vid = s.scalars(
            select(Assignment.volunteer_id).where(Assignment.day == date(2026, 10, 14))
        ).first()
    assert vid is not None

    def open_month() -> None:
        roster.month_view(desk, 2026, 10)

    def check() -> None:
        roster.check(desk, ShiftKey(date(2026, 10, 15), "AM"), vid)

    path = url.split("///", 1)[1]

    def raw_month() -> None:
        con = sqlite3.connect(path)
        con.execute(
            "SELECT a.day, a.slot, v.code, v.name FROM assignment a JOIN volunteer v "
            "ON v.id = a.volunteer_id WHERE a.site_id = ? AND a.day BETWEEN ? AND ? "
            "AND a.removed_at IS NULL ORDER BY a.day, a.slot",
            (site, "2026-10-01", "2026-10-31"),
        ).fetchall()
        con.close()

    timed(open_month, 3)
    ours, raw, checks = timed(open_month, runs), timed(raw_month, runs), timed(check, runs)
    db.dispose()
    return [
        Row(
            "Roster month open (month_view: load + coverage re-check), desk 2026-10",
            f"{med(ours):.1f} ms",
            "raw sqlite3 SELECT of the month's assignments",
            f"{med(raw):.2f} ms",
            med(ours) / med(raw),
        ),
        Row(
            "Roster live check of one assignment (roster.check)",
            f"{med(checks):.1f} ms",
            "raw SELECT of the month (as above)",
            f"{med(raw):.2f} ms",
            med(checks) / med(raw),
        ),
    ]


def export_rows(url: str, site: int, folder: Path, runs: int) -> Row:
    from frontdesk.core.timeutil import at
    from frontdesk.export.monthly import export_month
    from frontdesk.services.opening import open_desk

    desk = open_desk(url, actor="supervisor:bench").desk
    desk = replace(desk, clock=lambda: at(date(2026, 11, 2), dtime(9)))
    assert desk.site_id == site
    db = desk.db
    ours = []
    for i in range(runs):
        t0 = time.perf_counter()
        export_month(desk, 2026, 10, folder / f"month-{i}.xlsx")
        ours.append(time.perf_counter() - t0)
    db.dispose()
    sheets = bench_export.styled_cells(folder / "month-0.xlsx")
    cells = sum(len(r) for _t, rows in sheets for r in rows)
    raws = []
    for i in range(runs):
        t0 = time.perf_counter()
        bench_export.raw_styled(sheets, folder / f"raw-{i}.xlsx")
        raws.append(time.perf_counter() - t0)
    return Row(
        f"Monthly export (export_month, 4 sheets, {cells:,} cells), desk 2026-10",
        f"{med(ours) * 1000:.0f} ms",
        "raw openpyxl write-only, same cells and styles",
        f"{med(raws) * 1000:.0f} ms",
        med(ours) / med(raws),
    )


MEMORY = """
import os, sys
sys.path.insert(0, sys.argv[1])
if sys.argv[2] == "kiosk":
    from benchmarks import bench_kiosk
    bench_kiosk.bench_scans(sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
else:
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([]); w = QMainWindow(); w.resize(1366, 768); w.show(); app.processEvents()
# VmHWM, not ru_maxrss: Linux carries ru_maxrss across fork+exec, so it would report the
# benchmark parent's own peak; the high-water mark belongs to this process's memory only.
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print("MAXRSS", hwm, flush=True)
os._exit(0)
"""


def peak_memory(*args: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", MEMORY, str(ROOT), *args],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    ).stdout
    kib = next(int(line.split()[1]) for line in out.splitlines() if line.startswith("MAXRSS"))
    return kib / 1024


def desk_rows(folder: Path, quick: bool, counts: bool = False) -> list[Row]:
    scans, runs = (80, 3) if quick else (300, 7)
    path = folder / "desk.sqlite3"
    url, site = bench_kiosk.build(path)
    bench_startup.roster_today(path)  # the app reads the machine's day: a roster on it
    shutil.copy(path, folder / "memory.sqlite3")
    shutil.copy(path, folder / "instructions.sqlite3")
    rows: list[Row] = []

    bare, shown, roster, ready = [], [], [], []
    for _ in range(runs):  # interleaved, so all see the same machine state
        bare.append(bench_kiosk.ready_times(bench_kiosk.READY_BARE)[0])
        painted, board, swept = bench_startup.app_times(url)
        shown.append(painted)
        roster.append(board)
        ready.append(swept)
    for what, values in (
        ("Cold start to the desk app's starting screen painted (clock, scans kept)", shown),
        ("Cold start to the kiosk with today's roster on screen", roster),
        ("Cold start to the kiosk handling scans (the app's first sweep done)", ready),
    ):
        rows.append(
            Row(
                what,
                f"{med(values) * 1000:.0f} ms",
                "bare PySide6 QMainWindow, same run",
                f"{med(bare) * 1000:.0f} ms",
                med(values) / med(bare),
            )
        )

    latencies = bench_kiosk.bench_scans(url, site, scans)
    base = bare_sqlite_commits(folder / "bare.sqlite3", scans)
    for p in (50, 95):
        rows.append(
            Row(
                f"Scan to confirmation p{p} ({scans} scans through the kiosk window)",
                f"{pct(latencies, p):.1f} ms",
                "bare SQLite insert + commit (WAL, synchronous=FULL)",
                f"{pct(base, p):.2f} ms",
                pct(latencies, p) / pct(base, p),
            )
        )
    rows += roster_rows(url, site, 10 if quick else 30)
    rows.append(export_rows(url, site, folder, runs))

    mem_url = f"sqlite+pysqlite:///{folder / 'memory.sqlite3'}"
    kiosk_mb = peak_memory("kiosk", mem_url, str(site), str(scans))
    bare_mb = peak_memory("bare")
    rows.append(
        Row(
            f"Kiosk peak memory (VmHWM after start-up and {scans} scans)",
            f"{kiosk_mb:.0f} MiB",
            "bare PySide6 QMainWindow",
            f"{bare_mb:.0f} MiB",
            kiosk_mb / bare_mb,
        )
    )
    if counts:
        rows += instruction_rows(folder / "instructions.sqlite3", site, folder, quick)
    return rows


def instruction_rows(desk: Path, site: int, folder: Path, quick: bool) -> list[Row]:
    """Start-up, scan and export in instructions (benchmarks.instructions), comparable
    across runs where the wall-clock figures above move with the machine's load."""
    from benchmarks import instructions

    return [
        Row(
            f"{f.measure} (instructions, callgrind)",
            instructions.human(f.ours),
            f"{f.baseline_name} (instructions)",
            instructions.human(f.baseline),
            f.ours / f.baseline,
        )
        for f in instructions.figures(desk, site, folder, quick=quick)
    ]


# --- city scale (PostgreSQL) --------------------------------------------------------------

ATTENDANCE_SQL = """
INSERT INTO attendance (site_id, volunteer_id, day, slot, in_at, out_at, is_open, status,
    late_minutes, early_leave_minutes, credited_minutes, needs_review, recorded_by,
    clock_suspect, note, created_at, updated_at)
SELECT v.site_id, v.id, d.day,
       CASE WHEN (v.id + d.n) %% 2 = 0 THEN 'AM' ELSE 'PM' END,
       (d.day + CASE WHEN (v.id + d.n) %% 2 = 0 THEN time '08:25' ELSE time '13:25' END)
           AT TIME ZONE 'Asia/Taipei',
       (d.day + CASE WHEN (v.id + d.n) %% 2 = 0 THEN time '11:32' ELSE time '16:32' END)
           AT TIME ZONE 'Asia/Taipei',
       false, 'on_time', 0, 0, 180, false, 'kiosk', false, '',
       now(), now()
FROM volunteer v
CROSS JOIN (
    SELECT g::date AS day, (g::date - %(start)s::date) AS n
    FROM generate_series(%(start)s::date, %(end)s::date, interval '1 day') g
    WHERE extract(isodow FROM g) < 6
) d
WHERE ((v.id * 7919 + d.n * 104729) %% 100) < 20
"""


def build_city(url: str, sites: int, volunteers: int, years: int) -> tuple[int, float]:
    from sqlalchemy import text

    from frontdesk.services.opening import open_desk

    db = open_desk(url, need_site=False).db
    t0 = time.perf_counter()
    with db.write() as s:
        s.execute(
            text(
                "INSERT INTO site (name, created_at) SELECT '城市衛生所' || g, now() "
                "FROM generate_series(1, :n) g"
            ),
            {"n": sites},
        )
        s.execute(
            text(
                "INSERT INTO volunteer (site_id, code, name, phone, languages, status, notes, "
                "joined_on, created_at) SELECT 1 + (g - 1) % :sites, "
                "'C' || lpad(g::text, 5, '0'), '志工' || lpad(g::text, 5, '0'), "
                "'0912' || lpad(g::text, 6, '0'), '', 'active', '', "
                "date '2016-01-01' + (g % 3000), now() FROM generate_series(1, :n) g"
            ),
            {"sites": sites, "n": volunteers},
        )
    start, end = date(2027 - years, 1, 1), date(2026, 12, 31)
    raw = db.engine.raw_connection()
    try:
        with raw.cursor() as cur:
            cur.execute(ATTENDANCE_SQL, {"start": start, "end": end})
            cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
    with db.read() as s:
        count = int(s.execute(text("SELECT count(*) FROM attendance")).scalar_one())
    db.dispose()
    return count, time.perf_counter() - t0


def gather_city_year(url: str, year: int) -> list[object]:
    """The year's hours of every volunteer of every site, from the database."""
    from sqlalchemy import text

    from frontdesk.core.recognition import certificate, honor_card
    from frontdesk.services.month_views import ServiceDay, VolunteerHours
    from frontdesk.services.opening import open_desk

    db = open_desk(url, need_site=False).db
    end = date(year, 12, 31)
    with db.read() as s:
        totals = dict(
            s.execute(
                text(
                    "SELECT volunteer_id, sum(credited_minutes) FROM attendance "
                    "WHERE day <= :end GROUP BY volunteer_id"
                ),
                {"end": end},
            ).all()
        )
        rows = s.execute(
            text(
                "SELECT v.id, v.code, v.name, v.phone, v.joined_on, a.day, min(a.in_at), "
                "max(a.out_at), sum(a.credited_minutes), count(*) FROM attendance a "
                "JOIN volunteer v ON v.id = a.volunteer_id "
                "WHERE a.day BETWEEN :start AND :end AND a.credited_minutes > 0 "
                "GROUP BY v.id, a.day ORDER BY v.code, a.day"
            ),
            {"start": date(year, 1, 1), "end": end},
        ).all()
    db.dispose()
    out: list[object] = []
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and rows[j][0] == rows[i][0]:
            j += 1
        vid, code, name, phone, joined = rows[i][:5]
        days = tuple(ServiceDay(r[5], r[6], r[7], int(r[8])) for r in rows[i:j])
        year_minutes = sum(d.minutes for d in days)
        total = int(totals.get(vid, 0))
        out.append(
            VolunteerHours(
                volunteer_id=vid,
                code=code,
                name=name,
                phone=phone,
                status="active",
                service_since=joined,
                deactivated_on=None,
                scheduled=j - i,
                served=j - i,
                late=0,
                early_leave=0,
                absent=0,
                walk_in=0,
                month_minutes=0,
                year_minutes=year_minutes,
                total_minutes=total,
                certificate=certificate(joined, end, total),
                honor_card=honor_card(joined, end, total),
                days=days,
            )
        )
        i = j
    return out


def city_rows(folder: Path, quick: bool) -> tuple[list[Row], str]:
    from tests.pg import start_server, stop_server

    sites, volunteers, years, runs = (10, 1000, 3, 3) if quick else (100, 10_000, 10, 3)
    server = start_server()
    try:
        url = server.url(server.create_database(prefix="fd_city"))
        count, built = build_city(url, sites, volunteers, years)
        note = (
            f"city: {sites} sites, {volunteers:,} volunteers, {years} years, "
            f"{count:,} attendance rows generated in {built:.0f} s on PostgreSQL "
            f"{server._admin.info.server_version // 10000 if server._admin else '?'}"
        )
        print(note, flush=True)
        gathers = []
        for _ in range(runs):
            t0 = time.perf_counter()
            vols = gather_city_year(url, 2026)
            gathers.append(time.perf_counter() - t0)
        day_rows = sum(len(v.days) for v in vols)  # type: ignore[attr-defined]
        ours, raw = [], []
        for i in range(runs):  # interleaved
            for store, fn in (
                (ours, lambda p: bench_export.ours(vols, p)),  # type: ignore[arg-type]
                (raw, lambda p: bench_export.raw(vols, p, styled=True)),  # type: ignore[arg-type]
            ):
                path = folder / f"city-{i}.xlsx"
                t0 = time.perf_counter()
                fn(path)
                store.append(time.perf_counter() - t0)
                path.unlink()
    finally:
        stop_server(server)
    return [
        Row(
            f"City yearly hours sheet, 2026: write ({len(vols):,} volunteers, "
            f"{day_rows:,} day rows)",
            f"{med(ours):.2f} s",
            "raw openpyxl write-only, same cells and styles",
            f"{med(raw):.2f} s",
            med(ours) / med(raw),
        ),
        Row(
            "City yearly hours: gather the year from PostgreSQL (2 queries + objects)",
            f"{med(gathers):.2f} s",
            "(no baseline: database read)",
            "",
            None,
        ),
    ], note


def table(rows: list[Row]) -> str:
    lines = [
        "| Measure | Ours | Baseline (same run) | Baseline | Ratio |",
        "|---|---:|---|---:|---:|",
    ]
    for r in rows:
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "–"
        lines.append(f"| {r.measure} | {r.ours} | {r.baseline_name} | {r.baseline} | {ratio} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a small city and fewer repetitions")
    ap.add_argument("--no-city", action="store_true", help="skip the PostgreSQL city scale")
    ap.add_argument(
        "--no-instructions", action="store_true", help="skip the callgrind instruction counts"
    )
    ap.add_argument("--out", type=Path, default=ROOT / "bench-results" / "latest.md")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="fd-suite-") as tmp:
        folder = Path(tmp)
        os.environ["FRONTDESK_HOME"] = str(folder / "home")
        from benchmarks import instructions

        counts = not args.no_instructions and instructions.available()
        rows = desk_rows(folder, args.quick, counts)
        notes = ["desk: 60 volunteers, 5 years of duties on SQLite (WAL, synchronous=FULL)"]
        if not args.no_city:
            city, note = city_rows(folder, args.quick)
            rows += city
            notes.append(note)
    text = "\n".join(
        [
            f"Benchmarks ({'quick' if args.quick else 'full'} run, {date.today().isoformat()}, "
            f"{time.perf_counter() - started:.0f} s)",
            "",
            f"Machine: {machine()}",
            "",
            *(f"- {n}" for n in notes),
            "- medians over repeated runs; ratio = ours / baseline (lower is better)",
            "",
            table(rows),
            "",
        ]
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print()
    print(text)
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip teardown: PySide6 objects destroyed late can abort it
