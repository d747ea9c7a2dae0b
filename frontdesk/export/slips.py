"""Paper duty slips: each volunteer's month on a quarter of an A4 sheet (2 × 2, cut along
the dashed lines), in large type, with the desk's phone for a swap and the swap rule in
one line. Drawn with QPainter, so the same page goes to a PDF (QPdfWriter) or to a printer
chosen in Qt's print dialog. Needs a QGuiApplication.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from frontdesk.core.notices import DutyState
from frontdesk.services.context import Desk
from frontdesk.services.context import settings as desk_settings
from frontdesk.services.notices import DeskFacts, VolunteerDuties, volunteer_duties
from frontdesk.services.roster import month_bounds
from frontdesk.words import notices as words

PAGE_W, PAGE_H = 210.0, 297.0  # A4 portrait, mm
PER_PAGE = 4
PAD = 8.0  # mm inside each slip
FONT = "Noto Sans CJK TC"


@dataclass(frozen=True)
class Slip:
    """One volunteer's slip: name, month, the duty lines (cancelled ones marked), footer."""

    name: str
    month: str
    lines: list[str]
    footer: list[str]
    struck: frozenset[int] = frozenset()  # indexes of cancelled duties, drawn struck out


def make_slips(
    facts: DeskFacts, everyone: Sequence[VolunteerDuties], year: int, month: int, desk: Desk
) -> list[Slip]:
    """The slips of these volunteers for the month, in code order; those with no duty too
    (a slip saying so), when they were chosen by name."""
    slots = {s.code: s for s in desk_settings(desk).slots}
    rule = words.swap_rule(facts.swap_notice_days)
    footer = [rule] + ([words.phone_line(facts)] if facts.phone else [])
    out = []
    for person in everyone:
        lines: list[str] = []
        struck: set[int] = set()
        for d in person.duties:
            slot = slots.get(d.slot)
            if slot is None:
                continue
            if d.state is not DutyState.ON:
                struck.add(len(lines))
            lines.append(words.slip_duty(d.day, slot))
        out.append(
            Slip(
                person.person.name,
                words.slip_month(year, month),
                lines or [words.slip_no_duty()],
                footer,
                frozenset(struck),
            )
        )
    return out


def slips_for(
    desk: Desk, year: int, month: int, volunteer_ids: list[int] | None = None
) -> list[Slip]:
    """The month's slips: every volunteer with a duty, or the ones chosen (all of them)."""
    start, end = month_bounds(year, month)
    facts, everyone = volunteer_duties(desk, start, end, volunteer_ids)
    if volunteer_ids is None:
        everyone = [p for p in everyone if p.duties]
    return make_slips(facts, everyone, year, month, desk)


def paint_slips(
    painter: QPainter, mm: float, slips: Sequence[Slip], new_page: Callable[[], object]
) -> int:
    """Draw the slips four to a page from the painter's origin (A4 portrait, `mm` device
    units per millimetre), calling `new_page` between pages; returns the page count."""
    w, h = PAGE_W / 2, PAGE_H / 2
    for n, slip in enumerate(slips):
        if n and n % PER_PAGE == 0:
            new_page()
        col, row = n % 2, (n % PER_PAGE) // 2
        _slip(painter, QRectF(col * w * mm, row * h * mm, w * mm, h * mm), slip, mm)
    return (len(slips) + PER_PAGE - 1) // PER_PAGE


def _font(size_mm: float, mm: float, bold: bool = False) -> QFont:
    font = QFont(FONT)
    font.setPixelSize(max(1, int(size_mm * mm)))
    font.setBold(bold)
    return font


def _fitting(lines: Sequence[str], size: float, width: float, mm: float) -> float:
    """The largest type up to `size` mm in which every line fits `width` on one line."""
    while size > 2.5:
        metrics = QFontMetricsF(_font(size, mm))
        if all(metrics.horizontalAdvance(line) <= width for line in lines):
            break
        size -= 0.2
    return size


def _slip(painter: QPainter, box: QRectF, slip: Slip, mm: float) -> None:
    pen = QPen(QColor("#999999"))
    pen.setWidthF(0.2 * mm)
    pen.setStyle(Qt.PenStyle.DashLine)  # where to cut
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)
    inner = box.adjusted(PAD * mm, PAD * mm, -PAD * mm, -PAD * mm)
    painter.setPen(QColor("black"))
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    y = inner.top()
    for text, size, bold in ((slip.name, 8.0, True), (slip.month, 5.5, False)):
        size = _fitting([text], size, inner.width(), mm)
        painter.setFont(_font(size, mm, bold))
        painter.drawText(QRectF(inner.left(), y, inner.width(), size * 1.4 * mm), left, text)
        y += size * 1.4 * mm
    y += 2 * mm
    footer_font = _font(4.0, mm)
    footer_h = sum(
        QFontMetricsF(footer_font)
        .boundingRect(QRectF(0, 0, inner.width(), 40 * mm), wrap, line)
        .height()
        + 1 * mm
        for line in slip.footer
    )
    room = inner.bottom() - footer_h - 3 * mm - y
    size = min(5.5, room / max(1, len(slip.lines)) / mm / 1.4)  # large type while it fits
    size = _fitting(slip.lines, size, inner.width(), mm)
    step = size * 1.4 * mm
    for n, line in enumerate(slip.lines):
        font = _font(size, mm)
        font.setStrikeOut(n in slip.struck)  # a duty taken away: still legible, clearly off
        painter.setFont(font)
        painter.drawText(QRectF(inner.left(), y, inner.width(), step), left, line)
        y += step
    painter.setFont(footer_font)
    y = inner.bottom() - footer_h
    for line in slip.footer:
        rect = QRectF(inner.left(), y, inner.width(), 40 * mm)
        used = painter.boundingRect(rect, wrap, line)
        painter.drawText(rect, wrap, line)
        y += used.height() + 1 * mm


def a4(device: QPagedPaintDevice) -> None:
    """A4 portrait without margins: the slips' own edges are the cutting lines."""
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )


def write_slips_pdf(slips: Sequence[Slip], path: Path) -> int:
    """Write the slips to an A4 PDF, four per page; returns the number of pages."""
    if not slips:
        raise ValueError("no slips to print")
    tmp = path.with_name(f".frontdesk-tmp-{path.name}")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(300)
    a4(writer)
    writer.setTitle("Duty slips")
    painter = QPainter(writer)
    try:
        pages = paint_slips(painter, 300 / 25.4, slips, writer.newPage)
    finally:
        painter.end()
    tmp.replace(path)
    return pages
