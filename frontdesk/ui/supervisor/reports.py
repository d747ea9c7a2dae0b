"""報表: the monthly export (frontdesk.export.monthly)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from frontdesk.core.timeutil import local_day
from frontdesk.export.monthly import export_month
from frontdesk.services.context import Desk
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.common import Banner, MonthPicker, attempt, title_label
from frontdesk.words.dates import format_roc_month


class ReportsPage(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
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
        self.picker = MonthPicker(today.year, today.month)
        row.addWidget(self.picker)
        self.export_button = QPushButton()
        self._name_month()
        row.addWidget(self.export_button)
        row.addStretch()
        layout.addLayout(row)
        self.banner = Banner()
        layout.addWidget(self.banner)
        layout.addStretch()
        self.export_button.clicked.connect(lambda: self.export())
        self.picker.changed.connect(lambda _y, _m: self._name_month())

    def _name_month(self) -> None:
        """The button names the month it exports: the one shown ("匯出本月" was the label
        while November was shown in December)."""
        self.export_button.setText(
            self.tr("Export {month} to Excel…").format(
                month=format_roc_month(self.picker.year, self.picker.month)
            )
        )

    def export(self, path: str | None = None) -> None:
        year, month = self.picker.year, self.picker.month
        path = path or common.choose_save_file(
            self,
            self.tr("Monthly report"),
            f"{year - 1911}-{month:02d}.xlsx",
            "Excel (*.xlsx)",
        )
        if not path:
            return
        ok, written = attempt(self.banner, export_month, self.desk, year, month, Path(path))
        if ok:
            self.banner.ok(self.tr("Saved to {path}.").format(path=written or path))
