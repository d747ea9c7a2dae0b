"""The supervisor's monthly workbook: 月值班表, 簽到簽退紀錄, 服務時數, 換班紀錄.

`export_month` gathers the month (services.reports), writes every sheet through write-only
worksheets, and replaces the target file atomically, so a crash never leaves half a file.
An export with personal data is recorded in the audit log first (services.exports).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from frontdesk.core.swaps import SwapState
from frontdesk.export.cells import (
    Cells,
    naive_local,
)
from frontdesk.export.hours import HoursSheetWriter, hours_of
from frontdesk.export.roster_sheet import write_roster
from frontdesk.export.styles import (
    S_DATE,
    S_DATETIME,
    S_HEAD,
    S_HOURS,
    S_INT,
    S_TEXT,
    S_TIME,
    print_setup,
    set_widths,
)
from frontdesk.services import anchoring
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput, ServiceError
from frontdesk.services.exports import audit_personal_month
from frontdesk.services.month_views import AttendanceLine, MonthReport, SwapLine
from frontdesk.services.reports import month_report
from frontdesk.store import scratch
from frontdesk.store.anchors import Anchor
from frontdesk.store.paths import refuse_overwrite
from frontdesk.words import workbook
from frontdesk.words.dates import format_roc_month, weekday_zh

Progress = Callable[[int, int], None]
STEPS = 6  # gather, four sheets, save


class ExportFailed(ServiceError):
    """The workbook could not be written (disk full, file open in Excel, no permission)."""

    code = "export_failed"


# --- 簽到簽退紀錄 -------------------------------------------------------------------

ATTENDANCE_HEADER = (
    "日期",
    "星期",
    "時段",
    "志工編號",
    "姓名",
    "簽到時間",
    "簽退時間",
    "狀態",
    "遲到（分）",
    "早退（分）",
    "認列時數",
    "紀錄方式",
    "待覆核",
    "修正原因",
    "備註",
)
ATTENDANCE_WIDTHS = (
    11.0,
    5.0,
    6.0,
    10.0,
    12.0,
    9.0,
    9.0,
    9.0,
    9.0,
    9.0,
    9.0,
    10.0,
    7.0,
    36.0,
    16.0,
)


def attendance_note(a: AttendanceLine) -> str:
    """The 備註 cell: the kiosk's facts (a walk-in, a return), then what a person wrote."""
    parts = [workbook.NOTE_WALK_IN] if a.walk_in else []
    if a.resumed:
        parts.append(workbook.NOTE_RESUMED)
    if a.note:
        parts.append(a.note)
    return "；".join(parts)


def write_attendance(wb: Workbook, r: MonthReport) -> None:
    ws = wb.create_sheet(workbook.SHEET_ATTENDANCE)
    c = Cells(ws)
    set_widths(ws, ATTENDANCE_WIDTHS)
    ws.freeze_panes = "A2"
    print_setup(ws, "1:1", f"{r.agency_name} {format_roc_month(r.year, r.month)} 志工簽到簽退紀錄")
    order = {s.code: i for i, s in enumerate(r.settings.slots)}
    ws.row_dimensions[1].height = 30
    ws.append([c.text(h, S_HEAD) for h in ATTENDANCE_HEADER])
    lines = sorted(
        r.attendance,
        key=lambda a: (
            a.day,
            order.get(a.slot, 99),
            a.slot,
            a.in_at is None,
            a.in_at or r.generated_at,
            a.code,
        ),
    )
    for a in lines:
        ws.append(
            [
                c.cell(a.day, S_DATE),
                c.text(weekday_zh(a.day), S_TEXT),
                c.text(workbook.slot_name(a.slot), S_TEXT),
                c.text(a.code, S_TEXT),
                c.text(a.name, S_TEXT),
                c.cell(naive_local(a.in_at), S_TIME),
                c.cell(naive_local(a.out_at), S_TIME),
                c.text(workbook.STATUS.get(a.status, a.status), S_TEXT),
                c.cell(a.late_minutes, S_INT),
                c.cell(a.early_leave_minutes, S_INT),
                c.cell(hours_of(a.credited_minutes), S_HOURS),
                c.text(workbook.RECORDED_BY.get(a.recorded_by, a.recorded_by), S_TEXT),
                c.text(workbook.YES if a.needs_review else workbook.NO, S_TEXT),
                c.text("；".join(a.corrections), S_TEXT),
                c.text(attendance_note(a), S_TEXT),
            ]
        )
    last = get_column_letter(len(ATTENDANCE_HEADER))
    ws.auto_filter.ref = f"A1:{last}{len(lines) + 1}"


# --- 換班紀錄 -----------------------------------------------------------------------

SWAP_HEADER = (
    "編號",
    "類型",
    "申請人編號",
    "申請人",
    "對象編號",
    "對象",
    "讓出班次日期",
    "讓出時段",
    "換得班次日期",
    "換得時段",
    "申請時間",
    "同意時間",
    "決定時間",
    "提前天數",
    "提前時數",
    "符合一週規定",
    "督導安排",
    "結果",
    "決定者",
    "申請理由",
    "決定理由",
)
SWAP_WIDTHS = (
    6.0, 10.0, 10.0, 10.0, 10.0, 10.0, 12.0, 8.0, 12.0, 8.0, 16.0, 16.0, 16.0,
    8.0, 8.0, 8.0, 8.0, 10.0, 14.0, 24.0, 24.0,
)  # fmt: skip


def outcome_words(s: SwapLine) -> str:
    """The 決定理由 cell: a supervisor's words, else what ended the request, if anything."""
    if s.outcome_reason:
        return s.outcome_reason
    if s.declined:
        return workbook.OUTCOME_DECLINED
    if s.superseded_by is not None:
        return workbook.OUTCOME_SUPERSEDED.format(id=s.superseded_by)
    ended = {
        SwapState.CANCELLED: workbook.OUTCOME_WITHDRAWN,
        SwapState.EXPIRED: workbook.OUTCOME_EXPIRED,
    }
    return ended.get(SwapState(s.state), "")


def write_swaps(wb: Workbook, r: MonthReport) -> None:
    ws = wb.create_sheet(workbook.SHEET_SWAPS)
    c = Cells(ws)
    set_widths(ws, SWAP_WIDTHS)
    ws.freeze_panes = "A2"
    print_setup(ws, "1:1", f"{r.agency_name} {format_roc_month(r.year, r.month)} 換班紀錄")
    ws.row_dimensions[1].height = 30
    ws.append([c.text(h, S_HEAD) for h in SWAP_HEADER])
    for s in r.swaps:
        ws.append(
            [
                c.cell(s.id, S_INT),
                c.text(workbook.SWAP_KIND.get(s.kind, s.kind), S_TEXT),
                c.text(s.requester_code, S_TEXT),
                c.text(s.requester_name, S_TEXT),
                c.text(s.colleague_code, S_TEXT),
                c.text(s.colleague_name, S_TEXT),
                c.cell(s.given_day, S_DATE),
                c.text(workbook.slot_name(s.given_slot), S_TEXT),
                c.cell(s.taken_day, S_DATE),
                c.text(workbook.slot_name(s.taken_slot) if s.taken_slot else "", S_TEXT),
                c.cell(naive_local(s.requested_at), S_DATETIME),
                c.cell(naive_local(s.agreed_at), S_DATETIME),
                c.cell(naive_local(s.decided_at), S_DATETIME),
                c.cell(round(s.notice_minutes / 1440, 2), S_HOURS),
                c.cell(round(s.notice_minutes / 60, 2), S_HOURS),
                c.text(workbook.YES if s.notice_ok else workbook.NO, S_TEXT),
                c.text(workbook.YES if s.by_supervisor else workbook.NO, S_TEXT),
                c.text(workbook.SWAP_STATE.get(s.state, s.state), S_TEXT),
                c.text(s.decided_by, S_TEXT),
                c.text(s.reason, S_TEXT),
                c.text(outcome_words(s), S_TEXT),
            ]
        )
    last = get_column_letter(len(SWAP_HEADER))
    ws.auto_filter.ref = f"A1:{last}{len(r.swaps) + 1}"


# --- the workbook -------------------------------------------------------------------


def write_hours(wb: Workbook, r: MonthReport, *, include_personal: bool) -> None:
    title = f"{r.agency_name} {format_roc_month(r.year, r.month)} 志工服務時數"
    writer = HoursSheetWriter(wb, title, r.service_category, include_personal=include_personal)
    writer.write(r.volunteers)


def build_workbook(
    r: MonthReport, *, include_personal: bool = False, progress: Progress | None = None
) -> Workbook:
    """The four sheets in order; a write-only workbook, to be saved once."""
    wb = Workbook(write_only=True)
    steps: list[Callable[[], None]] = [
        lambda: write_roster(wb, r),
        lambda: write_attendance(wb, r),
        lambda: write_hours(wb, r, include_personal=include_personal),
        lambda: write_swaps(wb, r),
    ]
    for i, step in enumerate(steps, start=2):
        step()
        if progress is not None:
            progress(i, STEPS)
    wb.properties.title = f"{r.agency_name} {format_roc_month(r.year, r.month)} 志工值勤月報"
    wb.properties.creator = "frontdesk"
    return wb


def _target(out_path: str | os.PathLike[str]) -> Path:
    out = Path(out_path).expanduser()
    if out.suffix.lower() != ".xlsx":
        out = out.with_name(out.name + ".xlsx")
    if not out.parent.is_dir():
        raise InvalidInput(
            f"the folder {out.parent} does not exist",
            field="out",
            reason="no_folder",
            value=str(out),
        )
    if out.is_dir():
        raise InvalidInput(f"{out} is a folder", field="out", reason="is_folder", value=str(out))
    return out


def export_month(
    desk: Desk,
    year: int,
    month: int,
    out_path: str | os.PathLike[str],
    *,
    include_personal: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Write the month's workbook to `out_path` (.xlsx added if missing) and return its path.

    `progress(done, total)` is called after each step. With `include_personal` the phone
    numbers are written unmasked, and the export is recorded in the audit log (who, month,
    file) before anything is written. A name that is the desk's own database or one of its
    backups is refused (WouldOverwriteData) before anything is written.
    """
    out = _target(out_path)
    refuse_overwrite(out, desk.db.path)
    report = month_report(desk, year, month)
    if progress is not None:
        progress(1, STEPS)
    if include_personal:
        audit_personal_month(desk, year, month, out)
    try:
        # openpyxl keeps each sheet's XML in temporary files until the save: ours, in the
        # data folder, removed at the next start if this process is killed.
        with scratch.job(desk.db.path) as job, job.library_temp_files():
            wb = build_workbook(report, include_personal=include_personal, progress=progress)
            tmp = job.beside(out)
            with tmp.open("wb") as fh:
                wb.save(fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, out)
    except OSError as exc:
        raise ExportFailed(
            f"cannot write {out}: {exc.strerror or exc}", path=str(out), reason=str(exc)
        ) from None
    anchoring.note(
        desk.db,
        "workbook",
        Anchor(report.audit.entries, report.audit.head_hash),
        f"{year:04d}-{month:02d} {out.name}",
    )
    if progress is not None:
        progress(STEPS, STEPS)
    return out.resolve()
