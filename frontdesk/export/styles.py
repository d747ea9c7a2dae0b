"""How the monthly workbook's sheets look: fonts, day shading, cell styles and print setup.

Every sheet prints on A4 at 100%: its visible columns add up to no more than the page's
width (`PRINT_WIDTH`, in Excel's character units), so "fit to one page wide" never has
to shrink the text; long text wraps inside its column instead of widening it.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from frontdesk.core.calendar import DayKind
from frontdesk.export.cells import BOX, FMT_HOURS, FMT_TIME, FONT_NAME, PAPER_A4, Style

# The printable width of A4 within print_setup's 0.4-inch side margins, in pixels at 96 per
# inch, the unit a column's width becomes on paper: 297 mm less 20.3 mm landscape, 210 mm
# less the same portrait. A sheet whose printed columns (`printed_px`) stay within it prints
# at 100% when fit to one page wide.
PRINTABLE_PX = {"landscape": 1045.0, "portrait": 716.0}


# The printable height of A4 between print_setup's 0.45-inch top and bottom margins, in
# points, less room for the page header and footer LibreOffice sets inside the margins:
# 210 mm landscape, 297 mm portrait, less 22.9 mm, less 36 pt.
PRINTABLE_PT = {"landscape": 494.0, "portrait": 735.0}


def break_before_last(heights: Sequence[float], room: float, last: float) -> bool:
    """Whether a row of height `last` (a 合計 row) after rows of `heights` would start a
    page of its own: the rows fill pages of `room` points (the page less its repeated
    title rows) one after another, as a spreadsheet program paginates at 100%. The caller
    then breaks the page before the last row, so the total never prints alone."""
    used = 0.0
    for height in heights:
        used = height if used and used + height > room else used + height
    return bool(heights) and used + last > room


def printed_px(widths: Iterable[float]) -> float:
    """The printed width of columns `widths` (Excel's units: the default font's digits):
    7 pixels a unit and 5 of padding a column, as Excel and LibreOffice lay them out."""
    return sum(7 * w + 5 for w in widths)


_F = Font(name=FONT_NAME, size=11)
_F_DATA = Font(name=FONT_NAME, size=10)
_F_DATA_BOLD = Font(name=FONT_NAME, size=10, bold=True)
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
# The tables (attendance, swaps): 10 pt, wrapped, so narrow columns still read at 100%.
S_COLHEAD = Style(font=_F_DATA_BOLD, fill=FILL_HEAD, border=BOX, alignment=_CENTER)
S_TEXT = Style(font=_F_DATA, border=BOX, alignment=_MID)
S_CENTER = Style(font=_F_DATA, border=BOX, alignment=_CENTER)
S_TIME = Style(font=_F_DATA, border=BOX, number_format=FMT_TIME, alignment=_CENTER)
S_INT = Style(font=_F_DATA, border=BOX, number_format="0", alignment=_MID)
S_HOURS = Style(font=_F_DATA, border=BOX, number_format=FMT_HOURS, alignment=_MID)
# The hidden real-date columns beside the ROC text (see print_setup's callers): sortable
# values for formulas and pivot tables, never printed.
S_REAL_DATE = Style(number_format="yyyy/mm/dd")
S_REAL_DATETIME = Style(number_format="yyyy/mm/dd hh:mm")


_DAY_STYLES: dict[tuple[int, bool], tuple[PatternFill | None, Style]] = {}


def day_style(fill: PatternFill | None, *, center: bool = False) -> Style:
    """A boxed cell of a day's row, shaded by the day's kind: one Style per fill and
    alignment, made once (Style compares by identity; a new one per cell would make a new
    prototype cell each time). The cache keeps the fill alive, so its id is not reused."""
    key = (id(fill), center)
    found = _DAY_STYLES.get(key)
    if found is None:
        style = Style(font=_F, fill=fill, border=BOX, alignment=_CENTER if center else _MID)
        found = _DAY_STYLES[key] = (fill, style)
    return found[1]


def print_setup(
    ws: WriteOnlyWorksheet, title_rows: str, header: str, *, orientation: str = "landscape"
) -> None:
    """A4 in `orientation`, fit to one page wide only (as many pages tall as it takes),
    `title_rows` (e.g. "1:2") repeated atop every page, `header` in every page's header."""
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = PAPER_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.45
    ws.page_margins.header = ws.page_margins.footer = 0.2
    if header:
        ws.oddHeader.center.text = header.replace("&", "&&")
        ws.oddHeader.center.size = 9
    ws.oddFooter.center.text = "第 &P 頁，共 &N 頁"
    ws.oddFooter.center.size = 9


def set_widths(
    ws: WriteOnlyWorksheet, widths: tuple[float, ...], *, hidden: tuple[float, ...] = ()
) -> None:
    """Column widths in Excel's character units, from column A; then the `hidden` columns
    (real date values kept for sorting), which do not print."""
    for i, width in enumerate((*widths, *hidden), start=1):
        dim = ws.column_dimensions[get_column_letter(i)]
        dim.width = width
        if i > len(widths):
            dim.hidden = True


def _units(text: str, point: float) -> float:
    """The width of `text` in column-width units at `point` size: a wide (CJK) character
    about two digits, any other about one, both scaled from the 11 pt the units are of."""
    wide = sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")
    return (2.0 * wide + 0.95 * (len(text) - wide)) * point / 11


def wrapped_lines(text: str, width: float, *, point: float = 10) -> int:
    """How many lines `text` takes wrapped in a column `width` units wide: words (runs
    without spaces) move whole to the next line, wide characters break anywhere, and a
    word longer than the line breaks where it must, as spreadsheet programs wrap."""
    room = max(width - 0.5, 1.0)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in _words(paragraph):
            size = _units(word, point)
            if used and used + size > room:
                lines += 1
                used = 0.0
            while size > room:  # a word wider than the column breaks inside
                lines += 1
                size -= room
            used += size
    return lines


def _words(text: str) -> list[str]:
    """Spaces stay with the word before; each wide character is a word of its own."""
    words: list[str] = []
    run = ""
    for ch in text:
        if unicodedata.east_asian_width(ch) in "WF":
            if run:
                words.append(run)
                run = ""
            words.append(ch)
        else:
            run += ch
            if ch == " ":
                words.append(run)
                run = ""
    if run:
        words.append(run)
    return words


def row_height(cells: Iterable[tuple[object, float]], *, point: float = 10) -> float:
    """The height in points a row of wrapped text needs to show every (text, column width)
    whole. Written as the row's height, because a spreadsheet program does not re-measure
    rows of a file it opens (LibreOffice keeps the default height and overlaps the lines)."""
    lines = max(
        (wrapped_lines(str(text), width, point=point) for text, width in cells if text),
        default=1,
    )
    return math.ceil(lines * point * 1.32 + 3)
