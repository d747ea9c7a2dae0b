"""Safe, fast cells for write-only worksheets.

Every string that may come from the database goes through `text()`: characters Excel
refuses and invisible ones are removed (core.text.for_cell, the same definition input
is cleaned by), and a string that openpyxl would turn into a formula (or that Excel
would read as one when edited: = + - @) is written as an explicit text cell.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from frontdesk.core.text import for_cell, reads_as_formula
from frontdesk.core.timeutil import local

PAPER_A4 = "9"  # the OOXML paper size code of A4

FONT_NAME = "Microsoft JhengHei"
FMT_DATE = "yyyy/mm/dd"
FMT_TIME = "hh:mm"
FMT_DATETIME = "yyyy/mm/dd hh:mm"
FMT_HOURS = "0.00"
FMT_INT = "0"

THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def clean(value: object) -> str:
    """The text of a value as every workbook of the app writes it (core.text.for_cell)."""
    return for_cell(value if isinstance(value, str) else str(value))


def naive_local(dt: datetime | None) -> datetime | None:
    """An aware instant as the naive Asia/Taipei wall-clock time Excel shows."""
    return None if dt is None else local(dt).replace(tzinfo=None)


@dataclass(frozen=True, eq=False)
class Style:
    """A cell's look. Compared and hashed by identity (eq=False): Cells keys its prototype
    cells by style, and a field-wise hash recursed through openpyxl's Font, Border and
    Alignment on every cell (a quarter of the monthly export's time). Make each style once
    (module constants, styles.day_style's cache), not per cell."""

    font: Font | None = None
    fill: PatternFill | None = None
    border: Border | None = None
    alignment: Alignment | None = None
    number_format: str | None = None


PLAIN = Style()  # no look of its own: a text cell that only needs its quote prefix


class Cells:
    """Makes styled write-only cells for one worksheet, each style resolved once.

    openpyxl registers a cell's font/fill/border/... in the workbook on every assignment;
    resolving a style once on a prototype cell and copying its style array keeps the
    per-cell cost of a styled cell close to an unstyled one (the city export has millions).
    """

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self._protos: dict[tuple[Style, bool], WriteOnlyCell] = {}

    def _proto(self, style: Style, quote: bool) -> WriteOnlyCell:
        key = (style, quote)
        proto = self._protos.get(key)
        if proto is None:
            proto = WriteOnlyCell(self.ws)
            if style.font is not None:
                proto.font = style.font
            if style.fill is not None:
                proto.fill = style.fill
            if style.border is not None:
                proto.border = style.border
            if style.alignment is not None:
                proto.alignment = style.alignment
            if style.number_format is not None:
                proto.number_format = style.number_format
            if quote:
                proto.quotePrefix = True
            self._protos[key] = proto
        return proto

    def cell(self, value: Any, style: Style | None = None) -> Any:
        """A value for `ws.append`: the value itself when unstyled, else a styled cell; a
        string is text (cleaned as text() cleans it)."""
        if isinstance(value, str):
            return self.text(value, style)
        if style is None:
            return value
        c = WriteOnlyCell(self.ws, value)
        c._style = copy(self._proto(style, False)._style)  # see the class docstring
        return c

    def text(self, value: object, style: Style | None = None) -> Any:
        """A string from the database (or built from it), always stored as text."""
        if value is None:
            return self.cell(None, style) if style is not None else None
        s = clean(value)
        if reads_as_formula(s):
            c = WriteOnlyCell(self.ws, None)
            c._style = copy(self._proto(style or PLAIN, True)._style)
            c._value = s
            c.data_type = "s"
            return c
        if style is None:
            return s
        c = WriteOnlyCell(self.ws, s)
        c._style = copy(self._proto(style, False)._style)
        return c
