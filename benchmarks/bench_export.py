"""Export benchmark (prints figures; not a test).

1. A desk month: `export_month` on a SQLite desk with 24 volunteers, two per slot every
   working day, all signed in and out (median of several runs; target < 0.5 s).
2. The city case: the hours sheet of a year for a 100-site deployment (10,000 volunteers,
   one row per volunteer per day served) written by our HoursSheetWriter, against raw
   openpyxl write-only mode writing the same cells in the same run (target <= 1.5x).
   "Raw, same cells" applies the same fonts/borders/number formats the plain openpyxl way;
   "raw, values only" (no styling at all) is printed as well, for scale.

    python benchmarks/bench_export.py [--volunteers 10000] [--days 50] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("FRONTDESK_HOME", tempfile.mkdtemp(prefix="fd-bench-home-"))

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from frontdesk.core.privacy import mask_phone
from frontdesk.core.recognition import certificate, honor_card
from frontdesk.core.timeutil import at
from frontdesk.export import hours as hours_mod
from frontdesk.export.hours import HoursSheetWriter, hours_of, recognition_text
from frontdesk.export.monthly import export_month
from frontdesk.services import roster, volunteers
from frontdesk.services.context import Desk
from frontdesk.services.month_views import ServiceDay, VolunteerHours
from frontdesk.services.opening import open_desk
from frontdesk.services.setup import init_site
from frontdesk.store.models import Attendance, Site
from frontdesk.words.dates import day_text


def desk_month(folder: Path, runs: int) -> None:
    db = open_desk(f"sqlite+pysqlite:///{folder / 'desk.sqlite3'}", need_site=False).db
    site_id = init_site(db, "高雄市○○區衛生所")
    now = at(date(2026, 11, 2), clock_time(9))
    desk = Desk(db=db, site_id=site_id, actor="supervisor:bench", clock=lambda: now)
    with db.write() as s:
        site = s.get(Site, site_id)
        assert site is not None
        site.created_at = datetime(2024, 1, 1, tzinfo=UTC)
    ids = [
        volunteers.add(
            desk,
            volunteers.VolunteerInput(
                code=f"V{i:03d}",
                name=f"志工{i:03d}",
                phone="0912-345-678",
                trainings=[("basic", "基礎訓練", date(2024, 1, 10), 12.0)],
            ),
        )
        for i in range(24)
    ]
    for i, vid in enumerate(ids):  # 24 volunteers x 1 pattern = 2 per slot, 10 slots a week
        volunteers.add_pattern(
            desk, vid, (i // 2) % 5, "AM" if (i // 10) % 2 == 0 else "PM", date(2026, 1, 1)
        )
        if i < 16:
            volunteers.add_pattern(
                desk, vid, (i // 2 + 2) % 5, "PM" if (i // 10) % 2 == 0 else "AM", date(2026, 1, 1)
            )
    roster.generate_month(desk, 2026, 12)
    view = roster.month_view(desk, 2026, 12)
    rng = random.Random(1)
    with db.write() as s:
        for key, entries in view.cells.items():
            slot = view.settings.slot(key.slot)
            assert slot is not None
            for e in entries:
                t_in = at(key.day, slot.start) + timedelta(minutes=rng.randint(-10, 8))
                t_out = at(key.day, slot.end) + timedelta(minutes=rng.randint(-3, 5))
                s.add(
                    Attendance(
                        site_id=site_id,
                        volunteer_id=e.volunteer_id,
                        day=key.day,
                        slot=key.slot,
                        in_at=t_in,
                        out_at=t_out,
                        is_open=False,
                        status="on_time",
                        credited_minutes=180,
                        recorded_by="kiosk",
                        created_at=t_in,
                        updated_at=t_out,
                    )
                )
    records = sum(len(v) for v in view.cells.values())
    times = []
    for i in range(runs):
        t0 = time.perf_counter()
        export_month(desk, 2026, 12, folder / f"desk-{i}.xlsx")
        times.append(time.perf_counter() - t0)
    print(f"desk month 2026-12: {len(ids)} volunteers, {records} duties")
    print(
        f"  export_month median {statistics.median(times) * 1000:.0f} ms "
        f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}; {runs} runs; target < 500 ms)"
    )
    db.dispose()


def city_data(n: int, days_per_volunteer: int) -> list[VolunteerHours]:
    rng = random.Random(7)
    year_days = [date(2026, 1, 1) + timedelta(days=i) for i in range(365)]
    workdays = [d for d in year_days if d.weekday() < 5]
    out = []
    for i in range(n):
        days = sorted(rng.sample(workdays, days_per_volunteer))
        service = tuple(
            ServiceDay(
                d,
                at(d, clock_time(8, 25 + rng.randint(0, 10))),
                at(d, clock_time(11, 30)),
                rng.choice((180, 180, 175, 360)),
            )
            for d in days
        )
        total = sum(s.minutes for s in service)
        since = date(2020 + i % 6, 1 + i % 12, 1 + i % 28)
        out.append(
            VolunteerHours(
                volunteer_id=i,
                code=f"S{i // 100:03d}-{i % 100:03d}",
                name=f"志工{i:05d}",
                phone="0912-345-678",
                status="active",
                service_since=since,
                deactivated_on=None,
                scheduled=days_per_volunteer,
                served=days_per_volunteer,
                late=rng.randint(0, 3),
                early_leave=rng.randint(0, 2),
                absent=rng.randint(0, 2),
                walk_in=0,
                month_minutes=total,
                year_minutes=total,
                total_minutes=total * 2,
                certificate=certificate(since, date(2026, 12, 31), total * 2),
                honor_card=honor_card(since, date(2026, 12, 31), total * 2),
                days=service,
            )
        )
    return out


def ours(vols: list[VolunteerHours], path: Path) -> None:
    wb = Workbook(write_only=True)
    HoursSheetWriter(wb, "臺北市 民國115年 志工服務時數", "服務台諮詢引導").write(vols)
    wb.save(path)


def raw(vols: list[VolunteerHours], path: Path, *, styled: bool) -> None:
    """The same cells with plain openpyxl write-only calls (no sanitising, no style cache)."""
    from frontdesk.core.timeutil import local

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("服務時數")
    H = hours_mod

    def c(value: object, style: object) -> object:
        if not styled:
            return value
        cell = WriteOnlyCell(ws, value)
        if style.font is not None:  # type: ignore[attr-defined]
            cell.font = style.font  # type: ignore[attr-defined]
        if style.border is not None:  # type: ignore[attr-defined]
            cell.border = style.border  # type: ignore[attr-defined]
        if style.fill is not None:  # type: ignore[attr-defined]
            cell.fill = style.fill  # type: ignore[attr-defined]
        if style.alignment is not None:  # type: ignore[attr-defined]
            cell.alignment = style.alignment  # type: ignore[attr-defined]
        if style.number_format is not None:  # type: ignore[attr-defined]
            cell.number_format = style.number_format  # type: ignore[attr-defined]
        return cell

    ws.append([c("臺北市 民國115年 志工服務時數", H.S_TITLE)])
    ws.append([c(h, H.S_HEAD) for h in H.SUMMARY_HEADER])
    for v in vols:
        ws.append(
            [
                c(v.code, H.S_TEXT),
                c(v.name, H.S_TEXT),
                c("在職", H.S_TEXT),
                c(mask_phone(v.phone), H.S_TEXT),
                c(day_text(v.service_since), H.S_DATE),
                *(
                    c(n, H.S_INT)
                    for n in (v.scheduled, v.served, v.late, v.early_leave, v.absent, v.walk_in)
                ),
                *(
                    c(hours_of(m), H.S_HOURS)
                    for m in (v.month_minutes, v.year_minutes, v.total_minutes)
                ),
                c(recognition_text(v.certificate), H.S_TEXT),
                c(v.certificate.hours_missing, H.S_HOURS),
                c(recognition_text(v.honor_card), H.S_TEXT),
                c(v.honor_card.hours_missing, H.S_HOURS),
            ]
        )
    ws.append([])
    ws.append([c(H.HOURS_NOTE, H.S_NOTE)])
    ws.append([c(H.RULE_NOTE, H.S_NOTE)])
    ws = wb.create_sheet("時數登錄")
    ws.append([c(h, H.S_HEAD) for h in H.NATIONAL_HEADER])
    for v in vols:
        for d in v.days:
            ws.append(
                [
                    v.code,
                    v.name,
                    day_text(d.day),
                    c(local(d.first_in).replace(tzinfo=None) if d.first_in else None, H.N_TIME),
                    c(local(d.last_out).replace(tzinfo=None) if d.last_out else None, H.N_TIME),
                    "服務台諮詢引導",
                    c(hours_of(d.minutes), H.N_HOURS),
                ]
            )
    wb.save(path)


StyledCell = tuple[object, object, object, object, object, str]  # value, font, fill, ...


def styled_cells(path: Path) -> list[tuple[str, list[list[StyledCell]]]]:
    """Every sheet of a workbook as rows of (value, font, fill, border, alignment, number
    format): what a plain openpyxl baseline must write to make the same workbook. Each
    distinct style object is made once and shared, as a program's style constants are."""
    from copy import copy

    from openpyxl import load_workbook

    wb = load_workbook(path)
    shared: dict[tuple[str, int], object] = {}

    def one(kind: str, table: list[object], index: int) -> object:
        key = (kind, index)
        if key not in shared:
            shared[key] = copy(table[index])
        return shared[key]

    out = []
    for ws in wb.worksheets:
        rows: list[list[StyledCell]] = []
        for row in ws.iter_rows():
            cells: list[StyledCell] = []
            for c in row:
                if not c.has_style:
                    cells.append((c.value, None, None, None, None, "General"))
                    continue
                st = c._style
                cells.append(
                    (
                        c.value,
                        one("font", wb._fonts, st.fontId),
                        one("fill", wb._fills, st.fillId),
                        one("border", wb._borders, st.borderId),
                        one("alignment", wb._alignments, st.alignmentId),
                        c.number_format,
                    )
                )
            rows.append(cells)
        out.append((ws.title, rows))
    wb.close()
    return out


def raw_styled(sheets: list[tuple[str, list[list[StyledCell]]]], path: Path) -> None:
    """The same cells with the same styles, the plain openpyxl write-only way: a cell, its
    style objects assigned, appended (openpyxl registers each style on assignment)."""
    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            out: list[object] = []
            for value, font, fill, border, alignment, number_format in row:
                if font is None:
                    out.append(value)
                    continue
                cell = WriteOnlyCell(ws, value)
                cell.font = font
                cell.fill = fill
                cell.border = border
                cell.alignment = alignment
                cell.number_format = number_format
                out.append(cell)
            ws.append(out)
    wb.save(path)


def city(folder: Path, n: int, days: int, runs: int) -> None:
    vols = city_data(n, days)
    rows = sum(len(v.days) for v in vols)
    results: dict[str, list[float]] = {"ours": [], "raw, same cells": [], "raw, values only": []}
    for i in range(runs):  # interleaved, so drift hits all three alike
        for name, fn in (
            ("ours", lambda p: ours(vols, p)),
            ("raw, same cells", lambda p: raw(vols, p, styled=True)),
            ("raw, values only", lambda p: raw(vols, p, styled=False)),
        ):
            path = folder / f"city-{i}.xlsx"
            t0 = time.perf_counter()
            fn(path)
            results[name].append(time.perf_counter() - t0)
            size = path.stat().st_size
            path.unlink()
    print(
        f"city year: {n} volunteers, {rows} day rows ({rows * 7 + n * 18:,} cells), last file {size / 1e6:.1f} MB"
    )
    med = {k: statistics.median(v) for k, v in results.items()}
    for k, v in med.items():
        print(f"  {k:18s} median {v:6.2f} s over {runs} runs")
    print(
        f"  ours / raw same cells = {med['ours'] / med['raw, same cells']:.2f}x (target <= 1.5x); "
        f"ours / raw values only = {med['ours'] / med['raw, values only']:.2f}x"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--volunteers", type=int, default=10_000)
    ap.add_argument("--days", type=int, default=50, help="days served per volunteer in the year")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--desk-runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="fd-bench-") as tmp:
        folder = Path(tmp)
        desk_month(folder, args.desk_runs)
        city(folder, args.volunteers, args.days, args.runs)


if __name__ == "__main__":
    main()
