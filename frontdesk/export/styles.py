"""How the monthly workbook's sheets look: fonts, day shading, cell styles and print setup."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from frontdesk.core.calendar import DayKind
from frontdesk.export.cells import BOX, FMT_DATE, FMT_HOURS, FMT_TIME, FONT_NAME, PAPER_A4, Style

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


def day_style(fill: PatternFill | None, *, center: bool = False) -> Style:
    """A boxed cell of a day's row, shaded by the day's kind."""
    return Style(font=_F, fill=fill, border=BOX, alignment=_CENTER if center else _MID)


def print_setup(ws: WriteOnlyWorksheet, title_rows: str, header: str) -> None:
    """A4 landscape, one page wide, `title_rows` repeated, `header` atop every page."""
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


def set_widths(ws: WriteOnlyWorksheet, widths: tuple[float, ...]) -> None:
    """Column widths in Excel's character units, from column A."""
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
