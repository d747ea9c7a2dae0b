"""The volunteer list: a table model and the proxy that searches and sorts it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from frontdesk.core.codes import ascii_width
from frontdesk.services.workspace import VolunteerRow
from frontdesk.ui.models.base import SORT_ROLE, RowTableModel
from frontdesk.words.labels import volunteer_status


class VolunteerTableModel(RowTableModel[VolunteerRow]):
    CODE, NAME, PHONE, LANGUAGES, STATUS, WEEKLY_MAX, TRAINING, SHIFTS, NOTES = range(9)
    COLUMN_COUNT = 9

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._haystack: list[str] = []

    def header(self, column: int) -> str:
        return (
            QCoreApplication.translate("VolunteerTableModel", "Code"),
            QCoreApplication.translate("VolunteerTableModel", "Name"),
            QCoreApplication.translate("VolunteerTableModel", "Phone"),
            QCoreApplication.translate("VolunteerTableModel", "Languages"),
            QCoreApplication.translate("VolunteerTableModel", "Status"),
            QCoreApplication.translate("VolunteerTableModel", "Weekly max"),
            QCoreApplication.translate("VolunteerTableModel", "Training"),
            QCoreApplication.translate("VolunteerTableModel", "Duties this month"),
            QCoreApplication.translate("VolunteerTableModel", "Notes"),
        )[column]

    def set_rows(self, rows: Any) -> None:
        self._yes = QCoreApplication.translate("VolunteerTableModel", "Basic ✓ {hours} h")
        self._no = QCoreApplication.translate("VolunteerTableModel", "No basic training")
        self._default = QCoreApplication.translate("VolunteerTableModel", "site default")
        super().set_rows(rows)
        self._haystack = [f"{r.code}\n{r.name}\n{r.languages}".casefold() for r in self._rows]

    def texts(self, row: VolunteerRow) -> list[str]:
        hours = f"{row.training_hours:g}"
        return [
            row.code,
            row.name,
            row.phone_masked,
            row.languages,
            volunteer_status(row.status),
            str(row.weekly_max) if row.weekly_max is not None else self._default,
            self._yes.format(hours=hours) if row.basic_training else self._no,
            str(row.shifts_this_month),
            row.notes.splitlines()[0][:60] if row.notes else "",
        ]

    def sort_key(self, row: VolunteerRow, column: int, text: str) -> Any:
        if column == self.WEEKLY_MAX:
            return row.weekly_max if row.weekly_max is not None else 0
        if column == self.SHIFTS:
            return row.shifts_this_month
        if column == self.TRAINING:
            return row.training_hours if row.basic_training else -1.0
        return text

    def extra(self, row: VolunteerRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "inactive":
            return QBrush(QColor("#777777"))
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and column == self.TRAINING
            and not row.basic_training
        ):
            return QBrush(QColor("#fde2c8"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.WEEKLY_MAX, self.SHIFTS):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _permute(self, order: list[int]) -> None:
        self._haystack = [self._haystack[i] for i in order]
        super()._permute(order)

    def haystack(self, row: int) -> str:
        return self._haystack[row]


class VolunteerFilterProxy(QSortFilterProxyModel):
    """Search by code, name or language; optionally hide inactive volunteers."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._show_inactive = True
        self._sorted: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let the source sort itself (in Python, once); the proxy only filters."""
        model = self.sourceModel()
        if isinstance(model, VolunteerTableModel):
            model.sort(column, order)
        self._sorted = (column, order)

    def sorted_by(self) -> tuple[int, Qt.SortOrder]:
        return self._sorted

    def set_search(self, text: str) -> None:
        needle = ascii_width(text).strip().casefold()  # ０-９ typed with an input method
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_inactive(self, show: bool) -> None:
        if show != self._show_inactive:
            self.beginFilterChange()
            self._show_inactive = show
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, VolunteerTableModel)
        if not self._show_inactive and model.row_at(source_row).status == "inactive":
            return False
        return not self._needle or self._needle in model.haystack(source_row)
