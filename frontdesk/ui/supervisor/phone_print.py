"""Printing the filled 電話服務品質及禮貌測試紀錄表 (export.phone_form) on A4: to a PDF file,
or to a printer the supervisor chooses, through Qt's text document and printer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

MARGINS_MM = QMarginsF(12, 8, 12, 8)


def _document(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setHtml(html)
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
    _document(html).print_(printer)
    return path


def print_on_paper(parent: QWidget | None, html: str) -> bool:
    """Ask for a printer and print the form on A4; False when the supervisor cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _a4(printer)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    _document(html).print_(printer)
    return True
