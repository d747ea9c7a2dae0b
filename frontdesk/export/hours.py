"""The hours sheets: 服務時數, per-volunteer totals and recognition progress, and 時數登錄,
one row per volunteer per day shaped for the Ministry of Health and Welfare volunteer system.

Two sheets, so each repeats its own header row on every printed page (a sheet has one set of
print titles). Dates are ROC text (115/11/02, words.dates.day_text), as typed into the
national system; times stay real times. Written through write-only worksheets so a city's
year (10,000 volunteers, hundreds of thousands of day rows) streams to disk; past Excel's
row limit the day rows continue on a new sheet, header first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from frontdesk.core.privacy import mask_phone
from frontdesk.core.recognition import (
    CERTIFICATE_HOURS,
    CERTIFICATE_YEARS,
    HONOR_CARD_HOURS,
    HONOR_CARD_YEARS,
    Recognition,
)
from frontdesk.export.cells import (
    BOX,
    FMT_HOURS,
    FMT_TIME,
    FONT_NAME,
    Cells,
    Style,
    naive_local,
)
from frontdesk.export.styles import (
    PRINTABLE_PT,
    S_TITLE,
    break_before_last,
    print_setup,
    row_height,
    set_widths,
)
from frontdesk.services.month_views import ServiceDay, VolunteerHours
from frontdesk.services.records import entry_item
from frontdesk.words import workbook
from frontdesk.words.dates import day_text, format_roc_short

EXCEL_MAX_ROWS = 1_048_576

# (header, width): within styles.PRINT_WIDTH["landscape"], so the sheet prints at 100%.
SUMMARY_COLUMNS = (
    ("志工編號", 6.5),
    ("姓名", 8.0),
    ("狀態", 5.0),
    ("電話", 12.0),
    ("年資起算日", 9.5),
    ("本月排班", 5.0),
    ("本月實到", 5.0),
    ("遲到", 4.5),
    ("早退", 4.5),
    ("缺勤", 4.5),
    ("臨時", 4.5),
    ("本月時數", 6.5),
    ("本年時數", 6.5),
    ("累計時數", 6.5),
    (f"績效證明書（滿{CERTIFICATE_YEARS}年且{CERTIFICATE_HOURS}小時）", 13.0),
    ("績效證明書尚差時數", 7.0),
    (f"榮譽卡（滿{HONOR_CARD_YEARS}年且{HONOR_CARD_HOURS}小時）", 13.0),
    ("榮譽卡尚差時數", 7.0),
)
SUMMARY_HEADER = tuple(h for h, _ in SUMMARY_COLUMNS)
SUMMARY_WIDTHS = tuple(w for _, w in SUMMARY_COLUMNS)
# Within styles.PRINT_WIDTH["portrait"]: the day rows print on upright pages.
NATIONAL_COLUMNS = (
    ("志工編號", 8.0),
    ("姓名", 10.0),
    ("服務日期", 10.0),
    ("開始時間", 8.0),
    ("結束時間", 8.0),
    ("服務項目", 16.0),
    ("服務時數", 8.0),
)
NATIONAL_HEADER = tuple(h for h, _ in NATIONAL_COLUMNS)
NATIONAL_WIDTHS = tuple(w for _, w in NATIONAL_COLUMNS)

RULE_NOTE = (
    f"說明：績效證明書需服務滿{CERTIFICATE_YEARS}年且服務時數達{CERTIFICATE_HOURS}小時；"
    f"榮譽卡需服務滿{HONOR_CARD_YEARS}年且服務時數達{HONOR_CARD_HOURS}小時，"
    "已用於申請榮譽卡的時數不得重複採計。本表以至本月底的累計時數計算，"
    "已領卡者請扣除已採計時數後核對。年資自加入日起算（未填者自首次值勤日）。"
)
HOURS_NOTE = (
    "時數為服務紀錄的認列時數：每次值勤依國家系統採計單位（預設0.5小時）計，含補登時數，"
    "不含交通、訓練與他單位時數；本年＝1月1日至本月底，累計＝至本月底。"
)
NATIONAL_TITLE = "服務時數登錄（衛生福利部志願服務資訊整合系統，每人每日一列，可直接複製貼上）"

_FONT = Font(name=FONT_NAME, size=10)
_BOLD = Font(name=FONT_NAME, size=10, bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="F2F2F2")
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

S_NOTE = Style(font=Font(name=FONT_NAME, size=9), alignment=_WRAP)
S_HEAD = Style(font=_BOLD, fill=_HEAD_FILL, border=BOX, alignment=_CENTER)
S_TEXT = Style(font=_FONT, border=BOX, alignment=_WRAP)
S_DATE = Style(font=_FONT, border=BOX, alignment=_CENTER)  # ROC text, 115/11/02
_MID = Alignment(vertical="center")
S_INT = Style(font=_FONT, border=BOX, number_format="0", alignment=_MID)
S_HOURS = Style(font=_FONT, border=BOX, number_format=FMT_HOURS, alignment=_MID)
# The day rows are for copying into the national system and can run to a million: only
# the number formats they need, no borders or fonts (each styled cell costs openpyxl time).
N_TIME = Style(number_format=FMT_TIME)
N_HOURS = Style(number_format=FMT_HOURS)
S_TOTAL_TEXT = Style(font=_BOLD, border=BOX)
TOTAL_HEIGHT = 18.0  # the 合計 row, in points
S_TOTAL_INT = Style(font=_BOLD, border=BOX, number_format="0", alignment=_MID)
S_TOTAL_HOURS = Style(font=_BOLD, border=BOX, number_format=FMT_HOURS, alignment=_MID)


def hours_of(minutes: int) -> float:
    """Credited minutes as hours rounded to 2 decimals, the figure typed into the national system."""
    return round(minutes / 60, 2)


def recognition_text(r: Recognition) -> str:
    """已達成, or what is still missing: the anniversary that completes the years, the hours."""
    if r.met:
        return "已達成"
    parts = []
    if not r.years_met:
        parts.append(
            f"{format_roc_short(r.eligible_from)}滿{r.years_required}年"
            if r.eligible_from is not None
            else "年資起算日未定"
        )
    if not r.hours_met:
        parts.append("時數未達")
    return "、".join(parts)


MISSING_WORDS = {"basic": "基礎訓練", "special": "特殊訓練", "record_book": "紀錄冊"}


def missing_text(missing: Sequence[str]) -> str:
    """What the volunteer still lacks to apply (trainings, record book), '' when nothing:
    shown beside a recognition met by hours so the row never reads as complete."""
    if not missing:
        return ""
    return "尚缺" + "、".join(MISSING_WORDS.get(m, m) for m in missing)


def standing_text(r: Recognition, missing: Sequence[str]) -> str:
    """recognition_text, and when the hours and years are met, what the volunteer still
    lacks to apply (the recognition page's same row: services.recognition_views)."""
    lacking = missing_text(missing) if r.met else ""
    return "；".join(filter(None, (recognition_text(r), lacking)))


def item_text(d: ServiceDay) -> str:
    """The 服務項目 cell: the service item, and for hours entered by hand their reason."""
    return entry_item(d.item, d.reason)


@dataclass
class HoursSheetWriter:
    """Writes the hours sheets into a write-only workbook; one instance per workbook.

    `title` heads the 服務時數 sheet (and every page of it); `national_title` heads every
    page of the day rows (NATIONAL_TITLE when empty).
    """

    wb: Workbook
    title: str
    service_category: str
    include_personal: bool = False
    sheet_name: str = workbook.SHEET_HOURS
    national_name: str = workbook.SHEET_NATIONAL
    national_title: str = ""

    def __post_init__(self) -> None:
        self._sheets = 0
        self.ws = self.wb.create_sheet(self.sheet_name)
        self.cells = Cells(self.ws)
        set_widths(self.ws, SUMMARY_WIDTHS)
        print_setup(self.ws, "1:2", "")
        self.row = 0

    def _national_sheet(self) -> None:
        """A new sheet for day rows (a second one past Excel's row limit), header first."""
        self._sheets += 1
        name = self.national_name
        if self._sheets > 1:
            name = f"{name}({self._sheets})"
        self.ws = self.wb.create_sheet(name)
        self.cells = Cells(self.ws)
        set_widths(self.ws, NATIONAL_WIDTHS)
        self.ws.freeze_panes = "A2"
        print_setup(self.ws, "1:1", self.national_title or NATIONAL_TITLE, orientation="portrait")
        self.row = 0
        self._height(30)
        self._append([self.cells.text(h, S_HEAD) for h in NATIONAL_HEADER])

    def _append(self, row: Sequence[object]) -> None:
        if self._sheets and self.row >= EXCEL_MAX_ROWS:
            self._national_sheet()
        self.ws.append(row)
        self.row += 1

    def _height(self, height: float) -> None:
        self.ws.row_dimensions[self.row + 1].height = height

    def write(self, volunteers: Sequence[VolunteerHours]) -> None:
        self.summary(volunteers)
        self.national(volunteers)

    def summary(self, volunteers: Sequence[VolunteerHours]) -> None:
        """Title and header (repeated on every page), a row per volunteer, totals, notes."""
        c = self.cells
        self._height(24)
        self._append([c.text(self.title, S_TITLE)])
        self.ws.merged_cells.add(f"A1:{get_column_letter(len(SUMMARY_HEADER))}1")
        self._height(48)  # the recognition headers wrap to three lines
        self._append([c.text(h, S_HEAD) for h in SUMMARY_HEADER])
        totals = [0] * 9
        heights: list[float] = []
        for v in volunteers:
            counts = (
                v.scheduled,
                v.served,
                v.late,
                v.early_leave,
                v.absent,
                v.walk_in,
                v.month_minutes,
                v.year_minutes,
                v.total_minutes,
            )
            for i, n in enumerate(counts):
                totals[i] += n
            self._append(self._summary_row(v, counts))
            heights.append(self.ws.row_dimensions[self.row].height or TOTAL_HEIGHT)
        # The 合計 row never prints alone atop a page: the last volunteer goes with it.
        if break_before_last(heights, PRINTABLE_PT["landscape"] - 24 - 48, TOTAL_HEIGHT):
            self.ws.row_breaks.append(Break(id=self.row - 1))
        self._height(TOTAL_HEIGHT)
        self._append(
            [
                c.text("合計", S_TOTAL_TEXT),
                c.text(f"{len(volunteers)} 人", S_TOTAL_TEXT),
                None,
                None,
                None,
                *(c.cell(n, S_TOTAL_INT) for n in totals[:6]),
                *(c.cell(hours_of(m), S_TOTAL_HOURS) for m in totals[6:]),
            ]
        )
        self._append([])
        last = get_column_letter(len(SUMMARY_HEADER))
        for note, height in ((HOURS_NOTE, 16), (RULE_NOTE, 30)):
            self._height(height)
            self._append([c.text(note, S_NOTE)])
            self.ws.merged_cells.add(f"A{self.row}:{last}{self.row}")

    def _summary_row(self, v: VolunteerHours, counts: tuple[int, ...]) -> list[object]:
        """A volunteer's row; its height fits the longest wrapped words (name, progress)."""
        c = self.cells
        phone = v.phone if self.include_personal else mask_phone(v.phone)
        certificate = standing_text(v.certificate, v.missing)
        card = standing_text(v.honor_card, v.missing)
        words = {0: v.code, 1: v.name, 3: phone or "", 14: certificate, 16: card}
        self._height(row_height((w, SUMMARY_WIDTHS[i]) for i, w in words.items()))
        return [
            c.text(v.code, S_TEXT),
            c.text(v.name, S_TEXT),
            c.text(workbook.VOLUNTEER_STATUS.get(v.status, v.status), S_TEXT),
            c.text(phone or "", S_TEXT),
            c.text(day_text(v.service_since), S_DATE),
            *(c.cell(n, S_INT) for n in counts[:6]),
            *(c.cell(hours_of(m), S_HOURS) for m in counts[6:]),
            c.text(certificate, S_TEXT),
            c.cell(v.certificate.hours_missing, S_HOURS),
            c.text(card, S_TEXT),
            c.cell(v.honor_card.hours_missing, S_HOURS),
        ]

    def national(self, volunteers: Iterable[VolunteerHours]) -> None:
        """The day rows on their own sheet(s): ROC date, first sign-in, last sign-out, hours."""
        self._national_sheet()
        c = self.cells
        category = c.text(self.service_category)
        days: dict[date, Any] = {}  # the same few hundred dates, formatted once
        for v in volunteers:
            code = c.text(v.code)
            name = c.text(v.name)
            for d in v.days:
                day = days.get(d.day)
                if day is None:
                    day = days[d.day] = c.text(day_text(d.day))
                self._append(
                    [
                        code,
                        name,
                        day,
                        c.cell(naive_local(d.first_in), N_TIME),
                        c.cell(naive_local(d.last_out), N_TIME),
                        c.text(item_text(d)) if d.item else category,
                        c.cell(hours_of(d.minutes), N_HOURS),
                    ]
                )
