"""Printing the filled 電話服務品質及禮貌測試紀錄表 (export.phone_form) on A4: to a PDF file,
or to a printer the supervisor chooses, through Qt's text document and printer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

MARGINS_MM = QMarginsF(12, 8, 12, 8)
FONT_FAMILY = "Noto Sans CJK TC"  # the form's CSS names it first, with Windows' own after


def _document(html: str, printer: QPrinter) -> QTextDocument:
    """The form laid out on the printer itself: its fonts measured at the printer's
    resolution and its page the printer's page, so the same form comes out whatever the
    screen's resolution or the application's font (and without page numbers)."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(printer)
    doc.setDefaultFont(QFont(FONT_FAMILY, 9))
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setPageSize(QSizeF(printer.pageRect(QPrinter.Unit.DevicePixel).size()))
    return doc


def _a4(printer: QPrinter) -> None:
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)


def print_pdf(html: str, path: Path) -> Path:
    """Write the form to `path` as an A4 PDF; the path written."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    _a4(printer)
    _document(html, printer).print_(printer)
    return path


def print_on_paper(parent: QWidget | None, html: str) -> bool:
    """Ask for a printer and print the form on A4; False when the supervisor cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _a4(printer)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    _document(html, printer).print_(printer)
    return True
