"""Supervisor accounts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from frontdesk.services.supervisors import SupervisorRow
from frontdesk.ui.models.base import RowTableModel
from frontdesk.words.dates import stamp


class SupervisorModel(RowTableModel[SupervisorRow]):
    USERNAME, DISPLAY_NAME, STATE, CREATED = range(4)
    COLUMN_COUNT = 4

    def header(self, column: int) -> str:
        return (
            QCoreApplication.translate("SupervisorModel", "User name"),
            QCoreApplication.translate("SupervisorModel", "Name"),
            QCoreApplication.translate("SupervisorModel", "State"),
            QCoreApplication.translate("SupervisorModel", "Created"),
        )[column]

    def texts(self, row: SupervisorRow) -> list[str]:
        if not row.active:
            state = QCoreApplication.translate("SupervisorModel", "Disabled")
        elif row.locked and row.locked_until is not None:
            state = QCoreApplication.translate("SupervisorModel", "Locked until {t}").format(
                t=stamp(row.locked_until)
            )
        else:
            state = QCoreApplication.translate("SupervisorModel", "Active")
        return [row.username, row.display_name, state, stamp(row.created_at)]

    def extra(self, row: SupervisorRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(QColor("#777777"))
        return None
