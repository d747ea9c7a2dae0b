"""The 服務時數 sheet: per-volunteer totals and recognition progress, then one row per
volunteer per day shaped for the Ministry of Health and Welfare volunteer system.

Written through a write-only worksheet so a city's year (10,000 volunteers, hundreds of
thousands of day rows) streams to disk; past Excel's row limit it continues on a new sheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

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
    FMT_DATE,
    FMT_HOURS,
    FMT_TIME,
    FONT_NAME,
    PAPER_A4,
    Cells,
    Style,
    naive_local,
)
from frontdesk.services.reports import VolunteerHours
from frontdesk.words import workbook
from frontdesk.words.dates import format_roc_short

EXCEL_MAX_ROWS = 1_048_576

SUMMARY_HEADER = (
    "志工編號",
    "姓名",
    "狀態",
    "電話",
    "年資起算日",
    "本月排班",
    "本月實到",
    "遲到",
    "早退",
    "缺勤",
    "臨時",
    "本月時數",
    "本年時數",
    "累計時數",
    f"績效證明書（滿{CERTIFICATE_YEARS}年且{CERTIFICATE_HOURS}小時）",
    "績效證明書尚差時數",
    f"榮譽卡（滿{HONOR_CARD_YEARS}年且{HONOR_CARD_HOURS}小時）",
    "榮譽卡尚差時數",
)
# The day rows below share the columns: each width fits both blocks (date, times, category).
SUMMARY_WIDTHS = (11, 16, 11, 15, 11, 16, 9, 6, 6, 6, 6, 9, 9, 9, 28, 11, 28, 11)
NATIONAL_HEADER = ("志工編號", "姓名", "服務日期", "開始時間", "結束時間", "服務項目", "服務時數")

RULE_NOTE = (
    f"說明：績效證明書需服務滿{CERTIFICATE_YEARS}年且服務時數達{CERTIFICATE_HOURS}小時；"
    f"榮譽卡需服務滿{HONOR_CARD_YEARS}年且服務時數達{HONOR_CARD_HOURS}小時，"
    "已用於申請榮譽卡的時數不得重複採計。本表以至本月底的累計時數計算，"
    "已領卡者請扣除已採計時數後核對。年資自加入日起算（未填者自首次值勤日）。"
)
HOURS_NOTE = "時數為實際值勤認列時數（不含交通與訓練時數），本年＝1月1日至本月底，累計＝至本月底。"
NATIONAL_TITLE = "衛生福利部志願服務資訊整合系統 時數登錄（每人每日一列，可直接複製貼上）"

_FONT = Font(name=FONT_NAME, size=10)
_BOLD = Font(name=FONT_NAME, size=10, bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="F2F2F2")
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

S_TITLE = Style(font=Font(name=FONT_NAME, size=14, bold=True))
S_NOTE = Style(font=Font(name=FONT_NAME, size=9), alignment=Alignment(vertical="top"))
S_HEAD = Style(font=_BOLD, fill=_HEAD_FILL, border=BOX, alignment=_CENTER)
S_TEXT = Style(font=_FONT, border=BOX)
S_INT = Style(font=_FONT, border=BOX, number_format="0")
S_HOURS = Style(font=_FONT, border=BOX, number_format=FMT_HOURS)
S_DATE = Style(font=_FONT, border=BOX, number_format=FMT_DATE)
S_TIME = Style(font=_FONT, border=BOX, number_format=FMT_TIME)
# The day rows are for copying into the national system and can run to a million: only
# the number formats they need, no borders or fonts (each styled cell costs openpyxl time).
N_DATE = Style(number_format=FMT_DATE)
N_TIME = Style(number_format=FMT_TIME)
N_HOURS = Style(number_format=FMT_HOURS)
S_TOTAL_TEXT = Style(font=_BOLD, border=BOX)
S_TOTAL_INT = Style(font=_BOLD, border=BOX, number_format="0")
S_TOTAL_HOURS = Style(font=_BOLD, border=BOX, number_format=FMT_HOURS)


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


@dataclass
class HoursSheetWriter:
    """Writes the hours sheet(s) into a write-only workbook; one instance per workbook."""

    wb: Workbook
    title: str
    service_category: str
    include_personal: bool = False
    sheet_name: str = workbook.SHEET_HOURS

    def __post_init__(self) -> None:
        self._sheets = 0
        self.ws, self.cells = self._new_sheet()
        self.row = 0

    def _new_sheet(self) -> tuple[WriteOnlyWorksheet, Cells]:
        self._sheets += 1
        name = self.sheet_name if self._sheets == 1 else f"{self.sheet_name}({self._sheets})"
        ws = self.wb.create_sheet(name)
        for i, width in enumerate(SUMMARY_WIDTHS, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = PAPER_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.oddFooter.center.text = "第 &P 頁，共 &N 頁"
        ws.oddFooter.center.size = 9
        return ws, Cells(ws)

    def _append(self, row: Sequence[object]) -> None:
        if self.row >= EXCEL_MAX_ROWS:
            self.ws, self.cells = self._new_sheet()
            self.row = 0
            self._national_header()
        self.ws.append(row)
        self.row += 1

    def _height(self, height: float) -> None:
        self.ws.row_dimensions[self.row + 1].height = height

    def write(self, volunteers: Sequence[VolunteerHours]) -> None:
        self.summary(volunteers)
        self.national(volunteers)

    def summary(self, volunteers: Sequence[VolunteerHours]) -> None:
        c = self.cells
        self._height(22)
        self._append([c.text(self.title, S_TITLE)])
        self._append([c.text(HOURS_NOTE, S_NOTE)])
        self._height(32)
        self._append([c.text(h, S_HEAD) for h in SUMMARY_HEADER])
        totals = [0] * 9
        for v in volunteers:
            phone = v.phone if self.include_personal else mask_phone(v.phone)
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
            self._append(
                [
                    c.text(v.code, S_TEXT),
                    c.text(v.name, S_TEXT),
                    c.text(workbook.VOLUNTEER_STATUS.get(v.status, v.status), S_TEXT),
                    c.text(phone or "", S_TEXT),
                    c.cell(v.service_since, S_DATE),
                    *(c.cell(n, S_INT) for n in counts[:6]),
                    *(c.cell(hours_of(m), S_HOURS) for m in counts[6:]),
                    c.text(recognition_text(v.certificate), S_TEXT),
                    c.cell(v.certificate.hours_missing, S_HOURS),
                    c.text(recognition_text(v.honor_card), S_TEXT),
                    c.cell(v.honor_card.hours_missing, S_HOURS),
                ]
            )
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
        self._height(30)
        self._append([c.text(RULE_NOTE, S_NOTE)])
        self.ws.merged_cells.add(f"A{self.row}:{get_column_letter(len(SUMMARY_HEADER))}{self.row}")
        self._append([])

    def _national_header(self) -> None:
        c = self.cells
        self._append([c.text(NATIONAL_TITLE, S_TITLE)])
        self._append([c.text(h, S_HEAD) for h in NATIONAL_HEADER])

    def national(self, volunteers: Iterable[VolunteerHours]) -> None:
        self._national_header()
        c = self.cells
        category = c.text(self.service_category)
        for v in volunteers:
            code = c.text(v.code)
            name = c.text(v.name)
            for d in v.days:
                self._append(
                    [
                        code,
                        name,
                        c.cell(d.day, N_DATE),
                        c.cell(naive_local(d.first_in), N_TIME),
                        c.cell(naive_local(d.last_out), N_TIME),
                        category,
                        c.cell(hours_of(d.minutes), N_HOURS),
                    ]
                )
