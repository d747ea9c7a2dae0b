"""月值班表: the month's roster sheet, a day a row, with the legend, signatures and audit anchor."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from frontdesk.core.calendar import DayInfo, DayKind
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import local
from frontdesk.export.cells import Cells
from frontdesk.export.styles import (
    DAY_FILLS,
    FILL_CLOSED,
    S_HEAD,
    S_MONO,
    S_SIGN_BOX,
    S_SIGN_LABEL,
    S_SMALL,
    S_SUBTITLE,
    S_TITLE,
    day_style,
    print_setup,
    set_widths,
)
from frontdesk.services.month_views import MonthReport, RosterEntry
from frontdesk.words import workbook
from frontdesk.words.dates import format_roc_date, format_roc_month, format_roc_short, weekday_zh
from frontdesk.words.labels import time_range


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
    cuts, acc, start = [total / 3, 2 * total / 3], 0.0, 1
    runs: list[tuple[int, int]] = []
    for i, w in enumerate(widths, start=1):
        acc += w
        if cuts and acc >= cuts[0] and len(widths) - i >= 3 - len(runs) - 1:
            runs.append((start, i))
            start = i + 1
            cuts.pop(0)
    runs.append((start, len(widths)))
    return runs


class _Rows:
    """Appends rows to a write-only sheet, keeping count for heights and merges."""

    def __init__(self, ws: WriteOnlyWorksheet, ncols: int) -> None:
        self.ws = ws
        self.row = 0
        self.last_col = get_column_letter(ncols)

    def put(self, values: list[object], height: float | None = None, merge: bool = False) -> None:
        self.row += 1
        if height is not None:
            self.ws.row_dimensions[self.row].height = height
        self.ws.append(values)
        if merge:
            self.merge(1, 0)

    def merge(self, lo: int, hi: int) -> None:
        """Merge columns lo..hi (1-based) of the last row; 0 as hi means the last column."""
        last = get_column_letter(hi) if hi else self.last_col
        self.ws.merged_cells.add(f"{get_column_letter(lo)}{self.row}:{last}{self.row}")


def write_roster(wb: Workbook, r: MonthReport) -> None:
    """The roster sheet: title, a row per day with each slot's names, legend, signatures."""
    ws = wb.create_sheet(workbook.SHEET_ROSTER)
    c = Cells(ws)
    slots = r.settings.slots
    slot_names = {s.code: workbook.slot_name(s.code) for s in slots}
    widths = (13.0, 6.0, *(44.0 for _ in slots), 34.0)
    rows = _Rows(ws, len(widths))
    set_widths(ws, widths)
    title = f"{r.agency_name} {format_roc_month(r.year, r.month)} 志工值班表"
    print_setup(ws, "1:3", "")
    times = "、".join(f"{slot_names[s.code]} {time_range(s)}" for s in slots)
    rows.put([c.text(title, S_TITLE)], 26, merge=True)
    rows.put([c.text(f"值班地點：{r.desk_name}　值班時間：{times}", S_SUBTITLE)], 15, merge=True)
    heads = ("日期", "星期", *(f"{slot_names[s.code]}" for s in slots), "備註")
    rows.put([c.text(h, S_HEAD) for h in heads], 17)
    for info in r.days:
        rows.put(_day_row(c, r, info, slot_names), 16)
    rows.put([c.text(_legend(r), S_SMALL)], 24, merge=True)
    _signatures(c, rows, widths)
    rows.put([c.text(_anchor(r), S_MONO)], 14, merge=True)
    made = local(r.generated_at)
    made_on = f"{format_roc_date(made.date(), weekday=False)} {made:%H:%M}"
    made_text = f"產製時間：{made_on}　{r.agency_name}{r.desk_name}"
    rows.put([c.text(made_text, S_SMALL)], 13, merge=True)
    ws.print_area = f"A1:{rows.last_col}{rows.row}"


def _day_row(c: Cells, r: MonthReport, info: DayInfo, slot_names: dict[str, str]) -> list[object]:
    """Date, weekday, each slot's names (or 停止上班), and the day's remark, shaded by kind."""
    fill = DAY_FILLS.get(info.kind)
    cells: list[object] = [
        c.text(format_roc_short(info.day), day_style(fill, center=True)),
        c.text(weekday_zh(info.day), day_style(fill, center=True)),
    ]
    for s in r.settings.slots:
        entries = sorted(r.roster.get(ShiftKey(info.day, s.code), []), key=lambda e: e.code)
        closed = info.kind in (DayKind.CLOSED,) or s.code in info.closed_slots
        slot_fill = FILL_CLOSED if s.code in info.closed_slots else fill
        text = "、".join(entry_text(e) for e in entries)
        if closed and not text:
            text = workbook.DAY_LABELS[DayKind.CLOSED]
        cells.append(c.text(text, day_style(slot_fill)))
    cells.append(c.text(day_label(info, slot_names), day_style(fill)))
    return cells


def _legend(r: MonthReport) -> str:
    legend = (
        f"說明：{workbook.MARK_SWAP}＝換班　{workbook.MARK_WALK_IN}＝臨時支援（未排班）　"
        f"{workbook.MARK_ABSENT}＝缺勤。底色：灰＝例假日、橘＝放假、綠＝補行上班、黃＝停止上班（颱風等）。"
    )
    if r.before_site and not r.attendance and not r.roster:
        legend += f"本月早於本系統啟用日（{format_roc_date(r.site_created_on, weekday=False)}），無值班紀錄。"
    return legend


def _signatures(c: Cells, rows: _Rows, widths: tuple[float, ...]) -> None:
    """Three signature boxes (承辦人, 志工督導, 機關首長) of about equal width under labels."""
    blocks = _sign_blocks(widths)
    sign_row: list[object] = [None] * len(widths)
    box_row: list[object] = [None] * len(widths)
    for (lo, hi), word in zip(blocks, ("承辦人", "志工督導", "機關首長"), strict=True):
        for col in range(lo, hi + 1):
            sign_row[col - 1] = c.cell(None, S_SIGN_LABEL)
            box_row[col - 1] = c.cell(None, S_SIGN_BOX)
        sign_row[lo - 1] = c.text(word, S_SIGN_LABEL)
    for values, height in ((sign_row, 17), (box_row, 40)):
        rows.put(values, height)
        for lo, hi in blocks:
            if hi > lo:
                rows.merge(lo, hi)


def _anchor(r: MonthReport) -> str:
    """The audit chain as of the month's end: entry count and the last entry's hash."""
    last_day = format_roc_date(r.last, weekday=False)
    if r.audit.entries:
        return (
            f"稽核紀錄鏈（至{last_day}24時止）共 {r.audit.entries} 筆，"
            f"末筆雜湊 SHA-256：{r.audit.head_hash}"
        )
    return f"稽核紀錄鏈：至{last_day}24時止尚無紀錄（起始值 {r.audit.head_hash}）"
