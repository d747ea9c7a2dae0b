"""The year's service report on the 報表 page: choose the year (ROC), write one workbook
(export.year) for the January report (年度提升服務成果報告)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from frontdesk.core.timeutil import local_day, roc_year, year_of
from frontdesk.export.year import export_year
from frontdesk.services.context import Desk
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.common import Banner, attempt, title_label
from frontdesk.words.year_report import file_name


class YearReportBox(QWidget):
    """年度報告: a year (the last one by default, as the report is made in January)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        today = local_day(desk.now())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addWidget(title_label(self.tr("Year report")))
        note = QLabel(
            self.tr(
                "The year for the January service report in one Excel workbook: coverage, "
                "volunteers, hours, punctuality, swaps and closures month by month, the phone "
                "courtesy tests, trainings and recognition, with a summary and two charts."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(100, roc_year(today) + 1)
        self.year.setPrefix(self.tr("ROC year "))
        self.year.setSuffix(self.tr(" (year)"))
        # January reports the year just ended; later in the year, the year so far.
        self.year.setValue(roc_year(today) - (1 if today.month == 1 else 0))
        row.addWidget(self.year)
        self.button = QPushButton(self.tr("Write the year report to Excel…"))
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addLayout(row)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.button.clicked.connect(lambda: self.export())

    def gregorian(self) -> int:
        """The chosen ROC year as the Gregorian year the report reads."""
        return year_of(str(self.year.value()))

    def export(self, path: str | None = None) -> None:
        """Ask for the file (the dialog asks before replacing one), write the workbook."""
        year = self.gregorian()
        path = path or common.choose_save_file(
            self, self.tr("Year report"), file_name(year), "Excel (*.xlsx)"
        )
        if not path:
            return
        ok, written = attempt(self.banner, export_year, self.desk, year, Path(path), overwrite=True)
        if ok:
            self.banner.ok(self.tr("Saved to {path}.").format(path=written or path))
