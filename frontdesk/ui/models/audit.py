"""The audit log, newest first, read-only, in people's words (words.audit)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from frontdesk.services.workspace import AuditRow
from frontdesk.ui.models.base import RowTableModel
from frontdesk.words.audit import (
    Names,
    action_name,
    actor_text,
    detail_lines,
    details_text,
    subject_text,
)
from frontdesk.words.dates import stamp


class AuditLogModel(RowTableModel[AuditRow]):
    NUMBER, AT, ACTOR, ACTION, ENTITY, DETAILS = range(6)
    COLUMN_COUNT = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.names = Names()

    def set_log(self, rows: Sequence[AuditRow], names: Names) -> None:
        """Show `rows`, naming people and the agency by `names`."""
        self.names = names
        self.set_rows(rows)

    def header(self, column: int) -> str:
        return (
            QCoreApplication.translate("AuditLogModel", "No."),
            QCoreApplication.translate("AuditLogModel", "When"),
            QCoreApplication.translate("AuditLogModel", "Who"),
            QCoreApplication.translate("AuditLogModel", "What"),
            QCoreApplication.translate("AuditLogModel", "About"),
            QCoreApplication.translate("AuditLogModel", "What changed"),
        )[column]

    def texts(self, row: AuditRow) -> list[str]:
        names = self.names
        return [
            str(row.id),
            stamp(row.at),
            actor_text(row.actor, names),
            action_name(row.action),
            subject_text(row.entity, row.entity_id, row.before, row.after, names),
            details_text(row.entity, row.before, row.after, names),
        ]

    def sort_key(self, row: AuditRow, column: int, text: str) -> Any:
        return row.id if column in (self.NUMBER, self.AT) else text

    def extra(self, row: AuditRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DETAILS:
            lines = detail_lines(row.entity, row.before, row.after, self.names)
            return "\n".join(lines) or None
        return None
