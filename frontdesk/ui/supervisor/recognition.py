"""表揚資格: who qualifies now for a certificate, a card or an award, who will within three
months at their current pace, who lacks a training or a record book; to Excel.

The rows come from services.recognition_views (rules in core.recognition); double-clicking
a volunteer opens their service record.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.timeutil import local_day
from frontdesk.export.recognition import write_recognition
from frontdesk.services.context import Desk
from frontdesk.services.recognition_views import RecognitionRow, standings
from frontdesk.ui.models.base import ROW_ROLE
from frontdesk.ui.models.recognition import RecognitionModel
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.common import Banner, attempt, title_label
from frontdesk.words import records_paper
from frontdesk.words.dates import format_roc_short

ALL, NOW, SOON, GAPS, EXPIRING = range(5)
# px per column at the workspace's 14 pt, so the table fits 1366 px beside the navigation
WIDTHS = (65, 80, 105, 100, 90, 0, 0, 170, 165)


def shown(rows: list[RecognitionRow], choice: int) -> list[RecognitionRow]:
    """The rows the filter keeps: all, due now, due within three months, lacking, expiring."""
    keep: dict[int, Callable[[RecognitionRow], bool]] = {
        ALL: lambda r: True,
        NOW: lambda r: bool(r.standing.due_now),
        SOON: lambda r: bool(r.standing.due_soon),
        GAPS: lambda r: bool(r.standing.missing),
        EXPIRING: lambda r: r.standing.expiring is not None,
    }
    return [r for r in rows if keep[choice](r)]


class RecognitionPage(QWidget):
    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        on_open: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.on_open = on_open
        self.all_rows: list[RecognitionRow] = []
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Recognition")))
        row = QHBoxLayout()
        self.filter = QComboBox()
        for text in (
            self.tr("Everyone"),
            self.tr("Qualifies now"),
            self.tr("Qualifies within 3 months at the current pace"),
            self.tr("Lacks a training or the record book"),
            self.tr("Honor card expires within 60 days"),
        ):
            self.filter.addItem(text)
        row.addWidget(self.filter)
        self.count = QLabel()
        row.addWidget(self.count)
        row.addStretch()
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.model = RecognitionModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate(WIDTHS):
            if width:
                self.table.setColumnWidth(column, width)
            else:  # what is due: the columns that take the room left
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.filter.currentIndexChanged.connect(lambda _i: self._show())
        self.export_button.clicked.connect(lambda: self.export())
        self.table.doubleClicked.connect(self._open)

    def refresh(self) -> None:
        ok, rows = attempt(self.banner, standings, self.desk)
        if ok and rows is not None:
            self.all_rows = rows
            self._show()

    def showEvent(self, event: object) -> None:
        self.refresh()

    def _show(self) -> None:
        rows = shown(self.all_rows, self.filter.currentIndex())
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()
        self.count.setText(self.tr("{n} volunteers").format(n=len(rows)))

    def _open(self, index: QModelIndex) -> None:
        row = self.model.data(index, ROW_ROLE)
        if row is not None and self.on_open is not None:
            self.on_open(row.code)

    def export(self, path: str | None = None) -> None:
        """The rows the filter shows, to a workbook the supervisor names."""
        today = local_day(self.desk.now())
        name = records_paper.RECOGNITION_FILE.format(day=format_roc_short(today).replace("/", ""))
        path = path or common.choose_save_file(self, self.tr("Recognition"), name, "Excel (*.xlsx)")
        if not path:
            return
        ok, written = attempt(self.banner, write_recognition, self.model.rows(), today, path)
        if ok and written is not None:
            self.banner.info(self.tr("Saved {path}").format(path=str(written)))
