"""報表: the monthly export (frontdesk.export.monthly).

Before the file is chosen, records of the month still waiting for review are counted
(services.exports.waiting_for_review) and the supervisor may open the review queue instead
(`open_review`, which the window answers with the attendance page's 待確認 tab). The file
dialog proposes words.workbook.file_name (志工值勤月報_115年11月.xlsx) and asks before it
replaces a file, so the export then overwrites.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.timeutil import local_day, report_month
from frontdesk.export.monthly import export_month
from frontdesk.services.context import Desk
from frontdesk.services.exports import waiting_for_review
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.common import Banner, MonthPicker, attempt, title_label
from frontdesk.ui.supervisor.national_template import TemplateDialog
from frontdesk.ui.supervisor.year_box import YearReportBox
from frontdesk.words.dates import format_roc_month
from frontdesk.words.exports import review_waiting
from frontdesk.words.workbook import file_name


class Choice(Enum):
    """What the supervisor chose when records still wait for review."""

    EXPORT = "export"
    REVIEW = "review"
    CANCEL = "cancel"


class ReportsPage(QWidget):
    open_review = Signal()  # the supervisor chose to review the waiting records first

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        on_review: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        if on_review is not None:
            self.open_review.connect(on_review)
        today = local_day(desk.now())
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Monthly report")))
        note = QLabel(
            self.tr(
                "The month in one Excel workbook: attendance, service hours per volunteer and day "
                "(for the national volunteer system), the roster and the swaps."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        self.picker = MonthPicker(*report_month(today))
        row.addWidget(self.picker)
        self.export_button = QPushButton()
        self._name_month()
        row.addWidget(self.export_button)
        self.template_button = QPushButton(self.tr("Fill the county's template…"))
        row.addWidget(self.template_button)
        row.addStretch()
        layout.addLayout(row)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.year_report = YearReportBox(desk)
        layout.addWidget(self.year_report)
        layout.addStretch()
        self.export_button.clicked.connect(lambda: self.export())
        self.template_button.clicked.connect(lambda: self.county_template())
        self.picker.changed.connect(lambda _y, _m: self._name_month())

    def _name_month(self) -> None:
        """The button names the month it exports: the one shown ("匯出本月" was the label
        while November was shown in December)."""
        self.export_button.setText(
            self.tr("Export {month} to Excel…").format(
                month=format_roc_month(self.picker.year, self.picker.month)
            )
        )

    def county_template(self) -> None:
        """The county's own template for the national system, for the month shown."""
        TemplateDialog(self.desk, self.picker.year, self.picker.month, self).exec()

    def ask_about_review(self, sentence: str) -> Choice:
        """Records wait for review: export anyway (Enter), review them first, or cancel."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Monthly report"), sentence, parent=self
        )
        box.setInformativeText(self.tr("Review them first, or export the month as it is now?"))
        export = box.addButton(self.tr("Export anyway"), QMessageBox.ButtonRole.AcceptRole)
        review = box.addButton(self.tr("Open the review queue"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(export)
        box.exec()
        clicked = box.clickedButton()
        if clicked is export:
            return Choice.EXPORT
        return Choice.REVIEW if clicked is review else Choice.CANCEL

    def export(self, path: str | None = None) -> None:
        """Warn about records waiting for review, ask for the file, write the workbook."""
        year, month = self.picker.year, self.picker.month
        sentence = review_waiting(waiting_for_review(self.desk, year, month), year, month)
        if sentence:
            choice = self.ask_about_review(sentence)
            if choice is Choice.REVIEW:
                self.open_review.emit()
                return
            if choice is Choice.CANCEL:
                return
        path = path or common.choose_save_file(
            self, self.tr("Monthly report"), file_name(year, month), "Excel (*.xlsx)"
        )
        if not path:
            return
        # The file dialog asked before choosing an existing file: replacing it is meant.
        ok, written = attempt(
            self.banner, export_month, self.desk, year, month, Path(path), overwrite=True
        )
        if ok:
            done = self.tr("Saved to {path}.").format(path=written or path)
            self.banner.ok(f"{sentence} {done}" if sentence else done)
