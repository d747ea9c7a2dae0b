"""The supervisor's monthly workbook: 月值班表, 簽到簽退紀錄, 服務時數, 換班紀錄.

`export_month` gathers the month (services.reports), writes every sheet through write-only
worksheets, and replaces the target file atomically, so a crash never leaves half a file.
An export with personal data is put in place by services.exports, which records it in the
audit log.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from frontdesk.core.calendar import DayInfo, DayKind
from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapState
from frontdesk.core.timeutil import local
from frontdesk.export.cells import (
    BOX,
    FMT_DATE,
    FMT_HOURS,
    FMT_TIME,
    FONT_NAME,
    PAPER_A4,
    Cells,
    Style,
    naive_local,
)
from frontdesk.export.hours import HoursSheetWriter, hours_of
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput, ServiceError
from frontdesk.services.exports import place_personal_month
from frontdesk.services.reports import (
    AttendanceLine,
    MonthReport,
    RosterEntry,
    SwapLine,
    month_report,
)
from frontdesk.words import workbook
from frontdesk.words.dates import format_roc_date, format_roc_month, format_roc_short, weekday_zh

Progress = Callable[[int, int], None]
STEPS = 6  # gather, four sheets, save


class ExportFailed(ServiceError):
    """The workbook could not be written (disk full, file open in Excel, no permission)."""

    code = "export_failed"


# --- styles -----------------------------------------------------------------------

_F = Font(name=FONT_NAME, size=11)
_F_SMALL = Font(name=FONT_NAME, size=9)
_F_BOLD = Font(name=FONT_NAME, size=11, bold=True)
_MID = Alignment(vertical="center", wrap_text=True)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

FILL_WEEKEND = PatternFill("solid", fgColor="D9D9D9")
FILL_HOLIDAY = PatternFill("solid", fgColor="F8CBAD")
FILL_MAKEUP = PatternFill("solid", fgColor="C6EFCE")
FILL_CLOSED = PatternFill("solid", fgColor="FFE699")
FILL_OPEN = PatternFill("solid", fgColor="DDEBF7")
FILL_HEAD = PatternFill("solid", fgColor="F2F2F2")

DAY_FILLS: dict[DayKind, PatternFill] = {
    DayKind.WEEKEND: FILL_WEEKEND,
    DayKind.HOLIDAY: FILL_HOLIDAY,
    DayKind.MAKEUP_WORKDAY: FILL_MAKEUP,
    DayKind.CLOSED: FILL_CLOSED,
    DayKind.MANUAL_CLOSED: FILL_CLOSED,
    DayKind.MANUAL_OPEN: FILL_OPEN,
}

S_TITLE = Style(font=Font(name=FONT_NAME, size=16, bold=True), alignment=_CENTER)
S_SUBTITLE = Style(font=_F_SMALL, alignment=_CENTER)
S_HEAD = Style(font=_F_BOLD, fill=FILL_HEAD, border=BOX, alignment=_CENTER)
S_SMALL = Style(font=_F_SMALL, alignment=Alignment(vertical="center", wrap_text=True))
S_MONO = Style(
    font=Font(name="Consolas", size=8), alignment=Alignment(vertical="center", wrap_text=True)
)
S_SIGN_LABEL = Style(font=_F_BOLD, border=BOX, alignment=_CENTER)
S_SIGN_BOX = Style(border=BOX)
S_TEXT = Style(font=_F, border=BOX, alignment=_MID)
S_DATE = Style(font=_F, border=BOX, number_format=FMT_DATE, alignment=_MID)
S_TIME = Style(font=_F, border=BOX, number_format=FMT_TIME, alignment=_CENTER)
S_DATETIME = Style(font=_F, border=BOX, number_format="yyyy/mm/dd hh:mm", alignment=_MID)
S_INT = Style(font=_F, border=BOX, number_format="0", alignment=_MID)
S_HOURS = Style(font=_F, border=BOX, number_format=FMT_HOURS, alignment=_MID)


def _day_style(fill: PatternFill | None, *, center: bool = False) -> Style:
    return Style(font=_F, fill=fill, border=BOX, alignment=_CENTER if center else _MID)


def _print_setup(ws: WriteOnlyWorksheet, title_rows: str, header: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.45
    ws.page_margins.header = ws.page_margins.footer = 0.2
    ws.oddHeader.center.text = header.replace("&", "&&")
    ws.oddHeader.center.size = 9
    ws.oddFooter.center.text = "第 &P 頁，共 &N 頁"
    ws.oddFooter.center.size = 9


def _widths(ws: WriteOnlyWorksheet, widths: tuple[float, ...]) -> None:
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


# --- 月值班表 ------------------------------------------------------------------------


def day_label(info: DayInfo, slot_names: dict[str, str]) -> str:
    """The words in the remark column for a day: why it is shaded, or which slot closed."""
    kind_word = workbook.DAY_LABELS.get(info.kind, "")
    label = info.label.strip()
    if info.kind is DayKind.WEEKEND:
        text = kind_word
    elif info.kind is DayKind.MAKEUP_WORKDAY:
        text = label or kind_word
    elif kind_word:
        text = f"{kind_word}：{label}" if label and kind_word not in label else label or kind_word
    else:
        text = label
    if info.closed_slots and info.kind is not DayKind.CLOSED:
        slots = "、".join(slot_names.get(s, s) for s in sorted(info.closed_slots))
        closed = f"{slots}停止上班"
        text = f"{text}；{closed}" if text and text != label else closed
        if label and label not in text:
            text = f"{text}：{label}"
    return text


def entry_text(e: RosterEntry) -> str:
    mark = ""
    if e.source == "swap":
        mark += workbook.MARK_SWAP
    elif e.source == "walk_in":
        mark += workbook.MARK_WALK_IN
    if e.status == "absent":
        mark += workbook.MARK_ABSENT
    return f"{e.name}{mark}"


def _sign_blocks(widths: tuple[float, ...]) -> list[tuple[int, int]]:
    """Split the columns into three runs of about equal width: (first, last), 1-based."""
    total = sum(widths)
    cuts, acc, runs, start = [total / 3, 2 * total / 3], 0.0, [], 1
    for i, w in enumerate(widths, start=1):
        acc += w
        if cuts and acc >= cuts[0] and len(widths) - i >= 3 - len(runs) - 1:
            runs.append((start, i))
            start = i + 1
            cuts.pop(0)
    runs.append((start, len(widths)))
    return runs


def write_roster(wb: Workbook, r: MonthReport) -> None:
    ws = wb.create_sheet(workbook.SHEET_ROSTER)
    c = Cells(ws)
    slots = r.settings.slots
    slot_names = {s.code: workbook.slot_name(s.code) for s in slots}
    widths = (13.0, 6.0, *(44.0 for _ in slots), 34.0)
    ncols = len(widths)
    last_col = get_column_letter(ncols)
    _widths(ws, widths)
    title = f"{r.agency_name} {format_roc_month(r.year, r.month)} 志工值班表"
    _print_setup(ws, "1:3", "")
    times = "、".join(f"{slot_names[s.code]} {s.start:%H:%M}–{s.end:%H:%M}" for s in slots)
    row = 0

    def put(values: list[object], height: float | None = None, merge: bool = False) -> None:
        nonlocal row
        row += 1
        if height is not None:
            ws.row_dimensions[row].height = height
        ws.append(values)
        if merge:
            ws.merged_cells.add(f"A{row}:{last_col}{row}")

    put([c.text(title, S_TITLE)], 26, merge=True)
    put([c.text(f"值班地點：{r.desk_name}　值班時間：{times}", S_SUBTITLE)], 15, merge=True)
    put(
        [
            c.text(h, S_HEAD)
            for h in ("日期", "星期", *(f"{slot_names[s.code]}" for s in slots), "備註")
        ],
        17,
    )
    for info in r.days:
        fill = DAY_FILLS.get(info.kind)
        base = _day_style(fill)
        cells: list[object] = [
            c.text(format_roc_short(info.day), _day_style(fill, center=True)),
            c.text(weekday_zh(info.day), _day_style(fill, center=True)),
        ]
        for s in slots:
            entries = sorted(r.roster.get(ShiftKey(info.day, s.code), []), key=lambda e: e.code)
            closed = info.kind in (DayKind.CLOSED,) or s.code in info.closed_slots
            slot_fill = FILL_CLOSED if s.code in info.closed_slots else fill
            text = "、".join(entry_text(e) for e in entries)
            if closed and not text:
                text = workbook.DAY_LABELS[DayKind.CLOSED]
            cells.append(c.text(text, _day_style(slot_fill)))
        cells.append(c.text(day_label(info, slot_names), base))
        put(cells, 16)
    legend = (
        f"說明：{workbook.MARK_SWAP}＝換班　{workbook.MARK_WALK_IN}＝臨時支援（未排班）　"
        f"{workbook.MARK_ABSENT}＝缺勤。底色：灰＝例假日、橘＝放假、綠＝補行上班、黃＝停止上班（颱風等）。"
    )
    if r.before_site and not r.attendance and not r.roster:
        legend += f"本月早於本系統啟用日（{format_roc_date(r.site_created_on, weekday=False)}），無值班紀錄。"
    put([c.text(legend, S_SMALL)], 24, merge=True)
    blocks = _sign_blocks(widths)
    sign_row: list[object] = [None] * ncols
    box_row: list[object] = [None] * ncols
    for (lo, hi), word in zip(blocks, ("承辦人", "志工督導", "機關首長"), strict=True):
        for col in range(lo, hi + 1):
            sign_row[col - 1] = c.cell(None, S_SIGN_LABEL)
            box_row[col - 1] = c.cell(None, S_SIGN_BOX)
        sign_row[lo - 1] = c.text(word, S_SIGN_LABEL)
    put(sign_row, 17)
    for lo, hi in blocks:
        if hi > lo:
            ws.merged_cells.add(f"{get_column_letter(lo)}{row}:{get_column_letter(hi)}{row}")
    put(box_row, 40)
    for lo, hi in blocks:
        if hi > lo:
            ws.merged_cells.add(f"{get_column_letter(lo)}{row}:{get_column_letter(hi)}{row}")
    last_day = format_roc_date(r.last, weekday=False)
    if r.audit.entries:
        anchor = (
            f"稽核紀錄鏈（至{last_day}24時止）共 {r.audit.entries} 筆，"
            f"末筆雜湊 SHA-256：{r.audit.head_hash}"
        )
    else:
        anchor = f"稽核紀錄鏈：至{last_day}24時止尚無紀錄（起始值 {r.audit.head_hash}）"
    put([c.text(anchor, S_MONO)], 14, merge=True)
    made = local(r.generated_at)
    put(
        [
            c.text(
                f"產製時間：{format_roc_date(made.date(), weekday=False)} {made:%H:%M}　{r.agency_name}{r.desk_name}",
                S_SMALL,
            )
        ],
        13,
        merge=True,
    )
    ws.print_area = f"A1:{last_col}{row}"


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
    _widths(ws, ATTENDANCE_WIDTHS)
    ws.freeze_panes = "A2"
    _print_setup(ws, "1:1", f"{r.agency_name} {format_roc_month(r.year, r.month)} 志工簽到簽退紀錄")
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
    _widths(ws, SWAP_WIDTHS)
    ws.freeze_panes = "A2"
    _print_setup(ws, "1:1", f"{r.agency_name} {format_roc_month(r.year, r.month)} 換班紀錄")
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
    numbers are written unmasked and the export is recorded in the audit log (who, month,
    file) in the same moment the file takes its place.
    """
    out = _target(out_path)
    report = month_report(desk, year, month)
    if progress is not None:
        progress(1, STEPS)
    wb = build_workbook(report, include_personal=include_personal, progress=progress)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".xlsx.tmp", dir=out.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            wb.save(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if include_personal:
            place_personal_month(desk, year, month, tmp, out)
        else:
            os.replace(tmp, out)
    except OSError as exc:
        raise ExportFailed(
            f"cannot write {out}: {exc.strerror or exc}", path=str(out), reason=str(exc)
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    if progress is not None:
        progress(STEPS, STEPS)
    return out.resolve()
