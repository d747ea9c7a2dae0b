"""The supervisor's monthly workbook: 月值班表, 簽到簽退紀錄, 服務時數, 時數登錄, 換班紀錄.

`export_month` gathers the month (services.reports), writes every sheet through write-only
worksheets, and replaces the target file atomically, so a crash never leaves half a file.
An export with personal data is recorded in the audit log first (services.exports).

Dates. Government paper in Taiwan writes the ROC year (115/11/02), and no number format
can show it in Excel generally (the `e` era code shows 民國 years only in a Taiwanese
Excel, and other spreadsheet programs ignore it). So every date a person reads is text in
ROC form, from words.dates.day_text (115/11/02, an instant 115/11/02 14:05), and a sheet
that is sorted and filtered (簽到簽退紀錄, 換班紀錄) also carries the real date values in
hidden columns after the printed ones, inside its filter range. The ROC text sorts right by
itself for years 100-999 (2011-2910), being zero-padded. Times of day stay real times.

Print. Every sheet is A4, fit to one page wide only, its header rows repeated on every
page, and its printed columns no wider than the page (styles.PRINT_WIDTH), so it prints at
100% and is read without a magnifier.
"""

from __future__ import annotations

import calendar
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from frontdesk.core.settings import DeskSettings
from frontdesk.core.swaps import SwapState
from frontdesk.export.cells import (
    Cells,
    naive_local,
)
from frontdesk.export.hours import NATIONAL_TITLE, HoursSheetWriter, hours_of
from frontdesk.export.roster_sheet import write_roster
from frontdesk.export.styles import (
    S_CENTER,
    S_COLHEAD,
    S_HOURS,
    S_INT,
    S_REAL_DATE,
    S_REAL_DATETIME,
    S_TEXT,
    S_TIME,
    S_TITLE,
    print_setup,
    row_height,
    set_widths,
)
from frontdesk.services import anchoring
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput, ServiceError
from frontdesk.services.exports import audit_personal_month, waiting_ids
from frontdesk.services.month_views import AttendanceLine, MonthReport, SwapLine
from frontdesk.services.reports import month_report
from frontdesk.store import scratch
from frontdesk.store.anchors import Anchor
from frontdesk.store.paths import refuse_overwrite
from frontdesk.words import workbook
from frontdesk.words.dates import day_text, duration_text, format_roc_month, weekday_zh

Progress = Callable[[int, int], None]
STEPS = 6  # gather, four sheets, save


class ExportFailed(ServiceError):
    """The workbook could not be written (disk full, file open in Excel, no permission)."""

    code = "export_failed"


# --- 簽到簽退紀錄 -------------------------------------------------------------------

# (header, width): the printed columns; together within styles.PRINT_WIDTH["landscape"].
ATTENDANCE_COLUMNS = (
    ("日期", 9.5),
    ("星期", 4.5),
    ("時段", 5.0),
    ("志工編號", 6.5),
    ("姓名", 8.0),
    ("簽到時間", 6.5),
    ("簽退時間", 6.5),
    ("狀態", 7.5),
    # The unit on a line of its own: squeezed into one line it broke as 「遲到（/分）」.
    ("遲到\n（分）", 6.5),
    ("早退\n（分）", 6.5),
    ("認列時數", 6.0),
    ("紀錄方式", 7.5),
    ("待覆核", 5.0),
    ("修正原因", 21.0),
    ("備註", 18.0),
)
ATTENDANCE_HEADER = tuple(h for h, _ in ATTENDANCE_COLUMNS)
ATTENDANCE_WIDTHS = tuple(w for _, w in ATTENDANCE_COLUMNS)
# Hidden, after the printed columns: the day as a real date, to sort and count by.
ATTENDANCE_HIDDEN = (("西元日期（排序用）", 11.0),)


def attendance_note(a: AttendanceLine) -> str:
    """The 備註 cell: the kiosk's facts (a walk-in, a return), then what a person wrote."""
    parts = [workbook.NOTE_WALK_IN] if a.walk_in else []
    if a.resumed:
        parts.append(workbook.NOTE_RESUMED)
    if a.note:
        parts.append(a.note)
    return "；".join(parts)


def _attendance_texts(a: AttendanceLine, waiting: bool) -> tuple[str, ...]:
    """The printed columns' words (times and numbers as '' : they never wrap)."""
    return (
        day_text(a.day),
        weekday_zh(a.day),
        workbook.slot_name(a.slot),
        a.code,
        a.name,
        "",
        "",
        workbook.STATUS.get(a.status, a.status),
        "",
        "",
        "",
        workbook.RECORDED_BY.get(a.recorded_by, a.recorded_by),
        workbook.YES if waiting else workbook.NO,
        "；".join(a.corrections),
        attendance_note(a),
    )


def write_attendance(wb: Workbook, r: MonthReport) -> None:
    """A row per duty, in day and slot order; the day in ROC words, its real date hidden."""
    ws = wb.create_sheet(workbook.SHEET_ATTENDANCE)
    c = Cells(ws)
    set_widths(ws, ATTENDANCE_WIDTHS, hidden=tuple(w for _, w in ATTENDANCE_HIDDEN))
    ws.freeze_panes = "A2"
    print_setup(ws, "1:1", f"{r.agency_name} {format_roc_month(r.year, r.month)} 志工簽到簽退紀錄")
    order = {s.code: i for i, s in enumerate(r.settings.slots)}
    ws.row_dimensions[1].height = 30
    ws.append(
        [c.text(h, S_COLHEAD) for h in (*ATTENDANCE_HEADER, *(h for h, _ in ATTENDANCE_HIDDEN))]
    )
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
    for row, a in enumerate(lines, start=2):
        values = _attendance_texts(a, r.awaits_review(a))
        ws.row_dimensions[row].height = row_height(zip(values, ATTENDANCE_WIDTHS, strict=True))
        ws.append(
            [
                c.text(values[0], S_CENTER),
                c.text(values[1], S_CENTER),
                c.text(values[2], S_CENTER),
                c.text(values[3], S_TEXT),
                c.text(values[4], S_TEXT),
                c.cell(naive_local(a.in_at), S_TIME),
                c.cell(naive_local(a.out_at), S_TIME),
                c.text(values[7], S_TEXT),
                c.cell(a.late_minutes, S_INT),
                c.cell(a.early_leave_minutes, S_INT),
                c.cell(hours_of(a.credited_minutes), S_HOURS),
                c.text(values[11], S_TEXT),
                c.text(values[12], S_CENTER),
                c.text(values[13], S_TEXT),
                c.text(values[14], S_TEXT),
                c.cell(a.day, S_REAL_DATE),
            ]
        )
    last = get_column_letter(len(ATTENDANCE_COLUMNS) + len(ATTENDANCE_HIDDEN))
    ws.auto_filter.ref = f"A1:{last}{len(lines) + 1}"


# --- 換班紀錄 -----------------------------------------------------------------------

# (header, width): the printed columns; together within styles.PRINT_WIDTH["landscape"].
# A person is one cell (name and code), a shift one cell (day and slot), and the notice in
# hours is kept hidden; 提前 says it in words (16 天 1 小時), so a request fits the page at 100%.
NOTICE_RULE = workbook.notice_rule_header(DeskSettings().swap_notice_days)  # the default
SWAP_COLUMNS = (
    ("編號", 4.5),
    ("類型", 6.0),
    ("申請人", 9.0),
    ("對象", 9.0),
    ("讓出班次", 11.0),
    ("換得班次", 11.0),
    ("申請時間", 9.5),
    ("同意時間", 9.5),
    ("決定時間", 9.5),
    ("提前", 11.0),
    (NOTICE_RULE, 5.0),  # worded from the month's swap_notice_days: swap_header
    ("督導安排", 5.0),
    ("結果", 9.0),
    ("決定者", 8.0),
    ("申請理由", 9.0),
    ("決定理由", 8.0),
)
SWAP_HEADER = tuple(h for h, _ in SWAP_COLUMNS)
SWAP_WIDTHS = tuple(w for _, w in SWAP_COLUMNS)


def swap_header(settings: DeskSettings) -> tuple[str, ...]:
    """SWAP_HEADER with the notice-rule column worded from settings.swap_notice_days (the
    rule can be changed, so "one week" is not written when it is not the rule)."""
    rule = workbook.notice_rule_header(settings.swap_notice_days)
    return tuple(rule if h == NOTICE_RULE else h for h in SWAP_HEADER)


# Hidden, after the printed columns: the codes and the real dates and instants, to sort,
# filter and count by.
SWAP_HIDDEN = (
    ("提前時數", 8.0),
    ("申請人編號", 8.0),
    ("對象編號", 8.0),
    ("讓出日期（西元）", 11.0),
    ("換得日期（西元）", 11.0),
    ("申請時間（西元）", 16.0),
    ("同意時間（西元）", 16.0),
    ("決定時間（西元）", 16.0),
)


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


def decider_words(s: SwapLine) -> str:
    """The 決定者 cell: the person who decided by name (a supervisor's display name, the
    colleague who declined), or what decided (the system that let it expire)."""
    if s.declined and s.colleague_name:
        return s.colleague_name
    return workbook.actor_words(s.decided_by)


def _person(name: str, code: str) -> str:
    return f"{name} {code}".strip()


def _shift(day: date | None, slot: str | None) -> str:
    return f"{day_text(day)} {workbook.slot_name(slot)}" if day is not None and slot else ""


def _swap_texts(s: SwapLine) -> tuple[str, ...]:
    """The printed columns' words (numbers as '': they never wrap)."""
    return (
        "",
        workbook.SWAP_KIND.get(s.kind, s.kind),
        _person(s.requester_name, s.requester_code),
        _person(s.colleague_name, s.colleague_code),
        _shift(s.given_day, s.given_slot),
        _shift(s.taken_day, s.taken_slot),
        day_text(s.requested_at),
        day_text(s.agreed_at),
        day_text(s.decided_at),
        duration_text(s.notice_minutes),
        workbook.YES if s.notice_ok else workbook.NO,
        workbook.YES if s.by_supervisor else workbook.NO,
        workbook.SWAP_STATE.get(s.state, s.state),
        decider_words(s),
        s.reason,
        outcome_words(s),
    )


def _swap_row(c: Cells, s: SwapLine, words: tuple[str, ...]) -> list[object]:
    centred = {10, 11}
    return [
        c.cell(s.id, S_INT),
        *(c.text(w, S_CENTER if i in centred else S_TEXT) for i, w in enumerate(words[1:], 1)),
        c.cell(round(s.notice_minutes / 60, 2), S_HOURS),
        c.text(s.requester_code),
        c.text(s.colleague_code),
        c.cell(s.given_day, S_REAL_DATE),
        c.cell(s.taken_day, S_REAL_DATE),
        c.cell(naive_local(s.requested_at), S_REAL_DATETIME),
        c.cell(naive_local(s.agreed_at), S_REAL_DATETIME),
        c.cell(naive_local(s.decided_at), S_REAL_DATETIME),
    ]


def _moves_duty_in(s: SwapLine, first: date, last: date) -> bool:
    """Whether the request gives or takes a duty between `first` and `last` (inclusive): a
    month's sheet lists those, not December's swaps that happened to be asked in November."""
    return any(d is not None and first <= d <= last for d in (s.given_day, s.taken_day))


def write_swaps(wb: Workbook, r: MonthReport) -> None:
    """A row per request moving a duty of the month (given or taken), whenever it was asked;
    days and instants in ROC words, real ones hidden. The title row is the roster's and
    the hours sheet's title (styles.S_TITLE), repeated with the header on every page."""
    ws = wb.create_sheet(workbook.SHEET_SWAPS)
    c = Cells(ws)
    set_widths(ws, SWAP_WIDTHS, hidden=tuple(w for _, w in SWAP_HIDDEN))
    ws.freeze_panes = "A3"
    print_setup(ws, "1:2", "")
    ws.row_dimensions[1].height = 26
    ws.append([c.text(f"{r.agency_name} {format_roc_month(r.year, r.month)} 換班紀錄", S_TITLE)])
    ws.merged_cells.add(f"A1:{get_column_letter(len(SWAP_COLUMNS))}1")
    ws.row_dimensions[2].height = 42  # the notice-rule header takes three lines in its column
    ws.append(
        [c.text(h, S_COLHEAD) for h in (*swap_header(r.settings), *(h for h, _ in SWAP_HIDDEN))]
    )
    first = date(r.year, r.month, 1)
    last_day = date(r.year, r.month, calendar.monthrange(r.year, r.month)[1])
    lines = [s for s in r.swaps if _moves_duty_in(s, first, last_day)]
    for row, s in enumerate(lines, start=3):
        words = _swap_texts(s)
        ws.row_dimensions[row].height = row_height(zip(words, SWAP_WIDTHS, strict=True))
        ws.append(_swap_row(c, s, words))
    last = get_column_letter(len(SWAP_COLUMNS) + len(SWAP_HIDDEN))
    ws.auto_filter.ref = f"A2:{last}{len(lines) + 2}"


# --- the workbook -------------------------------------------------------------------


def write_hours(wb: Workbook, r: MonthReport, *, include_personal: bool) -> None:
    month = format_roc_month(r.year, r.month)
    writer = HoursSheetWriter(
        wb,
        f"{r.agency_name} {month} 志工服務時數",
        r.service_category,
        include_personal=include_personal,
        national_title=f"{r.agency_name} {month} {NATIONAL_TITLE}",
    )
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


def workbook_path(out_path: str | os.PathLike[str]) -> Path:
    """The file a workbook for `out_path` goes to: .xlsx added if missing; InvalidInput
    (field out) when its folder does not exist or it is a folder."""
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


def export_target(
    desk: Desk, out_path: str | os.PathLike[str], *, overwrite: bool, option: str = ""
) -> Path:
    """The file the workbook goes to (workbook_path), refused before anything is written
    when it is the desk's own data (WouldOverwriteData) or, without `overwrite`, when it
    exists (InvalidInput, reason exists; `option` names how to replace it, e.g. the
    command line's --overwrite)."""
    out = workbook_path(out_path)
    refuse_overwrite(out, desk.db.path)
    if out.exists() and not overwrite:
        facts = {"option": option} if option else {}
        raise InvalidInput(
            f"{out} already exists", field="out", reason="exists", value=str(out), **facts
        )
    return out


def export_month(
    desk: Desk,
    year: int,
    month: int,
    out_path: str | os.PathLike[str],
    *,
    include_personal: bool = False,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Write the month's workbook to `out_path` (.xlsx added if missing) and return its path.

    An existing file is replaced only with `overwrite` (the person was asked), else refused
    (InvalidInput, field out, reason exists) before anything is read or written.
    `progress(done, total)` is called after each step. With `include_personal` the phone
    numbers are written unmasked, and the export is recorded in the audit log (who, month,
    file) before anything is written. A name that is the desk's own database or one of its
    backups is refused (WouldOverwriteData) before anything is written.
    """
    out = export_target(desk, out_path, overwrite=overwrite)
    report = replace(month_report(desk, year, month), review_queue=waiting_ids(desk, year, month))
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
