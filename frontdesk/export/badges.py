"""A printable badge sheet: each volunteer's code as a Code 128 barcode the desk scanner reads.

Drawn with QPainter into a PDF (QPdfWriter), so no barcode library is needed. A keyboard-wedge
scanner types exactly the encoded code followed by Enter, which the kiosk takes as a typed code.
Needs a QGuiApplication (the supervisor workspace has one).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

# Element widths (bar, space, bar, ...) of the Code 128 symbols 0-106 (ISO/IEC 15417).
# Every symbol is 11 modules wide; the stop (106) is 13 with its termination bar.
_WIDTH_TABLE = (
    "212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 "
    "221312 231212 112232 122132 122231 113222 123122 123221 223211 221132 "
    "221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 "
    "212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 "
    "231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 "
    "231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 "
    "314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 "
    "112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 "
    "111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 "
    "214121 412121 111143 111341 131141 114113 114311 411113 411311 113141 "
    "114131 311141 411131 211412 211214 211232 2331112"
)
WIDTHS = tuple(_WIDTH_TABLE.split())
START_B, START_C, STOP = 104, 105, 106
QUIET = 10  # modules of white on each side


class BadgeLike(Protocol):
    code: str
    name: str


def code128_values(text: str) -> list[int]:
    """Symbol values (start, data, checksum, stop): set C for an even run of digits, else set B."""
    if not text:
        raise ValueError("nothing to encode")
    if any(not 32 <= ord(ch) <= 126 for ch in text):
        raise ValueError(f"Code 128 B cannot encode {text!r}")
    if text.isdigit() and len(text) % 2 == 0:
        values = [START_C] + [int(text[i : i + 2]) for i in range(0, len(text), 2)]
    else:
        values = [START_B] + [ord(ch) - 32 for ch in text]
    checksum = (values[0] + sum(i * v for i, v in enumerate(values[1:], start=1))) % 103
    return [*values, checksum, STOP]


def code128_modules(text: str) -> list[int]:
    """The run widths, bar first, alternating bar and space, of the whole barcode."""
    return [int(w) for v in code128_values(text) for w in WIDTHS[v]]


def draw_code128(painter: QPainter, rect: QRectF, text: str) -> None:
    """Bars filling `rect` (quiet zones included) in black on white."""
    runs = code128_modules(text)
    modules = sum(runs) + 2 * QUIET
    unit = rect.width() / modules
    x = rect.left() + QUIET * unit
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for i, width in enumerate(runs):
        if i % 2 == 0:
            painter.drawRect(QRectF(x, rect.top(), width * unit, rect.height()))
        x += width * unit
    painter.restore()


# Card size (mm) and sheet layout on A4 portrait: 2 columns × 5 rows.
CARD_W, CARD_H = 85.0, 54.0
COLUMNS, ROWS = 2, 5
MARGIN_X, MARGIN_Y, GAP = 15.0, 8.0, 6.0


def write_badge_sheet(entries: Sequence[BadgeLike], path: Path, agency: str = "") -> int:
    """Write an A4 PDF of badges, ten per page; returns the number of pages."""
    if not entries:
        raise ValueError("no volunteers to print")
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle("Volunteer badges")
    mm = 300 / 25.4
    painter = QPainter(writer)
    try:
        per_page = COLUMNS * ROWS
        pages = (len(entries) + per_page - 1) // per_page
        for n, entry in enumerate(entries):
            if n and n % per_page == 0:
                writer.newPage()
            slot = n % per_page
            col, row = slot % COLUMNS, slot // COLUMNS
            x = (MARGIN_X + col * (CARD_W + GAP)) * mm
            y = (MARGIN_Y + row * (CARD_H + GAP)) * mm
            _card(painter, QRectF(x, y, CARD_W * mm, CARD_H * mm), entry, agency, mm)
    finally:
        painter.end()
    return pages


def _card(painter: QPainter, card: QRectF, entry: BadgeLike, agency: str, mm: float) -> None:
    pen = QPen(QColor("#999999"))
    pen.setWidthF(0.2 * mm)
    pen.setStyle(Qt.PenStyle.DashLine)  # a cutting line
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(card)
    inner = card.adjusted(4 * mm, 3 * mm, -4 * mm, -3 * mm)
    painter.setPen(QColor("black"))
    small = QFont("Noto Sans CJK TC")
    small.setPixelSize(int(3.2 * mm))
    painter.setFont(small)
    painter.drawText(
        QRectF(inner.left(), inner.top(), inner.width(), 5 * mm),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        agency,
    )
    big = QFont("Noto Sans CJK TC")
    big.setPixelSize(int(7 * mm))
    big.setBold(True)
    painter.setFont(big)
    painter.drawText(
        QRectF(inner.left(), inner.top() + 6 * mm, inner.width(), 10 * mm),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        entry.name,
    )
    # Module width ~0.38 mm at most, so short codes stay compact and long ones still fit.
    modules = sum(code128_modules(entry.code)) + 2 * QUIET
    width = min(inner.width(), modules * 0.38 * mm)
    bars = QRectF(inner.left(), inner.top() + 18 * mm, width, 17 * mm)
    draw_code128(painter, bars, entry.code)
    mono = QFont("DejaVu Sans Mono")
    mono.setPixelSize(int(4 * mm))
    painter.setFont(mono)
    painter.drawText(
        QRectF(bars.left(), bars.bottom() + 1 * mm, width, 5 * mm),
        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
        entry.code,
    )
