"""The printable A4 service-hours statement (服務時數證明) of one volunteer for a date range:
the agency, the volunteer, every recorded duty and hand-entered hours, the total, and a
line for the supervisor's stamp. Prior hours are not this desk's service and never appear.

Written as HTML laid out by QTextDocument and printed by Qt into a PDF (QPdfWriter, A4):
the table's header row repeats on every page. Printing needs a QGuiApplication; without one
(the command line) the HTML is printed by a child process that makes its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.core.timeutil import local_day
from frontdesk.services.context import Desk, settings
from frontdesk.services.records import ServiceRecord, hours_step, service_record
from frontdesk.words import records_paper as P
from frontdesk.words.dates import format_roc_date, format_roc_short
from frontdesk.words.records import hours_text

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

MARGIN_MM = 18.0
_CSS = """
body { font-size: 11pt; }
h1 { font-size: 20pt; text-align: center; margin-bottom: 12px; }
table.lines { border-collapse: collapse; }
table.lines th { background: #eeeeee; border: 1px solid #444; padding: 4px; }
table.lines td { border: 1px solid #444; padding: 4px; }
td.n { text-align: right; }
table.total td { border: 1px solid #444; padding: 4px; }
p.note { font-size: 9pt; }
"""


def period_text(first: date, last: date) -> str:
    """民國115年1月1日至民國115年11月30日."""
    return P.PERIOD.format(
        first=format_roc_date(first, weekday=False), last=format_roc_date(last, weekday=False)
    )


def file_name(rec: ServiceRecord) -> str:
    return P.STATEMENT_FILE.format(
        code=rec.code,
        first=format_roc_short(rec.first).replace("/", ""),
        last=format_roc_short(rec.last).replace("/", ""),
    )


def _rows(rec: ServiceRecord) -> list[str]:
    rows = []
    for line in rec.lines:
        slot = P.SLOT_WORDS.get(line.slot or "", line.slot or "") if line.slot else P.BY_HAND
        rows.append(
            "<tr>"
            f"<td>{format_roc_short(line.day)}</td><td>{escape(slot)}</td>"
            f"<td>{escape(line.item)}</td><td class='n'>{hours_text(line.minutes)}</td>"
            f"<td>{escape(line.reason)}</td></tr>"
        )
    return rows


# Column widths (%) shared by the lines and the total, so the total reads as their last row.
WIDTHS = (19, 9, 27, 13, 32)
TAIL = "statement-tail"  # the total, the certification, the stamp box and the date


def _trainings(rec: ServiceRecord) -> str:
    """The volunteer's trainings, one per line, and a missing basic or special one said."""
    lines = []
    for t in rec.trainings:
        issuer = f"（{t.issuer}）" if t.issuer else ""
        lines.append(
            P.TRAINING_LINE.format(
                kind=P.TRAINING_KINDS.get(t.kind, t.kind),
                title=t.title,
                day=format_roc_short(t.taken_on),
                hours=f"{t.hours:g}",
                issuer=issuer,
            )
        )
    kinds = {t.kind for t in rec.trainings}
    lines += [
        P.TRAINING_MISSING.format(kind=word)
        for kind, word in P.TRAINING_KINDS.items()
        if kind not in kinds
    ]
    return "<br/>".join(escape(x) for x in lines)


def statement_html(
    rec: ServiceRecord, issued_on: date, step_minutes: int = 30, *, tail_on_new_page: bool = False
) -> str:
    """The statement as HTML for QTextDocument: words from words.records_paper. The total,
    the stamp box and the date are one block after the lines (TAIL); `tail_on_new_page`
    starts it on a page of its own (print_pdf sets it when the block would be split)."""
    total = hours_text(rec.total_minutes)
    book = rec.record_book[0] if rec.record_book else P.BOOK_MISSING
    head = "".join(f"<th width='{w}%'>{h}</th>" for h, w in zip(P.COLUMNS, WIDTHS, strict=True))
    w = [f"width='{x}%'" for x in WIDTHS]
    brk = "page-break-before: always;" if tail_on_new_page else ""
    rows = _rows(rec) or [f"<tr><td colspan='5'>{P.NONE_SERVED}</td></tr>"]
    step = hours_text(step_minutes) if step_minutes > 0 else "0.01"
    issued = P.ISSUED.format(day=format_roc_date(issued_on, weekday=False))
    return (
        f"<html><head><style>{_CSS}</style></head><body>"
        f"<h1>{P.STATEMENT_TITLE}</h1>"
        "<table cellspacing='0' cellpadding='3'>"
        f"<tr><td><b>{P.LABEL_AGENCY}</b></td><td>{escape(rec.agency_name)}</td></tr>"
        f"<tr><td><b>{P.LABEL_VOLUNTEER}</b></td>"
        f"<td>{escape(rec.name)}（{escape(rec.code)}）</td></tr>"
        f"<tr><td><b>{P.LABEL_PERIOD}</b></td><td>{period_text(rec.first, rec.last)}</td></tr>"
        f"<tr><td><b>{P.LABEL_BOOK}</b></td><td>{escape(book)}</td></tr>"
        f"<tr><td valign='top'><b>{P.LABEL_TRAININGS}</b></td><td>{_trainings(rec)}</td></tr>"
        "</table><br/>"
        "<table class='lines' width='100%' cellspacing='0' cellpadding='4'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<a name='{TAIL}'></a>"
        f"<table class='total' width='100%' cellspacing='0' cellpadding='4' style='{brk}'><tr>"
        f"<td {w[0]}><b>{P.TOTAL}</b></td><td {w[1]}></td><td {w[2]}></td>"
        f"<td {w[3]} class='n'><b>{total}</b></td><td {w[4]}></td></tr></table>"
        f"<p>{P.CERTIFY.format(period=period_text(rec.first, rec.last), hours=total)}</p>"
        f"<p class='note'>{P.HOURS_NOTE.format(step=step)}</p><br/><br/>"
        "<table width='100%'><tr>"
        f"<td width='60%'>{P.SIGN_LINE}</td>"
        f"<td width='40%' style='border: 1px solid #444; height: 90px;' align='center'>"
        f"{P.STAMP_BOX}<br/><br/><br/><br/></td></tr></table>"
        f"<p align='center'>{issued}</p>"
        "</body></html>"
    )


def write_statement(desk: Desk, code: str, first: date, last: date, path: Path) -> Path:
    """The volunteer's statement for [first, last] printed into `path` (a PDF), dated today
    at the desk; a folder gets the statement's own file name inside it."""
    rec = service_record(desk, code, first, last)
    if path.is_dir():
        path = path / file_name(rec)
    day, step = local_day(desk.now()), hours_step(settings(desk))
    html = statement_html(rec, day, step)
    return print_pdf(html, path, statement_html(rec, day, step, tail_on_new_page=True))


def print_pdf(html: str, path: Path, moved: str = "") -> Path:
    """Print `html` on A4 pages into the PDF `path`, by Qt; in a child process when this
    one has no QGuiApplication (the command line runs with a QCoreApplication only).
    When the block from the TAIL anchor to the end would be split across pages, `moved`
    (the same page with that block starting a new page) is printed instead."""
    from PySide6.QtGui import QGuiApplication

    if isinstance(QGuiApplication.instance(), QGuiApplication):
        _print_here(html, path, moved)
        return path
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    subprocess.run(
        [sys.executable, "-m", "frontdesk.export.statement", str(path)],
        input=(html + SPLIT + moved).encode("utf-8"),
        env=env,
        check=True,
        capture_output=True,
    )
    return path


SPLIT = "\n<!--moved-->\n"  # between the two versions on the child's input


def _tail_split(doc: QTextDocument) -> bool:
    """Whether the laid-out (paginated) `doc`'s block from the TAIL anchor to its end
    runs over a page break."""
    from PySide6.QtGui import QTextCursor

    page = doc.pageSize().height()
    layout = doc.documentLayout()
    block = doc.begin()
    start = None
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if TAIL in it.fragment().charFormat().anchorNames():
                start = block
            it += 1
        if start is not None:
            break
        block = block.next()
    if start is None:
        return False
    end = QTextCursor(doc)
    end.movePosition(QTextCursor.MoveOperation.End)
    top = layout.blockBoundingRect(start).top()
    last = layout.blockBoundingRect(end.block()).bottom()
    return int(top // page) != int((last - 1) // page)


def _print_here(html: str, path: Path, moved: str = "") -> None:
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    writer.setResolution(300)
    writer.setTitle(P.STATEMENT_TITLE)
    rect = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    doc = QTextDocument()
    doc.setPageSize(QSizeF(rect.width(), rect.height()))  # paginated: pages as printed
    doc.setHtml(html)
    if moved and _tail_split(doc):
        doc.setHtml(moved)
    doc.print_(writer)  # header row on every page


def _child() -> None:
    """python -m frontdesk.export.statement OUT.pdf < statement.html"""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([sys.argv[0]])
    html, _, moved = sys.stdin.buffer.read().decode("utf-8").partition(SPLIT)
    _print_here(html, Path(sys.argv[1]), moved)
    app.shutdown()


if __name__ == "__main__":
    _child()
